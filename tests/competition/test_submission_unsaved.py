"""Nothing typed is lost by leaving the form (issue 13, point 5): links that
leave it open in a new tab and say so, a form with unsaved text is marked for
the ``beforeunload`` warning, the language switch keeps the applicant on the
same form, and a reopened draft says why its consents are unticked.

The warning itself is a browser's; ``tests/e2e/test_competition.py`` checks it.
"""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from competition.models import CompetitionIndexPage, Entry
from demo.campaign import minimal_pdf

from . import builders, formdata

NEW_TAB = "(otwiera się w nowej karcie)"
CONSENT_NOTE = "Zgód na regulamin i na przetwarzanie danych nie zapisujemy"


@pytest.fixture
def page(home):
    return builders.edition(home)


@pytest.fixture
def category(page):
    return page.categories.get(slug="reintegracja")


@pytest.fixture
def page_en(page, home_en, locales):
    index = CompetitionIndexPage.objects.get(locale=locales["pl"])
    index_en = index.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    page_en = page.copy_for_translation(locales["en"]).specific
    page_en.title = "Mazovian Social Economy Brand 2027"
    page_en.save_revision().publish()
    return page_en


def form_url(page, category):
    return page.url + page.reverse_subpage("submission_form", args=[category.slug])


def links(html):
    """Every <a> of the page as (attributes, text without tags)."""
    return [
        (attributes, " ".join(re.sub(r"<[^>]+>", " ", body).split()))
        for attributes, body in re.findall(r"<a ([^>]*)>(.*?)</a>", html, re.S)
    ]


def link_to(html, href):
    found = [item for item in links(html) if f'href="{href}"' in item[0]]
    assert len(found) == 1, f"expected one link to {href}: {found}"
    return found[0]


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict(re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav))


def form_tag(html):
    return re.search(r"<form [^>]*data-entry-form[^>]*>", html).group(0)


# -- links that leave the form ----------------------------------------------------


@pytest.mark.django_db
def test_links_that_leave_the_form_open_in_a_new_tab_and_say_so(
    client, page, category, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    rules = get_document_model()(title="Regulamin MMES 2027")
    rules.file = ContentFile(minimal_pdf("Regulamin"), name="regulamin.pdf")
    rules._set_document_file_metadata()
    rules.save()
    page.rules_document = rules
    page.save_revision().publish()

    html = client.get(form_url(page, category)).text
    for href in (page.url, rules.url):
        attributes, text = link_to(html, href)
        assert 'target="_blank"' in attributes, attributes
        assert 'rel="noopener"' in attributes, attributes
        assert text.endswith(NEW_TAB), text
    back = link_to(html, page.url)[1]
    assert back.startswith("Wróć do strony konkursu")
    # The marker for the clause's own links, which submission.js copies in.
    assert re.search(
        r"<template data-new-tab-marker>.*nowej karcie.*</template>", html, re.S
    )


@pytest.mark.django_db
def test_the_status_link_of_a_refused_duplicate_opens_in_a_new_tab(
    client, page, category
):
    url = form_url(page, category)
    data = formdata.organisation(category, video_url="https://youtu.be/x")
    assert client.post(url, data).status_code == 303
    another_browser = type(client)()
    data = formdata.organisation(category, video_url="https://youtu.be/x")
    html = another_browser.post(url, data).text
    attributes, text = link_to(html, page.url + "status/")
    assert 'target="_blank"' in attributes and 'rel="noopener"' in attributes
    assert text == f"Jak sprawdzić status zgłoszenia {NEW_TAB}"


@pytest.mark.django_db
def test_the_new_tab_marker_is_english_on_the_english_form(client, page_en, category):
    html = client.get(form_url(page_en, category)).text
    attributes, text = link_to(html, page_en.url)
    assert 'target="_blank"' in attributes
    assert text.endswith("(opens in a new tab)"), text


# -- the unsaved state -------------------------------------------------------------


@pytest.mark.django_db
def test_a_form_sent_back_with_errors_is_marked_unsaved(client, page, category):
    url = form_url(page, category)
    assert "data-unsaved" not in form_tag(client.get(url).text)
    refused = client.post(url, formdata.organisation(category, nip="123"))
    assert refused.status_code == 400
    assert "data-unsaved" in form_tag(refused.text)


@pytest.mark.django_db
def test_a_saved_draft_is_not_marked_unsaved(client, page, category):
    url = form_url(page, category)
    saved = client.post(url, formdata.organisation(category, nip="123", action="draft"))
    assert saved.status_code == 200 and "Wersja robocza zapisana" in saved.text
    assert "data-unsaved" not in form_tag(saved.text)
    assert "data-unsaved" not in form_tag(client.get(url).text)


# -- the language switch -------------------------------------------------------------


@pytest.mark.django_db
def test_the_language_switch_on_a_form_goes_to_the_same_form(
    client, page, page_en, category
):
    polish, english = form_url(page, category), form_url(page_en, category)
    assert english.startswith("/en/") and english.endswith("/zgloszenie/reintegracja/")
    assert switcher_links(client.get(polish).text) == {english: "en"}
    html = client.get(english).text
    assert switcher_links(html) == {polish: "pl"}
    assert "reintegracja (EN)" in html  # the category's English name
    # The edition page itself still switches to the edition's translation.
    assert switcher_links(client.get(page.url).text) == {page_en.url: "en"}


@pytest.mark.django_db
def test_the_language_switch_keeps_the_draft(client, page, page_en, category):
    client.post(
        form_url(page, category),
        formdata.organisation(category, action="draft", organisation_name="Robocza"),
    )
    html = client.get(form_url(page_en, category)).text
    assert 'value="Robocza"' in html


@pytest.mark.django_db
def test_the_language_switch_never_copies_a_status_token(
    client, page, page_en, category
):
    token = "nieznany-token-1234567890"
    response = client.get(page.url + page.reverse_subpage("status_token", args=[token]))
    assert response.status_code == 404
    assert token not in "".join(switcher_links(response.text))
    assert switcher_links(response.text) == {page_en.url: "en"}
    # The status page itself (the token exchanged) is a sub-route like the form.
    status = client.get(page.url + "status/")
    assert switcher_links(status.text) == {page_en.url + "status/": "en"}


@pytest.mark.django_db
def test_without_a_translation_the_switch_goes_to_the_english_home(
    client, page, category, home_en
):
    html = client.get(form_url(page, category)).text
    assert switcher_links(html) == {"/en/?untranslated=1": "en"}


# -- a reopened draft ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_reopened_draft_says_why_the_consents_are_unticked(client, page, category):
    url = form_url(page, category)
    assert CONSENT_NOTE not in client.get(url).text
    client.post(url, formdata.organisation(category, action="draft"))
    assert Entry.objects.get().status == "draft"
    html = client.get(url).text
    assert "Kontynuujesz wersję roboczą" in html
    assert CONSENT_NOTE in html
    consents = html.split("Zgody</legend>", 1)[1]
    assert consents.index(CONSENT_NOTE) < consents.index('name="consent_rules"')
    assert not re.search(r'<input[^>]*name="consent_rules"[^>]*checked', html)
