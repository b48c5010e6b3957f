"""Posts with revisions — progress updates and assessments — written one way.

A post is never overwritten: creating it writes revision 1, and a correction that changes something
bumps `revision` and appends the new content as a revision row (a PATCH that changes nothing writes
nothing), so every earlier text stays retrievable to those who could see it then.

Revision numbers are as the caller sees them: a post's `revision` is how many of its revisions the
caller may see, and `/revisions` numbers those 1..n (the stored number never leaves the database, nor
does it travel in a page cursor), so a reader never learns that a version it may not see exists.

Its `created_at` and `updated_at` are as the caller sees them too: when the first and the last of the
revisions it may see were written (a revision is written at the instant its post is created or
changed), so a post first confidential and then public shows its public version's time, not the hidden one's.

Deleting a post withdraws it, or erases it with its revisions and its evidence (files once the delete
is committed): which one is the posts' rule (`policy.erased_on_delete`, a withdrawn post deleted again
included), as are who sees a post or a revision, who may change it, and how visible a government's
published post stays (`policy.require_stays_visible`).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import func
from sqlalchemy import select as columns
from sqlmodel import Session, SQLModel, col, select

from api.auth.models import Organisation
from api.auth.principal import Principal
from api.core.clock import not_in_future
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.types import utcnow
from api.core.updates import apply_changes
from api.tracking.models import (
    Assessment,
    AssessmentRevision,
    Evidence,
    ProgressUpdate,
    ProgressUpdateRevision,
    Visibility,
)
from api.tracking.policy import require_poster
from api.tracking.posts.evidence_service import delete_evidence_of, evidence_by_parent
from api.tracking.posts.policy import (
    erased_on_delete,
    require_deletable,
    require_not_withdrawn,
    require_stays_visible,
    revision_visible_clause,
    visible_or_404,
)
from api.tracking.rows import stored_id
from api.tracking.schemas import organisation_refs

P = TypeVar("P", ProgressUpdate, Assessment)
R = TypeVar("R", ProgressUpdateRevision, AssessmentRevision)
S = TypeVar("S", bound=SQLModel)


@dataclass(frozen=True)
class RevisionedPost(Generic[P, R]):
    entity: str  # as problems name it: "Progress update"
    post: type[P]
    revision: type[R]
    post_key: str  # the column of `revision` and of `Evidence` naming the post: "progress_update_id"
    content: tuple[str, ...]  # what a revision keeps: ("text", "reported_on", "visibility")
    dated: str  # the content's date, never in the future: "reported_on"

    def reads(self, session: Session, principal: Principal, rows: list[P], shape: type[S]) -> list[S]:
        """A page of posts as the caller reads them: the poster under the name the caller may see
        (`display_name`), with the evidence the caller may see, the number of revisions it may see as
        `revision`, and when the first and the last of those were written as `created_at` and
        `updated_at`, in one query each."""
        refs = organisation_refs(session, principal, (post.organisation_id for post in rows))
        ids = [stored_id(post) for post in rows]
        column = getattr(Evidence, self.post_key)
        evidence = evidence_by_parent(session, principal, column, ids)
        seen = self._visible_revisions(session, principal, ids)
        return [
            shape.model_validate(
                post,
                update={
                    "organisation": refs[post.organisation_id],
                    "evidence": evidence.get(stored_id(post), []),
                    **seen.get(stored_id(post), {"revision": 1}),
                },
            )
            for post in rows
        ]

    def get(self, session: Session, principal: Principal, post_id: int, *, for_update: bool = False) -> P:
        """404, as for a missing id, when the caller may not see it."""
        return visible_or_404(session, principal, self.post, post_id, self.entity, for_update=for_update)

    def get_writable(self, session: Session, principal: Principal, post_id: int) -> P:
        """Locked for the write: 404 if the caller cannot see it, 403 `not-the-poster` if it did not post it,
        409 `post-withdrawn` once withdrawn."""
        post = self.get(session, principal, post_id, for_update=True)
        require_poster(principal, post, self.entity.lower())
        require_not_withdrawn(post, self.entity.lower())
        return post

    def create(self, session: Session, post: P, *, edited_by_user_id: int | None) -> P:
        """`post` is new and already checked (its date, who may post it): stored with revision 1."""
        session.add(post)
        session.flush()
        self._add_revision(session, post, edited_by_user_id)
        return post

    def change(self, session: Session, principal: Principal, post: P, data: SQLModel) -> P:
        """`post` comes from `get_writable`; appends a revision when something changed."""
        if self.dated in data.model_fields_set:
            not_in_future(getattr(data, self.dated), self.dated)
        visibility: Visibility | None = getattr(data, "visibility", None)
        if visibility is not None:
            poster = session.get_one(Organisation, post.organisation_id)
            was = [revision.visibility for revision in self._stored_revisions(session, post)]
            require_stays_visible(poster.kind, was, visibility, self.entity.lower())
        before = self._content(post)
        apply_changes(post, data)
        if self._content(post) == before:
            return post
        post.revision += 1
        post.updated_at = utcnow()
        session.add(post)
        session.flush()
        self._add_revision(session, post, principal.user_id)
        return post

    def revisions(self, session: Session, principal: Principal, post_id: int, params: PageParams) -> Page[Any]:
        """The revisions the caller could have seen when each was current, oldest first, numbered 1..n
        among those (items are rows of `content`, `revision` and `created_at`); a withdrawn post's too."""
        self.get(session, principal, post_id)
        key = getattr(self.revision, self.post_key)
        numbered = (
            columns(
                *(getattr(self.revision, field) for field in self.content),
                col(self.revision.created_at),
                func.row_number().over(order_by=col(self.revision.revision)).label("revision"),
            )
            .join(self.post, col(self.post.id) == key)
            .where(key == post_id, revision_visible_clause(principal, self.revision, self.post))
            .subquery()
        )
        return paginate(session, columns(numbered), params, [Sort(numbered.c.revision)], rows=True)

    def delete(self, session: Session, principal: Principal, post_id: int, evidence_dir: Path) -> None:
        """By its poster (or an admin): withdrawn (kept, marked), or erased with its revisions and its
        evidence, whoever attached it (`policy.erased_on_delete`). Both answer alike. A withdrawn post
        deleted again is erased, unless a government's (409 `post-withdrawn`, `policy.require_deletable`)."""
        post = self.get(session, principal, post_id, for_update=True)
        require_poster(principal, post, self.entity.lower())
        poster = session.get_one(Organisation, post.organisation_id)
        require_deletable(principal, post, poster.kind, self.entity.lower())
        revisions = self._stored_revisions(session, post)
        withdrawn = post.withdrawn_at is not None
        visibilities = [revision.visibility for revision in revisions]
        if not erased_on_delete(poster.kind, visibilities, withdrawn=withdrawn, by_admin=principal.is_admin):
            post.withdrawn_at = utcnow()
            session.add(post)
            session.flush()
            return
        delete_evidence_of(session, evidence_dir, getattr(Evidence, self.post_key), stored_id(post))
        for revision in revisions:
            session.delete(revision)
        session.flush()
        session.delete(post)
        session.flush()

    def _visible_revisions(self, session: Session, principal: Principal, ids: list[int]) -> dict[int, dict[str, Any]]:
        """post id → how many of its revisions the caller may see (the current one always among them) as
        `revision`, and when the first and the last of those were written as `created_at`, `updated_at`."""
        if not ids:
            return {}
        key = getattr(self.revision, self.post_key)
        written = col(self.revision.created_at)
        stmt = (
            columns(key, func.count(), func.min(written), func.max(written))
            .join(self.post, col(self.post.id) == key)
            .where(col(key).in_(ids), revision_visible_clause(principal, self.revision, self.post))
            .group_by(key)
        )
        return {
            post_id: {"revision": n, "created_at": first, "updated_at": last}
            for post_id, n, first, last in session.execute(stmt)
        }

    def _stored_revisions(self, session: Session, post: P) -> list[R]:
        key = getattr(self.revision, self.post_key)
        stmt = select(self.revision).where(key == post.id).order_by(col(self.revision.revision))
        return list(session.exec(stmt))

    def _content(self, post: P) -> tuple[Any, ...]:
        return tuple(getattr(post, field) for field in self.content)

    def _add_revision(self, session: Session, post: P, edited_by_user_id: int | None) -> None:
        fields: dict[str, Any] = {field: getattr(post, field) for field in self.content}
        # Written at the instant of the post's own change: its first and last visible revisions' times
        # are the post's `created_at` and `updated_at` for a caller who sees them all.
        written = post.created_at if post.revision == 1 else post.updated_at
        fields.update({self.post_key: stored_id(post), "revision": post.revision, "created_at": written})
        session.add(self.revision(**fields, edited_by_user_id=edited_by_user_id))
        session.flush()
