"""The UPR Info reader on real excerpts (fixtures/upr_info_*, rebuilt by upr_info_make_fixtures.py) and,
when ../shared/data is there (as in CI), on the whole real files."""

import gzip
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook

from api.imports import dihr, upr_info
from api.imports.limits import UnreadableFile
from api.imports.records import ImportFormat, ImportRecord, Reject, ThemeLabel
from api.recommendations.models import PositionKind

FIXTURES = Path(__file__).parent / "fixtures"
RECOMMENDATIONS = FIXTURES / "upr_info_recommendations_excerpt.csv"
PLEDGES = FIXTURES / "upr_info_voluntary_pledges_excerpt.csv"
REAL = Path(__file__).parents[3] / "shared/data/upr_info"
HEADER = [
    "To",
    "To-Rgrp",
    "To-Org",
    "Text",
    "From",
    "From-Rgrp",
    "From-Org",
    "Response",
    "Action",
    "Issue",
    "Session",
    "source_file",
]


def read(path: Path, **options) -> tuple[list[ImportRecord], list[Reject]]:
    items = list(upr_info.read(path, **options))
    return [i for i in items if isinstance(i, ImportRecord)], [i for i in items if isinstance(i, Reject)]


def by_text(records: list[ImportRecord], start: str) -> list[ImportRecord]:
    return [r for r in records if r.text.startswith(start)]


def write_csv(tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER, name: str = "export.csv") -> Path:
    import csv

    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def row(**cells: str) -> list[str]:
    values = {
        "To": "Chad",
        "Text": "Ratify the ICCPR.",
        "From": "France",
        "Response": "Accepted",
        "Action": "5",
        "Issue": "International instruments",
        "Session": "5",
    } | cells
    return [values.get(column, "") for column in HEADER]


# ---- the excerpt ------------------------------------------------------------------------------------------


def test_every_row_of_the_excerpt_is_a_record_but_the_unknown_recommenders():
    records, rejects = read(RECOMMENDATIONS)
    assert len(records) + len(rejects) == 37
    assert rejects == [Reject(line, "From", "Unknown state '(Unknown)'.") for line in (20, 21, 22)]
    assert all(r.source is ImportFormat.upr_info and r.paragraph is None and r.source_document is None for r in records)


def test_first_row_fully_normalised():
    records, _ = read(RECOMMENDATIONS)
    assert records[0] == ImportRecord(
        line=2,
        source=ImportFormat.upr_info,
        state_under_review="AFG",
        text="Enact legislation and take effective measures to protect and promote women's rights, especially "
        "with regard to forced marriages, honour killings and access to education for all girls.",
        recommending_states=["AUT"],
        key_parts=(
            "enact legislation and take effective measures to protect and promote women s rights "
            "especially with regard to forced marriages honour killings and access to education for all "
            "girls",
        ),
        session=5,
        cycle=1,
        year=2009,
        position=PositionKind.supported,
        position_label="Accepted",
        themes=[ThemeLabel("Rights of the Child"), ThemeLabel("Women's rights")],
        action_category=5,
    )


@pytest.mark.parametrize(
    ("column", "name", "code"),
    [
        ("From", "DPR Korea", "PRK"),
        ("To", "Macedonia FYR", "MKD"),
        ("To", "St Lucia", "LCA"),
        ("From", "United States", "USA"),
        ("From", "Iran", "IRN"),
        ("From", "Cote d'Ivoire", "CIV"),
        ("From", "Palestine", "PSE"),
        ("From", "Holy See", "VAT"),
    ],
)
def test_upr_info_state_names_and_observers_resolve(column, name, code):
    import csv

    with RECOMMENDATIONS.open(encoding="utf-8", newline="") as handle:
        lines = [n for n, cells in enumerate(csv.DictReader(handle), start=2) if cells[column] == name]
    records, _ = read(RECOMMENDATIONS)
    assert lines
    for record in (r for r in records if r.line in lines):
        assert (record.state_under_review if column == "To" else record.recommending_states[0]) == code


def test_joint_recommendation_rows_share_a_key_with_one_state_each():
    records, _ = read(RECOMMENDATIONS)
    joint = by_text(records, "Adopt measures to improve prison conditions")
    assert [r.recommending_states for r in joint] == [["CAN"], ["DEU"], ["SVN"]]
    assert len({(r.state_under_review, r.session, r.key_parts) for r in joint}) == 1


def test_whitespace_stripped_and_collapsed_characters_kept():
    records, _ = read(RECOMMENDATIONS)
    copies = by_text(records, "Address the issue of unduly protracted detentions")
    assert len(copies) == 2 and copies[0].text == copies[1].text and not copies[0].text.endswith(" ")
    assert copies[0].key_parts == copies[1].key_parts
    assert all(r.text == " ".join(r.text.split()) for r in records)
    texts = " ".join(r.text for r in records)
    for kept in ("Equité", "Guaraní Kaiowá", "vis-à-vis", "Curaçao", "n° 17", "Felsöszölnök"):
        assert kept in texts


def test_positions_keep_the_source_wording():
    records, _ = read(RECOMMENDATIONS)
    tonga = by_text(records, "Ratify CEDAW")
    assert [(r.position, r.position_label) for r in tonga] == [
        (PositionKind.supported, "Accepted"),
        (PositionKind.noted, "Noted"),
        (PositionKind.noted, "Noted"),
    ]
    assert Counter(r.position_label for r in records) == {"Accepted": 30, "Noted": 4}


def test_sessions_give_cycle_and_year():
    records, _ = read(RECOMMENDATIONS)
    assert {(r.session, r.cycle, r.year) for r in records} >= {(5, 1, 2009), (13, 2, 2012), (20, 2, 2014)}
    assert all(r.cycle == (1 if r.session <= 12 else 2) for r in records)


def test_issues_are_themes_and_action_the_category():
    records, _ = read(RECOMMENDATIONS)
    assert {t.label for r in records for t in r.themes} >= {
        "Rights of the Child",
        "CP rights - general",
        "Freedom of religion and belief",
    }
    assert all(t.code is None for r in records for t in r.themes)
    assert {r.action_category for r in records} == {1, 2, 3, 4, 5}


def test_the_same_row_twice_reads_twice():
    """Two identical rows (a duplicate in the export) give two equal records; the pipeline unites them."""
    records, _ = read(RECOMMENDATIONS)
    twins = by_text(records, "Integrate the various regional and international human rights")
    assert len(twins) == 2 and twins[0].key_parts == twins[1].key_parts


# ---- voluntary pledges --------------------------------------------------------------------------------------


def test_voluntary_pledges_are_kept_apart():
    records, rejects = read(PLEDGES)
    assert not rejects and len(records) == 11
    assert all(r.is_pledge and r.position is None and r.position_label == "Voluntary Pledge" for r in records)
    assert all(r.recommending_states == [] and r.key_parts[0] == "pledge" for r in records)
    albania = records[0]
    assert albania.state_under_review == "ALB" and albania.session == 19 and albania.cycle == 2
    assert albania.themes == [ThemeLabel("Minorities"), ThemeLabel("National plan of action")]
    assert not albania.text.endswith(" ")
    yemen = [r for r in records if r.state_under_review == "YEM"]
    assert len(yemen) == 4 and len({r.key_parts for r in yemen}) == 2


def test_a_pledge_and_a_recommendation_with_one_text_have_different_keys(tmp_path):
    path = write_csv(tmp_path, [row(Response="Voluntary Pledge", From="Chad"), row()])
    (pledge, recommendation), _ = read(path)
    assert pledge.is_pledge and not recommendation.is_pledge
    assert pledge.key_parts != recommendation.key_parts


# ---- files: encodings, line ends, gzip, xlsx ----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "mac_roman"])
@pytest.mark.parametrize("line_end", ["\n", "\r", "\r\n"])
@pytest.mark.parametrize("source", [RECOMMENDATIONS, PLEDGES])
def test_every_encoding_and_line_end_reads_the_same(tmp_path, source, encoding, line_end):
    expected = read(source)
    text = source.read_text(encoding="utf-8").replace("\n", line_end)
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    assert read(path) == expected


def test_gzipped_csv(tmp_path):
    path = tmp_path / "export.csv.gz"
    path.write_bytes(gzip.compress(RECOMMENDATIONS.read_bytes()))
    assert read(path) == read(RECOMMENDATIONS)


def test_xlsx_export_reads_like_the_csv(tmp_path):
    import csv

    workbook = Workbook()
    sheet = workbook.active
    with RECOMMENDATIONS.open(encoding="utf-8", newline="") as handle:
        for n, cells in enumerate(csv.reader(handle)):
            sheet.append([int(c) if n and i in (8, 10) else c for i, c in enumerate(cells)])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    assert read(path) == read(RECOMMENDATIONS)


def test_text_that_decodes_to_nothing_sensible_is_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(RECOMMENDATIONS.read_text(encoding="utf-8").encode("utf-8").decode("latin-1").encode("utf-8"))
    with pytest.raises(UnreadableFile):
        read(path)


# ---- format detection and unreadable files ------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        HEADER,
        HEADER[:11],
        list(reversed(HEADER)),
        ["\ufeffto", " TEXT ", "from ", "RESPONSE", "issue", "session"],
        ["State under review", "Recommendation", "Recommending State", "Position", "Issues", "Session"],
    ],
)
def test_matches_the_upr_info_header_by_meaning(headers):
    assert upr_info.matches(headers)


@pytest.mark.parametrize(
    "headers",
    [
        [
            "Goals",
            "Recommendation",
            "Tekst",
            "Targets",
            "Keywords",
            "Response",
            "Recommending state",
            "Mechanism",
            "Procedures",
            "Treaties",
            "Type",
            "field_year",
            "Document",
        ],
        ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"],
        ["To", "Text", "Response", "Issue", "Session"],
        [],
    ],
)
def test_does_not_match_other_headers(headers):
    assert not upr_info.matches(headers)


def test_missing_columns_are_named(tmp_path):
    path = write_csv(tmp_path, [["Chad", "Ratify", "Accepted"]], header=["To", "Text", "Response"])
    with pytest.raises(UnreadableFile, match="no column for from"):
        read(path)


@pytest.mark.parametrize(
    ("name", "content"), [("matrix.docx", b"PK\x03\x04"), ("export.xlsx", b"not a zip"), ("empty.csv", b"")]
)
def test_files_that_cannot_be_read_at_all(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile):
        read(path)


# ---- rows that cannot be read -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "column", "reason"),
    [
        ({"To": "Atlantis"}, "To", "Unknown state 'Atlantis'."),
        ({"From": "&#40;Unknown&#41;"}, "From", "Unknown state '(Unknown)'."),
        ({"From": ""}, "From", "No state is named."),
        ({"Text": "   "}, "Text", "The recommendation has no text."),
        ({"Response": "Maybe later"}, "Response", "Unknown position 'Maybe later'."),
        ({"Action": "9"}, "Action", "'9' is not a UPR Info action category (1–5)."),
        ({"Session": "fifth"}, "Session", "'fifth' is not a UPR session number."),
    ],
)
def test_a_bad_row_is_a_reject_and_the_rest_reads(tmp_path, cells, column, reason):
    path = write_csv(tmp_path, [row(), row(**cells), row(Text="Ratify CAT.")])
    records, rejects = read(path)
    assert rejects == [Reject(3, column, reason)]
    assert [r.line for r in records] == [2, 4]


def test_a_row_longer_than_the_header_is_rejected(tmp_path):
    path = write_csv(tmp_path, [row() + ["surplus"]])
    assert read(path) == ([], [Reject(2, None, "The row has 13 cells, the header 12.")])


def test_line_numbers_count_physical_lines(tmp_path):
    path = write_csv(tmp_path, [row(Text="First line\nsecond line"), [""] * 12, row()])
    records, _ = read(path)
    assert [(r.line, r.text) for r in records] == [(2, "First line second line"), (5, "Ratify the ICCPR.")]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Accepted", PositionKind.supported),
        ("Supported", PositionKind.supported),
        ("Noted", PositionKind.noted),
        ("Rejected", PositionKind.noted),
        ("Supported/Noted", PositionKind.supported_in_part),
        ("Supported in part", PositionKind.supported_in_part),
        ("Partially accepted", PositionKind.supported_in_part),
        ("Pending", PositionKind.pending),
    ],
)
def test_position_wordings(tmp_path, label, kind):
    path = write_csv(tmp_path, [row(Response=label)])
    (record,), _ = read(path)
    assert (record.position, record.position_label) == (kind, label)


def test_state_and_session_arguments_fill_what_the_file_does_not_say(tmp_path):
    header = [h for h in HEADER if h != "Session"]
    path = write_csv(tmp_path, [[c for h, c in zip(HEADER, row(To=""), strict=True) if h != "Session"]], header)
    (record,), _ = read(path, state="TCD", session=30)
    assert (record.state_under_review, record.session, record.cycle, record.year) == ("TCD", 30, 3, 2018)
    (record,), _ = read(write_csv(tmp_path, [row()], name="with_session.csv"), state="FRA", session=30)
    assert (record.state_under_review, record.session) == ("TCD", 5)


# ---- the text key -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Reconsider the lèse-majesté law.", "reconsider the l\ufffdse-majest\ufffd law"),
        ("Respect the State’s obligations", "Respect the State's  obligations."),
        ("Adopt the 2010–2014 plan", "ADOPT THE 2010-2014 PLAN;"),
        ("Ratify “OP-CAT”", 'Ratify "OP-CAT"'),
    ],
)
def test_copies_of_one_text_share_a_key(one, other):
    assert upr_info.text_key(one) == upr_info.text_key(other)


def test_different_texts_keep_different_keys():
    assert upr_info.text_key("Ratify CAT") != upr_info.text_key("Ratify CEDAW")
    assert upr_info.text_key("Забота") == "забота"


def test_a_upr_info_text_and_its_dihr_copy_with_lost_letters_share_a_key():
    records, _ = read(RECOMMENDATIONS)
    (hungary,) = by_text(records, "Ensure urgently, through stable and systematic funding")
    dihr_copy = [
        r
        for r in dihr.read(FIXTURES / "dihr_cycle1_excerpt.csv")
        if isinstance(r, ImportRecord) and r.text.startswith("Ensure urgently, through stable")
    ]
    assert "\ufffd" in dihr_copy[0].text
    assert (hungary.state_under_review, hungary.cycle, hungary.key_parts) == (
        dihr_copy[0].state_under_review,
        dihr_copy[0].cycle,
        dihr_copy[0].key_parts,
    )


# ---- the whole real files, when ../shared/data is there -----------------------------------------------------

if REAL.is_dir():

    def test_whole_recommendations_file():
        records, rejects = read(REAL / "upr_info_recommendations_sessions01-20.csv.gz")
        assert len(records) + len(rejects) == 41_066
        assert rejects == [
            Reject(line, "From", "Unknown state '(Unknown)'.")
            for line in (2497, 2498, 2499, 2500, 2501, 2505, 2506, 2507, 2508)
        ]
        assert Counter(r.position_label for r in records) == {"Accepted": 30_472 - 9, "Noted": 10_594}
        assert Counter(r.action_category for r in records) == {1: 602, 2: 6_978, 3: 3_448, 4: 16_258, 5: 13_771}
        sessions = Counter(r.session for r in records)
        assert sorted(sessions) == list(range(1, 21))
        assert (sessions[1], sessions[2], sessions[3]) == (430 - 9, 855, 1_335)
        assert len({r.state_under_review for r in records}) == 193
        assert len({s for r in records for s in r.recommending_states}) == 169 - 1  # less "(Unknown)"
        assert len({t.label for r in records for t in r.themes}) == 54
        assert {(r.session, r.cycle) for r in records} == {(s, 1 if s <= 12 else 2) for s in range(1, 21)}
        groups = Counter((r.state_under_review, r.session, r.key_parts) for r in records)
        assert len(groups) == 39_861 and sum(1 for n in groups.values() if n > 1) == 729

    def test_whole_pledges_file():
        records, rejects = read(REAL / "upr_info_voluntary_pledges_sessions01-20.csv")
        assert not rejects and len(records) == 947
        assert all(r.is_pledge and not r.recommending_states for r in records)
        assert Counter(r.action_category for r in records) == {4: 373, 5: 328, 2: 153, 3: 73, 1: 20}
        assert all(r.themes for r in records)
