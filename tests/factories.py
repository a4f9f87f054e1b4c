"""Factories for the page types (wagtail-factories builds pages in the tree)."""

import factory
import wagtail_factories

from home.models import (
    Advocate,
    AdvocatesDirectoryPage,
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
