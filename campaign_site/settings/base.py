"""Settings shared by every environment.

Deployment choices (database, cache, storage, mail, secrets) come from environment
variables, each switching on one integration (see README "Configuration"). Everything
about an edition of the competition lives on the edition, never here.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


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

# Every account here is staff (applicants have none): the secretariat and the jury
# see applicants' personal data, so passwords follow OWASP ASVS level 2.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes watches every authenticate() call and refuses a locked-out one before
# the password is even checked; ModelBackend then does the real work.
AUTHENTICATION_BACKENDS = [
    "accounts.throttling.ThrottledLoginBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: a username tried from one address is locked after
# AXES_FAILURE_LIMIT wrong passwords, for AXES_COOLOFF_TIME (never for good: an
# attacker must not be able to lock a juror out of the jury's week). The same
# username from another address, and other users from this one, are unaffected.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The cool-off counts from the lockout; attempts during it are refused and not
# counted, so nobody can stretch a lockout by going on guessing.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
AXES_HTTP_RESPONSE_CODE = 429
# accounts/signals.py writes one structured line per failure and per lockout;
# axes' own prose lines would say the same thing again.
AXES_VERBOSE = False
# Successful sign-ins are a log event too (login_succeeded); axes' table of them
# would be one more store of staff addresses without a retention period.
AXES_DISABLE_ACCESS_LOG = True
# How many reverse proxies we own sit in front of the app: each appends the
# address it saw to X-Forwarded-For, so the client is the N-th entry from the
# right. 0 (no proxy): REMOTE_ADDR alone; the header is then never read, since
# anyone can send one. Deployment shape only, hence the environment.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# Staff sessions (accounts/middleware.py): signed out after 30 minutes without a
# request and 8 hours after signing in, whatever happens in between.
STAFF_SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
STAFF_SESSION_MAX_AGE = timedelta(hours=8)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Second factor (django-otp, TOTP + one-time backup codes) for everyone who sees
# applicants' personal data: superusers and these groups (accounts/second_factor.py).
# Editors too when SECOND_FACTOR_FOR_EDITORS. Production always requires it;
# dev and the demo do not, and the sign-in page says so.
SECOND_FACTOR_REQUIRED = True
SECOND_FACTOR_GROUPS = ["Sekretariat konkursu", "Jury"]
SECOND_FACTOR_FOR_EDITORS = False
SECOND_FACTOR_EDITOR_GROUPS = ["Redaktorzy", "Editors", "Moderators"]
OTP_TOTP_ISSUER = "Ekonomia społeczna na Mazowszu"
# Passkeys (django-otp-webauthn) as the other second factor, never instead of the
# password (accounts/passkeys.py). A passkey belongs to one host name (the relying
# party) and is used from the allowed origins only. Browsers refuse an IP address
# here: locally, passkeys work at http://localhost:8000, not at 127.0.0.1.
# Production derives both from WAGTAILADMIN_BASE_URL.
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID = env("OTP_WEBAUTHN_RP_ID", "localhost")
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "OTP_WEBAUTHN_ALLOWED_ORIGINS", "http://localhost:8000"
)
CSRF_COOKIE_SAMESITE = "Lax"

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

# Static files: static/ is the source folder; collectstatic writes to STATIC_ROOT.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "build" / "staticfiles")))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Applicants' files: never under MEDIA_ROOT, never served by the web server.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media")))
# Applicants' personal data is kept this many years after an edition's results
# (an edition may set its own date); then ``anonymise_expired_entries`` removes
# it (competition/retention.py). A policy, not a deployment switch: no env var.
PERSONAL_DATA_RETENTION_YEARS = 5

# Storage: local folders by default, S3 when a bucket is configured (DESIGN §7).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
AWS_PRIVATE_STORAGE_BUCKET_NAME = env("AWS_PRIVATE_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", "eu-central-1")
# Public media only: the host browsers use (CDN or the bucket's public name).
AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY")
AWS_S3_FILE_OVERWRITE = False
AWS_S3_SIGNATURE_VERSION = "s3v4"
# Seconds a signed URL to a private file stays valid.
PRIVATE_FILE_URL_EXPIRY = int(env("PRIVATE_FILE_URL_EXPIRY", "60"))

# Antivirus (competition/scanning.py): clamd's Unix socket (Debian's
# /run/clamav/clamd.ctl), or its TCP host and port. Neither set: uploads are
# stored as "not scanned" and staff see that on every file.
CLAMD_SOCKET = env("CLAMD_SOCKET", "")
CLAMD_HOST = env("CLAMD_HOST", "")
CLAMD_PORT = int(env("CLAMD_PORT", "3310"))
CLAMD_TIMEOUT = float(env("CLAMD_TIMEOUT", "120"))


def _s3_options(**extra):
    options = {
        "region_name": AWS_S3_REGION_NAME,
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    if AWS_S3_ENDPOINT_URL:
        options["endpoint_url"] = AWS_S3_ENDPOINT_URL
    if AWS_ACCESS_KEY_ID:
        options["access_key"] = AWS_ACCESS_KEY_ID
        options["secret_key"] = AWS_SECRET_ACCESS_KEY
    options.update(extra)
    return options


if AWS_STORAGE_BUCKET_NAME:
    # Public media (Wagtail images and documents): stable, unsigned URLs.
    _default_storage = {
        "BACKEND": "campaign_site.storage.S3Storage",
        "OPTIONS": _s3_options(
            bucket_name=AWS_STORAGE_BUCKET_NAME,
            default_acl="public-read",
            querystring_auth=False,
            custom_domain=AWS_S3_CUSTOM_DOMAIN,
        ),
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

if AWS_PRIVATE_STORAGE_BUCKET_NAME or AWS_STORAGE_BUCKET_NAME:
    # Private files: own bucket (or a private/ prefix of the public one), private ACL,
    # short-lived signed URLs and never a custom domain.
    _private_storage = {
        "BACKEND": "campaign_site.storage.S3Storage",
        "OPTIONS": _s3_options(
            bucket_name=AWS_PRIVATE_STORAGE_BUCKET_NAME or AWS_STORAGE_BUCKET_NAME,
            location="" if AWS_PRIVATE_STORAGE_BUCKET_NAME else "private",
            default_acl="private",
            querystring_auth=True,
            querystring_expire=PRIVATE_FILE_URL_EXPIRY,
            custom_domain=None,
        ),
    }
else:
    _private_storage = {
        "BACKEND": "campaign_site.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    }

if AWS_STORAGE_BUCKET_NAME or AWS_PRIVATE_STORAGE_BUCKET_NAME:
    from boto3.s3.transfer import TransferConfig

    # django-storages hands a file to boto3's upload_fileobj, which copies a file
    # object into memory part by part (8 MB) for a multipart upload (over 8 MB),
    # by default up to ~15 parts at once: one 100 MB presentation grew a worker by
    # ~100 MB. Without threads one part is read, sent and freed before the next,
    # so an upload costs one part whatever the file's size (DESIGN §7). Smaller
    # files go in a single PUT streamed from Django's temporary file.
    AWS_S3_TRANSFER_CONFIG = TransferConfig(use_threads=False)

STORAGES = {
    "default": _default_storage,
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

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
