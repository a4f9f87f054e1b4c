"""Settings shared by every environment.

Deployment choices (database, cache, storage, mail, secrets) come from environment
variables, each switching on one integration (see README "Configuration"). Everything
about an edition of the competition lives on the edition, never here. Signing in
(security.py) and files (storage.py) have modules of their own, imported below.
"""

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

from .environment import BASE_DIR, PROJECT_DIR, env, env_bool, env_list  # noqa: F401

INSTALLED_APPS = [
    "accounts",
    "home",
    "competition",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAdminConfig",  # wagtail.users + the second factor's reset
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "storages",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Browser-side defences (issue 12 §2): CSP and Permissions-Policy headers.
    "campaign_site.browser_policy.SiteCSPMiddleware",
    "campaign_site.browser_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffSessionTimeoutMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the response of the login view it may replace (axes' rule).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "campaign_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "campaign_site.wsgi.application"

# Database: SQLite file by default (demo, quick tests); DATABASE_URL for PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock instead of failing with "database is locked"
    # when two requests (a double-click) write at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Signing in: passwords, throttling, staff sessions, second factor.
from .security import *  # noqa: E402, F403

# Languages: Polish first (the first Wagtail locale is created from LANGUAGE_CODE by
# the first migration), English second.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# Content languages are named in the admin's language ("Opublikuj tłumaczenie:
# angielski", "angielski" in locale columns); language switches keep the endonyms.
WAGTAIL_CONTENT_LANGUAGES = [("pl", _("polski")), ("en", _("angielski"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

# A translation is created as a draft; it goes live when an editor publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static files, media, private files, S3, antivirus.
from .storage import *  # noqa: E402, F403
from .storage import (  # noqa: E402
    AWS_PRIVATE_STORAGE_BUCKET_NAME,
    AWS_S3_CUSTOM_DOMAIN,
    AWS_S3_ENDPOINT_URL,
    AWS_S3_REGION_NAME,
    AWS_STORAGE_BUCKET_NAME,
)

# Applicants' personal data is kept this many years after an edition's results
# (an edition may set its own date); then ``anonymise_expired_entries`` removes
# it (competition/retention.py). A policy, not a deployment switch: no env var.
PERSONAL_DATA_RETENTION_YEARS = 5

# Cache: local memory by default, Redis when REDIS_URL is set.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"campaign_site:{alias}",
            "TIMEOUT": timeout,
        }
        for alias, timeout in (("default", 300), ("renditions", 60 * 60 * 24 * 7))
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "default",
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "TIMEOUT": 60 * 60 * 24,
        },
    }

# Menu, footer and other navigation data are cached and invalidated on publish
# (home/navigation.py). A shared cache (Redis) sees every invalidation; per-process
# local memory does not see another worker's, so there entries live only briefly.
NAVIGATION_CACHE_TIMEOUT = int(
    env("NAVIGATION_CACHE_TIMEOUT", str(60 * 60 * 24 if REDIS_URL else 30))
)

# Background tasks: run at once unless a deployment chooses the database queue.
TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# E-mail: EMAIL_URL (smtp://user:pass@host:587/?tls=True) or Django's EMAIL_* settings.
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", "Ekonomia społeczna na Mazowszu <no-reply@localhost>"
)
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if env("EMAIL_URL"):
    vars().update(dj_email_url.parse(env("EMAIL_URL")))
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    EMAIL_HOST = env("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(env("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
    if env("EMAIL_FILE_PATH"):
        EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")

# Many StreamField blocks make big admin forms.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies kept in memory before Django spools them to a temporary file.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Wagtail
WAGTAIL_SITE_NAME = "Ekonomia społeczna na Mazowszu"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# PostgreSQL's "simple" text search configuration: no English stemming or stop words
# applied to Polish; the search app indexes dictionary forms itself (search/lemmas.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif", "avif"]
# Private pages are protected by login only: no shared passwords to leak.
# (bandit takes the switch below for a hard-coded password.)
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}  # nosec B105
WAGTAIL_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}  # nosec B105
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: it would send a hash of every staff e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Search: the longest query we pass to the backend.
SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10

LOGIN_URL = "wagtailadmin_login"
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"

DEMO_PASSWORD = env("DEMO_PASSWORD", "demo-mazowsze")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "campaign_site.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": env("LOG_FORMAT", "plain"),
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # accounts.security logs each failure and lockout once, as a structured
        # event; axes' own lines (several per attempt) would repeat them.
        "axes": {"level": env("AXES_LOG_LEVEL", "ERROR")},
        # One line per background task is noise; failures still come through.
        "django_tasks": {"level": env("TASKS_LOG_LEVEL", "WARNING")},
    },
}

# --- Browser-side defences (issue 12 §2): Content-Security-Policy, Permissions-Policy.
# Kept in one block of its own. campaign_site/browser_policy.py applies them: the
# site enforces CONTENT_SECURITY_POLICY; Wagtail's admin (WAGTAIL_ADMIN_PATH_PREFIX)
# enforces ADMIN_CONTENT_SECURITY_POLICY, which adds the relaxations Wagtail's
# screens still need, and reports (without blocking) what the site's strict policy
# would refuse there: tests/e2e/test_csp.py lists the admin screens concerned.
from urllib.parse import urlsplit  # noqa: E402

from csp.constants import NONCE, NONE, SELF  # noqa: E402


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Where browsers fetch media from besides this site: public images from the CDN or
# bucket host; signed links to private files from the S3 endpoint (or AWS itself).
CSP_MEDIA_SOURCES = []
if AWS_S3_CUSTOM_DOMAIN:
    CSP_MEDIA_SOURCES.append(f"https://{AWS_S3_CUSTOM_DOMAIN}")
if AWS_STORAGE_BUCKET_NAME or AWS_PRIVATE_STORAGE_BUCKET_NAME:
    if AWS_S3_ENDPOINT_URL:
        CSP_MEDIA_SOURCES.append(_origin(AWS_S3_ENDPOINT_URL))
    else:
        CSP_MEDIA_SOURCES += [
            f"https://{bucket}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"
            for bucket in (AWS_STORAGE_BUCKET_NAME, AWS_PRIVATE_STORAGE_BUCKET_NAME)
            if bucket
        ]
CSP_MEDIA_SOURCES = list(dict.fromkeys(s for s in CSP_MEDIA_SOURCES if s))
# The video block (home/blocks.py) embeds players editors pick; nothing else may
# be framed. The players' own scripts run inside their frames, not in our pages.
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
# Everything is self-hosted: scripts, styles, fonts. No 'unsafe-inline' anywhere:
# our templates have no inline script, no event-handler attribute and no style
# attribute (tests/test_headers.py checks); an inline script that is ever needed
# takes nonce="{{ request.csp_nonce }}".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *CSP_MEDIA_SOURCES],
        "media-src": [SELF, *CSP_MEDIA_SOURCES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
WAGTAIL_ADMIN_PATH_PREFIX = "/admin/"
# Wagtail 7.4's admin still has inline scripts (measured: the page explorer, the
# page editor, users, site history, the competition log; tests/e2e/test_csp.py),
# the editor writes style attributes, uploads show as blob: previews and the
# preview is framed. Everything else stays as strict as the site's; no third party.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_SOURCES],
        "frame-ancestors": [SELF],
    }
}
# Browser features no page here uses, switched off for every page and any frame.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
    "fullscreen": ["self"],
}
# Django's SecurityMiddleware sends these everywhere; Referrer-Policy is Django's
# "same-origin" here, HSTS and production's Referrer-Policy are in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# --- end of browser-side defences.
