"""Site search: live pages of the current language, paginated, safe on any input."""

import logging
import re

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

# Characters that carry no meaning for a visitor and only confuse query parsers.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w{2,}", re.UNICODE)


def clean_query(raw):
    """Strip control characters and cap the length; return '' for nothing usable."""
    query = _CONTROL.sub(" ", raw or "")
    query = " ".join(query.split())[: settings.SEARCH_QUERY_MAX_LENGTH]
    return query if _WORD.search(query) else ""


def highlight(text, query):
    """Escape `text` and wrap each word of `query` found in it in <mark>."""
    words = sorted({w.lower() for w in _WORD.findall(query)}, key=len, reverse=True)
    escaped = escape(text)
    if not words:
        return mark_safe(escaped)  # noqa: S308 - escaped above
    pattern = re.compile("|".join(re.escape(escape(w)) for w in words), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))  # noqa: S308


def search(request):
    raw_query = request.GET.get("query", "")
    query = clean_query(raw_query)
    results_page = None
    results = []
    if query:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=1)
            .specific()
        )
        try:
            paginator = Paginator(
                pages.search(query, operator="and"), settings.SEARCH_RESULTS_PER_PAGE
            )
            results_page = paginator.get_page(request.GET.get("page"))
            results = [
                {"page": page, "title": highlight(page.title, query)}
                for page in results_page.object_list
            ]
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
