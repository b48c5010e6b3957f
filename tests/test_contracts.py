"""The committed OpenAPI documents and generated clients must match what the code produces."""

import filecmp
import json
from pathlib import Path
from typing import Annotated

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import TypeAdapter, ValidationError

from api.contracts import CLIENTS, OPENAPI_DIR, ROOT, ClientPackage, apps, generate_client, openapi_text


def test_committed_openapi_documents_match_the_code():
    for name, app in apps().items():
        committed = (OPENAPI_DIR / f"{name}.json").read_text(encoding="utf-8")
        assert committed == openapi_text(app), f"openapi/{name}.json is stale: run `make openapi`"


def _files(root: Path) -> set[str]:
    """The client's files, without what Python or a local `pip install` leaves beside them (git ignores those)."""
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file()
        and not {"__pycache__", "build"} & set(p.parts)
        and not any(q.endswith(".egg-info") for q in p.parts)
    }


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.document)
def test_committed_client_matches_the_documents(client: ClientPackage, tmp_path):
    fresh = generate_client(client, tmp_path / "client")
    where = client.directory.relative_to(ROOT)
    assert _files(fresh) == _files(client.directory), f"{where} is stale: run `make client`"
    _, mismatch, errors = filecmp.cmpfiles(fresh, client.directory, sorted(_files(fresh)), shallow=False)
    assert not mismatch and not errors, f"{where} differs from the generated client in {mismatch + errors}"


def test_every_operation_has_an_id_and_documents_its_errors():
    for app in apps().values():
        for path, item in app.openapi()["paths"].items():
            for method, operation in item.items():
                assert "." in operation["operationId"], (method, path)
                problems = {s: r for s, r in operation["responses"].items() if s[0] in "45"}
                assert problems, f"{method.upper()} {path} documents no error response"
                for status, response in problems.items():
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
                content = document["paths"][context.path][method.lower()]["requestBody"]["content"]
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
