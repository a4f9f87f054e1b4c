"""Moments as applicants read them: Warsaw time, deadlines on the day they end."""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

from django.utils import formats, timezone

WARSAW = ZoneInfo("Europe/Warsaw")


def shown_deadline(close):
    """The closing instant as people read it, in Warsaw time.

    Editors enter "31.03, 23:59:59" as 01.04, 00:00 (the first moment entries are
    refused); applicants should read "31 March, 23:59", not "1 April, 00:00".
    """
    local = timezone.localtime(close, WARSAW)
    if local.time() == time(0, 0):
        return local - timedelta(seconds=1)
    return local


def deadline_text(close):
    """A deadline in words of the active language, e.g. "31 marca 2027, 23:59"."""
    return formats.date_format(shown_deadline(close), "j E Y, H:i")
