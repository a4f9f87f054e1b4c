"""Moments as people read them: Warsaw time, deadlines on the day they end.

The competition's rules, deadlines and exports are in Warsaw time whatever time
zone a staff member chose in their profile; :data:`WARSAW` is that zone, here
only.
"""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

from django.utils import formats, timezone

WARSAW = ZoneInfo("Europe/Warsaw")


def warsaw_time(value):
    """A moment as Warsaw time in the active language, e.g. "1 kwietnia 2027, 12:00"."""
    return formats.date_format(timezone.localtime(value, WARSAW), "j E Y, H:i")


def spreadsheet_time(value):
    """A naive datetime in Warsaw time, to the second, for a spreadsheet cell
    (what the staff expect to see; Wagtail would otherwise write aware
    datetimes to XLSX as UTC)."""
    if value is None:
        return None
    return timezone.localtime(value, WARSAW).replace(tzinfo=None, microsecond=0)


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
