"""A fixed-window request limit per client address, kept in the cache."""

import hashlib

from django.core.cache import cache
from django.utils import timezone

from accounts.throttling import client_ip


def client_address(request):
    """The client's address, as login throttling reads it (``client_ip``):
    REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies of ours the entry
    they wrote in X-Forwarded-For; what the client wrote there is ignored."""
    return client_ip(request) or "unknown"


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
