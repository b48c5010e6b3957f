"""Who is calling, as an address: the key of per-client limits (login throttling, rate limits).

The address is `request.client.host` as uvicorn gives it. Behind a reverse proxy that is the proxy's
address, unless uvicorn trusts the proxy to tell the real one: `upr serve --forwarded-allow-ips`
(or `FORWARDED_ALLOW_IPS`) lists the proxies whose `X-Forwarded-For` uvicorn reads, and it rewrites
`request.client` from it. Never read that header here: from an untrusted peer it lets a client pick
its own key, and so escape every per-client limit. (Its arrival from a peer uvicorn did not trust is
logged once per process: behind a proxy missing from that list, every client shares the proxy's key.)

An IPv6 client is keyed on its /64 (`throttle_key`): one subscriber or host gets a whole /64 and may
pick any address in it, so keying each address would let it rotate past every limit. An IPv4-mapped
IPv6 address is its IPv4 address.
"""

import ipaddress
import logging

from fastapi import Request

UNKNOWN_CLIENT = "unknown"
MAX_CLIENT_LENGTH = 64  # an IPv6 address is at most 45 characters; a zone id may follow
IPV6_PREFIX = 64

log = logging.getLogger(__name__)
_warned_untrusted_forwarding = False


def throttle_key(address: str) -> str:
    """The key of `address` in per-client limits: an IPv4 address itself, an IPv6 one its /64
    network (`2001:db8:1:2::/64`); anything else (no address known) as it is, cut to length."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address[:MAX_CLIENT_LENGTH]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_PREFIX), strict=False))
    return str(ip)


def _warn_if_forwarding_untrusted(request: Request, host: str) -> None:
    global _warned_untrusted_forwarding
    forwarded = request.headers.get("x-forwarded-for")
    if _warned_untrusted_forwarding or not forwarded:
        return
    if host not in {part.strip() for part in forwarded.split(",")}:  # uvicorn took the peer's address
        _warned_untrusted_forwarding = True
        log.warning(
            "X-Forwarded-For arrived from %s, a peer uvicorn does not trust: per-client limits key on that "
            "peer. Behind a reverse proxy, list it in --forwarded-allow-ips (FORWARDED_ALLOW_IPS).",
            host,
        )


def client_of(request: Request) -> str:
    """The caller's `throttle_key` (login throttling and rate limits share it)."""
    host = request.client.host if request.client and request.client.host else UNKNOWN_CLIENT
    _warn_if_forwarding_untrusted(request, host)
    return throttle_key(host)
