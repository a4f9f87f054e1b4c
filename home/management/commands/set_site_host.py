"""Point the default Wagtail Site at the public address (run at every deploy).

Canonical links, ``og:url``, hreflang alternates and the sitemap are built from the
Site's host and port, not from the request. A Site left at Wagtail's ``localhost:80``
would tell search engines and social networks that every page lives on localhost.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_and_port(url):
    """("example.org", 443) for "https://example.org/"; CommandError if not absolute."""
    parts = urlsplit(url or "")
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(f"Not an absolute http(s) URL: {url!r}")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        # Wagtail's Site.root_url only writes https for port 443.
        raise CommandError(f"An https address must use port 443: {url!r}")
    return parts.hostname, port


class Command(BaseCommand):
    help = (
        "Sets the default Site's host and port from WAGTAILADMIN_BASE_URL "
        "(or the given URL), so canonical URLs and the sitemap use the public host."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "url",
            nargs="?",
            help="Public address, e.g. https://ekonomiaspoleczna.mazowia.eu "
            "(default: WAGTAILADMIN_BASE_URL).",
        )

    @transaction.atomic
    def handle(self, *args, url=None, **options):
        hostname, port = host_and_port(url or settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("No default Site: run migrations first.")
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()
        self.stdout.write(f"Site {site.site_name or site.pk}: {site.root_url}")
