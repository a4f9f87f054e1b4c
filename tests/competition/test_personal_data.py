"""Applicants' personal data (issue 12, §4): the retention date, the command that
anonymises expired entries, and the secretariat's export and erasure.

"Nothing of the person remains" is checked the hard way: every text and JSON
column of every table in the test database is searched for the applicant's
values (:func:`traces`), and the private storage for their files.
"""

import functools
import io
import json
import operator
import re
import zipfile
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.search import index
from wagtail.users.models import UserProfile

from competition import (
    anonymisation,
    clamd,
    photos,
    retention,
    roles,
    scanning,
    workflow,
)
from competition.models import (
    AccessToken,
    ConflictDeclaration,
    Consent,
    Decision,
    Entry,
    EntryFile,
    FormalCheck,
    Review,
    ReviewVersion,
    Score,
    Status,
)

from . import builders, formdata

WARSAW = ZoneInfo("Europe/Warsaw")
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

#: The applicant, with values found nowhere else in the test database.
PERSON = {
    "organisation_name": "Spółdzielnia Socjalna „Żurawinowy Sad”",
    "contact_name": "Bożydar Żurawiński",
    "email": "bozydar.zurawinski@example.org",
    "phone": "+48 601 234 987",
    "nip": "5261040828",
    "regon": "017511575",
    "krs": "0000123456",
    "street": "ul. Jarzębinowa 17",
    "website": "zurawinowy-sad.example.org",
    "title": "Sad, który karmi",
}


def searched_values():
    return [
        PERSON["organisation_name"],
        "Żurawinowy Sad",
        PERSON["contact_name"],
        "Żurawiński",
        PERSON["email"],
        PERSON["phone"],
        "601234987",
        PERSON["nip"],
        "526-104-08-28",
        PERSON["regon"],
        PERSON["street"],
        "zurawinowy-sad",
        PERSON["title"],
    ]


def _forms(value):
    # JSON kept as text escapes non-ASCII characters (SQLite).
    return {value, json.dumps(value)[1:-1]}


def traces(values):
    """``[(table, column, value)]`` for every text, JSON or file column of every
    model's table holding any of ``values`` (case-insensitive)."""
    found = []
    text_fields = (models.CharField, models.TextField, models.JSONField)
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        columns = [
            field
            for field in meta.concrete_fields
            if isinstance(field, (*text_fields, models.FileField))
        ]
        for field in columns:
            text = Cast(field.name, TextField())
            queryset = model._base_manager.annotate(_text=text)
            conditions = []
            for value in values:
                condition = Q()
                for form in _forms(value):
                    condition |= Q(_text__icontains=form)
                conditions.append((value, condition))
            # One query per column, then one per value only where it found any.
            if not queryset.filter(
                functools.reduce(
                    operator.or_, (condition for _, condition in conditions), Q()
                )
            ).exists():
                continue
            for value, condition in conditions:
                if queryset.filter(condition).exists():
                    found.append((meta.db_table, field.column, value))
    return found


# -- the applicant, through the real form, and what the staff add ---------------


@pytest.fixture
def page(home):
    return builders.edition(home)


@pytest.fixture
def db_tasks(settings):
    """E-mails go through the database queue, as in production (task rows)."""
    settings.TASKS = DB_TASKS


def submit(client, page, django_capture_on_commit_callbacks, **overrides):
    category = page.categories.get(slug="reintegracja")
    data = formdata.organisation(
        category,
        photos=[formdata.jpeg("bozydar-zurawinski.jpg")],
        presentation=formdata.pdf("Żurawinowy Sad – prezentacja.pdf"),
        consent_image_publication="on",
        **{**PERSON, **overrides},
    )
    url = page.url + page.reverse_subpage("submission_form", args=[category.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 303, response.content.decode()[:2000]
    return Entry.objects.latest("pk")


def add_staff_work(entry, secretary, juror):
    """What the secretariat and the jury write about the entry, each text
    naming the applicant (as real notes do)."""
    name = PERSON["contact_name"]
    workflow.transition(
        entry,
        Status.ELIGIBLE,
        workflow.Actor(workflow.SECRETARIAT, secretary),
        reason=f"Rozmowa z p. {name}, tel. {PERSON['phone']}",
    )
    FormalCheck.objects.create(
        entry=entry, results={}, note=f"{name} dosłał KRS", checked_by=secretary
    )
    member = builders.member(entry.edition, juror)
    builders.assign(entry, member)
    ConflictDeclaration.objects.create(
        entry=entry,
        member=member,
        has_conflict=False,
        note=f"Nie znam {PERSON['organisation_name']}",
    )
    review = Review.objects.create(
        entry=entry, member=member, status=Review.Status.SUBMITTED, version=1
    )
    criteria = list(entry.category.criteria.all())
    for criterion in criteria:
        Score.objects.create(
            review=review,
            criterion=criterion,
            points=7,
            comment=f"{PERSON['title']}: dobre",
        )
    ReviewVersion.objects.create(
        review=review,
        number=1,
        status=Review.Status.SUBMITTED,
        scores=[
            {"criterion": c.pk, "points": 7, "comment": f"{name} dobrze"}
            for c in criteria
        ],
        reason=f"poprawka po rozmowie z {name}",
        author=juror,
    )
    log(
        instance=review,
        action="competition.review.submitted",
        user=juror,
        data={"entry_id": entry.pk, "entry": entry.reference, "reason": name},
    )
    Decision.objects.create(
        entry=entry,
        outcome=Decision.Outcome.LAUREATE,
        justification=f"{PERSON['organisation_name']} zatrudnia 12 osób",
        decided_by=secretary,
    )
    Entry.objects.filter(pk=entry.pk).update(status=Status.LAUREATE)
    photo = entry.files.get(kind=EntryFile.Kind.PHOTO)
    log(
        instance=entry,
        action="competition.file.download",
        user=secretary,
        data={"file": photo.original_name, "file_id": photo.pk},
    )
    # A line elsewhere in the log that happens to name the applicant.
    log(
        instance=entry.edition,
        action="competition.jury.reminded",
        data={"note": f"przypomnienie o {PERSON['email']}"},
    )
    return member


@pytest.fixture
def applicant_entry(
    client,
    page,
    private_root,
    db_tasks,
    secretary,
    juror,
    django_capture_on_commit_callbacks,
):
    entry = submit(client, page, django_capture_on_commit_callbacks)
    add_staff_work(entry, secretary, juror)
    entry.refresh_from_db()
    return entry


# -- the retention date -----------------------------------------------------------


def test_retention_defaults_to_five_years_after_the_results(page):
    page.results_published_at = datetime(2027, 6, 15, 23, 30, tzinfo=WARSAW)
    assert retention.retention_date(page) == date(2032, 6, 15)  # Warsaw's day
    assert not retention.is_expired(page, today=date(2032, 6, 15))
    assert retention.is_expired(page, today=date(2032, 6, 16))


def test_retention_before_publication_counts_from_the_planned_results(page):
    page.results_published_at = None
    page.results_at = datetime(2028, 2, 29, 12, tzinfo=WARSAW)
    assert retention.retention_date(page) == date(2033, 2, 28)


def test_retention_years_come_from_the_setting(page, settings):
    settings.PERSONAL_DATA_RETENTION_YEARS = 10
    page.results_published_at = datetime(2027, 6, 15, 12, tzinfo=WARSAW)
    assert retention.retention_date(page) == date(2037, 6, 15)


def test_the_edition_may_set_its_own_retention_date(page):
    page.results_published_at = datetime(2027, 6, 15, 12, tzinfo=WARSAW)
    page.personal_data_retention_until = date(2030, 1, 31)
    assert retention.retention_date(page) == date(2030, 1, 31)
    assert retention.is_expired(page, today=date(2030, 2, 1))


def test_a_translation_follows_the_original_edition(page, home_en):
    page.personal_data_retention_until = date(2030, 1, 31)
    page.save_revision().publish()
    translation = page.copy_for_translation(home_en.locale, copy_parents=True)
    translation.personal_data_retention_until = None
    assert retention.retention_date(translation) == date(2030, 1, 31)


def test_the_edition_editor_shows_the_computed_date(client, page, superuser):
    client.force_login(superuser)
    page.results_published_at = datetime(2027, 6, 15, 12, tzinfo=WARSAW)
    page.save(update_fields=["results_published_at"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = response.content.decode()
    assert 'name="personal_data_retention_until"' in html
    assert re.search(r"przechowujemy do\s*<strong>15 czerwca 2032</strong>", html)


def test_the_edition_page_tells_applicants_how_long_data_is_kept(client, page):
    page.personal_data_retention_until = date(2032, 6, 30)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "przechowujemy do 30 czerwca 2032" in html


# -- anonymisation ----------------------------------------------------------------


def test_traces_finds_the_applicant_before_anonymisation(applicant_entry):
    """The search itself works: every kind of place is found before."""
    tables = {table for table, _column, _value in traces(searched_values())}
    assert {
        "competition_entry",
        "competition_entryfile",
        "competition_formalcheck",
        "competition_conflictdeclaration",
        "competition_score",
        "competition_reviewversion",
        "competition_decision",
        "wagtailcore_modellogentry",
        DBTaskResult._meta.db_table,
    } <= tables


def test_nothing_of_the_person_remains_after_anonymisation(
    applicant_entry, django_capture_on_commit_callbacks
):
    entry = applicant_entry
    # A juror has seen the photo: its clean copy exists beside the original.
    photo = entry.files.get(kind=EntryFile.Kind.PHOTO)
    copy = photos.display_copy(photo)
    stored = list(entry.files.values_list("storage_name", flat=True)) + [copy]
    assert len(stored) == 3
    assert all(storages["private"].exists(name) for name in stored)
    criteria_points = list(
        Score.objects.filter(review__entry=entry).values_list("points", flat=True)
    )

    with django_capture_on_commit_callbacks(execute=True):
        done = anonymisation.anonymise(entry)

    assert done.files == 2
    assert traces(searched_values()) == []
    assert not any(storages["private"].exists(name) for name in stored)
    assert not EntryFile.objects.filter(entry=entry).exists()
    assert not AccessToken.objects.filter(entry=entry).exists()
    assert not DBTaskResult.objects.filter(args_kwargs__icontains="zurawinski").exists()

    # What the statistics need stays.
    entry.refresh_from_db()
    assert entry.reference == "MMES-2027-0001"
    assert entry.category.slug == "reintegracja"
    assert entry.powiat == "1465"
    assert entry.legal_form == "spoldzielnia_socjalna"
    assert entry.status == Status.LAUREATE
    assert entry.decision.outcome == Decision.Outcome.LAUREATE
    assert (
        list(Score.objects.filter(review__entry=entry).values_list("points", flat=True))
        == criteria_points
    )
    assert entry.anonymised_at is not None
    # Consents keep what was agreed to, when, in which version.
    consents = {consent.kind: consent for consent in entry.consents.all()}
    assert consents["data"].given and consents["data"].version.endswith("clause-1")
    assert consents["data"].given_at and consents["data"].text
    # The log keeps each line's action and time, and says what happened.
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(entry.pk)).values_list(
            "action", flat=True
        )
    )
    assert "competition.entry.eligible" in actions
    assert "competition.file.download" in actions
    assert actions.count(anonymisation.ANONYMISED) == 1


def test_anonymisation_is_logged_once_and_is_idempotent(
    applicant_entry, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level("INFO", logger="competition.anonymisation"):
        assert anonymisation.anonymise(applicant_entry) is not None
    assert anonymisation.anonymise(applicant_entry) is None
    lines = ModelLogEntry.objects.filter(action=anonymisation.ANONYMISED)
    assert lines.count() == 1
    assert str(lines.get().message) == (
        "Dane osobowe zanonimizowane (upływ okresu przechowywania)"
    )
    (record,) = [
        r for r in caplog.records if getattr(r, "event", "") == "entry_anonymised"
    ]
    assert record.getMessage().startswith("Personal data of entry MMES-2027-0001")
    assert record.entry == "MMES-2027-0001" and record.files == 2


def test_a_waiting_mail_about_another_entry_of_the_applicant_is_kept(
    applicant_entry, page, django_capture_on_commit_callbacks
):
    from competition import emails

    later = builders.entry(page, email=PERSON["email"], contact_name="Bożydar")
    with django_capture_on_commit_callbacks(execute=True):
        emails.queue_mail(
            "receipt", [PERSON["email"]], "pl", emails.entry_context(later)
        )
    finished = DBTaskResult.objects.filter(
        args_kwargs__icontains=applicant_entry.reference
    )
    finished.update(status="SUCCESSFUL")
    anonymisation.anonymise(applicant_entry)
    (kept,) = DBTaskResult.objects.filter(task_path__endswith="send_mail_task")
    assert kept.args_kwargs["kwargs"]["context"]["reference"] == later.reference


def test_a_nominated_person_leaves_no_trace_either(
    client, page, private_root, db_tasks, django_capture_on_commit_callbacks
):
    """A person nominated by someone else (RODO art. 14 notice e-mailed to them):
    their name, e-mail and phone go too, with the nominator's."""
    category = page.categories.get(slug="osobowosc")
    nominee = {
        "person_name": "Wiesława Przepiórkowska",
        "nominee_email": "wieslawa.przepiorkowska@example.org",
        "nominee_phone": "+48 602 111 333",
    }
    data = formdata.person(
        category,
        nomination="third_party",
        video_url="https://vimeo.com/76979871",
        **{key: PERSON[key] for key in ("contact_name", "email", "phone", "title")},
        **nominee,
    )
    url = page.url + page.reverse_subpage("submission_form", args=[category.slug])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 303
    entry = Entry.objects.get()
    assert entry.nominee_notified_at is not None
    values = [*nominee.values(), "Przepiórkowska", PERSON["contact_name"]]
    assert DBTaskResult._meta.db_table in {table for table, *_ in traces(values)}

    with django_capture_on_commit_callbacks(execute=True):
        anonymisation.anonymise(entry)

    assert traces(values) == []
    entry.refresh_from_db()
    assert entry.nominee_kind == "person" and entry.nomination == "third_party"


def test_the_status_link_and_the_session_no_longer_show_the_entry(
    client, page, private_root, db_tasks, django_capture_on_commit_callbacks
):
    entry = submit(client, page, django_capture_on_commit_callbacks)
    status_url = page.url + page.reverse_subpage("status")
    assert "MMES-2027-0001" in client.get(status_url).content.decode()
    anonymisation.anonymise(entry)
    assert "MMES-2027-0001" not in client.get(status_url).content.decode()
    assert not AccessToken.objects.exists()


def test_the_search_index_holds_no_entries():
    """Entries are not indexed by Wagtail search (the admin searches the
    database), so no index row can keep an applicant's data; the Wagtail
    index table is among those :func:`traces` searches."""
    assert not index.class_is_indexed(Entry)
    assert not index.class_is_indexed(Consent)


# -- the command ------------------------------------------------------------------


def _expire(page):
    page.personal_data_retention_until = timezone.localdate() - timedelta(days=1)
    page.save(update_fields=["personal_data_retention_until"])


def test_dry_run_lists_and_changes_nothing(applicant_entry, page):
    _expire(page)
    before = traces(searched_values())
    out = io.StringIO()
    call_command("anonymise_expired_entries", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "MMES-2027:" in text
    assert "MMES-2027-0001: 2 files" in text
    assert "Would anonymise 1 entries and 2 files." in text
    assert traces(searched_values()) == before
    assert Entry.objects.get().anonymised_at is None
    assert EntryFile.objects.count() == 2


def test_the_command_anonymises_only_expired_editions(
    applicant_entry, page, home, django_capture_on_commit_callbacks
):
    later = builders.edition(home, code="MMES-2028", slug="mmes-2028")
    kept = builders.entry(later, contact_name="Kalina Trwała")
    out = io.StringIO()
    call_command("anonymise_expired_entries", stdout=out)
    assert "Anonymised 0 entries" in out.getvalue()

    _expire(page)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_expired_entries", stdout=out)
    assert "Anonymised 1 entries and 2 files." in out.getvalue()
    assert traces(searched_values()) == []
    kept.refresh_from_db()
    assert kept.contact_name == "Kalina Trwała" and kept.anonymised_at is None

    again = io.StringIO()
    call_command("anonymise_expired_entries", stdout=again)
    assert "Anonymised 0 entries" in again.getvalue()
    assert ModelLogEntry.objects.filter(action=anonymisation.ANONYMISED).count() == 1


# -- the secretariat's screens ------------------------------------------------------


def export_url(entry):
    return reverse("competition_entry:export_personal_data", args=[entry.pk])


def erase_url(entry):
    return reverse("competition_entry:erase_personal_data", args=[entry.pk])


def test_the_secretariat_holds_the_permission(db):
    group = Group.objects.get(name=roles.SECRETARIAT_GROUP)
    assert group.permissions.filter(codename="manage_personal_data").exists()
    for name in (roles.JURY_GROUP, roles.EDITORS_GROUP, roles.MODERATORS_GROUP):
        other = Group.objects.filter(name=name).first()
        if other is not None:
            assert not other.permissions.filter(
                codename="manage_personal_data"
            ).exists()


def test_the_entry_page_offers_export_and_erasure(client, secretary, applicant_entry):
    client.force_login(secretary)
    url = reverse("competition_entry:inspect", args=[applicant_entry.pk])
    html = client.get(url).content.decode()
    assert export_url(applicant_entry) in html
    assert erase_url(applicant_entry) in html
    assert "Eksportuj dane osobowe" in html


def test_export_zip_holds_everything_and_is_logged(client, secretary, applicant_entry):
    client.force_login(secretary)
    form = client.get(export_url(applicant_entry))
    assert form.status_code == 200
    assert client.post(export_url(applicant_entry), {"reason": ""}).status_code == 200
    assert not ModelLogEntry.objects.filter(
        action="competition.entry.personal_data_exported"
    ).exists()

    response = client.post(
        export_url(applicant_entry), {"reason": "wniosek z 1 grudnia 2026"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "dane-osobowe-MMES-2027-0001.zip" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("dane.json"))
    assert data["entry"]["email"] == PERSON["email"]
    assert data["entry"]["organisation_name"] == PERSON["organisation_name"]
    assert data["entry"]["reference"] == "MMES-2027-0001"
    assert len(data["answers"]) == 2 and data["answers"][0]["text"]
    assert {item["kind"] for item in data["consents"]} >= {"rules", "data"}
    assert any("Grzybowska" in item["text"] for item in data["consents"])
    assert data["jury"]["decision"]["outcome"] == "laureate"
    assert "juror" not in json.dumps(data["jury"])
    assert data["emails"] and data["emails"][0]["arguments"]["kwargs"]["to"] == [
        PERSON["email"]
    ]
    assert "competition.entry.eligible" in {line["action"] for line in data["log"]}
    files = {item["original_name"]: item for item in data["files"]}
    assert set(files) == {"bozydar-zurawinski.jpg", "Żurawinowy Sad – prezentacja.pdf"}
    for item in files.values():
        assert len(archive.read(item["path_in_zip"])) == item["size"]
    line = ModelLogEntry.objects.get(action="competition.entry.personal_data_exported")
    assert line.user == secretary and line.data["reason"] == "wniosek z 1 grudnia 2026"


def test_export_leaves_out_files_that_may_not_be_served(
    client, secretary, applicant_entry, django_capture_on_commit_callbacks
):
    """A file quarantined as infected, or still waiting for its scan, stays out
    of the ZIP as downloads refuse it (``scanning.may_serve``); ``dane.json``
    names it and says why."""
    photo = applicant_entry.files.get(kind=EntryFile.Kind.PHOTO)
    presentation = applicant_entry.files.exclude(kind=EntryFile.Kind.PHOTO).get()
    with django_capture_on_commit_callbacks(execute=True):
        verdict = clamd.Verdict(clamd.INFECTED, "Eicar-Test-Signature")
        assert scanning.record(photo.pk, verdict) == EntryFile.ScanState.INFECTED
    EntryFile.objects.filter(pk=presentation.pk).update(
        scan_state=EntryFile.ScanState.PENDING
    )
    client.force_login(secretary)

    def export():
        response = client.post(export_url(applicant_entry), {"reason": "wniosek"})
        assert response["Content-Type"] == "application/zip"
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        data = json.loads(archive.read("dane.json"))
        return archive.namelist(), {
            item["original_name"]: item for item in data["files"]
        }

    names, files = export()
    assert names == ["dane.json"]
    assert files["bozydar-zurawinski.jpg"]["path_in_zip"] is None
    assert files["bozydar-zurawinski.jpg"]["not_included"] == (
        "nie dołączono: plik zakażony – w kwarantannie"
    )
    assert files["bozydar-zurawinski.jpg"]["scan_state"] == "infected"
    pdf = "Żurawinowy Sad – prezentacja.pdf"
    assert files[pdf]["path_in_zip"] is None
    assert files[pdf]["not_included"] == (
        "nie dołączono: plik czeka na sprawdzenie programem antywirusowym"
    )

    # Once scanned clean, the file is exported like any other.
    assert scanning.record(presentation.pk, clamd.Verdict(clamd.CLEAN)) == "clean"
    names, files = export()
    assert names == ["dane.json", files[pdf]["path_in_zip"]]
    assert "not_included" not in files[pdf]
    assert files["bozydar-zurawinski.jpg"]["path_in_zip"] is None


def test_the_export_says_in_english_why_a_file_is_missing(
    client, secretary, applicant_entry
):
    applicant_entry.files.update(scan_state=EntryFile.ScanState.PENDING)
    profile = UserProfile.get_for_user(secretary)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(secretary)
    response = client.post(export_url(applicant_entry), {"reason": "request"})
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("dane.json"))
    assert {item["not_included"] for item in data["files"]} == {
        "not included: awaiting the antivirus scan"
    }


def test_erasure_needs_a_reason_and_confirmation_then_anonymises(
    client, secretary, applicant_entry, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    page = client.get(erase_url(applicant_entry))
    assert page.status_code == 200
    assert "csrfmiddlewaretoken" in page.content.decode()
    # A laureate is no longer in the competition: no warning.
    assert "wciąż bierze udział" not in page.content.decode()
    refused = client.post(erase_url(applicant_entry), {"reason": "wniosek"})
    assert refused.status_code == 200
    assert Entry.objects.get().anonymised_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            erase_url(applicant_entry),
            {
                "reason": f"wniosek {PERSON['contact_name']} z 2 grudnia",
                "confirm": "on",
            },
        )
    assert response.status_code == 302
    assert traces(searched_values()) == []
    line = ModelLogEntry.objects.get(action=anonymisation.ERASED)
    assert line.user == secretary
    assert line.data["reason"] == "wniosek [usunięto] z 2 grudnia"
    assert line.data["cause"] == anonymisation.Cause.REQUEST
    inspect = client.get(response["Location"]).content.decode()
    assert "Dane osobowe zgłaszającego usunięto" in inspect
    assert erase_url(applicant_entry) not in inspect


def test_erasure_warns_about_an_entry_still_in_the_competition(client, secretary, page):
    entry = builders.entry(page, status=Status.IN_REVIEW)
    client.force_login(secretary)
    html = client.get(erase_url(entry)).content.decode()
    assert "wciąż bierze udział w konkursie (status: „w ocenie jury”)" in html


def test_an_anonymised_entry_is_named_as_such(page):
    entry = builders.entry(page)
    anonymisation.anonymise(entry)
    entry.refresh_from_db()
    assert entry.nominee_name == "(dane usunięte)"
    assert str(entry) == entry.reference


def test_erasure_refuses_a_forged_post_without_csrf(secretary, applicant_entry):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary)
    response = client.post(erase_url(applicant_entry), {"reason": "x", "confirm": "on"})
    assert response.status_code == 403
    assert Entry.objects.get().anonymised_at is None


@pytest.mark.parametrize("who", ["editor", "juror", "viewer"])
def test_others_cannot_export_or_erase(request, client, applicant_entry, who):
    if who == "editor":
        user = builders.staff_user("redaktor", builders.EDITORS)
    elif who == "viewer":
        # May see entries, but not handle applicants' requests.
        user = builders.staff_user(
            "viewer",
            permissions=["access_admin", "view_entry", "export_entry"],
        )
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    for url in (export_url(applicant_entry), erase_url(applicant_entry)):
        builders.assert_denied(client.get(url))
        builders.assert_denied(client.post(url, {"reason": "x", "confirm": "on"}))
    # A missing entry is refused the same way (ids are not revealed).
    builders.assert_denied(client.get(erase_url(Entry(pk=999999))))
    assert Entry.objects.get().anonymised_at is None
    assert not ModelLogEntry.objects.filter(
        action="competition.entry.personal_data_exported"
    ).exists()
