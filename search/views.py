"""Site search: live pages of the current language, in any inflected form of the
visitor's words (see ``lemmas.py``), paginated, safe on any input."""

import logging
import re

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.models import Locale, Page

from .results import build_query, mark, query_forms, result

logger = logging.getLogger(__name__)

# Characters that carry no meaning for a visitor and only confuse query parsers.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w{2,}", re.UNICODE)


def clean_query(raw):
    """Strip control characters and cap the length; return '' for nothing usable."""
    query = _CONTROL.sub(" ", raw or "")
    query = " ".join(query.split())[: settings.SEARCH_QUERY_MAX_LENGTH]
    return query if _WORD.search(query) else ""


def highlight(text, query, language_code="pl"):
    """Escape `text`; wrap each word that is a form of a word of `query` in <mark>."""
    return mark(text, query_forms(query, language_code), language_code)


class PinnedFirst:
    """Search results with a few pages moved to the top, sliceable for Paginator."""

    def __init__(self, pinned, rest):
        self.pinned = list(pinned)
        self.rest = rest

    def count(self):
        return len(self.pinned) + self.rest.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        pinned = len(self.pinned)
        rest_start = max(start - pinned, 0)
        rest_stop = None if stop is None else max(stop - pinned, 0)
        rest = self.rest[rest_start:rest_stop] if rest_stop != 0 else []
        return self.pinned[start:stop] + list(rest)


def open_editions(pages, now=None):
    """Editions taking submissions now: a visitor whose words they match wants
    them before any news about them, however often the news repeat the words."""
    from competition.models import CompetitionPage

    now = now or timezone.now()
    return pages.filter(
        id__in=CompetitionPage.objects.filter(
            submissions_open_at__lte=now, submissions_close_at__gt=now
        ).values("pk")
    )


def search(request):
    raw_query = request.GET.get("query", "")
    query = clean_query(raw_query)
    results_page = None
    results = []
    backend_query = build_query(query, Locale.get_active().language_code)
    if backend_query is not None:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=1)
            .specific()
        )
        try:
            pinned = list(open_editions(pages).search(backend_query))
            rest = pages.exclude(id__in=[page.pk for page in pinned])
            paginator = Paginator(
                PinnedFirst(pinned, rest.search(backend_query)),
                settings.SEARCH_RESULTS_PER_PAGE,
            )
            results_page = paginator.get_page(request.GET.get("page"))
            results = [result(page, query) for page in results_page.object_list]
        except Exception:  # a query the backend cannot parse is "no results"
            logger.warning("Search failed for %r", query, exc_info=True)
            results_page, results = None, []
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "query_was_trimmed": bool(raw_query)
            and query != " ".join(raw_query.split()),
            "results_page": results_page,
            "results": results,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
