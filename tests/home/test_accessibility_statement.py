"""Accessibility statement: tree rules, both languages, the ids Polish rules need."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import (
    AccessibilityStatementPage,
    FooterSettings,
    HomePage,
    StandardPage,
)

IDS_FILE = Path(__file__).resolve().parents[2] / "home" / "data"
IDS_FILE = IDS_FILE / "accessibility_statement_ids.json"
RULES = json.loads(IDS_FILE.read_text(encoding="utf-8"))
REQUIRED = [item["id"] for item in RULES["ids"] if item["required"] is True]
# Ids that are not unconditionally required -> the fields whose content brings them in.
CONDITIONAL = {
    "a11y-ocena": {"disproportionate_burden_url": "https://mcps.example/analiza.pdf"},
    "a11y-data-przeglad": {"review_date": date(2026, 11, 20)},
    "a11y-audytor": {"assessment_method": "audyt", "auditor_name": "Audyt Sp. z o.o."},
    "a11y-architektura": {"architectural_accessibility": "<p>Winda.</p>"},
    "a11y-aplikacje": {"mobile_apps": "<p>Brak aplikacji.</p>"},
}
EMPTY = {
    "disproportionate_burden_url": "",
    "review_date": None,
    "assessment_method": "samoocena",
    "auditor_name": "",
    "architectural_accessibility": "",
    "sign_language": "",
    "mobile_apps": "",
}
PROCEDURE = (
    "<p>Żądanie, skarga, a potem wniosek do "
    '<a href="https://bip.brpo.gov.pl/">Rzecznika Praw Obywatelskich</a>.</p>'
)


def statement_fields(**overrides):
    fields = {
        "title": "Deklaracja dostępności",
        "slug": "deklaracja-dostepnosci",
        "entity_name": "Mazowieckie Centrum Polityki Społecznej",
        "site_url": "https://ekonomia.mcps.example/",
        "publication_date": date(2026, 6, 1),
        "last_update_date": date(2026, 11, 16),
        "compliance_status": "czesciowo-zgodna",
        "non_compliant_content": "<ul><li>Stare pliki PDF.</li></ul>",
        "preparation_date": date(2026, 6, 2),
        "contact_person": "Koordynator do spraw dostępności",
        "contact_email": "mcps@mcps.com.pl",
        "contact_phone": "22 376 85 00",
        "complaint_procedure": PROCEDURE,
        **EMPTY,
    }
    fields.update(overrides)
    return fields


def ids_in(html):
    return re.findall(r'\sid="([^"]+)"', html)


@pytest.fixture
def statement(home):
    page = AccessibilityStatementPage(**statement_fields())
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def statement_en(statement, home_en, locales):
    page = statement.copy_for_translation(locales["en"]).specific
    page.title = "Accessibility statement"
    page.slug = "accessibility-statement"
    page.entity_name = "Mazovian Centre for Social Policy"
    page.save_revision().publish()
    return page


def test_ids_file_is_the_shared_one_with_its_sources():
    assert RULES["sources"] and RULES["template"]
    assert {"a11y-wstep", "a11y-status", "a11y-procedura"} <= set(REQUIRED)
    unknown = {item["id"] for item in RULES["ids"]} - set(REQUIRED) - set(CONDITIONAL)
    assert not unknown, f"map these ids to the fields that render them: {unknown}"


class TestStatementTree(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())
        self.assertCanCreateAt(HomePage, AccessibilityStatementPage)
        self.assertCanNotCreateAt(StandardPage, AccessibilityStatementPage)
        self.assertCanNotCreateAt(Page, AccessibilityStatementPage)

    def test_one_per_language_home(self):
        home = HomePage.objects.get(depth=2)
        home.add_child(instance=AccessibilityStatementPage(**statement_fields()))
        assert not AccessibilityStatementPage.can_create_at(home)


@pytest.mark.parametrize("language", ["pl", "en"])
def test_required_ids_present_exactly_once(client, statement_en, language):
    url = (
        "/deklaracja-dostepnosci/"
        if language == "pl"
        else "/en/accessibility-statement/"
    )
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{language}">' in html
    found = ids_in(html)
    for required in REQUIRED:
        assert found.count(required) == 1, required
    for conditional in CONDITIONAL:
        assert conditional not in found, conditional
    assert len(found) == len(set(found)), "duplicate ids"


@pytest.mark.parametrize("element_id", sorted(CONDITIONAL))
def test_conditional_id_appears_when_its_field_is_filled(client, home, element_id):
    page = AccessibilityStatementPage(**statement_fields(**CONDITIONAL[element_id]))
    page.clean()
    home.add_child(instance=page)
    page.save_revision().publish()
    found = ids_in(client.get("/deklaracja-dostepnosci/").text)
    assert found.count(element_id) == 1
    for required in REQUIRED:
        assert found.count(required) == 1, required


def test_dates_are_iso_in_time_elements(client, statement):
    html = client.get("/deklaracja-dostepnosci/").text
    for element_id, value in [
        ("a11y-data-publikacja", "2026-06-01"),
        ("a11y-data-aktualizacja", "2026-11-16"),
        ("a11y-data-sporzadzenie", "2026-06-02"),
    ]:
        assert f'<time id="{element_id}" datetime="{value}">{value}</time>' in html, (
            element_id
        )


def test_headings_h1_then_h2(client, statement):
    html = client.get("/deklaracja-dostepnosci/").text
    main = html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]
    assert main.count("<h1>") == 1
    assert '<h2 id="a11y-kontakt">Informacje zwrotne i dane kontaktowe</h2>' in main
    assert main.index("<h1>") < main.index("<h2")


def test_english_page_uses_english_labels(client, statement_en):
    html = client.get("/en/accessibility-statement/").text
    assert "Feedback and contact information" in html
    assert "The website is partially compliant with" in html
    assert '<span id="a11y-podmiot">Mazovian Centre for Social Policy</span>' in html
    assert "częściowo zgodna" not in html


def test_status_sentence_follows_the_choice(statement):
    statement.compliance_status = "zgodna"
    with translation.override("pl"):
        assert statement.status_sentence.startswith("Strona internetowa jest zgodna z")


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"non_compliant_content": "", "exclusions": ""}, "non_compliant_content"),
        ({"assessment_method": "audyt", "auditor_name": " "}, "auditor_name"),
        ({"last_update_date": date(2026, 1, 1)}, "last_update_date"),
        ({"review_date": date(2026, 1, 1)}, "review_date"),
        ({"complaint_procedure": "<p>Skarga.</p>"}, "complaint_procedure"),
    ],
)
def test_validation(home, overrides, field):
    page = AccessibilityStatementPage(**statement_fields(**overrides))
    page.path, page.depth = "00010001ZZZZ", 3
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert field in error.value.message_dict


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/", 'href="/deklaracja-dostepnosci/">Deklaracja dostępności</a>'),
        ("/en/", 'href="/en/accessibility-statement/">Accessibility statement</a>'),
    ],
)
def test_footer_links_the_statement_in_each_language(
    client, site, statement_en, url, expected
):
    footer = FooterSettings.for_site(site)
    footer.accessibility_statement = Page.objects.get(
        pk=AccessibilityStatementPage.objects.get(locale__language_code="pl").pk
    )
    footer.save()
    footer_html = client.get(url).text.split("<footer", 1)[1]
    assert expected in footer_html
