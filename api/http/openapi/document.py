"""The last pass over each OpenAPI document, after the error bodies (api/http/problems.py) and the
permissions and security (api/auth/openapi.py): what a partner's tooling needs to call the API
without reading the code — licence, contact, servers, described tags, response headers and
conditional requests, links between operations, typed CSV/XLSX answers and readable schema names.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from api.http.openapi.headers import document_headers
from api.http.openapi.links import document_links
from api.http.openapi.names import rename_schemas
from api.http.openapi.tags import document_tags

LICENSE = {"name": "Apache-2.0", "identifier": "Apache-2.0"}
CONTACT = {"name": "UPR Tracker", "email": "dev@upr-tracker.org"}
THIS_SERVER = {"url": "/", "description": "this server"}
CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SECURITY_401 = {
    "optional": "Unauthorized: the token sent is invalid or expired (sending none is fine here).",
    "required": "Unauthorized: no token, or one that is invalid or expired.",
}


def _routes(app: FastAPI) -> dict[tuple[str, str], APIRoute]:
    found: dict[tuple[str, str], APIRoute] = {}
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and context.path_format is not None:
            for method in route.methods or ():
                found[(context.path_format, method.lower())] = route
    return found


def _spreadsheets(schema: dict[str, Any], csv_columns: Mapping[str, Sequence[str]]) -> None:
    """Give the CSV and XLSX answers a schema: a string, with the CSV's columns named."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            for response in operation.get("responses", {}).values():
                content = response.get("content", {})
                if CSV_TYPE in content and not content[CSV_TYPE].get("schema"):
                    columns = csv_columns.get(operation.get("operationId", ""))
                    described = ": " + ", ".join(f"`{c}`" for c in columns) if columns else ""
                    content[CSV_TYPE]["schema"] = {
                        "type": "string",
                        "description": f"UTF-8 CSV with a header row{described}. Lists in a cell are "
                        "separated by `; `; a cell never starts a formula.",
                    }
                if XLSX_TYPE in content and not content[XLSX_TYPE].get("schema"):
                    content[XLSX_TYPE]["schema"] = {
                        "type": "string",
                        "format": "binary",
                        "description": "An Excel workbook (Office Open XML); its cells are text or numbers, "
                        "never formulas.",
                    }


def _singular(segment: str) -> str:
    words = segment.replace("-", " ")
    if words.endswith("ies"):
        return words[:-3] + "y"
    return words.removesuffix("s") if not words.endswith("ss") else words


def _path_parameters(schema: dict[str, Any]) -> None:
    """A path parameter the route leaves undescribed says what it names, from its place in the path:
    `/reviews/{review_id}` → "The review's id", `/states/{code}` → "The state's code"."""
    for path, item in schema.get("paths", {}).items():
        segments = path.strip("/").split("/")
        for operation in item.values():
            for parameter in operation.get("parameters", ()):
                if parameter.get("in") != "path" or parameter.get("description"):
                    continue
                name = parameter["name"]
                place = segments.index("{" + name + "}")
                noun = _singular(segments[place - 1]) if place else "resource"
                what = "id" if name.endswith("_id") else name
                parameter["description"] = f"The {noun}'s {what}."


def _unauthorized(schema: dict[str, Any]) -> None:
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            if "401" in operation.get("responses", {}) and operation.get("security"):
                optional = {} in operation["security"]
                operation["responses"]["401"]["description"] = SECURITY_401["optional" if optional else "required"]


def _form_fields_never_null(schema: dict[str, Any]) -> None:
    """A multipart/form-data part is text or a file, never JSON's null: an optional field is one left
    out, so its `anyOf: [X, {"type": "null"}]` (FastAPI's `X | None`) is documented as X alone."""
    components = schema.get("components", {}).get("schemas", {})
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
            ref = content.get("multipart/form-data", {}).get("schema", {}).get("$ref", "")
            form = components.get(ref.removeprefix("#/components/schemas/"), {})
            for prop in form.get("properties", {}).values():
                branches = prop.get("anyOf", [])
                kept = [branch for branch in branches if branch != {"type": "null"}]
                if len(kept) == 1 and len(branches) == 2:
                    del prop["anyOf"]
                    prop.update({**kept[0], **prop})
                    if prop.get("default", 0) is None:
                        del prop["default"]


def finish_document(
    schema: dict[str, Any], routes: dict[tuple[str, str], APIRoute], csv_columns: Mapping[str, Sequence[str]]
) -> None:
    info = schema.setdefault("info", {})
    info["contact"] = CONTACT
    info["license"] = LICENSE
    schema["servers"] = schema.get("servers") or [THIS_SERVER]
    schema.pop("security", None)  # per operation only (api/auth/openapi.py)
    _spreadsheets(schema, csv_columns)
    _path_parameters(schema)
    _unauthorized(schema)
    _form_fields_never_null(schema)
    document_headers(schema, routes)
    document_links(schema)
    used = [tag for item in schema.get("paths", {}).values() for op in item.values() for tag in op.get("tags", ())]
    schema["tags"] = document_tags(used)
    rename_schemas(schema)
    _order(schema)


def _order(schema: dict[str, Any]) -> None:
    """The top-level keys in the order readers expect (FastAPI appends what is set late)."""
    order = ("openapi", "info", "servers", "tags", "paths", "components")
    ordered = {key: schema[key] for key in order if key in schema}
    ordered.update({key: value for key, value in schema.items() if key not in ordered})
    schema.clear()
    schema.update(ordered)


def install_document_openapi(app: FastAPI, *, csv_columns: Mapping[str, Sequence[str]] | None = None) -> None:
    """Wrap `app.openapi` (after `install_problem_openapi` and `install_permission_openapi`);
    `csv_columns`: by operationId, the columns of the CSV an operation can answer."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        fresh = app.openapi_schema is None
        schema = generate()
        if fresh:
            finish_document(schema, _routes(app), csv_columns or {})
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
