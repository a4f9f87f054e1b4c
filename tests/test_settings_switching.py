"""Each environment variable switches on its integration (DESIGN §8).

Every case imports the settings module in a fresh interpreter with a controlled
environment (tests.s3server.load_settings), so the running test process and its
Django settings are never touched.
"""

import json
import logging
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.s3server import PROJECT_ROOT, clean_env, load_settings

DEV = "campaign_site.settings.dev"
TEST = "campaign_site.settings.test"
PRODUCTION = "campaign_site.settings.production"
MODULES = [DEV, TEST, PRODUCTION]
PROD_ENV = {"SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "es.mcps.example"}
S3 = "campaign_site.storage.S3Storage"
REDIS = "django.core.cache.backends.redis.RedisCache"
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
SMTP = "django.core.mail.backends.smtp.EmailBackend"
LOCMEM_MAIL = "django.core.mail.backends.locmem.EmailBackend"
IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"


def settings_of(module, *names, **env):
    if module == PRODUCTION:
        env = {**PROD_ENV, **env}
    loaded = load_settings(module, names, **env)
    assert "error" not in loaded, loaded
    return loaded["settings"]


def import_error_of(module, **env):
    loaded = load_settings(module, ["DEBUG"], **env)
    assert "error" in loaded, f"{module} imported without complaint: {loaded}"
    return loaded


# --- Database ------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES)
def test_database_url_switches_to_postgresql(module):
    db = settings_of(
        module,
        "DATABASES",
        DATABASE_URL="postgres://campaign:s3cret@db.example:5433/campaign",
    )["DATABASES"]["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == (
        "campaign",
        "campaign",
        "s3cret",
    )
    assert (db["HOST"], db["PORT"]) == ("db.example", 5433)


@pytest.mark.parametrize("module", MODULES)
def test_sqlite_file_without_database_url(module):
    db = settings_of(module, "DATABASES")["DATABASES"]["default"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(db["NAME"]) == PROJECT_ROOT / "db.sqlite3"


# --- Cache ---------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES)
def test_redis_url_switches_both_caches_to_redis(module):
    url = "redis://cache.example:6379/2"
    caches = settings_of(module, "CACHES", REDIS_URL=url)["CACHES"]
    for alias in ("default", "renditions"):
        assert caches[alias]["BACKEND"] == REDIS
        assert caches[alias]["LOCATION"] == url
    # Both aliases share one Redis database: their keys must not collide.
    assert caches["default"]["KEY_PREFIX"] != caches["renditions"]["KEY_PREFIX"]


@pytest.mark.parametrize("module", MODULES)
def test_local_memory_caches_without_redis_url(module):
    caches = settings_of(module, "CACHES")["CACHES"]
    assert {alias: c["BACKEND"] for alias, c in caches.items()} == {
        "default": LOCMEM,
        "renditions": LOCMEM,
    }
    assert caches["default"]["LOCATION"] != caches["renditions"]["LOCATION"]


# --- Storage -------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES)
def test_bucket_switches_public_and_private_storage_to_s3(module):
    values = settings_of(
        module,
        "STORAGES",
        AWS_STORAGE_BUCKET_NAME="mcps-media",
        AWS_S3_REGION_NAME="eu-central-1",
    )
    default, private = values["STORAGES"]["default"], values["STORAGES"]["private"]
    assert default["BACKEND"] == private["BACKEND"] == S3
    assert default["OPTIONS"]["bucket_name"] == "mcps-media"
    assert default["OPTIONS"]["default_acl"] == "public-read"
    assert default["OPTIONS"]["querystring_auth"] is False
    # Without a private bucket, private files go under a prefix of the public one.
    assert private["OPTIONS"]["bucket_name"] == "mcps-media"
    assert private["OPTIONS"]["location"] == "private"
    assert private["OPTIONS"]["default_acl"] == "private"
    assert private["OPTIONS"]["querystring_auth"] is True
    assert private["OPTIONS"]["querystring_expire"] == 60
    assert private["OPTIONS"]["custom_domain"] is None
    assert "endpoint_url" not in default["OPTIONS"]  # real AWS unless told otherwise


@pytest.mark.parametrize("module", MODULES)
def test_private_bucket_and_s3_options(module):
    storages = settings_of(
        module,
        "STORAGES",
        AWS_STORAGE_BUCKET_NAME="mcps-media",
        AWS_PRIVATE_STORAGE_BUCKET_NAME="mcps-private",
        AWS_S3_ENDPOINT_URL="https://s3.example",
        AWS_S3_REGION_NAME="eu-west-3",
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="secret",
        PRIVATE_FILE_URL_EXPIRY="45",
    )["STORAGES"]
    private = storages["private"]["OPTIONS"]
    assert storages["private"]["BACKEND"] == S3
    assert (private["bucket_name"], private["location"]) == ("mcps-private", "")
    assert private["querystring_expire"] == 45
    for options in (storages["default"]["OPTIONS"], private):
        assert options["endpoint_url"] == "https://s3.example"
        assert options["region_name"] == "eu-west-3"
        assert options["access_key"] == "AKIDEXAMPLE"
        assert options["secret_key"] == "secret"
        assert options["file_overwrite"] is False


@pytest.mark.parametrize("module", MODULES)
def test_local_folders_without_bucket(module):
    storages = settings_of(module, "STORAGES")["STORAGES"]
    for alias in ("default", "private"):
        assert storages[alias]["BACKEND"] != S3
        assert "storages.backends" not in storages[alias]["BACKEND"]


def test_s3_uploads_send_one_part_at_a_time():
    """boto3 copies a file object into memory part by part for a multipart upload;
    with its default threads that was ~100 MB per 100 MB presentation in a web
    worker (bench/submission.py). Both S3 storages upload one part at a time."""
    env = clean_env(
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        **PROD_ENV,
        AWS_STORAGE_BUCKET_NAME="mcps-media",
        AWS_PRIVATE_STORAGE_BUCKET_NAME="mcps-private",
    )
    script = (
        "import django; django.setup()\n"
        "from django.core.files.storage import storages\n"
        "for alias in ('default', 'private'):\n"
        "    config = storages[alias].transfer_config\n"
        "    print(alias, config.use_threads, config.multipart_chunksize)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == [
        "default",
        "False",
        str(8 * 1024 * 1024),
        "private",
        "False",
        str(8 * 1024 * 1024),
    ]


# --- Production guards and hardening -------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [{"ALLOWED_HOSTS": "es.mcps.example"}, {"SECRET_KEY": "", "ALLOWED_HOSTS": "x.pl"}],
    ids=["unset", "empty"],
)
def test_production_refuses_to_start_without_secret_key(env):
    error = import_error_of(PRODUCTION, **env)
    assert error["error"] == "ImproperlyConfigured"
    assert "SECRET_KEY" in error["message"]


@pytest.mark.parametrize("hosts", [None, "", " , "], ids=["unset", "empty", "blank"])
def test_production_refuses_to_start_without_allowed_hosts(hosts):
    env = {"SECRET_KEY": "s" * 50}
    if hosts is not None:
        env["ALLOWED_HOSTS"] = hosts
    error = import_error_of(PRODUCTION, **env)
    assert error["error"] == "ImproperlyConfigured"
    assert "ALLOWED_HOSTS" in error["message"]


def test_production_settings_are_hardened():
    values = settings_of(
        PRODUCTION,
        "DEBUG",
        "ALLOWED_HOSTS",
        "WAGTAILADMIN_BASE_URL",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "TASKS",
        "LOGGING",
        ALLOWED_HOSTS=" es.mcps.example , www.es.mcps.example ",
    )
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["es.mcps.example", "www.es.mcps.example"]
    assert values["WAGTAILADMIN_BASE_URL"] == "https://es.mcps.example"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] > 0
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    logging_config = values["LOGGING"]
    formatter = logging_config["handlers"]["console"]["formatter"]
    assert formatter == "json"
    assert (
        logging_config["formatters"][formatter]["()"]
        == "campaign_site.logging.JsonFormatter"
    )


def test_json_log_formatter_writes_one_json_object_per_line():
    from campaign_site.logging import JsonFormatter

    record = logging.makeLogRecord(
        {
            "name": "competition",
            "levelname": "INFO",
            "msg": "zgłoszenie %s",
            "args": (7,),
        }
    )
    record.application_id = 7
    line = JsonFormatter().format(record)
    assert "\n" not in line
    payload = json.loads(line)
    assert payload["message"] == "zgłoszenie 7"
    assert payload["level"] == "INFO"
    assert payload["application_id"] == 7


@pytest.mark.parametrize("module", [DEV, TEST])
def test_dev_and_test_run_tasks_immediately(module):
    tasks = settings_of(module, "TASKS")["TASKS"]
    assert tasks["default"]["BACKEND"] == IMMEDIATE


@pytest.mark.parametrize("module", MODULES)
def test_polish_is_the_default_language(module):
    values = settings_of(module, "LANGUAGE_CODE", "LANGUAGES")
    assert values["LANGUAGE_CODE"] == "pl"
    assert [code for code, _ in values["LANGUAGES"]] == ["pl", "en"]


# --- E-mail --------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES)
def test_email_url_is_parsed(module):
    values = settings_of(
        module,
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_TLS",
        EMAIL_URL="smtp://mailer:p%40ss@smtp.example.com:587/?tls=True",
    )
    assert values["EMAIL_HOST"] == "smtp.example.com"
    assert values["EMAIL_PORT"] == 587
    assert values["EMAIL_HOST_USER"] == "mailer"
    assert values["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert values["EMAIL_USE_TLS"] is True
    if module == PRODUCTION:
        assert values["EMAIL_BACKEND"] == SMTP
    if module == TEST:  # the suite never sends real mail
        assert values["EMAIL_BACKEND"] == LOCMEM_MAIL


def test_production_email_from_django_variables():
    values = settings_of(
        PRODUCTION,
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_USE_TLS",
        "DEFAULT_FROM_EMAIL",
        "SERVER_EMAIL",
        EMAIL_HOST="mail.example.com",
        EMAIL_PORT="465",
        EMAIL_USE_TLS="true",
        DEFAULT_FROM_EMAIL="Kampania <kampania@mcps.example>",
    )
    assert values["EMAIL_BACKEND"] == SMTP
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("mail.example.com", 465)
    assert values["EMAIL_USE_TLS"] is True
    assert values["DEFAULT_FROM_EMAIL"] == "Kampania <kampania@mcps.example>"
    assert values["SERVER_EMAIL"] == values["DEFAULT_FROM_EMAIL"]


def test_dev_mails_to_console_by_default():
    backend = settings_of(DEV, "EMAIL_BACKEND")["EMAIL_BACKEND"]
    assert backend == "django.core.mail.backends.console.EmailBackend"


def test_dev_honours_email_backend_and_file_path(tmp_path):
    """A run with the file backend leaves the mails where a test can read them."""
    outbox = tmp_path / "outbox"
    env = clean_env(
        DJANGO_SETTINGS_MODULE=DEV,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(outbox),
    )
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.mail import send_mail\n"
        "print(settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH)\n"
        "send_mail('Potwierdzenie', 'Dziękujemy.', None, ['a@example.com'])\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == [
        "django.core.mail.backends.filebased.EmailBackend",
        str(outbox),
    ]
    mails = list(outbox.iterdir())
    assert len(mails) == 1
    text = mails[0].read_text(encoding="utf-8")
    assert "To: a@example.com" in text
    assert "Dziękujemy." in text


# --- Deployment checklist ------------------------------------------------------------


def test_manage_py_check_deploy_passes_with_production_settings(tmp_path):
    env = clean_env(
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="es.mcps.example",
        CSRF_TRUSTED_ORIGINS="https://es.mcps.example",
        WAGTAILADMIN_BASE_URL="https://es.mcps.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    completed = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "System check identified no issues" in output


def test_navigation_cache_lives_long_only_in_a_shared_cache():
    shared = settings_of(
        "campaign_site.settings.dev",
        "NAVIGATION_CACHE_TIMEOUT",
        REDIS_URL="redis://cache.example:6379/2",
    )
    local = settings_of("campaign_site.settings.dev", "NAVIGATION_CACHE_TIMEOUT")
    # Per-process memory never hears another worker's invalidation: keep it short.
    assert shared["NAVIGATION_CACHE_TIMEOUT"] == 86400
    assert local["NAVIGATION_CACHE_TIMEOUT"] == 30
