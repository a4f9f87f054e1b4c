"""gunicorn settings for the container (docker/entrypoint.sh `web`).

Every value can be overridden from the environment:
  PORT              listening port on 0.0.0.0 (default 8000)
  WEB_CONCURRENCY   worker processes (default: 2 x CPUs + 1, at most 4; each worker
                    holds a full Django/Wagtail process, ~150-250 MB)
  GUNICORN_THREADS  threads per worker (default 4; gthread workers, so a slow client
                    or upload does not block a whole process)
  GUNICORN_TIMEOUT  seconds before a silent worker is restarted (default 60)
  FORWARDED_ALLOW_IPS  proxies trusted for X-Forwarded-* (gunicorn's own variable)
"""

import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


bind = f"0.0.0.0:{_int('PORT', 8000)}"  # noqa: S104 - a container listens on all interfaces
workers = _int("WEB_CONCURRENCY", min(2 * _cpus() + 1, 4))
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never takes the site down.
max_requests = 2000
max_requests_jitter = 200
# The heartbeat file lives in memory (a container's overlay /tmp can stall it).
# gunicorn's own advice for containers; a RAM-backed directory, not a shared /tmp
_SHM = "/dev/shm"  # noqa: S108 # nosec B108
worker_tmp_dir = _SHM if os.path.isdir(_SHM) else None
# Access log and errors to stdout/stderr, for the platform's log collector.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The control socket would go under $HOME, which the app user cannot write; not needed.
control_socket_disable = True
