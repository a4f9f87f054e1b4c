"""iCalendar (RFC 5545) output for events, with the ``icalendar`` package.

Times are written in UTC, so no VTIMEZONE is needed and daylight saving time is
settled by the stored aware datetime, not by the subscriber's calendar client.
"""

import datetime

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Site

ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _utc(value):
    return value.astimezone(datetime.UTC)


def _calendar_host(request):
    """The site's own host name, so an event's UID does not depend on the alias
    a visitor happened to use."""
    site = Site.find_for_request(request)
    if site is not None and site.hostname not in ("", "localhost", "*"):
        return site.hostname
    return request.get_host().split(":")[0]


def ical_event(event, request):
    """One VEVENT for ``event``: stable UID, UTC times, summary, lead, place."""
    url = request.build_absolute_uri(event.get_url(request))
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.translation_key}@{_calendar_host(request)}")
    vevent.add("dtstamp", _utc(event.last_published_at or timezone.now()))
    vevent.add("dtstart", _utc(event.start))
    vevent.add("dtend", _utc(event.end))
    vevent.add("summary", event.title)
    vevent.add("description", event.lead)
    vevent.add("url", url)
    vevent.add("location", event.location_text)
    vevent.add("categories", [str(event.get_event_type_display())])
    return vevent


def ical_calendar(name, events, request):
    """A VCALENDAR with one VEVENT per event, in the current language."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//MCPS//Ekonomia spoleczna na Mazowszu//PL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    for event in events:
        calendar.add_component(ical_event(event, request))
    return calendar


def ical_response(calendar, filename=None):
    response = HttpResponse(calendar.to_ical(), content_type=ICAL_CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
