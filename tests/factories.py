"""Factories for the page types (wagtail-factories builds pages in the tree)."""

import factory
import wagtail_factories

from home.models import NewsCategory, NewsIndexPage, NewsPage, StandardPage


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
