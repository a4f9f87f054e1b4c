"""The RODO information clause: one setting per site, versioned, per language."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from home.models import FooterSettings, PrivacySettings, StandardPage

CLAUSE_PL = "<p>Administratorem danych jest MCPS.</p>"
CLAUSE_EN = "<p>The controller is MCPS.</p>"


@pytest.fixture
def privacy(site):
    settings = PrivacySettings.for_site(site)
    settings.clause_pl = CLAUSE_PL
    settings.clause_en = CLAUSE_EN
    settings.save()
    return settings


def render_clause(language, path="/"):
    request = RequestFactory().get(path)
    template = Template(
        "{% load privacy_tags %}{% rodo_clause as clause %}"
        "{{ clause.language }}|{{ clause.version }}|"
        "{{ clause.version_date|date:'Y-m-d' }}|{{ clause.text }}"
    )
    with translation.override(language):
        return template.render(Context({"request": request}))


def test_version_changes_only_when_the_text_changes(privacy):
    assert privacy.version == 1
    assert privacy.version_date == timezone.localdate()
    privacy.save()
    privacy.refresh_from_db()
    assert privacy.version == 1
    privacy.clause_en = "<p>The controller is MCPS (updated).</p>"
    privacy.save()
    privacy.refresh_from_db()
    assert privacy.version == 2


@pytest.mark.parametrize("language, clause", [("pl", CLAUSE_PL), ("en", CLAUSE_EN)])
def test_tag_returns_the_active_languages_clause_and_version(privacy, language, clause):
    today = timezone.localdate().isoformat()
    assert render_clause(language) == f"{language}|1|{today}|{clause}"


def test_english_falls_back_to_polish_marked_as_polish(privacy):
    privacy.clause_en = ""
    privacy.save()
    assert render_clause("en").startswith("pl|2|")
    assert CLAUSE_PL in render_clause("en")


def test_tag_is_empty_when_no_clause(site):
    assert render_clause("pl") == "|||"
    assert PrivacySettings.for_site(site).clause_for("pl") is None


def test_clause_label_for_forms(privacy):
    clause = privacy.clause_for("en")
    assert clause.label == f"1 ({timezone.localdate().isoformat()})"


def test_privacy_page_shows_the_clause_in_each_language(
    client, site, privacy, standard_page_en
):
    footer = FooterSettings.for_site(site)
    footer.privacy_page = StandardPage.objects.get(
        translation_key=standard_page_en.translation_key, locale__language_code="pl"
    )
    footer.save()
    pl_html = client.get("/o-kampanii/").text
    assert '<h2 id="rodo-clause-heading">Klauzula informacyjna</h2>' in pl_html
    assert CLAUSE_PL in pl_html
    en_html = client.get("/en/about-the-campaign/").text
    assert "Information clause" in en_html
    assert CLAUSE_EN in en_html
    assert CLAUSE_PL not in en_html


def test_other_pages_do_not_show_the_clause(client, privacy, standard_page):
    assert "rodo-clause" not in client.get("/o-kampanii/").text
