"""Test helpers: a throwaway S3 (moto in server mode) and fresh settings imports.

`MotoServer` runs ``python -m moto.server`` as a child process on 127.0.0.1 and a free
port, so the S3 it serves is reached over real HTTP, exactly as django-storages and a
browser reach a real bucket (signed and anonymous requests alike). A child process
rather than moto's in-process ThreadedMotoServer: moto's state and its botocore
patches stay out of the test process, and under pytest-xdist every worker simply
starts its own server on its own port.

Register the fixture in a test module with::

    from tests.s3server import s3_server  # noqa: F401

`load_settings` imports a settings module in a fresh interpreter with a controlled
environment and returns the settings asked for as JSON data, so the real settings
logic is exercised without touching the running process's Django settings.
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_DIR = PROJECT_ROOT / "campaign_site" / "settings"

# Direct connections only: a proxy from the environment must not sit in front of
# 127.0.0.1.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_get(url, timeout=10):
    """GET without credentials; returns (status, body) for any HTTP status."""
    try:
        with _opener.open(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MotoServer:
    """``with MotoServer() as url:`` gives the endpoint of a fresh moto server."""

    def __init__(self, startup_timeout=30.0, attempts=3):
        self.startup_timeout = startup_timeout
        self.attempts = attempts
        self.process = None
        self.endpoint_url = None
        self._log = None

    def start(self):
        last_error = None
        for _ in range(self.attempts):
            try:
                return self._start_once()
            except RuntimeError as error:  # e.g. the port was taken meanwhile
                last_error = error
                self.stop()
        raise last_error

    def _start_once(self):
        port = _free_port()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("AWS_", "MOTO_"))
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto server exited early:\n{self._output()}")
            try:
                status, _ = http_get(f"{url}/moto-api/", timeout=1)
            except OSError:
                time.sleep(0.1)
                continue
            if status == 200:
                self.endpoint_url = url
                return url
            time.sleep(0.1)
        raise RuntimeError(
            f"moto server did not answer within {self.startup_timeout}s:\n"
            f"{self._output()}"
        )

    def _output(self):
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode(errors="replace")[-4000:]

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


@pytest.fixture(scope="session")
def s3_server():
    """Endpoint URL of a moto S3 server living as long as the test session (worker)."""
    with MotoServer() as url:
        yield url


def _settings_env_names():
    """Every environment variable the settings modules read via env()/env_bool()/..."""
    pattern = re.compile(r"""\benv(?:_bool|_list)?\(\s*["']([A-Z][A-Z0-9_]*)["']""")
    names = set()
    for path in SETTINGS_DIR.glob("*.py"):
        names.update(pattern.findall(path.read_text(encoding="utf-8")))
    return names


_LOADER = r"""
import importlib, json, sys
names = json.loads(sys.argv[2])
try:
    module = importlib.import_module(sys.argv[1])
except Exception as error:
    result = {"error": type(error).__name__, "message": str(error)}
else:
    result = {"settings": {n: getattr(module, n, None) for n in names}}
print("@@SETTINGS@@" + json.dumps(result, default=str))
"""


def clean_env(**overrides):
    """os.environ without anything the settings read, plus the given overrides."""
    drop = _settings_env_names() | {"DJANGO_SETTINGS_MODULE"}
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in drop and not key.startswith(("AWS_", "EMAIL_"))
    }
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def load_settings(module, names, **env):
    """Import `module` (e.g. "campaign_site.settings.production") in a fresh Python
    whose environment holds only `env` of the variables the settings read.

    Returns {"settings": {name: value}} or {"error": ..., "message": ...} when the
    import raises. Values that are not JSON types come back as str().
    """
    completed = subprocess.run(
        [sys.executable, "-c", _LOADER, module, json.dumps(list(names))],
        cwd=PROJECT_ROOT,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    for line in completed.stdout.splitlines():
        if line.startswith("@@SETTINGS@@"):
            return json.loads(line.removeprefix("@@SETTINGS@@"))
    raise AssertionError(
        f"settings loader failed (exit {completed.returncode}):\n"
        f"{completed.stdout}\n{completed.stderr}"
    )
