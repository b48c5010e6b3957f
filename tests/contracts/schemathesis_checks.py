"""`positive_data_acceptance` with one exception the documents state in words.

Some rules no JSON Schema can state: an id in a body must name an existing row, `end_year` must not
come before `start_year`, a date must not lie in the future, a cursor must be one the API issued for
this list. The documents mark each field bound by such a rule with `x-also-checked` (the rule, in
words; see `api.core.types.also_checked`). A schema-valid request refused with a 422 passes here only
when every field the problem names (`errors[].field`, else `field`) is so marked on the operation:
as a parameter, or as a top-level property of the request body. Any other refusal is the stock
check's failure.
"""

from typing import Any

from schemathesis import Case, CheckContext, Response
from schemathesis.openapi.checks import RejectedPositiveData
from schemathesis.specs.openapi.checks import positive_data_acceptance

MARK = "x-also-checked"


def _resolve(document: dict[str, Any], schema: Any) -> Any:
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and len(schema) == 1:
        node: Any = document
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _marked(schema: Any) -> bool:
    return isinstance(schema, dict) and MARK in schema


def marked_fields(document: dict[str, Any], path: str, method: str) -> set[str]:
    """Names of the operation's parameters and top-level body properties carrying `x-also-checked`."""
    item = document["paths"][path]
    operation = item[method.lower()]
    names: set[str] = set()
    for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = _resolve(document, parameter)
        if _marked(parameter) or _marked(_resolve(document, parameter.get("schema"))):
            names.add(parameter["name"])
    body = _resolve(document, operation.get("requestBody", {}))
    for media in body.get("content", {}).values():
        schema = _resolve(document, media.get("schema"))
        for name, prop in (schema or {}).get("properties", {}).items():
            if _marked(prop) or _marked(_resolve(document, prop)):
                names.add(name)
    return names


def blamed_fields(response: Response) -> set[str] | None:
    """The top-level names of the fields a problem+json 422 blames, or None when it blames none."""
    try:
        problem = response.json()
    except ValueError:
        return None
    if not isinstance(problem, dict):
        return None
    fields = [error.get("field") for error in problem.get("errors") or []] or [problem.get("field")]
    if not fields or not all(isinstance(field, str) and field for field in fields):
        return None
    return {field.split(".")[0] for field in fields}


def positive_data_acceptance_or_marked_rule(ctx: CheckContext, response: Response, case: Case) -> bool | None:
    """The stock check, except that a 422 blaming only `x-also-checked` fields is an accepted answer."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except RejectedPositiveData:
        if response.status_code == 422:
            blamed = blamed_fields(response)
            document = case.operation.schema.raw_schema
            if blamed and blamed <= marked_fields(document, case.operation.path, case.method):
                return None
        raise
