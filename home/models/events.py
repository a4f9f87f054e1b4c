"""Events ("Wydarzenia"): the event index with its iCalendar feed, event pages.

Start and end are aware datetimes (stored in UTC, shown in Europe/Warsaw); the
calendar files are built by ``home.ical``.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.ical import ical_calendar, ical_response
from home.navigation import restricted_q
from search.index import LemmatisedSearchMixin

EVENTS_PER_PAGE = 10
# The iCalendar feed carries every upcoming event and those that ended recently,
# so a subscriber still sees last week's meeting; the cap keeps it small.
FEED_PAST_DAYS = 90
FEED_MAX_EVENTS = 200


class EventType(models.TextChoices):
    """What kind of event it is; the value is the ``?typ=`` filter code."""

    FAIR = "jarmark", _("jarmark")
    GALA = "gala", _("gala")
    TRAINING = "szkolenie", _("szkolenie")
    STUDY_VISIT = "wizyta-studyjna", _("wizyta studyjna")
    ADVOCATES_FORUM = "forum-rzecznikow", _("spotkanie Forum Rzeczników")
    WEBINAR = "webinar", _("webinar")


class EventMode(models.TextChoices):
    ON_SITE = "stacjonarnie", _("stacjonarnie")
    ONLINE = "online", _("on-line")


def event_validation_errors(event):
    """Field name -> message for every cross-field rule an event breaks."""
    errors = {}
    if event.start and event.end and event.end < event.start:
        errors["end"] = _("Koniec wydarzenia nie może być przed jego początkiem.")
    if event.mode == EventMode.ON_SITE:
        if not event.venue_name:
            errors["venue_name"] = _("Podaj miejsce wydarzenia stacjonarnego.")
        if not event.venue_address:
            errors["venue_address"] = _("Podaj adres wydarzenia stacjonarnego.")
    if event.mode == EventMode.ONLINE and not event.online_url:
        errors["online_url"] = _("Podaj link do wydarzenia on-line.")
    if (
        event.registration_deadline
        and event.start
        and event.registration_deadline >= event.start
    ):
        errors["registration_deadline"] = _(
            "Termin zapisów musi upłynąć przed początkiem wydarzenia."
        )
    if event.registration_deadline and not event.registration_url:
        errors["registration_url"] = _(
            "Podaj link do zapisów albo usuń termin zapisów."
        )
    return errors


class EventIndexPage(LemmatisedSearchMixin, RoutablePageMixin, Page):
    """Upcoming and past events of one language, filterable by type, with iCal."""

    intro = models.TextField(
        _("wstęp"),
        blank=True,
        max_length=600,
        help_text=_("Jedno lub dwa zdania nad listą wydarzeń."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_lemmas"),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lista wydarzeń")
        verbose_name_plural = _("listy wydarzeń")

    def events(self):
        """Live, public events of this index (this language), unordered."""
        return (
            EventPage.objects.child_of(self)
            .live()
            .exclude(restricted_q())
            .filter(locale_id=self.locale_id)
        )

    def upcoming_events(self, now=None):
        """Events not yet over, soonest first."""
        now = now or timezone.now()
        return self.events().filter(end__gte=now).order_by("start", "pk")

    def past_events(self, now=None):
        """Events that are over, the most recent first."""
        now = now or timezone.now()
        return self.events().filter(end__lt=now).order_by("-start", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        archive = request.GET.get("archiwum") == "1"
        events = self.past_events() if archive else self.upcoming_events()
        active_type = request.GET.get("typ")
        if active_type not in EventType.values:
            active_type = None
        if active_type:
            events = events.filter(event_type=active_type)
        events = events.select_related("lead_image").prefetch_related(
            "lead_image__renditions"
        )
        index_url = self.get_url(request)
        context.update(
            events_page=Paginator(events, EVENTS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            archive=archive,
            event_types=EventType.choices,
            active_type=active_type,
            active_type_label=EventType(active_type).label if active_type else "",
            ical_url=index_url + self.reverse_subpage("ical"),
        )
        return context

    @path("ical/", name="ical")
    def ical_feed(self, request):
        since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
        events = self.events().filter(end__gte=since).order_by("start", "pk")
        return ical_response(
            ical_calendar(self.title, events[:FEED_MAX_EVENTS], request)
        )


class EventPage(LemmatisedSearchMixin, RoutablePageMixin, Page):
    """One event: when, what kind, where (or the on-line link), how to register."""

    start = models.DateTimeField(
        _("początek"), help_text=_("Data i godzina czasu polskiego.")
    )
    end = models.DateTimeField(
        _("koniec"), help_text=_("Nie wcześniej niż początek wydarzenia.")
    )
    event_type = models.CharField(
        _("rodzaj wydarzenia"),
        max_length=20,
        choices=EventType.choices,
        default=EventType.TRAINING,
    )
    mode = models.CharField(
        _("forma"),
        max_length=20,
        choices=EventMode.choices,
        default=EventMode.ON_SITE,
        help_text=_("Wydarzenie stacjonarne wymaga miejsca i adresu, on-line – linku."),
    )
    venue_name = models.CharField(
        _("miejsce"),
        max_length=200,
        blank=True,
        help_text=_("Np. Mazowieckie Centrum Polityki Społecznej, sala 501."),
    )
    venue_address = models.CharField(
        _("adres"),
        max_length=250,
        blank=True,
        help_text=_("Ulica, numer, kod pocztowy i miejscowość."),
    )
    online_url = models.URLField(
        _("link do wydarzenia on-line"),
        blank=True,
        help_text=_("Adres spotkania (np. Zoom, Teams) lub transmisji."),
    )
    registration_url = models.URLField(
        _("link do zapisów"),
        blank=True,
        help_text=_("Formularz zgłoszeniowy; puste = bez zapisów."),
    )
    registration_deadline = models.DateTimeField(
        _("termin zapisów"),
        null=True,
        blank=True,
        help_text=_("Po tym terminie strona pokaże, że rejestracja jest zamknięta."),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("Krótki opis: na liście wydarzeń i w kalendarzu (iCal)."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("obraz główny"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("tekst alternatywny obrazu"),
        max_length=250,
        blank=True,
        help_text=_("Pusty = obraz dekoracyjny, pomijany przez czytniki ekranu."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("treść"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("event_type"),
        index.SearchField("search_lemmas"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("event_type"), FieldPanel("mode")]),
            ],
            heading=_("Termin i rodzaj"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("venue_name"), FieldPanel("venue_address")]),
                FieldPanel("online_url"),
            ],
            heading=_("Miejsce"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("registration_url"),
                        FieldPanel("registration_deadline"),
                    ]
                )
            ],
            heading=_("Zapisy"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Obraz główny"),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("wydarzenie")
        verbose_name_plural = _("wydarzenia")
        indexes = [models.Index(fields=["end", "start"])]

    def clean(self):
        super().clean()
        errors = event_validation_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self):
        return self.mode == EventMode.ONLINE

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def registration_open(self):
        """Registration is possible: a link, and the deadline (if any) not passed."""
        if not self.registration_url or self.is_past:
            return False
        deadline = self.registration_deadline or self.start
        return timezone.now() < deadline

    @property
    def is_single_day(self):
        return timezone.localdate(self.start) == timezone.localdate(self.end)

    @property
    def location_text(self):
        if self.is_online:
            return self.online_url
        return ", ".join(part for part in (self.venue_name, self.venue_address) if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["event_index"] = self.get_parent()
        context["ics_url"] = self.get_url(request) + self.reverse_subpage("ics")
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        return ical_response(
            ical_calendar(self.title, [self], request), filename=f"{self.slug}.ics"
        )
