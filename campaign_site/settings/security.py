"""Signing in: passwords, login throttling (django-axes), staff sessions, the
second factor (TOTP, backup codes, passkeys). Imported by base.py.

The browser-side defences (CSP, Permissions-Policy) stay in base.py's last block.
"""

from datetime import timedelta

from competition.roles import (
    EDITORS_GROUP,
    JURY_GROUP,
    MODERATORS_GROUP,
    SECRETARIAT_GROUP,
    WAGTAIL_GROUP_NAMES,
)

from .environment import env, env_list

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
# anyone can send one. Deployment shape only, hence the environment; production
# counts its TLS-terminating proxy (1) unless told otherwise (production.py).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# Staff sessions (accounts/middleware.py): signed out after 30 minutes without a
# request and 8 hours after signing in, whatever happens in between.
STAFF_SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
STAFF_SESSION_MAX_AGE = timedelta(hours=8)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Second factor (django-otp, TOTP + one-time backup codes) for everyone who sees
# applicants' personal data: superusers, these groups, and whoever holds a
# permission on applicants' data (competition.roles.APPLICANT_DATA_MODELS, their
# own or any group's) or sits on a jury (accounts/second_factor.py). Editors and
# moderators too when SECOND_FACTOR_FOR_EDITORS. Production always requires it;
# dev and the demo do not, and the sign-in page says so.
SECOND_FACTOR_REQUIRED = True
SECOND_FACTOR_GROUPS = [SECRETARIAT_GROUP, JURY_GROUP]
SECOND_FACTOR_FOR_EDITORS = False
# Our names (sync_roles renames Wagtail's groups to them), and Wagtail's own
# English ones for a database where both exist.
SECOND_FACTOR_EDITOR_GROUPS = [EDITORS_GROUP, MODERATORS_GROUP, *WAGTAIL_GROUP_NAMES]
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
