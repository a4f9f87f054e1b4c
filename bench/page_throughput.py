"""Requests per second for the public pages, as a visitor fetches them.

Starts gunicorn (production settings, 2 workers, like the container) on 127.0.0.1 over
a fresh SQLite demo database, warms each page, then fetches it from 4 client threads
for a fixed time and prints one line per page. Only 127.0.0.1 is contacted.

    .venv/bin/python bench/page_throughput.py [--seconds 10]

With Debian's `wrk` installed it drives the load with wrk; otherwise with Python
threads, which take CPU from the server on a 2-core machine (lower numbers).
"""

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/",
    "/en/",
    "/kontakt/",
    "/aktualnosci/",
    "/aktualnosci/trzecie-spotkanie-forum-rzecznikow/",
    "/wydarzenia/",
    "/rzecznicy/",
    "/kampania/",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
        response.read()
        return response.status


def hammer_wrk(url, seconds):
    """Requests/s measured by wrk (C, far lighter than a Python client)."""
    out = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{int(seconds)}s", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("Requests/sec"))
    return float(line.split()[1])


def hammer(url, seconds, threads=4):
    done = []
    deadline = time.monotonic() + seconds

    def worker():
        count = 0
        while time.monotonic() < deadline:
            assert fetch(url) == 200
            count += 1
        done.append(count)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sum(done) / seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["seed_demo", "--force"]):
        subprocess.run(
            manage + command, cwd=ROOT, env=env, check=True, capture_output=True
        )
    subprocess.run(
        manage + ["collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "campaign_site.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if fetch(base + "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.2)
        use_wrk = shutil.which("wrk") is not None
        client = "wrk -t2 -c8" if use_wrk else "Python client, 4 threads"
        print(
            f"gunicorn, 2 workers, SQLite demo data, {args.seconds:.0f} s per page, "
            f"{client}"
        )
        for path in PAGES:
            for _ in range(3):
                fetch(base + path)  # warm caches and renditions in both workers
            measure = hammer_wrk if use_wrk else hammer
            rate = measure(base + path, args.seconds)
            print(f"{path:55} {rate:7.1f} req/s")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
