"""Demo events for `seed_demo`: the events index and events of every type
(content in ``data/events.json``).

Dates are relative to the day the demo is seeded (``days`` from today, negative
for past events), so a fresh demo always has upcoming and past events. The forum
meeting of 23 March is pinned to the most recent 23 March (``"date":
"last_23_march"``). The Polish event is the source; "en" (optional) is its English
translation.
"""

import datetime

from django.utils import timezone

from demo.content import load

_DATA = load("events")

EVENT_INDEX = _DATA["index"]
EVENTS = _DATA["events"]


def last_23_march(today):
    """The third forum meeting took place on the most recent 23 March."""
    day = datetime.date(today.year, 3, 23)
    return day if day < today else day.replace(year=today.year - 1)


# A spec's "date": the name of a rule giving its day from today's date.
DATE_RULES = {"last_23_march": last_23_march}


def event_times(spec, now=None):
    """(start, end, registration deadline or None) of a demo event, aware."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    day = (
        DATE_RULES[spec["date"]](today)
        if "date" in spec
        else today + datetime.timedelta(days=spec["days"])
    )
    start = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.fromisoformat(spec["time"]))
    )
    end = start + datetime.timedelta(hours=spec["hours"])
    deadline = None
    if spec.get("register_days_before"):
        deadline = start - datetime.timedelta(days=spec["register_days_before"])
        deadline = deadline.replace(hour=23, minute=59)
    return start, end, deadline


def seed(command, pl, en):
    """The events index in both languages and events of every type.

    Dates are computed when an event is first created and never moved, so a
    re-run leaves existing events (and an editor's changes) alone. ``command`` is
    the `seed_demo` command, for its helpers.
    """
    from home.models import EventIndexPage, EventPage

    index = command.seed_index(EventIndexPage, EVENT_INDEX, pl, en)
    place_fields = (
        "venue_name",
        "venue_address",
        "online_url",
        "registration_url",
    )
    for spec in EVENTS:
        # Reload: the previous event was added through another instance.
        index = EventIndexPage.objects.get(pk=index.pk)
        event = index.get_children().filter(slug=spec["slug"]).specific().first()
        if event is None:
            start, end, deadline = event_times(spec)
            event = EventPage(
                slug=spec["slug"],
                event_type=spec["type"],
                mode=spec["mode"],
                start=start,
                end=end,
                registration_deadline=deadline,
                **{field: spec[field] for field in place_fields if field in spec},
                **spec["pl"],
            )
            if spec.get("image"):
                event.lead_image = command.demo_picture(spec["image"])
            index.add_child(instance=event)
            event.save_revision().publish()
        if "en" in spec:
            command.seed_translation(event, en, spec["en"])
