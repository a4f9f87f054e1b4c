"""Events: where they may be created, validation, listings, iCalendar, budgets."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail_factories import ImageFactory

from home.models import (
    EventIndexPage,
    EventPage,
    EventType,
    HomePage,
    NewsIndexPage,
    StandardPage,
)
from tests.competition.builders import EventIndexPageFactory, EventPageFactory

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
# Issue 3's budget: the events index and an event page in at most 12 queries, the
# same at 5 and at 50 events (layout data comes from home/navigation.py's cache).
INDEX_QUERY_BUDGET = 12
EVENT_PAGE_QUERY_BUDGET = 12
FEED_QUERY_BUDGET = 9


def warsaw(*args):
    return datetime.datetime(*args, tzinfo=WARSAW)


class TestEventTree(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_index_only_under_home_and_events_only_under_index(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_can_create_only_where_allowed(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventPage)
        self.assertCanNotCreateAt(NewsIndexPage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)
        self.assertCanNotCreateAt(EventPage, EventPage)

    def test_one_index_per_home(self):
        home = HomePage.objects.get(depth=2)
        EventIndexPageFactory(parent=home)
        assert not EventIndexPage.can_create_at(Page.objects.get(pk=home.pk))

    def test_editor_sees_the_rule_an_online_event_breaks(self):
        home = HomePage.objects.get(depth=2)
        index = EventIndexPageFactory(parent=home)
        response = self.client.post(
            f"/admin/pages/add/home/eventpage/{index.pk}/",
            {
                "title": "Webinar bez linku",
                "slug": "webinar-bez-linku",
                "start": "2027-03-12 10:00",
                "end": "2027-03-12 09:00",
                "event_type": "webinar",
                "mode": "online",
                "lead": "Opis.",
                "body-count": "0",
            },
        )
        assert response.status_code == 200
        form = response.context["form"]
        assert set(form.errors) >= {"end", "online_url"}
        assert not EventPage.objects.filter(slug="webinar-bez-linku").exists()


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def event_index_en(event_index, home_en, locales):
    page = event_index.copy_for_translation(locales["en"]).specific
    page.title, page.slug = "Events", "events"
    page.save_revision().publish()
    return EventIndexPage.objects.get(pk=page.pk)


def errors_of(event):
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    return error.value.message_dict


def test_validation_rules(event_index):
    event = EventPageFactory(parent=event_index)
    event.full_clean()  # the factory's event is valid

    event.end = event.start - datetime.timedelta(minutes=1)
    assert "end" in errors_of(event)
    event.end = event.start  # a moment, not an interval: allowed
    event.full_clean()

    event.venue_name = event.venue_address = ""
    assert {"venue_name", "venue_address"} <= set(errors_of(event))

    event.mode = "online"
    assert set(errors_of(event)) == {"online_url"}
    event.online_url = "https://mcps.example/spotkanie"
    event.full_clean()  # on-line events need no venue

    event.registration_url = "https://mcps.example/zapisy"
    event.registration_deadline = event.start
    assert "registration_deadline" in errors_of(event)
    event.registration_deadline = event.start + datetime.timedelta(days=1)
    assert "registration_deadline" in errors_of(event)
    event.registration_deadline = event.start - datetime.timedelta(hours=1)
    event.full_clean()

    event.registration_url = ""
    assert "registration_url" in errors_of(event)


def titles(html):
    return [
        line.split(">", 2)[2].split("<")[0]
        for line in html.splitlines()
        if 'class="event-card__title"' in line
    ]


def make_event(index, title, start, hours=2, **kwargs):
    return EventPageFactory(
        parent=index,
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=hours),
        **kwargs,
    )


def test_upcoming_and_past_split_around_now(client, event_index):
    now = timezone.now().replace(microsecond=0)
    hour, day = datetime.timedelta(hours=1), datetime.timedelta(days=1)
    make_event(event_index, "Wczoraj", now - day)
    make_event(event_index, "Przed tygodniem", now - 7 * day)
    make_event(event_index, "Skończyło się przed chwilą", now - 3 * hour, hours=2)
    make_event(event_index, "Trwa teraz", now - hour, hours=2)
    make_event(event_index, "Za miesiąc", now + 30 * day)
    make_event(event_index, "Jutro", now + day)
    EventPageFactory(parent=event_index, title="Szkic", live=False)

    html = client.get("/wydarzenia/").text
    assert titles(html) == ["Trwa teraz", "Jutro", "Za miesiąc"]
    assert "Nadchodzące wydarzenia" in html
    assert '<a href="/wydarzenia/" aria-current="page">Nadchodzące</a>' in html

    html = client.get("/wydarzenia/?archiwum=1").text
    assert titles(html) == ["Skończyło się przed chwilą", "Wczoraj", "Przed tygodniem"]
    assert "Wydarzenia, które się odbyły" in html
    assert 'href="/wydarzenia/?archiwum=1" aria-current="page"' in html


def test_filter_by_type_keeps_archive_and_pagination(client, event_index):
    now = timezone.now()
    for i in range(12):
        make_event(
            event_index,
            f"Jarmark {i:02}",
            now + datetime.timedelta(days=i + 1),
            event_type=EventType.FAIR,
        )
    make_event(event_index, "Gala", now + datetime.timedelta(days=2), event_type="gala")
    make_event(
        event_index,
        "Dawny jarmark",
        now - datetime.timedelta(days=3),
        event_type=EventType.FAIR,
    )

    html = client.get("/wydarzenia/?typ=jarmark").text
    assert titles(html) == [f"Jarmark {i:02}" for i in range(10)]
    assert 'href="/wydarzenia/?typ=jarmark" aria-current="page">Jarmark</a>' in html
    assert "Nadchodzące wydarzenia: jarmark" in html
    assert 'href="/wydarzenia/?typ=jarmark&amp;page=2" rel="next"' in html
    html = client.get("/wydarzenia/?typ=jarmark&page=2").text
    assert titles(html) == ["Jarmark 10", "Jarmark 11"]
    assert titles(client.get("/wydarzenia/?typ=gala").text) == ["Gala"]
    assert titles(client.get("/wydarzenia/?typ=jarmark&archiwum=1").text) == [
        "Dawny jarmark"
    ]
    # The archive link keeps the type filter; an unknown type shows everything.
    assert 'href="/wydarzenia/?typ=jarmark&amp;archiwum=1"' in html
    assert len(titles(client.get("/wydarzenia/?typ=brak").text)) == 10


def test_pagination_ten_per_page(client, event_index):
    now = timezone.now()
    for i in range(23):
        make_event(event_index, f"E{i:02}", now + datetime.timedelta(days=i + 1))
    first = client.get("/wydarzenia/").text
    assert titles(first) == [f"E{i:02}" for i in range(10)]
    nav = first.split('aria-label="Strony wydarzeń"')[1].split("</nav>")[0]
    assert 'href="/wydarzenia/?page=1" aria-current="page"' in nav
    assert titles(client.get("/wydarzenia/?page=3").text) == ["E20", "E21", "E22"]
    assert titles(client.get("/wydarzenia/?page=99").text) == ["E20", "E21", "E22"]
    assert titles(client.get("/wydarzenia/?page=abc").text) == titles(first)


def test_index_lists_only_its_language(client, event_index, event_index_en):
    start = timezone.now() + datetime.timedelta(days=3)
    make_event(event_index, "Po polsku", start)
    make_event(event_index_en, "In English", start)
    assert titles(client.get("/wydarzenia/").text) == ["Po polsku"]
    html = client.get("/en/events/").text
    assert titles(html) == ["In English"]
    assert '<html lang="en">' in html
    assert "Upcoming events" in html
    assert 'href="/en/events/?typ=webinar">Webinar</a>' in html


def test_index_links_the_calendar_feed(client, event_index):
    html = client.get("/wydarzenia/").text
    head = html.split("</head>")[0]
    assert (
        '<link rel="alternate" type="text/calendar" title="Wydarzenia (iCalendar)" '
        'href="/wydarzenia/ical/">' in head
    )
    assert (
        '<a href="/wydarzenia/ical/" type="text/calendar">Subskrybuj kalendarz</a>'
        in (html)
    )


def test_event_page_in_polish_and_english(client, event_index, event_index_en, locales):
    event = EventPageFactory(
        parent=event_index,
        title="Gala konkursu MMES",
        slug="gala-mmes",
        start=warsaw(2027, 3, 12, 10, 0),
        end=warsaw(2027, 3, 12, 14, 30),
        event_type="gala",
        venue_name="Teatr Polski",
        venue_address="ul. Karasia 2, 00-327 Warszawa",
        registration_url="https://mcps.example/zapisy",
        registration_deadline=warsaw(2027, 3, 5, 23, 59),
        lead="Poznamy laureatów.",
        lead_image=ImageFactory(),
        lead_image_alt="Scena teatru",
    )
    html = client.get("/wydarzenia/gala-mmes/").text
    assert "<h1>Gala konkursu MMES</h1>" in html
    assert (
        '<time datetime="2027-03-12T10:00:00+01:00">12 marca 2027, 10:00</time>–'
        '<time datetime="2027-03-12T14:30:00+01:00">14:30</time>' in html
    )
    assert 'href="/wydarzenia/?typ=gala">Gala</a>' in html
    assert "<dd>Stacjonarnie</dd>" in html
    assert "<address>Teatr Polski<br>ul. Karasia 2, 00-327 Warszawa</address>" in html
    assert 'href="https://mcps.example/zapisy"' in html
    assert '<time datetime="2027-03-05T23:59:00+01:00">5 marca 2027, 23:59</time>' in (
        html
    )
    assert "Rejestracja zamknięta" not in html
    assert 'alt="Scena teatru"' in html
    assert 'href="/wydarzenia/gala-mmes/ics/"' in html

    translation = event.copy_for_translation(locales["en"]).specific
    translation.title, translation.slug = "MMES awards gala", "mmes-gala"
    translation.save_revision().publish()
    html = client.get("/en/events/mmes-gala/").text
    assert '<html lang="en">' in html
    assert "<h1>MMES awards gala</h1>" in html
    assert "12 March 2027, 10:00</time>" in html
    assert "<dd>On-site</dd>" in html
    assert "Register for the event" in html
    assert 'href="/en/events/?typ=gala">Gala</a>' in html


def test_online_event_with_closed_registration(client, event_index):
    now = timezone.now().replace(microsecond=0)
    make_event(
        event_index,
        "Webinar",
        now + datetime.timedelta(days=2),
        slug="webinar",
        event_type="webinar",
        mode="online",
        venue_name="",
        venue_address="",
        online_url="https://mcps.example/webinar",
        registration_url="https://mcps.example/zapisy",
        registration_deadline=now - datetime.timedelta(hours=1),
    )
    html = client.get("/wydarzenia/webinar/").text
    assert '<a href="https://mcps.example/webinar" rel="noopener">' in html
    assert "<address>" not in html
    assert "<dd>On-line</dd>" in html
    assert "Rejestracja zamknięta" in html
    assert 'href="https://mcps.example/zapisy"' not in html
    listing = client.get("/wydarzenia/").text
    assert '<span class="event-type">Webinar</span> · on-line' in listing


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def test_single_event_ics_and_dst(client, event_index):
    summer_time = EventPageFactory(
        parent=event_index,
        title="Forum Rzeczników",
        slug="forum",
        start=warsaw(2027, 3, 28, 10, 0),  # the first day of summer time
        end=warsaw(2027, 3, 28, 12, 0),
        lead="Spotkanie rzeczników ekonomii społecznej.",
        venue_name="MCPS",
        venue_address="ul. Grzybowska 80/82, Warszawa",
    )
    winter = EventPageFactory(
        parent=event_index,
        slug="jarmark",
        start=warsaw(2027, 1, 10, 10, 0),
        end=warsaw(2027, 1, 10, 16, 0),
        mode="online",
        online_url="https://mcps.example/jarmark",
    )
    response = client.get("/wydarzenia/forum/ics/")
    assert response["Content-Disposition"] == 'attachment; filename="forum.ics"'
    calendar = parse_calendar(response)
    assert calendar["VERSION"] == "2.0"
    [vevent] = calendar.walk("VEVENT")
    assert vevent["UID"] == f"{summer_time.translation_key}@testserver"
    assert vevent.decoded("DTSTART") == utc(2027, 3, 28, 8, 0)
    assert vevent.decoded("DTEND") == utc(2027, 3, 28, 10, 0)
    assert b"DTSTART:20270328T080000Z" in response.content
    assert str(vevent["SUMMARY"]) == "Forum Rzeczników"
    assert str(vevent["DESCRIPTION"]) == "Spotkanie rzeczników ekonomii społecznej."
    assert str(vevent["LOCATION"]) == "MCPS, ul. Grzybowska 80/82, Warszawa"
    assert str(vevent["URL"]) == "http://testserver/wydarzenia/forum/"
    assert vevent.decoded("DTSTAMP").tzinfo is not None

    [vevent] = parse_calendar(client.get("/wydarzenia/jarmark/ics/")).walk("VEVENT")
    assert vevent.decoded("DTSTART") == utc(2027, 1, 10, 9, 0)
    assert str(vevent["LOCATION"]) == "https://mcps.example/jarmark"
    assert vevent["UID"] == f"{winter.translation_key}@testserver"


def test_feed_per_language_upcoming_and_recent(
    client, event_index, event_index_en, locales
):
    now = timezone.now().replace(microsecond=0)
    day = datetime.timedelta(days=1)
    make_event(event_index, "Dawno", now - 200 * day)
    make_event(event_index, "Niedawno", now - 10 * day)
    soon = make_event(event_index, "Wkrótce", now + 5 * day)
    make_event(event_index, "Później", now + 40 * day)
    EventPageFactory(parent=event_index, title="Szkic", live=False)
    translation = soon.copy_for_translation(locales["en"]).specific
    translation.title, translation.slug = "Soon", "soon"
    translation.save_revision().publish()

    response = client.get("/wydarzenia/ical/")
    assert "Content-Disposition" not in response
    calendar = parse_calendar(response)
    assert str(calendar["X-WR-CALNAME"]) == "Wydarzenia"
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Niedawno", "Wkrótce", "Później"]
    assert len({str(e["UID"]) for e in events}) == 3

    [english] = parse_calendar(client.get("/en/events/ical/")).walk("VEVENT")
    assert str(english["SUMMARY"]) == "Soon"
    assert str(english["URL"]) == "http://testserver/en/events/soon/"
    # The same event in both languages has one UID: one real-world event.
    assert str(english["UID"]) == str(events[1]["UID"])


def count_queries(client, url):
    client.get(url)  # warm: renditions, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [5, 50])
def test_query_budget_independent_of_size(
    size, client, event_index, django_assert_max_num_queries
):
    image = ImageFactory()
    now = timezone.now()
    events = [
        make_event(
            event_index,
            f"E{i:02}",
            now + datetime.timedelta(days=i + 1),
            lead_image=image,
            lead_image_alt="Opis",
            event_type=EventType.values[i % len(EventType.values)],
        )
        for i in range(size)
    ]
    client.get("/wydarzenia/")
    with django_assert_max_num_queries(INDEX_QUERY_BUDGET):
        assert len(titles(client.get("/wydarzenia/").text)) == min(size, 10)
    event = events[-1]
    client.get(event.url)
    with django_assert_max_num_queries(EVENT_PAGE_QUERY_BUDGET):
        assert "<h1>" in client.get(event.url).text
    client.get("/wydarzenia/ical/")
    with django_assert_max_num_queries(FEED_QUERY_BUDGET):
        assert client.get("/wydarzenia/ical/").status_code == 200
    print(
        f"\n{size} events: index {count_queries(client, '/wydarzenia/')} queries, "
        f"event page {count_queries(client, event.url)} queries, "
        f"feed {count_queries(client, '/wydarzenia/ical/')} queries"
    )


def test_seed_demo_builds_valid_events_of_every_type(demo_site, client):
    events = EventPage.objects.filter(locale__language_code="pl")
    assert {e.event_type for e in events} == set(EventType.values)
    assert {e.mode for e in events} == {"stacjonarnie", "online"}
    for event in events:
        event.full_clean()
    forum = events.get(slug="trzecie-spotkanie-forum-rzecznikow")
    start = timezone.localtime(forum.start)
    assert (start.month, start.day) == (3, 23)
    assert start.date() < timezone.localdate()
    upcoming = titles(client.get("/wydarzenia/").text)
    assert "Wirtualny Jarmark Rozmaitości" in upcoming
    assert titles(client.get("/wydarzenia/?archiwum=1").text)
    english = titles(client.get("/en/events/").text)
    assert "Virtual Fair of Curiosities" in english
    assert len(english) >= 3
    [vevent, *_] = parse_calendar(client.get("/en/events/ical/")).walk("VEVENT")
    assert vevent["UID"]
