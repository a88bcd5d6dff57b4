"""The client's address behind trusted reverse proxies (X-Forwarded-For), for throttles and logs.

X-Forwarded-For is believed only when the peer itself is a trusted proxy, and then read from the
right: each trusted proxy appends the address it saw, so the first hop from the right that is not
a trusted proxy is the client. Anything further left was written by the client and is ignored.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

from aiohttp import web

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(value: str) -> tuple[Network, ...]:
    """`10.0.0.1, 10.1.0.0/16 fd00::/8` → networks; raises ValueError on a bad entry."""
    return tuple(ipaddress.ip_network(part, strict=False) for part in value.replace(",", " ").split())


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None, proxies: Iterable[Network]) -> bool:
    return address is not None and any(address.version == net.version and address in net for net in proxies)


def client_address(request: web.Request, proxies: Sequence[Network]) -> str:
    peer = request.remote or "unknown"
    if not _trusted(_address(peer), proxies):
        return peer
    hops = [hop for header in request.headers.getall("X-Forwarded-For", ()) for hop in header.split(",")]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:  # a proxy wrote nothing usable: the peer is all we know
            return peer
        if not _trusted(address, proxies):
            return address.compressed
    return peer
