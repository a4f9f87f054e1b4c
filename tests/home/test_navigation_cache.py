"""Menu and footer are cached, yet an editor's change shows on the next request."""

import pytest

from home.models import FooterSettings, StandardPage
from tests.competition.builders import StandardPageFactory


def menu(html):
    return html.split('class="main-menu"', 1)[1].split("</nav>", 1)[0]


def test_published_menu_page_appears_at_once(client, home, standard_page):
    assert "O kampanii" in menu(client.get("/").text)
    page = StandardPage(title="Regulamin", slug="regulamin", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "Regulamin" in menu(client.get("/").text)


def test_unpublished_and_moved_pages_leave_the_menu(client, home, standard_page):
    other = StandardPageFactory(parent=home, title="Kontakt", show_in_menus=True)
    assert "Kontakt" in menu(client.get("/").text)
    other.unpublish()
    assert "Kontakt" not in menu(client.get("/").text)
    standard_page.move(other, pos="last-child")
    assert "O kampanii" not in client.get("/").text.split("<main", 1)[0]


def test_renamed_menu_page_is_renamed_in_menu(client, standard_page):
    client.get("/")
    standard_page.title = "O naszej kampanii"
    standard_page.save_revision().publish()
    assert "O naszej kampanii" in menu(client.get("/").text)


def test_footer_settings_change_shows_at_once(client, site, standard_page):
    assert "22 111 22 33" not in client.get("/").text
    footer = FooterSettings.for_site(site)
    footer.phone = "22 111 22 33"
    footer.save()
    assert "22 111 22 33" in client.get("/").text


def test_footer_is_cached_per_language(client, site, standard_page_en):
    footer = FooterSettings.for_site(site)
    footer.accessibility_statement = standard_page_en.get_translation(
        standard_page_en.get_default_locale()
    )
    footer.save()
    assert 'href="/o-kampanii/">Deklaracja dostępności' in client.get("/").text
    assert (
        'href="/en/about-the-campaign/">Accessibility statement'
        in client.get("/en/").text
    )


@pytest.mark.parametrize("size", [3, 30])
def test_home_query_budget(client, home, django_assert_max_num_queries, size):
    StandardPageFactory.create_batch(size, parent=home, show_in_menus=True)
    client.get("/")
    with django_assert_max_num_queries(12):
        html = client.get("/").text
    assert menu(html).count("<li>") == size


def test_restricted_pages_leave_menus_and_listings_at_once(client, home, standard_page):
    from wagtail.models import PageViewRestriction

    assert "O kampanii" in menu(client.get("/").text)
    restriction = PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.LOGIN
    )
    assert "O kampanii" not in client.get("/").text.split("<main", 1)[0]
    restriction.delete()
    assert "O kampanii" in menu(client.get("/").text)
