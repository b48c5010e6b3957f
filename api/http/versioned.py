"""Public reads validated by the database's data version: the ETag names the version and the request, so
`If-None-Match` is answered with a 304 before any row is read, and a worker keeps the bodies it built
for the current version in memory (bounded), so a repeated page is one indexed read of the version.

Only for reads whose body depends on nothing but the URL and the data (never the caller): the caller's
gate runs before, as a dependency, and a body is cached only when the answer is a 200. The version lives
in the database, bumped by every commit that changes the data (`api.derived`), so every worker on every
machine agrees on it; a cache is never more than a shortcut to what the version says.
"""

import hashlib
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version

from fastapi import Request, Response

from api.core.caches import VersionedCache
from api.http.conditional import none_match
from api.settings import get_settings

try:
    _RELEASE = version("upr-tracker")
except PackageNotFoundError:  # pragma: no cover (run from a tree without installing)
    _RELEASE = "dev"

JSON = "application/json"
CACHE_BYTES = 64 << 20  # per worker


pages: VersionedCache[bytes] = VersionedCache(CACHE_BYTES, getsizeof=len)


def _key(request: Request) -> str:
    return f"{request.url.path}?{request.url.query}"


def etag(request: Request, data_version: int) -> str:
    """Strong: the same release, data version and URL always send the same bytes."""
    digest = hashlib.sha256(f"{_RELEASE}:{data_version}:{_key(request)}".encode()).hexdigest()[:32]
    return f'"v{data_version}-{digest}"'


def _headers(tag: str) -> dict[str, str]:
    seconds = get_settings().shared_cache_seconds
    cache = (
        f"public, max-age=0, s-maxage={seconds}, stale-while-revalidate={seconds}" if seconds else "public, no-cache"
    )
    return {"ETag": tag, "Cache-Control": cache}


def cached(request: Request, data_version: int | None) -> Response | None:
    """A 304 when the caller holds this version's page, the page when this worker built it already.
    `None` (the data is ahead of its version): neither; the answer is built and validated by its hash."""
    if data_version is None:
        return None
    tag = etag(request, data_version)
    if_none_match = request.headers.get("if-none-match")
    # A listed tag was issued for this URL's 200 at this version: still a 200, so a 304. `*` matches any
    # current representation, and whether there is one (not a 404 or 422) only the route can say.
    if if_none_match and "*" not in if_none_match and none_match(if_none_match.encode("latin-1"), tag.encode()):
        return Response(status_code=304, headers=_headers(tag))
    body = pages.get((data_version, _key(request)))
    if body is None:
        return None
    return Response(body, media_type=JSON, headers=_headers(tag))


def respond(request: Request, data_version: int | None, body: bytes) -> Response:
    """The page just built, kept for the next caller of the same URL and version."""
    if data_version is None:
        return Response(body, media_type=JSON)
    pages.put((data_version, _key(request)), body)
    return Response(body, media_type=JSON, headers=_headers(etag(request, data_version)))


def answer(request: Request, data_version: int | None, build: Callable[[], bytes]) -> Response:
    """The cached answer or 304 when there is one, else `build()`'s body, kept for the next caller."""
    if (found := cached(request, data_version)) is not None:
        return found
    return respond(request, data_version, build())
