"""The one vocabulary (api/taxonomy/vocabulary.py and its data): the shipped data validates, the
validation catches what it promises, look-ups ignore case and spacing, the named near-duplicates meet,
and, when ../shared/data is there (as in CI), every label of every real file has a crosswalk row."""

import csv
import gzip
import re
import shutil
from collections import defaultdict
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from api.imports import ohchr
from api.imports.dihr import parse_targets, split_goals, split_groups
from api.imports.records import ImportRecord
from api.imports.upr_info import split_issues
from api.taxonomy.vocabulary import (
    CROSSWALK_FILE,
    GROUPS_FILE,
    THEMES_FILE,
    Kind,
    Vocabulary,
    VocabularyError,
    canonical_for,
    fold,
    implied_parent,
    load,
    vocabulary,
)

REAL = Path(__file__).parents[3] / "shared/data"
DATA = Path(str(files("api.taxonomy").joinpath("data")))


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return vocabulary()


def code_of(source: str, label: str, kind: Kind | None = None) -> str | None:
    row = canonical_for(source, label, kind=kind)
    assert row is not None, f"{source} {label!r} is not in the crosswalk"
    return row.code


# ---- the shipped data --------------------------------------------------------------------------------


def test_the_shipped_data_validates_and_has_every_part(vocab: Vocabulary):
    assert load(DATA).crosswalk == vocab.crosswalk
    assert {e.code for e in vocab.themes.roots()} == {"A", "B", "D", "E", "F", "G", "H", "S"}
    assert all(f"S{g:02d}" in vocab.themes for g in range(1, 18))
    assert {s.source for s in vocab.crosswalk} == {"upr-info", "dihr", "ohchr-matrix"}
    assert {s.kind for s in vocab.crosswalk} == set(Kind)
    assert "women" in vocab.groups and "roma" in vocab.groups and "persons-with-disabilities" in vocab.groups


def test_every_theme_sits_under_the_parent_its_code_implies(vocab: Vocabulary):
    for entry in vocab.themes.entries.values():
        assert entry.parent_code == implied_parent(entry.code), entry
    assert implied_parent("A12") == "A1" and implied_parent("A1") == "A" and implied_parent("A3") == "A"
    assert implied_parent("S16") == "S" and implied_parent("S") is None


def test_themes_say_where_they_come_from(vocab: Vocabulary):
    origins = {e.code: e.origin for e in vocab.themes.entries.values()}
    assert set(origins.values()) == {"matrix", "parent", "sdg-goal", "ours"}
    assert origins["D23"] == "matrix" and "china_upr17_2013_matrix.csv" in vocab.themes["D23"].name_source
    assert origins["D2"] == "parent" and origins["A"] == "parent"
    assert origins["S10"] == "sdg-goal"
    # A parent added by us names a parent that some file's code implies, never an invented leaf.
    matrix_codes = [c for c, o in origins.items() if o == "matrix"]
    for code, origin in origins.items():
        if origin == "parent":
            assert any(vocab.themes.is_within(c, code) for c in matrix_codes if c != code), code


def test_a_concept_ohchr_has_no_category_for_is_a_child_of_ours_never_merged_into_the_category(vocab: Vocabulary):
    """UPR Info's "Indigenous peoples" and "Internally displaced persons" once both mapped to G, so merging
    made them one theme: each such label now has an entry of its own (code of ours, origin `ours`) under
    the nearest category, so a filter on the category still finds it and a filter on the child finds only
    it."""
    approximate = [s for s in vocab.crosswalk if s.note.startswith("no category of its own")]
    assert len(approximate) == 11
    ours = {e.code: e for e in vocab.themes.entries.values() if e.origin == "ours"}
    assert {s.code for s in approximate} == set(ours)  # one child each, none shared, none left at a category
    for s in approximate:
        entry = ours[s.code or ""]
        assert fold(entry.name) == fold(s.label) and entry.parent_code == (s.code or "").split("-")[0], s
        assert len(entry.code) <= 16 and not re.match(r"^[A-Z]\d*$", entry.code)  # cannot clash with OHCHR's
    assert code_of("upr-info", "Indigenous peoples") == "G-indigenous"
    assert code_of("upr-info", "Internally displaced persons") == "G-idps"
    assert vocab.themes.is_within("G-indigenous", "G") and not vocab.themes.is_within("G-idps", "G-indigenous")
    assert code_of("ohchr-matrix", "Sexual & other forms of gender-based violence") == "F13-gbv"
    assert vocab.themes.is_within("F13-gbv", "F1")


def test_every_coded_ohchr_label_maps_to_its_own_code(vocab: Vocabulary):
    coded = [s for s in vocab.crosswalk if s.source == "ohchr-matrix" and re.match(r"^[A-HS]\d* ", s.label)]
    assert len(coded) > 100
    assert all(s.code == s.label.split()[0] and not s.note for s in coded)


def test_a_label_mapped_to_a_parent_of_another_name_says_why(vocab: Vocabulary):
    """Mapping to a broader entry (a parent the files do not name, or a root) is a choice: its note
    says why, unless the label is that parent's very name."""
    broader = [
        s
        for s in vocab.crosswalk
        if s.code and s.kind is not Kind.affected_person and vocab.themes[s.code].origin == "parent"
    ]
    assert len(broader) >= 10
    for s in broader:
        assert s.note or fold(s.label) == fold(vocab.themes[s.code or ""].name), s


def test_the_one_unmapped_label_says_why(vocab: Vocabulary):
    unmapped = [s for s in vocab.crosswalk if s.unmapped]
    assert [(s.source, s.label) for s in unmapped] == [("upr-info", "Other")]
    assert "residual" in unmapped[0].note and vocab.entry(unmapped[0]) is None


# ---- look-ups and the hierarchy ----------------------------------------------------------------------


def test_look_ups_ignore_case_and_spacing_but_not_the_source(vocab: Vocabulary):
    row = canonical_for("upr-info", "  death\u00a0 PENALTY\n")
    assert row is not None and row.code == "D23" and row.label == "Death penalty"
    assert canonical_for("dihr", "Death penalty") is None
    assert canonical_for("upr-info", "Death penalties") is None


def test_a_coded_label_is_found_from_the_importers_label_and_code():
    row = canonical_for("ohchr-matrix", "Acceptance of international norms", code="A12")
    assert row is not None and row.label == "A12 Acceptance of international norms"
    # An importer-derived code (`16 - PEACE …` → S16) falls back to the label as written.
    assert code_of("ohchr-matrix", "16 - peace, justice and strong institutions") == "S16"
    derived = canonical_for("ohchr-matrix", "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", code="S16")
    assert derived is not None and derived.code == "S16"


def test_kind_narrows_the_look_up():
    assert code_of("dihr", "Migrants", Kind.affected_person) == "migrants"
    assert canonical_for("dihr", "Migrants", kind=Kind.theme) is None
    assert code_of("upr-info", "Migrants", Kind.theme) == "G4"


def test_hierarchy_parent_children_descendants_ancestors(vocab: Vocabulary):
    themes = vocab.themes
    parent = themes.parent("D23")
    assert parent is not None and parent.code == "D2"
    assert themes.parent("D") is None
    assert [e.code for e in themes.ancestors("A12")] == ["A1", "A"]
    assert {e.code for e in themes.children("F4")} == {"F41", "F42", "F44", "F45"}
    assert {"D2", "D23", "D4", "D43"} <= {e.code for e in themes.descendants("D")}
    assert all(themes.is_within(e.code, "D") for e in themes.descendants("D"))
    assert not themes.is_within("E4", "D")
    assert [e.code for e in vocab.groups.descendants("minorities")] == ["roma"]
    with pytest.raises(KeyError):
        themes.children("Z9")


def test_a_target_belongs_to_its_goal_theme(vocab: Vocabulary):
    assert vocab.goal_theme("16.10").code == "S16"
    assert vocab.goal_theme("1.a").code == "S01"
    with pytest.raises(ValueError, match="not an SDG target"):
        vocab.goal_theme("sixteen")


# ---- the near-duplicates the issue names --------------------------------------------------------------


def test_participation_of_women_with_and_or_ampersand_is_one_entry():
    assert code_of("ohchr-matrix", "Participation of women in political & public life") == "F14"
    assert code_of("ohchr-matrix", "F14 Participation of women in political and public life") == "F14"


def test_nhri_in_every_source_is_one_entry():
    assert code_of("upr-info", "NHRI") == "A45"
    assert code_of("ohchr-matrix", "National Human Rights Institution (NHRI)") == "A45"
    assert code_of("ohchr-matrix", "A45 National Human Rights Institution (NHRI)") == "A45"


def test_death_penalty_of_upr_info_and_of_ohchr_is_one_entry(vocab: Vocabulary):
    assert code_of("upr-info", "Death penalty") == code_of("ohchr-matrix", "D23 Death penalty") == "D23"
    assert vocab.themes["D23"].name == "Death penalty"


def test_the_disability_themes_are_one_entry_and_its_sub_categories(vocab: Vocabulary):
    labels = [s for s in vocab.crosswalk if s.kind is Kind.theme and "disabilit" in s.label.casefold()]
    # UPR Info's 1, OHCHR's coded F4 + 4 sub-categories, 6 uncoded 2019 labels: the issue's 8 names and more.
    assert len(labels) == 12
    assert code_of("upr-info", "Disabilities") == code_of("ohchr-matrix", "F4 Persons with disabilities") == "F4"
    assert all(s.code is not None and vocab.themes.is_within(s.code, "F4") for s in labels), labels
    same_name = {fold(s.label.removeprefix(s.code or "").strip()): s.code for s in labels}
    assert same_name["persons with disabilities: accessibility, mobility"] == "F42"


def test_women_girls_and_women_and_girls_meet_under_women(vocab: Vocabulary):
    women = code_of("ohchr-matrix", "Women", Kind.affected_person)
    assert women == code_of("ohchr-matrix", "women") == code_of("dihr", "Women and girls") == "women"
    girls = code_of("ohchr-matrix", "girls")
    assert girls == "girls" and vocab.groups.is_within(girls, "women")


def test_roma_are_a_group_within_minorities(vocab: Vocabulary):
    assert code_of("ohchr-matrix", "Roma, Gypsies, Sinti & Travellers") == "roma"
    assert code_of("dihr", "Members of minorities") == "minorities"
    assert vocab.groups.is_within("roma", "minorities")


def test_a_goal_label_maps_to_the_goal_in_every_source():
    for source, label in (
        ("dihr", "16. Peace, justice and strong institutions"),
        ("ohchr-matrix", "S16 SDG 16 - peace, justice and strong institutions"),
        ("ohchr-matrix", "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"),
    ):
        assert code_of(source, label, Kind.sdg) == "S16", (source, label)


# ---- validation catches broken data ------------------------------------------------------------------


def _broken(tmp_path: Path, name: str, edit) -> list[str]:
    for file in (THEMES_FILE, GROUPS_FILE, CROSSWALK_FILE):
        shutil.copy(DATA / file, tmp_path / file)
    path = tmp_path / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load(tmp_path)
    return caught.value.problems


def test_validation_refuses_a_crosswalk_target_that_does_not_exist(tmp_path: Path):
    problems = _broken(
        tmp_path, CROSSWALK_FILE, lambda t: t.replace("upr-info,NHRI,theme,A45", "upr-info,NHRI,theme,A99")
    )
    assert problems == ["crosswalk.csv: upr-info 'NHRI': no theme 'A99'"]


def test_validation_refuses_a_cycle(tmp_path: Path):
    problems = _broken(tmp_path, GROUPS_FILE, lambda t: t.replace("women,Women,,", "women,Women,girls,"))
    assert any("cycle" in p and "women" in p and "girls" in p for p in problems), problems


def test_validation_refuses_a_code_twice_and_a_wrong_parent(tmp_path: Path):
    problems = _broken(
        tmp_path, THEMES_FILE, lambda t: t + "D23,Death penalty again,D2,parent,ours\nD24,X,D3,parent,ours\n"
    )
    assert any(p.endswith("code 'D23' appears twice") for p in problems), problems
    assert "themes.csv: D24's parent is 'D3', its code implies 'D2'" in problems


def test_validation_refuses_a_code_of_ours_under_another_parent_too_long_or_not_marked_ours(tmp_path: Path):
    problems = _broken(
        tmp_path,
        THEMES_FILE,
        lambda t: t + "G-nomads,Nomads,H,ours,x\nD2-a-very-long-code,Long,D2,ours,x\nD2-police,Police,D2,parent,x\n",
    )
    assert "themes.csv: G-nomads's parent is 'H', its code implies 'G'" in problems
    assert "themes.csv: code 'D2-a-very-long-code' is longer than 16 characters" in problems
    assert any(p.startswith("themes.csv: D2-police: a code of ours") for p in problems), problems


def test_validation_refuses_a_label_twice_and_unmapped_without_reason(tmp_path: Path):
    problems = _broken(
        tmp_path, CROSSWALK_FILE, lambda t: t + "upr-info,  nhri ,theme,A45,,\ndihr,Whatever,theme,unmapped,,\n"
    )
    assert any("'nhri': the label appears twice" in p for p in problems), problems
    assert "crosswalk.csv: dihr 'Whatever': unmapped without a reason in the note" in problems


def test_validation_refuses_an_sdg_label_outside_the_sdgs_and_a_group_as_a_theme(tmp_path: Path):
    problems = _broken(
        tmp_path,
        CROSSWALK_FILE,
        lambda t: t.replace("dihr,1. No poverty,sdg,S01", "dihr,1. No poverty,sdg,E25").replace(
            "upr-info,Minorities,theme,G1", "upr-info,Minorities,theme,minorities"
        ),
    )
    assert "crosswalk.csv: dihr '1. No poverty': a sdg label must map inside S" in problems
    assert "crosswalk.csv: upr-info 'Minorities': no theme 'minorities'" in problems


# ---- the whole real files, when ../shared/data is there ---------------------------------------------------


def _missing(source: str, labels: dict[tuple[str, Kind, str | None], set[str]]) -> list[str]:
    """Each label read (with the code the importer gave it, and the files) that has no crosswalk row, or
    whose row contradicts the code the file or importer gave."""
    missing = []
    for (label, kind, code), where in sorted(labels.items(), key=lambda kv: str(kv[0])):
        row = canonical_for(source, label, kind=kind, code=code)
        if row is None or (code is not None and row.code != code):
            missing.append(f"{source} {kind} {label!r} (code {code}, in {', '.join(sorted(where))})")
    return missing


def _stale(source: str, labels: dict[tuple[str, Kind, str | None], set[str]], vocab: Vocabulary) -> list[str]:
    """Crosswalk rows of `source` that no file has: a row seen nowhere was mistyped or is left over."""
    read = {
        (kind, fold(f"{code} {label}" if code and not label[:1].isdigit() else label)) for label, kind, code in labels
    }
    return [s.label for s in vocab.crosswalk if s.source == source and (s.kind, fold(s.label)) not in read]


def _csv(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


if REAL.is_dir():

    def test_whole_upr_info_issues_are_mapped(vocab: Vocabulary):
        labels: dict[tuple[str, Kind, str | None], set[str]] = defaultdict(set)
        for name in ("upr_info_recommendations_sessions01-20.csv.gz", "upr_info_voluntary_pledges_sessions01-20.csv"):
            for row in _csv(REAL / "upr_info" / name):
                for issue in split_issues(row["Issue"]):
                    labels[(issue, Kind.theme, None)].add(name)
        assert len(labels) == 54
        assert not _missing("upr-info", labels), "\n".join(_missing("upr-info", labels))
        assert not _stale("upr-info", labels, vocab)

    def test_whole_dihr_goals_keywords_and_targets_are_mapped(vocab: Vocabulary):
        labels: dict[tuple[str, Kind, str | None], set[str]] = defaultdict(set)
        targets: set[str] = set()
        for cycle in (1, 2):
            name = f"dihr_sdg_explorer_upr_cycle{cycle}.csv.gz"
            for row in _csv(REAL / "dihr_sdg_explorer" / name):
                for goal in split_goals(row["Goals"]):
                    labels[(goal.label, Kind.sdg, goal.code)].add(name)
                for group in split_groups(row["Keywords"]):
                    labels[(group, Kind.affected_person, None)].add(name)
                targets.update(parse_targets(row["Targets"]))
        assert len([k for k in labels if k[1] is Kind.sdg]) == 17
        assert not _missing("dihr", labels), "\n".join(_missing("dihr", labels))
        assert not _stale("dihr", labels, vocab)
        # A target is canonical itself (it passed parse_targets, so it is in sdg_targets.csv); its goal is a theme.
        assert len(targets) > 100
        assert all(vocab.goal_theme(t).code == f"S{int(t.split('.')[0]):02d}" for t in targets)

    def test_whole_ohchr_matrices_labels_are_mapped(vocab: Vocabulary):
        labels: dict[tuple[str, Kind, str | None], set[str]] = defaultdict(set)
        paths = sorted((REAL / "ohchr_matrices").glob("*.csv"))
        assert len(paths) == 4
        for path in paths:
            records = list(ohchr.read(path))
            assert all(isinstance(r, ImportRecord) for r in records), path
            for record in records:
                assert isinstance(record, ImportRecord)
                for theme in record.themes:
                    kind = Kind.sdg if (theme.code or "").startswith("S") else Kind.theme
                    labels[(theme.label, kind, theme.code)].add(path.name)
                for group in record.affected_persons:
                    labels[(group, Kind.affected_person, None)].add(path.name)
        generations = {name for where in labels.values() for name in where}
        assert generations == {p.name for p in paths}
        assert not _missing("ohchr-matrix", labels), "\n".join(_missing("ohchr-matrix", labels))
        assert not _stale("ohchr-matrix", labels, vocab)
