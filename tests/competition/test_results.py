"""The end of an edition: closing scoring, the ranking (screen, export,
protocol), decisions, publication and corrections, the public results page,
and who may reach any of it and when."""

import io
import re
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry, Revision

from competition import decisions, scoring, workflow
from competition.dates import deadline_text
from competition.models import (
    Assignment,
    Category,
    CompetitionIndexPage,
    CompetitionPage,
    ConflictDeclaration,
    Decision,
    Entry,
    EntryFile,
    JuryMember,
    Review,
    Status,
)
from competition.permissions import entries_hidden_from, may_open_results_menu

from . import builders
from .builders import JURY, review, staff_user

NOW = timezone.now()


# -- people --------------------------------------------------------------------


def _juror(username):
    """A user of the "Jury" group with a name the protocol shows ("Ala Test")."""
    return staff_user(
        username, JURY, first_name=username.capitalize(), last_name="Test"
    )


@pytest.fixture
def jurors(db):
    """Three users of the "Jury" group: the chair first."""
    return [_juror(name) for name in ("ala", "bartek", "celina")]


# -- data ----------------------------------------------------------------------


@pytest.fixture
def edition(home):
    """Submissions closed 40 days ago; the jury scores until 5 days from now."""
    return builders.edition(
        home,
        opens=NOW - timedelta(days=60),
        closes=NOW - timedelta(days=40),
        jury_opens_at=NOW - timedelta(days=39),
        jury_closes_at=NOW + timedelta(days=5),
        results_at=NOW + timedelta(days=20),
    )


@pytest.fixture
def scored(edition, jurors):
    """Reintegracja: criteria weighted 1 and 2, 0–10 points. Five entries:
    A 86.67 (100, 80, 80); C and B tied at 66.67, C ahead on the heavier
    criterion (0.8 vs 0.5 of the maximum); F 50 (100 and 0, disagreement);
    D 20 (one review; the chair's draft does not count)."""
    chair, second, third = (
        JuryMember.objects.create(edition=edition, user=user, role=role)
        for user, role in zip(jurors, ("chair", "juror", "juror"), strict=True)
    )
    entries = {}
    for key, name in zip(
        "ABCDF", ("Alfa", "Beta", "Gamma", "Delta", "Fi"), strict=True
    ):
        entries[key] = builders.entry(
            edition, status=Status.IN_REVIEW, organisation_name=f"Spółdzielnia {name}"
        )
    review(entries["A"], chair, (10, 10))
    review(entries["A"], second, (8, 8))
    review(entries["A"], third, (6, 9))
    review(entries["B"], chair, (10, 5))
    review(entries["B"], second, (10, 5))
    review(entries["C"], chair, (4, 8))
    review(entries["C"], second, (4, 8))
    review(entries["D"], third, (2, 2))
    review(entries["D"], chair, (9, 9), status=Review.Status.DRAFT)
    review(entries["F"], chair, (10, 10))
    review(entries["F"], second, (0, 0))
    return {"entries": entries, "members": (chair, second, third)}


def close(edition, user):
    decisions.close_scoring(edition, user)
    edition.refresh_from_db()


def ranking_url(edition, **query):
    url = reverse("competition_results:ranking", args=[edition.pk])
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def urls(edition):
    return [
        ranking_url(edition),
        reverse("competition_results:export", args=[edition.pk]),
        reverse("competition_results:protocol", args=[edition.pk]),
    ]


ROW = re.compile(r'<tr id="entry-\d+" data-reference="([^"]+)">(.*?)</tr>', re.S)
CELL = re.compile(r'<td class="([\w-]+)"[^>]*>(.*?)</td>', re.S)


def screen_rows(response):
    """[(reference, {cell class: text})] of the ranking table, in order."""
    rows = []
    for reference, html in ROW.findall(response.content.decode()):
        cells = {
            name: re.sub(r"<[^>]+>", "", text).strip()
            for name, text in CELL.findall(html)
        }
        rows.append((reference, cells))
    return rows


def matrix(response):
    """{(reference, juror id): shown total} of the per-juror matrix."""
    html = response.content.decode().split('class="listing results-matrix"')[1]
    cells = {}
    for reference, row in re.findall(
        r'<tr data-reference="([^"]+)">(.*?)</tr>', html, re.S
    ):
        for juror, text in re.findall(
            r'<td class="juror-total" data-juror="(\d+)">(.*?)</td>', row
        ):
            cells[reference, int(juror)] = text.strip()
    return cells


# -- who and when -----------------------------------------------------------------


def test_nobody_sees_the_ranking_before_scoring_closes(
    client, scored, edition, secretary, jurors
):
    for user in (secretary, jurors[0]):  # the secretariat, the chair
        client.force_login(user)
        for url in urls(edition):
            response = client.get(url)
            assert response.status_code == 403, (user, url)
            assert "Ocena jury jeszcze trwa" in response.content.decode()


def test_jurors_and_editors_never_see_it_and_anonymous_users_must_log_in(
    client, scored, edition, secretary, jurors, editor
):
    close(edition, secretary)
    for user in (jurors[1], jurors[2], editor):
        client.force_login(user)
        for url in urls(edition) + [
            reverse("competition_results:index"),
            reverse(
                "competition_results:decision",
                args=[edition.pk, scored["entries"]["A"].pk],
            ),
        ]:
            response = client.get(url)
            assert response.status_code == 403, (user, url)
            assert "Ocena jury jeszcze trwa" not in response.content.decode()
    client.logout()
    for url in urls(edition):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_chair_and_the_secretariat_see_it_once_scoring_closes(
    client, scored, edition, secretary, jurors
):
    close(edition, secretary)
    for user in (secretary, jurors[0]):
        client.force_login(user)
        for url in urls(edition):
            assert client.get(url).status_code == 200, (user, url)


def test_scoring_closes_by_date_too(client, scored, edition, jurors):
    CompetitionPage.objects.filter(pk=edition.pk).update(
        jury_closes_at=NOW - timedelta(minutes=1)
    )
    client.force_login(jurors[0])
    response = client.get(ranking_url(edition))
    assert response.status_code == 200
    assert [ref for ref, _cells in screen_rows(response)][0].endswith("0001")


def test_a_chair_of_another_edition_sees_nothing_here(
    client, home, scored, edition, secretary, jurors
):
    other = builders.edition(home, code="MMES-2026", categories=())
    JuryMember.objects.filter(edition=edition, user=jurors[0]).update(role="juror")
    JuryMember.objects.create(edition=other, user=jurors[0], role="chair")
    close(edition, secretary)
    client.force_login(jurors[0])
    for url in urls(edition):
        assert client.get(url).status_code == 403
    index = client.get(reverse("competition_results:index")).content.decode()
    assert "MMES-2026" in index and "MMES-2027" not in index


def test_only_the_secretariat_closes_scoring_and_publishes(
    client, scored, edition, secretary, jurors
):
    client.force_login(jurors[0])  # the chair
    close_url = reverse("competition_results:close_scoring", args=[edition.pk])
    publish_url = reverse("competition_results:publish", args=[edition.pk])
    assert client.post(close_url).status_code == 403
    assert client.post(publish_url).status_code == 403
    edition.refresh_from_db()
    assert edition.scoring_closed_at is None


# -- closing scoring ----------------------------------------------------------------


def test_closing_scoring_moves_entries_on_and_is_logged(
    client, scored, edition, secretary
):
    client.force_login(secretary)
    url = reverse("competition_results:close_scoring", args=[edition.pk])
    assert "Zamknąć ocenę jury?" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.scoring_closed_at is not None and edition.scoring_closed()
    statuses = {e.status for e in edition.entries.all()}
    assert statuses == {Status.REVIEWED}
    log = PageLogEntry.objects.get(action="competition.scoring.closed")
    assert log.user == secretary and log.data["entries_reviewed"] == 5
    # Twice: refused, and no longer offered.
    assert client.post(url).status_code == 403
    assert PageLogEntry.objects.filter(action="competition.scoring.closed").count() == 1
    index = client.get(reverse("competition_results:index")).content.decode()
    assert url not in index


def test_the_confirmation_counts_the_reviews_and_the_time_left(
    client, scored, edition, secretary
):
    """Expected reviews are the live assignments (F has none); the chair's
    draft of D and the third juror's unscored B are missing."""
    entries, members = scored["entries"], scored["members"]
    for key, jurors_of_entry in {
        "A": (0, 1, 2),
        "B": (0, 1, 2),
        "C": (0, 1),
        "D": (0, 2),
    }.items():
        for index in jurors_of_entry:
            Assignment.objects.create(entry=entries[key], member=members[index])
    client.force_login(secretary)
    url = reverse("competition_results:close_scoring", args=[edition.pk])

    page = " ".join(client.get(url).content.decode().split())

    assert "Złożone oceny: 8 z 10." in page
    assert "Brakuje 2 ocen." in page
    assert "Ala Test: złożone 3 z 4" in page and "Celina Test: złożone 2 z 3" in page
    assert "Bartek Test" not in page
    assert "Do końca oceny zostało 4 dni" in page
    assert f"(termin: {deadline_text(edition.jury_closes_at)})" in page
    assert "Zamknięcia oceny nie można cofnąć." in page


@pytest.mark.parametrize("moment", ["before_the_jury_phase", "after_publication"])
def test_closing_is_refused_and_not_offered_outside_the_jury_phase(
    client, scored, edition, secretary, moment
):
    if moment == "before_the_jury_phase":
        changes = {"jury_opens_at": NOW + timedelta(days=1)}
        refusal = "Ocenę można zamknąć dopiero w fazie oceny jury"
    else:
        # Results published a year ago; scoring had ended by date.
        changes = {
            "jury_closes_at": NOW - timedelta(days=400),
            "results_published_at": NOW - timedelta(days=365),
        }
        refusal = "Wyniki tej edycji są już opublikowane"
    CompetitionPage.objects.filter(pk=edition.pk).update(**changes)
    edition.refresh_from_db()
    client.force_login(secretary)
    url = reverse("competition_results:close_scoring", args=[edition.pk])

    index = client.get(reverse("competition_results:index")).content.decode()
    shown = client.get(url)
    posted = client.post(url)

    assert url not in index
    assert shown.status_code == 403 and refusal in shown.content.decode()
    assert posted.status_code == 403
    edition.refresh_from_db()
    assert edition.scoring_closed_at is None
    assert not PageLogEntry.objects.filter(action="competition.scoring.closed").exists()
    assert {e.status for e in edition.entries.all()} == {Status.IN_REVIEW}
    with pytest.raises(decisions.ResultsError):
        decisions.close_scoring(edition, secretary)
    assert not PageLogEntry.objects.filter(action="competition.scoring.closed").exists()


def test_closing_is_offered_during_the_jury_phase(client, scored, edition, secretary):
    client.force_login(secretary)
    url = reverse("competition_results:close_scoring", args=[edition.pk])

    assert url in client.get(reverse("competition_results:index")).content.decode()


# -- the ranking ----------------------------------------------------------------------


def test_the_ranking_shows_scores_statistics_and_the_tie_break_in_words(
    client, scored, edition, secretary
):
    close(edition, secretary)
    client.force_login(secretary)
    response = client.get(ranking_url(edition))
    rows = screen_rows(response)
    ref = {k: e.reference for k, e in scored["entries"].items()}
    assert [r for r, _c in rows] == [ref["A"], ref["C"], ref["B"], ref["F"], ref["D"]]
    cells = dict(rows)
    assert cells[ref["A"]]["score"] == "86,67"
    assert cells[ref["A"]]["n"] == "3"
    assert cells[ref["A"]]["median"] == "80,00"
    assert cells[ref["A"]]["min"] == "80,00" and cells[ref["A"]]["max"] == "100,00"
    assert cells[ref["A"]]["std"] == "11,55"
    assert cells[ref["D"]]["n"] == "1" and cells[ref["D"]]["score"] == "20,00"
    assert cells[ref["F"]]["disagreement"].startswith("tak")
    assert cells[ref["A"]]["disagreement"] == "nie"
    assert [c["rank"] for _r, c in rows] == ["1", "2", "3", "4", "5"]
    expected = (
        "Remis rozstrzygnięty: wyższa średnia w kryterium „Kryterium 2” (0,80 vs 0,50)."
    )
    assert cells[ref["C"]]["tie-break"] == expected
    assert cells[ref["B"]]["tie-break"] == expected
    assert cells[ref["A"]]["tie-break"] == ""
    html = response.content.decode()
    # The rules, the chart with its text alternative, the matrix.
    assert "wyższa średnia w najważniejszym kryterium (po wagach)" in html
    assert "Kryterium 2: waga 2,00, 0–10 pkt" in html
    assert '<svg class="strip" role="img"' in html
    assert f"Sumy jurorów zgłoszenia {ref['A']} na osi 0–100</title>" in html
    assert "<desc" in html and "Sumy jurorów: 80,00; 80,00; 100,00." in html
    chair, second, third = scored["members"]
    shown = matrix(response)
    assert shown[ref["A"], chair.pk] == "100,00"
    assert shown[ref["D"], chair.pk] == "—"  # a draft is not a score
    assert shown[ref["D"], third.pk] == "20,00"


def test_the_table_sorts_on_the_server_with_aria_sort(
    client, scored, edition, secretary
):
    close(edition, secretary)
    client.force_login(secretary)
    response = client.get(ranking_url(edition, sort="-std"))
    rows = screen_rows(response)
    ref = {k: e.reference for k, e in scored["entries"].items()}
    assert rows[0][0] == ref["F"]  # the widest spread first
    html = response.content.decode()
    assert re.search(
        r'aria-sort="descending"><a href="\?category=\d+&amp;sort=std"', html
    )
    assert html.count('aria-sort="none"') == 4
    response = client.get(ranking_url(edition, sort="n"))
    assert [r for r, _c in screen_rows(response)][0] == ref["D"]
    response = client.get(ranking_url(edition, sort="nonsense"))
    assert [r for r, _c in screen_rows(response)][0] == ref["A"]


def test_the_chairs_recorded_place_breaks_a_tie_when_the_rules_say_so(
    client, scored, edition, secretary, jurors
):
    CompetitionPage.objects.filter(pk=edition.pk).update(tie_breaks="chair_decision")
    close(edition, secretary)
    b, c = scored["entries"]["B"], scored["entries"]["C"]
    client.force_login(jurors[0])
    rows = screen_rows(client.get(ranking_url(edition)))
    assert dict(rows)[b.reference]["tie-break"].startswith("Nie rozstrzygnięto")
    for entry, place in ((b, 1), (c, 2)):
        response = client.post(
            reverse("competition_results:decision", args=[edition.pk, entry.pk]),
            {"outcome": "distinction", "justification": "Dobre.", "chair_rank": place},
        )
        assert response.status_code == 302
    rows = screen_rows(client.get(ranking_url(edition)))
    assert [r for r, _c in rows][1:3] == [b.reference, c.reference]
    assert dict(rows)[b.reference]["tie-break"] == (
        "Remis rozstrzygnięty: miejsce wskazane przez przewodniczącego jury (1 vs 2)."
    )


def test_every_number_on_the_screen_comes_back_from_the_export(
    client, scored, edition, secretary
):
    entries = scored["entries"]
    entries["B"].organisation_name = '=HYPERLINK("http://zlo.example")'
    entries["B"].save()
    close(edition, secretary)
    client.force_login(secretary)
    screen = client.get(ranking_url(edition))
    response = client.get(reverse("competition_results:export", args=[edition.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Zasady", "Ranking", "Sumy jurorów", "Punkty"]
    points = list(book["Punkty"].iter_rows(min_row=2, values_only=True))
    earned, full = defaultdict(Fraction), defaultdict(Fraction)
    for _category, reference, juror, _criterion, weight, maximum, value in points:
        w = Fraction(Decimal(str(weight)))
        earned[reference, juror] += w * value
        full[reference, juror] += w * maximum
    totals = defaultdict(dict)
    for (reference, juror), value in earned.items():
        totals[reference][juror] = value / full[reference, juror] * 100
    shown = dict(screen_rows(screen))
    assert set(totals) == set(shown)
    for reference, by_juror in totals.items():
        values = sorted(by_juror.values())
        mean = sum(values, Fraction(0)) / len(values)
        expected = f"{scoring.for_display(mean)}".replace(".", ",")
        assert shown[reference]["score"] == expected, reference
        assert shown[reference]["n"] == str(len(values))
    names = {m.pk: str(m) for m in scored["members"]}
    for (reference, juror_id), text in matrix(screen).items():
        if text == "—":
            assert names[juror_id] not in totals[reference]
        else:
            value = totals[reference][names[juror_id]]
            assert text == f"{scoring.for_display(value)}".replace(".", ",")
    exported_totals = {
        (ref, juror): total
        for _c, ref, juror, total in book["Sumy jurorów"].iter_rows(
            min_row=2, values_only=True
        )
    }
    for (reference, juror), value in exported_totals.items():
        assert value == pytest.approx(float(totals[reference][juror]))
    ranking = list(book["Ranking"].iter_rows(min_row=2, values_only=True))
    assert [row[2] for row in ranking] == list(shown)
    nominees = [row[3] for row in ranking]
    assert '\'=HYPERLINK("http://zlo.example")' in nominees  # neutralised


def test_the_ranking_runs_the_same_queries_whatever_its_size(
    client, home, secretary, django_assert_max_num_queries
):
    def build(code, n_entries, n_jurors):
        page = builders.edition(
            home,
            code=code,
            opens=NOW - timedelta(days=60),
            closes=NOW - timedelta(days=40),
            jury_opens_at=NOW - timedelta(days=39),
            jury_closes_at=NOW - timedelta(days=1),
            results_at=NOW + timedelta(days=20),
        )
        members = [
            JuryMember.objects.create(
                edition=page,
                user=_juror(f"{code}-{i}"),
                role="chair" if i == 0 else "juror",
            )
            for i in range(n_jurors)
        ]
        for number in range(n_entries):
            entry = builders.entry(page, status=Status.REVIEWED)
            for j, member in enumerate(members):
                review(entry, member, ((number + j) % 11, (number * j) % 11))
            if number % 2:
                Decision.objects.create(
                    entry=entry, outcome="not_awarded", justification="x"
                )
        return page

    small, large = build("MMES-2030", 3, 2), build("MMES-2031", 14, 6)
    # 22: the ranking's 5 plus the admin's own (session, user, menu items: the
    # jury menu asks once whether the user sits on a jury).
    client.force_login(secretary)
    counts = []
    for page in (small, large):
        client.get(ranking_url(page))  # warm caches (site root paths, etc.)
        with (
            CaptureQueriesContext(connection) as queries,
            django_assert_max_num_queries(22),
        ):
            response = client.get(ranking_url(page))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# -- decisions -----------------------------------------------------------------------


def decide(client, edition, entry, outcome="laureate", **data):
    return client.post(
        reverse("competition_results:decision", args=[edition.pk, entry.pk]),
        {"outcome": outcome, "justification": "Za odwagę i konsekwencję.", **data},
    )


def test_a_decision_needs_a_justification_and_moves_the_entry(
    client, scored, edition, secretary, jurors
):
    close(edition, secretary)
    entry = scored["entries"]["A"]
    client.force_login(jurors[0])  # the chair
    response = decide(client, edition, entry, justification="  ")
    assert response.status_code == 400
    assert not Decision.objects.filter(entry=entry).exists()
    response = decide(client, edition, entry)
    assert response.status_code == 302
    # Back on the ranking, at the entry's row.
    assert response["Location"] == (
        f"{ranking_url(edition, category=entry.category_id)}#entry-{entry.pk}"
    )
    entry.refresh_from_db()
    assert entry.status == Status.LAUREATE
    decision = entry.decision
    assert decision.decided_by == jurors[0]
    logs = log_registry.get_logs_for_instance(entry)
    recorded = logs.get(action="competition.decision.recorded")
    assert recorded.data["outcome"] == "laureate"
    assert recorded.data["actor"] == workflow.CHAIR
    assert logs.filter(action="competition.entry.laureate").exists()
    # Pending: the applicant's status page still says "reviewed".
    from competition.applicant import shown_status

    assert shown_status(entry, edition) == Status.REVIEWED
    # A change before publication needs no reason and is logged again.
    assert decide(client, edition, entry, outcome="distinction").status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.DISTINCTION
    assert logs.filter(action="competition.decision.recorded").count() == 2


def test_the_decision_screen_shows_the_result_and_the_jurors_comments(
    client, scored, edition, secretary, jurors
):
    """What the chair writes the justification from: the place, the score and
    each counted review's points and comments; a draft is not among them."""
    close(edition, secretary)
    chair, second, third = scored["members"]
    entry = scored["entries"]["D"]  # one submitted review (third), a chair's draft
    third_review = Review.objects.get(entry=entry, member=third)
    third_review.scores.update(comment="Mało danych o efektach.")
    chair_draft = Review.objects.get(entry=entry, member=chair)
    chair_draft.scores.update(comment="Szkic przewodniczącego.")
    client.force_login(jurors[0])

    response = client.get(
        reverse("competition_results:decision", args=[edition.pk, entry.pk])
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "5 z 5" in content  # D is last of the five
    assert "20,00" in content
    assert "Mało danych o efektach." in content
    assert "Szkic przewodniczącego." not in content
    assert content.count("/10</strong>") == 2  # the two criteria of one review


def test_no_decision_on_an_entry_the_jury_did_not_score(
    client, scored, edition, secretary
):
    close(edition, secretary)
    other = builders.entry(edition, status=Status.INELIGIBLE, status_reason="Brak")
    client.force_login(secretary)
    assert decide(client, edition, other).status_code == 404


def test_the_protocol_lists_jury_rules_ranking_and_justifications(
    client, scored, edition, secretary
):
    close(edition, secretary)
    client.force_login(secretary)
    decide(client, edition, scored["entries"]["A"])
    html = client.get(
        reverse("competition_results:protocol", args=[edition.pk])
    ).content.decode()
    # The print layout is a stylesheet of its own (no inline styles: the CSP).
    assert 'href="/static/css/protocol.css"' in html
    assert "@media print" in (settings.BASE_DIR / "static/css/protocol.css").read_text()
    assert "Protokół z posiedzenia jury" in html
    assert "Ala Test" in html and "przewodniczący(-a) jury" in html
    assert "Za odwagę i konsekwencję." in html
    assert "86,67" in html
    assert "Podpisy członków jury" in html and html.count('class="signature"') == 3


# -- publication -------------------------------------------------------------------


@pytest.fixture
def decided(scored, edition, secretary):
    """Scoring closed and every scored entry decided; plus an ineligible entry
    (English), a withdrawn one and a draft."""
    close(edition, secretary)
    e = scored["entries"]
    outcomes = {"A": "laureate", "C": "distinction", "B": "not_awarded"}
    for key, entry in e.items():
        decisions.record_decision(
            entry,
            outcomes.get(key, "not_awarded"),
            f"Uzasadnienie {key}.",
            secretary,
            workflow.SECRETARIAT,
        )
    builders.entry(
        edition,
        status=Status.INELIGIBLE,
        email="nie@example.org",
        language="en",
        status_reason="Siedziba poza Mazowszem.",
    )
    builders.entry(edition, status=Status.WITHDRAWN, email="wycofane@example.org")
    builders.entry(edition, status=Status.DRAFT, email="szkic@example.org")
    return e


def results_url(edition):
    return edition.url + "wyniki/"


def test_publication_needs_every_decision(client, scored, edition, secretary):
    close(edition, secretary)
    client.force_login(secretary)
    url = reverse("competition_results:publish", args=[edition.pk])
    assert "5 ocenionych zgłoszeń nie ma jeszcze decyzji" in (
        client.get(url).content.decode()
    )
    response = client.post(url, follow=True)
    assert "Nie wszystkie ocenione zgłoszenia mają decyzję" in response.content.decode()
    edition.refresh_from_db()
    assert edition.results_published_at is None


def test_publishing_opens_the_results_page_and_mails_every_applicant(
    client, decided, edition, secretary, mailoutbox, django_capture_on_commit_callbacks
):
    assert client.get(results_url(edition)).status_code == 404
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("competition_results:publish", args=[edition.pk])
        )
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.results_published_at is not None
    log = PageLogEntry.objects.get(action="competition.results.published")
    assert log.user == secretary and log.data["emails"] == 6
    # Five decided entries and the ineligible one; not the withdrawn or the draft.
    assert len(mailoutbox) == 6
    recipients = [m.to[0] for m in mailoutbox]
    assert "wycofane@example.org" not in recipients
    assert "szkic@example.org" not in recipients
    laureate = next(m for m in mailoutbox if "laureatem" in m.body)
    assert decided["A"].reference in laureate.subject
    assert "Uzasadnienie A." in laureate.body
    assert "/wyniki/" in laureate.body
    # The ineligible applicant wrote in English: the e-mail is in English.
    ineligible = mailoutbox[recipients.index("nie@example.org")]
    assert "The entry was not assessed by the jury" in ineligible.body
    # Published once; a second time is refused.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("competition_results:publish", args=[edition.pk]))
    assert len(mailoutbox) == 6


def test_after_publication_a_change_needs_a_reason_and_is_logged(
    client, decided, edition, secretary, mailoutbox, django_capture_on_commit_callbacks
):
    decisions.publish_results(edition, secretary)
    mailoutbox.clear()
    client.force_login(secretary)
    entry = decided["B"]
    response = decide(client, edition, entry, outcome="distinction")
    assert response.status_code == 400
    assert "Powód zmiany" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == Status.NOT_AWARDED
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(
            client, edition, entry, outcome="distinction", reason="Błąd w protokole."
        )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.DISTINCTION
    log = log_registry.get_logs_for_instance(entry).get(
        action="competition.decision.corrected"
    )
    assert log.data["reason"] == "Błąd w protokole."
    assert log.data["previous"]["outcome"] == "not_awarded"
    assert [m.to[0] for m in mailoutbox] == [entry.email]
    assert "Błąd w protokole." in mailoutbox[0].body
    with pytest.raises(decisions.ResultsError):
        decisions.record_decision(
            entry, "laureate", "x", secretary, workflow.SECRETARIAT
        )


# -- the public page ---------------------------------------------------------------


def jpeg_file(entry):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 60)).save(buffer, "JPEG")
    name = storages["private"].save(
        "entries/test/laureat.jpg", ContentFile(buffer.getvalue())
    )
    return EntryFile.objects.create(
        entry=entry,
        kind="photo",
        storage_name=name,
        original_name="laureat.jpg",
        content_type="image/jpeg",
        size=len(buffer.getvalue()),
        width=40,
        height=30,
    )


def test_the_results_page_shows_laureates_and_no_scores(
    client, private_root, decided, edition, secretary
):
    Entry.objects.filter(pk=decided["A"].pk).update(
        image_publication_allowed=True, title="Kawiarnia Alfa"
    )
    allowed = jpeg_file(decided["A"])
    refused = jpeg_file(decided["C"])  # no consent
    photo_url = reverse("competition_results_photo", args=[allowed.pk])
    assert client.get(photo_url).status_code == 404  # not yet published
    decisions.publish_results(edition, secretary)
    response = client.get(results_url(edition))
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split("<main", 1)[-1]
    assert "Spółdzielnia Alfa" in main and "Spółdzielnia Gamma" in main
    assert "Spółdzielnia Beta" not in main  # not awarded
    assert "Uzasadnienie A." in main and "Uzasadnienie C." in main
    assert "Kawiarnia Alfa" in main and "Warszawa" in main
    for secret in ("86,67", "86.67", "Ala Test", "Uzasadnienie B.", "juror"):
        assert secret not in main
    assert photo_url in main
    assert reverse("competition_results_photo", args=[refused.pk]) not in main
    photo = client.get(photo_url)
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"
    assert photo["Content-Disposition"] == "inline"
    assert photo["X-Content-Type-Options"] == "nosniff"
    assert b"".join(photo.streaming_content)[:2] == b"\xff\xd8"
    refused_url = reverse("competition_results_photo", args=[refused.pk])
    assert client.get(refused_url).status_code == 404


def test_the_published_photo_is_a_clean_copy(
    client, private_root, decided, edition, secretary
):
    """Issue 12 §3: the public gets the photo re-encoded, upright, without EXIF
    (GPS), cached briefly; the original is kept as uploaded."""
    Entry.objects.filter(pk=decided["A"].pk).update(image_publication_allowed=True)
    decided["A"].refresh_from_db()
    photo, original = builders.attach_photo(decided["A"])
    decisions.publish_results(edition, secretary)
    response = client.get(reverse("competition_results_photo", args=[photo.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=600"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    builders.assert_clean_upright_photo(b"".join(response.streaming_content))
    assert (private_root / photo.storage_name).read_bytes() == original
    assert b"Exif" in original


def laureate_cards(html):
    """{nominee name: the card's HTML} of the public results page."""
    cards = {}
    for chunk in html.split('<li class="laureate-card')[1:]:
        name = re.search(r'class="laureate-card__name">([^<]+)</h3>', chunk)
        cards[name.group(1)] = chunk.split("</article>", 1)[0]
    return cards


def test_the_results_celebrate_each_laureate_with_a_card(
    client, decided, edition, secretary
):
    """A card per awarded entry: photo only with the consent, else a drawn
    illustration; the category's icon, the powiat by name, the jury's words
    and the "Laureat MMES <year>" mark."""
    Category.objects.filter(edition=edition, slug="reintegracja").update(icon="hands")
    Entry.objects.filter(pk=decided["A"].pk).update(image_publication_allowed=True)
    Entry.objects.filter(pk=decided["C"].pk).update(city="Sierpc", powiat="1427")
    allowed = jpeg_file(decided["A"])
    refused = jpeg_file(decided["C"])  # no consent
    person = builders.entry(
        edition,
        category=edition.categories.get(slug="osobowosc"),
        status=Status.LAUREATE,
    )
    Decision.objects.create(
        entry=person, outcome="laureate", justification="Za lata pracy."
    )
    decisions.publish_results(edition, secretary)

    html = client.get(results_url(edition)).content.decode()
    cards = laureate_cards(html)

    assert list(cards) == ["Spółdzielnia Alfa", "Spółdzielnia Gamma", "Anna Kowalska"]
    alfa, gamma, anna = cards.values()
    photo = reverse("competition_results_photo", args=[allowed.pk])
    assert f'<img src="{photo}" alt="Spółdzielnia Alfa – zdjęcie 1"' in alfa
    assert "scenes/" not in alfa
    assert reverse("competition_results_photo", args=[refused.pk]) not in gamma
    assert re.search(r'src="/static/img/scenes/\w+\.svg" alt=""', gamma)
    assert 'src="/static/img/scenes/person.svg" alt=""' in anna
    assert '<span class="award-mark__label">Laureat MMES 2027</span>' in alfa
    assert '<span class="award-mark__label">Wyróżnienie MMES 2027</span>' in gamma
    assert "award-mark--distinction" in gamma and "award-mark--laureate" in alfa
    assert 'src="/static/img/competition/icons/hands.svg"' in alfa
    assert 'src="/static/img/competition/icons/award.svg"' in anna  # the default
    assert "Warszawa (miasto na prawach powiatu)</p>" in alfa
    assert "Warszawa ·" not in alfa  # a city with powiat rights is named once
    assert "Sierpc · powiat sierpecki</p>" in gamma
    assert "Uzasadnienie A." in alfa and "Uzasadnienie jury</figcaption>" in alfa
    assert "Za lata pracy." in anna
    # The page's head counts the laureates; the category is a heading with its icon.
    assert "Kapituła wybrała 2 laureatów." in html
    assert re.search(
        r'<h2 id="results-reintegracja"[^>]*>.*icons/hands\.svg.*'
        r"Kategoria „Reintegracja”",
        html,
        re.S,
    )


def test_the_index_keeps_an_archive_of_published_results(
    client, home, decided, edition, secretary
):
    builders.edition(home, code="MMES-2028", categories=())  # open, no results
    index_url = edition.get_parent().url
    html = client.get(index_url).content.decode()
    assert "archiwum-wynikow" not in html
    assert results_url(edition) not in html

    decisions.publish_results(edition, secretary)

    html = client.get(index_url).content.decode()
    archive = html.split('id="archiwum-wynikow"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<a href="([^"]+)">Wyniki: ', archive) == [results_url(edition)]
    assert "Laureat MMES 2027" in archive
    # The edition's card on the index and the edition's own page link to them.
    assert f'href="{results_url(edition)}">Poznaj laureatów' in html
    page = client.get(edition.url).content.decode()
    assert f'href="{results_url(edition)}">Zobacz wyniki' in page


def test_photos_of_entries_not_awarded_stay_private(
    client, decided, edition, secretary
):
    Entry.objects.filter(pk=decided["B"].pk).update(image_publication_allowed=True)
    item = jpeg_file(decided["B"])
    decisions.publish_results(edition, secretary)
    assert (
        client.get(reverse("competition_results_photo", args=[item.pk])).status_code
        == 404
    )


def test_the_results_page_in_english_reads_the_polish_publication(
    client, decided, edition, secretary, home_en, locales
):
    index = CompetitionIndexPage.objects.get(pk=edition.get_parent().pk)
    index_en = index.copy_for_translation(locales["en"])
    index_en.title, index_en.slug = "Competition", "competition"
    index_en.save_revision().publish()
    page_en = edition.copy_for_translation(locales["en"]).specific
    page_en.title = "Mazovian Social Economy Brand 2027"
    page_en.save_revision().publish()
    url = "/en/competition/mmes-2027/wyniki/"
    assert client.get(url).status_code == 404
    decisions.publish_results(edition, secretary)
    page_en.refresh_from_db()
    assert page_en.results_published_at is None  # set on the original only
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Spółdzielnia Alfa" in html
    assert 'lang="pl">Uzasadnienie A.' in html


def test_publication_survives_an_editor_publishing_an_older_draft(
    client, decided, edition, secretary
):
    # An editor saved a draft of the edition page before the results were out...
    draft = CompetitionPage.objects.get(pk=edition.pk)
    draft.intro = "<p>Nowy wstęp.</p>"
    revision = draft.save_revision()
    decisions.publish_results(edition, secretary)
    # ...and publishes it afterwards (a later request: the revision is read
    # again); the revision knows nothing of either date.
    Revision.objects.get(pk=revision.pk).publish()
    page = CompetitionPage.objects.get(pk=edition.pk)
    assert page.intro == "<p>Nowy wstęp.</p>"
    assert page.results_published_at is not None
    assert page.scoring_closed_at is not None
    assert client.get(results_url(edition)).status_code == 200


# -- a chair with a conflict ------------------------------------------------------


def test_a_chair_sees_nothing_of_an_entry_they_declared_a_conflict_on(
    client, scored, edition, secretary, jurors
):
    """DESIGN §6: a conflict hides the entry and its scores from that juror
    everywhere; the chair is a juror too. The secretariat decides it."""
    chair, _second, third = scored["members"]
    entry = scored["entries"]["D"]  # scored by the third juror; the chair's draft
    Review.objects.filter(entry=entry, member=chair).delete()
    ConflictDeclaration.objects.create(
        entry=entry, member=chair, has_conflict=True, kind="family"
    )
    Review.objects.get(entry=entry, member=third).scores.update(
        comment="Komentarz tylko dla bezstronnych."
    )
    close(edition, secretary)
    client.force_login(jurors[0])

    ranking_page = client.get(ranking_url(edition)).content.decode()
    assert entry.reference not in ranking_page
    assert scored["entries"]["A"].reference in ranking_page
    assert "Nie widzisz 1 zgłoszenia" in ranking_page
    decision = reverse("competition_results:decision", args=[edition.pk, entry.pk])
    assert client.get(decision).status_code == 404
    assert decide(client, edition, entry).status_code == 404
    assert not Decision.objects.filter(entry=entry).exists()
    protocol = client.get(
        reverse("competition_results:protocol", args=[edition.pk])
    ).content.decode()
    assert entry.reference not in protocol
    export = client.get(reverse("competition_results:export", args=[edition.pk]))
    cells = {
        str(cell)
        for sheet in openpyxl.load_workbook(io.BytesIO(export.content)).worksheets
        for line in sheet.iter_rows(values_only=True)
        for cell in line
    }
    assert entry.reference not in cells
    assert "Komentarz tylko dla bezstronnych." not in cells

    # The secretariat sees and decides it.
    client.force_login(secretary)
    assert entry.reference in client.get(ranking_url(edition)).content.decode()
    assert decide(client, edition, entry).status_code == 302


def test_only_the_users_own_conflicts_in_this_edition_are_hidden_from_them(
    home, scored, edition, secretary, jurors
):
    chair, second, _third = scored["members"]
    entries = scored["entries"]
    declare = ConflictDeclaration.objects.create
    declare(entry=entries["D"], member=chair, has_conflict=True, kind="family")
    declare(entry=entries["A"], member=chair, has_conflict=False)
    declare(entry=entries["B"], member=second, has_conflict=True, kind="family")
    # The chair's conflict on another edition's entry says nothing about this one.
    other = builders.edition(home, code="MMES-2028", slug="mmes-2028")
    elsewhere = JuryMember.objects.create(edition=other, user=jurors[0], role="chair")
    other_entry = builders.entry(other, status=Status.IN_REVIEW)
    declare(entry=other_entry, member=elsewhere, has_conflict=True, kind="family")
    # The secretariat sees all, even what it declared a conflict on as a juror.
    as_juror = JuryMember.objects.create(edition=edition, user=secretary)
    declare(entry=entries["C"], member=as_juror, has_conflict=True, kind="family")

    assert entries_hidden_from(jurors[0], edition) == {entries["D"].pk}
    assert entries_hidden_from(jurors[0], other) == {other_entry.pk}
    assert entries_hidden_from(jurors[1], edition) == {entries["B"].pk}
    assert entries_hidden_from(jurors[2], edition) == frozenset()
    assert entries_hidden_from(secretary, edition) == frozenset()


# -- the jurors' dashboard once scoring is over --------------------------------------


def test_the_dashboard_after_closing_counts_the_jurors_reviews(
    client, scored, edition, secretary, jurors
):
    """Decided entries leave the jury's states before publication: the closed
    edition says what the juror did, and the chair finds the ranking."""
    close(edition, secretary)
    for entry in scored["entries"].values():
        decisions.record_decision(
            entry, "not_awarded", "Uzasadnienie.", secretary, workflow.SECRETARIAT
        )
    client.force_login(jurors[2])  # the third juror submitted A and D

    content = client.get(reverse("jury:dashboard")).content.decode()

    assert "Twoje złożone oceny: 2." in content
    assert "Ocena trwała od" in content
    assert "Nie masz jeszcze przydzielonych" not in content
    ranking_link = reverse("competition_results:ranking", args=[edition.pk])
    assert ranking_link not in content
    client.force_login(jurors[0])
    assert ranking_link in client.get(reverse("jury:dashboard")).content.decode()


def test_the_dashboard_survives_a_published_edition_outside_the_site(
    client, scored, edition, secretary, jurors
):
    from wagtail.models import Page, Site

    close(edition, secretary)
    for entry in scored["entries"].values():
        decisions.record_decision(
            entry, "not_awarded", "Uzasadnienie.", secretary, workflow.SECRETARIAT
        )
    decisions.publish_results(edition, secretary)
    other = Page.get_first_root_node().add_child(
        instance=Page(title="Inna", slug="inna")
    )
    Site.objects.update(root_page=other)
    Site.clear_site_root_paths_cache()
    client.force_login(jurors[1])

    response = client.get(reverse("jury:dashboard"))

    assert response.status_code == 200
    assert "Wyniki opublikowano" in response.content.decode()
    assert "Zobacz opublikowane wyniki" not in response.content.decode()


# -- who reaches the results ---------------------------------------------------------


def test_the_results_menu_is_for_the_secretariat_and_active_chairs_only(
    edition, jurors, secretary, editor
):
    chair, juror = jurors[0], jurors[1]
    JuryMember.objects.create(edition=edition, user=chair, role="chair")
    JuryMember.objects.create(edition=edition, user=juror, role="juror")

    assert may_open_results_menu(secretary)
    assert may_open_results_menu(chair)
    assert not may_open_results_menu(juror)
    assert not may_open_results_menu(editor)
    assert not may_open_results_menu(AnonymousUser())
    assert not may_open_results_menu(None)
    chair.is_active = False
    chair.save(update_fields=["is_active"])
    assert not may_open_results_menu(chair)
