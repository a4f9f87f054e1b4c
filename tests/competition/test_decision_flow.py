# ruff: noqa: F811 (the fixtures of test_results.py are imported by name)
"""The chair's way through the decisions (issue 13, point 17): each category
tab says how many decisions it still needs, the ranking leads to the next one,
"save and next" walks the ranking and then the next category, and the closing
confirmation names the missing reviews and says it cannot be undone."""

import re

import pytest
from django.urls import reverse

from competition import decisions, workflow
from competition.models import Assignment, Status

from . import builders
from .builders import review
from .test_results import (  # noqa: F401 (fixtures)
    close,
    edition,
    jurors,
    ranking_url,
    scored,
)


def decision_url(edition, entry):
    return reverse("competition_results:decision", args=[edition.pk, entry.pk])


def decide(entry, user):
    decisions.record_decision(
        entry, "not_awarded", "Uzasadnienie jury.", user, workflow.SECRETARIAT
    )


def text(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def two_categories(scored, edition):
    """``scored`` (five entries in Reintegracja) and one scored entry in
    Osobowosc, the second category; scoring closed."""
    osobowosc = edition.categories.get(slug="osobowosc")
    person = builders.entry(edition, category=osobowosc, status=Status.IN_REVIEW)
    review(person, scored["members"][0], (5, 5))
    return {**scored, "person": person, "osobowosc": osobowosc}


@pytest.fixture
def closed(two_categories, edition, secretary):
    close(edition, secretary)
    return two_categories


def test_each_category_tab_counts_the_decisions_it_still_needs(
    client, closed, edition, secretary
):
    builders.category(edition, "rozwoj", sort_order=5)
    decide(closed["entries"]["A"], secretary)
    client.force_login(secretary)

    page = text(client.get(ranking_url(edition)))

    assert "Reintegracja brakuje 4 decyzji" in page
    assert "Osobowosc brakuje 1 decyzji" in page
    assert "Rozwoj brak ocenionych zgłoszeń" in page


def test_the_next_decision_is_the_best_ranked_entry_without_one(
    client, closed, edition, secretary
):
    entries = closed["entries"]
    client.force_login(secretary)

    content = client.get(ranking_url(edition)).content.decode()
    assert f"Następna decyzja: {entries['A'].reference}" in content
    assert f'href="{decision_url(edition, entries["A"])}"' in content

    decide(entries["A"], secretary)
    content = client.get(ranking_url(edition)).content.decode()
    # C and B tie; C ranks first.
    assert f"Następna decyzja: {entries['C'].reference}" in content


def test_a_complete_category_leads_to_the_next_one_needing_decisions(
    client, closed, edition, secretary
):
    for entry in closed["entries"].values():
        decide(entry, secretary)
    client.force_login(secretary)
    reintegracja = closed["entries"]["A"].category

    # Without a choice the ranking opens where decisions are missing.
    content = client.get(ranking_url(edition)).content.decode()
    assert re.search(r'<strong aria-current="page">Osobowosc', content)

    page = text(client.get(ranking_url(edition, category=reintegracja.pk)))
    assert "Reintegracja decyzje zapisane" in page
    assert "Następna kategoria bez decyzji: Osobowosc" in page


def test_save_and_next_walks_the_ranking_then_the_next_category(
    client, closed, edition, secretary
):
    entries = closed["entries"]
    client.force_login(secretary)
    data = {"outcome": "laureate", "justification": "Jury: laureat.", "then": "next"}

    response = client.post(decision_url(edition, entries["A"]), data)
    assert response.status_code == 302
    assert response.url == decision_url(edition, entries["C"])

    # Saved without "next": back to the ranking row, as before.
    response = client.post(decision_url(edition, entries["C"]), {**data, "then": ""})
    assert response.url.endswith(f"#entry-{entries['C'].pk}")

    for key in "BFD":
        if key != "D":
            decide(entries[key], secretary)
    response = client.post(decision_url(edition, entries["D"]), data)
    # Reintegracja is done: on to Osobowosc's ranking.
    assert response.url == ranking_url(edition, category=closed["osobowosc"].pk)
    entries["D"].refresh_from_db()
    assert entries["D"].status == Status.LAUREATE


def test_the_decision_screen_offers_save_and_next_only_while_one_waits(
    client, closed, edition, secretary
):
    client.force_login(secretary)
    entries = closed["entries"]
    button = 'name="then" value="next"'

    assert button in client.get(decision_url(edition, entries["A"])).content.decode()

    for entry in [*entries.values(), closed["person"]]:
        decide(entry, secretary)
    content = client.get(decision_url(edition, entries["A"])).content.decode()
    assert button not in content


def test_the_decision_is_reachable_before_the_statistics(client, closed, edition):
    """The decision column follows the score, so "Zapisz decyzję" is not the
    last of fourteen columns (the browser test measures it at 1280 px)."""
    client.force_login(closed["members"][0].user)

    content = client.get(ranking_url(edition)).content.decode()

    headers = re.findall(
        r'<th scope="col"[^>]*>(.*?)</th>', content.split("results-ranking")[1]
    )
    names = [re.sub(r"<[^>]+>", "", header).strip() for header in headers]
    assert names.index("Decyzja") == names.index("Wynik") + 1


def test_closing_says_it_cannot_be_undone_and_names_the_missing_reviews(
    client, two_categories, edition, secretary
):
    entries, members = two_categories["entries"], two_categories["members"]
    for key, jurors_of_entry in {"A": (0, 1, 2), "B": (0, 1, 2), "D": (0, 2)}.items():
        for index in jurors_of_entry:
            Assignment.objects.create(entry=entries[key], member=members[index])
    client.force_login(secretary)

    page = text(
        client.get(reverse("competition_results:close_scoring", args=[edition.pk]))
    )

    assert "Zamknięcia oceny nie można cofnąć." in page
    # Ala's draft of D and Celina's missing review of B, by reference.
    assert f"Ala Test: złożone 2 z 3 – brak oceny: {entries['D'].reference}" in page
    assert f"Celina Test: złożone 2 z 3 – brak oceny: {entries['B'].reference}" in page
    assert "Bartek Test" not in page
