"""A TypeScript client of each document type-checks with no work-arounds: openapi-typescript turns
both documents (as the apps generate them) into types, and `tsc --strict` checks
tests/contracts/typescript/usage.ts — a public read, the login form, a paged list followed by its
cursor, the CSV export and an authenticated PATCH with If-Match — through openapi-fetch.

`--default-non-nullable=false`: the documents say in `required` which fields are always there, so a
field with a default is not thereby required (the login form's `scope` is optional to send)."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from api.contracts import write_openapi
from tests.contracts.node_tools import NODE_DIR, node_tool

PROGRAM = Path(__file__).parent / "typescript" / "usage.ts"
TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noEmit": True,
        "noUncheckedIndexedAccess": True,
        "target": "ES2022",
        "module": "ESNext",
        "moduleResolution": "Bundler",
        "lib": ["ES2022", "DOM"],
    },
    "files": ["usage.ts"],
}


def tsc(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(node_tool("tsc")), "-p", str(project / "tsconfig.json")], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both documents' types beside the program, and tools/node's modules where tsc looks for them."""
    project = tmp_path_factory.mktemp("typescript")
    generate = node_tool("openapi-typescript")
    for document in write_openapi(project):
        done = subprocess.run(
            [str(generate), str(document), "--output", str(project / f"{document.stem}.ts")]
            + ["--default-non-nullable=false"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"openapi-typescript failed on {document.name}:\n{done.stdout}{done.stderr}"
    (project / "node_modules").symlink_to(NODE_DIR / "node_modules", target_is_directory=True)
    (project / "tsconfig.json").write_text(json.dumps(TSCONFIG), encoding="utf-8")
    shutil.copy(PROGRAM, project / "usage.ts")
    return project


def test_the_program_uses_no_escape_hatch() -> None:
    lines = PROGRAM.read_text(encoding="utf-8").splitlines()
    code = "\n".join(line.split("//")[0] for line in lines if not line.startswith("import "))
    assert not re.search(r"\bany\b|\bas\s+[A-Z{(\[]|\bas unknown\b|@ts-|!\.", code), "a cast or ignore crept in"


def test_the_typescript_client_type_checks(project: Path) -> None:
    done = tsc(project)
    assert done.returncode == 0, f"tsc --strict refused the client:\n{done.stdout}{done.stderr}"


def test_the_types_are_checked_not_waved_through(project: Path, tmp_path: Path) -> None:
    """The same set-up refuses a path the API does not have and a PATCH without its If-Match."""
    wrong = tmp_path / "wrong"
    shutil.copytree(project, wrong, symlinks=True)
    program = (wrong / "usage.ts").read_text(encoding="utf-8")
    program = program.replace('cycle.GET("/states"', 'cycle.GET("/statez"', 1)
    program = program.replace('header: { "If-Match": etag }', "header: {}", 1)
    (wrong / "usage.ts").write_text(program, encoding="utf-8")
    done = tsc(wrong)
    assert done.returncode != 0
    assert '"/statez"' in done.stdout and "If-Match" in done.stdout, done.stdout
