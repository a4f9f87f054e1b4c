"""Numbers of the ranking screens, rounded once (``scoring.for_display``)."""

from django import template

from .. import ranking

register = template.Library()


@register.filter
def score(value, places=2):
    """A total, score or statistic with ``places`` decimals in the active
    language's format ("72,50"); "—" when there is none."""
    return ranking.number(value, int(places))


@register.filter
def juror_total(row, member):
    """``row``'s total by ``member`` (a JuryMember), or None."""
    return row.totals.get(member.pk)
