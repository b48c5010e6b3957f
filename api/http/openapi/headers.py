"""Response headers and conditional requests, documented once as `components/headers` and referenced
from every response that carries them.

What sends them: `api/http/request_id.py` (X-Request-ID) and `api/http/security_headers.py`
(Cache-Control) on every response; `api/http/etags.py` (ETag on what a write answers; If-Match → 412)
and `api/http/conditional.py` (ETag on reads; If-None-Match → 304); `api/http/pages.py` (Link,
RFC 8288, when there is a neighbouring page); the routes that set `Location`; `api/idempotency`
(Idempotent-Replayed, and Retry-After on a 409 for a key still in progress), the rate limits (429)
and a busy database (503, Retry-After). `tests/contracts/test_examples_on_demo.py` checks the
documented headers against what the server answers.
"""

import inspect
from typing import Any

from fastapi.routing import APIRoute

HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-ID": {
        "description": "This request's id: the one you sent (if it is 1-128 letters, digits or `._:-`) or a "
        "fresh one. Quote it when you report a problem.",
        "required": True,
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9._:\\-]{1,128}$"},
    },
    "ETag": {
        "description": "Strong validator of this representation. Send it back in `If-None-Match` (a 304 "
        "while nothing changed) or in `If-Match` on a PATCH (a 412 when someone changed it since).",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "`private, no-store` when the request carried a token (what you see may be yours "
        "alone) and on every write; otherwise what the operation allows, if anything.",
        "schema": {"type": "string"},
    },
    "Link": {
        "description": 'RFC 8288 links to the neighbouring pages of this list: `rel="next"` and '
        '`rel="prev"`, when there are such pages.',
        "schema": {"type": "string"},
    },
    "Location": {
        "description": "Where the created resource is read.",
        "schema": {"type": "string", "format": "uri-reference"},
    },
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "Idempotent-Replayed": {
        "description": "`true` when this answer replays the first request made with the same "
        "`Idempotency-Key` (nothing was created again).",
        "schema": {"type": "string", "enum": ["true"]},
    },
}

IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "ETags from earlier reads: while the representation still matches one, the answer is "
    "a 304 without a body.",
    "schema": {"type": "string"},
}
NOT_MODIFIED = {"description": "Not Modified: the representation still matches `If-None-Match`; no body."}

SUCCESS = ("200", "201", "202", "204")


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/headers/{name}"}


def _source(route: APIRoute | None) -> str:
    """The endpoint's source: which headers a write sets is read from the helpers it calls, as the
    permission table is read from the gates (a mismatch fails the demo-data test)."""
    if route is None:
        return ""
    try:
        return inspect.getsource(route.endpoint)
    except (OSError, TypeError):
        return ""


def _is_page(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    """A `{items, total, next_cursor}` envelope (`Page[...]` or a page of its own, e.g. MatrixPage)."""
    ref = schema.get("$ref", "")
    target = components.get(ref.rsplit("/", 1)[-1], {}) if ref else schema
    return {"items", "total", "next_cursor"} <= set(target.get("properties", {}))


def _add(response: dict[str, Any], *names: str) -> None:
    headers = response.setdefault("headers", {})
    for name in names:
        headers.setdefault(name, _ref(name))
    response["headers"] = dict(sorted(headers.items()))


def document_headers(schema: dict[str, Any], routes: dict[tuple[str, str], APIRoute]) -> None:
    """Add `components/headers`, `If-None-Match` and a 304 on every GET, and the headers each response
    carries (see the module's docstring)."""
    schema.setdefault("components", {})["headers"] = HEADERS
    components = schema["components"].get("schemas", {})
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            source = _source(routes.get((path, method)))
            idempotent = any(
                p.get("in") == "header" and p.get("name") == "Idempotency-Key" for p in operation.get("parameters", ())
            )
            if method == "get":
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("in") == "header" and p.get("name") == "If-None-Match" for p in parameters):
                    parameters.append(IF_NONE_MATCH)
                responses.setdefault("304", dict(NOT_MODIFIED))
                _add(responses["304"], "ETag")
                if "200" in responses:
                    _add(responses["200"], "ETag")
                    json_body = responses["200"].get("content", {}).get("application/json", {})
                    if _is_page(json_body.get("schema", {}), components):
                        _add(responses["200"], "Link")
            for status in SUCCESS:
                if status not in responses:
                    continue
                if method != "get" and "with_etag(" in source and status != "204":
                    _add(responses[status], "ETag")
                if status in ("201", "202") and ("set_location(" in source or '"Location"' in source):
                    _add(responses[status], "Location")
                if idempotent:
                    _add(responses[status], "Idempotent-Replayed")
            for status in ("429", "503"):
                if status in responses:
                    _add(responses[status], "Retry-After")
            if idempotent and "409" in responses:
                _add(responses["409"], "Retry-After")
            for response in responses.values():
                _add(response, "X-Request-ID", "Cache-Control")
            operation["responses"] = dict(sorted(responses.items()))
