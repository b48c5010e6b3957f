"""A small catalogue of recommendations for the filter, search and position tests.

A, B and C are verbatim from OHCHR's thematic list for Slovenia at session 34; the others are in
the same style. The tags are chosen so each filter has rows it keeps and rows it drops.
"""

from dataclasses import dataclass, field

from sqlmodel import Session

from api.cycle.models import RegionalGroup, Review, State
from api.recommendations.models import PositionKind, Recommendation
from api.taxonomy.models import AffectedPerson, Theme
from tests.cycle_factories import (
    create_affected_person,
    create_recommendation,
    create_review,
    create_sdg_target,
    create_theme,
    create_upr_session,
)

P, G = PositionKind, RegionalGroup
STATES = {
    "SVN": ("Slovenia", G.eeg),
    "HRV": ("Croatia", G.eeg),
    "FRA": ("France", G.weog),
    "LTU": ("Lithuania", G.eeg),
    "SVK": ("Slovakia", G.eeg),
    "SEN": ("Senegal", G.african),
    "BRA": ("Brazil", G.grulac),
    "JPN": ("Japan", G.asia_pacific),
    "KOR": ("Republic of Korea", G.asia_pacific),
}


def add_states(session: Session) -> None:
    for code, (name, group) in STATES.items():
        state = session.get(State, code) or State(code=code, name=name)
        state.name, state.regional_group = name, group
        session.add(state)
    session.flush()


@dataclass
class Catalogue:
    reviews: dict[str, Review] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    persons: dict[str, AffectedPerson] = field(default_factory=dict)
    recs: dict[str, Recommendation] = field(default_factory=dict)

    def name_of(self, rec_id: int) -> str:
        return next(name for name, rec in self.recs.items() if rec.id == rec_id)

    def names(self, body: dict) -> set[str]:
        return {self.name_of(item["id"]) for item in body["items"]}

    @property
    def all(self) -> set[str]:
        return set(self.recs)


def build_catalogue(session: Session) -> Catalogue:
    add_states(session)
    create_upr_session(session, 20, cycle_number=2, year=2014)
    create_upr_session(session, 34, cycle_number=3, year=2019)
    c = Catalogue()
    c.reviews = {
        "svn34": create_review(session, "SVN", 34),
        "svn20": create_review(session, "SVN", 20),
        "hrv34": create_review(session, "HRV", 34),
        "kor20": create_review(session, "KOR", 20),
    }
    c.themes = {
        k: create_theme(session, name)
        for k, name in (
            ("equality", "Equality & non-discrimination"),
            ("norms", "Acceptance of international norms"),
            ("women", "Women's rights"),
        )
    }
    c.persons = {
        k: create_affected_person(session, name)
        for k, name in (("roma", "Roma"), ("disabilities", "Persons with disabilities"), ("women", "Women & girls"))
    }
    for code in ("16.10", "5.1", "8.7"):
        create_sdg_target(session, code)
    t, a = c.themes, c.persons

    def rec(name, review, paragraph, text, states, themes=(), persons=(), sdgs=(), position=None, action=None):
        c.recs[name] = create_recommendation(
            session,
            c.reviews[review],
            text,
            recommending=states,
            paragraph=paragraph,
            themes=themes,
            affected=persons,
            sdg_targets=sdgs,
            position=position,
            action_category=action,
            external_key=f"catalogue:{name}",
        )

    rec(
        "A",
        "svn34",
        "121.1",
        "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance",
        ("FRA", "LTU"),
        (t["norms"],),
        (),
        ("16.10",),
        P.supported,
        5,
    )
    rec(
        "B",
        "svn34",
        "121.8",
        "Continue raising awareness in society of the need to eliminate discrimination, intolerance and hate speech",
        ("SVK",),
        (t["equality"],),
        (a["roma"],),
        (),
        P.supported,
        3,
    )
    rec(
        "C",
        "svn34",
        "122.1",
        "Complete the process of ratification of the Optional Protocol to the "
        "International Covenant on Economic, Social and Cultural Rights",
        ("SEN",),
        (t["norms"],),
        (),
        (),
        P.noted,
        4,
    )
    rec(
        "D",
        "svn20",
        "115.3",
        "Adopt further measures to combat discrimination against women in employment",
        ("BRA",),
        (t["women"], t["equality"]),
        (a["women"],),
        ("5.1",),
        P.supported_in_part,
        4,
    )
    rec(
        "E",
        "hrv34",
        "100.2",
        "Ratify the Optional Protocol to the Convention on the Rights of Persons with Disabilities",
        ("JPN",),
        (t["norms"],),
        (a["disabilities"],),
        ("8.7",),
        P.pending,
        5,
    )
    rec("F", "hrv34", "100.5", "Strengthen the mandate and the resources of the Ombudsperson", ("FRA",))
    rec("G", "kor20", "124.9", "Abolish the death penalty", ("JPN",))
    return c
