"""What the advocacy workspace hangs on the cycle's rows, and what deleting those rows does to it.

- A brief cites stakeholder submissions (`BriefSubmission`). Deleting a submission takes its links along
  (row by row, so each is audited) and the briefs show one submission fewer: refusing would tell the
  submission's author that some coalition's, perhaps private, brief cites it, and the author could never
  delete its own submission.
- A brief is written for a review. Deleting the review is refused, even forced by an admin, while it has
  briefs: they are their coalitions' work, not the admin's to delete in passing. The refusal gives their
  number, never their titles.

Registered with `api.cycle.policy` when the package is imported (`api/advocacy/__init__.py`), so the cycle
side never imports advocacy.
"""

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.advocacy.models import Brief, BriefSubmission
from api.core.errors import Conflict
from api.core.types import utcnow
from api.cycle.policy import register_review_dependent, register_submission_dependent


class ReviewHasBriefs(Conflict):
    slug, title = "review-has-briefs", "Review has advocacy briefs"


class ReviewBriefs:
    noun = "advocacy briefs"

    def count(self, session: Session, review_ids: Sequence[int]) -> dict[int, int]:
        rows = session.exec(
            select(Brief.review_id, func.count())
            .where(col(Brief.review_id).in_(review_ids))
            .group_by(col(Brief.review_id))
        )
        return dict(rows.all())

    def describe(self, count: int) -> str:
        return f"{count} advocacy brief(s) of coalitions, which only their coalitions may delete (forcing does not)"

    def refuse_delete(self, session: Session, review_id: int) -> None:
        count = self.count(session, [review_id]).get(review_id, 0)
        if count:
            raise ReviewHasBriefs(
                f"Review {review_id} has {count} advocacy brief(s). They belong to the coalitions that wrote "
                "them and are not deleted with the review, even by force: the review can be deleted once its "
                "coalitions have deleted them."
            )

    def delete(self, session: Session, review_id: int) -> None:
        """Never reached: `refuse_delete` refuses whenever there is anything to delete."""
        self.refuse_delete(session, review_id)


REVIEW_BRIEFS = ReviewBriefs()


class SubmissionBriefLinks:
    def delete(self, session: Session, submission_ids: Sequence[int]) -> None:
        links = session.exec(select(BriefSubmission).where(col(BriefSubmission.submission_id).in_(submission_ids)))
        brief_ids = set()
        for link in links.all():
            brief_ids.add(link.brief_id)
            session.delete(link)
        if brief_ids:
            # The briefs changed (one submission fewer): as a PATCH of their submissions would.
            now = utcnow()
            for brief in session.exec(select(Brief).where(col(Brief.id).in_(sorted(brief_ids)))):
                brief.updated_at = now
                session.add(brief)
        session.flush()


SUBMISSION_BRIEF_LINKS = SubmissionBriefLinks()


def register() -> None:
    register_review_dependent(REVIEW_BRIEFS)
    register_submission_dependent(SUBMISSION_BRIEF_LINKS)
