"""ASGI middleware: the security headers of every response, and no shared caching of what depends on
the caller.

- A response to a request that carries credentials (`Authorization`, or a cookie) may hold what only
  that caller may see (confidential posts, ratings, a pseudonymous organisation's real name):
  `Cache-Control: private, no-store`, whatever the route said. A write (any method but GET/HEAD) is
  never stored either.
- Any other read (a GET or HEAD without credentials) that succeeds is `public, no-cache` unless its
  route says otherwise: shared caches may keep it but must revalidate it (with its ETag,
  `api/http/conditional.py`) on every use, so a post its author withdrew or made confidential is
  never served from a cache afterwards. An error is `no-store`.
- Every response varies with `Authorization` (the same URL answers more to a token holder), so a
  shared cache never hands one caller's answer to another.
- `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY` and a
  Content-Security-Policy: nothing at all for the API's own bodies (JSON, CSV, files), and for the HTML
  of the interactive docs only what Swagger UI and ReDoc load. HSTS when the request came over HTTPS
  (uvicorn sets the scheme from `X-Forwarded-Proto` only for proxies it trusts: `--forwarded-allow-ips`).

Both apps install it; when the tracking app is mounted in the cycle app a response passes twice, so
every header is set, never appended.
"""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_CSP = b"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# The /docs and /redoc pages (api/http/docs_ui.py): scripts, styles and images from this origin only (the
# assets are package files), an inline start-up script and inline styles, the OpenAPI document from this
# origin, and ReDoc's web worker.
DOCS_CSP = (
    b"default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; connect-src 'self'; worker-src blob:; frame-ancestors 'none'; base-uri 'none'; "
    b"form-action 'self'"
)
# What a browser dashboard on another origin may read of an answer (CORS, when CORS_ORIGINS is set).
EXPOSED_HEADERS = ["X-Request-ID", "ETag", "Retry-After", "Link", "Location", "Idempotent-Replayed"]
HSTS = b"max-age=63072000; includeSubDomains"
PRIVATE = b"private, no-store"
PUBLIC = b"public, no-cache"
NO_STORE = b"no-store"
FIXED = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
}
SAFE_METHODS = {"GET", "HEAD"}


def with_vary(existing: bytes | None, name: bytes) -> bytes:
    """`existing` (a Vary value, or None) with `name` added unless it (or `*`) is there."""
    if not existing:
        return name
    values = [v.strip() for v in existing.split(b",") if v.strip()]
    if any(v.lower() == name.lower() or v == b"*" for v in values):
        return existing
    return b", ".join([*values, name])


def _credentials(scope: Scope) -> bool:
    return any(name in (b"authorization", b"cookie") for name, _ in scope.get("headers", []))


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = _credentials(scope) or scope.get("method", "GET") not in SAFE_METHODS
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = {k.lower(): v for k, v in message.get("headers", [])}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _REPLACED]
                html = headers.get(b"content-type", b"").startswith(b"text/html")
                added = {
                    **FIXED,
                    # A route's own policy is narrower (an evidence download adds `sandbox`): kept.
                    b"content-security-policy": headers.get(b"content-security-policy")
                    or (DOCS_CSP if html else API_CSP),
                    b"vary": with_vary(headers.get(b"vary"), b"Authorization"),
                }
                if private:
                    added[b"cache-control"] = PRIVATE
                elif b"cache-control" in headers:
                    added[b"cache-control"] = headers[b"cache-control"]
                else:
                    added[b"cache-control"] = PUBLIC if message["status"] < 400 else NO_STORE
                if https:
                    added[b"strict-transport-security"] = HSTS
                message["headers"] = kept + list(added.items())
            await send(message)

        await self.app(scope, receive, send_with_headers)


_REPLACED = {*FIXED, b"content-security-policy", b"vary", b"cache-control", b"strict-transport-security"}
