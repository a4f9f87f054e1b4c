"""Factories for the page types (wagtail-factories builds pages in the tree)."""

import factory
import wagtail_factories

from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strona {n}")
    slug = factory.Sequence(lambda n: f"strona-{n}")
    intro = "Wstęp strony."
    live = True

    class Meta:
        model = StandardPage
