"""Briefs: a working group's Issues – Questions – Recommendations for one review, read with their asks.
Who sees a brief is `policy.visible_briefs` (published: everyone; otherwise the coalition's), applied
in SQL before counting or paging. Writes load through `policy.member_briefs`, so another coalition's
brief is a 404 even once published; then a working group's members edit its drafts, and only its
co-chairs and the coalition's leads move the status or change an agreed or published brief.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from api.advocacy import links, policy
from api.advocacy.briefs.asks_service import asks_of, smart_of
from api.advocacy.briefs.schemas import (
    BriefAsk,
    BriefCoalitionRef,
    BriefCreate,
    BriefLabelRef,
    BriefRead,
    BriefReviewRef,
    BriefSubmissionRef,
    BriefUpdate,
    BriefWorkingGroupRef,
)
from api.advocacy.models import (
    Brief,
    BriefAffectedPerson,
    BriefStatus,
    BriefSubmission,
    BriefTarget,
    BriefTheme,
    Coalition,
    OutreachBrief,
    ProposedRecommendation,
    UptakeMatch,
    WorkingGroup,
)
from api.auth.principal import Principal
from api.core.errors import Conflict, InvalidInput
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.rows import stored_id
from api.core.types import utcnow
from api.core.updates import apply_changes
from api.cycle.models import Review, Submission
from api.taxonomy.models import AffectedPerson, Theme

STATUS_ORDER = (BriefStatus.draft, BriefStatus.agreed, BriefStatus.published)
CONTENT_FIELDS = ("title", "issues", "questions", "themes", "affected_persons", "submissions")


class BriefStatusStep(Conflict):
    slug, title = "brief-status-step", "A brief's status moves one step at a time"


class BriefNotDraft(Conflict):
    slug, title = "brief-not-draft", "Only a draft brief can be deleted"


# --- reads ---------------------------------------------------------------------------------------


def _labels(session: Session, link: Any, column: str, table: Any, brief_ids: Sequence[int]) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = defaultdict(list)
    for brief_id, row in session.exec(
        select(link.brief_id, table)
        .join(table, col(table.id) == getattr(link, column))
        .where(col(link.brief_id).in_(list(brief_ids)))
        .order_by(col(table.name), col(table.id))
    ):
        found[brief_id].append(row)
    return found


def submissions_of(session: Session, brief_ids: Sequence[int]) -> dict[int, list[Submission]]:
    found: dict[int, list[Submission]] = defaultdict(list)
    for brief_id, row in session.exec(
        select(BriefSubmission.brief_id, Submission)
        .join(Submission, col(Submission.id) == col(BriefSubmission.submission_id))
        .where(col(BriefSubmission.brief_id).in_(list(brief_ids)))
        .order_by(col(Submission.id))
    ):
        found[brief_id].append(row)
    return found


def brief_reads(session: Session, briefs: Sequence[Brief]) -> list[BriefRead]:
    """Read shapes for a page of briefs, in a fixed number of queries. No member organisation is named."""
    ids = [stored_id(b) for b in briefs]
    groups = {
        stored_id(g): (g, c)
        for g, c in session.exec(
            select(WorkingGroup, Coalition)
            .join(Coalition, col(Coalition.id) == col(WorkingGroup.coalition_id))
            .where(col(WorkingGroup.id).in_({b.working_group_id for b in briefs}))
        )
    }
    reviews = {
        stored_id(r): r for r in session.exec(select(Review).where(col(Review.id).in_({b.review_id for b in briefs})))
    }
    asks = asks_of(session, ids)
    themes = _labels(session, BriefTheme, "theme_id", Theme, ids)
    persons = _labels(session, BriefAffectedPerson, "affected_person_id", AffectedPerson, ids)
    submissions = submissions_of(session, ids)
    reads = []
    for b in briefs:
        bid = stored_id(b)
        group, coalition = groups[b.working_group_id]
        review = reviews[b.review_id]
        reads.append(
            BriefRead(
                id=bid,
                coalition=BriefCoalitionRef(id=stored_id(coalition), name=coalition.name),
                working_group=BriefWorkingGroupRef(id=stored_id(group), name=group.name),
                review=BriefReviewRef(
                    id=stored_id(review), state_code=review.state_code, session=review.session_number
                ),
                title=b.title,
                issues=b.issues,
                questions=list(b.questions),
                proposed_recommendations=[
                    BriefAsk(id=stored_id(a), position=a.position, text=a.text, smart=smart_of(a.text))
                    for a in asks[bid]
                ],
                themes=[BriefLabelRef(id=stored_id(t), code=t.code, name=t.name) for t in themes[bid]],
                affected_persons=[BriefLabelRef(id=stored_id(p), code=p.code, name=p.name) for p in persons[bid]],
                submissions=[BriefSubmissionRef(id=stored_id(s), title=s.title) for s in submissions[bid]],
                status=b.status,
                published_at=b.published_at,
                created_at=b.created_at,
                updated_at=b.updated_at,
            )
        )
    return reads


def brief_read(session: Session, brief: Brief) -> BriefRead:
    return brief_reads(session, [brief])[0]


def list_briefs(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    review_id: int | None = None,
    state_code: str | None = None,
    coalition_id: int | None = None,
    working_group_id: int | None = None,
    status: BriefStatus | None = None,
    theme_id: int | None = None,
) -> Page[BriefRead]:
    """The briefs the caller may see (absent, not redacted, otherwise), oldest first."""
    stmt = select(Brief).where(policy.visible_briefs(principal))
    if review_id is not None:
        stmt = stmt.where(Brief.review_id == review_id)
    if state_code is not None:
        stmt = stmt.where(col(Brief.review_id).in_(select(Review.id).where(Review.state_code == state_code.upper())))
    if coalition_id is not None:
        stmt = stmt.where(
            col(Brief.working_group_id).in_(select(WorkingGroup.id).where(WorkingGroup.coalition_id == coalition_id))
        )
    if working_group_id is not None:
        stmt = stmt.where(Brief.working_group_id == working_group_id)
    if status is not None:
        stmt = stmt.where(Brief.status == status)
    if theme_id is not None:
        stmt = stmt.where(col(Brief.id).in_(select(BriefTheme.brief_id).where(BriefTheme.theme_id == theme_id)))
    page = paginate(session, stmt, params, [Sort(Brief.created_at), Sort(Brief.id)])
    return Page[Any](items=brief_reads(session, page.items), total=page.total, next_cursor=page.next_cursor)


def get_brief(session: Session, principal: Principal, brief_id: int) -> Brief:
    """A brief the caller may read; otherwise a 404 identical to a missing id."""
    brief: Brief = policy.get_visible(session, Brief, brief_id, policy.visible_briefs(principal), "Brief")
    return brief


def get_writable_brief(session: Session, principal: Principal, brief_id: int) -> tuple[Brief, WorkingGroup]:
    """A brief of the caller's coalitions (404 otherwise, published or not), locked for the write, that
    the caller's organisation may edit as a member of its working group or a lead of the coalition (403
    otherwise)."""
    brief = policy.get_member_brief(session, principal, brief_id, for_update=True)
    return brief, policy.require_brief_group(session, principal, brief)


def _group_for_create(session: Session, principal: Principal, working_group_id: int) -> WorkingGroup:
    group: WorkingGroup = policy.get_visible(
        session,
        WorkingGroup,
        working_group_id,
        policy.member_of(principal, WorkingGroup.coalition_id),
        "Working group",
    )
    policy.require_group_member(session, principal, group)
    return group


def _check_review(session: Session, review_id: int, group: WorkingGroup) -> Review:
    coalition = session.get_one(Coalition, group.coalition_id)
    review = session.get(Review, review_id)
    if review is None:
        raise InvalidInput(f"Review {review_id} does not exist.", field="review_id")
    if review.state_code != coalition.state_code:
        raise InvalidInput(
            f"Review {review_id} is of {review.state_code}; the coalition works on {coalition.state_code}.",
            field="review_id",
        )
    return review


def _check_submissions(session: Session, ids: Sequence[int], review_id: int) -> None:
    if not ids:
        return
    known = set(
        session.exec(select(Submission.id).where(col(Submission.id).in_(list(ids)), Submission.review_id == review_id))
    )
    if missing := [i for i in ids if i not in known]:
        raise InvalidInput(
            f"Submission(s) {', '.join(map(str, missing))} do not exist or were not made for review {review_id}.",
            field="submissions",
        )


_LINKS: dict[str, tuple[type[SQLModel], str]] = {
    "themes": (BriefTheme, "theme_id"),
    "affected_persons": (BriefAffectedPerson, "affected_person_id"),
    "submissions": (BriefSubmission, "submission_id"),
}


def _replace_links(session: Session, brief: Brief, field: str, ids: Sequence[int]) -> bool:
    """Make the brief's `field` links exactly `ids`; whether anything changed."""
    table, column = _LINKS[field]
    return links.replace_links(session, table, "brief_id", stored_id(brief), column, ids)


def _check_links(session: Session, data: BriefCreate | BriefUpdate, review_id: int) -> None:
    if data.themes:
        links.require_existing_ids(session, Theme, data.themes, "themes", "theme")
    if data.affected_persons:
        links.require_existing_ids(
            session, AffectedPerson, data.affected_persons, "affected_persons", "affected-persons group"
        )
    if data.submissions:
        _check_submissions(session, data.submissions, review_id)


def create_brief(session: Session, principal: Principal, data: BriefCreate) -> Brief:
    group = _group_for_create(session, principal, data.working_group_id)
    review = _check_review(session, data.review_id, group)
    _check_links(session, data, stored_id(review))
    brief = Brief(
        working_group_id=stored_id(group),
        review_id=stored_id(review),
        title=data.title,
        issues=data.issues,
        questions=list(data.questions),
    )
    session.add(brief)
    session.flush()
    for field in _LINKS:
        _replace_links(session, brief, field, getattr(data, field))
    session.flush()
    return brief


def _check_status_step(before: BriefStatus, after: BriefStatus) -> None:
    if abs(STATUS_ORDER.index(after) - STATUS_ORDER.index(before)) != 1:
        allowed = " or ".join(s.value for s in _neighbours(before))
        raise BriefStatusStep(
            f"A {before.value} brief can move to {allowed}, not {after.value}.",
            field="status",
        )


def _neighbours(status: BriefStatus) -> list[BriefStatus]:
    at = STATUS_ORDER.index(status)
    return [STATUS_ORDER[i] for i in (at - 1, at + 1) if 0 <= i < len(STATUS_ORDER)]


def update_brief(session: Session, principal: Principal, brief: Brief, group: WorkingGroup, data: BriefUpdate) -> Brief:
    """`brief` and `group` come from `get_writable_brief`. The content is checked against the stored
    status (an agreed brief is changed by co-chairs, even in the PATCH that returns it to draft)."""
    sent = data.model_fields_set
    if "status" in sent and data.status is None:
        raise InvalidInput("`status` cannot be null.", field="status")
    new_status = data.status if data.status is not None else brief.status
    if new_status != brief.status:
        policy.require_co_chair(session, principal, group)
        _check_status_step(brief.status, new_status)
    if sent & set(CONTENT_FIELDS):
        policy.require_content_editor(session, principal, brief, group)
    _check_links(session, data, brief.review_id)
    changed = False
    for field in _LINKS:
        if field in sent:
            changed |= _replace_links(session, brief, field, getattr(data, field))
    before = {field: getattr(brief, field) for field in ("title", "issues", "questions")}
    columns = apply_changes(brief, data, exclude=set(_LINKS) | {"status"})
    changed |= any(before[field] != value for field, value in columns.items())
    if new_status != brief.status:
        brief.status = new_status
        brief.published_at = utcnow() if new_status is BriefStatus.published else None
        changed = True
    if changed:
        brief.updated_at = utcnow()
        session.add(brief)
    session.flush()
    return brief


def delete_brief(session: Session, principal: Principal, brief_id: int) -> None:
    """A draft only (409 otherwise), with its asks, links, targets and its place in outreach records:
    every row through the ORM, so each deletion is audited."""
    brief, _group = get_writable_brief(session, principal, brief_id)
    if brief.status is not BriefStatus.draft:
        raise BriefNotDraft(f"Brief {brief_id} is {brief.status.value}; move it back to draft first.", field="status")
    asks = list(session.exec(select(ProposedRecommendation).where(ProposedRecommendation.brief_id == brief.id)))
    children: list[Any] = [
        *session.exec(
            select(UptakeMatch).where(col(UptakeMatch.proposed_recommendation_id).in_([stored_id(a) for a in asks]))
        ),
        *asks,
        *session.exec(select(BriefTarget).where(BriefTarget.brief_id == brief.id)),
        *session.exec(select(OutreachBrief).where(OutreachBrief.brief_id == brief.id)),
        *(row for table, _ in _LINKS.values() for row in session.exec(select(table).where(table.brief_id == brief.id))),  # type: ignore[attr-defined]
    ]
    for row in children:
        session.delete(row)
        session.flush()  # children before the brief, whatever order the unit of work would pick
    session.delete(brief)
    session.flush()
