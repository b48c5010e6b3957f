"""Shapes of the review calendar (`/calendar`): sessions with the reviews scheduled in each, a flat list
of the dates coming up, and what a calendar import did."""

from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.core.types import Day


class DeadlineKind(StrEnum):
    """Which date of a review: the stakeholder submission deadline, the Working Group (the interactive
    dialogue), or the Council's adoption of the outcome."""

    submission_deadline = "submission_deadline"
    working_group = "working_group"
    adoption = "adoption"


class CalendarReview(SQLModel):
    review_id: int
    state_under_review: str = Field(description="ISO3 code.")
    state_name: str
    submission_deadline: Day | None = Field(description="Deadline for stakeholder submissions to OHCHR.")
    dialogue_date: Day | None = Field(description="The interactive dialogue at the Working Group.")
    adoption_date: Day | None = Field(description="Adoption of the outcome by the Human Rights Council.")


class CalendarSession(SQLModel):
    number: int
    cycle: int
    year: int
    start_date: Day | None
    end_date: Day | None
    reviews: list[CalendarReview] = Field(description="By dialogue date (undated last), then review id.")


class CalendarDeadline(SQLModel):
    due_on: Day
    kind: DeadlineKind
    review_id: int
    state_under_review: str = Field(description="ISO3 code.")
    state_name: str
    session: int


class CalendarRead(SQLModel):
    first_day: Day = Field(description="The window's first day (inclusive).")
    last_day: Day = Field(description="The window's last day (inclusive).")
    sessions: list[CalendarSession] = Field(
        description="Sessions held in the window (by their dates) or with a review date in it; by start date "
        "(undated last), then number; at most `limit`."
    )
    session_total: int = Field(description="How many sessions the window holds, before `limit`.")
    deadlines: list[CalendarDeadline] = Field(
        description="Every review date in the window, by date, then review id, then kind; at most `limit`."
    )
    deadline_total: int = Field(description="How many dates the window holds, before `limit`.")


class CalendarImportRead(SQLModel):
    rows: int = Field(description="Data rows read (the header and blank lines not counted).")
    sessions_created: int
    sessions_updated: int = Field(description="Existing sessions whose dates changed.")
    reviews_created: int
    reviews_updated: int = Field(description="Existing reviews whose dates changed.")
