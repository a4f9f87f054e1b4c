"""Browser-suite fixtures: a real site in a subprocess, and Debian chromium.

The site runs as ``manage.py runserver`` on its own SQLite file, migrated and
seeded with the demo content, so these tests never touch pytest-django's test
database and need no ``db`` fixture.
"""

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..migrated_template import shared_dir

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = PROJECT_DIR / "build" / "e2e-screenshots"
# The live site and the test servers only ever listen here.
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
STARTUP_TIMEOUT = 60  # seconds for /healthz to answer 200
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(reason):
    """Skip locally when a browser prerequisite is absent; fail in CI."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"e2e prerequisite missing in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(args, env, log):
    """Run a management command to completion, failing loudly with its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )
    log.write_text(result.stdout)
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} exited {result.returncode}:\n"
            f"{result.stdout[-4000:]}",
            pytrace=False,
        )


def _wait_healthy(url, process, log_path):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last_error = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
                last_error = f"HTTP {response.status}"
        except (urllib.error.URLError, OSError) as exc:
            last_error = exc
        time.sleep(0.25)
    output = log_path.read_text(errors="replace")[-4000:] if log_path.exists() else ""
    pytest.fail(
        f"site did not answer 200 at {url} within {STARTUP_TIMEOUT}s "
        f"(exit code {process.poll()}, last error {last_error}):\n{output}",
        pytrace=False,
    )


def _stop(process):
    """Terminate runserver and anything it spawned (it runs in its own group)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def prerequisites():
    """Check the browser and axe before spending a minute on migrations."""
    if not CHROMIUM.is_file():
        _missing(f"Debian chromium not found at {CHROMIUM} (apt-get install chromium)")
    if not AXE_JS.is_file():
        _missing(f"axe-core not found at {AXE_JS} (run `npm ci` in {PROJECT_DIR})")


@pytest.fixture(scope="session")
def site_dir():
    """The live site's scratch directory: database, media, sent mail. In memory
    where the machine has a tmpfs: SQLite then skips a disk sync per commit
    (hundreds while migrating and seeding)."""
    memory = Path("/dev/shm")  # noqa: S108 # nosec B108 # a private mkdtemp
    tmp = Path(
        tempfile.mkdtemp(prefix="e2e-site-", dir=memory if memory.is_dir() else None)
    )
    yield tmp
    shutil.rmtree(tmp, ignore_errors=True)


def _site_env(directory):
    """The environment of a live site whose files live in ``directory``."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{directory / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(directory / "media"),
        "PRIVATE_MEDIA_ROOT": str(directory / "private"),
        "PYTHONUNBUFFERED": "1",
        # Mail lands in files the tests can read (see the mail_dir fixture).
        "EMAIL_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(directory / "mail"),
    }


SITE_FILES = ("e2e.sqlite3", "media", "private")


@pytest.fixture(scope="session")
def seeded_site(request, tmp_path_factory, site_dir, migrated_sqlite):
    """The demo site's files (database, media, private files) as `seed_demo`
    leaves them, seeded once per run: the first worker seeds in its own
    (in-memory) site directory and leaves a copy for the other, which copies
    it instead of seeding again (~30 s of CPU)."""
    shared = shared_dir(request.config, tmp_path_factory)
    template = shared / "seeded-site"
    with (shared / "seeded-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (template / "complete").exists():
            shutil.copyfile(migrated_sqlite, site_dir / "e2e.sqlite3")
            env = _site_env(site_dir)
            # Nothing to apply: it proves the template fits the dev settings.
            _manage(["migrate", "--noinput"], env, site_dir / "migrate.log")
            _manage(["seed_demo"], env, site_dir / "seed_demo.log")
            shutil.rmtree(template, ignore_errors=True)
            template.mkdir()
            _copy_site(site_dir, template)
            (template / "complete").touch()
            return template
    _copy_site(template, site_dir)
    return template


def _copy_site(source, target):
    for name in SITE_FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, dirs_exist_ok=True)
        elif (source / name).exists():
            shutil.copyfile(source / name, target / name)


@pytest.fixture(scope="session")
def live_site(prerequisites, site_dir, seeded_site):
    """Base URL (no trailing slash) of a seeded demo site served by runserver,
    its files in ``site_dir`` (a copy of the run's seeded demo)."""
    tmp = site_dir
    env = _site_env(tmp)
    process = None
    server_log = None
    try:
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = tmp / "runserver.log"
        server_log = log_path.open("w")
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
            ],
            cwd=PROJECT_DIR,
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group, so killpg reaches it all
        )
        _wait_healthy(f"{base_url}/healthz", process, log_path)
        yield base_url
    finally:
        if process is not None:
            _stop(process)
        if server_log is not None:
            server_log.close()


@pytest.fixture(scope="session")
def mail_dir(live_site, site_dir):
    """Where the live site's file-based e-mail backend writes each message."""
    return site_dir / "mail"


@pytest.fixture(scope="session")
def axe_path(prerequisites):
    return AXE_JS


# Package scope, not session: Playwright's sync API keeps an asyncio loop alive
# in this thread, and Django refuses ORM calls while one runs. Closing the
# browser when tests/e2e is done keeps later database tests in the same run safe.
@pytest.fixture(scope="package")
def browser(prerequisites):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(browser):
    """Factory for pages in fresh contexts of a given viewport; all closed after.

    No journey may meet a server error (issue 14): every answer >= 500 to any
    of these pages – admin create, edit, submit and autosave requests
    included – fails the test when it ends. So does any request to a host
    other than this machine's (issue 12 §2: nothing a visitor or a member of
    staff opens tells a third party): every page of every browser test is
    watched, at both widths, not a list of pages kept for the purpose."""
    contexts = []
    server_errors = []
    csp_violations = []
    foreign_requests = []

    def record(response):
        if response.status >= 500:
            server_errors.append(
                f"{response.status} {response.request.method} {response.url}"
            )

    def make(width=1280, height=800):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("response", record)
        watch_hosts(page, foreign_requests)
        record_csp_violations(page, csp_violations)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not server_errors, "server errors:\n" + "\n".join(server_errors)
    assert not foreign_requests, "requests to other hosts:\n" + "\n".join(
        foreign_requests
    )
    # Issue 12: the Content-Security-Policy refuses nothing our pages need (the
    # admin's report-only lines are test_csp.py's business).
    assert not csp_violations, "CSP violations:\n" + "\n".join(csp_violations)


def watch_hosts(page, found):
    """Note in ``found`` every request ``page`` makes to a host other than this
    machine's (``data:`` and ``blob:`` URLs never leave the browser)."""

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and (
            parts.hostname not in LOCAL_HOSTS
        ):
            found.append(f"{request.method} {request.url}")

    page.on("request", on_request)


def is_csp_violation(text):
    """Chromium's console line for something the Content-Security-Policy refused
    ("Refused to load ..." in older versions, "... violates the following Content
    Security Policy directive ..." in newer ones)."""
    return "Content Security Policy" in text and (
        text.startswith("Refused to ") or "violates the following" in text
    )


def is_report_only(text):
    return text.startswith("[Report Only]") or "report-only" in text.lower()


def record_csp_violations(page, found, report_only=None):
    """Collect the console's CSP refusals on ``page`` into ``found`` (enforced
    ones), and the report-only ones into ``report_only`` when given."""

    def on_console(message):
        text = message.text
        if not is_csp_violation(text):
            return
        if not is_report_only(text):
            found.append(f"{page.url}: {text}")
        elif report_only is not None:
            report_only.append((page.url, text))

    page.on("console", on_console)


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
