"""Local development and `make demo`: DEBUG on, SQLite, mails to the console."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-6d1f0c2a9b7e4f58a3c1")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# `runserver 0.0.0.0:8000` opened as http://0.0.0.0:8000/: a Host header to
# accept, which binds nothing.
ALLOWED_HOSTS += ["0.0.0.0"]  # noqa: S104 # nosec B104
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# A test or a curious developer can read what a run sent: EMAIL_BACKEND and
# EMAIL_FILE_PATH are honoured (base.py reads them); the console is the default here.
# EMAIL_URL, when given, wins (base.py has applied it already).
if not env("EMAIL_URL"):
    EMAIL_BACKEND = env(
        "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
    )

# The demo's accounts sign in with a password alone; the sign-in page says so.
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED", False)

try:  # noqa: SIM105 - a star import cannot sit inside contextlib.suppress cleanly
    from .local import *  # noqa: F403
except ImportError:
    pass
