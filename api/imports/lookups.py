"""What an import resolves once per run: the states and SDG targets it may link to, the themes and
affected-person groups, and the reviews and UPR sessions its records belong to (created when the
database has none yet).

A theme or group label goes through the vocabulary's crosswalk for the import's source
(`api/taxonomy/vocabulary.py`) to its canonical row, so "NHRI" (UPR Info) and "A45 National Human
Rights Institution (NHRI)" (OHCHR) land on one theme. A label the crosswalk does not know still
becomes a theme or group of its own, as before, with a synonym for its source, and a log line says
so: the crosswalk is reviewed data, and a new label is for a reviewer to map. Each label is resolved
once per run (the UPR Info file has ~40,000 rows and ~50 labels)."""

import logging

from sqlmodel import Session, col, select

from api.cycle.calendar import CYCLES, cycle_of_session
from api.cycle.models import Cycle, Review, State, UprSession
from api.taxonomy.models import AffectedPerson, AffectedPersonSynonym, SdgTarget, Theme, ThemeSynonym
from api.taxonomy.vocabulary import Kind, canonical_for, fold, vocabulary
from api.taxonomy.vocabulary_service import seed_vocabulary

log = logging.getLogger(__name__)

THEME_KINDS = (Kind.theme, Kind.sdg)


class Lookups:
    def __init__(self, session: Session, source: str = "api"):
        self.session = session
        self.source = source  # the import's format: whose crosswalk labels are read in
        self.states: set[str] = set(session.exec(select(State.code)))
        self.sdg_targets: set[str] = set(session.exec(select(SdgTarget.code)))
        self.reviews: dict[tuple[str, int], Review] = {}
        self.sessions: dict[int, UprSession] = {}
        self._themes: dict[tuple[str, str | None], int] = {}  # (folded label, code) → id, once resolved
        self._persons: dict[str, int] = {}  # folded label → id, once resolved
        self._load()

    def _load(self) -> None:
        self.theme_codes: dict[str, int] = {}
        self.theme_names: dict[str, int] = {}  # by folded name, code and this source's synonyms
        self.person_codes: dict[str, int] = {}
        self.person_names: dict[str, int] = {}
        for theme_id, name, code in self.session.exec(select(Theme.id, Theme.name, Theme.code)):
            assert theme_id is not None, "a stored theme has an id"
            self.theme_names[fold(name)] = theme_id
            if code:
                self.theme_codes[code] = theme_id
                self.theme_names.setdefault(fold(code), theme_id)
        for person_id, name, code in self.session.exec(
            select(AffectedPerson.id, AffectedPerson.name, AffectedPerson.code)
        ):
            assert person_id is not None, "a stored group has an id"
            self.person_names[fold(name)] = person_id
            if code:
                self.person_codes[code] = person_id
        self.theme_synonyms = {
            fold(label): owner
            for owner, label in self.session.exec(
                select(ThemeSynonym.theme_id, ThemeSynonym.label).where(ThemeSynonym.source == self.source)
            )
        }
        self.person_synonyms = {
            fold(label): owner
            for owner, label in self.session.exec(
                select(AffectedPersonSynonym.affected_person_id, AffectedPersonSynonym.label).where(
                    AffectedPersonSynonym.source == self.source
                )
            )
        }

    def _canonical_id(self, kind: Kind, code: str) -> int:
        """The canonical row of `code`; a database without the vocabulary gets it now (once)."""
        if code not in (self.person_codes if kind is Kind.affected_person else self.theme_codes):
            seed_vocabulary(self.session)
            self._load()
        return (self.person_codes if kind is Kind.affected_person else self.theme_codes)[code]

    def theme(self, label: str, code: str | None) -> int:
        """The canonical theme the crosswalk maps this label to; else the theme with this code, name
        or synonym; else a new theme (with a synonym for this source)."""
        key = (fold(label), code)
        if (found := self._themes.get(key)) is not None:
            return found
        mapped = next(
            (s for kind in THEME_KINDS if (s := canonical_for(self.source, label, kind=kind, code=code)) is not None),
            None,
        )
        canonical = mapped.code if mapped is not None else None
        if canonical is None and mapped is None and code and code.upper() in vocabulary().themes:
            canonical = code.upper()  # a coded label the crosswalk has not met: its code says which theme
        if canonical is not None:
            found = self._canonical_id(Kind.theme, canonical)
        else:
            found = self._own_theme(label, code, known=mapped is not None)
        self._themes[key] = found
        return found

    def _own_theme(self, label: str, code: str | None, *, known: bool) -> int:
        folded = fold(label)
        found = self.theme_synonyms.get(folded)
        if found is None and code:
            found = self.theme_codes.get(code)
        if found is None:
            found = self.theme_names.get(folded)
        if found is None:
            theme = Theme(name=label[:200], code=code if code and code not in self.theme_codes else None)
            self.session.add(theme)
            self.session.flush()
            assert theme.id is not None, "a flushed theme has an id"
            found = self.theme_names[folded] = theme.id
            if theme.code:
                self.theme_codes[theme.code] = theme.id
            if not known:
                log.info("Theme %r of %s is not in the vocabulary's crosswalk: a theme of its own.", label, self.source)
        if folded not in self.theme_synonyms:
            self.session.add(ThemeSynonym(theme_id=found, source=self.source, label=label[:300]))
            self.theme_synonyms[folded] = found
        return found

    def person(self, name: str) -> int:
        """The canonical group the crosswalk maps this label to; else the group with this name or
        synonym; else a new group (with a synonym for this source)."""
        folded = fold(name)
        if (found := self._persons.get(folded)) is not None:
            return found
        mapped = canonical_for(self.source, name, kind=Kind.affected_person)
        if mapped is not None and mapped.code is not None:
            found = self._canonical_id(Kind.affected_person, mapped.code)
        else:
            found = self.person_synonyms.get(folded) or self.person_names.get(folded)
            if found is None:
                person = AffectedPerson(name=name[:200])
                self.session.add(person)
                self.session.flush()
                assert person.id is not None, "a flushed group has an id"
                found = self.person_names[folded] = person.id
                if mapped is None:
                    log.info(
                        "Group %r of %s is not in the vocabulary's crosswalk: a group of its own.", name, self.source
                    )
            if folded not in self.person_synonyms:
                self.session.add(AffectedPersonSynonym(affected_person_id=found, source=self.source, label=name[:300]))
                self.person_synonyms[folded] = found
        self._persons[folded] = found
        return found

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
