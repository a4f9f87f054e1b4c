"""Production's security settings as the deployed process loads them (issue 12 §5):
what uploads may be, how big, passwords, staff sessions, HSTS and framing.

Cookies (names, Secure, HttpOnly, SameSite), login throttling and Gravatar are
asserted in test_security.py; DEBUG, SSL redirect and nosniff in
test_settings_switching.py; the headers as sent in test_headers.py.
"""

import pytest

from competition import uploads
from tests.s3server import load_settings

NAMES = [
    "AUTH_PASSWORD_VALIDATORS",
    "PASSWORD_HASHERS",
    "MIDDLEWARE",
    "SESSION_ENGINE",
    "STAFF_SESSION_IDLE_TIMEOUT",
    "STAFF_SESSION_MAX_AGE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "CSRF_TRUSTED_ORIGINS",
    "DEBUG_PROPAGATE_EXCEPTIONS",
    "WAGTAILDOCS_EXTENSIONS",
    "WAGTAILDOCS_MAX_UPLOAD_SIZE",
    "WAGTAILIMAGES_EXTENSIONS",
    "WAGTAILIMAGES_MAX_UPLOAD_SIZE",
    "WAGTAILIMAGES_MAX_IMAGE_PIXELS",
    "FILE_UPLOAD_MAX_MEMORY_SIZE",
    "DATA_UPLOAD_MAX_MEMORY_SIZE",
    "WAGTAIL_PRIVATE_PAGE_OPTIONS",
    "WAGTAIL_PRIVATE_COLLECTION_OPTIONS",
    "WAGTAIL_ENABLE_UPDATE_CHECK",
    "SECURE_PROXY_SSL_HEADER",
    "TRUSTED_PROXY_COUNT",
]
MB = 1024 * 1024


@pytest.fixture(scope="module")
def production():
    loaded = load_settings(
        "campaign_site.settings.production",
        NAMES,
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="es.mcps.example",
        CSRF_TRUSTED_ORIGINS="https://es.mcps.example",
    )
    return loaded["settings"]


def test_passwords_need_twelve_characters_and_no_common_one(production):
    validators = {
        v["NAME"].rsplit(".", 1)[1]: v.get("OPTIONS", {})
        for v in production["AUTH_PASSWORD_VALIDATORS"]
    }
    assert validators["MinimumLengthValidator"] == {"min_length": 12}
    assert {
        "CommonPasswordValidator",
        "UserAttributeSimilarityValidator",
        "NumericPasswordValidator",
    } <= set(validators)
    # Django's slow default hashers; only the test settings use a fast one.
    assert production["PASSWORD_HASHERS"] is None


def test_staff_sessions_end_after_thirty_idle_minutes_and_eight_hours(production):
    # str() of the timedeltas: accounts/middleware.py enforces them on each request.
    assert production["STAFF_SESSION_IDLE_TIMEOUT"] == "0:30:00"
    assert production["STAFF_SESSION_MAX_AGE"] == "8:00:00"
    middleware = production["MIDDLEWARE"]
    # Both read request.user and the verified device, so they follow auth and OTP.
    order = [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django_otp.middleware.OTPMiddleware",
        "accounts.middleware.StaffSessionTimeoutMiddleware",
        "accounts.middleware.SecondFactorMiddleware",
    ]
    assert [middleware.index(name) for name in order] == sorted(
        middleware.index(name) for name in order
    )
    assert middleware[0] == "django.middleware.security.SecurityMiddleware"
    assert middleware[-1] == "axes.middleware.AxesMiddleware"
    # Sessions live on the server, so deactivation and a second-factor reset
    # can end them (accounts/sessions.py); signed cookies could not be revoked.
    assert production["SESSION_ENGINE"] in (
        None,
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    )


def test_https_is_remembered_for_a_year_with_subdomains(production):
    assert production["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_HSTS_PRELOAD"] is True
    # Only the load balancer's probe may use plain HTTP.
    assert production["SECURE_REDIRECT_EXEMPT"] == ["^healthz$"]
    assert production["CSRF_TRUSTED_ORIGINS"] == ["https://es.mcps.example"]


def test_the_tls_proxy_in_front_counts_as_one_by_default(production):
    """Production trusts X-Forwarded-Proto from a TLS-terminating proxy; without
    counting that proxy, every client would share its address and a lockout
    would hold per username only (accounts/throttling.py)."""
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["TRUSTED_PROXY_COUNT"] == 1


def test_a_deployment_without_a_proxy_says_zero():
    loaded = load_settings(
        "campaign_site.settings.production",
        ["TRUSTED_PROXY_COUNT"],
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="es.mcps.example",
        TRUSTED_PROXY_COUNT="0",
    )
    assert loaded["settings"]["TRUSTED_PROXY_COUNT"] == 0


def test_no_framing_no_full_referrer_no_debug_tracebacks(production):
    assert production["X_FRAME_OPTIONS"] == "DENY"
    assert production["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert production["DEBUG_PROPAGATE_EXCEPTIONS"] is None
    assert production["WAGTAIL_ENABLE_UPDATE_CHECK"] is False  # no call home


def test_editors_upload_only_listed_document_and_image_types(production):
    # Nothing a browser would run as a page or a script: no HTML, SVG, JS, XML.
    assert sorted(production["WAGTAILDOCS_EXTENSIONS"]) == [
        "csv",
        "docx",
        "ods",
        "odt",
        "pdf",
        "pptx",
        "rtf",
        "txt",
        "xlsx",
    ]
    assert sorted(production["WAGTAILIMAGES_EXTENSIONS"]) == [
        "avif",
        "gif",
        "jpeg",
        "jpg",
        "png",
        "webp",
    ]


def test_upload_sizes_and_image_pixels_are_bounded(production):
    assert production["WAGTAILDOCS_MAX_UPLOAD_SIZE"] == 20 * MB
    assert production["WAGTAILIMAGES_MAX_UPLOAD_SIZE"] == 10 * MB
    # ~120 MB decoded: no decompression bomb through the image library.
    assert production["WAGTAILIMAGES_MAX_IMAGE_PIXELS"] == 40_000_000
    # Bigger request bodies are spooled to disk, not held in memory.
    assert production["FILE_UPLOAD_MAX_MEMORY_SIZE"] == 2 * MB
    # Django's bound on a non-file body stays in place (None: its 2.5 MB default).
    assert production["DATA_UPLOAD_MAX_MEMORY_SIZE"] is None


def test_applicants_upload_only_listed_types_within_limits():
    assert {code: ext for code, (ext, _type) in uploads.PHOTO_TYPES.items()} == {
        "jpeg": "jpg",
        "png": "png",
        "webp": "webp",
    }
    assert set(uploads.PRESENTATION_TYPES) == {"pdf", "pptx", "mp4", "mp3"}
    assert uploads.MAX_PHOTO_PIXELS == 40_000_000
    assert (
        uploads.MAX_UNZIPPED_SIZE,
        uploads.MAX_UNZIP_RATIO,
        uploads.MAX_ZIP_MEMBERS,
    ) == (
        1024 * MB,
        100,
        10_000,
    )


def test_private_pages_have_no_shared_passwords(production):
    assert production["WAGTAIL_PRIVATE_PAGE_OPTIONS"] == {"SHARED_PASSWORD": False}
    assert production["WAGTAIL_PRIVATE_COLLECTION_OPTIONS"] == {
        "SHARED_PASSWORD": False
    }
