"""Factories for the page types (wagtail-factories builds pages in the tree)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.models import (
    Advocate,
    AdvocatesDirectoryPage,
    CampaignPage,
    EventIndexPage,
    EventPage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strona {n}")
    slug = factory.Sequence(lambda n: f"strona-{n}")
    intro = "Wstęp strony."
    live = True

    class Meta:
        model = StandardPage


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategoria {n}")
    slug = factory.Sequence(lambda n: f"kategoria-{n}")

    class Meta:
        model = NewsCategory


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktualności"
    slug = "aktualnosci"
    intro = "Co słychać w ekonomii społecznej."
    live = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Aktualność {n}")
    slug = factory.Sequence(lambda n: f"aktualnosc-{n}")
    lead = factory.Sequence(lambda n: f"Lead aktualności {n}.")
    live = True

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Wydarzenia"
    slug = "wydarzenia"
    intro = "Jarmarki, szkolenia i spotkania."
    live = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An on-site training starting in a week, two hours long."""

    title = factory.Sequence(lambda n: f"Wydarzenie {n}")
    slug = factory.Sequence(lambda n: f"wydarzenie-{n}")
    lead = factory.Sequence(lambda n: f"Opis wydarzenia {n}.")
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    event_type = "szkolenie"
    mode = "stacjonarnie"
    venue_name = "MCPS, sala 501"
    venue_address = "ul. Grzybowska 80/82, 00-844 Warszawa"
    live = True

    class Meta:
        model = EventPage


class AdvocateFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Rzecznik {n:03d}")
    role = "pracownik socjalny GOPS"
    institution = factory.Sequence(lambda n: f"Gminny Ośrodek Pomocy Społecznej {n}")
    gmina_code = "1408011"  # Legionowo
    email = factory.Sequence(lambda n: f"rzecznik{n}@gops.example.org")
    phone = "22 100 10 01"

    class Meta:
        model = Advocate


class AdvocatesDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Rzecznicy ekonomii społecznej"
    slug = "rzecznicy"
    intro = "Znajdź rzecznika w swojej gminie."
    live = True

    class Meta:
        model = AdvocatesDirectoryPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = "Ekonomia społeczna nie wyklucza"
    slug = "kampania"
    slogan = "Praca, która daje miejsce we wspólnocie"
    intro = "Kampania o ludziach ekonomii społecznej."
    start_date = datetime.date(2021, 5, 26)
    live = True

    class Meta:
        model = CampaignPage
