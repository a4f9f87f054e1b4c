"""Container health check (Dockerfile HEALTHCHECK, docker-compose).

  python3 healthcheck.py [web|worker]

web (default): GET http://127.0.0.1:$PORT/healthz must answer 200 (the view checks the
database). The Host header is HEALTHCHECK_HOST, else the first ALLOWED_HOSTS entry, so
Django's host check accepts it; /healthz is exempt from the HTTPS redirect.

worker: the db_worker process is running and the database answers.

Without an argument the role is guessed: `worker` when a db_worker process is running in
the container, `web` otherwise. Standard library only.
"""

import os
import sys
import urllib.error
import urllib.request


def _running_db_worker():
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                args = handle.read().split(b"\0")
        except OSError:
            continue
        if b"db_worker" in args:
            return True
    return False


def _host():
    host = os.environ.get("HEALTHCHECK_HOST", "").strip()
    if host:
        return host
    for entry in os.environ.get("ALLOWED_HOSTS", "").split(","):
        entry = entry.strip().lstrip(".")
        if entry and entry != "*":
            return entry
    return "localhost"


def check_web():
    port = os.environ.get("PORT", "").strip() or "8000"
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz", headers={"Host": _host()}
    )
    try:
        # A fixed http://127.0.0.1 URL built above: no scheme comes from outside.
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 # nosec B310
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        print(f"unhealthy: {error}")
        return 1
    print("healthy" if status == 200 else f"unhealthy: /healthz answered {status}")
    return 0 if status == 200 else 1


def check_worker():
    if not _running_db_worker():
        print("unhealthy: no db_worker process")
        return 1
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import django

    django.setup()
    from django.db import connection

    try:
        connection.ensure_connection()
    except Exception as error:  # any database failure means unhealthy
        print(f"unhealthy: database: {error}")
        return 1
    print("healthy")
    return 0


def main(argv):
    role = argv[1] if len(argv) > 1 else ("worker" if _running_db_worker() else "web")
    return check_worker() if role == "worker" else check_web()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
