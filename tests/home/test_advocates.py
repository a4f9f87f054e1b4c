"""The advocates' network: the snippet's rules, the directory page, the admin list."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail_factories import ImageFactory

import teryt
from home.models import (
    Advocate,
    AdvocatesDirectoryPage,
    HomePage,
    NewsIndexPage,
    StandardPage,
)
from tests.competition.builders import (
    AdvocateFactory,
    AdvocatesDirectoryPageFactory,
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

# The directory in at most 14 queries at 5 and at 50 advocates: the layout's 7, the
# advocates, their photos' renditions, the forum's category, news and meetings.
DIRECTORY_QUERY_BUDGET = 14

# Gminas spread over a few powiats, for data that is not all in one place.
GMINAS = ["1408011", "1408022", "1463011", "1462011", "1402011", "1402022"]


class TestDirectoryTree(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_only_under_home_without_children(self):
        self.assertAllowedParentPageTypes(AdvocatesDirectoryPage, {HomePage})
        self.assertAllowedSubpageTypes(AdvocatesDirectoryPage, set())

    def test_can_create_only_where_allowed(self):
        home = HomePage.objects.get(depth=2)
        self.assertCanCreateAt(HomePage, AdvocatesDirectoryPage)
        self.assertCanNotCreateAt(StandardPage, AdvocatesDirectoryPage)
        self.assertCanNotCreateAt(NewsIndexPage, AdvocatesDirectoryPage)
        self.assertCanNotCreateAt(AdvocatesDirectoryPage, StandardPage)
        AdvocatesDirectoryPageFactory(parent=home)
        assert not AdvocatesDirectoryPage.can_create_at(Page.objects.get(pk=home.pk))


# Snippet rules ---------------------------------------------------------------


def test_gmina_advocate_gets_its_powiat(db):
    advocate = Advocate(name="Jan", institution="GOPS", gmina_code="1408022")
    advocate.full_clean()
    assert advocate.powiat_code == "1408"
    advocate.powiat_code = ""
    advocate.save()
    assert Advocate.objects.get(pk=advocate.pk).powiat_code == "1408"
    assert advocate.municipality() == "Jabłonna (gmina wiejska)"


def test_powiat_advocate_needs_only_the_powiat(db):
    advocate = Advocate(name="Anna", institution="PCPR", powiat_code="1417")
    advocate.full_clean()
    assert advocate.gmina is None
    assert advocate.municipality() == "powiat otwocki"


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"gmina_code": "1408999"},
            "gmina_code",
            "Na Mazowszu nie ma gminy o kodzie TERYT 1408999.",
        ),
        (
            {"gmina_code": "1261011"},  # Kraków, Małopolska
            "gmina_code",
            "Na Mazowszu nie ma gminy o kodzie TERYT 1261011.",
        ),
        (
            {"powiat_code": "1431"},  # powiat warszawski, abolished in 2002
            "powiat_code",
            "Na Mazowszu nie ma powiatu o kodzie TERYT 1431.",
        ),
        (
            {"gmina_code": "1408011", "powiat_code": "1463"},
            "powiat_code",
            "Gmina Legionowo (gmina miejska) leży w powiecie powiat legionowski",
        ),
        (
            {},
            "__all__",
            "Wybierz gminę albo, dla rzecznika powiatowego, sam powiat.",
        ),
    ],
)
def test_unknown_or_inconsistent_codes_are_refused_in_polish(
    db, fields, field, message
):
    advocate = Advocate(name="Jan", institution="GOPS", **fields)
    # Explicitly Polish: another test in this worker may leave English active,
    # and the lazy messages are rendered when read, so read them inside.
    with translation.override("pl"):
        with pytest.raises(ValidationError) as error:
            advocate.full_clean()
        messages = error.value.message_dict[field]
    assert any(message in text for text in messages), messages


def test_phone_link_keeps_only_digits_and_country_code():
    assert Advocate(phone="22 100 10 01").phone_href == "+48221001001"
    assert Advocate(phone="+48 600-100-200").phone_href == "+48600100200"
    assert Advocate(phone="wew. brak").phone_href == ""


# The directory page ------------------------------------------------------------


@pytest.fixture
def directory(home):
    return AdvocatesDirectoryPageFactory(parent=home)


@pytest.fixture
def directory_en(directory, home_en, locales):
    page = directory.copy_for_translation(locales["en"]).specific
    page.title, page.slug = "Social economy advocates", "advocates"
    page.save_revision().publish()
    return AdvocatesDirectoryPage.objects.get(pk=page.pk)


def section(html, powiat_code):
    start = html.index(f'id="powiat-{powiat_code}"')
    return html[start : html.index("</section>", start)]


def test_lists_only_active_advocates_grouped_by_powiat(client, directory):
    AdvocateFactory(name="Ola Miejska", gmina_code="1408011")
    AdvocateFactory(name="Piotr Wiejski", gmina_code="1408022")
    AdvocateFactory(
        name="Ewa Powiatowa", gmina_code="", powiat_code="1408", institution="PCPR"
    )
    AdvocateFactory(name="Radomianin", gmina_code="1463011")
    AdvocateFactory(name="Nieaktywny Rzecznik", gmina_code="1402011", active=False)
    html = client.get("/rzecznicy/").text
    assert "<h1>Rzecznicy ekonomii społecznej</h1>" in html
    assert "Nieaktywny Rzecznik" not in html
    assert 'id="powiat-1402"' not in html  # no active advocate in that powiat
    assert "4 gminy lub powiaty w sieci" not in html
    assert "4 gminy i powiaty w sieci" in html
    legionowski = section(html, "1408")
    assert '<h2 id="powiat-1408">powiat legionowski</h2>' in html
    # The powiat-level entry first, then the gminas in name order.
    order = [
        legionowski.index("powiat legionowski – rzecznik powiatowy"),
        legionowski.index("Jabłonna"),
        legionowski.index("Legionowo"),
    ]
    assert order == sorted(order)
    assert "Radomianin" not in legionowski
    assert "Radomianin" in section(html, "1463")
    assert html.index('id="powiat-1463"') > html.index('id="powiat-1408"')


def test_contacts_are_links_in_an_address(client, directory):
    AdvocateFactory(
        name="Ola Miejska",
        role="specjalista ds. ekonomii społecznej",
        institution="MOPS w Legionowie",
        email="ola@mops.example.org",
        phone="22 100 10 01",
        note="Dyżur w środy.",
    )
    html = client.get("/rzecznicy/").text
    assert "<address>" in html
    assert 'href="mailto:ola@mops.example.org">ola@mops.example.org</a>' in html
    assert 'href="tel:+48221001001">22 100 10 01</a>' in html
    assert "specjalista ds. ekonomii społecznej" in html
    assert "MOPS w Legionowie" in html
    assert "Dyżur w środy." in html
    assert "<h3>" in html


def test_powiat_filter_and_its_form(client, directory):
    AdvocateFactory(name="Legionowianka", gmina_code="1408011")
    AdvocateFactory(name="Radomianin", gmina_code="1463011")
    html = client.get("/rzecznicy/?powiat=1463").text
    assert "Radomianin" in html and "Legionowianka" not in html
    assert '<option value="1463" selected>Radom</option>' in html
    assert '<label for="advocates-powiat">' in html
    assert html.count('<option value="14') == 42
    # The summary still counts the whole network.
    assert "2 gminy i powiaty w sieci" in html
    empty = client.get("/rzecznicy/?powiat=1401").text
    assert "W tym powiecie nie ma jeszcze rzecznika." in empty


@pytest.mark.parametrize("value", ["9999", "abc", "1431", "<script>", "14081"])
def test_invalid_filter_shows_everything_with_a_message(client, directory, value):
    AdvocateFactory(name="Legionowianka", gmina_code="1408011")
    AdvocateFactory(name="Radomianin", gmina_code="1463011")
    response = client.get("/rzecznicy/", {"powiat": value})
    assert response.status_code == 200
    html = response.text
    assert "Legionowianka" in html and "Radomianin" in html
    assert "Nie znamy takiego powiatu" in html
    assert "<script>" not in html.split("<main")[1]


def test_forum_news_in_the_page_language_and_forum_link(
    client, directory, directory_en, home, home_en, locales
):
    forum = NewsCategoryFactory(name="Forum Rzeczników", slug="forum-rzecznikow")
    forum_en = forum.copy_for_translation(locales["en"])
    forum_en.name, forum_en.slug = "Advocates' Forum", "advocates-forum"
    forum_en.save()
    other = NewsCategoryFactory(name="Inne", slug="inne")
    index = NewsIndexPageFactory(parent=home)
    index_en = index.copy_for_translation(locales["en"]).specific
    index_en.title, index_en.slug = "News", "news"
    index_en.save_revision().publish()
    start = datetime.date(2024, 1, 1)
    for i in range(7):
        NewsPageFactory(
            parent=index,
            title=f"Spotkanie Forum {i}",
            category=forum,
            date=start + datetime.timedelta(days=i),
        )
    NewsPageFactory(parent=index, title="Spoza Forum", category=other)
    NewsPageFactory(parent=index, title="Szkic Forum", category=forum, live=False)
    NewsPageFactory(parent=index_en, title="Forum meeting", category=forum_en)
    meetings = StandardPageFactory(parent=home, title="Spotkania", slug="spotkania")
    for page in (directory, directory_en):
        page.forum_news_category = forum  # the Polish one, also on the EN page
        page.forum_page = meetings
        page.save_revision().publish()

    html = client.get("/rzecznicy/").text
    forum_part = html.split('id="forum-meetings"')[1].split("</section>")[0]
    assert [f"Spotkanie Forum {i}" in forum_part for i in range(7)] == [
        False,
        False,
        True,
        True,
        True,
        True,
        True,
    ]
    assert "Spoza Forum" not in forum_part and "Szkic Forum" not in forum_part
    assert "Forum meeting" not in forum_part
    assert 'href="/spotkania/"' in forum_part

    html = client.get("/en/advocates/").text
    forum_part = html.split('id="forum-meetings"')[1].split("</section>")[0]
    assert "Forum meeting" in forum_part
    assert "Spotkanie Forum" not in forum_part


def test_without_forum_settings_there_is_no_forum_section(client, directory):
    AdvocateFactory()
    assert 'id="forum-meetings"' not in client.get("/rzecznicy/").text


def test_directory_renders_in_both_languages(client, directory, directory_en):
    AdvocateFactory(name="Ewa Powiatowa", gmina_code="", powiat_code="1408")
    AdvocateFactory(name="Ola Miejska", gmina_code="1408011")
    html = client.get("/rzecznicy/").text
    assert '<html lang="pl">' in html
    assert "Pokaż rzeczników z powiatu" in html
    html = client.get("/en/advocates/").text
    assert '<html lang="en">' in html
    assert "<h1>Social economy advocates</h1>" in html
    assert "2 municipalities and counties in the network" in html
    assert "Show advocates from the powiat" in html
    assert "powiat legionowski – county advocate" in html
    assert "Ola Miejska" in html
    assert "Ewa Powiatowa" in html


@pytest.mark.parametrize("count", [5, 50])
def test_query_budget_does_not_grow_with_advocates(
    client, directory, home, count, django_assert_max_num_queries
):
    photo = ImageFactory()
    for i in range(count):
        AdvocateFactory(
            gmina_code=GMINAS[i % len(GMINAS)], photo=photo if i % 2 else None
        )
    forum = NewsCategoryFactory(name="Forum", slug="forum")
    index = NewsIndexPageFactory(parent=home)
    for _ in range(3):
        NewsPageFactory(parent=index, category=forum)
    directory.forum_news_category = forum
    directory.forum_page = index
    directory.save_revision().publish()
    client.get("/rzecznicy/")  # warm up: renditions, site root paths
    with django_assert_max_num_queries(DIRECTORY_QUERY_BUDGET):
        html = client.get("/rzecznicy/").text
    assert html.count('class="advocate"') == count


# The admin ------------------------------------------------------------------------


def test_admin_list_loads_filters_and_searches(admin_client):
    AdvocateFactory(name="Ola Miejska", institution="MOPS w Legionowie")
    AdvocateFactory(name="Radomianin", gmina_code="1463011", institution="MOPS Radom")
    from home.wagtail_hooks import AdvocateViewSet  # noqa: F401 (registered)

    url = "/admin/snippets/home/advocate/"
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.text
    assert "Ola Miejska" in html and "Radomianin" in html
    assert "Legionowo (gmina miejska)" in html
    html = admin_client.get(url, {"powiat_code": "1463"}).text
    assert "Radomianin" in html and "Ola Miejska" not in html
    html = admin_client.get(url, {"q": "Legionowie"}).text
    assert "Ola Miejska" in html and "Radomianin" not in html


def test_admin_create_refuses_unknown_code(admin_client):
    response = admin_client.post(
        "/admin/snippets/home/advocate/add/",
        {
            "name": "Jan Próbny",
            "institution": "GOPS",
            "gmina_code": "1408999",
            "powiat_code": "",
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert not Advocate.objects.filter(name="Jan Próbny").exists()
    response = admin_client.post(
        "/admin/snippets/home/advocate/add/",
        {
            "name": "Jan Próbny",
            "institution": "GOPS",
            "gmina_code": "1408022",
            "powiat_code": "",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert Advocate.objects.get(name="Jan Próbny").powiat_code == "1408"


def test_every_powiat_in_the_data_is_a_filter_choice():
    choices = dict(Advocate._meta.get_field("powiat_code").choices)
    assert set(choices) == {item["teryt"] for item in teryt.powiaty()}


def test_forum_meetings_from_the_events_calendar(client, home, directory):
    from tests.competition.builders import EventIndexPageFactory, EventPageFactory

    events = EventIndexPageFactory(parent=home)
    now = datetime.datetime.now(datetime.UTC)
    EventPageFactory(
        parent=events,
        title="IV spotkanie Forum Rzeczników",
        event_type="forum-rzecznikow",
        start=now + datetime.timedelta(days=5),
        end=now + datetime.timedelta(days=5, hours=2),
    )
    EventPageFactory(
        parent=events,
        title="III spotkanie Forum Rzeczników",
        event_type="forum-rzecznikow",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30) + datetime.timedelta(hours=2),
    )
    EventPageFactory(
        parent=events, title="Szkolenie z zamówień", event_type="szkolenie"
    )

    html = client.get("/rzecznicy/").text
    forum = html[html.index('id="forum-meetings"') :]
    upcoming = forum[
        forum.index("Najbliższe spotkania") : forum.index("Ostatnie spotkania")
    ]
    assert "IV spotkanie Forum Rzeczników" in upcoming
    assert (
        "III spotkanie Forum Rzeczników" in forum[forum.index("Ostatnie spotkania") :]
    )
    assert "Szkolenie z zamówień" not in forum
