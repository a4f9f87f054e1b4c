"""Staff session limits: when a signed-in session started and was last used."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone

STARTED_AT = "accounts_signed_in_at"
LAST_SEEN_AT = "accounts_last_seen_at"
# The last-seen stamp is rewritten at most this often, so an admin page that
# fires a burst of requests costs one session write, not one per request.
LAST_SEEN_RESOLUTION = 60


def now_timestamp():
    return timezone.now().timestamp()


def mark_signed_in(session):
    now = now_timestamp()
    session[STARTED_AT] = now
    session[LAST_SEEN_AT] = now


def expiry_reason(session, now=None):
    """Why this signed-in session is over ("idle", "max_age") or None."""
    now = now_timestamp() if now is None else now
    started = session.get(STARTED_AT)
    last_seen = session.get(LAST_SEEN_AT, started)
    if started is None:
        return None
    if now - last_seen > settings.STAFF_SESSION_IDLE_TIMEOUT.total_seconds():
        return "idle"
    if now - started > settings.STAFF_SESSION_MAX_AGE.total_seconds():
        return "max_age"
    return None


def touch(session, now=None):
    now = now_timestamp() if now is None else now
    if STARTED_AT not in session:
        # Signed in before these limits existed: they count from now.
        mark_signed_in(session)
    elif now - session.get(LAST_SEEN_AT, 0) >= LAST_SEEN_RESOLUTION:
        session[LAST_SEEN_AT] = now


def end_sessions_of(user):
    """Delete every live session signed in as ``user``; returns how many.

    Sessions live in the database (the db or cached_db engine) and carry the
    user's id only inside their signed payload, so each live one is decoded: a
    rare administrator's action over at most a few thousand rows.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    model = store_class.get_model_class()
    user_id = str(user.pk)
    decoder = store_class()
    keys = [
        session.session_key
        for session in model.objects.filter(expire_date__gt=timezone.now()).iterator()
        if decoder.decode(session.session_data).get(SESSION_KEY) == user_id
    ]
    for key in keys:
        store_class(session_key=key).delete()
    return len(keys)
