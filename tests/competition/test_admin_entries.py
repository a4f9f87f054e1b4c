"""The secretariat's admin screens of entries: list, filters, search, inspect,
export, and who may reach them."""

import csv
import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from competition import workflow
from competition.filters import polish_editions
from competition.models import Consent, EntryFile, Status

from . import builders
from .builders import assert_denied, body, staff_user

WARSAW = ZoneInfo("Europe/Warsaw")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
INDEX = reverse("competition_entry:index")


def inspect_url(entry):
    return reverse("competition_entry:inspect", args=[entry.pk])


TITLE_CELL = re.compile(
    r'<td class="title">.*?<a href="[^"]*/inspect/\d+/">\s*(.*?)\s*</a>', re.DOTALL
)


def listed_references(response):
    """The references in the listing's rows, in order, as the page shows them."""
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in TITLE_CELL.findall(response.content.decode())
    ]


# -- data --------------------------------------------------------------------


@pytest.fixture
def entries(edition):
    """Three submitted entries a day apart (oldest first) and a draft."""
    reintegracja, osobowosc = edition.categories.order_by("sort_order")
    now = timezone.now()
    first = builders.entry(
        edition,
        submitted_at=now - timedelta(days=3),
        organisation_name="Fundacja Pierwsza",
        nip="5261040828",
    )
    second = builders.entry(
        edition,
        category=osobowosc,
        submitted_at=now - timedelta(days=2),
        person_name="Maria Skłodowska",
        email="maria@example.org",
        powiat="1412",
    )
    third = builders.entry(
        edition,
        submitted_at=now - timedelta(days=1),
        organisation_name="Stowarzyszenie Trzecie",
        legal_form="stowarzyszenie",
        title="Pracownia ceramiki",
    )
    draft = builders.entry(
        edition, status=Status.DRAFT, organisation_name="Robocza Sp. Soc."
    )
    return {"first": first, "second": second, "third": third, "draft": draft}


# -- listing -------------------------------------------------------------------


def test_list_shows_submitted_entries_newest_first_without_drafts(
    secretary_client, entries
):
    response = secretary_client.get(INDEX)

    assert response.status_code == 200
    assert listed_references(response) == [
        entries["third"].reference,
        entries["second"].reference,
        entries["first"].reference,
    ]
    content = response.content.decode()
    assert "Robocza Sp. Soc." not in content
    # Columns: nominee name, category, status label, powiat name.
    assert "Maria Skłodowska" in content
    assert "Stowarzyszenie Trzecie" in content
    assert "Osobowosc" in content
    assert "wysłane" in content
    assert "Warszawa" in content  # powiat 1465
    assert "Płock" in content  # powiat 1412 (powiat płocki)


@pytest.mark.parametrize(
    "count, label",
    [
        (1, "1 zgłoszenie"),
        (3, "3 zgłoszenia"),
        (5, "5 zgłoszeń"),
        (22, "22 zgłoszenia"),
    ],
)
def test_the_list_counts_entries_in_polish(secretary_client, edition, count, label):
    for _ in range(count):
        builders.entry(edition)

    content = secretary_client.get(INDEX).content.decode()

    assert re.search(rf">\s*{label}\s*<", content), label


def test_drafts_are_listed_when_the_status_filter_asks(secretary_client, entries):
    response = secretary_client.get(INDEX, {"status": Status.DRAFT})

    content = response.content.decode()
    assert "Robocza Sp. Soc." in content
    assert listed_references(response) == [str(entries["draft"])]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "osobowosc"}, ["second"]),
        ({"powiat": "1412"}, ["second"]),
        ({"legal_form": "stowarzyszenie"}, ["third"]),
        ({"status": Status.SUBMITTED}, ["third", "second", "first"]),
    ],
)
def test_filters(secretary_client, edition, entries, params, expected):
    if "category" in params:
        params = {"category": edition.categories.get(slug=params["category"]).pk}

    response = secretary_client.get(INDEX, params)

    assert listed_references(response) == [entries[key].reference for key in expected]


def test_status_filter_narrows_to_one_state(secretary_client, entries):
    workflow.transition(
        entries["first"],
        Status.ELIGIBLE,
        workflow.Actor(workflow.SECRETARIAT),
    )

    response = secretary_client.get(INDEX, {"status": Status.ELIGIBLE})

    assert listed_references(response) == [entries["first"].reference]
    assert "spełnia wymogi formalne" in response.content.decode()


def test_edition_filter_offers_only_polish_editions(
    secretary_client, home, edition, locales
):
    other = builders.edition(home, code="MMES-2028", categories=("rozwoj",))
    builders.entry(other, organisation_name="Spółdzielnia z 2028")
    builders.entry(edition, organisation_name="Spółdzielnia z 2027")
    english = edition.copy_for_translation(locales["en"], copy_parents=True)

    assert list(polish_editions()) == [other, edition] or set(polish_editions()) == {
        other,
        edition,
    }
    assert english.pk not in {page.pk for page in polish_editions()}

    response = secretary_client.get(INDEX, {"edition": other.pk})
    content = response.content.decode()
    assert "Spółdzielnia z 2028" in content
    assert "Spółdzielnia z 2027" not in content
    assert f'value="{english.pk}"' not in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("5261040828", "first"),  # NIP
        ("maria@example", "second"),  # e-mail
        ("Skłodowska", "second"),  # person
        ("ceramiki", "third"),  # title
        ("stowarzyszenie trzecie", "third"),  # organisation, any case
    ],
)
def test_search(secretary_client, entries, query, expected):
    response = secretary_client.get(INDEX, {"q": query})

    assert listed_references(response) == [entries[expected].reference]


def test_search_by_reference(secretary_client, entries):
    response = secretary_client.get(INDEX, {"q": entries["second"].reference})

    assert listed_references(response) == [entries["second"].reference]


def test_list_offers_neither_add_nor_edit(secretary_client, entries):
    content = secretary_client.get(INDEX).content.decode()

    assert reverse("competition_entry:add") not in content
    assert reverse("competition_entry:edit", args=[entries["first"].pk]) not in content
    assert inspect_url(entries["first"]) in content


# -- inspect -----------------------------------------------------------------


@pytest.fixture
def full_entry(edition, entries):
    entry = entries["third"]
    entry.image_publication_allowed = True
    entry.save()
    Consent.objects.create(
        entry=entry,
        kind=Consent.Kind.DATA,
        given=True,
        text="Administratorem danych jest MCPS <b>Grzybowska</b> 80/82.",
        version="3",
        language="pl",
    )
    Consent.objects.create(
        entry=entry,
        kind=Consent.Kind.IMAGE_PUBLICATION,
        given=False,
        text="Zgoda na publikację wizerunku.",
        version="1",
        language="pl",
    )
    EntryFile.objects.create(
        entry=entry,
        kind=EntryFile.Kind.PRESENTATION,
        storage_name="private/abc.pdf",
        original_name="prezentacja-ceramika.pdf",
        content_type="application/pdf",
        size=2_621_440,
    )
    for number in range(2):
        EntryFile.objects.create(
            entry=entry,
            kind=EntryFile.Kind.PHOTO,
            storage_name=f"private/photo-{number}.jpg",
            original_name=f"zdjecie-{number}.jpg",
            content_type="image/jpeg",
            size=120_000,
            position=number,
        )
    return entry


def test_inspect_shows_what_the_applicant_sent(secretary_client, full_entry):
    workflow.transition(
        full_entry,
        Status.NEEDS_CORRECTION,
        workflow.Actor(workflow.SECRETARIAT),
        reason="Brak podpisu pod prezentacją.",
    )

    response = secretary_client.get(inspect_url(full_entry))

    assert response.status_code == 200
    content = response.content.decode()
    assert full_entry.reference in content
    assert "Stowarzyszenie Trzecie" in content
    assert "stowarzyszenie (rejestrowe)" in content  # legal form label, not code
    assert "Warszawa" in content  # powiat by name
    assert "856-734-62-15" in content or "8567346215" in content
    # Answers next to their criterion's question.
    for criterion in full_entry.category.criteria.all():
        assert criterion.question in content
        assert f"Odpowiedź na {criterion.name}." in content
    assert content.index("Pytanie 1: co zrobiliście?") < content.index(
        "Odpowiedź na Kryterium 1."
    )
    # Consents: kind, given, version and the exact text (escaped) in <details>.
    assert "klauzula informacyjna" in content
    assert "publikacja wizerunku" in content
    assert "<details>" in content
    assert "MCPS &lt;b&gt;Grzybowska&lt;/b&gt; 80/82." in content
    # Files with name, type, a human size and the permission-checked download.
    assert "prezentacja-ceramika.pdf" in content
    assert "application/pdf" in content
    assert "2,5\xa0MB" in content or "2.5\xa0MB" in content
    assert "zdjecie-1.jpg" in content
    # The audit log, with the reason.
    assert "Zgłoszenie skierowane do poprawy" in content
    assert "Brak podpisu pod prezentacją." in content
    # Read-only: no edit or delete for the secretariat.
    assert reverse("competition_entry:edit", args=[full_entry.pk]) not in content
    assert reverse("competition_entry:delete", args=[full_entry.pk]) not in content


def test_inspect_links_files_to_the_download_view(secretary_client, full_entry):
    content = secretary_client.get(inspect_url(full_entry)).content.decode()

    presentation = full_entry.files.get(kind=EntryFile.Kind.PRESENTATION)
    assert f'href="/admin/competition/files/{presentation.pk}/"' in content


# -- export ------------------------------------------------------------------


@pytest.fixture
def hostile_entry(full_entry):
    full_entry.organisation_name = '=HYPERLINK("http://x")'
    full_entry.phone = "+48 600 000 000"
    full_entry.summary = "@SUM(1+1)"
    full_entry.submitted_at = datetime(2027, 3, 31, 23, 30, tzinfo=WARSAW)
    full_entry.save()
    return full_entry


def _csv_rows(response):
    return list(csv.reader(io.StringIO(body(response).decode("utf-8"))))


def _xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_neutralises_formulas_and_has_all_columns(
    secretary_client, hostile_entry, entries, export_format
):
    response = secretary_client.get(INDEX, {"export": export_format})

    assert response.status_code == 200
    assert "zgloszenia-" in response["Content-Disposition"]
    rows = _csv_rows(response) if export_format == "csv" else _xlsx_rows(response)
    heading, *data = rows
    assert heading[:4] == ["Numer zgłoszenia", "Edycja", "Kategoria", "Status"]
    assert "Powiat" in heading and "Odpowiedzi na kryteria" in heading
    # Drafts stay out of the export as they do of the list.
    assert len(data) == 3
    row = dict(zip(heading, data[0], strict=True))  # newest first
    assert row["Numer zgłoszenia"] == hostile_entry.reference
    assert row["Edycja"] == "MMES-2027"
    assert row["Nazwa organizacji / imię i nazwisko"] == '\'=HYPERLINK("http://x")'
    assert row["Telefon"] == "'+48 600 000 000"
    assert row["Krótki opis"] == "'@SUM(1+1)"
    assert row["Forma prawna"] == "stowarzyszenie (rejestrowe)"
    assert row["Powiat"] == "Warszawa"
    assert row["Zgoda na publikację wizerunku"] == "Tak"
    assert row["Prezentacja (plik)"] == "prezentacja-ceramika.pdf"
    assert str(row["Liczba zdjęć"]) == "2"
    assert "Kryterium 1: Odpowiedź na Kryterium 1." in row["Odpowiedzi na kryteria"]
    submitted = row["Wysłano (czas warszawski)"]
    if export_format == "csv":
        assert submitted == "2027-03-31 23:30:00"
    else:
        assert submitted == datetime(2027, 3, 31, 23, 30)
    # No cell anywhere starts with a formula trigger.
    for cells in data:
        for cell in cells:
            assert not (isinstance(cell, str) and cell.startswith(TRIGGERS))


def test_xlsx_cells_are_never_formulas(secretary_client, hostile_entry):
    response = secretary_client.get(INDEX, {"export": "xlsx"})

    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    for row in workbook.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_export_follows_the_filters(secretary_client, edition, entries):
    osobowosc = edition.categories.get(slug="osobowosc")

    response = secretary_client.get(INDEX, {"export": "csv", "category": osobowosc.pk})

    heading, *data = _csv_rows(response)
    assert [row[0] for row in data] == [entries["second"].reference]
    assert data[0][heading.index("Nazwa organizacji / imię i nazwisko")] == (
        "Maria Skłodowska"
    )


def test_export_needs_its_own_permission(client, entries):
    viewer = staff_user("viewer", permissions=["access_admin", "view_entry"])
    client.force_login(viewer)

    listing = client.get(INDEX)
    assert listing.status_code == 200
    assert "export=csv" not in listing.content.decode()
    assert_denied(client.get(INDEX, {"export": "csv"}))
    assert_denied(client.get(INDEX, {"export": "xlsx"}))


def test_secretariat_sees_the_export_buttons(secretary_client, entries):
    content = secretary_client.get(INDEX).content.decode()

    assert "export=csv" in content
    assert "export=xlsx" in content


# -- permissions -------------------------------------------------------------


def test_secretariat_group_has_exactly_the_least_permissions(db):
    group = Group.objects.get(name="Sekretariat konkursu")
    codenames = set(group.permissions.values_list("codename", flat=True))

    assert codenames == {
        "access_admin",
        "view_entry",
        "export_entry",
        "download_entryfile",
        "check_entry",
        # 0008_competition_log_permission: the "Dziennik konkursu".
        "view_competition_log",
        # 0013_personal_data_retention: applicants' requests (RODO art. 15, 17).
        "manage_personal_data",
        "add_category",
        "change_category",
        "delete_category",
        "view_category",
        "add_criterion",
        "change_criterion",
        "delete_criterion",
        "view_criterion",
        "view_results",
        "publish_results",
        # 0005_jury_setup_permissions: the jury of each edition and its assignments.
        "add_jurymember",
        "change_jurymember",
        "delete_jurymember",
        "view_jurymember",
        "add_assignment",
        "change_assignment",
        "delete_assignment",
        "view_assignment",
    }
    jury = Group.objects.get(name="Jury")
    assert list(jury.permissions.values_list("codename", flat=True)) == ["access_admin"]
    # No page, collection (images, documents) permissions either.
    for staff in (group, jury):
        assert not GroupPagePermission.objects.filter(group=staff).exists()
        assert not GroupCollectionPermission.objects.filter(group=staff).exists()


def test_secretariat_menu_has_the_competition(secretary):
    labels = builders.menu_labels(secretary)

    assert "Konkurs" in labels
    assert "Zgłoszenia" in labels
    assert "Kategorie" in labels


@pytest.mark.parametrize("user_fixture", ["juror", "editor"])
def test_jury_and_editors_cannot_reach_entries(request, client, entries, user_fixture):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)

    assert "Zgłoszenia" not in builders.menu_labels(user)
    assert_denied(client.get(INDEX))
    assert_denied(client.get(inspect_url(entries["first"])))
    assert_denied(client.get(INDEX, {"export": "csv"}))
    # What a refused user finally sees: the dashboard and the refusal.
    refused = client.get(INDEX, follow=True)
    assert "Zgłoszenia" not in refused.content.decode()
    assert "MMES-2027-0001" not in refused.content.decode()


def test_anonymous_is_sent_to_login(client, entries):
    for url in (INDEX, inspect_url(entries["first"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_secretariat_cannot_create_edit_or_delete_entries(secretary_client, entries):
    entry = entries["first"]
    urls = [
        reverse("competition_entry:add"),
        reverse("competition_entry:edit", args=[entry.pk]),
        reverse("competition_entry:delete", args=[entry.pk]),
        reverse("competition_entry:history", args=[entry.pk]),
    ]
    for url in urls:
        assert_denied(secretary_client.get(url))
        assert_denied(secretary_client.post(url, {"title": "zmiana"}))

    entry.refresh_from_db()
    assert entry.title == "Kawiarnia, która zatrudnia"


def test_even_a_superuser_cannot_edit_but_may_delete(client, superuser, entries):
    client.force_login(superuser)
    entry = entries["first"]

    assert_denied(client.get(reverse("competition_entry:add")))
    assert_denied(client.get(reverse("competition_entry:edit", args=[entry.pk])))
    response = client.post(reverse("competition_entry:delete", args=[entry.pk]))
    assert response.status_code == 302
    assert not type(entry).objects.filter(pk=entry.pk).exists()


def test_secretariat_manages_categories(secretary_client, edition):
    url = reverse("competition_category:index")

    response = secretary_client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Reintegracja" in content and "MMES-2027" in content
    category = edition.categories.get(slug="reintegracja")
    edit = secretary_client.get(
        reverse("competition_category:edit", args=[category.pk])
    )
    assert edit.status_code == 200
    assert "Pytanie 1: co zrobiliście?" in edit.content.decode()


def test_a_category_with_entries_is_not_deleted(secretary_client, edition, entries):
    category = edition.categories.get(slug="osobowosc")

    response = secretary_client.post(
        reverse("competition_category:delete", args=[category.pk]), follow=True
    )

    assert response.status_code == 200
    assert "są w niej zgłoszenia" in response.content.decode()
    assert type(category).objects.filter(pk=category.pk).exists()


def test_jury_cannot_reach_categories(client, juror, edition):
    client.force_login(juror)

    assert_denied(client.get(reverse("competition_category:index")))


# -- query budget --------------------------------------------------------------

# Measured: 14 for the list and 9 for the export at either size; a little room
# for Wagtail's own queries, far below one query per entry.
LIST_QUERY_BUDGET = 16
EXPORT_QUERY_BUDGET = 12


def _many_entries(edition, count):
    categories = list(edition.categories.all())
    for number in range(count):
        entry = builders.entry(
            edition,
            category=categories[number % 2],
            organisation_name=f"Organizacja {number}",
        )
        EntryFile.objects.create(
            entry=entry,
            kind=EntryFile.Kind.PHOTO,
            storage_name=f"private/{number}.jpg",
            original_name=f"{number}.jpg",
            content_type="image/jpeg",
            size=1000,
        )


@pytest.mark.parametrize("count", [5, 40])
def test_list_queries_do_not_grow_with_entries(
    secretary_client, edition, django_assert_max_num_queries, count
):
    _many_entries(edition, count)

    with django_assert_max_num_queries(LIST_QUERY_BUDGET):
        response = secretary_client.get(INDEX)

    assert len(listed_references(response)) == count


@pytest.mark.parametrize("count", [5, 40])
def test_export_queries_do_not_grow_with_entries(
    secretary_client, edition, django_assert_max_num_queries, count
):
    _many_entries(edition, count)

    with django_assert_max_num_queries(EXPORT_QUERY_BUDGET):
        response = secretary_client.get(INDEX, {"export": "csv"})
        rows = _csv_rows(response)  # the CSV streams: read it inside the budget

    assert len(rows) == count + 1
    assert {row[-3] for row in rows[1:]} == {"1"}  # one photo each


# -- possible duplicates (issue 13, point 3) -------------------------------------

DUPLICATE_MARK = "możliwy duplikat"


def flagged_references(response):
    rows = re.findall(r"<tr.*?</tr>", response.content.decode(), re.DOTALL)
    return sorted(
        re.sub(r"<[^>]+>", "", TITLE_CELL.search(row).group(1)).strip()
        for row in rows
        if DUPLICATE_MARK in row and TITLE_CELL.search(row)
    )


def test_entries_for_the_same_nominee_are_flagged(secretary_client, edition):
    reintegracja, osobowosc = edition.categories.order_by("sort_order")
    same = [builders.entry(edition, nip="5261040828") for _ in range(2)]
    builders.entry(edition, nip="8567346215")  # another organisation
    other_category = builders.category(edition, "rozwoj", sort_order=5)
    builders.entry(edition, category=other_category, nip="5261040828")
    builders.entry(edition, status=Status.WITHDRAWN, nip="8567346215")
    builders.entry(edition, status=Status.DRAFT, nip="8567346215")
    anna = builders.entry(
        edition,
        category=osobowosc,
        nomination="third_party",
        nominee_email="Anna@example.org",
    )
    anna_herself = builders.entry(
        edition, category=osobowosc, email="anna@example.org", contact_name="Anna"
    )
    builders.entry(
        edition,
        category=osobowosc,
        nomination="third_party",
        nominee_email="ewa@example.org",
    )

    response = secretary_client.get(INDEX)

    assert flagged_references(response) == sorted(
        entry.reference for entry in [*same, anna, anna_herself]
    )
