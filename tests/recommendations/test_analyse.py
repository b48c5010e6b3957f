"""SMART signals (api/recommendations/analyse.py) on 20 real recommendations of the UPR Info file, with
UPR Info's own action category beside each (test_analyse_upr_info_excerpt.json), and on drafts written to
probe one signal at a time; every piece of evidence must be the text at its offsets. When ../shared/data
is there (as in CI), the excerpt is checked against the real file and the action strength against UPR
Info's category on every recommendation of it."""

import csv
import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from api.recommendations.analyse import SmartAnalysis, Strength, analyse

EXCERPT = json.loads((Path(__file__).parent / "test_analyse_upr_info_excerpt.json").read_text(encoding="utf-8"))
REAL = Path(__file__).parents[3] / "shared/data/upr_info/upr_info_recommendations_sessions01-20.csv.gz"


def real(start: str) -> dict:
    """The excerpt's row whose text starts with `start`, with its analysis."""
    (row,) = [r for r in EXCERPT["rows"] if r["text"].strip().startswith(start)]
    return {**row, "analysis": analyse(row["text"].strip())}


def words(found) -> list[str]:
    return [e.text for e in found]


def assert_offsets(text: str, analysis: SmartAnalysis) -> None:
    signals = (analysis.action, analysis.measurable, analysis.time_bound, analysis.addressee)
    for evidence in [e for s in signals for e in s.evidence] + list(analysis.addressee.elsewhere):
        assert 0 <= evidence.start < evidence.end <= len(text)
        assert text[evidence.start : evidence.end] == evidence.text


# ---- the real excerpt --------------------------------------------------------------------------------


def test_every_evidence_of_every_real_text_is_the_text_at_its_offsets():
    assert len(EXCERPT["rows"]) == 20
    assert {r["action"] for r in EXCERPT["rows"]} == {1, 2, 3, 4, 5}
    for row in EXCERPT["rows"]:
        # Offsets index the text as analysed; the endpoint strips it first (UPR Info's often end with a space).
        for text in (row["text"].strip(), row["text"]):
            assert_offsets(text, analyse(text))


def test_weak_leading_verbs_are_weak_whatever_follows():
    consider = real("Consider the possibility of ratifying more")  # UPR Info: 3 (considering action)
    assert consider["action"] == 3
    assert consider["analysis"].action.strength is Strength.weak
    assert words(consider["analysis"].action.evidence) == ["Consider"]  # "ratifying" follows "Consider": weak
    continuing = real("Continue to take the necessary measures")  # 2 (continuing action)
    assert continuing["analysis"].action.strength is Strength.weak
    assert words(continuing["analysis"].action.evidence) == ["Continue", "take the necessary measures"]
    assert real("Continue its work to combat")["analysis"].action.strength is Strength.weak
    assert real("Promote, through policies")["analysis"].action.strength is Strength.weak  # promote: weak by design


def test_specific_and_general_actions():
    for start in (
        "Ratify both the CRPD",
        "Enact the Legal Education",
        "Accede to the Optional Protocol to CEDAW",
        "Establish a national human rights institution, whose",
        "End immediately the detention",
        "Allow independent monitors",
    ):
        row = real(start)
        assert row["action"] == 5
        assert row["analysis"].action.strength is Strength.specific, start
    assert words(real("Accede to the Optional Protocol to CEDAW")["analysis"].action.evidence) == [
        "Accede",
        "incorporate",
    ]
    for start in ("Further strengthen human rights education", "Strengthen human and financial resources"):
        row = real(start)
        assert row["action"] == 4
        assert row["analysis"].action.strength is Strength.general
    # A general lead that commits to a specific step is specific (UPR Info said 4 here: an honest miss).
    abolish = real("Implement the commitment to abolish")
    assert abolish["analysis"].action.strength is Strength.specific
    assert words(abolish["analysis"].action.evidence) == ["abolish", "commute"]


def test_time_frames_in_real_texts():
    assert words(real("Ratify both the CRPD")["analysis"].time_bound.evidence) == ["before the next UPR cycle"]
    assert words(real("Adopt and implement, by the end of 2014")["analysis"].time_bound.evidence) == [
        "by the end of 2014"
    ]
    assert words(real("Allow independent monitors")["analysis"].time_bound.evidence) == ["within one year"]
    assert words(real("End immediately the detention")["analysis"].time_bound.evidence) == ["immediately"]
    road_map = real("Continue efforts for the implementation of the road map")["analysis"]
    assert words(road_map.time_bound.evidence) == ["by 2015", "by 2020"]
    # The years of the time frame are not quantities; "by half" and "80 per cent" are.
    assert words(road_map.measurable.evidence) == ["half", "80 per cent"]
    assert not real("Consider the possibility of ratifying more")["analysis"].time_bound.present


def test_measurable_elements_in_real_texts():
    assert words(real("Enact the Legal Education")["analysis"].measurable.evidence) == [
        "Legal Education and Legal Practitioners Amendment Bill",
        "Legal Aid Bill",
    ]
    assert words(real("Make the declarations under articles 21")["analysis"].measurable.evidence) == [
        "articles 21 and 22",
        "CAT",
        "article 20",
        "CAT",
    ]
    assert words(real("End immediately the detention")["analysis"].measurable.evidence) == [
        "article 341",
        "the Penal Code",
    ]
    assert words(real("Increase access to sexual")["analysis"].measurable.evidence) == ["15 per cent"]
    assert words(real("Establish a national human rights institution, whose")["analysis"].measurable.evidence) == [
        "Paris Principles"
    ]
    assert "ICRMW" in words(real("Consider the possibility of acceding to ICRMW")["analysis"].measurable.evidence)
    # "all forms of" is not a quantity, and neither is a bare "a law".
    assert not real("Adopt and implement, by the end of 2014")["analysis"].measurable.present


def test_actors_and_recommendations_aimed_elsewhere():
    assert real("Enact the Legal Education")["analysis"].addressee.actors == ("parliament",)
    assert real("Further strengthen human rights education")["analysis"].addressee.actors == ("police",)
    ministry = real("Strengthen human and financial resources")["analysis"].addressee
    assert ministry.actors == ("ministry",) and words(ministry.evidence) == ["Ministry of Justice"]
    nhri = real("Establish a national human rights institution, whose")["analysis"].addressee
    assert nhri.actors == ("national human rights institution",)
    assert not real("Ratify both the CRPD")["analysis"].addressee.present  # the state as a whole
    for start in ("Seek, whenever needed", "Share its experiences in provision"):  # UPR Info category 1
        row = real(start)
        assert row["action"] == 1
        assert not row["analysis"].addressee.to_state_under_review
        assert row["analysis"].addressee.elsewhere
        assert any("UPR Info category 1" in s for s in row["analysis"].suggestions)
    assert all(
        real(s)["analysis"].addressee.to_state_under_review
        for s in ("Ratify both the CRPD", "Consider the possibility of acceding")
    )


def test_smart_score_counts_the_four_signals():
    assert real("Continue to take the necessary measures")["analysis"].smart_score == 0
    assert real("Ratify both the CRPD")["analysis"].smart_score == 3  # specific, CRPD, before the next cycle
    assert real("Establish a national human rights institution, whose")["analysis"].smart_score == 3
    assert real("Strengthen human and financial resources")["analysis"].smart_score == 1  # the ministry only


# ---- drafts, one signal at a time ----------------------------------------------------------------------

FULL = (
    "Adopt, before the next review, amendments to the Criminal Code criminalising marital rape, and allocate "
    "EUR 2 million to shelters run by the Ministry of Social Affairs."
)


def test_a_draft_with_every_signal_scores_four_and_gets_no_advice():
    analysis = analyse(FULL)
    assert_offsets(FULL, analysis)
    assert analysis.smart_score == 4
    assert analysis.action.strength is Strength.specific
    assert words(analysis.action.evidence) == ["Adopt", "criminalising", "allocate"]
    assert words(analysis.time_bound.evidence) == ["before the next review"]
    assert words(analysis.measurable.evidence) == ["the Criminal Code", "EUR 2 million"]
    assert words(analysis.addressee.evidence) == ["Ministry of Social Affairs"]
    assert analysis.suggestions == ()


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("Ratify the OPCAT by 2027.", "by 2027"),
        ("Ratify the OPCAT within two years.", "within two years"),
        ("Ratify the OPCAT within the next 18 months.", "within the next 18 months"),
        ("Ratify the OPCAT before the next cycle.", "before the next cycle"),
        ("Ratify the OPCAT by the end of the current cycle.", "by the end of the current cycle"),
        ("Ratify the OPCAT no later than 31 December 2026.", "no later than 31 December 2026"),
        ("Ratify the OPCAT by its mid-term report.", "by its mid-term report"),
        ("Ratify the OPCAT without further delay.", "without further delay"),
    ],
)
def test_time_frames(text: str, frame: str):
    analysis = analyse(text)
    assert words(analysis.time_bound.evidence) == [frame]
    assert words(analysis.measurable.evidence) == ["OPCAT"]  # the year or count of a frame is not a quantity
    assert analysis.smart_score == 3


@pytest.mark.parametrize(
    "text",
    [
        "Ratify the OPCAT as soon as possible.",  # vague: no time frame
        "Abolish the death penalty, as adopted in 2004.",  # a past year is not a deadline
        "Put an end to torture.",
    ],
)
def test_no_time_frame(text: str):
    assert not analyse(text).time_bound.present
    assert any("time frame" in s for s in analyse(text).suggestions)


def test_weak_general_and_missing_verbs_get_matching_advice():
    weak = analyse("Consider taking measures to improve the situation of women.")
    assert weak.action.strength is Strength.weak
    assert weak.suggestions[0].startswith("'Consider' commits to little")
    general = analyse("Ensure the protection of journalists.")
    assert general.action.strength is Strength.general
    assert general.suggestions[0].startswith("'Ensure' names a goal")
    none = analyse("Human rights for all.")
    assert none.action.strength is None and not none.action.present
    assert none.suggestions[0].startswith("Start with a verb")


def test_nouns_are_not_verbs():
    # "the end of", "the issue of": nouns after a determiner do not make an action specific.
    analysis = analyse("Continue dialogue on the issue of the end of impunity.")
    assert analysis.action.strength is Strength.weak
    assert words(analysis.action.evidence) == ["Continue"]


def test_foreign_courts_are_not_the_states_actors():
    analysis = analyse("Accede to the Rome Statute of the International Criminal Court and train judges.")
    assert analysis.addressee.actors == ("courts",)
    assert words(analysis.addressee.evidence) == ["judges"]
    assert words(analysis.measurable.evidence) == ["Rome Statute of the International Criminal Court"]


def test_other_languages_give_few_signals_and_never_fail():
    for text in (
        "Abroger, d'ici 2027, les dispositions du Code pénal qui criminalisent l'homosexualité.",
        "Ratificar el Protocolo Facultativo de la Convención contra la Tortura antes del próximo ciclo.",
        "批准《禁止酷刑公约任择议定书》",
    ):
        analysis = analyse(text)
        assert_offsets(text, analysis)
        assert not analysis.action.present and not analysis.time_bound.present


def test_a_long_text_is_analysed_quickly():
    import time

    text = " ".join([FULL] * 30)[:5000]
    started = time.perf_counter()
    analysis = analyse(text)
    assert time.perf_counter() - started < 0.5
    assert_offsets(text, analysis)


# ---- the whole real file (where ../shared/data is, as in CI) ---------------------------------------------

if REAL.is_file():

    def _real_rows() -> list[dict[str, str]]:
        with gzip.open(REAL, "rt", encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def test_whole_excerpt_is_verbatim_from_the_upr_info_file():
        rows = {(r["To"], r["From"], int(r["Session"]), r["Text"]): int(r["Action"]) for r in _real_rows()}
        for row in EXCERPT["rows"]:
            assert rows[(row["to"], row["from"], row["session"], row["text"])] == row["action"]

    def test_whole_action_strength_against_upr_info_categories():
        """UPR Info's five categories read as three strengths: 1–3 weak (minimal, continuing, considering),
        4 general, 5 specific. Measured on every distinct (text, category) of the file: 38,375."""
        seen = {(r["Text"].strip(), int(r["Action"])) for r in _real_rows()}
        found = Counter((category, analyse(text).action.strength) for text, category in seen)
        share = {
            c: found[(c, s)] / sum(n for (k, _), n in found.items() if k == c)
            for c, s in ((2, Strength.weak), (3, Strength.weak), (4, Strength.general), (5, Strength.specific))
        }
        expected = {1: Strength.weak, 2: Strength.weak, 3: Strength.weak, 4: Strength.general, 5: Strength.specific}
        agree = sum(n for (c, s), n in found.items() if s is expected[c]) / len(seen)
        print(f"\naction strength vs UPR Info: {share}, agreement {agree:.3f} of {len(seen)}")
        assert share[2] >= 0.9 and share[3] >= 0.85  # continuing and considering: weak leading verbs
        assert share[5] >= 0.65 and share[4] >= 0.45
        assert agree >= 0.65
