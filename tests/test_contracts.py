"""The committed OpenAPI documents and generated clients must match what the code produces."""

import filecmp
import json
from pathlib import Path
from typing import Annotated, Any

from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import TypeAdapter, ValidationError

from api.contracts import CLIENT, OPENAPI_DIR, ROOT, apps, generate_client, merged_document, openapi_text


def test_committed_openapi_documents_match_the_code():
    for name, app in apps().items():
        committed = (OPENAPI_DIR / f"{name}.json").read_text(encoding="utf-8")
        assert committed == openapi_text(app), f"openapi/{name}.json is stale: run `make openapi`"


def _files(root: Path) -> set[str]:
    """The client's files, without what Python leaves beside them (git ignores those)."""
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_committed_client_matches_the_documents(tmp_path: Path) -> None:
    fresh = generate_client(CLIENT, tmp_path / "client")
    where = CLIENT.directory.relative_to(ROOT)
    assert _files(fresh) == _files(CLIENT.directory), f"{where} is stale: run `make client`"
    _, mismatch, errors = filecmp.cmpfiles(fresh, CLIENT.directory, sorted(_files(fresh)), shallow=False)
    assert not mismatch and not errors, f"{where} differs from the generated client in {mismatch + errors}"


def _doc(paths: dict[str, Any], schemas: dict[str, Any], servers: list[Any] | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    document["components"] = {"schemas": schemas}
    if servers is not None:
        document["servers"] = servers
    return document


def _get(operation_id: str, ref: str, security: list[Any] | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": operation_id,
        "responses": {"200": {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}},
    }
    if security is not None:
        operation["security"] = security
    return {"get": operation}


def test_the_merged_document_keeps_both_apis_apart_where_they_differ() -> None:
    problem = {"type": "object", "properties": {"status": {"type": "integer"}}}
    cycle = _doc(
        {"/healthz": _get("health.check", "Problem"), "/things": _get("things.list", "Holder")},
        {
            "Problem": problem,
            "Thing": {"type": "object", "properties": {"verb": {"type": "string"}}},
            "Holder": {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/Thing"}}},
        },
    )
    tracking = _doc(
        {"/healthz": _get("health.check", "Problem"), "/actions": _get("actions.list", "Holder")},
        {
            "Problem": problem,  # the same: kept once
            "Thing": {"type": "object", "properties": {"id": {"type": "integer"}}, "title": "Thing"},  # differs
            # textually the cycle's Holder, but its Thing is the other one: renamed too
            "Holder": {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/Thing"}}},
        },
        servers=[{"url": "/tracking"}],
    )
    merged = merged_document(cycle, tracking)
    schemas = merged["components"]["schemas"]
    assert set(merged["paths"]) == {"/healthz", "/things", "/tracking/healthz", "/tracking/actions"}
    assert "servers" not in merged
    assert set(schemas) == {"Problem", "Thing", "Holder", "TrackingThing", "TrackingHolder"}
    assert schemas["TrackingThing"]["title"] == "TrackingThing"
    assert schemas["TrackingHolder"]["properties"]["x"] == {"$ref": "#/components/schemas/TrackingThing"}
    assert schemas["Holder"]["properties"]["x"] == {"$ref": "#/components/schemas/Thing"}
    actions = merged["paths"]["/tracking/actions"]["get"]
    assert actions["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/TrackingHolder")
    assert merged["paths"]["/tracking/healthz"]["get"]["operationId"] == "tracking.health.check"
    assert merged["paths"]["/healthz"]["get"]["operationId"] == "health.check"


def test_an_optional_token_reaches_the_generator_as_no_security() -> None:
    """openapi-python-client would require an AuthenticatedClient for any `security`."""
    cycle = _doc(
        {
            "/public": _get("public.read", "S", security=[{}, {"OAuth2PasswordBearer": []}]),
            "/private": _get("private.read", "S", security=[{"OAuth2PasswordBearer": []}]),
        },
        {"S": {"type": "string"}},
    )
    merged = merged_document(cycle, _doc({}, {}, servers=[{"url": "/tracking"}]))
    assert "security" not in merged["paths"]["/public"]["get"]
    assert merged["paths"]["/private"]["get"]["security"] == [{"OAuth2PasswordBearer": []}]


def test_the_real_documents_merge_without_losing_an_operation() -> None:
    documents = {name: app.openapi() for name, app in apps().items()}
    merged = merged_document(documents["cycle"], documents["tracking"])
    count = sum(len(item) for document in documents.values() for item in document["paths"].values())
    ids = [op["operationId"] for item in merged["paths"].values() for op in item.values()]
    assert len(ids) == count == len(set(ids))
    assert all(p.startswith("/tracking/") for p in merged["paths"] if p not in documents["cycle"]["paths"])


def _is_oauth_error(document: dict, response: dict) -> bool:
    media = response.get("content", {}).get("application/json")
    return media is not None and "error" in _resolve(document, media.get("schema", {})).get("required", [])


def test_every_operation_has_an_id_and_documents_its_errors():
    for app in apps().values():
        for path, item in app.openapi()["paths"].items():
            for method, operation in item.items():
                assert "." in operation["operationId"], (method, path)
                problems = {s: r for s, r in operation["responses"].items() if s[0] in "45"}
                assert problems, f"{method.upper()} {path} documents no error response"
                for status, response in problems.items():
                    if _is_oauth_error(app.openapi(), response):
                        continue  # the token endpoint's RFC 6749 error (`{"error": "invalid_grant"}`)
                    assert list(response["content"]) == ["application/problem+json"], (method, path, status)


def _operations():
    for name, app in apps().items():
        for path, item in app.openapi()["paths"].items():
            for method, operation in item.items():
                yield name, method.upper(), path, operation


def test_every_operation_has_a_summary_of_its_own():
    """A partner reads the operation list by summary: each is non-empty and names one operation
    of its document (derived from the function name unless the route gives `summary=`)."""
    seen: dict[tuple[str, str], str] = {}
    for name, method, path, operation in _operations():
        summary = operation.get("summary", "").strip()
        assert summary, f"{method} {path} has no summary"
        assert (name, summary) not in seen, f"{method} {path} and {seen[(name, summary)]} share {summary!r}"
        seen[(name, summary)] = f"{method} {path}"


FORM_MEDIA_TYPES = {"multipart/form-data", "application/x-www-form-urlencoded"}


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _is_binary(schema: dict) -> bool:
    options = schema.get("anyOf", [schema])
    return any(o.get("format") == "binary" or "contentMediaType" in o for o in options)


def _whole_examples(document: dict, media: dict) -> list:
    """Examples of a whole body: on the media type object, or on the (resolved) body schema."""
    found = [media["example"]] if "example" in media else []
    found += [e["value"] for e in media.get("examples", {}).values() if "value" in e]
    schema = _resolve(document, media.get("schema", {}))
    found += ([schema["example"]] if "example" in schema else []) + list(schema.get("examples", []))
    return found


def test_every_request_body_has_an_example():
    """Each media type of each request body shows a partner what to send. The rule: a JSON body
    carries at least one whole example (the media type's `example`/`examples`, or `examples` on
    its resolved schema, i.e. the model's `json_schema_extra`). A form body (multipart or
    urlencoded) may instead carry an example on every property but its file parts (FastAPI
    `Form(examples=[...])`), since a file part has no meaningful inline example."""
    for name, app in apps().items():
        document = app.openapi()
        for path, item in document["paths"].items():
            for method, operation in item.items():
                for media_type, media in operation.get("requestBody", {}).get("content", {}).items():
                    if _whole_examples(document, media):
                        continue
                    where = f"{name}: {method.upper()} {path} ({media_type})"
                    assert media_type in FORM_MEDIA_TYPES, f"{where} has no example"
                    properties = _resolve(document, media["schema"]).get("properties", {})
                    bare = [p for p, s in properties.items() if not _is_binary(s) and not s.get("examples")]
                    assert not bare, f"{where}: no example for {bare}"


def _samples(document: dict, model: type, media_type: str, media: dict) -> list[tuple[object, object, bool]]:
    """(shape, example, as Python?) for each example shown: whole bodies through the body model,
    a form's property examples through that property's field."""
    form = media_type in FORM_MEDIA_TYPES
    samples = [(model, example, form) for example in _whole_examples(document, media)]
    if form:
        fields = {f.alias or n: f for n, f in model.model_fields.items()}
        properties = _resolve(document, media["schema"]).get("properties", {})
        samples += [
            (Annotated[fields[p].annotation, fields[p]], value, True)
            for p, schema in properties.items()
            for value in schema.get("examples", [])
        ]
    return samples


def test_request_body_examples_validate_against_their_models():
    """Every example the documents show is accepted by the model the server validates the body
    with (its validators included): as JSON for a JSON body, field by field for a form."""
    bodies = checked = 0
    for app in apps().values():
        document = app.openapi()
        for context in iter_route_contexts(app.routes):
            route = context.original_route
            if not isinstance(route, APIRoute) or route.body_field is None:
                continue
            model = route.body_field.field_info.annotation
            for method in route.methods:
                content = document["paths"][route.path_format][method.lower()]["requestBody"]["content"]
                for media_type, media in content.items():
                    bodies += 1
                    for shape, example, python in _samples(document, model, media_type, media):
                        adapter = TypeAdapter(shape)
                        try:
                            adapter.validate_python(example) if python else adapter.validate_json(json.dumps(example))
                        except ValidationError as exc:
                            raise AssertionError(f"{method} {context.path}: {example!r}: {exc}") from None
                        checked += 1
    assert bodies and checked >= bodies, (bodies, checked)
