"""Search understands Polish: inflected forms find each other, editions and their
categories are found, and each result says what it is, when, and where the words are.

Runs on whichever database the suite runs on (SQLite locally, PostgreSQL in CI).
"""

import datetime
import re

import pytest
from django.utils import timezone

from competition.models import Category
from tests.competition import builders
from tests.competition.builders import (
    CampaignPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

RESULT_LINK = re.compile(r'<h2><a href="([^"]+)"')


def _publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def pages(home):
    """A small site whose pages use the words only in inflected forms."""
    StandardPageFactory(
        parent=home,
        title="Spółdzielnie socjalne na Mazowszu",
        slug="spoldzielnie",
        intro="Jak założyć własną firmę społeczną i z kim współpracować.",
    )
    StandardPageFactory(
        parent=home,
        title="Kontakt",
        slug="kontakt",
        intro="Napisz do nas: zespół ekonomii społecznej odpowiada w dwa dni.",
    )
    news_index = NewsIndexPageFactory(parent=home, intro="Co słychać na Mazowszu.")
    NewsPageFactory(
        parent=news_index,
        title="Nowe miejsca pracy",
        slug="miejsca-pracy",
        lead="W spółdzielniach z Radomia zatrudniono dwadzieścia osób.",
        date=datetime.date(2026, 10, 5),
    )
    event_index = EventIndexPageFactory(parent=home, intro="Spotkania i jarmarki.")
    EventPageFactory(
        parent=event_index,
        title="Szkolenie z biznesplanu",
        slug="biznesplan",
        lead="Dla członków spółdzielni, które dopiero zaczynają.",
    )
    edition = builders.edition(home, categories=("reintegracja",))
    edition.intro = "<p>Zgłoś się do <b>konkursu</b> do końca marca.</p>"
    _publish(edition)
    category = Category.objects.get(edition=edition)
    category.description = "Dla przedsiębiorstw, które zatrudniają osoby wykluczone."
    category.save()
    return {"edition": edition, "category": category}


def found(client, query, path="/search/"):
    html = client.get(path, {"query": query}).text
    return html, RESULT_LINK.findall(html)


SPOLDZIELNIA = {
    "/spoldzielnie/",
    "/aktualnosci/miejsca-pracy/",
    "/wydarzenia/biznesplan/",
}
EDITION = "/konkurs/mmes-2027/"


@pytest.mark.parametrize(
    "query,must_find,must_not_find",
    [
        # one noun in four cases, and typed without Polish letters
        ("spółdzielnia", SPOLDZIELNIA, {"/kontakt/", EDITION}),
        ("spółdzielni", SPOLDZIELNIA, {"/kontakt/"}),
        ("spółdzielniach", SPOLDZIELNIA, {"/kontakt/"}),
        ("spółdzielnie", SPOLDZIELNIA, {"/kontakt/"}),
        ("spoldzielnia", SPOLDZIELNIA, {"/kontakt/"}),
        # the edition's text says "konkursu"
        ("konkurs", {EDITION}, {"/kontakt/", "/spoldzielnie/"}),
        ("konkursy", {EDITION}, {"/kontakt/"}),
        # its category's name and description live outside the page
        ("reintegracji", {EDITION}, {"/spoldzielnie/"}),
        ("przedsiębiorstwo", {EDITION}, {"/spoldzielnie/"}),
        # adjectives agree with their nouns
        ("społeczna ekonomia", {"/kontakt/"}, {"/spoldzielnie/"}),
        ("firma społeczna", {"/spoldzielnie/"}, {"/kontakt/"}),
        # every word must match, in some form
        ("spółdzielnia szkolenia", {"/wydarzenia/biznesplan/"}, {"/spoldzielnie/"}),
        # place names too ("na Mazowszu")
        ("Mazowsze", {"/spoldzielnie/"}, {"/kontakt/"}),
    ],
)
def test_polish_queries_find_inflected_forms(
    client, pages, query, must_find, must_not_find
):
    _html, links = found(client, query)
    assert must_find <= set(links), links
    assert not must_not_find & set(links), links


def test_each_result_is_listed_once(client, pages):
    _html, links = found(client, "spółdzielnia")
    assert len(links) == len(set(links))


def test_home_and_campaign_pages_with_one_title_say_what_they_are(client, home):
    home.title = "Ekonomia społeczna nie wyklucza"
    _publish(home)
    CampaignPageFactory(parent=home, title="Ekonomia społeczna nie wyklucza")
    html, links = found(client, "ekonomia społeczna nie wyklucza")
    assert links == ["/", "/kampania/"] or links == ["/kampania/", "/"]
    assert "<span>Strona główna</span>" in html
    assert "<span>Kampania</span>" in html


def test_result_shows_type_date_and_a_marked_plain_text_snippet(client, pages):
    html, _links = found(client, "spółdzielnia")
    news = html.split('href="/aktualnosci/miejsca-pracy/"', 1)[1].split("</li>", 1)[0]
    assert "<span>Aktualność</span>" in news
    assert '<time datetime="2026-10-05">5 października 2026</time>' in news
    assert "W <mark>spółdzielniach</mark> z Radomia zatrudniono" in news


def test_rich_text_snippet_has_no_markup(client, pages):
    html, _links = found(client, "konkurs")
    edition = html.split(f'href="{EDITION}"', 1)[1].split("</li>", 1)[0]
    assert "<span>Edycja konkursu</span>" in edition
    assert "Zgłoś się do <mark>konkursu</mark> do końca marca." in edition
    assert "<p>" not in edition.split("search-result-snippet", 1)[1]
    assert "&lt;p&gt;" not in edition and "&lt;b&gt;" not in edition


def test_snippet_escapes_what_an_editor_typed(client, home):
    StandardPageFactory(
        parent=home, title="Skrypty", slug="s", intro="Spółdzielnia <img src=x>"
    )
    html, _links = found(client, "spółdzielnia")
    main = html.split("<main", 1)[1]
    assert "<img" not in main


def test_renaming_a_category_updates_the_edition_in_the_index(client, pages):
    category = pages["category"]
    category.name = "Odkrycie roku"
    category.save()
    _html, links = found(client, "odkrycia")
    assert EDITION in links
    _html, links = found(client, "reintegracja")
    assert EDITION not in links


def test_english_pages_search_in_english(client, pages, home_en, locales):
    edition = pages["edition"]
    translation = edition.copy_for_translation(
        locales["en"], copy_parents=True
    ).specific
    translation.title = "Mazovian Social Economy Brand 2027"
    translation.intro = "<p>Apply to the competitions before March.</p>"
    _publish(translation)
    html, links = found(client, "competition", path="/en/search/")
    assert links == ["/en/konkurs/mmes-2027/"]
    assert "<h1>Search</h1>" in html
    assert "<span>Competition edition</span>" in html
    assert "Apply to the <mark>competitions</mark> before March." in html
    # the category's English name, from the Polish original's categories
    _html, links = found(client, "reintegracja (EN)", path="/en/search/")
    assert links == ["/en/konkurs/mmes-2027/"]


def test_open_edition_comes_first(client, pages, home):
    # A closed edition whose text says "konkurs" more often than the open one.
    past = builders.edition(
        home,
        code="MMES-2025",
        opens=timezone.now() - datetime.timedelta(days=400),
        closes=timezone.now() - datetime.timedelta(days=370),
        categories=(),
    )
    past.intro = "<p>Konkurs, konkursu, konkursowi: konkurs 2025.</p>"
    _publish(past)
    for n in range(12):
        StandardPageFactory(parent=home, title=f"Konkurs {n}", intro="Konkurs.")
    _html, links = found(client, "konkurs")
    assert links[0] == EDITION


def test_heading_levels_are_not_page_text(client, home):
    body = [
        ("heading", {"text": "Nasze spółdzielnie", "level": "h2"}),
        ("paragraph", "<p>Pracujemy razem.</p>"),
    ]
    StandardPageFactory(parent=home, title="O nas", slug="o-nas", body=body)
    html, links = found(client, "spółdzielnia")
    assert links == ["/o-nas/"]
    assert "Nasze <mark>spółdzielnie</mark> Pracujemy razem." in html
    assert "Nagłówek" not in html.split("<main", 1)[1]
    _html, links = found(client, "nagłówek")
    assert links == []


class _Results(list):
    """Stands in for a backend's results: sliceable, with count()."""

    def count(self):
        return len(self)


@pytest.mark.parametrize("pinned,rest", [(0, 25), (1, 0), (1, 9), (1, 10), (2, 23)])
def test_pinned_results_page_like_the_rest(pinned, rest):
    from django.core.paginator import Paginator

    from search.views import PinnedFirst

    top = [f"pin{n}" for n in range(pinned)]
    others = _Results(f"page{n}" for n in range(rest))
    paginator = Paginator(PinnedFirst(top, others), 10)
    shown = [item for number in paginator.page_range for item in paginator.page(number)]
    assert shown == top + others
    assert paginator.count == pinned + rest
