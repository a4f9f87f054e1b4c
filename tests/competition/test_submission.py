"""The public submission form, as an applicant uses it (issue 4, points 5–12)."""

import re
import uuid
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import storages
from django.db import DatabaseError
from django.utils import timezone

from competition import duplicates
from competition.models import (
    AccessToken,
    Consent,
    Entry,
    EntryFile,
    Status,
)
from competition.submission import purge_expired
from competition.views import submission as views

from . import builders, formdata

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def page(home):
    return builders.edition(home)


@pytest.fixture
def category(page):
    return page.categories.get(slug="reintegracja")


@pytest.fixture
def person_category(page):
    return page.categories.get(slug="osobowosc")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as a browser would; e-mails queued on commit are sent."""

    def send(url, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return send


def form_url(page, category):
    return page.url + page.reverse_subpage("submission_form", args=[category.slug])


def errors(response):
    html = response.content.decode()
    return {
        match.group(1): re.sub(r"<[^>]+>|\s+", " ", match.group(2)).strip()
        for match in re.finditer(
            r'<p class="form-error" id="id_(\w+)_error">(.*?)</p>', html, re.S
        )
    }


def value_of(response, name):
    html = response.content.decode()
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    return match and match.group(1)


# -- the form as shown --------------------------------------------------------


@pytest.mark.django_db
def test_form_has_the_contract_field_names(client, page, category):
    response = client.get(form_url(page, category))
    assert response.status_code == 200
    html = response.content.decode()
    for name in [
        "nominee_kind",
        "organisation_name",
        "legal_form",
        "running_entity_name",
        "nip",
        "regon",
        "krs",
        "street",
        "postal_code",
        "city",
        "powiat",
        "website",
        "contact_name",
        "email",
        "phone",
        "title",
        "summary",
        "photos",
        "presentation",
        "video_url",
        "consent_rules",
        "consent_data",
        "consent_image_publication",
        "idempotency_key",
        *[f"answer_{c.pk}" for c in category.criteria.all()],
    ]:
        assert f'name="{name}"' in html, name
    assert html.count('<option value="14') == 42  # the powiats of Mazovia
    assert 'name="robots" content="noindex"' in html
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_person_category_asks_for_a_person(client, page, person_category):
    html = client.get(form_url(page, person_category)).content.decode()
    assert 'name="person_name"' in html
    assert 'name="organisation_name"' not in html
    # The powiat's hint fits a person, who has no seat (issue 13, point 6).
    assert "Powiat, w którym osoba zgłaszana mieszka lub działa" in html
    assert "siedziba" not in html


@pytest.mark.django_db
def test_unknown_category_is_404(client, page):
    assert client.get(page.url + "zgloszenie/nie-ma-takiej/").status_code == 404


# -- a successful submit ------------------------------------------------------


@pytest.mark.django_db
def test_submit_creates_entry_files_consents_and_receipt(
    client, post, page, category, mailoutbox
):
    data = formdata.organisation(
        category,
        photos=[formdata.jpeg("kawiarnia-wnetrze.jpg"), formdata.jpeg("zespol.jpg")],
        presentation=formdata.pdf(),
        consent_image_publication="on",
    )
    response = post(form_url(page, category), data)
    assert response.status_code == 303
    entry = Entry.objects.get()
    assert entry.reference == "MMES-2027-0001"
    assert entry.status == Status.SUBMITTED and entry.submitted_at
    assert entry.nip == "8567346215" and entry.krs == "0000359730"
    assert entry.website == "https://razem.example.org"
    assert entry.image_publication_allowed
    assert entry.answers.count() == category.criteria.count()
    names = sorted(entry.files.values_list("original_name", flat=True))
    assert names == ["kawiarnia-wnetrze.jpg", "prezentacja.pdf", "zespol.jpg"]
    for item in entry.files.all():
        assert storages["private"].exists(item.storage_name)
        assert item.original_name not in item.storage_name
    consents = {c.kind: c for c in entry.consents.all()}
    assert consents["rules"].given and consents["data"].given
    assert "Grzybowska 80/82" in consents["data"].text  # the clause as shown
    assert consents["data"].version.endswith(f"clause-{page.clause_version}")
    assert consents["image_publication"].given
    # The receipt: reference, summary, private status link.
    assert response["Location"].endswith("/zgloszenie/gotowe/MMES-2027-0001/")
    receipt = client.get(response["Location"])
    assert "MMES-2027-0001" in receipt.content.decode()
    assert receipt["Cache-Control"] == "no-store"
    (mail,) = mailoutbox
    assert mail.to == ["jan.nowak@example.org"]
    assert "MMES-2027-0001" in mail.subject
    link = re.search(r"http://testserver(/\S+/status/(\S+)/)", mail.body)
    assert link and AccessToken.find(link.group(2), "status").entry == entry
    assert "prezentacja.pdf" in mail.body


@pytest.mark.django_db
def test_receipt_is_only_for_the_browser_that_submitted(client, post, page, category):
    response = post(
        form_url(page, category),
        formdata.organisation(category, presentation=formdata.pdf()),
    )
    other = type(client)()
    assert other.get(response["Location"]).status_code == 404


@pytest.mark.django_db
def test_reference_numbers_count_up_per_edition(post, page, category, home):
    for nip in ("856-734-62-15", "525-000-00-15"):
        post(
            form_url(page, category),
            formdata.organisation(category, nip=nip, video_url="https://youtu.be/x"),
        )
    other = builders.edition(home, code="MMES-2028", slug="mmes-2028")
    other_category = other.categories.get(slug="reintegracja")
    post(
        form_url(other, other_category),
        formdata.organisation(other_category, video_url="https://youtu.be/x"),
    )
    assert sorted(Entry.objects.values_list("reference", flat=True)) == [
        "MMES-2027-0001",
        "MMES-2027-0002",
        "MMES-2028-0001",
    ]


@pytest.mark.django_db
def test_third_party_nomination_notifies_the_nominee(
    post, page, person_category, mailoutbox
):
    data = formdata.person(
        person_category,
        nomination="third_party",
        nominee_email="anna.kowalska@example.org",
        video_url="https://vimeo.com/1",
    )
    assert post(form_url(page, person_category), data).status_code == 303
    entry = Entry.objects.get()
    assert entry.nominee_notified_at is not None
    notice = next(m for m in mailoutbox if m.to == ["anna.kowalska@example.org"])
    assert "art. 14 RODO" in notice.body
    assert "Jan Nowak" in notice.body  # who nominated her
    assert "Grzybowska 80/82" in notice.body  # the information clause


# -- rejections keep everything ----------------------------------------------

REJECTIONS = [
    ({"nip": "856-734-62-16"}, "nip", "błędną cyfrę kontrolną"),
    ({"nip": "856-734-62"}, "nip", "NIP ma 10 cyfr, a wpisano 8"),
    ({"nip": "856-734-62-1O"}, "nip", "NIP to tylko cyfry"),
    ({"regon": "192598183"}, "regon", "Ten REGON ma błędną cyfrę kontrolną"),
    ({"regon": "1925981"}, "regon", "REGON ma 9 albo 14 cyfr, a wpisano 7"),
    ({"krs": "12345678901"}, "krs", "Numer KRS ma 10 cyfr, a wpisano 11"),
    ({"krs": ""}, "krs", "ma wpis w KRS"),
    ({"postal_code": "00844x"}, "postal_code", "00-000"),
    ({"powiat": "0201"}, "powiat", "z listy"),
    ({"legal_form": "spolka_akcyjna"}, "legal_form", "z listy"),
    ({"legal_form": "cis", "krs": ""}, "running_entity_name", "podmiot prowadzący"),
    ({"email": "jan@"}, "email", "nazwa@domena.pl"),
    ({"organisation_name": ""}, "organisation_name", "wymagane"),
    ({"title": ""}, "title", "wymagane"),
    ({"consent_rules": None}, "consent_rules", "Bez tej zgody"),
    ({"consent_data": None}, "consent_data", "Bez tej zgody"),
    ({"nomination": "third_party"}, "nominee_email", "adres e-mail"),
    ({"phone": "tel. 12"}, "phone", "numer telefonu"),
    ({"website": "nie adres"}, "website", "pełny adres strony"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("change", "field", "message"), REJECTIONS)
def test_every_rejection_shows_its_message_and_keeps_the_data(
    client, post, page, category, change, field, message, mailoutbox
):
    data = formdata.organisation(category, video_url="https://youtu.be/x", **change)
    data = {key: value for key, value in data.items() if value is not None}
    response = post(form_url(page, category), data)
    assert response.status_code == 400
    found = errors(response)
    assert field in found, found
    assert message.lower() in found[field].lower()
    html = response.content.decode()
    assert 'id="error-summary"' in html and f'href="#id_{field}"' in html
    assert f'aria-describedby="id_{field}_' in html or field == "nomination"
    # Everything typed is still there.
    assert value_of(response, "contact_name") == "Jan Nowak"
    assert "Nasza odpowiedź na: Pytanie 1" in html
    assert value_of(response, "idempotency_key") == data["idempotency_key"]
    assert not Entry.objects.exists() and not mailoutbox


@pytest.mark.django_db
def test_answers_have_a_length_limit(post, page, category):
    criterion = category.criteria.first()
    data = formdata.organisation(
        category,
        video_url="https://youtu.be/x",
        **{f"answer_{criterion.pk}": "x" * 501},
    )
    response = post(form_url(page, category), data)
    assert "500" in errors(response)[f"answer_{criterion.pk}"]


@pytest.mark.django_db
def test_presentation_or_video_is_required(post, page, category):
    response = post(form_url(page, category), formdata.organisation(category))
    assert "prezentację albo" in errors(response)["presentation"]


@pytest.mark.django_db
def test_accepted_files_survive_a_typo_and_need_no_second_upload(
    client, post, page, category
):
    data = formdata.organisation(
        category,
        nip="123",
        photos=[formdata.jpeg("kawiarnia.jpg")],
        presentation=formdata.pdf("o-nas.pdf"),
    )
    response = post(form_url(page, category), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "kawiarnia.jpg" in html and "o-nas.pdf" in html
    handles = re.findall(r'name="kept_files" value="([^"]+)"', html)
    assert len(handles) == 2
    assert EntryFile.objects.filter(entry=None).count() == 2
    # The corrected form is sent without files: the kept ones are used.
    fixed = formdata.organisation(
        category, idempotency_key=data["idempotency_key"], kept_files=handles
    )
    assert post(form_url(page, category), fixed).status_code == 303
    entry = Entry.objects.get()
    assert sorted(entry.files.values_list("original_name", flat=True)) == [
        "kawiarnia.jpg",
        "o-nas.pdf",
    ]


@pytest.mark.django_db
def test_kept_files_of_another_browser_cannot_be_claimed(client, post, page, category):
    post(
        form_url(page, category),
        formdata.organisation(
            category, nip="1", presentation=formdata.pdf("tajne.pdf")
        ),
    )
    handle = EntryFile.objects.get().handle
    stranger = type(client)()
    data = formdata.organisation(category, kept_files=[handle])
    response = stranger.post(form_url(page, category), data)
    assert "prezentację albo" in errors(response)["presentation"]
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_too_many_photos(post, page, category):
    page.max_photos = 1
    page.save()
    data = formdata.organisation(
        category,
        video_url="https://youtu.be/x",
        photos=[formdata.jpeg("1.jpg"), formdata.jpeg("2.jpg")],
    )
    assert "najwyżej 1" in errors(post(form_url(page, category), data))["photos"]


@pytest.mark.django_db
def test_a_bad_file_is_reported_next_to_its_field(post, page, category):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("cv.pdf", b"<html><script>alert(1)</script></html>")
    response = post(
        form_url(page, category), formdata.organisation(category, presentation=fake)
    )
    assert "cv.pdf" in errors(response)["presentation"]
    assert not EntryFile.objects.exists()


# -- idempotency --------------------------------------------------------------


@pytest.mark.django_db
def test_a_resent_post_creates_one_entry(client, post, page, category, mailoutbox):
    data = formdata.organisation(category, video_url="https://youtu.be/x")
    first = post(form_url(page, category), data)
    second = post(form_url(page, category), data)
    assert Entry.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_key_reused_after_a_race_leads_to_the_first_entry(
    client, post, page, category
):
    """The database's unique key decides when two requests pass the early check."""
    data = formdata.organisation(category, video_url="https://youtu.be/x")
    post(form_url(page, category), data)
    with (
        mock.patch.object(views, "_submitted_with_key", return_value=None),
        mock.patch.object(duplicates, "existing_entry", return_value=None),
    ):
        response = post(form_url(page, category), data)
    assert response.status_code == 303
    assert response["Location"].endswith("MMES-2027-0001/")
    assert Entry.objects.count() == 1


@pytest.mark.django_db
def test_back_from_the_receipt_and_send_again_creates_no_second_entry(
    client, post, page, category, mailoutbox
):
    """Issue 13, point 3: the form page is not cached (no-store), so Back fetches
    it again; a new key on every GET made the resent form look new."""
    first_form = client.get(form_url(page, category))
    key = value_of(first_form, "idempotency_key")
    data = formdata.organisation(
        category, video_url="https://youtu.be/x", idempotency_key=key
    )
    receipt = post(form_url(page, category), data)
    assert receipt.status_code == 303
    # Back: the browser asks for the form again and puts the typed text back.
    again = client.get(form_url(page, category))
    assert value_of(again, "idempotency_key") == key
    html = again.content.decode()
    assert "MMES-2027-0001" in html and "zostało już wysłane" in html
    resent = {**data, "idempotency_key": value_of(again, "idempotency_key")}
    response = post(form_url(page, category), resent)
    assert response.status_code == 303
    assert response["Location"] == receipt["Location"]
    assert Entry.objects.count() == 1 and len(mailoutbox) == 1
    # Someone nominating another organisation from the same browser starts anew.
    fresh = client.get(form_url(page, category) + "?nowe=1")
    assert value_of(fresh, "idempotency_key") not in (None, key)


@pytest.mark.django_db
def test_the_same_nip_in_the_same_category_points_to_the_status_page(
    client, post, page, category, mailoutbox
):
    post(form_url(page, category), formdata.organisation(category, video_url="x.pl"))
    other_browser = type(client)()
    data = formdata.organisation(category, video_url="https://youtu.be/x")
    response = other_browser.post(form_url(page, category), data)
    assert response.status_code == 400
    assert "jest już zgłoszenie z tym numerem NIP" in errors(response)["nip"]
    html = response.content.decode()
    assert f'href="{page.url}status/"' in html
    assert value_of(response, "contact_name") == "Jan Nowak"
    assert Entry.objects.count() == 1 and len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_same_nip_in_another_category_or_after_a_withdrawal_is_fine(
    client, post, page, category
):
    post(form_url(page, category), formdata.organisation(category, video_url="x.pl"))
    other = builders.category(page, "rozwoj", sort_order=5)
    data = formdata.organisation(other, video_url="https://youtu.be/x")
    assert type(client)().post(form_url(page, other), data).status_code == 303
    Entry.objects.filter(category=category).update(status=Status.WITHDRAWN)
    data = formdata.organisation(category, video_url="https://youtu.be/x")
    assert type(client)().post(form_url(page, category), data).status_code == 303


@pytest.mark.django_db
def test_the_same_person_by_e_mail_is_a_duplicate(client, post, page, person_category):
    first = formdata.person(
        person_category,
        nomination="third_party",
        nominee_email="Anna.Kowalska@example.org",
        video_url="https://vimeo.com/1",
    )
    assert post(form_url(page, person_category), first).status_code == 303
    # Anna nominates herself from home: her own e-mail is the same address.
    herself = formdata.person(
        person_category,
        contact_name="Anna Kowalska",
        email="anna.kowalska@example.org",
        video_url="https://vimeo.com/1",
    )
    response = type(client)().post(form_url(page, person_category), herself)
    assert response.status_code == 400
    assert "jest już zgłoszenie tej osoby" in errors(response)["email"]
    # Another person nominated by the same nominator is welcome.
    second = formdata.person(
        person_category,
        nomination="third_party",
        person_name="Ewa Nowak",
        nominee_email="ewa@example.org",
        video_url="https://vimeo.com/1",
    )
    assert (
        type(client)().post(form_url(page, person_category), second).status_code == 303
    )


# -- failures leave no trace ---------------------------------------------------


def _stored_names():
    storage = storages["private"]
    found = []

    def walk(path):
        if not storage.exists(path or "."):
            return
        directories, files = storage.listdir(path or ".")
        found.extend(f"{path}/{name}" if path else name for name in files)
        for directory in directories:
            walk(f"{path}/{directory}" if path else directory)

    walk("entries")
    return set(found)


@pytest.mark.django_db
def test_a_database_error_after_the_upload_leaves_nothing(
    post, page, category, mailoutbox
):
    before = _stored_names()
    data = formdata.organisation(category, presentation=formdata.pdf("o-nas.pdf"))
    with mock.patch.object(
        Consent.objects, "create", side_effect=DatabaseError("boom")
    ):
        response = post(form_url(page, category), data)
    assert response.status_code == 503
    assert "Nic nie zostało zapisane" in response.content.decode()
    assert value_of(response, "organisation_name") == "Spółdzielnia Socjalna „Razem”"
    assert not Entry.objects.exists() and not Consent.objects.exists()
    assert not EntryFile.objects.exists() and not AccessToken.objects.exists()
    assert _stored_names() == before  # the uploaded file was removed again
    assert not mailoutbox
    # Trying again works.
    retry = formdata.organisation(category, presentation=formdata.pdf("o-nas.pdf"))
    assert post(form_url(page, category), retry).status_code == 303
    assert Entry.objects.get().reference == "MMES-2027-0001"


@pytest.mark.django_db
def test_a_storage_failure_shows_try_again(post, page, category, mailoutbox):
    data = formdata.organisation(category, presentation=formdata.pdf())
    with mock.patch("competition.files.store", side_effect=OSError("disk gone")):
        response = post(form_url(page, category), data)
    assert response.status_code == 503
    assert not Entry.objects.exists() and not mailoutbox


# -- deadline -----------------------------------------------------------------


def _at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("closes", "last_second"),
    [
        # An ordinary night in winter time (UTC+1).
        (
            datetime(2027, 4, 1, 0, 0, tzinfo=WARSAW),
            datetime(2027, 3, 31, 23, 59, 59, tzinfo=WARSAW),
        ),
        # The night clocks go forward (28 March 2027, 02:00 -> 03:00).
        (
            datetime(2027, 3, 28, 3, 0, tzinfo=WARSAW),
            datetime(2027, 3, 28, 1, 59, 59, tzinfo=WARSAW),
        ),
        # Midnight after the spring change (UTC+2).
        (
            datetime(2027, 3, 29, 0, 0, tzinfo=WARSAW),
            datetime(2027, 3, 28, 23, 59, 59, tzinfo=WARSAW),
        ),
        # The night clocks go back (31 October 2027, 03:00 -> 02:00).
        (
            datetime(2027, 11, 1, 0, 0, tzinfo=WARSAW),
            datetime(2027, 10, 31, 23, 59, 59, tzinfo=WARSAW),
        ),
    ],
)
def test_the_deadline_is_exact_in_warsaw_time(client, post, home, closes, last_second):
    page = builders.edition(home, opens=closes - timedelta(days=60), closes=closes)
    category = page.categories.get(slug="reintegracja")
    utc = ZoneInfo("UTC")
    # One real second apart (aware datetimes in one zone subtract as wall time).
    assert (closes.astimezone(utc) - last_second.astimezone(utc)).total_seconds() == 1
    data = formdata.organisation(category, video_url="https://youtu.be/x")
    with _at(last_second):
        assert post(form_url(page, category), data).status_code == 303
    late = formdata.organisation(category, video_url="https://youtu.be/x")
    with _at(closes):
        response = post(form_url(page, category), late)
        assert response.status_code == 403
        assert "Nabór zgłoszeń jest zamknięty" in response.content.decode()
        assert (
            'name="organisation_name"'
            not in client.get(form_url(page, category)).content.decode()
        )
        draft = {**late, "action": "draft"}
        assert post(form_url(page, category), draft).status_code == 403
    assert Entry.objects.count() == 1


@pytest.mark.django_db
def test_form_is_not_open_before_the_start(client, home):
    page = builders.edition(
        home,
        opens=timezone.now() + timedelta(days=2),
        closes=timezone.now() + timedelta(days=30),
    )
    response = client.get(form_url(page, page.categories.first()))
    assert "będzie dostępny od" in response.content.decode()


# -- drafts -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_draft_is_saved_with_files_and_continued_from_the_e_mailed_link(
    client, post, page, category, mailoutbox
):
    data = {
        "nominee_kind": "organisation",
        "nomination": "self",
        "organisation_name": "Fundacja Dobry Start",
        "email": "biuro@dobrystart.example.org",
        "idempotency_key": str(uuid.uuid4()),
        "photos": [formdata.jpeg("warsztat.jpg")],
        "action": "draft",
    }
    response = post(form_url(page, category), data)
    assert response.status_code == 200
    assert "Wersja robocza zapisana" in response.content.decode()
    draft = Entry.objects.get()
    assert draft.status == Status.DRAFT and draft.reference is None
    assert draft.files.get().original_name == "warsztat.jpg"
    (mail,) = mailoutbox
    link = re.search(r"http://testserver(\S+\?wersja=(\S+))", mail.body)
    assert link, mail.body
    # Another browser (the applicant at home) opens the link.
    home_browser = type(client)()
    opened = home_browser.get(link.group(1))
    assert opened.status_code == 303 and "wersja=" not in opened["Location"]
    form = home_browser.get(opened["Location"])
    html = form.content.decode()
    assert "Fundacja Dobry Start" in html and "warsztat.jpg" in html
    handles = re.findall(r'name="kept_files" value="([^"]+)"', html)
    with_key = value_of(form, "idempotency_key")
    complete = formdata.organisation(
        category,
        organisation_name="Fundacja Dobry Start",
        legal_form="fundacja",
        email="biuro@dobrystart.example.org",
        video_url="https://youtu.be/x",
        kept_files=handles,
        idempotency_key=with_key,
    )
    with mock.patch.object(
        views, "_submitted_with_key", wraps=views._submitted_with_key
    ):
        response = home_browser.post(form_url(page, category), complete)
    assert response.status_code == 303
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED and draft.reference == "MMES-2027-0001"
    assert draft.files.get().original_name == "warsztat.jpg"
    assert not draft.tokens.filter(purpose="draft").exists()
    assert Entry.objects.count() == 1


@pytest.mark.django_db
def test_a_draft_with_mistakes_saves_everything_and_keeps_the_mistakes_as_typed(
    client, post, page, category, mailoutbox
):
    """Issue 13, point 1: "Zapisz wersję roboczą" with a wrong NIP saved nothing."""
    criterion = category.criteria.first()
    data = formdata.organisation(
        category,
        nip="856-734-62-16",
        krs="12345678901",
        title="",
        photos=[formdata.jpeg("warsztat.jpg")],
        action="draft",
    )
    response = post(form_url(page, category), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wersja robocza zapisana" in html
    # What still needs fixing before sending is listed, with the mistakes.
    found = errors(response)
    assert "cyfrę kontrolną" in found["nip"] and "wpisano 11" in found["krs"]
    assert "title" not in found  # a draft may be incomplete
    assert "Przed wysłaniem popraw" in html
    assert value_of(response, "nip") == "856-734-62-16"
    draft = Entry.objects.get()
    assert draft.status == Status.DRAFT
    assert draft.organisation_name == "Spółdzielnia Socjalna „Razem”"
    assert draft.regon == "192598184" and draft.postal_code == "00-844"
    assert draft.nip == "" and draft.krs == ""  # never an invalid value in a column
    assert draft.draft_invalid_values == {"nip": "856-734-62-16", "krs": "12345678901"}
    assert draft.answers.get(criterion=criterion).text.startswith("Nasza odpowiedź")
    assert draft.files.get().original_name == "warsztat.jpg"
    (mail,) = mailoutbox
    link = re.search(r"http://testserver(\S+\?wersja=\S+)", mail.body).group(1)
    # Reopened elsewhere, the draft shows the NIP as typed, with its error.
    home_browser = type(client)()
    form = home_browser.get(home_browser.get(link)["Location"])
    assert value_of(form, "nip") == "856-734-62-16"
    assert "cyfrę kontrolną" in errors(form)["nip"]
    assert "warsztat.jpg" in form.content.decode()
    # Fixed and sent: the entry is complete and the mistakes are forgotten.
    handles = re.findall(r'name="kept_files" value="([^"]+)"', form.content.decode())
    complete = formdata.organisation(
        category,
        video_url="https://youtu.be/x",
        kept_files=handles,
        idempotency_key=value_of(form, "idempotency_key"),
    )
    response = home_browser.post(form_url(page, category), complete)
    assert response.status_code == 303
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED and draft.nip == "8567346215"
    assert draft.draft_invalid_values == {}
    assert draft.files.get().original_name == "warsztat.jpg"


@pytest.mark.django_db
def test_a_draft_saved_again_with_a_mistake_keeps_the_earlier_good_answer_out(
    post, page, category
):
    """A valid NIP replaced by a wrong one is not silently kept in the column."""
    data = formdata.organisation(category, action="draft")
    post(form_url(page, category), data)
    assert Entry.objects.get().nip == "8567346215"
    again = {**data, "nip": "856-734-62"}
    response = post(form_url(page, category), again)
    assert "wpisano 8" in errors(response)["nip"]
    draft = Entry.objects.get()
    assert draft.nip == "" and draft.draft_invalid_values == {"nip": "856-734-62"}


@pytest.mark.django_db
def test_a_draft_without_an_e_mail_is_not_saved_and_says_why(post, page, category):
    data = formdata.organisation(category, email="jan@", nip="1", action="draft")
    response = post(form_url(page, category), data)
    assert response.status_code == 400
    assert "nazwa@domena.pl" in errors(response)["email"]
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_a_draft_needs_an_email_only(post, page, category):
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "nominee_kind": "organisation",
        "nomination": "self",
        "action": "draft",
    }
    response = post(form_url(page, category), data)
    assert "link do wersji roboczej" in errors(response)["email"]


@pytest.mark.django_db
def test_wrong_draft_link(client, page, category):
    response = client.get(form_url(page, category) + "?wersja=nieprawdziwy")
    assert response.status_code == 404
    assert "nie działa" in response.content.decode()


@pytest.mark.django_db
def test_purge_removes_expired_drafts_and_abandoned_files(post, page, category):
    data = formdata.organisation(category, nip="1", presentation=formdata.pdf())
    post(form_url(page, category), data)  # an error: the file is kept, pending
    draft = builders.entry(page, status=Status.DRAFT)
    draft.draft_expires_at = timezone.now() - timedelta(minutes=1)
    draft.save()
    kept = builders.entry(page, status=Status.DRAFT)
    kept.draft_expires_at = timezone.now() + timedelta(days=1)
    kept.save()
    pending = EntryFile.objects.get(entry=None)
    assert purge_expired() == (1, 0)  # the pending file is not old enough yet
    later = timezone.now() + timedelta(hours=49)
    assert purge_expired(now=later) == (1, 1)  # ... and now "kept" has expired too
    assert not EntryFile.objects.filter(pk=pending.pk).exists()
    assert not storages["private"].exists(pending.storage_name)


# -- anti-abuse -----------------------------------------------------------------


@pytest.mark.django_db
def test_honeypot_refuses_bots(post, page, category):
    data = formdata.organisation(
        category, video_url="https://youtu.be/x", fax_number="123"
    )
    assert post(form_url(page, category), data).status_code == 400
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_rate_limit_keeps_the_typed_data(post, page, category):
    with mock.patch.object(views, "FORM_POST_LIMIT", 2):
        for _ in range(2):
            post(form_url(page, category), formdata.organisation(category, nip="1"))
        data = formdata.organisation(category, video_url="https://youtu.be/x")
        response = post(form_url(page, category), data)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Odczekaj 10 minut" in response.content.decode()
    assert value_of(response, "contact_name") == "Jan Nowak"
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_a_rotating_forwarded_for_does_not_escape_the_rate_limit(
    settings, post, page, category
):
    """Behind one trusted proxy the limit counts the address the proxy wrote;
    what the client put in front of it changes nothing, and another client
    forwarded by the same proxy is not limited."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    data = formdata.organisation(category, nip="1")
    with mock.patch.object(views, "FORM_POST_LIMIT", 2):
        for n in range(2):
            post(
                form_url(page, category),
                data,
                HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.66",
                **proxy,
            )
        refused = post(
            form_url(page, category),
            data,
            HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.66",
            **proxy,
        )
        other = post(
            form_url(page, category),
            data,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )
    assert refused.status_code == 429
    assert other.status_code == 400  # checked (nip="1"), not refused


@pytest.mark.django_db
def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(post, page, category):
    data = formdata.organisation(category, nip="1")
    with mock.patch.object(views, "FORM_POST_LIMIT", 2):
        responses = [
            post(form_url(page, category), data, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
            for n in range(3)
        ]
    assert [r.status_code for r in responses] == [400, 400, 429]


# -- languages ----------------------------------------------------------------


@pytest.mark.django_db
def test_an_english_submission_attaches_to_the_polish_edition(
    client, post, page, category, home_en, locales, mailoutbox
):
    from competition.models import CompetitionIndexPage

    index = CompetitionIndexPage.objects.get(locale=locales["pl"])
    index_en = index.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    page_en = page.copy_for_translation(locales["en"]).specific
    page_en.title = "Mazovian Social Economy Brand 2027"
    page_en.save_revision().publish()
    url = page_en.url + page_en.reverse_subpage("submission_form", args=[category.slug])
    assert url.startswith("/en/")
    html = client.get(url).content.decode()
    assert "Question 1: what did you do?" in html  # criteria in English
    response = post(
        url, formdata.organisation(category, video_url="https://youtu.be/x")
    )
    assert response.status_code == 303 and response["Location"].startswith("/en/")
    entry = Entry.objects.get()
    assert entry.edition_id == page.pk and entry.language == "en"
    (mail,) = mailoutbox
    assert mail.to == ["jan.nowak@example.org"]
    # The receipt speaks the applicant's language, with the English status link.
    assert mail.subject.startswith("Entry MMES-2027-0001 received")
    assert "Entry number: MMES-2027-0001" in mail.body
    assert "/en/" in re.search(r"http://testserver(\S+/status/\S+)", mail.body).group(1)
    receipt = client.get(response["Location"]).content.decode()
    assert "Thank you! Your entry has been received." in receipt


@pytest.mark.django_db
def test_another_nominee_typed_into_a_used_form_becomes_a_new_entry(
    client, post, page, person_category
):
    key = value_of(client.get(form_url(page, person_category)), "idempotency_key")
    first = formdata.person(
        person_category,
        nomination="third_party",
        nominee_email="anna@example.org",
        video_url="https://vimeo.com/1",
        idempotency_key=key,
    )
    post(form_url(page, person_category), first)
    second = {
        **first,
        "person_name": "Ewa Nowak",
        "nominee_email": "ewa@example.org",
    }
    response = post(form_url(page, person_category), second)
    assert response.status_code == 303
    assert response["Location"].endswith("MMES-2027-0002/")
    assert Entry.objects.count() == 2


# -- the error summary (issue 13, point 4) ---------------------------------------


def summary_items(response):
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</ul>', html, re.S).group(0)
    return [
        (href, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip())
        for href, text in re.findall(r'<li><a href="#id_(\w+)">(.*?)</a></li>', summary)
    ]


@pytest.mark.django_db
def test_the_error_summary_follows_the_order_of_the_page(post, page, category):
    criterion = category.criteria.last()
    data = formdata.organisation(
        category,
        website="nie adres",
        nip="1",
        city="",
        consent_rules=None,
        **{f"answer_{criterion.pk}": ""},
    )
    response = post(form_url(page, category), data)
    html = response.content.decode()
    on_page = [
        name
        for name in re.findall(r'id="id_(\w+)_container"', html)
        if name in dict(summary_items(response))
    ]
    listed = [name for name, _text in summary_items(response)]
    assert listed == on_page
    assert listed == [
        "nip",
        "website",
        "city",
        f"answer_{criterion.pk}",
        "presentation",
        "consent_rules",
    ]


@pytest.mark.django_db
def test_the_error_summary_names_consents_and_answers_shortly(post, page, category):
    criterion = category.criteria.first()
    data = formdata.organisation(
        category,
        video_url="https://youtu.be/x",
        consent_rules=None,
        consent_data=None,
        **{f"answer_{criterion.pk}": ""},
    )
    items = dict(summary_items(post(form_url(page, category), data)))
    assert items["consent_rules"].startswith("Zgoda: regulamin konkursu: Bez tej")
    assert items["consent_data"].startswith("Zgoda: dane osobowe: Bez tej")
    assert items[f"answer_{criterion.pk}"].startswith("Odpowiedź: Kryterium 1:")
    assert not any("Zapoznałem się" in text for text in items.values())
