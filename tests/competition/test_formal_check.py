"""The secretariat's formal check: the screen, each decision, its validation,
the bulk action, the applicant's correction round trip, and who may do it."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from competition import formal_check, submission
from competition.forms.correction import CorrectionForm
from competition.models import (
    AccessToken,
    EntryFile,
    FormalCheck,
    FormalCriterion,
    Status,
)

from . import builders
from .builders import assert_denied, staff_user, text

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
INDEX = reverse("competition_entry:index")
BULK = reverse("wagtail_bulk_action", args=["competition", "entry", "mark_eligible"])
REQUIREMENTS = (
    "Siedziba podmiotu na Mazowszu",
    "Podmiot działa co najmniej rok",
    "Zgłoszenie podpisała osoba uprawniona",
)


def check_url(entry_or_pk):
    pk = getattr(entry_or_pk, "pk", entry_or_pk)
    return reverse("competition_entry:formal_check", args=[pk])


def inspect_url(entry):
    return reverse("competition_entry:inspect", args=[entry.pk])


def warsaw_input(moment):
    return timezone.localtime(moment, WARSAW).strftime("%Y-%m-%d %H:%M")


# -- data ---------------------------------------------------------------------


@pytest.fixture
def checklist(edition):
    return [
        FormalCriterion.objects.create(edition=edition, text=text, sort_order=number)
        for number, text in enumerate(REQUIREMENTS)
    ]


@pytest.fixture
def entry(edition, checklist):
    return builders.entry(edition)


def ticks(checklist, unticked=()):
    return {
        f"criterion_{criterion.pk}": "on"
        for criterion in checklist
        if criterion not in unticked
    }


def post_check(client, entry, checklist, unticked=(), **data):
    """POST the check of ``entry`` (or of an id): every requirement ticked
    except ``unticked``, plus ``data``."""
    payload = {**ticks(checklist, unticked), "note": "", "reason": "", **data}
    return client.post(check_url(entry), payload)


# -- the screen --------------------------------------------------------------


def test_screen_shows_the_checklist_beside_the_entry(
    secretary_client, edition, entry, checklist
):
    EntryFile.objects.create(
        entry=entry,
        kind=EntryFile.Kind.PRESENTATION,
        storage_name="private/x.pdf",
        original_name="prezentacja.pdf",
        content_type="application/pdf",
        size=1000,
    )

    response = secretary_client.get(check_url(entry))

    assert response.status_code == 200
    content = response.content.decode()
    for criterion in checklist:
        assert f'name="criterion_{criterion.pk}"' in content
        assert criterion.text in content
    # The entry's data, answers and files beside the form.
    assert "Spółdzielnia Socjalna Przykład" in content
    assert "Odpowiedź na Kryterium 1." in content
    assert "prezentacja.pdf" in content
    # Fields to correct: human labels, the answers by criterion name.
    criterion = entry.category.criteria.order_by("sort_order").first()
    assert f'value="answer_{criterion.pk}"' in content
    assert "Odpowiedź: Kryterium 1" in content
    assert 'value="nip"' in content and "NIP" in content
    # The deadline defaults to the end of the seventh day, Warsaw time.
    day = timezone.localtime(timezone.now(), WARSAW).date() + timedelta(days=7)
    assert f'value="{day:%Y-%m-%d} 23:59"' in content
    # The three decisions.
    for label in ("spełnia wymogi", "nie spełnia", "do poprawy"):
        assert label in content


def test_inspect_and_list_lead_to_the_check(secretary_client, entry):
    inspect = secretary_client.get(inspect_url(entry)).content.decode()
    listing = secretary_client.get(INDEX).content.decode()

    assert check_url(entry) in inspect
    assert "Ocena formalna" in inspect
    assert check_url(entry) in listing
    assert "Ocena formalna" in listing
    assert "data-bulk-action-checkbox" in listing
    assert BULK in listing  # the bulk action's button in the footer


OFFERED_FIELD = re.compile(r'name="correction_fields" value="([^"]+)"')


@pytest.mark.parametrize("category", ["reintegracja", "osobowosc"])
def test_the_check_offers_exactly_what_the_correction_form_shows(
    secretary_client, edition, checklist, category
):
    entry = builders.entry(edition, category=edition.categories.get(slug=category))

    offered = OFFERED_FIELD.findall(secretary_client.get(check_url(entry)).text)
    entry.correction_fields = offered
    shown = list(CorrectionForm(entry).fields)

    assert offered and shown == offered
    criteria = entry.category.criteria.order_by("sort_order", "pk")
    answers = [f"answer_{criterion.pk}" for criterion in criteria]
    fields = [name for name in offered if name not in answers]
    assert offered == fields + answers
    # Entry fields as the submission form saves them, in its order, and only
    # those it showed for this kind of nominee.
    assert fields == [name for name in submission.ENTRY_FIELDS if name in fields]
    if category == "osobowosc":
        assert "person_name" in fields
        assert not {"nip", "organisation_name", "street"} & set(fields)
    else:
        assert {"nip", "organisation_name", "street"} <= set(fields)
        assert "person_name" not in fields


def test_default_deadline_is_never_after_the_jury_phase(home):
    now = timezone.now()
    edition = builders.edition(
        home, code="MMES-2030", closes=now + timedelta(days=2)
    )  # jury opens in three days

    assert formal_check.default_correction_deadline(edition) == edition.jury_opens_at
    later = builders.edition(home, code="MMES-2031")
    deadline = formal_check.default_correction_deadline(later, now)
    local = timezone.localtime(deadline, WARSAW)
    assert local.time() == time(23, 59)
    assert local.date() == timezone.localtime(now, WARSAW).date() + timedelta(days=7)


def test_in_the_jury_phase_no_correction_is_offered(secretary_client, home):
    """A late entry checked once the jury phase has begun: the deadline must not
    default to a moment already past; the screen says no correction window is
    left and offers only eligible / ineligible (issue 13, point 18)."""
    now = timezone.now()
    edition = builders.edition(
        home,
        code="MMES-2032",
        opens=now - timedelta(days=40),
        closes=now - timedelta(days=3),
    )  # the jury phase opened two days ago
    checklist = [
        FormalCriterion.objects.create(edition=edition, text=text, sort_order=number)
        for number, text in enumerate(REQUIREMENTS)
    ]
    entry = builders.entry(edition)

    assert formal_check.default_correction_deadline(edition, now) is None
    response = secretary_client.get(check_url(entry))
    html = response.content.decode()
    assert "Na poprawę nie ma już czasu: ocena jury trwa od" in text(response)
    assert 'value="eligible"' in html
    assert 'value="needs_correction"' not in html
    assert 'name="correction_deadline"' not in html

    response = post_check(
        secretary_client,
        entry,
        checklist,
        decision="needs_correction",
        reason="Proszę poprawić NIP.",
        correction_fields=["nip"],
        correction_deadline=warsaw_input(now + timedelta(days=2)),
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.status == Status.SUBMITTED
    assert post_check(
        secretary_client, entry, checklist, decision="eligible"
    ).status_code in (302, 303)
    entry.refresh_from_db()
    assert entry.status == Status.ELIGIBLE


# -- decisions ---------------------------------------------------------------


def _logs(entry, action):
    return list(ModelLogEntry.objects.filter(object_id=str(entry.pk), action=action))


def test_eligible(
    secretary_client, secretary, entry, checklist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_check(
            secretary_client,
            entry,
            checklist,
            decision="eligible",
            note="Sprawdzone z KRS.",
        )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.ELIGIBLE
    assert entry.status_reason == "" and entry.correction_fields == []
    check = FormalCheck.objects.get(entry=entry)
    assert check.results == {str(criterion.pk): True for criterion in checklist}
    assert check.note == "Sprawdzone z KRS."
    assert check.checked_by == secretary
    assert check.checked_at is not None
    [saved] = _logs(entry, formal_check.SAVED_ACTION)
    assert saved.user == secretary
    assert saved.data["results"] == check.results
    assert saved.data["decision"] == "eligible"
    [moved] = _logs(entry, "competition.entry.eligible")
    assert moved.user == secretary
    assert moved.data["actor"] == "secretariat"
    assert moved.data["from"] == "submitted"
    [message] = mail.outbox
    assert message.to == ["jan.nowak@example.org"]
    assert entry.reference in message.subject
    assert "spełnia wymogi formalne" in message.subject
    assert "weźmie udział w ocenie jury" in message.body
    # Back to the edition's entries still waiting, with a confirmation.
    assert response["Location"].startswith(INDEX)
    assert "status=submitted" in response["Location"]
    page = secretary_client.get(response["Location"])
    assert f"Zgłoszenie {entry.reference}: spełnia wymogi." in text(page)


def test_ineligible_with_the_reason_shown_to_the_applicant(
    secretary_client, secretary, entry, checklist, django_capture_on_commit_callbacks
):
    reason = "Siedziba podmiotu jest poza województwem mazowieckim."
    with django_capture_on_commit_callbacks(execute=True):
        response = post_check(
            secretary_client,
            entry,
            checklist,
            unticked=checklist[:1],
            decision="ineligible",
            reason=reason,
            note="Adres z KRS: Łódź.",
        )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.INELIGIBLE
    assert entry.status_reason == reason
    check = FormalCheck.objects.get(entry=entry)
    assert check.results[str(checklist[0].pk)] is False
    assert check.results[str(checklist[1].pk)] is True
    [saved] = _logs(entry, formal_check.SAVED_ACTION)
    assert saved.data["unmet"] == [str(checklist[0].pk)]
    [moved] = _logs(entry, "competition.entry.ineligible")
    assert moved.user == secretary and moved.data["reason"] == reason
    [message] = mail.outbox
    assert message.to == ["jan.nowak@example.org"]
    assert "nie spełnia wymogów formalnych" in message.subject
    assert reason in message.body
    # The internal note stays internal.
    assert "Łódź" not in message.body


def test_needs_correction_asks_for_fields_until_a_deadline(
    secretary_client, secretary, entry, checklist, django_capture_on_commit_callbacks
):
    criterion = entry.category.criteria.order_by("sort_order").first()
    deadline = (timezone.now() + timedelta(days=5)).replace(second=0, microsecond=0)
    reason = "NIP nie zgadza się z KRS; rozwińcie odpowiedź na pierwsze pytanie."
    tokens_before = AccessToken.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = post_check(
            secretary_client,
            entry,
            checklist,
            unticked=checklist[2:],
            decision="needs_correction",
            reason=reason,
            correction_fields=["nip", f"answer_{criterion.pk}"],
            correction_deadline=warsaw_input(deadline),
        )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.NEEDS_CORRECTION
    assert entry.status_reason == reason
    assert entry.correction_fields == ["nip", f"answer_{criterion.pk}"]
    assert entry.correction_deadline == deadline
    [moved] = _logs(entry, "competition.entry.needs_correction")
    assert moved.user == secretary and moved.data["reason"] == reason
    [saved] = _logs(entry, formal_check.SAVED_ACTION)
    assert saved.data["correction_fields"] == entry.correction_fields
    [message] = mail.outbox
    assert message.to == ["jan.nowak@example.org"]
    assert entry.reference in message.subject
    assert "wymaga poprawy" in message.subject
    body = message.body
    assert reason in body
    assert "- NIP" in body
    assert "- Odpowiedź: Kryterium 1" in body
    local = timezone.localtime(deadline, WARSAW)
    assert f"{local:%H:%M}" in body and str(local.year) in body
    assert "czas warszawski" in body
    assert "link do strony zgłoszenia z e-maila potwierdzającego" in body
    # No new private link: the applicant has the one from the receipt.
    assert AccessToken.objects.count() == tokens_before
    assert "/status/" not in body


def test_a_midnight_correction_deadline_reads_as_23_59_of_the_day_before(
    secretary_client, entry, checklist, django_capture_on_commit_callbacks
):
    """Issue 13, point 6: never "00:00" of the next day in the e-mail."""
    day = (timezone.localtime(timezone.now(), WARSAW) + timedelta(days=5)).date()
    midnight = datetime.combine(day, time(0, 0), tzinfo=WARSAW)

    with django_capture_on_commit_callbacks(execute=True):
        post_check(
            secretary_client,
            entry,
            checklist,
            unticked=checklist[2:],
            decision="needs_correction",
            reason="Popraw NIP.",
            correction_fields=["nip"],
            correction_deadline=warsaw_input(midnight),
        )

    [message] = mail.outbox
    before = day - timedelta(days=1)
    assert f"{before.day} " in message.body and "23:59" in message.body
    assert "00:00" not in message.body


def test_english_applicant_gets_the_mail_in_their_language(
    secretary_client, edition, checklist, django_capture_on_commit_callbacks
):
    entry = builders.entry(edition, language="en", email="applicant@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        post_check(
            secretary_client,
            entry,
            checklist,
            decision="ineligible",
            reason="The seat is outside Mazovia.",
        )

    [message] = mail.outbox
    assert message.to == ["applicant@example.com"]
    assert entry.reference in message.subject


def test_no_mail_without_an_address(
    secretary_client, edition, checklist, django_capture_on_commit_callbacks
):
    entry = builders.entry(edition, email="")

    with django_capture_on_commit_callbacks(execute=True):
        post_check(secretary_client, entry, checklist, decision="eligible")

    entry.refresh_from_db()
    assert entry.status == Status.ELIGIBLE
    assert mail.outbox == []


# -- validation ----------------------------------------------------------------


def _invalid_cases(criterion_pk, jury_opens_at):
    future = warsaw_input(timezone.now() + timedelta(days=3))
    return {
        "ineligible_without_reason": (
            {"decision": "ineligible", "reason": "  "},
            "Podaj uzasadnienie",
        ),
        "correction_without_message": (
            {
                "decision": "needs_correction",
                "correction_fields": ["nip"],
                "correction_deadline": future,
            },
            "Napisz zgłaszającemu, co i dlaczego ma poprawić.",
        ),
        "correction_without_fields": (
            {
                "decision": "needs_correction",
                "reason": "Popraw NIP.",
                "correction_deadline": future,
            },
            "Wybierz co najmniej jedno pole do poprawy.",
        ),
        "correction_deadline_in_the_past": (
            {
                "decision": "needs_correction",
                "reason": "Popraw NIP.",
                "correction_fields": ["nip"],
                "correction_deadline": warsaw_input(
                    timezone.now() - timedelta(hours=1)
                ),
            },
            "Termin poprawy musi być w przyszłości.",
        ),
        "correction_deadline_after_the_jury_opens": (
            {
                "decision": "needs_correction",
                "reason": "Popraw NIP.",
                "correction_fields": ["nip"],
                "correction_deadline": warsaw_input(jury_opens_at + timedelta(days=1)),
            },
            "nie może być późniejszy niż początek oceny jury",
        ),
        "correction_with_a_field_the_entry_has_not": (
            {
                "decision": "needs_correction",
                "reason": "Popraw.",
                "correction_fields": ["status"],
                "correction_deadline": future,
            },
            "Wybierz poprawną wartość",
        ),
        "no_decision": ({}, "To pole jest wymagane."),
    }


CASES = [
    "ineligible_without_reason",
    "correction_without_message",
    "correction_without_fields",
    "correction_deadline_in_the_past",
    "correction_deadline_after_the_jury_opens",
    "correction_with_a_field_the_entry_has_not",
    "no_decision",
]


@pytest.mark.parametrize("case", CASES)
def test_invalid_decisions_change_nothing(
    secretary_client,
    edition,
    entry,
    checklist,
    case,
    django_capture_on_commit_callbacks,
):
    data, expected = _invalid_cases(0, edition.jury_opens_at)[case]

    with django_capture_on_commit_callbacks(execute=True):
        response = post_check(secretary_client, entry, checklist, **data)

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert "Ocena nie została zapisana" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == Status.SUBMITTED
    assert not FormalCheck.objects.filter(entry=entry).exists()
    assert not _logs(entry, formal_check.SAVED_ACTION)
    assert mail.outbox == []


def test_eligible_with_an_unticked_requirement_is_refused(
    secretary_client, entry, checklist
):
    response = post_check(
        secretary_client,
        entry,
        checklist,
        unticked=checklist[1:2],
        decision="eligible",
        note="Zapomniana notatka",
    )

    assert response.status_code == 200
    assert (
        "Zaznaczono, że wymóg „Podmiot działa co najmniej rok” nie jest spełniony"
        in text(response)
    )
    # What was typed and ticked is kept.
    content = response.content.decode()
    assert "Zapomniana notatka" in content
    assert re.search(rf'name="criterion_{checklist[0].pk}"[^>]*checked', content)
    assert not re.search(rf'name="criterion_{checklist[1].pk}"[^>]*checked', content)
    entry.refresh_from_db()
    assert entry.status == Status.SUBMITTED
    assert not FormalCheck.objects.exists()


def test_correction_fields_do_not_block_another_decision(
    secretary_client, entry, checklist
):
    response = post_check(
        secretary_client,
        entry,
        checklist,
        decision="eligible",
        correction_fields=["nip"],
        correction_deadline="nie wiem",
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.ELIGIBLE
    assert entry.correction_fields == [] and entry.correction_deadline is None


@pytest.mark.parametrize(
    "status", [Status.ELIGIBLE, Status.NEEDS_CORRECTION, Status.DRAFT]
)
def test_only_submitted_entries_can_be_checked(
    secretary_client, edition, checklist, status
):
    entry = builders.entry(edition, status=status)

    shown = secretary_client.get(check_url(entry), follow=True)
    response = post_check(secretary_client, entry, checklist, decision="ineligible")

    assert shown.redirect_chain[0][0] == inspect_url(entry)
    assert "tylko dla zgłoszeń o statusie „wysłane”" in text(shown)
    assert response.status_code == 302
    assert response["Location"] == inspect_url(entry)
    entry.refresh_from_db()
    assert entry.status == status
    assert not FormalCheck.objects.exists()
    inspect = secretary_client.get(inspect_url(entry)).content.decode()
    assert check_url(entry) not in inspect


def test_an_entry_that_changed_meanwhile_is_not_decided_twice(
    secretary, entry, checklist
):
    formal_check.record(entry, secretary, {}, Status.ELIGIBLE)

    with pytest.raises(formal_check.NotCheckable):
        formal_check.record(entry, secretary, {}, Status.INELIGIBLE, reason="x")

    entry.refresh_from_db()
    assert entry.status == Status.ELIGIBLE
    assert len(_logs(entry, formal_check.SAVED_ACTION)) == 1


# -- the applicant's correction and the re-check -----------------------------


def _status_url(page):
    return page.url + page.reverse_subpage("status")


def test_correction_round_trip_through_the_status_page(
    client,
    secretary,
    edition,
    entry,
    checklist,
    django_capture_on_commit_callbacks,
):
    """Secretariat asks → the applicant sees it and corrects → the secretariat
    sees the previous check and the correction, and accepts."""
    criterion = entry.category.criteria.order_by("sort_order").first()
    reason = "Podajcie właściwy NIP."
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        post_check(
            client,
            entry,
            checklist,
            unticked=checklist[2:],
            decision="needs_correction",
            reason=reason,
            correction_fields=["nip", f"answer_{criterion.pk}"],
            correction_deadline=warsaw_input(timezone.now() + timedelta(days=3)),
            note="Brak podpisu – zapytać.",
        )
    client.logout()

    # The applicant opens the link from the receipt.
    token = AccessToken.issue(entry, "status", timezone.now() + timedelta(days=30))
    client.get(edition.url + edition.reverse_subpage("status_token", args=(token,)))
    page = client.get(_status_url(edition))
    assert "Zgłoszenie wymaga poprawy" in text(page)
    assert reason in text(page)
    assert "Termin poprawy" in text(page)
    form_html = page.content.decode()
    assert 'name="nip"' in form_html and f'name="answer_{criterion.pk}"' in form_html
    assert 'name="city"' not in form_html
    with django_capture_on_commit_callbacks(execute=True):
        corrected = client.post(
            _status_url(edition),
            {
                "action": "correct",
                "entry": entry.pk,
                "nip": "526-000-12-46",
                f"answer_{criterion.pk}": "Odpowiedź na Kryterium 1.",
            },
        )
    assert corrected.status_code == 303
    entry.refresh_from_db()
    assert entry.status == Status.SUBMITTED
    assert entry.nip == "5260001246"

    # The secretariat checks again: the earlier check and the correction shown.
    client.force_login(secretary)
    screen = client.get(check_url(entry))
    assert screen.status_code == 200
    shown = text(screen)
    assert "Poprzednia ocena formalna" in shown
    assert f"✗ niespełniony: {REQUIREMENTS[2]}" in shown
    assert f"✓ spełniony: {REQUIREMENTS[0]}" in shown
    assert "Brak podpisu – zapytać." in shown
    assert "Prośba o poprawę i poprawka zgłaszającego" in shown
    assert reason in shown
    # Only the NIP changed (the answer was sent back as it was).
    assert "Zmienione pola NIP" in shown
    assert "Zmienione pola: NIP" in shown  # in the history too
    # The earlier ticks are the starting point.
    content = screen.content.decode()
    assert re.search(rf'name="criterion_{checklist[0].pk}"[^>]*checked', content)
    assert not re.search(rf'name="criterion_{checklist[2].pk}"[^>]*checked', content)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = post_check(client, entry, checklist, decision="eligible")
    assert accepted.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.ELIGIBLE
    # The old request is cleared; the applicant's page no longer shows it.
    assert entry.status_reason == "" and entry.correction_fields == []
    assert entry.correction_deadline is None
    assert len(_logs(entry, formal_check.SAVED_ACTION)) == 2
    assert FormalCheck.objects.get(entry=entry).results == {
        str(item.pk): True for item in checklist
    }
    assert [message.to for message in mail.outbox] == [["jan.nowak@example.org"]]
    client.logout()
    client.get(edition.url + edition.reverse_subpage("status_token", args=(token,)))
    after = text(client.get(_status_url(edition)))
    assert "Zgłoszenie spełnia wymogi formalne" in after
    assert reason not in after


# -- bulk action -------------------------------------------------------------


@pytest.fixture
def batch(edition, checklist):
    return {
        "first": builders.entry(edition, email="first@example.org"),
        "second": builders.entry(edition, email="second@example.org"),
        "done": builders.entry(edition, status=Status.ELIGIBLE),
    }


def _bulk_query(*entries):
    return "&".join(f"id={entry.pk}" for entry in entries) + f"&next={INDEX}"


def test_bulk_confirmation_lists_the_entries_and_the_skipped(secretary_client, batch):
    response = secretary_client.get(
        f"{BULK}?{_bulk_query(batch['first'], batch['second'], batch['done'])}"
    )

    assert response.status_code == 200
    shown = text(response)
    assert batch["first"].reference in shown and batch["second"].reference in shown
    assert "zostaną pominięte" in shown
    skipped = shown[shown.index("zostaną pominięte") :]
    assert batch["done"].reference in skipped
    assert batch["first"].reference not in skipped
    assert "Tak, oznacz jako spełniające wymogi" in shown


def test_bulk_marks_eligible_with_every_requirement_and_mails_each(
    secretary_client, secretary, batch, checklist, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(
            f"{BULK}?{_bulk_query(batch['first'], batch['second'], batch['done'])}"
        )

    assert response.status_code == 302
    assert response["Location"] == INDEX
    for key in ("first", "second"):
        entry = batch[key]
        entry.refresh_from_db()
        assert entry.status == Status.ELIGIBLE
        check = FormalCheck.objects.get(entry=entry)
        assert check.results == {str(item.pk): True for item in checklist}
        assert check.checked_by == secretary
        [moved] = _logs(entry, "competition.entry.eligible")
        assert moved.user == secretary
        assert len(_logs(entry, formal_check.SAVED_ACTION)) == 1
    assert not FormalCheck.objects.filter(entry=batch["done"]).exists()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "first@example.org",
        "second@example.org",
    ]
    listing = text(secretary_client.get(INDEX))
    assert "Oznaczono jako spełniające wymogi formalne: 2." in listing
    assert (
        f"Pominięto zgłoszenia, które nie mają statusu „wysłane”: {batch['done']}"
        in (listing)
    )


def test_bulk_select_all_follows_the_list_filters(
    secretary_client, edition, batch, django_capture_on_commit_callbacks
):
    osobowosc = edition.categories.get(slug="osobowosc")
    person = builders.entry(edition, category=osobowosc)

    with django_capture_on_commit_callbacks(execute=True):
        secretary_client.post(f"{BULK}?id=all&category={osobowosc.pk}&next={INDEX}")

    person.refresh_from_db()
    batch["first"].refresh_from_db()
    assert person.status == Status.ELIGIBLE
    assert batch["first"].status == Status.SUBMITTED


# -- permissions ---------------------------------------------------------------


def test_secretariat_has_the_permission_from_the_migration(db):
    group = Group.objects.get(name="Sekretariat konkursu")
    permission = group.permissions.get(codename="check_entry")

    assert permission.content_type.app_label == "competition"
    assert permission.content_type.model == "entry"
    assert permission.name == "Może przeprowadzać ocenę formalną"
    assert (
        not Group.objects.get(name="Jury")
        .permissions.filter(codename="check_entry")
        .exists()
    )


@pytest.fixture(params=["juror", "editor", "viewer"])
def refused_client(request, client):
    """A juror, an editor, and a staff member who may view entries but not
    check them."""
    if request.param == "viewer":
        user = staff_user("viewer", permissions=["access_admin", "view_entry"])
    else:
        user = request.getfixturevalue(request.param)
    client.force_login(user)
    return client


def test_others_cannot_check_by_url_or_form(
    refused_client, edition, entry, checklist, django_capture_on_commit_callbacks
):
    other = builders.entry(edition)
    for target in (entry, other, entry.pk + 1000):
        assert_denied(refused_client.get(check_url(target)))
        with django_capture_on_commit_callbacks(execute=True):
            assert_denied(
                post_check(refused_client, target, checklist, decision="eligible")
            )
        pk = getattr(target, "pk", target)
        assert_denied(refused_client.get(f"{BULK}?id={pk}"))
        with django_capture_on_commit_callbacks(execute=True):
            assert_denied(refused_client.post(f"{BULK}?id={pk}"))
    assert_denied(refused_client.post(f"{BULK}?id=all"))

    for item in (entry, other):
        item.refresh_from_db()
        assert item.status == Status.SUBMITTED
    assert not FormalCheck.objects.exists()
    assert mail.outbox == []


def test_a_viewer_sees_no_check_button_nor_bulk_boxes(client, entry):
    viewer = staff_user("viewer", permissions=["access_admin", "view_entry"])
    client.force_login(viewer)

    listing = client.get(INDEX).content.decode()
    inspect = client.get(inspect_url(entry)).content.decode()

    assert entry.reference in listing
    assert check_url(entry) not in listing and check_url(entry) not in inspect
    assert "data-bulk-action-checkbox" not in listing
    assert BULK not in listing


def test_anonymous_is_sent_to_login(client, entry, checklist):
    for response in (
        client.get(check_url(entry)),
        post_check(client, entry, checklist, decision="eligible"),
        client.get(f"{BULK}?id={entry.pk}"),
        client.post(f"{BULK}?id={entry.pk}"),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    entry.refresh_from_db()
    assert entry.status == Status.SUBMITTED


def test_an_unknown_entry_is_a_404_for_the_secretariat(secretary_client, entry):
    assert secretary_client.get(check_url(entry.pk + 1000)).status_code == 404


def test_the_log_action_is_registered_and_shown(
    secretary_client, secretary, entry, checklist
):
    results = {criterion.pk: criterion != checklist[1] for criterion in checklist}
    formal_check.record(
        entry, secretary, results, Status.INELIGIBLE, reason="Działa od pół roku."
    )

    content = text(secretary_client.get(inspect_url(entry)))

    assert "Ocena formalna zapisana" in content
    assert f"Niespełnione wymogi: {REQUIREMENTS[1]}" in content
    assert "Zgłoszenie nie spełnia wymogów" in content
    assert "Działa od pół roku." in content


# -- query budget --------------------------------------------------------------

# Measured: 16 with 2 and with 10 requirements (session, user, permissions and
# profile; the entry, answers, consents, files, log; the checklist, the earlier
# check, the category's criteria); a little room for Wagtail's own queries.
SCREEN_QUERY_BUDGET = 18


@pytest.mark.parametrize("size", [2, 10])
def test_screen_queries_do_not_grow_with_the_checklist(
    secretary_client, edition, size, django_assert_max_num_queries
):
    for number in range(size):
        FormalCriterion.objects.create(
            edition=edition, text=f"Wymóg {number}", sort_order=number
        )
    entry = builders.entry(edition)
    for number in range(3):
        EntryFile.objects.create(
            entry=entry,
            kind=EntryFile.Kind.PHOTO,
            storage_name=f"private/{number}.jpg",
            original_name=f"{number}.jpg",
            content_type="image/jpeg",
            size=1000,
        )
    formal_check.record(
        entry,
        None,
        {},
        Status.NEEDS_CORRECTION,
        reason="Popraw NIP.",
        correction_fields=["nip"],
        correction_deadline=timezone.now() + timedelta(days=2),
    )
    type(entry).objects.filter(pk=entry.pk).update(status=Status.SUBMITTED)
    secretary_client.get(check_url(entry))  # warm the caches (site, locale)

    with django_assert_max_num_queries(SCREEN_QUERY_BUDGET):
        response = secretary_client.get(check_url(entry))

    assert response.status_code == 200
    assert f"Wymóg {size - 1}" in response.content.decode()


def test_deadline_is_read_as_warsaw_time_whatever_the_admin_time_zone(
    secretary_client, secretary, edition, entry, checklist
):
    profile = UserProfile.get_for_user(secretary)
    profile.current_time_zone = "America/New_York"
    profile.save()
    day = timezone.localtime(timezone.now(), WARSAW).date() + timedelta(days=2)

    post_check(
        secretary_client,
        entry,
        checklist,
        decision="needs_correction",
        reason="Popraw NIP.",
        correction_fields=["nip"],
        correction_deadline=f"{day:%Y-%m-%d} 12:00",
    )

    entry.refresh_from_db()
    assert entry.correction_deadline == datetime.combine(
        day, time(12, 0), tzinfo=WARSAW
    )
