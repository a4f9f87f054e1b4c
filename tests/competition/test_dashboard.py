"""The admin's start page per role (``competition/dashboard.py``): what a juror,
the secretariat, an editor and a moderator see first at /admin/, and what they
do not (a page search for people who cannot edit pages), in a fixed number of
queries."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from competition.dashboard import reviews_left_summary
from competition.dates import deadline_text
from competition.models import (
    CompetitionPage,
    ConflictDeclaration,
    Review,
    Status,
)
from home.models import StandardPage

from . import builders

HOME = reverse("wagtailadmin_home")
PAGE_SEARCH = 'role="search"'


def text(response):
    """The page's text with its whitespace collapsed."""
    return " ".join(response.content.decode().split())


def panel(response, panel_id):
    """The HTML of one dashboard panel (up to the next panel)."""
    html = response.content.decode()
    start = html.index(f'id="{panel_id}')
    following = html.find('class="w-panel w-panel--dashboard', start + 1)
    return " ".join(html[start : following if following > 0 else None].split())


@pytest.fixture
def jury_edition(home):
    """Submissions closed ten days ago; the jury scores until 20 days from now."""
    return builders.jury_phase_edition(home)


def juror_with(edition, user, count, submitted=0):
    """``user`` on the jury of ``edition`` with ``count`` assigned entries, the
    first ``submitted`` of them scored and submitted."""
    member = builders.member(edition, user)
    for number in range(count):
        entry = builders.entry(edition, status=Status.ELIGIBLE)
        builders.assign(entry, member)
        if number < submitted:
            ConflictDeclaration.objects.create(
                entry=entry, member=member, has_conflict=False
            )
            Review.objects.create(
                entry=entry, member=member, status=Review.Status.SUBMITTED
            )
    return member


# -- the juror ----------------------------------------------------------------------


def test_a_juror_sees_the_reviews_left_the_deadline_and_the_next_one(
    client, jury_edition, juror
):
    juror_with(jury_edition, juror, count=5, submitted=3)
    client.force_login(juror)

    response = client.get(HOME)

    content = panel(response, "competition-juror")
    deadline = deadline_text(jury_edition.jury_closes_at)
    assert f"2 oceny do zrobienia, termin: {deadline}" in content
    assert f'href="{reverse("jury:next")}"' in content
    assert "Przejdź do następnej oceny" in content


def test_a_juror_has_no_page_search_and_no_page_panels(client, jury_edition, juror):
    juror_with(jury_edition, juror, count=1)
    client.force_login(juror)

    response = client.get(HOME)

    html = response.content.decode()
    assert PAGE_SEARCH not in html
    for wagtail_panel in ("recent-edits", "objects-in-workflow", "locked-pages"):
        assert f'id="{wagtail_panel}' not in html
    assert 'id="competition-juror' in html


def test_a_juror_with_everything_submitted_is_thanked_without_a_next_button(
    client, jury_edition, juror
):
    juror_with(jury_edition, juror, count=2, submitted=2)
    client.force_login(juror)

    content = panel(client.get(HOME), "competition-juror")

    assert "Wszystkie Twoje oceny są złożone." in content
    assert reverse("jury:next") not in content


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "1 ocena do zrobienia"),
        (2, "2 oceny do zrobienia"),
        (4, "4 oceny do zrobienia"),
        (5, "5 ocen do zrobienia"),
        (12, "12 ocen do zrobienia"),
        (22, "22 oceny do zrobienia"),
    ],
)
def test_the_count_of_reviews_left_reads_as_polish(count, words):
    closes = timezone.now() + timedelta(days=3)
    with translation.override("pl"):
        assert reviews_left_summary(count, closes).startswith(f"{words}, termin: ")
    with translation.override("en"):
        assert reviews_left_summary(1, closes).startswith("1 review to do, due ")


# -- the secretariat ---------------------------------------------------------------


def test_the_secretariat_sees_what_waits_per_edition(
    client, home, jury_edition, juror, secretary
):
    now = timezone.now()
    juror_with(jury_edition, juror, count=3, submitted=1)
    open_edition = builders.edition(home, code="MMES-2028")
    for _number in range(2):
        builders.entry(open_edition, status=Status.SUBMITTED)
    builders.entry(
        open_edition,
        status=Status.NEEDS_CORRECTION,
        correction_deadline=now - timedelta(days=1),
    )
    builders.entry(
        open_edition,
        status=Status.NEEDS_CORRECTION,
        correction_deadline=now + timedelta(days=1),
    )
    published = builders.edition(
        home,
        code="MMES-2025",
        opens=now - timedelta(days=400),
        closes=now - timedelta(days=380),
        jury_opens_at=now - timedelta(days=379),
        jury_closes_at=now - timedelta(days=370),
        results_at=now - timedelta(days=365),
    )
    CompetitionPage.objects.filter(pk=published.pk).update(
        results_published_at=now - timedelta(days=365)
    )
    client.force_login(secretary)

    response = client.get(HOME)

    content = panel(response, "competition-secretariat")
    rows = dict(
        re.findall(
            r'<section class="competition-home__edition" data-edition="([^"]+)"'
            r"[^>]*>(.*?)</section>",
            content,
        )
    )
    assert set(rows) == {"MMES-2027", "MMES-2028"}
    new = rows["MMES-2028"]
    assert re.search(
        r'data-count="waiting"><a href="[^"]*status=submitted[^"]*">2', new
    )
    assert re.search(r'data-count="overdue"><a href="[^"]*">1', new)
    assert f"Koniec naboru: {deadline_text(open_edition.submissions_close_at)}" in new
    jury = rows["MMES-2027"]
    assert "Złożone oceny: 1 z 3." in jury
    assert f"?edition={jury_edition.pk}" in jury
    assert f"Koniec oceny jury: {deadline_text(jury_edition.jury_closes_at)}" in jury
    assert PAGE_SEARCH not in response.content.decode()


# -- the editor ---------------------------------------------------------------------


def test_an_editor_sees_their_drafts_what_waits_for_moderation_and_the_search(
    client, home, editor
):
    draft = StandardPage(title="Szkic o spółdzielniach", slug="szkic")
    home.add_child(instance=draft)
    draft.save_revision(user=editor)
    sent = StandardPage(title="Strona do akceptacji", slug="do-akceptacji")
    home.add_child(instance=sent)
    revision = sent.save_revision(user=editor)
    sent.get_workflow().start(sent, editor)
    someone_elses = StandardPage(title="Cudzy szkic", slug="cudzy")
    home.add_child(instance=someone_elses)
    someone_elses.save_revision()
    assert revision.user == editor
    client.force_login(editor)

    response = client.get(HOME)

    drafts = panel(response, "competition-editor-drafts")
    assert "Szkic o spółdzielniach" in drafts
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in drafts
    assert "Cudzy szkic" not in drafts
    moderation = panel(response, "objects-in-workflow")
    assert "Strona do akceptacji" in moderation
    assert PAGE_SEARCH in response.content.decode()
    # Approving is not an editor's job: no panel of pages to review.
    assert 'id="awaiting-review' not in response.content.decode()


# -- the moderator ------------------------------------------------------------------


def test_a_moderator_sees_the_pages_waiting_for_their_approval(
    client, home, editor, moderator
):
    sent = StandardPage(title="Strona do akceptacji", slug="do-akceptacji")
    home.add_child(instance=sent)
    sent.save_revision(user=editor)
    sent.get_workflow().start(sent, editor)
    client.force_login(moderator)

    response = client.get(HOME)

    waiting = panel(response, "awaiting-review")
    assert "Oczekujące na Twoją weryfikację" in waiting
    assert "Strona do akceptacji" in waiting
    assert reverse("wagtailadmin_pages:edit", args=[sent.pk]) in waiting
    assert "Żadna strona nie czeka" not in waiting
    assert PAGE_SEARCH in response.content.decode()


def test_a_moderator_with_nothing_to_approve_is_told_so(client, home, moderator):
    """Wagtail's panel of pages to review disappears when the queue is empty:
    the moderator could not tell an empty queue from a missing panel."""
    client.force_login(moderator)

    response = client.get(HOME)

    waiting = panel(response, "awaiting-review")
    assert "Oczekujące na Twoją weryfikację" in waiting
    assert "Żadna strona nie czeka teraz na Twoją weryfikację." in waiting


# -- query budgets -----------------------------------------------------------------
#
# Measured on SQLite: 15 for a juror, 14 for the secretariat, 26 for an
# editor, the same at both sizes (the admin's own page and menu take most of
# them): no query per entry, assignment, edition or draft.
JUROR_BUDGET = 17
SECRETARIAT_BUDGET = 16
EDITOR_BUDGET = 28


@pytest.mark.parametrize("count", [2, 20])
def test_the_jurors_start_page_queries_do_not_grow(
    client, home, juror, django_assert_max_num_queries, count
):
    now = timezone.now()
    for year in range(2):
        edition = builders.edition(
            home,
            code=f"MMES-{2030 + year}",
            opens=now - timedelta(days=60),
            closes=now - timedelta(days=10),
            jury_opens_at=now - timedelta(days=5),
            jury_closes_at=now + timedelta(days=20),
        )
        juror_with(edition, juror, count=count, submitted=count // 2)
    client.force_login(juror)

    with django_assert_max_num_queries(JUROR_BUDGET):
        response = client.get(HOME)

    assert text(response).count(f"{count - count // 2} oc") >= 2


@pytest.mark.parametrize("count", [1, 8])
def test_the_secretariats_start_page_queries_do_not_grow(
    client, home, juror, secretary, django_assert_max_num_queries, count
):
    now = timezone.now()
    for year in range(count):
        edition = builders.edition(
            home,
            code=f"MMES-{2030 + year}",
            slug=f"mmes-{2030 + year}",
            opens=now - timedelta(days=60),
            closes=now - timedelta(days=10),
            jury_opens_at=now - timedelta(days=5),
            jury_closes_at=now + timedelta(days=20),
            categories=("reintegracja",),
        )
        builders.entry(edition, status=Status.SUBMITTED)
        member = builders.member(edition, juror)
        builders.assign(builders.entry(edition, status=Status.ELIGIBLE), member)
    client.force_login(secretary)

    with django_assert_max_num_queries(SECRETARIAT_BUDGET):
        response = client.get(HOME)

    assert text(response).count("Złożone oceny: 0 z 1.") == count


@pytest.mark.parametrize("count", [1, 8])
def test_the_editors_start_page_queries_do_not_grow(
    client, home, editor, django_assert_max_num_queries, count
):
    for number in range(count):
        draft = StandardPage(title=f"Szkic {number}", slug=f"szkic-{number}")
        home.add_child(instance=draft)
        draft.save_revision(user=editor)
    client.force_login(editor)

    with django_assert_max_num_queries(EDITOR_BUDGET):
        response = client.get(HOME)

    assert panel(response, "competition-editor-drafts").count("Szkic ") == count
