#!/bin/sh
# Container entrypoint for campaign-site. One image, several roles:
#
#   web      (default) gunicorn on 0.0.0.0:$PORT (default 8000). When MIGRATE_ON_START
#            is true (the default, so a single `docker run` of a fresh database works)
#            it first runs the `release` steps below. With more than one web replica,
#            set MIGRATE_ON_START=false and run `release` once per deploy instead:
#            Django takes no lock around `migrate`, so replicas racing each other can
#            fail half-way.
#   release  one-shot: `migrate --noinput`, `createcachetable` (a no-op unless a
#            database cache is configured) and `set_site_host` (the Wagtail Site's
#            host and port from WAGTAILADMIN_BASE_URL). Run it before the new
#            web/worker start.
#   worker   `manage.py db_worker` (django-tasks-db queue: e-mails etc.); extra
#            arguments are passed on, e.g. `worker --queue-name default`.
#   manage   any management command: `manage createsuperuser`, `manage shell`, ...
#   anything else is executed as given (`bash`, `python3 -c ...`).
#
# Extra arguments after `web` go to gunicorn (e.g. `web --workers 2`).
set -eu

APP_DIR=/app

manage() {
    python3 "$APP_DIR/manage.py" "$@"
}

is_true() {
    case "$(printf '%s' "${1:-}" | tr '[:upper:]' '[:lower:]')" in
        1 | true | yes | on) return 0 ;;
        *) return 1 ;;
    esac
}

release() {
    echo "entrypoint: applying database migrations" >&2
    manage migrate --noinput
    manage createcachetable
    # Canonical links, og:url and the sitemap are built from the Wagtail Site's host.
    echo "entrypoint: setting the site's public host from WAGTAILADMIN_BASE_URL" >&2
    manage set_site_host
}

# gunicorn reads WEB_CONCURRENCY at import and fails on an empty value.
if [ -z "${WEB_CONCURRENCY:-}" ]; then
    unset WEB_CONCURRENCY
fi

role="${1:-web}"
if [ "$#" -gt 0 ]; then
    shift
fi

case "$role" in
    web)
        if is_true "${MIGRATE_ON_START:-true}"; then
            release
        fi
        exec gunicorn --config "$APP_DIR/docker/gunicorn.conf.py" "$@" campaign_site.wsgi:application
        ;;
    release | migrate)
        release
        ;;
    worker)
        exec python3 "$APP_DIR/manage.py" db_worker "$@"
        ;;
    manage)
        exec python3 "$APP_DIR/manage.py" "$@"
        ;;
    *)
        exec "$role" "$@"
        ;;
esac
