"""The posts' row rules: who reads and who posts progress updates, assessments and evidence.

**Visibility** (the confidentiality rule, in one place):
- `public`: everyone, anonymous included;
- `shared`: registered users (and service tokens) of the state whose tracker the post is in;
- `confidential`: the posting organisation, the NHRIs of that state, and admins.
The posting organisation always sees its own posts. Reads filter in SQL (`visible_clause`), so a post
the caller may not see is absent from lists, totals, filters, aggregates and exports, and a 404
identical to a missing id when asked for by id (`visible_or_404`; never a 403, which would confirm it
exists). Evidence is visible when both it and its update or assessment are (`visible_evidence`); a
revision when the visibility it had then allows it (`revision_visible_clause`); an organisation's
current assessment is its latest among those the caller may see (`current_among_visible`; for many
recommendations at once, `current_visible_assessments`), so a confidential one never shows through as
someone's current rating.

**Posting**: an organisation posts about its own state's recommendations and actions (admins any):
403 `progress-update-not-own-state`, `assessment-not-own-state`, `evidence-not-own-state`. Evidence on
an update or assessment comes from the organisation that posted it. Only the poster (or an admin)
changes or deletes a post: 403 `not-the-poster` (`api/tracking/policy.py`, shared with measurements).

**Withdrawn, not erased** (`erased_on_delete`): the people who hold a government to account must see
what it said, so a deleted post that others could see is withdrawn: kept with `withdrawn_at`, out of
lists, current assessments, the matrix and its counts (`not_withdrawn`), still readable by id with its
revisions, and no longer changed (409 `post-withdrawn`). A confidential post is erased instead (with its
revisions and evidence, `revisions.py`) — a CSO or NHRI must be able to take back what endangers it —
except a government's that was once shared or public. Deleting a withdrawn post again erases it when
its poster is not a government (a CSO's public "our member was beaten at the police station", posted
by mistake, must be able to disappear) or when an admin deletes it; a government's withdrawn post stays
(409 `post-withdrawn`).

**Published stays visible** (`require_stays_visible`): a government's post that was ever shared or
public is never made less visible than it has been (409 `published-post-stays-visible`, naming
`visibility`): hiding it would unsay it as surely as erasing it. CSOs and NHRIs may hide their own.

The name a pseudonymous organisation shows under is `api.auth.policy.display_name`; its evidence files
carry a neutral name (`evidence_file_name`).
"""

from typing import Any, TypeVar

from sqlalchemy import and_, exists, func, or_, true
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.auth.models import Organisation, OrganisationKind
from api.auth.permissions import Permission, Role
from api.auth.policy import sees_real_name
from api.auth.principal import Principal
from api.core.errors import Conflict, Forbidden, NotFound
from api.tracking.models import Assessment, Evidence, ProgressUpdate, Visibility
from api.tracking.policy import require_poster

Post = TypeVar("Post", ProgressUpdate, Assessment)


class UpdateNotOwnState(Forbidden):
    slug, title = "progress-update-not-own-state", "Not your state"


class AssessmentNotOwnState(Forbidden):
    slug, title = "assessment-not-own-state", "Not your state"


class EvidenceNotOwnState(Forbidden):
    slug, title = "evidence-not-own-state", "Not your state"


class PostWithdrawn(Conflict):
    slug, title = "post-withdrawn", "Withdrawn"


class PublishedPostStaysVisible(Conflict):
    slug, title = "published-post-stays-visible", "Published posts stay visible"


# --- who reads -----------------------------------------------------------------------------------


def _visible(principal: Principal, visibility: Any, state_code: Any, organisation_id: Any) -> ColumnElement[bool]:
    """SQL: a row with these `visibility`, `state_code` and posting `organisation_id` columns is readable."""
    if principal.is_admin:
        return true()
    public = visibility == Visibility.public
    if principal.is_anonymous or principal.state_code is None:
        return public
    own_state = state_code == principal.state_code
    clauses = [public, and_(visibility == Visibility.shared, own_state)]
    if principal.organisation_id is not None:
        clauses.append(organisation_id == principal.organisation_id)
    if principal.role is Role.nhri:
        clauses.append(and_(visibility == Visibility.confidential, own_state))
    return or_(*clauses)


def visible_clause(principal: Principal, model: Any) -> ColumnElement[bool]:
    """SQL: the caller may read rows of `model` (a progress update, assessment or evidence, or an alias)."""
    return _visible(principal, model.visibility, model.state_code, model.organisation_id)


def revision_visible_clause(principal: Principal, revision: Any, post: Any) -> ColumnElement[bool]:
    """SQL, over a revision joined to its post: the revision judged by the visibility it had, with its
    post's state and organisation, so making a confidential post public does not publish its
    confidential earlier text."""
    return _visible(principal, revision.visibility, post.state_code, post.organisation_id)


def visible_or_404(
    session: Session, principal: Principal, model: type[Post], row_id: int, entity: str, *, for_update: bool = False
) -> Post:
    """The update or assessment if the caller may see it; otherwise the same 404 as for an id that does not
    exist. (Evidence loads through `visible_evidence`, which also judges its parent.)"""
    stmt = select(model).where(col(model.id) == row_id, visible_clause(principal, model))
    if for_update:
        stmt = stmt.with_for_update()
    row = session.exec(stmt).first()
    if row is None:
        raise NotFound.entity(entity, row_id)
    return row


def visible_evidence(principal: Principal) -> SelectOfScalar[Evidence]:
    """`select(Evidence)` limited to what the caller may see, parents included: a public document
    attached to a confidential assessment must not reveal that the assessment exists. Milestones are
    public. (Evidence listed under a parent the caller already sees needs only `visible_clause`.)"""
    stmt = select(Evidence)
    if principal.is_admin:
        return stmt
    update, assessment = aliased(ProgressUpdate), aliased(Assessment)
    return (
        stmt.outerjoin(update, col(update.id) == col(Evidence.progress_update_id))
        .outerjoin(assessment, col(assessment.id) == col(Evidence.assessment_id))
        .where(
            visible_clause(principal, Evidence),
            or_(
                col(Evidence.progress_update_id).is_(None),
                and_(col(update.id).is_not(None), visible_clause(principal, update)),
            ),
            or_(
                col(Evidence.assessment_id).is_(None),
                and_(col(assessment.id).is_not(None), visible_clause(principal, assessment)),
            ),
        )
    )


def not_withdrawn(model: Any) -> ColumnElement[bool]:
    """SQL: the update or assessment (or an alias) is current, not withdrawn: what lists and counts show."""
    return col(model.withdrawn_at).is_(None)


FILE_EXTENSIONS = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "text/csv": "csv",
    "text/plain": "txt",
}


def evidence_file_name(organisation: Organisation, evidence: Evidence, reader: Principal | None = None) -> str | None:
    """A pseudonymous organisation's file names betray it ("Roma Defenders report.docx"): its files are
    stored as `evidence-<id>.<ext>` from the start (`reader` None: the name to store; the uploaded one is
    never kept). For a `reader`, the stored name, unless the row predates that rule or the organisation's
    public name and the reader may not see its real name: then the neutral one too. Others keep theirs."""
    if evidence.file_name is None or not organisation.public_name:
        return evidence.file_name
    if reader is not None and sees_real_name(reader, organisation):
        return evidence.file_name
    extension = FILE_EXTENSIONS.get(evidence.content_type or "", "bin")
    return f"evidence-{evidence.id}.{extension}" if evidence.id is not None else f"evidence.{extension}"


def current_among_visible(principal: Principal) -> ColumnElement[bool]:
    """SQL over `Assessment`: not withdrawn, and no later assessment (by `assessed_on`, then when it was
    posted, then id) of the same recommendation by the same organisation that the caller may see and that
    is not withdrawn — its current one, as this caller sees it. (Ids are random, `api.core.ids`: they only
    break a tie of the same instant.)"""
    later = aliased(Assessment)
    newer = select(later.id).where(
        col(later.organisation_id) == col(Assessment.organisation_id),
        col(later.recommendation_id) == col(Assessment.recommendation_id),
        visible_clause(principal, later),
        not_withdrawn(later),
        or_(
            col(later.assessed_on) > col(Assessment.assessed_on),
            and_(
                col(later.assessed_on) == col(Assessment.assessed_on),
                col(later.created_at) > col(Assessment.created_at),
            ),
            and_(
                col(later.assessed_on) == col(Assessment.assessed_on),
                col(later.created_at) == col(Assessment.created_at),
                col(later.id) > col(Assessment.id),
            ),
        ),
    )
    return and_(not_withdrawn(Assessment), ~exists(newer))


def current_visible_assessments(principal: Principal, recommendation_ids: Any) -> Select:
    """`current_among_visible` for many recommendations at once, as one window over their assessments
    instead of a probe per row: (recommendation_id, organisation_id, id, rating, assessed_on) of each
    organisation's current assessment of these recommendations (`recommendation_ids`: a list or a
    subquery of ids) that the caller may see. The same order decides (`assessed_on`, then when it was
    posted, then id), among the same rows (visible, not withdrawn)."""
    newest_first = (
        func.row_number()
        .over(
            partition_by=(col(Assessment.recommendation_id), col(Assessment.organisation_id)),
            order_by=(col(Assessment.assessed_on).desc(), col(Assessment.created_at).desc(), col(Assessment.id).desc()),
        )
        .label("n")
    )
    ranked = (
        sa_select(
            col(Assessment.recommendation_id),
            col(Assessment.organisation_id),
            col(Assessment.id),
            col(Assessment.rating),
            col(Assessment.assessed_on),
            newest_first,
        )
        .where(
            col(Assessment.recommendation_id).in_(recommendation_ids),
            visible_clause(principal, Assessment),
            not_withdrawn(Assessment),
        )
        .subquery("ranked_assessment")
    )
    return sa_select(*(c for c in ranked.c if c.key != "n")).where(ranked.c.n == 1)


# --- who posts -----------------------------------------------------------------------------------


def require_update_post(principal: Principal, state_code: str) -> None:
    if not principal.may(Permission.progress_updates_post, state_code=state_code):
        raise UpdateNotOwnState(
            f"You may post progress updates about {principal.state_code} only (this is about {state_code})."
        )


def require_assessment_post(principal: Principal, state_code: str) -> None:
    if not principal.may(Permission.assessments_post, state_code=state_code):
        raise AssessmentNotOwnState(
            f"You may assess recommendations made to {principal.state_code} only (this one was made to {state_code})."
        )


def require_evidence_on_milestone(principal: Principal, state_code: str) -> None:
    if not principal.may(Permission.evidence_post, state_code=state_code):
        raise EvidenceNotOwnState(f"You may attach evidence to milestones of {principal.state_code} only.")


def require_evidence_on_post(principal: Principal, post: ProgressUpdate | Assessment, entity: str) -> None:
    """Evidence on an update or assessment comes from the organisation that posted it (or an admin), and
    a withdrawn one takes no more."""
    require_poster(principal, post, entity)
    require_not_withdrawn(post, entity)


# --- what changes and what a delete does ---------------------------------------------------------


def require_not_withdrawn(post: ProgressUpdate | Assessment, entity: str) -> None:
    """409 `post-withdrawn`: a withdrawn post stays as it was when withdrawn."""
    if post.withdrawn_at is not None:
        raise PostWithdrawn(f"This {entity} was withdrawn: it is kept as it was and cannot change.")


# How far a post reaches, least first: a government may not move its post down this order.
REACH = {Visibility.confidential: 0, Visibility.shared: 1, Visibility.public: 2}


def require_stays_visible(
    poster: OrganisationKind, visibilities: list[Visibility], new: Visibility, entity: str
) -> None:
    """409 `published-post-stays-visible` (field `visibility`) when a government's post, whose revisions
    had `visibilities`, would become less visible than it has ever been (once public: public; once
    shared: shared or public)."""
    if poster != OrganisationKind.government:
        return
    widest = max(visibilities, key=REACH.__getitem__, default=Visibility.confidential)
    if REACH[new] < REACH[widest]:
        raise PublishedPostStaysVisible(
            f"This {entity} was {widest.value}: a government's published {entity} stays at least {widest.value}"
            " (correct its text, or delete it to withdraw it).",
            field="visibility",
        )


def erased_on_delete(
    poster: OrganisationKind, visibilities: list[Visibility], *, withdrawn: bool = False, by_admin: bool = False
) -> bool:
    """Whether deleting a post erases it (True) or withdraws it; `visibilities` are its revisions',
    oldest first. A post not yet withdrawn is erased when confidential now, unless a government's that
    was once shared or public. A `withdrawn` one is erased when an admin deletes it or its poster is not a
    government (a government's stays withdrawn: `require_deletable` refuses that delete first)."""
    if withdrawn:
        return by_admin or poster != OrganisationKind.government
    if visibilities[-1] != Visibility.confidential:
        return False
    return poster != OrganisationKind.government or all(v == Visibility.confidential for v in visibilities)


def require_deletable(
    principal: Principal, post: ProgressUpdate | Assessment, poster: OrganisationKind, entity: str
) -> None:
    """409 `post-withdrawn` for deleting a government's withdrawn post again (anyone but an admin)."""
    if post.withdrawn_at is not None and not erased_on_delete(poster, [], withdrawn=True, by_admin=principal.is_admin):
        raise PostWithdrawn(f"This {entity} was withdrawn: a government's withdrawn {entity} is kept as it was.")
