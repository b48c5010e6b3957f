"""Unknown query parameters are a 422 naming them, on every operation of both apps.

Without this check a misspelt or foreign filter is silently dropped, and the answer is wrong without
saying so: `/recommendations?state=SVN` listed all 56,041 recommendations (the filter there is
`state_under_review`; the tracking API calls it `state`).

Both apps install `RejectUnknownQuery` as an app-level dependency, so every route gets it, including
routes added later. It takes only the `Request`: it adds nothing to the OpenAPI documents, never
touches the database, and runs before the route's own dependencies (its gate, the session), so a
refused request costs no query. A route's accepted names come from FastAPI's own record of what the
route declares (`route.dependant`, sub-dependencies such as `PageDep` included), worked out once per
route. Paths and methods are matched before any dependency runs, so 404 and 405 are unchanged.

Two kinds of names are let through on every operation, because they are never filters and refusing
them breaks what callers cannot change: campaign tags on shared links (`utm_source`, any `utm_*`)
and the `_` cache-buster that monitors and JavaScript clients add (`/healthz?_=1701234567`). No
operation may declare a parameter of either kind.
"""

import difflib
import weakref
from collections.abc import Iterable

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel

IGNORED_PREFIX = "utm_"
IGNORED_NAMES = frozenset({"_"})


def ignored(name: str) -> bool:
    """A name no operation reads and every operation lets through (see the module's docstring)."""
    return name in IGNORED_NAMES or name.startswith(IGNORED_PREFIX)


# id(route) -> (the route, weakly, so a discarded app's routes can go; its accepted names)
_ACCEPTED: dict[int, tuple[weakref.ref[APIRoute], frozenset[str]]] = {}


def declared_query_parameters(dependant: Dependant) -> frozenset[str]:
    """The query parameter names a dependency tree reads (aliases as sent on the wire; the fields of
    a query-parameter model one by one, as FastAPI reads and documents them)."""
    names: set[str] = set()
    stack = [dependant]
    while stack:
        current = stack.pop()
        stack.extend(current.dependencies)
        for field in current.query_params:
            model = field.field_info.annotation
            if isinstance(model, type) and issubclass(model, BaseModel):
                names.update(info.alias or name for name, info in model.model_fields.items())
            else:
                names.add(field.alias)
    return frozenset(names)


def accepted_query_parameters(route: APIRoute) -> frozenset[str]:
    """`declared_query_parameters` of the route, computed on its first request only."""
    cached = _ACCEPTED.get(id(route))
    if cached is not None and cached[0]() is route:
        return cached[1]
    accepted = declared_query_parameters(route.dependant)
    _ACCEPTED[id(route)] = (weakref.ref(route), accepted)
    return accepted


def suggestion(unknown: str, accepted: Iterable[str]) -> str | None:
    """The accepted name the caller probably meant: the same name spelt otherwise (`State`,
    `state-under-review`), then one whose words start with the unknown name's words or the other
    way round (`state` for `state_under_review` and back), then a close spelling (`limt`)."""
    names = sorted(accepted, key=lambda name: (len(name), name))
    key = unknown.strip().lower().replace("-", "_")
    for name in names:
        if name.lower() == key:
            return name
    words = key.split("_")
    for name in names:
        theirs = name.lower().split("_")
        shorter, longer = sorted((words, theirs), key=len)
        if longer[: len(shorter)] == shorter:
            return name
    close = difflib.get_close_matches(key, [name.lower() for name in names], n=1, cutoff=0.75)  # not `sort`→`cursor`
    return next((name for name in names if close and name.lower() == close[0]), None)


def _message(unknown: str, accepted: frozenset[str]) -> str:
    if meant := suggestion(unknown, accepted):
        return f"Unknown query parameter; did you mean `{meant}`?"
    if not accepted:
        return "Unknown query parameter; this operation takes no query parameters."
    return "Unknown query parameter; this operation takes " + ", ".join(f"`{n}`" for n in sorted(accepted)) + "."


async def reject_unknown_query(request: Request) -> None:
    """Refuse the request, naming each query parameter the route does not declare (a parameter
    repeated for a list is one name). No I/O: safe on the event loop."""
    if not request.url.query:
        return
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    accepted = accepted_query_parameters(route)
    names = dict.fromkeys(request.query_params.keys())
    unknown = [name for name in names if name not in accepted and not ignored(name)]
    if unknown:
        raise RequestValidationError(
            [
                {
                    "type": "extra_forbidden",
                    "loc": ("query", name),
                    "msg": _message(name, accepted),
                    "input": request.query_params.get(name),
                }
                for name in unknown
            ]
        )


RejectUnknownQuery = Depends(reject_unknown_query)
