"""Operational endpoints: health check, robots.txt, sitemap over both languages,
and the 500 page."""

import logging

from django.db import connection
from django.db.models import Q
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET, require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

logger = logging.getLogger(__name__)


@requires_csrf_token
def server_error(request):
    """Django's 500 view, plus a word for staff who met it in the admin:
    what they saved before the error (drafts, autosave) is kept. Rendered
    without context processors, like Django's, so it cannot fail itself."""
    template = loader.get_template("500.html")
    in_admin = request.path.startswith("/admin/")
    return HttpResponseServerError(template.render({"in_admin": in_admin}))


@never_cache
@require_safe  # load balancers probe with HEAD as often as with GET
def healthz(request):
    """Liveness and database check for load balancers and the container."""
    database = "ok"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to talk to the database is "down"
        logger.exception("Health check: database unavailable")
        database = "error"
    healthy = database == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", "app": "ok", "database": database},
        status=200 if healthy else 503,
    )


def _public_url(request, path):
    """`path` on the Wagtail Site's host (see `set_site_host`), not the request's."""
    site = Site.find_for_request(request)
    return site.root_url + path if site else request.build_absolute_uri(path)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        "",
        f"Sitemap: {_public_url(request, '/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists one tree; ours lists every language's tree."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        in_any_tree = Q()
        for path in roots.values_list("path", flat=True):
            in_any_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@require_safe
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links to."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))


@require_safe
def apple_touch_icon(request):
    """iOS asks for /apple-touch-icon.png at the root when saving to a home screen."""
    return HttpResponsePermanentRedirect(static("icons/apple-touch-icon.png"))
