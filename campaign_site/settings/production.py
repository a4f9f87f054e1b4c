"""Production: everything from the environment; refuses to start without secrets."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import _origin, env, env_bool, env_list

DEBUG = False

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set ALLOWED_HOSTS (comma-separated host names) in the environment."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
# Passkeys belong to the admin's host name, for good (changing it voids them).
OTP_WEBAUTHN_RP_ID = env(
    "OTP_WEBAUTHN_RP_ID",
    urlsplit(WAGTAILADMIN_BASE_URL).hostname,  # noqa: F405
)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "OTP_WEBAUTHN_ALLOWED_ORIGINS", _origin(WAGTAILADMIN_BASE_URL)
)
# A plain-http origin (the container smoke test on 127.0.0.1) cannot use passkeys
# anyway; the library's check would refuse to start the image over it.
if not all(origin.startswith("https://") for origin in OTP_WEBAUTHN_ALLOWED_ORIGINS):
    SILENCED_SYSTEM_CHECKS = [  # noqa: F405
        *globals().get("SILENCED_SYSTEM_CHECKS", []),
        "otp_webauthn.E031",
    ]

# HTTPS everywhere; the proxy in front terminates TLS and says so in a header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# That proxy appends the client's address to X-Forwarded-For: count it, or every
# client shares its address and a lockout holds per username alone. Set 0 where
# gunicorn is reached directly (docker-compose.yml's stack does), more for a chain.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# A load balancer's health probe speaks plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Wagtail's admin scripts take the CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
# "__Host-": browsers accept these cookies only over HTTPS, for this exact host and
# path /, so neither a sibling subdomain nor plain HTTP can plant or read them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
# Wagtail's preview views set SAMEORIGIN on their own responses.
X_FRAME_OPTIONS = "DENY"

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Background work goes through the database queue, run by `manage.py db_worker`.
TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}
}

# Logs are JSON lines on stdout, for the platform's log collector.
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", "json")  # noqa: F405

ADMINS = [("Admin", a) for a in env_list("ADMIN_EMAILS")]

try:  # noqa: SIM105 - a star import cannot sit inside contextlib.suppress cleanly
    from .local import *  # noqa: F403
except ImportError:
    pass

# Staff see applicants' personal data: never behind a password alone.
if not SECOND_FACTOR_REQUIRED or not env_bool("SECOND_FACTOR_REQUIRED", True):  # noqa: F405
    raise ImproperlyConfigured(
        "The second factor cannot be switched off in production "
        "(SECOND_FACTOR_REQUIRED)."
    )
