"""The public face of an edition: its phase, categories, "Zgłoś" buttons, the
index of editions, and the home page teaser that follows the clock."""

import re
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from competition.models import CompetitionIndexPage, CompetitionPage
from demo.campaign import minimal_pdf
from home.models import HomePage

from . import builders

WARSAW = ZoneInfo("Europe/Warsaw")

# Submissions for the edition most tests use: 2 March 09:00 to 31 March 23:59:59
# (stored, as editors enter it, as 1 April 00:00).
OPENS = datetime(2030, 3, 2, 9, 0, tzinfo=WARSAW)
CLOSES = datetime(2030, 4, 1, 0, 0, tzinfo=WARSAW)
EDITION_URL = "/konkurs/mmes-2030/"


def at(instant):
    """Freeze the clock the pages read (django.utils.timezone.now)."""
    return mock.patch("django.utils.timezone.now", return_value=instant)


def text(html):
    """The page's visible text with whitespace collapsed."""
    return " ".join(strip_tags(html).split())


def main(html):
    return html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]


def apply_links(html):
    return re.findall(r'<a class="button" href="([^"]+/zgloszenie/[^"]+)">', html)


@pytest.fixture
def edition_2030(home):
    page = builders.edition(
        home, code="MMES-2030", opens=OPENS, closes=CLOSES, categories=()
    )
    builders.category(
        page,
        "reintegracja",
        sort_order=0,
        name="Reintegracja",
        name_en="Reintegration",
        description="Za działania na rzecz aktywizacji społecznej i zawodowej.",
        description_en="For social and vocational activation.",
        who_may_apply_en="Social economy entities from Mazovia.",
    )
    builders.category(
        page,
        "osobowosc",
        sort_order=1,
        name="Osobowość",
        name_en="Personality",
        description="Dla osób, które rozwijają ekonomię społeczną.",
        description_en="For people who develop the social economy.",
    )
    return page


# The phase box and the "Zgłoś" buttons ------------------------------------


def test_open_edition_shows_deadline_days_left_and_a_button_per_category(
    client, edition_2030
):
    with at(datetime(2030, 3, 2, 12, 0, tzinfo=WARSAW)):
        html = main(client.get(EDITION_URL).text)
    assert "Nabór trwa do 31 marca 2030, 23:59 (zostało 29 dni)." in text(html), text(
        html
    )
    assert '<time datetime="2030-03-31T23:59:59+02:00">' in html
    assert apply_links(html) == [
        f"{EDITION_URL}zgloszenie/reintegracja/",
        f"{EDITION_URL}zgloszenie/osobowosc/",
    ]
    # The button's accessible name says which category it is for.
    assert (
        'zgloszenie/reintegracja/">Zgłoś<span class="visually-hidden"> '
        "w kategorii Reintegracja</span></a>"
    ) in html
    assert "Za działania na rzecz aktywizacji społecznej i zawodowej." in html
    assert "Podmioty ekonomii społecznej z Mazowsza." in html
    assert "W tej kategorii zgłasza się osobę" in html  # osobowosc


@pytest.mark.parametrize(
    "now, expected",
    [
        (datetime(2030, 3, 30, 23, 59, tzinfo=WARSAW), "(został 1 dzień)."),
        (datetime(2030, 3, 31, 0, 0, tzinfo=WARSAW), "(to ostatni dzień naboru)."),
        (datetime(2030, 3, 31, 23, 59, 59, tzinfo=WARSAW), "(to ostatni dzień"),
    ],
)
def test_days_left_count_calendar_days_in_warsaw(client, edition_2030, now, expected):
    with at(now):
        assert expected in text(client.get(EDITION_URL).text)


def test_buttons_go_at_the_closing_instant(client, edition_2030):
    with at(CLOSES - timedelta(seconds=1)):
        html = main(client.get(EDITION_URL).text)
    assert len(apply_links(html)) == 2
    assert "Wybierz kategorię i zgłoś się" in html
    with at(CLOSES):
        html = main(client.get(EDITION_URL).text)
    assert apply_links(html) == []
    assert "Zgłoś" not in text(html).replace("zgłoszenie", "")
    assert "Nabór zakończony." in text(html)
    # The categories are still described after the close.
    assert "Reintegracja" in html and "Osobowość" in html


def test_buttons_appear_at_the_opening_instant(client, edition_2030):
    with at(OPENS - timedelta(seconds=1)):
        html = main(client.get(EDITION_URL).text)
    assert apply_links(html) == []
    assert "Nabór jeszcze się nie rozpoczął – ruszy 2 marca 2030, 09:00." in text(html)
    with at(OPENS):
        html = main(client.get(EDITION_URL).text)
    assert len(apply_links(html)) == 2


def test_jury_phase_and_results(client, edition_2030):
    with at(edition_2030.jury_opens_at):
        html = main(client.get(EDITION_URL).text)
    assert "Trwa ocena jury." in text(html)
    assert "wyniki/" not in html
    with at(edition_2030.jury_closes_at):
        html = main(client.get(EDITION_URL).text)
    assert "Ocena jury zakończona. Wyniki ogłosimy wkrótce." in text(html)
    assert "wyniki/" not in html
    published = edition_2030.results_at
    CompetitionPage.objects.filter(pk=edition_2030.pk).update(
        results_published_at=published
    )
    with at(published + timedelta(hours=1)):
        html = main(client.get(EDITION_URL).text)
    assert "Wyniki ogłoszone." in text(html)
    assert f'href="{EDITION_URL}wyniki/"' in html
    assert apply_links(html) == []


def test_rules_faq_contact_and_how_to_follow(client, edition_2030):
    Document = get_document_model()
    rules = Document(title="Regulamin MMES 2030")
    rules.file = ContentFile(minimal_pdf("Regulamin"), name="regulamin.pdf")
    rules._set_document_file_metadata()
    rules.save()
    page = CompetitionPage.objects.get(pk=edition_2030.pk)
    page.rules_document = rules
    page.contact_name = "Wydział Ekonomii Społecznej MCPS"
    page.contact_email = "mcps@mcps.com.pl"
    page.contact_phone = "22 376 85 00"
    page.faq = [
        {
            "type": "question",
            "value": {
                "question": "Czy można zgłosić się w dwóch kategoriach?",
                "answer": "<p>Tak, osobnym zgłoszeniem w każdej.</p>",
            },
        }
    ]
    page.save_revision().publish()
    with at(OPENS + timedelta(days=1)):
        html = main(client.get(EDITION_URL).text)
    assert re.search(r'href="[^"]+regulamin[^"]*\.pdf" download>', html)
    assert re.search(r"\(PDF, \d+(\.\d+)?\xa0(bajtów|bajty|bajt|KB)\)", html), html
    assert '<details class="faq-item">' in html
    assert "<summary>Czy można zgłosić się w dwóch kategoriach?</summary>" in html
    assert 'href="mailto:mcps@mcps.com.pl"' in html
    assert 'href="tel:223768500"' in html
    assert 'href="#status-zgloszenia"' in html and 'id="status-zgloszenia"' in html
    assert "prywatnym linkiem do strony jego statusu" in html


# Translation -----------------------------------------------------------------


def test_english_edition_lists_the_same_categories_in_english(
    client, edition_2030, home_en, locales
):
    index = CompetitionIndexPage.objects.get(pk=edition_2030.get_parent().pk)
    index_en = index.copy_for_translation(locales["en"])
    index_en.title, index_en.slug = "Competition", "competition"
    index_en.save_revision().publish()
    page_en = edition_2030.copy_for_translation(locales["en"]).specific
    page_en.title = "Mazovian Social Economy Brand 2030"
    page_en.save_revision().publish()
    with at(OPENS + timedelta(days=1)):
        html = main(client.get("/en/competition/mmes-2030/").text)
    names = re.findall(r'class="category-card__title">([^<]+)</h3>', html)
    assert names == ["Reintegration", "Personality"]
    assert "For social and vocational activation." in html
    assert "Social economy entities from Mazovia." in html
    assert apply_links(html) == [
        "/en/competition/mmes-2030/zgloszenie/reintegracja/",
        "/en/competition/mmes-2030/zgloszenie/osobowosc/",
    ]
    assert "Reintegracja" not in html


# The index ---------------------------------------------------------------------


def test_index_lists_editions_newest_first_with_their_phase(client, home):
    now = datetime(2030, 5, 1, 12, 0, tzinfo=WARSAW)
    for year, opens in ((2028, -800), (2030, -10), (2029, -400)):
        start = now + timedelta(days=opens)
        builders.edition(
            home,
            code=f"MMES-{year}",
            opens=start,
            closes=start + timedelta(days=30),
            categories=(),
        )
    with at(now):
        html = main(client.get("/konkurs/").text)
    titles = re.findall(r'class="edition-card__title"><a href="[^"]+">([^<]+)<', html)
    assert titles == [
        "Mazowiecka Marka Ekonomii Społecznej 2030",
        "Mazowiecka Marka Ekonomii Społecznej 2029",
        "Mazowiecka Marka Ekonomii Społecznej 2028",
    ]
    badges = re.findall(r'class="phase-badge phase-badge--(\w+)">([^<]+)<', html)
    assert badges == [
        ("open", "Nabór trwa"),
        ("jury", "Ocena jury"),
        ("jury", "Ocena jury"),
    ]
    assert html.count("Zgłoś się") == 1


# The home page teaser --------------------------------------------------------


def test_home_teaser_shows_the_newest_edition_of_its_language(
    client, home, home_en, edition_2030
):
    builders.edition(
        HomePage.objects.get(pk=home.pk),
        code="MMES-2029",
        opens=OPENS - timedelta(days=365),
        closes=CLOSES - timedelta(days=365),
        categories=(),
    )
    with at(OPENS + timedelta(days=1)):
        html = main(client.get("/").text)
        html_en = main(client.get("/en/").text)
    assert 'aria-labelledby="home-competition-title"' in html
    assert ">Mazowiecka Marka Ekonomii Społecznej 2030</h2>" in html
    assert "2029" not in html
    assert (
        f'<a class="button" href="{EDITION_URL}#kategorie">Zgłoś się do 31 marca 2030'
        in html
    )
    assert "Nabór trwa do 31 marca 2030, 23:59" in text(html)
    # No English edition yet: no teaser on the English home.
    assert "home-competition" not in html_en


def test_home_teaser_skips_private_editions(client, edition_2030):
    PageViewRestriction.objects.create(
        page=edition_2030, restriction_type=PageViewRestriction.LOGIN
    )
    with at(OPENS + timedelta(days=1)):
        assert "home-competition" not in client.get("/").text


def test_home_teaser_closes_with_the_deadline_even_from_a_warm_cache(client, home):
    # Close mid-way through a ten-minute bucket of the home page's cache, so
    # only the edition's phase in the cache key can change what is served.
    closes = datetime(2030, 4, 1, 0, 5, tzinfo=WARSAW)
    builders.edition(
        home,
        code="MMES-2030",
        opens=OPENS,
        closes=closes,
        categories=("reintegracja",),
    )
    before, after = closes - timedelta(minutes=1), closes + timedelta(minutes=1)
    assert before.timestamp() // 600 == after.timestamp() // 600
    with at(before):
        client.get("/")  # render and cache the body
        html = client.get("/").text
    assert "Zgłoś się" in html
    with at(after):
        html = client.get("/").text
    assert "Zgłoś się" not in html
    assert "Nabór zakończony." in text(html)
    assert f'href="{EDITION_URL}">Więcej o konkursie' in html


def call_to_action(html):
    """The competition's box inside the home page's hero, as visible text."""
    hero = html.split('<section class="hero', 1)[1].split("</section>\n", 2)
    box = hero[0].split('<section class="home-competition"', 1)[1]
    return text(box), re.findall(r'<a (?:class="button" )?href="([^"]+)"', box)


@pytest.mark.parametrize(
    "instant, words, link",
    [
        (OPENS - timedelta(days=3), "Nabór rusza 2 marca 2030", EDITION_URL),
        (
            OPENS + timedelta(days=1),
            "Zgłoś się do 31 marca 2030",
            EDITION_URL + "#kategorie",
        ),
        (CLOSES + timedelta(hours=2), "Nabór zakończony", EDITION_URL),
        (CLOSES + timedelta(days=3), "Trwa ocena", EDITION_URL),
        (CLOSES + timedelta(days=60), "Poznaj laureatów", EDITION_URL + "wyniki/"),
    ],
    ids=["upcoming", "open", "closed", "jury", "results"],
)
def test_home_leads_with_the_competitions_call_to_action_for_its_phase(
    client, edition_2030, instant, words, link
):
    CompetitionPage.objects.filter(pk=edition_2030.pk).update(
        results_published_at=CLOSES + timedelta(days=50)
    )
    with at(instant):
        html = main(client.get("/").text)
    shown, links = call_to_action(html)
    assert words in shown
    assert links == [link]
    # In the hero, under the h1: before the campaign's, the news' and events' sections.
    assert html.index('id="hero-title"') < html.index("home-competition-title")
    assert html.index("home-competition-title") < html.index("home-news-title")


def test_english_home_says_apply_by_with_the_english_date(
    client, home_en, locales, edition_2030
):
    index_en = CompetitionIndexPage.objects.get(
        pk=edition_2030.get_parent().pk
    ).copy_for_translation(locales["en"])
    index_en.title, index_en.slug = "Competition", "competition"
    index_en.save_revision().publish()
    page_en = edition_2030.copy_for_translation(locales["en"]).specific
    page_en.title = "Mazovian Social Economy Brand 2030"
    page_en.save_revision().publish()
    with at(OPENS + timedelta(days=1)):
        shown, links = call_to_action(main(client.get("/en/").text))
    assert "Apply by 31 March 2030" in shown
    assert links == ["/en/competition/mmes-2030/#kategorie"]


def test_home_announces_the_laureates_the_moment_results_are_out_from_a_warm_cache(
    client, edition_2030
):
    # Results fall mid-way through a ten-minute bucket and with no publish of
    # any page: only the phase in the home body's cache key can change it.
    out = datetime(2030, 6, 20, 12, 5, tzinfo=WARSAW)
    CompetitionPage.objects.filter(pk=edition_2030.pk).update(results_published_at=out)
    before, after = out - timedelta(minutes=1), out + timedelta(minutes=1)
    assert before.timestamp() // 600 == after.timestamp() // 600
    with at(before):
        client.get("/")
        assert "Wyniki już wkrótce" in call_to_action(client.get("/").text)[0]
    with at(after):
        shown, links = call_to_action(client.get("/").text)
    assert "Poznaj laureatów" in shown and links == [EDITION_URL + "wyniki/"]


def test_warm_home_with_a_teaser_stays_within_the_query_budget(
    client, edition_2030, django_assert_max_num_queries
):
    with at(OPENS + timedelta(days=1)):
        client.get("/")
        with django_assert_max_num_queries(12):
            assert "Zgłoś się" in client.get("/").text


# Validation --------------------------------------------------------------------


def test_clean_rejects_dates_out_of_order(edition_2030):
    page = CompetitionPage.objects.get(pk=edition_2030.pk)
    page.jury_opens_at = page.submissions_close_at - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) == {"jury_opens_at"}

    page = CompetitionPage.objects.get(pk=edition_2030.pk)
    page.submissions_close_at = page.submissions_open_at
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "submissions_close_at" in error.value.message_dict


def test_clean_rejects_a_code_another_edition_has(home, edition_2030, locales):
    other = builders.edition(
        HomePage.objects.get(pk=home.pk), code="MMES-2031", categories=()
    )
    other.code = " mmes-2030 "
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert error.value.message_dict["code"] == ["Inna edycja ma już ten kod."]
    # The edition's own translation shares the code without a clash.
    translation = edition_2030.copy_for_translation(locales["en"], copy_parents=True)
    translation.full_clean()
    assert translation.code == "MMES-2030"
