"""The competition's audit log in the admin: the secretariat's "Dziennik
konkursu" (list and CSV/XLSX export with who, when, what and why), and what
jurors and editors can read of it there and in Wagtail's own history screens."""

import csv
import io
import re
from datetime import datetime, timedelta

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from competition import decisions, formal_check, jury_setup, reviews, workflow
from competition.dates import WARSAW
from competition.models import EntryFile, JuryMember, Status

from . import builders
from .builders import JURY, assert_denied, body, staff_user

LOG = reverse("competition_log:index")
LOG_RESULTS = reverse("competition_log:index_results")
SITE_HISTORY = reverse("wagtailadmin_reports:site_history")

# Reasons that a spreadsheet would run as formulas if written as they are.
CORRECTION_REASON = "=Brak numeru NIP"
REMOVAL_REASON = "-Juror nie może wziąć udziału w ocenie"
CONFLICT_NOTE = "@Pracuję w tej spółdzielni"
CHANGE_REASON = "+Pomyłka w kryterium 2"
DECISION_REASON = "=Błąd w protokole"


def csv_rows(response):
    """The CSV's rows as dicts by heading."""
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8"))))


def xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    heading, *rows = sheet.iter_rows()
    names = [cell.value for cell in heading]
    return [dict(zip(names, row, strict=True)) for row in rows]


# -- one edition's life, through the functions the screens call -----------------


@pytest.fixture
def competition(home, secretary, juror, private_root):
    """An entry taken from submission to a corrected decision after
    publication, with every kind of logged action on the way."""
    now = timezone.now()
    edition = builders.edition(
        home,
        opens=now - timedelta(days=60),
        closes=now - timedelta(days=40),
        jury_opens_at=now - timedelta(days=39),
        jury_closes_at=now + timedelta(days=10),
        results_at=now + timedelta(days=20),
    )
    entry = builders.entry(edition)
    conflicted = staff_user("juror2", JURY, first_name="Ewa", last_name="Nowak")
    dropped = staff_user("juror3", JURY, first_name="Olga", last_name="Zięba")
    members = {
        user: JuryMember.objects.create(edition=edition, user=user)
        for user in (juror, conflicted, dropped)
    }

    # The formal check asks for a correction; the applicant sends it back.
    formal_check.record(
        entry,
        secretary,
        {},
        Status.NEEDS_CORRECTION,
        reason=CORRECTION_REASON,
        correction_fields=["nip"],
        correction_deadline=now + timedelta(days=7),
    )
    workflow.transition(entry, Status.SUBMITTED, workflow.Actor(workflow.APPLICANT))
    formal_check.record(entry, secretary, {}, Status.ELIGIBLE)
    # Assignments: three jurors, one removed by hand with a reason.
    jury_setup.change_assignments(
        edition,
        secretary,
        add=[(entry.pk, member.pk) for member in members.values()],
    )
    jury_setup.change_assignments(
        edition,
        secretary,
        remove=[(entry.pk, members[dropped].pk)],
        reason=REMOVAL_REASON,
    )
    # Declarations, then a review submitted and changed.
    reviews.declare(
        members[conflicted],
        entry,
        has_conflict=True,
        kind="employment",
        note=CONFLICT_NOTE,
        user=conflicted,
    )
    reviews.declare(members[juror], entry, has_conflict=False, user=juror)
    criteria = list(entry.category.criteria.order_by("sort_order"))
    for version, points, reason in ((0, 5, ""), (1, 7, CHANGE_REASON)):
        reviews.save_review(
            members[juror],
            entry,
            [reviews.CriterionScore(criterion, points) for criterion in criteria],
            version=version,
            submit=True,
            reason=reason,
            user=juror,
        )
    # The end: scoring closed, decided, published, corrected after publication.
    decisions.close_scoring(edition, secretary)
    decisions.record_decision(
        entry, "laureate", "Uzasadnienie jury.", secretary, workflow.SECRETARIAT
    )
    decisions.publish_results(edition, secretary)
    decisions.record_decision(
        entry,
        "distinction",
        "Uzasadnienie jury.",
        secretary,
        workflow.SECRETARIAT,
        reason=DECISION_REASON,
    )
    # A file downloaded by the secretariat, through the download view.
    stored = storages["private"].save("entries/deck.pdf", ContentFile(b"%PDF-1.4"))
    entry_file = EntryFile.objects.create(
        entry=entry,
        kind=EntryFile.Kind.PRESENTATION,
        storage_name=stored,
        original_name="prezentacja.pdf",
        content_type="application/pdf",
        size=8,
    )
    downloader = Client()
    downloader.force_login(secretary)
    url = reverse("competition_file_download", args=[entry_file.pk])
    assert downloader.get(url).status_code == 200
    entry.refresh_from_db()
    return {"edition": edition, "entry": entry, "since": now}


# (action label, who, what the reason column says); the reasons neutralised.
EXPECTED = [
    ("Ocena formalna zapisana", "sekretariat", "'" + CORRECTION_REASON),
    ("Zgłoszenie skierowane do poprawy", "sekretariat", "'" + CORRECTION_REASON),
    ("Zgłoszenie wysłane", "zgłaszający", ""),
    ("Zgłoszenie spełnia wymogi", "sekretariat", ""),
    ("Zmiana przydziału", "sekretariat", "'" + REMOVAL_REASON),
    ("Zgłoszenie w ocenie jury", "sekretariat", ""),
    ("Zgłoszony konflikt interesów", "Ewa Nowak", "'" + CONFLICT_NOTE),
    ("Deklaracja braku konfliktu interesów", "Jan", ""),
    ("Ocena złożona", "Jan", ""),
    ("Ocena zmieniona po złożeniu", "Jan", "'" + CHANGE_REASON),
    ("Ocena jury zamknięta", "sekretariat", ""),
    ("Zgłoszenie ocenione", "sekretariat", ""),
    ("Decyzja jury zapisana", "sekretariat", ""),
    ("Decyzja: laureat", "sekretariat", ""),
    ("Wyniki opublikowane", "sekretariat", ""),
    ("Decyzja jury poprawiona po publikacji", "sekretariat", "'" + DECISION_REASON),
    ("Decyzja: wyróżnienie", "sekretariat", "'" + DECISION_REASON),
    ("Pobranie pliku", "sekretariat", ""),
]


EDITION_LEVEL = {"Ocena jury zamknięta", "Wyniki opublikowane"}


def secrets(competition):
    """What the log says that nobody but the secretariat may read."""
    return [
        competition["entry"].reference,
        *(label for label, _who, _reason in EXPECTED),
        CORRECTION_REASON,
        REMOVAL_REASON,
        CONFLICT_NOTE,
        CHANGE_REASON,
        DECISION_REASON,
    ]


def _triples(rows):
    return {
        (row["Czynność"], row["Kto"], row["Powód / komentarz"] or "") for row in rows
    }


def test_the_secretariats_csv_has_every_kind_of_action_with_who_and_why(
    secretary_client, competition
):
    response = secretary_client.get(LOG, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert "dziennik-konkursu-" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert list(rows[0]) == [
        "Czas (czas warszawski)",
        "Kto",
        "Czynność",
        "Szczegóły",
        "Dotyczy",
        "Rodzaj",
        "Powód / komentarz",
    ]
    for expected in EXPECTED:
        assert expected in _triples(rows), expected
    # What the label alone does not say, and what each row is about.
    by_action = {row["Czynność"]: row for row in rows}
    assert by_action["Pobranie pliku"]["Szczegóły"] == (
        "Pobranie pliku zgłoszenia: prezentacja.pdf"
    )
    removal = next(
        row
        for row in rows
        if row["Czynność"] == "Zmiana przydziału" and row["Powód / komentarz"]
    )
    assert removal["Szczegóły"] == "Usunięto przydział jurorowi Olga Zięba (ręcznie)"
    reference = competition["entry"].reference
    assert by_action["Ocena zmieniona po złożeniu"]["Dotyczy"] == f"{reference} – Jan"
    assert by_action["Zgłoszenie wysłane"]["Dotyczy"] == reference
    assert by_action["Zgłoszenie wysłane"]["Rodzaj"] == "Zgłoszenie"
    assert by_action["Wyniki opublikowane"]["Dotyczy"] == competition["edition"].title
    # Warsaw time, to the second, newest first.
    times = [datetime.fromisoformat(row["Czas (czas warszawski)"]) for row in rows]
    since = timezone.localtime(competition["since"], WARSAW).replace(tzinfo=None)
    assert times == sorted(times, reverse=True)
    assert all(moment >= since.replace(microsecond=0) for moment in times)
    assert all(moment.microsecond == 0 for moment in times)


def test_the_xlsx_has_the_same_rows_and_no_formula(secretary_client, competition):
    csv_export = csv_rows(secretary_client.get(LOG, {"export": "csv"}))
    rows = xlsx_rows(secretary_client.get(LOG, {"export": "xlsx"}))

    values = [{name: cell.value for name, cell in row.items()} for row in rows]
    assert _triples(values) == _triples(csv_export)
    assert all(isinstance(row["Czas (czas warszawski)"], datetime) for row in values)
    for row in rows:
        for cell in row.values():
            assert cell.data_type != "f"


def table_rows(response):
    """The listing's rows as lists of cell texts."""
    html = response.content.decode()
    html = html[html.index('<table class="listing') :]
    body_html = html[html.index("<tbody") : html.index("</tbody>")]
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in CELL.findall(row)]
        for row in ROW.findall(body_html)
    ]


ROW = re.compile(r"<tr\b.*?</tr>", re.S)
CELL = re.compile(r"<td\b.*?</td>", re.S)


def test_the_list_shows_when_who_what_why_and_links_the_entry(
    secretary_client, competition
):
    response = secretary_client.get(LOG)

    assert response.status_code == 200
    rows = table_rows(response)
    reference = competition["entry"].reference
    shown = [row[1:] for row in rows]  # who, what, about, reason
    conflict = "Zgłoszony konflikt interesów"
    assert ["Ewa Nowak", conflict, reference, CONFLICT_NOTE] in shown
    removal = "Usunięto przydział jurorowi Olga Zięba (ręcznie)"
    assert ["sekretariat", removal, reference, REMOVAL_REASON] in shown
    change = "Ocena zmieniona po złożeniu"
    assert ["Jan", change, f"{reference} – Jan", CHANGE_REASON] in shown
    assert ["zgłaszający", "Zgłoszenie wysłane", reference, ""] in shown
    day = timezone.localtime(competition["since"], WARSAW)
    when = re.compile(rf"{day.day} \w+ {day.year}, \d\d:\d\d:\d\d")
    assert all(when.fullmatch(row[0]) for row in rows)
    inspect = reverse("competition_entry:inspect", args=[competition["entry"].pk])
    assert f'href="{inspect}"' in response.content.decode()
    # Counted as the log's entries, in Polish plural.
    count = len(rows)
    form = (
        "wpis"
        if count == 1
        else "wpisy"
        if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14)
        else "wpisów"
    )
    assert re.search(rf">\s*{count} {form}\s*<", response.content.decode())


def test_filters_narrow_the_list_and_the_export(secretary_client, competition):
    rows = csv_rows(
        secretary_client.get(
            LOG, {"action": "competition.review.changed", "export": "csv"}
        )
    )
    assert [row["Czynność"] for row in rows] == ["Ocena zmieniona po złożeniu"]

    results = secretary_client.get(LOG_RESULTS, {"label": "nieznane"})
    assert results.status_code == 200
    assert "Ocena złożona" not in results.content.decode()


def test_the_secretariat_finds_it_in_the_competition_menu(secretary, juror, editor):
    assert "Dziennik konkursu" in builders.menu_labels(secretary)
    assert "Dziennik konkursu" not in builders.menu_labels(juror)
    assert "Dziennik konkursu" not in builders.menu_labels(editor)


# -- who else reads what ----------------------------------------------------------


@pytest.mark.parametrize("who", ["juror", "editor", "viewer"])
def test_jurors_editors_and_entry_viewers_cannot_read_it(
    request, client, competition, who
):
    if who == "viewer":
        # Every entry permission but the log's own.
        user = staff_user(
            "viewer",
            permissions=["access_admin", "view_entry", "export_entry", "check_entry"],
        )
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)

    for url in (LOG, LOG_RESULTS):
        assert_denied(client.get(url))
        assert_denied(client.get(url, {"export": "csv"}))
        assert_denied(client.get(url, {"export": "xlsx"}))


def test_a_juror_reads_nothing_of_the_competition_in_wagtails_history_screens(
    client, juror, competition
):
    client.force_login(juror)
    entry, edition = competition["entry"], competition["edition"]

    page = client.get(SITE_HISTORY)
    export = body(client.get(SITE_HISTORY, {"export": "csv"})).decode()
    assert page.status_code == 200
    # Not even the other jurors' names (the user filter lists whoever acted).
    for secret in [*secrets(competition), "Ewa Nowak", "Olga Zięba"]:
        assert secret not in page.content.decode()
        assert secret not in export
    assert export.strip().count("\n") == 0  # the heading only
    # Nor the entry's, the jury member's or the edition's own history.
    assert_denied(client.get(reverse("competition_entry:history", args=[entry.pk])))
    member = JuryMember.objects.get(user=juror)
    assert_denied(
        client.get(reverse("competition_jurymember:history", args=[member.pk]))
    )
    assert_denied(client.get(reverse("wagtailadmin_pages:history", args=[edition.pk])))


def test_an_editor_reads_no_entry_or_review_log_in_the_site_history(
    client, editor, competition
):
    client.force_login(editor)

    rows = csv_rows(client.get(SITE_HISTORY, {"export": "csv"}))
    page = client.get(SITE_HISTORY).content.decode()

    # Editors keep the edition page's history, which says that scoring closed
    # and the results were published (nothing of an entry or a juror).
    assert {"Ocena jury zamknięta", "Wyniki opublikowane"} <= {
        row["Typ akcji"] for row in rows
    }
    assert {row["Typ"] for row in rows} <= {
        "Strona główna",
        "Strona konkursu",
        "Edycja konkursu",
    }
    for secret in secrets(competition):
        if secret in EDITION_LEVEL:
            continue
        assert secret not in page
        assert all(secret not in value for row in rows for value in row.values())


# -- cost ----------------------------------------------------------------------


@pytest.mark.parametrize("entry_count", [3, 40])
def test_the_list_runs_the_same_queries_whatever_its_size(
    secretary_client, edition, secretary, django_assert_max_num_queries, entry_count
):
    # One page of the list (50 rows) holds them all, and the edition's own.
    for _number in range(entry_count):
        entry = builders.entry(edition)
        log(
            instance=entry,
            action="competition.entry.ineligible",
            user=secretary,
            data={"reason": "Brak zgody."},
        )
    secretary_client.get(LOG)  # warm the content types and log actions

    with django_assert_max_num_queries(36):
        response = secretary_client.get(LOG)
    assert response.content.decode().count("Brak zgody.") == entry_count
