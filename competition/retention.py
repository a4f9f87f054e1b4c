"""How long applicants' personal data is kept (RODO art. 5(1)(e)).

Each edition keeps its applicants' personal data until a retention date:
``PERSONAL_DATA_RETENTION_YEARS`` (five by default) after the results were
published, or after the planned results date while they are not, unless the
edition sets its own date (``CompetitionPage.personal_data_retention_until``).
The day after it, ``manage.py anonymise_expired_entries`` anonymises the
edition's entries (``personal_data.anonymise``). Pure functions of the edition
and the day, like ``scoring.py``.
"""

from django.conf import settings
from django.utils import timezone

from .dates import WARSAW


def add_years(day, years):
    """``day`` moved by whole years; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def default_retention_date(edition):
    """The last day the data is kept unless the edition says otherwise: the
    results' day (published, else planned; Warsaw time) plus the configured
    number of years."""
    original = edition.original
    results = original.results_published_at or original.results_at
    if results is None:
        return None
    day = timezone.localtime(results, WARSAW).date()
    return add_years(day, settings.PERSONAL_DATA_RETENTION_YEARS)


def retention_date(edition):
    """The last day the edition keeps its applicants' personal data: the
    edition's own date if set (on the Polish original), else the default."""
    original = edition.original
    return original.personal_data_retention_until or default_retention_date(original)


def is_expired(edition, today=None):
    """Whether the edition's retention date has passed (``today`` in Warsaw)."""
    until = retention_date(edition)
    if until is None:
        return False
    today = today or timezone.localdate(timezone=WARSAW)
    return today > until


def expired_editions(today=None):
    """The editions (Polish originals, owners of entries) past their retention
    date on ``today``."""
    from .models import CompetitionPage

    today = today or timezone.localdate(timezone=WARSAW)
    editions = CompetitionPage.objects.filter(entries__isnull=False).distinct()
    return [edition for edition in editions if is_expired(edition, today)]
