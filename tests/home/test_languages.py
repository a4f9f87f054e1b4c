"""Polish at /, English at /en/, and a switcher that finds the translation."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale


def alternates(html):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html)
    )


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict(re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav))


def test_polish_is_the_first_and_default_locale(db):
    assert settings.LANGUAGE_CODE == "pl"
    assert Locale.get_default().language_code == "pl"
    assert Locale.objects.order_by("pk").first().language_code == "pl"


def test_polish_home_at_root_and_english_at_en(client, home, home_en):
    pl = client.get("/")
    en = client.get("/en/")
    assert pl.status_code == 200 and en.status_code == 200
    assert '<html lang="pl">' in pl.text
    assert '<html lang="en">' in en.text
    assert home.title in pl.text
    assert home_en.title in en.text


def test_polish_urls_have_no_language_prefix(client, standard_page):
    assert client.get("/o-kampanii/").status_code == 200
    assert client.get("/pl/o-kampanii/").status_code == 404


def test_switcher_links_to_the_translation(client, standard_page, standard_page_en):
    pl = client.get("/o-kampanii/").text
    en = client.get("/en/about-the-campaign/").text
    assert switcher_links(pl) == {"/en/about-the-campaign/": "en"}
    assert switcher_links(en) == {"/o-kampanii/": "pl"}


def test_switcher_falls_back_to_the_other_home(client, standard_page, home_en):
    html = client.get("/o-kampanii/").text
    assert switcher_links(html) == {"/en/?untranslated=1": "en"}
    # No hreflang alternate claims a translation that does not exist.
    assert set(alternates(html)) == {"pl"}


def test_switch_without_translation_says_so(client, standard_page, home_en):
    html = client.get("/o-kampanii/").text
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    # The link says, in English, where it leads and why.
    assert "this page is not available in English – home page" in nav
    landing = client.get("/en/?untranslated=1").text
    notice = "The page you came from is not available in English yet – this is"
    assert notice in landing
    assert 'class="untranslated-notice" role="status"' in landing
    # Reached any other way, the English home has no such notice.
    assert notice not in client.get("/en/").text


def test_draft_translation_is_not_linked(client, standard_page, home_en, locales):
    draft = standard_page.copy_for_translation(locales["en"])
    draft.unpublish()
    html = client.get("/o-kampanii/").text
    assert switcher_links(html) == {"/en/?untranslated=1": "en"}


def test_hreflang_alternates_are_absolute_and_cover_both(client, standard_page_en):
    html = client.get("/o-kampanii/").text
    # On the Site's host (the fixtures' Site is localhost), like the canonical link.
    assert alternates(html) == {
        "pl": "http://localhost/o-kampanii/",
        "en": "http://localhost/en/about-the-campaign/",
    }


def test_current_language_marked_not_linked(client, standard_page_en):
    html = client.get("/en/about-the-campaign/").text
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    assert '<span aria-current="true" lang="en">English</span>' in nav


def test_search_page_switches_to_same_view(client, home_en):
    html = client.get("/search/?query=kampania").text
    assert switcher_links(html) == {"/en/search/?query=kampania": "en"}


def test_menu_shows_only_current_language_pages(client, standard_page_en):
    pl = client.get("/").text
    en = client.get("/en/").text
    menu_pl = pl.split('class="main-menu"', 1)[1].split("</nav>", 1)[0]
    menu_en = en.split('class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert "O kampanii" in menu_pl and "About the campaign" not in menu_pl
    assert "About the campaign" in menu_en and "O kampanii" not in menu_en


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_english_strings_are_translated(client, home_en, path):
    html = client.get(path).text
    if path == "/en/":
        assert "Skip to content" in html
        assert "Przejdź do treści" not in html
    else:
        assert "Przejdź do treści" in html


def test_admin_speaks_polish_to_polish_users(client, django_user_model):
    user = django_user_model.objects.create_superuser("ewa", "ewa@example.org", "x")
    client.force_login(user)
    html = client.get("/admin/").text
    assert '<html lang="pl"' in html
    assert "Pulpit" in html or "Strony" in html


def test_switcher_picks_up_a_translation_published_later(
    client, standard_page, home_en, locales
):
    assert switcher_links(client.get("/o-kampanii/").text) == {
        "/en/?untranslated=1": "en"
    }
    translation = standard_page.copy_for_translation(locales["en"]).specific
    translation.slug = "about"
    translation.save_revision().publish()
    assert switcher_links(client.get("/o-kampanii/").text) == {"/en/about/": "en"}


def test_footer_speaks_english_where_the_editor_translated_it(client, site, home_en):
    from home.models import FooterSettings

    footer = FooterSettings.for_site(site)
    footer.organisation_name = "Mazowieckie Centrum Polityki Społecznej"
    footer.contact_note = "<p>Wydział Ekonomii Społecznej, pok. 502</p>"
    footer.contact_note_en = "<p>Social Economy Department, room 502</p>"
    footer.save()
    en = client.get("/en/").text.split('class="site-footer"', 1)[1]
    pl = client.get("/").text.split('class="site-footer"', 1)[1]
    assert "Social Economy Department, room 502" in en
    assert "Wydział Ekonomii Społecznej" not in en
    assert "Wydział Ekonomii Społecznej, pok. 502" in pl
    # Without an English name the Polish one shows, declared as Polish.
    assert '<p class="site-footer__org" lang="pl">Mazowieckie Centrum Polityki' in en


@pytest.mark.parametrize("language", ["pl", "en"])
def test_no_message_is_a_fuzzy_guess(language):
    """gettext's "fuzzy" guesses are never compiled, so they look harmless, but
    the next translator meets a wrong one ("Oceń następne zgłoszenie" was once
    guessed as "%(count)s zgłoszenie") and may simply drop the flag."""
    if not shutil.which("msgfmt"):
        pytest.skip("gettext's msgfmt is not installed")
    po = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "fuzzy" not in result.stderr, f"{po}: {result.stderr}"
