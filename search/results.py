"""Turning a visitor's words into a query, and a found page into a result to show."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.search.query import And, Or, PlainText

from .index import searchable_texts
from .lemmas import WORD, forms, language_of

SNIPPET_WORDS = 30
# Words shown before the first match, so it is read in its sentence.
SNIPPET_LEAD = 8
# How far into a long page we look for a match before showing its beginning.
SCAN_WORDS = 3000

# What a visitor calls each kind of page (the model names are written for editors).
PAGE_TYPES = {
    "home.homepage": _("Strona główna"),
    "home.standardpage": _("Strona"),
    "home.campaignpage": _("Kampania"),
    "home.newsindexpage": _("Aktualności"),
    "home.newspage": _("Aktualność"),
    "home.eventindexpage": _("Wydarzenia"),
    "home.eventpage": _("Wydarzenie"),
    "home.advocatesdirectorypage": _("Rzecznicy ekonomii społecznej"),
    "home.accessibilitystatementpage": _("Deklaracja dostępności"),
    "competition.competitionindexpage": _("Konkurs"),
    "competition.competitionpage": _("Edycja konkursu"),
}

# The date a result shows: the one the page is about, else when it last changed.
PAGE_DATES = {
    "home.newspage": ("date", _("Opublikowano")),
    "home.eventpage": ("start", _("Termin")),
    "competition.competitionpage": ("submissions_close_at", _("Zgłoszenia do")),
}
DEFAULT_DATE = ("last_published_at", _("Zaktualizowano"))


def query_words(query):
    """The distinct words of a query, lower-case, in order (single letters dropped:
    "i", "w", "z" are everywhere and only narrow an AND query to nothing)."""
    seen = {}
    for word in WORD.findall(query):
        if len(word) > 1:
            seen.setdefault(word.lower(), None)
    return list(seen)


def build_query(query, language_code):
    """A backend query: every word must match, in any of its forms."""
    language = language_of(language_code)
    clauses = []
    for word in query_words(query):
        alternatives = [PlainText(form) for form in sorted(forms(word, language))]
        clauses.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)


def query_forms(query, language_code):
    """Every form of every query word: a word of a page matching one is marked."""
    language = language_of(language_code)
    return set().union(*(forms(word, language) for word in query_words(query)))


def _tokens(text):
    """``text`` cut into alternating (is_word, piece) pairs that join back to it."""
    position = 0
    for match in WORD.finditer(text):
        if match.start() > position:
            yield False, text[position : match.start()]
        yield True, match.group(0)
        position = match.end()
    if position < len(text):
        yield False, text[position:]


def _matches(word, wanted, language):
    return not wanted.isdisjoint(forms(word, language))


def mark(text, wanted, language_code):
    """``text`` escaped, with each word that is a form of a wanted word in <mark>."""
    language = language_of(language_code)
    pieces = (
        format_html("<mark>{}</mark>", piece)
        if is_word and _matches(piece, wanted, language)
        else piece
        for is_word, piece in _tokens(text)
    )
    # format_html_join escapes the plain pieces; the marked ones already are.
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def snippet(page, wanted):
    """About SNIPPET_WORDS words of the page's text (title left out) around the
    first match, as escaped HTML with the matched words marked."""
    language_code = page.locale.language_code
    language = language_of(language_code)
    text = " ".join(" ".join(searchable_texts(page, include_title=False)).split())
    if not text:
        return ""
    pieces = list(_tokens(text))
    word_positions = [i for i, (is_word, _piece) in enumerate(pieces) if is_word]
    first = next(
        (
            n
            for n, i in enumerate(word_positions[:SCAN_WORDS])
            if _matches(pieces[i][1], wanted, language)
        ),
        0,
    )
    start_word = max(first - SNIPPET_LEAD, 0)
    end_word = min(start_word + SNIPPET_WORDS, len(word_positions))
    start = word_positions[start_word]
    end = word_positions[end_word] if end_word < len(word_positions) else len(pieces)
    excerpt = "".join(piece for _is_word, piece in pieces[start:end]).strip()
    html = mark(excerpt, wanted, language_code)
    prefix = "… " if start_word > 0 else ""
    suffix = " …" if end < len(pieces) else ""
    return format_html("{}{}{}", prefix, html, suffix)


def page_type(page):
    label = page._meta.label_lower
    return PAGE_TYPES.get(label) or page._meta.verbose_name


def page_date(page):
    """(label, datetime or date) shown with a result, or None."""
    attribute, label = PAGE_DATES.get(page._meta.label_lower, DEFAULT_DATE)
    value = getattr(page, attribute, None)
    return (label, value) if value else None


def result(page, query):
    """What the results list shows for one found page."""
    language_code = page.locale.language_code
    wanted = query_forms(query, language_code)
    date = page_date(page)
    return {
        "page": page,
        "title": mark(page.title, wanted, language_code),
        "type": page_type(page),
        "date_label": date[0] if date else None,
        "date": date[1] if date else None,
        "snippet": snippet(page, wanted),
    }
