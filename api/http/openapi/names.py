"""Readable schema names: FastAPI names a generic model `Page_RecommendationRead_` and a form or
multipart body after its function (`login`, `create` — two different ones). One deterministic pass
renames them (and their `title`, which the Python client's class names follow) and rewrites every
`$ref`, so clients get `RecommendationPage`, `LoginForm`, `ImportUpload`."""

import re
from typing import Any

# A request body FastAPI assembled from form fields, named after the operation that takes it.
BODY_NAMES = {"auth.login": "LoginForm", "imports.create": "ImportUpload", "evidence.create": "EvidenceUpload"}
PAGE = re.compile(r"^Page_(\w+?)_$")
READABLE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
PREFIX = "#/components/schemas/"


def _body_name(operation_id: str) -> str:
    return BODY_NAMES.get(operation_id) or "".join(p.capitalize() for p in re.split(r"[._]", operation_id)) + "Body"


def readable_names(schema: dict[str, Any]) -> dict[str, str]:
    """Old name → new name, for every schema whose name is not PascalCase."""
    names = schema.get("components", {}).get("schemas", {})
    renames = {name: f"{found[1].removesuffix('Read')}Page" for name in names if (found := PAGE.match(name))}
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            for media in operation.get("requestBody", {}).get("content", {}).values():
                name = media.get("schema", {}).get("$ref", "").removeprefix(PREFIX)
                if name in names and not READABLE.match(name) and name not in renames:
                    renames[name] = _body_name(operation.get("operationId", name))
    clashes = {new for new in renames.values() if new in names or list(renames.values()).count(new) > 1}
    if clashes:
        raise ValueError(f"readable schema names clash: {sorted(clashes)}")
    return renames


def rewrite_refs(node: Any, refs: dict[str, str]) -> Any:
    """A copy of `node` whose `$ref`s found in `refs` (full `#/components/...` references) name the new one."""
    if isinstance(node, dict):
        return {
            key: refs.get(value, value) if key == "$ref" and isinstance(value, str) else rewrite_refs(value, refs)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [rewrite_refs(value, refs) for value in node]
    return node


def rename_schemas(schema: dict[str, Any]) -> None:
    renames = readable_names(schema)
    if not renames:
        return
    refs = {PREFIX + old: PREFIX + new for old, new in renames.items()}
    rewritten = rewrite_refs(schema, refs)
    components = rewritten["components"]["schemas"]
    for old, new in renames.items():
        components[new] = {**components.pop(old), "title": new}
    rewritten["components"]["schemas"] = dict(sorted(components.items()))
    schema.clear()
    schema.update(rewritten)
