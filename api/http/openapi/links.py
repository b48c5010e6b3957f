"""OpenAPI `links`: from what a create answers to the operations on the created resource, and from a
read to the writes on the same resource, so a client (or Swagger UI) can follow `id` onwards.

Derived from the paths: a POST on `/x` (or `/a/{a_id}/x`) answering 201/202 links to the GET,
PATCH and DELETE of `/x/{x_id}`; the new id comes from the answer (`$response.body#/id`, or the
property named like the parameter, e.g. `code`), the parents' ids from the request.
"""

import re
from typing import Any

ITEM = re.compile(r"^\{(\w+)\}$")


def _body_properties(response: dict[str, Any], components: dict[str, Any]) -> set[str]:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    if ref := schema.get("$ref"):
        schema = components.get(ref.rsplit("/", 1)[-1], {})
    return set(schema.get("properties", {}))


def _links(targets: dict[str, Any], methods: tuple[str, ...], values: dict[str, str], what: str) -> dict[str, Any]:
    return {
        targets[method]["operationId"]: {
            "operationId": targets[method]["operationId"],
            "parameters": values,
            "description": f"{method.upper()} {what}.",
        }
        for method in methods
        if "operationId" in targets.get(method, {})
    }


def _item_paths(paths: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(collection path, item path, the item's parameter) for every `/x/{x_id}` under a `/x`."""
    found = []
    for path in paths:
        for item_path in paths:
            if item_path.startswith(path + "/") and (match := ITEM.match(item_path[len(path) + 1 :])):
                found.append((path, item_path, match[1]))
    return found


def document_links(schema: dict[str, Any]) -> None:
    paths = schema.get("paths", {})
    components = schema.get("components", {}).get("schemas", {})
    for path, item_path, parameter in _item_paths(paths):
        targets = paths[item_path]
        parents = {name: f"$request.path.{name}" for name in re.findall(r"\{(\w+)\}", path)}
        create = paths[path].get("post", {}).get("responses", {})
        for status in ("201", "202"):
            if status not in create:
                continue
            properties = _body_properties(create[status], components)
            field = parameter if parameter in properties else "id" if "id" in properties else None
            if field is not None:
                values = {**parents, parameter: f"$response.body#/{field}"}
                if links := _links(targets, ("get", "patch", "delete"), values, "what was created"):
                    create[status]["links"] = links
        read = targets.get("get", {}).get("responses", {}).get("200")
        values = {**parents, parameter: f"$request.path.{parameter}"}
        # Only to the writes that take what the read took (`themes.get` takes a code, `themes.update` an id).
        writes = tuple(m for m in ("patch", "delete") if _same_parameter(targets, "get", m, parameter))
        if read is not None and (links := _links(targets, writes, values, "what was read")):
            read["links"] = links


def _same_parameter(targets: dict[str, Any], one: str, other: str, name: str) -> bool:
    def schema_of(method: str) -> Any:
        parameters = targets.get(method, {}).get("parameters", ())
        return next((p.get("schema") for p in parameters if p.get("in") == "path" and p.get("name") == name), None)

    return schema_of(one) == schema_of(other)
