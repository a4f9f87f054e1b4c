"""A fixed-window request limit per client address, kept in the cache."""

import hashlib

from django.core.cache import cache
from django.utils import timezone


def client_address(request):
    """The client's address as the web server saw it.

    Behind a proxy, the deployment must put the client's address in
    REMOTE_ADDR (gunicorn's ``--forwarded-allow-ips``); we never trust a raw
    X-Forwarded-For header that a client could forge.
    """
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(request, scope, limit, window_seconds):
    """Count one request of ``scope`` from this client; False once over ``limit``."""
    window = int(timezone.now().timestamp()) // window_seconds
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{address}:{window}"
    if cache.add(key, 1, timeout=window_seconds + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=window_seconds + 5)
            count = 1
    return count <= limit
