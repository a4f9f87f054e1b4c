"""The secretariat's entries list and the entry's page read at a glance (issue
13, point 9): the current edition chosen by default, statuses as coloured
badges with their label, the entry's data in sections with plain labels."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from competition.filters import EntryFilterSet, current_edition
from competition.models import Consent, Entry, Status
from competition.templatetags.entry_admin_tags import STATUS_TONES

from . import builders
from .test_admin_entries import listed_references

INDEX = reverse("competition_entry:index")
CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "admin-entries.css"


def inspect_url(entry):
    return reverse("competition_entry:inspect", args=[entry.pk])


@pytest.fixture
def editions(home):
    """A past edition, the open one and one that opens next year."""
    now = timezone.now()
    past = builders.edition(
        home,
        code="MMES-2026",
        opens=now - timedelta(days=400),
        closes=now - timedelta(days=300),
    )
    current = builders.edition(home, code="MMES-2027")
    upcoming = builders.edition(
        home,
        code="MMES-2028",
        opens=now + timedelta(days=300),
        closes=now + timedelta(days=330),
    )
    return {"past": past, "current": current, "upcoming": upcoming}


@pytest.fixture
def listed(editions):
    return {
        name: builders.entry(edition, organisation_name=f"Spółdzielnia {name}")
        for name, edition in editions.items()
    }


# -- the current edition --------------------------------------------------------


def test_the_current_edition_is_the_open_one_else_the_newest_opened(editions):
    now = timezone.now()
    assert current_edition(now) == editions["current"]
    # After the open one closes, it is still the newest that has opened.
    later = now + timedelta(days=60)
    assert current_edition(later) == editions["current"]
    # When the next one opens, it takes over.
    assert current_edition(now + timedelta(days=301)) == editions["upcoming"]
    # Before any opened: the newest.
    assert current_edition(now - timedelta(days=500)) == editions["upcoming"]


def test_the_list_opens_on_the_current_edition_with_it_chosen(secretary_client, listed):
    response = secretary_client.get(INDEX)

    assert listed_references(response) == [listed["current"].reference]
    content = response.content.decode()
    edition = listed["current"].edition
    # The filter shows the choice, and so does its chip.
    assert re.search(rf'<option value="{edition.pk}" selected>', content)
    assert "Edycja:" in content and edition.title in content


def test_all_editions_stay_one_choice_away(secretary_client, listed):
    response = secretary_client.get(INDEX, {"edition": "all"})

    assert sorted(listed_references(response)) == sorted(
        entry.reference for entry in listed.values()
    )
    assert '<option value="all" selected>Wszystkie edycje</option>' in (
        response.content.decode()
    )


def test_another_edition_can_be_chosen(secretary_client, listed):
    past = listed["past"]

    response = secretary_client.get(INDEX, {"edition": past.edition.pk})

    assert listed_references(response) == [past.reference]


def test_removing_the_edition_chip_shows_every_edition(secretary_client, listed):
    content = secretary_client.get(INDEX).content.decode()

    # The chip's "remove" link asks for every edition: without the parameter
    # the current edition would come back.
    chip = re.search(
        r'data-w-swap-src-value="([^"]*)"[^>]*class="w-pill__remove"', content
    )
    assert chip, "no removable filter chip"
    assert re.search(r"[?&]edition=all(&|$)", chip.group(1).replace("&amp;", "&"))


def test_select_all_in_bulk_follows_the_same_default(listed):
    # The bulk action's "select all" filters with the list's query string.
    chosen = EntryFilterSet(QueryDict(""), queryset=Entry.objects.all()).qs
    every = EntryFilterSet(QueryDict("edition=all"), queryset=Entry.objects.all()).qs

    assert list(chosen) == [listed["current"]]
    assert every.count() == 3


# -- status badges -------------------------------------------------------------


def test_statuses_are_badges_with_their_label(secretary_client, editions):
    edition = editions["current"]
    builders.entry(edition, status=Status.NEEDS_CORRECTION)
    builders.entry(edition, status=Status.SUBMITTED)

    content = secretary_client.get(INDEX).content.decode()

    assert re.search(
        r'class="[^"]*entry-status--warning[^"]*" data-status="needs_correction">'
        r"do poprawy</span>",
        content,
    )
    assert re.search(
        r'class="[^"]*entry-status--info[^"]*" data-status="submitted">wysłane</span>',
        content,
    )


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_status_has_a_tone_whose_colours_contrast_enough():
    css = CSS.read_text(encoding="utf-8")
    assert set(STATUS_TONES) == set(Status)
    for tone in set(STATUS_TONES.values()):
        rule = re.search(rf"\.entry-status--{tone}\s*{{([^}}]*)}}", css)
        assert rule, tone
        background = re.search(r"--entry-status-bg:\s*(#[0-9a-f]{6})", rule.group(1))
        text = re.search(r"--entry-status-fg:\s*(#[0-9a-f]{6})", rule.group(1))
        lighter, darker = sorted(
            (_luminance(background.group(1)), _luminance(text.group(1))),
            reverse=True,
        )
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, tone


# -- the entry's page ------------------------------------------------------------


def _fact(content, label):
    """The value next to ``label`` in the page's facts, tags stripped."""
    match = re.search(rf"<dt>{re.escape(label)}</dt>\s*<dd>(.*?)</dd>", content, re.S)
    assert match, label
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def test_the_entrys_page_reads_in_plain_words(secretary_client, editions):
    edition = editions["current"]
    entry = builders.entry(
        edition, language="en", powiat="1412", legal_form="stowarzyszenie"
    )
    revision = Revision.objects.filter(object_id=str(edition.pk)).latest("pk")
    Consent.objects.create(
        entry=entry,
        kind=Consent.Kind.IMAGE_PUBLICATION,
        given=True,
        text="Zgoda na publikację wizerunku.",
        version=f"{edition.pk}-rev-{revision.pk}",
        language="en",
    )
    Consent.objects.create(
        entry=entry,
        kind=Consent.Kind.DATA,
        given=True,
        text="Klauzula.",
        version=f"{edition.pk}-clause-2",
        language="pl",
    )

    content = secretary_client.get(inspect_url(entry)).content.decode()

    assert _fact(content, "Język zgłoszenia") == "angielski"
    assert _fact(content, "Powiat") == "powiat miński"  # TERYT 1412
    assert _fact(content, "Forma prawna") == "stowarzyszenie (rejestrowe)"
    assert _fact(content, "Status") == "wysłane"
    assert "entry-status--info" in content
    # The consent's text version in words, with the revision's date.
    created = timezone.localtime(revision.created_at)
    assert f"strona edycji z {created.day} " in content
    assert "klauzula informacyjna, wersja 2" in content
    assert ">angielski</td>" in content
    assert f"-rev-{revision.pk}" not in content
    # Sections in order, each linked from the contents at the top.
    headings = re.findall(r'<h2 class="w-h2" id="([^"]+)">', content)
    assert headings == [
        "entry-section-entry",
        "entry-section-nominee",
        "entry-section-contact",
        "entry-section-description",
        "entry-answers",
        "entry-files",
        "entry-consents",
        "entry-history",
    ]
    for anchor in headings:
        assert f'href="#{anchor}"' in content


def test_a_persons_page_has_no_company_numbers(secretary_client, editions):
    edition = editions["current"]
    osobowosc = edition.categories.get(slug="osobowosc")
    entry = builders.entry(edition, category=osobowosc)

    content = secretary_client.get(inspect_url(entry)).content.decode()

    assert "Zgłaszana osoba" in content
    assert _fact(content, "Imię i nazwisko osoby") == "Anna Kowalska"
    for label in ("NIP", "REGON", "KRS", "Forma prawna", "Nazwa organizacji"):
        assert f"<dt>{label}</dt>" not in content
    # Nominated by themselves: no nominee contact fields to leave empty.
    assert "<dt>E-mail osoby zgłaszanej</dt>" not in content


def test_a_third_party_nomination_shows_the_nominees_contact(
    secretary_client, editions
):
    edition = editions["current"]
    osobowosc = edition.categories.get(slug="osobowosc")
    entry = builders.entry(
        edition,
        category=osobowosc,
        nomination="third_party",
        nominee_email="anna@example.org",
    )

    content = secretary_client.get(inspect_url(entry)).content.decode()

    assert _fact(content, "E-mail osoby zgłaszanej") == "anna@example.org"
