"""How django-axes tells clients apart and what a locked-out client sees."""

import ipaddress
import math

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.shortcuts import render
from wagtail.admin.views.account import get_user_login_form, password_reset_enabled


def client_ip(request):
    """The address of the client that sent ``request``.

    Each of our TRUSTED_PROXY_COUNT reverse proxies appends the address it saw
    to X-Forwarded-For, so the client is the N-th entry from the right; what
    stands left of it was written by the client and is ignored, which is why a
    rotating X-Forwarded-For buys an attacker nothing. Without proxies (the
    default) the header is never read.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote_addr
    hops = [
        hop.strip()
        for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if hop.strip()
    ]
    if len(hops) < count:
        # The request skipped a proxy we expect: trust only the socket.
        return remote_addr
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


def cooloff_minutes():
    return math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)


def lockout_response(request, original_response=None, credentials=None):
    """Wagtail's sign-in page again, saying why and for how long (HTTP 429)."""
    context = {
        "form": get_user_login_form()(request),
        "show_password_reset": password_reset_enabled(),
        "cooloff_minutes": cooloff_minutes(),
    }
    return render(
        request,
        "accounts/lockout.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class ThrottledLoginBackend(AxesStandaloneBackend):
    """axes' gatekeeper, marking the request it refuses for a lockout, so the
    log tells a refused attempt from the one that set the lockout off."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            return super().authenticate(request, username, password, **kwargs)
        except AxesBackendPermissionDenied:
            request.accounts_refused_while_locked = True
            raise
