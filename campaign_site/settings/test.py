"""The test suite: fast hashing, mails in memory, tasks run at once."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 # nosec B105 # tests only
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "build" / "test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
if not env("AWS_PRIVATE_STORAGE_BUCKET_NAME") and not env("AWS_STORAGE_BUCKET_NAME"):
    PRIVATE_MEDIA_ROOT = BASE_DIR / "build" / "test-private-media"
    STORAGES["private"]["OPTIONS"]["location"] = str(PRIVATE_MEDIA_ROOT)  # noqa: F405
# Login throttling wants a request in every authenticate() call, which the test
# client's login() does not pass; tests/test_security.py switches it on.
AXES_ENABLED = False
# The suite signs staff in with force_login(), which involves no second factor;
# tests/test_second_factor.py switches it on.
SECOND_FACTOR_REQUIRED = False

# WhiteNoise warns about a missing STATIC_ROOT on every request otherwise.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Parallel workers share one Redis database in CI: keep their keys apart.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
for _alias, _cache in CACHES.items():  # noqa: F405
    _cache["KEY_PREFIX"] = f"test-{_worker}:{_alias}"

# Scanning is off unless a test turns it on (a developer's CLAMD_* must not leak in).
CLAMD_SOCKET = CLAMD_HOST = ""
