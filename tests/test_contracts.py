"""The committed OpenAPI documents and generated client must match what the code produces."""

import filecmp
from pathlib import Path

from api.contracts import CLIENT_DIR, OPENAPI_DIR, apps, generate_client, openapi_text


def test_committed_openapi_documents_match_the_code():
    for name, app in apps().items():
        committed = (OPENAPI_DIR / f"{name}.json").read_text(encoding="utf-8")
        assert committed == openapi_text(app), f"openapi/{name}.json is stale: run `make openapi`"


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_committed_client_matches_the_documents(tmp_path):
    fresh = tmp_path / "client"
    generate_client(OPENAPI_DIR / "cycle.json", fresh)
    assert _files(fresh) == _files(CLIENT_DIR), "clients/ is stale: run `make openapi`"
    _, mismatch, errors = filecmp.cmpfiles(fresh, CLIENT_DIR, sorted(_files(fresh)), shallow=False)
    assert not mismatch and not errors, f"clients/ differs from the generated client in {mismatch + errors}"


def test_every_operation_has_an_id_and_documents_its_errors():
    for app in apps().values():
        for path, item in app.openapi()["paths"].items():
            for method, operation in item.items():
                assert "." in operation["operationId"], (method, path)
                problems = {s: r for s, r in operation["responses"].items() if s[0] in "45"}
                assert problems, f"{method.upper()} {path} documents no error response"
                for status, response in problems.items():
                    assert list(response["content"]) == ["application/problem+json"], (method, path, status)
