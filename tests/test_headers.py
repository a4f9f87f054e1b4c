"""Browser-side defences (issue 12 §2): the headers every kind of page sends.

A snapshot over a public page, the submission form, the applicant's status page, a
private file download and an admin page, each over plain HTTP with the test
settings and over HTTPS with production's HTTPS settings (HSTS, the redirect, the
referrer policy); then the policy's own rules: no inline script or style in our
templates, the admin's relaxations limited to the admin.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from campaign_site.browser_policy import permissions_policy_header
from tests.competition import builders
from tests.competition.conftest import edition, private_root  # noqa: F401
from tests.competition.test_files import stored_file  # noqa: F401
from tests.competition.test_status import link, status_url, token_url
from tests.competition.test_submission import form_url
from tests.s3server import load_settings

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[1]

# Media hosts configured for this run (S3 endpoint or custom domain; none locally).
MEDIA = "".join(f" {source}" for source in settings.CSP_MEDIA_SOURCES)
STRICT_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:" + MEDIA,
    "media-src": "'self'" + MEDIA,
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self' https://www.youtube.com https://www.youtube-nocookie.com "
    "https://player.vimeo.com",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
ADMIN_CSP = {
    **STRICT_CSP,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:" + MEDIA,
    "frame-ancestors": "'self'",
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=(), fullscreen=(self)"
)


#: What production sends over HTTPS (SECURE_HSTS_* in production.py).
PRODUCTION_HSTS = "max-age=31536000; includeSubDomains; preload"
PRODUCTION_HTTPS_SETTINGS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_REFERRER_POLICY",
]


@dataclass
class Scheme:
    """How a snapshot's requests are made and what differs in the answer."""

    secure: bool
    hsts: str | None
    referrer: str


@pytest.fixture(scope="module")
def production_https():
    """production.py's HTTPS settings, as the deployed process loads them."""
    loaded = load_settings(
        "campaign_site.settings.production",
        PRODUCTION_HTTPS_SETTINGS,
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="es.mcps.example",
    )
    return loaded["settings"]


@pytest.fixture(params=["http", "https"])
def scheme(request, settings):
    """Plain HTTP with the test settings, or HTTPS with production's. Set
    before the test's first request: SecurityMiddleware reads them once."""
    if request.param == "http":
        return Scheme(secure=False, hsts=None, referrer="same-origin")
    production = request.getfixturevalue("production_https")
    for name, value in production.items():
        setattr(settings, name, value)
    return Scheme(
        secure=True,
        hsts=PRODUCTION_HSTS,
        referrer=production["SECURE_REFERRER_POLICY"],
    )


def directives(header):
    policy = {}
    for part in header.split(";"):
        name, _, sources = part.strip().partition(" ")
        policy[name] = sources
    return policy


def snapshot(response):
    return {
        "csp": directives(response["Content-Security-Policy"]),
        "csp-report-only": (
            directives(response["Content-Security-Policy-Report-Only"])
            if response.has_header("Content-Security-Policy-Report-Only")
            else None
        ),
        "Permissions-Policy": response["Permissions-Policy"],
        "X-Content-Type-Options": response["X-Content-Type-Options"],
        "Cross-Origin-Opener-Policy": response["Cross-Origin-Opener-Policy"],
        "Referrer-Policy": response["Referrer-Policy"],
        "Strict-Transport-Security": response.get("Strict-Transport-Security"),
    }


def public(scheme, referrer=None):
    return {
        "csp": STRICT_CSP,
        "csp-report-only": None,
        "Permissions-Policy": PERMISSIONS_POLICY,
        "X-Content-Type-Options": "nosniff",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Referrer-Policy": referrer or scheme.referrer,
        "Strict-Transport-Security": scheme.hsts,
    }


def admin(scheme):
    return {
        **public(scheme),
        "csp": ADMIN_CSP,
        # What the strict policy would refuse is reported, not blocked.
        "csp-report-only": STRICT_CSP,
    }


@pytest.fixture
def secretary_client(client):
    user = builders.staff_user(
        "sekretariat", builders.SECRETARIAT, permissions=["download_entryfile"]
    )
    client.force_login(user)
    return client


def test_public_page(client, home, scheme):
    response = client.get(home.url, secure=scheme.secure)
    assert response.status_code == 200
    assert snapshot(response) == public(scheme)


def test_submission_form(client, edition, scheme):  # noqa: F811
    category = edition.categories.first()
    response = client.get(form_url(edition, category), secure=scheme.secure)
    assert response.status_code == 200
    assert snapshot(response) == public(scheme)


def test_status_page(client, edition, scheme):  # noqa: F811
    entry = builders.entry(edition)
    # The link itself is "no-referrer" (it carries a token); the page
    # "same-origin" everywhere (competition/views/status.py says why).
    arrival = client.get(token_url(edition, link(entry)), secure=scheme.secure)
    assert arrival.status_code == 303
    assert snapshot(arrival) == public(scheme, referrer="no-referrer")
    response = client.get(status_url(edition), secure=scheme.secure)
    assert response.status_code == 200
    assert snapshot(response) == public(scheme, referrer="same-origin")


def test_private_file_download(secretary_client, stored_file, scheme):  # noqa: F811
    entry_file, _ = stored_file
    response = secretary_client.get(
        reverse("competition_file_download", args=[entry_file.pk]),
        secure=scheme.secure,
    )
    assert response.status_code == 200
    # An applicant's file, like every file competition/downloads.py serves, loads
    # and runs nothing even if a browser renders it.
    assert snapshot(response) == {
        **public(scheme),
        "csp": {"default-src": "'none'", "sandbox": ""},
    }


def test_admin_page(secretary_client, scheme):
    response = secretary_client.get(reverse("wagtailadmin_home"), secure=scheme.secure)
    assert response.status_code == 200
    assert snapshot(response) == admin(scheme)


def test_admin_login_page(client, scheme):
    response = client.get(reverse("wagtailadmin_login"), secure=scheme.secure)
    assert response.status_code == 200
    assert snapshot(response) == admin(scheme)


def test_a_nonce_is_added_only_when_a_template_uses_one(rf):
    from django.http import HttpResponse

    from campaign_site.browser_policy import SiteCSPMiddleware

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    request = rf.get("/")
    response = SiteCSPMiddleware(view)(request)
    nonce = request.csp_nonce
    script_src = directives(response["Content-Security-Policy"])["script-src"]
    assert script_src == f"'self' 'nonce-{nonce}'"
    # Under /admin/ a nonce would switch 'unsafe-inline' off in the enforced policy.
    request = rf.get("/admin/")
    response = SiteCSPMiddleware(view)(request)
    assert directives(response["Content-Security-Policy"])["script-src"] == (
        "'self' 'unsafe-inline'"
    )


@override_settings(
    AWS_S3_CUSTOM_DOMAIN="media.example.org",
)
def test_media_hosts_come_from_the_storage_settings(monkeypatch):
    import importlib

    from campaign_site.settings import base, storage

    def reload():
        # base.py reads the bucket settings from storage.py: reload both.
        importlib.reload(storage)
        return importlib.reload(base)

    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "public-bucket")
    monkeypatch.setenv("AWS_PRIVATE_STORAGE_BUCKET_NAME", "private-bucket")
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "media.example.org")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "https://s3.example.net:9000/path")
    try:
        reloaded = reload()
        assert reloaded.CSP_MEDIA_SOURCES == [
            "https://media.example.org",
            "https://s3.example.net:9000",
        ]
        img_src = reloaded.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
        assert img_src[-2:] == reloaded.CSP_MEDIA_SOURCES
        monkeypatch.delenv("AWS_S3_ENDPOINT_URL")
        monkeypatch.delenv("AWS_S3_CUSTOM_DOMAIN")
        reloaded = reload()
        assert [
            f"https://public-bucket.s3.{reloaded.AWS_S3_REGION_NAME}.amazonaws.com",
            f"https://private-bucket.s3.{reloaded.AWS_S3_REGION_NAME}.amazonaws.com",
        ] == reloaded.CSP_MEDIA_SOURCES
    finally:
        monkeypatch.undo()
        reload()


def test_permissions_policy_header_format():
    assert permissions_policy_header({"camera": [], "fullscreen": ["self"]}) == (
        "camera=(), fullscreen=(self)"
    )


def test_production_sends_hsts(settings):
    # production.py's values, checked by `check --deploy` in CI as well.
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    from django.test import Client

    response = Client().get("/healthz", secure=True)
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response["Content-Security-Policy"]


def _templates():
    for path in PROJECT_DIR.rglob("templates/**/*.html"):
        if not {".venv", "node_modules", "build"} & set(path.parts):
            yield path


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)


def test_our_templates_need_no_unsafe_inline():
    """Inline scripts, handler attributes and styles would be refused by the CSP
    (an inline script would need nonce="{{ request.csp_nonce }}")."""
    found = []
    for path in _templates():
        html = path.read_text()
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, STYLE):
            for match in pattern.finditer(html):
                if "csp_nonce" not in match.group(0):
                    found.append(f"{path.relative_to(PROJECT_DIR)}: {match.group(0)}")
    assert found == []
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"][0] == "'self'"
