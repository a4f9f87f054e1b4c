"""The applicant's private status page: the link, the page, withdrawal, correction."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

import teryt
from competition import applicant, dates
from competition.models import (
    AccessToken,
    CompetitionPage,
    Consent,
    EntryFile,
    Status,
)
from competition.views import status as status_views

from . import builders
from .builders import text

pytestmark = pytest.mark.django_db

PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
}
INVALID_LINK = "Link jest nieprawidłowy albo wygasł"


def link(entry, days=30):
    return AccessToken.issue(entry, "status", timezone.now() + timedelta(days=days))


def token_url(page, token):
    return page.url + page.reverse_subpage("status_token", args=(token,))


def status_url(page):
    return page.url + page.reverse_subpage("status")


def open_link(client, page, entry):
    response = client.get(token_url(page, link(entry)))
    assert response.status_code == 303
    return client.get(status_url(page))


def assert_private(response, token_url=False):
    # The page with the forms must not be "no-referrer": browsers then send
    # ``Origin: null`` with its POSTs and Django's CSRF check refuses them.
    expected = {
        **PRIVATE_HEADERS,
        "Referrer-Policy": "no-referrer" if token_url else "same-origin",
    }
    for header, value in expected.items():
        assert response[header] == value, header


@pytest.fixture
def entry(edition):
    return builders.entry(edition)


@pytest.fixture
def past_jury(home):
    """An edition whose jury phase began five days ago."""
    now = timezone.now()
    return builders.edition(
        home,
        code="MMES-2026",
        opens=now - timedelta(days=60),
        closes=now - timedelta(days=10),
        jury_opens_at=now - timedelta(days=5),
    )


# -- the link ---------------------------------------------------------------


def test_link_is_exchanged_for_a_session_and_leaves_the_address(client, edition, entry):
    token = link(entry)
    response = client.get(token_url(edition, token))

    assert response.status_code == 303
    assert response["Location"] == status_url(edition)
    assert token not in response["Location"]
    assert_private(response, token_url=True)
    assert client.session[status_views.SESSION_KEY] == [entry.pk]
    assert AccessToken.objects.get().last_used_at is not None

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert_private(page)
    content = page.content.decode()
    assert '<meta name="robots" content="noindex">' in content
    assert entry.reference in content
    assert token not in content


def test_each_link_renews_the_session_and_keeps_earlier_entries(client, edition, entry):
    other = builders.entry(edition, title="Druga kawiarnia")
    client.get(token_url(edition, link(entry)))
    first_key = client.session.session_key
    client.get(token_url(edition, link(other)))

    assert client.session.session_key != first_key  # no session fixation
    assert client.session[status_views.SESSION_KEY] == [entry.pk, other.pk]
    content = client.get(status_url(edition)).content.decode()
    assert entry.reference in content and other.reference in content
    assert content.count('class="status-entry"') == 2


@pytest.mark.parametrize("case", ["wrong", "expired", "other_edition", "draft_link"])
def test_a_bad_link_gets_one_answer_that_tells_nothing(client, home, edition, case):
    entry = builders.entry(edition)
    if case == "wrong":
        token = "x" * 43
    elif case == "expired":
        token = AccessToken.issue(
            entry, "status", timezone.now() - timedelta(seconds=1)
        )
    elif case == "other_edition":
        other = builders.edition(home, code="MMES-2028")
        entry = builders.entry(other)
        token = link(entry)  # valid, but for another edition's entry
    else:
        token = AccessToken.issue(entry, "draft", timezone.now() + timedelta(days=1))

    response = client.get(token_url(edition, token))

    assert response.status_code == 404
    assert_private(response, token_url=True)
    assert INVALID_LINK in text(response)
    content = response.content.decode()
    assert entry.reference not in content
    assert entry.organisation_name not in content
    assert status_views.SESSION_KEY not in client.session


def test_only_the_hash_of_a_link_is_stored(edition, entry):
    token = link(entry)
    row = AccessToken.objects.get()
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = [str(value) for value in AccessToken.objects.values_list().get()]
    assert not any(token in value for value in stored)


def test_link_lookups_are_rate_limited_per_address(client, edition, entry):
    assert status_views.LOOKUP_LIMIT == 20
    for attempt in range(status_views.LOOKUP_LIMIT):
        response = client.get(token_url(edition, f"guess-{attempt}"))
        assert response.status_code == 404

    # Over the limit even a good link waits: guessing must not pay off.
    response = client.get(token_url(edition, link(entry)))
    assert response.status_code == 429
    assert_private(response, token_url=True)
    assert 0 < int(response["Retry-After"]) <= status_views.LOOKUP_WINDOW
    assert "Zbyt wiele prób" in text(response)
    assert status_views.SESSION_KEY not in client.session

    other_address = client.get(token_url(edition, link(entry)), REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 303


def test_without_a_link_the_page_explains_how_to_get_one(client, edition):
    edition.contact_email = "mmes@mcps.example"
    edition.save_revision().publish()

    response = client.get(status_url(edition))

    assert response.status_code == 200
    assert_private(response)
    page = text(response)
    assert "e-mailu potwierdzającym przyjęcie zgłoszenia" in page
    assert "mmes@mcps.example" in page


def test_entries_of_another_edition_stay_on_their_own_page(client, home, edition):
    other = builders.edition(home, code="MMES-2028")
    foreign = builders.entry(other)
    open_link(client, other, foreign)

    response = client.get(status_url(edition))
    assert foreign.reference not in response.content.decode()
    # Nor can a POST on this edition's page reach it.
    response = client.post(
        status_url(edition),
        {"action": "withdraw", "entry": foreign.pk, "confirm": "on"},
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == Status.SUBMITTED


# -- what the page says -----------------------------------------------------


def test_withdrawal_and_correction_close_at_their_instants(edition):
    entry = builders.entry(
        edition,
        status=Status.NEEDS_CORRECTION,
        correction_fields=["nip"],
        correction_deadline=edition.jury_opens_at - timedelta(days=1),
    )
    jury = edition.jury_opens_at
    assert applicant.can_withdraw(entry, edition, jury - timedelta(microseconds=1))
    assert not applicant.can_withdraw(entry, edition, jury)
    deadline = entry.correction_deadline
    assert applicant.can_correct(entry, deadline - timedelta(microseconds=1))
    assert not applicant.can_correct(entry, deadline)
    entry.status = Status.IN_REVIEW
    assert not applicant.can_withdraw(entry, edition, jury - timedelta(days=2))


def test_submitted_entry_says_when_the_formal_check_ends(client, edition, entry):
    page = text(open_link(client, edition, entry))
    jury_opens = dates.warsaw_time(edition.jury_opens_at)
    assert "Zgłoszenie zostało przyjęte" in page
    assert (
        f"Sekretariat sprawdzi zgłoszenie pod względem formalnym do {jury_opens}"
        in page
    )


@pytest.mark.parametrize(
    ("state", "fields", "expected"),
    [
        (
            Status.NEEDS_CORRECTION,
            {"status_reason": "Brakuje numeru REGON."},
            ["Zgłoszenie wymaga poprawy", "Brakuje numeru REGON.", "Termin poprawy"],
        ),
        (Status.ELIGIBLE, {}, ["Zgłoszenie spełnia wymogi formalne"]),
        (
            Status.INELIGIBLE,
            {"status_reason": "Siedziba poza Mazowszem."},
            ["nie spełnia wymogów formalnych", "Siedziba poza Mazowszem."],
        ),
        (Status.IN_REVIEW, {}, ["Zgłoszenie jest w ocenie jury"]),
        (Status.REVIEWED, {}, ["czekamy na ogłoszenie wyników"]),
        (Status.WITHDRAWN, {}, ["Zgłoszenie zostało wycofane"]),
        (
            Status.DISQUALIFIED,
            {"status_reason": "Zgłoszenie skopiowane z innego."},
            ["zostało zdyskwalifikowane", "Zgłoszenie skopiowane z innego."],
        ),
    ],
)
def test_each_state_in_plain_words(client, edition, state, fields, expected):
    if state == Status.NEEDS_CORRECTION:
        fields["correction_deadline"] = timezone.now() + timedelta(days=7)
        fields["correction_fields"] = ["regon"]
    entry = builders.entry(edition, status=state, **fields)
    page = text(open_link(client, edition, entry))
    for phrase in expected:
        assert phrase in page
    if state == Status.NEEDS_CORRECTION:
        assert dates.warsaw_time(entry.correction_deadline) in page


@pytest.mark.parametrize(
    ("decision", "phrase"),
    [
        (Status.LAUREATE, "zostało laureatem"),
        (Status.DISTINCTION, "otrzymało wyróżnienie"),
        (Status.NOT_AWARDED, "nie otrzymało nagrody"),
    ],
)
def test_decisions_stay_hidden_until_results_are_published(
    client, edition, decision, phrase
):
    entry = builders.entry(edition, status=decision)
    before = text(open_link(client, edition, entry))
    assert phrase not in before
    assert "czekamy na ogłoszenie wyników" in before

    CompetitionPage.objects.filter(pk=edition.pk).update(
        results_published_at=timezone.now() - timedelta(minutes=1)
    )
    after = text(client.get(status_url(edition)))
    assert phrase in after
    assert "czekamy na ogłoszenie wyników" not in after


def test_the_page_shows_what_was_submitted_without_file_links(client, edition):
    powiat = teryt.powiat("1408")
    entry = builders.entry(edition, powiat="1408", website="https://przyklad.pl")
    Consent.objects.create(
        entry=entry, kind="rules", given=True, text="Akceptuję.", version="1"
    )
    Consent.objects.create(
        entry=entry,
        kind="image_publication",
        given=False,
        text="Zgoda na wizerunek.",
        version="1",
    )
    photo = EntryFile.objects.create(
        entry=entry,
        kind="photo",
        storage_name="private/3f9a-random-name.jpg",
        original_name="kawiarnia-od-frontu.jpg",
        content_type="image/jpeg",
        size=2_400_000,
    )

    response = open_link(client, edition, entry)
    page = text(response)
    content = response.content.decode()

    for phrase in [
        "Spółdzielnia Socjalna Przykład",
        "spółdzielnia socjalna",  # the legal form's label, not its code
        "856-734-62-15",
        powiat["name"],
        "https://przyklad.pl",
        "Kawiarnia, która zatrudnia",
        "Pytanie 1: co zrobiliście?",
        "Odpowiedź na Kryterium 1.",
        "Akceptacja regulaminu: zgoda udzielona",
        "Publikacja wizerunku: nie udzielono zgody",
        "kawiarnia-od-frontu.jpg",
        "2,3 MB",
    ]:
        assert phrase in page, phrase
    assert "spoldzielnia_socjalna" not in content
    assert photo.storage_name not in content
    assert photo.handle not in content
    assert "złośliwe oprogramowanie" not in page


def test_the_applicant_sees_which_file_the_antivirus_stopped(client, edition):
    # Issue 12 §3: the e-mail is not the only place that says so.
    entry = builders.entry(edition)
    EntryFile.objects.create(
        entry=entry,
        kind="presentation",
        storage_name="quarantine/entries/x.pdf",
        original_name="prezentacja.pdf",
        content_type="application/pdf",
        size=68,
        scan_state="infected",
        scan_signature="Eicar-Test-Signature",
    )
    page = text(open_link(client, edition, entry))
    assert (
        "prezentacja.pdf (prezentacja, 68 bajtów) Program antywirusowy wykrył "
        "w tym pliku złośliwe oprogramowanie" in page
    )
    assert "Eicar" not in page


# -- withdrawal ---------------------------------------------------------------


def test_withdrawal_needs_the_confirmation(client, edition, entry):
    open_link(client, edition, entry)
    response = client.post(
        status_url(edition), {"action": "withdraw", "entry": entry.pk}
    )

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "Zaznacz, że rozumiesz" in text(response)
    entry.refresh_from_db()
    assert entry.status == Status.SUBMITTED


def test_applicant_withdraws_before_the_jury_phase(
    client, edition, entry, django_capture_on_commit_callbacks
):
    page = open_link(client, edition, entry)
    assert "Rozumiem, że wycofania nie można cofnąć" in text(page)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            status_url(edition),
            {
                "action": "withdraw",
                "entry": entry.pk,
                "confirm": "on",
                "reason": "Zmiana planów.",
            },
        )

    assert response.status_code == 303
    assert_private(response)
    entry.refresh_from_db()
    assert entry.status == Status.WITHDRAWN
    log = ModelLogEntry.objects.get(action="competition.entry.withdrawn")
    assert log.data["actor"] == "applicant" and log.data["reason"] == "Zmiana planów."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [entry.email]
    assert entry.reference in mail.outbox[0].subject
    assert "Zmiana planów." in mail.outbox[0].body

    after = text(client.get(status_url(edition)))
    assert f"Zgłoszenie {entry.reference} zostało wycofane." in after  # the notice
    assert "Zgłoszenie zostało wycofane" in after
    assert "Wycofaj zgłoszenie" not in after


def test_withdrawal_is_refused_once_the_jury_phase_began(
    client, past_jury, django_capture_on_commit_callbacks
):
    entry = builders.entry(past_jury, status=Status.ELIGIBLE)
    page = open_link(client, past_jury, entry)
    assert "Wycofaj zgłoszenie" not in text(page)
    assert 'name="confirm"' not in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            status_url(past_jury),
            {"action": "withdraw", "entry": entry.pk, "confirm": "on"},
        )

    assert response.status_code == 409
    assert "Tego zgłoszenia nie można już wycofać" in text(response)
    entry.refresh_from_db()
    assert entry.status == Status.ELIGIBLE
    assert mail.outbox == []


def test_entry_in_review_cannot_be_withdrawn(client, edition):
    entry = builders.entry(edition, status=Status.IN_REVIEW)
    open_link(client, edition, entry)
    response = client.post(
        status_url(edition), {"action": "withdraw", "entry": entry.pk, "confirm": "on"}
    )
    assert response.status_code == 409
    entry.refresh_from_db()
    assert entry.status == Status.IN_REVIEW


def test_post_without_the_session_changes_nothing(client, edition, entry):
    response = client.post(
        status_url(edition), {"action": "withdraw", "entry": entry.pk, "confirm": "on"}
    )
    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.status == Status.SUBMITTED


# -- correction ---------------------------------------------------------------


@pytest.fixture
def flagged(edition):
    """An entry whose NIP and first answer the secretariat asked to correct."""
    category = edition.categories.get(slug="reintegracja")
    criterion = category.criteria.order_by("sort_order").first()
    entry = builders.entry(
        edition,
        category=category,
        status=Status.NEEDS_CORRECTION,
        status_reason="NIP nie zgadza się z KRS; rozwińcie odpowiedź 1.",
        correction_fields=["nip", f"answer_{criterion.pk}"],
        correction_deadline=timezone.now() + timedelta(days=7),
    )
    return entry, criterion


def form_of(response, entry):
    content = response.content.decode()
    match = re.search(
        rf'<section class="status-action" id="correct-{entry.pk}".*?</section>',
        content,
        flags=re.S,
    )
    assert match, "no correction form"
    return match.group(0)


def test_only_the_flagged_fields_are_offered_prefilled(client, edition, flagged):
    entry, criterion = flagged
    form = form_of(open_link(client, edition, entry), entry)

    names = set(re.findall(r'name="([^"]+)"', form)) - {"csrfmiddlewaretoken"}
    assert names == {"action", "entry", "nip", f"answer_{criterion.pk}"}
    assert 'value="8567346215"' in form
    assert "Odpowiedź na Kryterium 1." in form
    assert "Pytanie 1: co zrobiliście?" in form  # the question is the label


def test_invalid_nip_is_explained_and_the_typed_data_kept(client, edition, flagged):
    entry, criterion = flagged
    open_link(client, edition, entry)
    answer = "Rozwinięta odpowiedź o naszej kawiarni."

    response = client.post(
        status_url(edition),
        {
            "action": "correct",
            "entry": entry.pk,
            "nip": "123-456-78-90",
            f"answer_{criterion.pk}": answer,
        },
    )

    assert response.status_code == 200
    form = form_of(response, entry)
    assert "Ten NIP ma błędną cyfrę kontrolną" in form
    assert 'value="123-456-78-90"' in form
    assert answer in form
    summary = re.search(r'<div class="error-summary" role="alert".*?</div>', form, re.S)
    assert summary and f'href="#entry-{entry.pk}-nip"' in summary.group(0)
    assert (
        f'aria-describedby="entry-{entry.pk}-nip_helptext entry-{entry.pk}-nip_error"'
        in form
    )
    assert f'id="entry-{entry.pk}-nip_error"' in form
    entry.refresh_from_db()
    assert entry.status == Status.NEEDS_CORRECTION
    assert entry.nip == "8567346215"


def test_answer_longer_than_the_limit_is_refused(client, edition, flagged):
    entry, criterion = flagged
    open_link(client, edition, entry)
    response = client.post(
        status_url(edition),
        {
            "action": "correct",
            "entry": entry.pk,
            "nip": "8567346215",
            f"answer_{criterion.pk}": "x" * (criterion.answer_max_length + 1),
        },
    )
    assert response.status_code == 200
    name = f"entry-{entry.pk}-answer_{criterion.pk}"
    assert f'aria-describedby="{name}_helptext {name}_error"' in (
        response.content.decode()
    )
    entry.refresh_from_db()
    assert entry.status == Status.NEEDS_CORRECTION


def test_valid_correction_resubmits_logs_and_mails(
    client, edition, flagged, django_capture_on_commit_callbacks
):
    entry, criterion = flagged
    open_link(client, edition, entry)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            status_url(edition),
            {
                "action": "correct",
                "entry": entry.pk,
                "nip": "526-000-12-46",
                f"answer_{criterion.pk}": "Rozwinięta odpowiedź.",
                # Not flagged: must be ignored.
                "city": "Radom",
                "email": "intruz@example.org",
            },
        )

    assert response.status_code == 303
    entry.refresh_from_db()
    assert entry.status == Status.SUBMITTED
    assert entry.nip == "5260001246"
    assert entry.city == "Warszawa" and entry.email == "jan.nowak@example.org"
    assert entry.answers.get(criterion=criterion).text == "Rozwinięta odpowiedź."
    corrected = ModelLogEntry.objects.get(action="competition.entry.corrected")
    assert corrected.data["fields"] == ["nip", f"answer_{criterion.pk}"]
    submitted = ModelLogEntry.objects.get(action="competition.entry.submitted")
    assert submitted.data["from"] == "needs_correction"
    assert [message.to for message in mail.outbox] == [["jan.nowak@example.org"]]
    assert entry.reference in mail.outbox[0].subject

    after = client.get(status_url(edition))
    assert "Zgłoszenie zostało przyjęte" in text(after)
    assert 'id="correct-' not in after.content.decode()


def test_correction_after_the_deadline_is_refused(client, edition, flagged):
    entry, criterion = flagged
    entry.correction_deadline = timezone.now() - timedelta(minutes=1)
    entry.save()
    page = open_link(client, edition, entry)
    assert 'id="correct-' not in page.content.decode()
    assert "Termin poprawy minął" in text(page)

    response = client.post(
        status_url(edition),
        {"action": "correct", "entry": entry.pk, "nip": "5260001246"},
    )
    assert response.status_code == 409
    entry.refresh_from_db()
    assert entry.status == Status.NEEDS_CORRECTION
    assert entry.nip == "8567346215"


def test_correction_without_flagged_fields_points_to_the_organiser(client, edition):
    entry = builders.entry(
        edition, status=Status.NEEDS_CORRECTION, status_reason="Zadzwońcie do nas."
    )
    response = open_link(client, edition, entry)
    assert "Skontaktuj się z organizatorem" in text(response)
    assert 'id="correct-' not in response.content.decode()


def test_correction_form_checks_the_same_rules_as_submission(edition):
    from competition.forms.correction import CorrectionForm

    entry = builders.entry(
        edition,
        status=Status.NEEDS_CORRECTION,
        correction_fields=["regon", "krs", "postal_code", "powiat", "legal_form"],
    )
    form = CorrectionForm(
        entry,
        {
            "regon": "123456789",
            "krs": "12a",
            "postal_code": "00844x",
            "powiat": "9999",
            "legal_form": "no_such_form",
        },
    )
    assert not form.is_valid()
    assert set(form.errors) == {"regon", "krs", "postal_code", "powiat", "legal_form"}

    form = CorrectionForm(
        entry,
        {
            "regon": "192598184",
            "krs": "359730",
            "postal_code": "00844",
            "powiat": "1408",
            "legal_form": "spoldzielnia_socjalna",
        },
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["krs"] == "0000359730"
    assert form.cleaned_data["postal_code"] == "00-844"


# -- English ------------------------------------------------------------------


@pytest.fixture
def edition_en(edition, home_en, locales):
    page = edition.copy_for_translation(locales["en"], copy_parents=True).specific
    page.title = "Mazovian Social Economy Brand 2027"
    page.save_revision().publish()
    parent = page.get_parent()
    if not parent.live:
        parent.save_revision().publish()
    page.refresh_from_db()
    return page


def test_english_link_opens_the_polish_entry(
    client, edition, edition_en, entry, django_capture_on_commit_callbacks
):
    assert edition_en.url.startswith("/en/")
    response = client.get(token_url(edition_en, link(entry)))
    assert response.status_code == 303
    assert response["Location"] == status_url(edition_en)

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert_private(page)
    content = page.content.decode()
    assert '<html lang="en">' in content
    assert entry.reference in content
    assert "reintegracja (EN)" in content  # the category's English name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            status_url(edition_en),
            {"action": "withdraw", "entry": entry.pk, "confirm": "on"},
        )
    assert response.status_code == 303
    assert response["Location"] == status_url(edition_en)
    entry.refresh_from_db()
    assert entry.status == Status.WITHDRAWN
    assert len(mail.outbox) == 1
