"""The competition's landing page, which lists the editions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from search.index import LemmatisedSearchMixin

from .pages import CompetitionPage, results_published_q


class CompetitionIndexPage(LemmatisedSearchMixin, Page):
    """The competition's landing page: lists its editions, newest first."""

    intro = RichTextField(
        _("wstęp"), blank=True, features=RICH_TEXT_FEATURES, max_length=4000
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_lemmas"),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["competition.CompetitionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("strona konkursu")
        verbose_name_plural = _("strony konkursu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = CompetitionPage.objects.child_of(self).live().public()
        context["editions"] = editions.order_by("-submissions_open_at")
        context["results_archive"] = editions.filter(results_published_q()).order_by(
            "-submissions_open_at"
        )
        return context
