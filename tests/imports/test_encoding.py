"""Encodings decided by validity first, then by letters with charset-normalizer's second opinion, on
real excerpts (fixtures/encodings, rebuilt by its make_fixtures.py) and, when ../shared/data is there
(as in CI), on the whole real files."""

import codecs
import gzip
from pathlib import Path

import pytest
from sqlmodel import Session, select

from api.imports import encoding, upr_info
from api.imports.encoding import detect_encoding, second_opinion
from api.imports.limits import UnreadableFile
from api.imports.pipeline import run_import
from api.imports.records import ImportRecord
from api.recommendations.models import Recommendation
from api.seed import seed_states
from api.taxonomy.service import seed_sdg_targets

FIXTURES = Path(__file__).parent / "fixtures" / "encodings"
UTF8 = FIXTURES / "upr_info_accents.utf8.csv"
REAL = Path(__file__).parents[3] / "shared/data"
# The French sentence of issue 12 (not real data; the real files hold English texts with accented names).
ISSUE = (
    "Adopter une législation interdisant toute discrimination à l'égard des femmes et l'appliquer sur "
    "tout le territoire de la Côte d'Ivoire"
)
# Real lines (UPR Info, DIHR, UNSD M49) with few accents, one of which Mac Roman writes as a byte
# Windows-1252 leaves undefined.
ONLY_MAC_ROMAN = {
    0x81: "001;World;150;Europe;154;Northern Europe;;;Åland Islands;248;AX;ALA;;;",
    0x8D: "Continue to assist, when requested, Aruba, Curaçao and Sint Maarten to develop human rights institutions",
    0x8F: "Consider repealing the lèse-majesté law so as to expand the freedom of opinion and expression",
    0x90: "Take effective steps to implement the new legislation enacted in 2009 regarding the family (Lei da "
    "Familia), domestic violence (Lei Contra Violência Doméstica) and trafficking (Lei contra Tráfico de Pessoas)",
    # No real line holds ù: the issue's sentence, continued.
    0x9D: ISSUE + ", là où les femmes sont les plus exposées",
}


def decoded(data: bytes) -> str:
    return data.decode(detect_encoding(data, complete=True))


# ---- validity, then letters -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [("utf8", "utf-8"), ("cp1252", "cp1252"), ("mac_roman", "mac_roman")])
def test_real_accented_lines_decode_exactly_in_each_encoding(name, expected):
    """é, è, à, á, í, ê, ç, ô in real UPR Info lines: each file gives back exactly the UTF-8 text."""
    data = (FIXTURES / f"upr_info_accents.{name}.csv").read_bytes()
    assert detect_encoding(data, complete=True) == expected
    text = data.decode(expected).replace("\r\n", "\n").replace("\r", "\n")
    assert text == UTF8.read_text(encoding="utf-8")


def test_the_french_windows_1252_line_of_the_issue_is_not_read_as_mac_roman():
    data = (ISSUE + "\r\n").encode("cp1252")
    assert detect_encoding(data, complete=True) == "cp1252"
    assert decoded(data) == ISSUE + "\r\n"
    assert "lÈgislation" in data.decode("mac_roman")  # what it was imported as


def test_the_same_line_in_mac_roman_stays_mac_roman():
    data = (ISSUE + "\r").encode("mac_roman")
    assert decoded(data) == ISSUE + "\r"


@pytest.mark.parametrize("byte", sorted(ONLY_MAC_ROMAN))
def test_a_byte_windows_1252_leaves_undefined_leaves_mac_roman_alone(byte):
    """Few accents, so letters alone could not decide: validity does."""
    line = ONLY_MAC_ROMAN[byte] + "\n"
    data = line.encode("mac_roman")
    assert bytes([byte]) in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp1252")
    assert detect_encoding(data, complete=True) == "mac_roman"
    assert decoded(data) == line


def test_a_line_both_encodings_read_as_text_is_refused_naming_both():
    """Real (UPR Info, Bolivia): Mac Roman's í is Windows-1252's ’, and `Guaran’` is as plausible."""
    data = b"Continue to effectively address the precarious situation of the Guaran\x92 indigenous peoples\n"
    with pytest.raises(UnreadableFile, match="cannot be decided") as refused:
        detect_encoding(data, complete=True)
    message = str(refused.value)
    assert "Windows-1252 ('" in message and "Guaran’ indigenous" in message
    assert "Mac Roman ('" in message and "Guaraní indigenous" in message
    assert "re-save it as UTF-8" in message


def test_a_windows_1251_file_is_refused_not_read_as_accents():
    """Real Russian names (the UN six-language list); Windows-1252 reads them as `Àôãàíèñòàí`."""
    data = "Афганистан\nАлбания\nАлжир\nАндорра\nАнгола\nРоссийская Федерация\n".encode("cp1251")
    with pytest.raises(UnreadableFile, match="garbled|cannot be decided"):
        detect_encoding(data, complete=True)


def test_charset_normalizer_agrees_on_the_real_lines():
    for name, expected in (("cp1252", "cp1252"), ("mac_roman", "mac_roman")):
        data = (FIXTURES / f"upr_info_accents.{name}.csv").read_bytes()
        assert second_opinion(data, ["cp1252", "mac_roman"]) == {expected}


def test_letters_and_charset_normalizer_disagreeing_is_a_refusal(monkeypatch):
    data = (FIXTURES / "upr_info_accents.cp1252.csv").read_bytes()
    monkeypatch.setattr(encoding, "second_opinion", lambda sample, candidates: {"mac_roman"})
    with pytest.raises(UnreadableFile, match="letters say Windows-1252 but charset-normalizer says Mac Roman"):
        detect_encoding(data, complete=True)


def test_a_sole_valid_reading_charset_normalizer_finds_garbled_is_refused(monkeypatch):
    monkeypatch.setattr(encoding, "second_opinion", lambda sample, candidates: set())
    with pytest.raises(UnreadableFile, match="garbled text in Mac Roman"):
        detect_encoding((ONLY_MAC_ROMAN[0x8F] + "\n").encode("mac_roman"), complete=True)


# ---- UTF-8, BOM, control characters --------------------------------------------------------------------


def test_utf8_with_bom():
    text = UTF8.read_text(encoding="utf-8")
    data = codecs.BOM_UTF8 + text.encode("utf-8")
    assert detect_encoding(data, complete=True) == "utf-8-sig"
    assert decoded(data) == text


def test_a_bom_before_bytes_that_are_not_utf8_is_refused():
    with pytest.raises(UnreadableFile, match="BOM"):
        detect_encoding(codecs.BOM_UTF8 + ISSUE.encode("cp1252"), complete=True)


def test_utf8_cut_mid_character_at_the_end_of_the_sample_is_still_utf8():
    data = ISSUE.encode("utf-8")
    cut = data[: data.index("é".encode()) + 1]
    assert detect_encoding(cut, complete=False) == "utf-8"


@pytest.mark.parametrize("data", [b"To,Text\nChad,Ratify\x00 it\n", "Chad,R\u0085atify\n".encode()])
def test_control_characters_are_refused(data):
    with pytest.raises(UnreadableFile, match="control characters"):
        detect_encoding(data, complete=True)


def test_control_characters_in_a_single_byte_file_are_refused():
    with pytest.raises(UnreadableFile, match="control characters"):
        detect_encoding(ISSUE.encode("cp1252") + b"\x07\n", complete=True)


# ---- a whole import ------------------------------------------------------------------------------------


@pytest.fixture
def reference(session: Session) -> None:
    seed_states(session)
    seed_sdg_targets(session)


def test_a_windows_1252_upr_info_export_is_stored_with_its_accents(session, reference, tmp_path):
    path = tmp_path / "upr_info_export.csv"
    path.write_bytes((FIXTURES / "upr_info_accents.cp1252.csv").read_bytes())
    expected = sorted(r.text for r in upr_info.read(UTF8) if isinstance(r, ImportRecord))
    report = run_import(session, path)
    assert report.inserted == len(expected) == 9 and not report.rejected
    stored = sorted(session.exec(select(Recommendation.text)).all())
    assert stored == expected
    assert ISSUE in stored
    assert any("Forces armées de la République démocratique du Congo" in text for text in stored)
    assert not any(mojibake in text for text in stored for mojibake in ("È", "‡", "Ù", "Ž"))


# ---- the whole real files --------------------------------------------------------------------------------

if REAL.is_dir():

    @pytest.mark.parametrize(
        "name",
        [
            "upr_info/upr_info_recommendations_sessions01-20.csv.gz",
            "upr_info/upr_info_voluntary_pledges_sessions01-20.csv",
            "dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle1.csv.gz",
            "dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle2.csv.gz",
            "ohchr_matrices/china_upr17_2013_matrix.csv",
            "ohchr_matrices/china_upr31_2018_matrix.csv",
            "ohchr_matrices/slovenia_upr20_2014_thematic_list.csv",
            "reference/un_member_states.csv",
            "reference/unsd_m49_methodology.csv",
        ],
    )
    @pytest.mark.parametrize("target", ["cp1252", "mac_roman"])
    def test_whole_real_file_in_each_single_byte_encoding(name, target):
        """The first MiB, as detection sees it (U+FFFD, which neither encoding has, as `?`)."""
        path = REAL / name
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
            text = handle.read(encoding.SAMPLE_BYTES).replace("\ufffd", "?")
        data = text.encode(target)[: encoding.SAMPLE_BYTES]
        assert detect_encoding(data) == target
        assert data.decode(target) == text[: len(data)]
