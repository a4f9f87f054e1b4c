"""Security events as one structured log line each (JSON in production)."""

import logging

logger = logging.getLogger("accounts.security")

_LEVELS = {
    "login_failed": logging.WARNING,
    "login_locked_out": logging.WARNING,
}


def log_event(event, request=None, **fields):
    """Log ``event`` with its fields as attributes of one record.

    The plain formatter shows them in the message; the JSON formatter
    (campaign_site/logging.py) writes each as its own key.
    """
    if request is not None:
        from .throttling import client_ip

        fields.setdefault("ip_address", client_ip(request))
    summary = " ".join(f"{key}={value!r}" for key, value in fields.items())
    logger.log(
        _LEVELS.get(event, logging.INFO),
        "%s %s",
        event,
        summary,
        extra={"event": event, **fields, "request": request},
    )
