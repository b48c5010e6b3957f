"""Who is calling, as an address: the key of per-client limits (login throttling, rate limits).

The address is `request.client.host` as uvicorn gives it. Behind a reverse proxy that is the proxy's
address, unless uvicorn trusts the proxy to tell the real one: `upr serve --forwarded-allow-ips`
(or `FORWARDED_ALLOW_IPS`) lists the proxies whose `X-Forwarded-For` uvicorn reads, and it rewrites
`request.client` from it. Never read that header here: from an untrusted peer it lets a client pick
its own key, and so escape every per-client limit.
"""

from fastapi import Request

UNKNOWN_CLIENT = "unknown"
MAX_CLIENT_LENGTH = 64  # an IPv6 address is at most 45 characters; a zone id may follow


def client_of(request: Request) -> str:
    host = request.client.host if request.client and request.client.host else UNKNOWN_CLIENT
    return host[:MAX_CLIENT_LENGTH]
