"""What an import resolves once per run: the states and SDG targets it may link to, the themes and
affected-person groups (a label not met before becomes a new one), and the reviews and UPR sessions
its records belong to (created when the database has none yet)."""

from sqlmodel import Session, col, select

from api.cycle.calendar import CYCLES, cycle_of_session
from api.cycle.models import Cycle, Review, State, UprSession
from api.taxonomy.models import AffectedPerson, SdgTarget, Theme


class Lookups:
    def __init__(self, session: Session):
        self.session = session
        self.states: set[str] = set(session.exec(select(State.code)))
        self.sdg_targets: set[str] = set(session.exec(select(SdgTarget.code)))
        self.themes: dict[str, int] = {}  # by casefolded name and code
        self.persons: dict[str, int] = {}  # by casefolded name
        self.reviews: dict[tuple[str, int], Review] = {}
        self.sessions: dict[int, UprSession] = {}
        for theme in session.exec(select(Theme)):
            assert theme.id is not None, "a stored theme has an id"
            self.themes[theme.name.casefold()] = theme.id
            if theme.code:
                self.themes[theme.code.casefold()] = theme.id
        for person in session.exec(select(AffectedPerson)):
            assert person.id is not None, "a stored group has an id"
            self.persons[person.name.casefold()] = person.id

    def theme(self, label: str, code: str | None) -> int:
        """The theme with this code, else this name; a new theme when neither is known."""
        for key in filter(None, (code, label)):
            if (found := self.themes.get(key.casefold())) is not None:
                return found
        theme = Theme(name=label[:200], code=code)
        self.session.add(theme)
        self.session.flush()
        assert theme.id is not None, "a flushed theme has an id"
        self.themes[label.casefold()] = theme.id
        if code:
            self.themes[code.casefold()] = theme.id
        return theme.id

    def person(self, name: str) -> int:
        if (found := self.persons.get(name.casefold())) is not None:
            return found
        person = AffectedPerson(name=name[:200])
        self.session.add(person)
        self.session.flush()
        assert person.id is not None, "a flushed group has an id"
        self.persons[name.casefold()] = person.id
        return person.id

    def review(self, state: str, number: int, year: int | None) -> Review:
        """The review of `state` at session `number`, created (with its session and cycle when
        missing) the first time a file names it."""
        if (found := self.reviews.get((state, number))) is not None:
            return found
        review = self.session.exec(
            select(Review).where(col(Review.state_code) == state, col(Review.session_number) == number)
        ).first()
        if review is None:
            self._ensure_session(number, year)
            review = Review(state_code=state, session_number=number)
            self.session.add(review)
            self.session.flush()
        self.reviews[(state, number)] = review
        return review

    def upr_session(self, number: int) -> UprSession:
        """A session a review refers to (so it exists)."""
        if (found := self.sessions.get(number)) is None:
            found = self.session.get(UprSession, number)
            assert found is not None, "a review's session exists"
            self.sessions[number] = found
        return found

    def _ensure_session(self, number: int, year: int | None) -> None:
        if self.session.get(UprSession, number) is not None:
            return
        cycle = cycle_of_session(number)
        if self.session.get(Cycle, cycle) is None:
            start, end = CYCLES.get(cycle, (year or 2008, None))
            self.session.add(Cycle(number=cycle, start_year=start, end_year=end))
        first_year = CYCLES.get(cycle, (2008, None))[0]
        self.session.add(UprSession(number=number, cycle_number=cycle, year=year or first_year))
        self.session.flush()
