"""JSON log lines for production (one object per line on stdout)."""

import json
import logging
from datetime import UTC, datetime

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            payload["path"] = request.path
            payload["method"] = request.method
        for key, value in vars(record).items():
            if key not in _STANDARD and key != "request" and not key.startswith("_"):
                payload[key] = value if _is_plain(value) else repr(value)
        if record.exc_info:
            payload["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


def _is_plain(value):
    return isinstance(value, str | int | float | bool | type(None))
