"""Both OpenAPI documents, as the apps generate them, pass Spectral with the committed ruleset
(openapi/.spectral.yaml: `spectral:oas` with every rule, and the project's own) without a single
warning; and what the document says about tokens, servers, names and links holds."""

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from api.auth.deps import oauth2_scheme
from api.contracts import apps, write_openapi
from api.tracking.app import create_tracking_app
from tests.contracts.node_tools import RULESET, node_tool

SCHEME = oauth2_scheme.scheme_name
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def spectral(*documents: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        [str(node_tool("spectral")), "lint", "--ruleset", str(RULESET), "--format", "json", "--quiet"]
        + [str(d) for d in documents],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip().startswith("["), f"spectral did not report:\n{done.stdout}{done.stderr}"
    findings: list[dict[str, Any]] = json.loads(done.stdout)
    return findings


def readable(findings: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{Path(f['source']).name} {'.'.join(map(str, f['path']))}: {f['code']}: {f['message']}" for f in findings
    )


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_openapi(tmp_path_factory.mktemp("openapi"))


def test_both_documents_pass_the_ruleset_without_a_warning(documents: list[Path]) -> None:
    findings = spectral(*documents)
    assert not findings, f"{len(findings)} finding(s):\n{readable(findings)}"


def test_the_ruleset_catches_what_it_is_there_for(documents: list[Path], tmp_path: Path) -> None:
    """Not a lint that passes anything: a document with the old faults is refused, each by its rule."""
    document = json.loads(documents[0].read_text(encoding="utf-8"))
    broken = copy.deepcopy(document)
    broken["security"] = [{SCHEME: []}]
    states = broken["paths"]["/states"]["get"]
    del states["security"]
    states["operationId"] = "list_states_states_get"
    del states["responses"]["200"]["headers"]["X-Request-ID"]
    states["responses"]["422"]["content"] = {"application/json": {"schema": {}}}
    broken["components"]["schemas"]["Page_StateRead_"] = broken["components"]["schemas"].pop("StatePage")
    broken["tags"] = [tag for tag in broken["tags"] if tag["name"] != "states"]
    target = tmp_path / "broken.json"
    target.write_text(json.dumps(broken), encoding="utf-8")
    codes = {f["code"] for f in spectral(target)}
    assert codes >= {
        "upr-no-global-security",
        "upr-operation-security",
        "upr-operation-id-stable",
        "upr-request-id-documented",
        "upr-error-is-problem",
        "upr-schema-name-readable",
        "operation-tag-defined",
    }, codes


def test_a_token_is_asked_for_only_where_it_matters() -> None:
    """Public reads: optional (a token widens what you see); logging in and the probes: none; the
    rest: required. No top-level security, and a 401 only where a token is sent."""
    for name, app in apps().items():
        document = app.openapi()
        assert "security" not in document, name
        for path, method, operation in operations(document):
            where = f"{name} {method.upper()} {path}"
            if operation["operationId"] == "auth.login" or operation["tags"] == ["health"]:
                assert operation["security"] == [], where
            elif operation["x-permission"] == "public":
                assert operation["security"] == [{}, {SCHEME: []}], where
            else:
                assert operation["security"] == [{SCHEME: []}], where
            assert ("401" in operation["responses"]) == bool(operation["security"]), where


def test_servers_licence_contact_and_tags() -> None:
    cycle, tracking = apps().values()
    alone = create_tracking_app(mounted=False).openapi()
    assert cycle.openapi()["servers"] == [{"url": "/", "description": "this server"}]
    assert tracking.openapi()["servers"][0]["url"] == "/tracking"
    assert alone["servers"] == [{"url": "/", "description": "this server"}]
    for document in (cycle.openapi(), tracking.openapi(), alone):
        assert document["info"]["license"] == {"name": "Apache-2.0", "identifier": "Apache-2.0"}
        assert document["info"]["contact"]["name"] == "UPR Tracker"
        used = {tag for _, _, operation in operations(document) for tag in operation["tags"]}
        assert [tag["name"] for tag in document["tags"]] == sorted(
            used, key=[tag["name"] for tag in document["tags"]].index
        )
        assert {tag["name"] for tag in document["tags"]} == used
        assert all(tag.get("description") for tag in document["tags"])


def test_schema_names_are_readable_and_every_reference_resolves() -> None:
    cycle = apps()["cycle"].openapi()
    tracking = apps()["tracking"].openapi()
    assert {"RecommendationPage", "LoginForm", "ImportUpload"} <= set(cycle["components"]["schemas"])
    assert "EvidenceUpload" in tracking["components"]["schemas"]
    login = cycle["paths"]["/auth/token"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert login["schema"] == {"$ref": "#/components/schemas/LoginForm"}
    for document in (cycle, tracking):
        text = json.dumps(document)
        assert "Page_" not in text and '"#/components/schemas/create"' not in text
        for ref in {part.split('"')[0] for part in text.split('"$ref": "')[1:]}:
            section, name = ref.removeprefix("#/components/").split("/")
            assert name in document["components"][section], ref


def test_creates_link_to_what_they_created() -> None:
    tracking = apps()["tracking"].openapi()
    created = tracking["paths"]["/indicators/{indicator_id}/measurements"]["post"]["responses"]["201"]["links"]
    assert created["measurements.update"] == {
        "operationId": "measurements.update",
        "parameters": {"indicator_id": "$request.path.indicator_id", "measurement_id": "$response.body#/id"},
        "description": "PATCH what was created.",
    }
    states = apps()["cycle"].openapi()["paths"]["/states"]["post"]["responses"]["201"]["links"]
    assert states["states.get"]["parameters"] == {"code": "$response.body#/code"}
    read = tracking["paths"]["/actions/{action_id}"]["get"]["responses"]["200"]["links"]
    assert set(read) == {"actions.update", "actions.delete"}


def test_spreadsheets_and_headers_are_typed() -> None:
    cycle = apps()["cycle"].openapi()
    listed = cycle["paths"]["/recommendations"]["get"]
    content = listed["responses"]["200"]["content"]
    assert content["text/csv"]["schema"]["type"] == "string"
    assert "`state_under_review`" in content["text/csv"]["schema"]["description"]
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert content[xlsx]["schema"] == {**content[xlsx]["schema"], "type": "string", "format": "binary"}
    assert set(listed["responses"]["200"]["headers"]) == {"X-Request-ID", "ETag", "Cache-Control", "Link"}
    assert "304" in listed["responses"] and any(p["name"] == "If-None-Match" for p in listed["parameters"])
    imported = cycle["paths"]["/imports"]["post"]["responses"]
    assert {"Location", "Idempotent-Replayed"} <= set(imported["202"]["headers"])
    assert "Retry-After" in imported["503"]["headers"] and "415" in imported
