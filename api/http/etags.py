"""Optimistic concurrency: ETags on reads, `If-Match` on updates (412 when stale, 428 when missing
where it is required).

The ETag hashes the representation the caller reads, so no version column is needed: if any
field changed since the read, the tag differs and the second writer is told instead of silently
overwriting the first. (Reads whose route sets no ETag get one from the body's hash:
`api/http/conditional.py`, which also answers `If-None-Match` with a 304.)

`If-Match` uses the strong comparison (RFC 9110 §13.1.1): a weak tag (`W/"…"`) never matches,
since a weak validator only claims the representations are equivalent, not identical, and an update
must start from exactly what the writer read. `*` matches any current representation.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Header, Response
from pydantic import BaseModel

from api.core.errors import PreconditionFailed, PreconditionRequired

T = TypeVar("T", bound=BaseModel)
Row = TypeVar("Row")

IF_MATCH = "If-Match"
_REQUIRED = "x-upr-required"  # marks the header in the generated document; see `install_header_openapi`

IfMatch = Annotated[str | None, Header(alias=IF_MATCH, description="ETag from your last read; a stale one gets 412.")]


@dataclass(frozen=True)
class RequiredTag:
    """The `If-Match` of a PATCH that must carry one (`None`: the client sent none)."""

    value: str | None


def _required_if_match(
    if_match: Annotated[
        str | None,
        Header(
            alias=IF_MATCH,
            description="ETag from your last read (required: without it, 428); a stale one gets 412.",
            json_schema_extra={_REQUIRED: True},
        ),
    ] = None,
) -> RequiredTag:
    return RequiredTag(if_match)


RequiredIfMatch = Annotated[RequiredTag, Depends(_required_if_match)]
"""`If-Match` required (428 `precondition-required` without it) on the PATCH of rows that several
organisations or teams edit, where a write made without reading the current state would silently
undo someone else's: tracking plan rows (actions, indicators, measurements, milestones: the
government, the NHRI and admins edit them), submissions (joint submissions: every co-signing party),
recommendations (positions and themes: admins, while imports write the same rows) and the advocacy
workspace's rows (a coalition's organisations edit them together; an incident, its organisation's
people) — but not its membership rows, whose PATCH/PUT set one field whole (a role, a co-chair seat)
under rules checked with the coalition locked. Not on
reference data that admins alone edit (states, cycles, sessions, themes, reviews, documents, users,
organisations), where a plain `IfMatch` is optional, and not on posts (progress updates,
assessments, evidence): each PATCH of a post makes a new revision kept in its history, so an
overwrite loses nothing. The check comes after the row is loaded, so a caller who may not see or
change the row gets its 404 or 403 first."""


def quoted_hash(data: bytes) -> str:
    """A strong entity tag of `data`: what every ETag of this API is (of a representation or of a body)."""
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def etag_of(representation: BaseModel) -> str:
    return quoted_hash(representation.model_dump_json().encode())


def list_tags(header: str) -> list[str]:
    """The entity tags of an `If-Match` / `If-None-Match` value (`*` included)."""
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def check_if_match(if_match: str | RequiredTag | None, current: BaseModel) -> None:
    if isinstance(if_match, RequiredTag):
        if if_match.value is None:
            raise PreconditionRequired(
                "Send If-Match with the ETag of your last read of this resource, so a concurrent change is "
                "not silently overwritten.",
                field=IF_MATCH,
            )
        if_match = if_match.value
    if if_match is None:
        return
    tags = list_tags(if_match)
    if "*" not in tags and etag_of(current) not in tags:  # a `W/` tag never equals a strong one
        raise PreconditionFailed(
            "The resource changed since you read it (or the ETag sent is weak); read it again and reapply your change.",
            field=IF_MATCH,
        )


def with_etag(response: Response, representation: T) -> T:
    response.headers["ETag"] = etag_of(representation)
    return representation


def update_with_etag(
    response: Response,
    if_match: str | RequiredTag | None,
    *,
    load: Callable[[], Row],
    read: Callable[[Row], T],
    change: Callable[[Row], Row],
) -> T:
    """Every PATCH: `load` the row (locked for update, scope checked, so a caller who may not see it
    gets its 404 before any 412 or 428), compare `If-Match` with what the caller would read, apply
    `change`, answer the new representation with its ETag."""
    row = load()
    check_if_match(if_match, read(row))
    return with_etag(response, read(change(row)))


def fix_header_parameters(schema: dict[str, Any]) -> None:
    """A header is a string or absent, never JSON `null`: document `str | None` headers as a plain
    optional string (tools otherwise send `If-Match: null`, a 412), and the marked `If-Match` as
    required."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            for parameter in operation.get("parameters", ()):
                if parameter.get("in") != "header":
                    continue
                param_schema = parameter.get("schema", {})
                options = param_schema.get("anyOf")
                if options and {"type": "null"} in options:
                    rest = [option for option in options if option != {"type": "null"}]
                    del param_schema["anyOf"]
                    param_schema.update(rest[0] if len(rest) == 1 else {"anyOf": rest})
                if param_schema.pop(_REQUIRED, False):
                    parameter["required"] = True


def install_header_openapi(app: FastAPI) -> None:
    """Wrap `app.openapi` before `install_problem_openapi`, which documents 428 where `If-Match` is
    required."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        fresh = app.openapi_schema is None
        schema = generate()
        if fresh:
            fix_header_parameters(schema)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
