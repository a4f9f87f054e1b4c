"""Browser-side defences (issue 12 §2): Content-Security-Policy and Permissions-Policy.

The public site enforces settings.CONTENT_SECURITY_POLICY. Wagtail's admin enforces
settings.ADMIN_CONTENT_SECURITY_POLICY (the relaxations its screens still need) and
sends the site's strict policy as Content-Security-Policy-Report-Only beside it, so
a browser's console names every admin screen that would break under the strict one
(tests/e2e/test_csp.py keeps that list). Anything under /admin/ that is not an
HTML page (an applicant's file, JSON) keeps the strict policy.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_admin_path(path):
    return path.startswith(settings.WAGTAIL_ADMIN_PATH_PREFIX)


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy swapped in under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not is_admin_path(request.path_info)
            or parts.config is not None  # a view's own @csp_override still wins
            # Downloads and JSON under /admin/ (applicants' files) run no admin
            # script: they keep the strict policy.
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return parts
        strict = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        admin = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if report_only:
            return PolicyParts(default_config(strict), nonce=parts.nonce)
        return PolicyParts(
            default_config(admin), parts.update, parts.replace, parts.nonce
        )


def permissions_policy_header(policy):
    """`{"camera": [], "fullscreen": ["self"]}` -> `camera=(), fullscreen=(self)`."""
    return ", ".join(
        f"{feature}=({' '.join(allowlist)})" for feature, allowlist in policy.items()
    )


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY on every response that has none yet."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
