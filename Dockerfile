# campaign-site: Wagtail 7.4 / Django 5.2 on Python 3.11, served by gunicorn + whitenoise.
#
# Build:  docker build -t campaign-site .
# Run:    docker run -p 8000:8000 -e SECRET_KEY=... -e ALLOWED_HOSTS=example.org \
#           -e DATABASE_URL=postgres://... campaign-site            (role `web`)
#         docker run ... campaign-site release | worker | manage <command>
# See docker/entrypoint.sh for the roles and docker-compose.yml for a full stack.
# Nothing secret is baked in: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL etc. come from the
# environment at run time (DESIGN.md section 8).
#
# BASE_IMAGE must be a Debian bookworm image with python3 + python3-venv (the official
# python image, or the minimal one ../shared/tools/container-smoke builds). Only `python3`
# is used, never `python`, and no compiler: every runtime requirement ships as a wheel.
ARG BASE_IMAGE=python:3.11-slim-bookworm

# ---------------------------------------------------------------------------------------
# builder: a virtualenv with the pinned runtime requirements (requirements.txt only; the
# dev/test tools stay out of the image).
FROM ${BASE_IMAGE} AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

WORKDIR /build
COPY requirements.txt ./
RUN python3 -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt

# ---------------------------------------------------------------------------------------
# runtime: the venv, the code and the collected static files; runs as uid 10001.
FROM ${BASE_IMAGE} AS runtime

# MALLOC_ARENA_MAX=2: glibc would keep a malloc arena per gunicorn thread; two
# are plenty and keep a worker's memory flat (bench/submission.py).
ENV PATH="/opt/venv/bin:${PATH}" \
    LANG=C.UTF-8 \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=campaign_site.settings.production \
    PORT=8000 \
    MALLOC_ARENA_MAX=2
# STATIC_ROOT, MEDIA_ROOT and PRIVATE_MEDIA_ROOT keep the settings' defaults under /app:
# /app/build/staticfiles, /app/media, /app/private_media.

# A fixed, numeric, unprivileged user (Kubernetes' runAsNonRoot can verify a number).
RUN groupadd --gid 10001 app \
 && useradd --no-log-init --uid 10001 --gid app \
        --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin app

COPY --from=builder /opt/venv /opt/venv

WORKDIR /app
# The code stays owned by root, so the running process cannot change it.
COPY . .

# - collectstatic at build time (whitenoise serves the hashed, compressed files). The
#   production settings refuse to load without SECRET_KEY and ALLOWED_HOSTS: throwaway
#   values are given to this one command only and are not kept in the image.
# - byte-compile the code once (the app user cannot write __pycache__ at run time).
# - the only writable places: local media folders, used when no S3 bucket is configured
#   (mount volumes there, or better, configure S3).
RUN SECRET_KEY=collectstatic-only-not-a-secret ALLOWED_HOSTS=localhost \
        python3 manage.py collectstatic --noinput \
 && python3 -m compileall -q -j 0 /app \
 && chmod 0755 /app/docker/entrypoint.sh \
 && mkdir -p /app/media /app/private_media \
 && chown app:app /app/media /app/private_media

USER 10001:10001

EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python3", "/app/docker/healthcheck.py"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["web"]
