from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

from .events import log_event
from .sessions import expiry_reason, touch


class StaffSessionTimeoutMiddleware:
    """Signs a user out after STAFF_SESSION_IDLE_TIMEOUT without a request and
    STAFF_SESSION_MAX_AGE after signing in (only staff have accounts here).

    A request without a session cookie is passed on untouched: reading the
    session would add ``Vary: Cookie`` to every public page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and (
            request.user.is_authenticated
        ):
            reason = expiry_reason(request.session)
            if reason:
                log_event(
                    "session_expired",
                    request=request,
                    username=request.user.get_username(),
                    reason=reason,
                )
                logout(request)
                messages.info(
                    request, _("Sesja wygasła. Zaloguj się ponownie, aby kontynuować.")
                )
            else:
                touch(request.session)
        return self.get_response(request)
