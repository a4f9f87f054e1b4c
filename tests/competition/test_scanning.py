"""Antivirus scanning of uploads (issue 12 §3) against a fake clamd that speaks
the protocol: the client (``competition/clamd.py``) and what the site does with
each answer (``competition/scanning.py``). ``test_clamd_real.py`` repeats the
main paths with the real daemon."""

import io
import socket
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from competition import clamd, scanning
from competition.models import CompetitionPage, Entry, EntryFile, Status
from tests.s3server import s3_server  # noqa: F401
from tests.test_storage import s3_layout, s3_storages  # noqa: F401

from . import builders, formdata
from .fake_clamd import EICAR, FakeClamd, FakeClamdUnix

State = EntryFile.ScanState


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def client_for(server):
    return clamd.Scanner(host="127.0.0.1", port=server.port, timeout=5)


# -- the protocol --------------------------------------------------------------------


def test_a_clean_stream_arrives_whole_in_chunks_and_is_clean():
    data = bytes(range(256)) * 5000  # 1.28 MB: several chunks
    with FakeClamd() as server:
        verdict = client_for(server).scan(io.BytesIO(data), chunk_size=100_000)
    assert verdict == clamd.Verdict(clamd.CLEAN)
    assert server.streams == [data]


def test_eicar_is_found_with_its_signature():
    with FakeClamd() as server:
        verdict = client_for(server).scan(io.BytesIO(EICAR))
    assert verdict == clamd.Verdict(clamd.INFECTED, "Eicar-Test-Signature")


def test_a_stream_over_clamds_limit_is_too_large_not_unavailable():
    # clamd answers and closes while the client is still sending.
    with FakeClamd(stream_max=64 * 1024) as server:
        verdict = client_for(server).scan(io.BytesIO(b"x" * (8 * 1024 * 1024)))
    assert verdict.result == clamd.TOO_LARGE


def test_a_file_past_max_file_size_with_alert_exceeds_max_is_too_large():
    reply = "stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND"
    with FakeClamd(reply=lambda data: reply) as server:
        verdict = client_for(server).scan(io.BytesIO(b"%PDF-1.4"))
    assert verdict == clamd.Verdict(
        clamd.TOO_LARGE, "Heuristics.Limits.Exceeded.MaxFileSize"
    )


@pytest.mark.parametrize(
    "reply",
    [
        lambda data: "Can't allocate memory ERROR",
        lambda data: "stream: something odd",
        None,  # hangs up without a word
    ],
)
def test_errors_and_silence_are_unavailable_never_clean(reply):
    with FakeClamd(reply=reply) as server, pytest.raises(clamd.ScannerUnavailable):
        client_for(server).scan(io.BytesIO(b"%PDF-1.4"))


def test_nobody_listening_is_unavailable():
    scanner = clamd.Scanner(host="127.0.0.1", port=free_port(), timeout=2)
    with pytest.raises(clamd.ScannerUnavailable):
        scanner.scan(io.BytesIO(b"%PDF-1.4"))
    with pytest.raises(clamd.ScannerUnavailable):
        clamd.Scanner(socket_path="/nonexistent/clamd.ctl").ping()


def test_a_unix_socket_works_the_same(tmp_path, settings):
    path = tmp_path / "clamd.ctl"
    with FakeClamdUnix(path, stream_max=1024) as server:
        settings.CLAMD_SOCKET = str(path)
        settings.CLAMD_HOST = ""
        scanner = scanning.scanner()
        assert scanner.socket_path == str(path) and scanner.ping()
        assert scanner.scan(io.BytesIO(EICAR)).result == clamd.INFECTED
        assert scanner.scan(io.BytesIO(b"%PDF-1.4")).result == clamd.CLEAN
        assert scanner.scan(io.BytesIO(b"x" * 10**6)).result == clamd.TOO_LARGE
    assert server.streams == [EICAR, b"%PDF-1.4"]


def test_ping():
    with FakeClamd() as server:
        assert client_for(server).ping()


# -- the site with a scanner -----------------------------------------------------------


@pytest.fixture
def page(home):
    return builders.edition(home, contact_email="sekretariat@mcps.example.org")


@pytest.fixture
def category(page):
    return page.categories.get(slug="reintegracja")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def send(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return send


def form_url(page, category):
    return page.url + page.reverse_subpage("submission_form", args=[category.slug])


def use(settings, server):
    settings.CLAMD_SOCKET = ""
    settings.CLAMD_HOST = "127.0.0.1"
    settings.CLAMD_PORT = server.port if server else free_port()
    settings.CLAMD_TIMEOUT = 5


def infected_pdf():
    return formdata.pdf("zarazony.pdf", padding=13)


def flags_padding_13(data):
    """A clamd whose database knows one "bad" PDF (the one with 13 bytes of
    padding): the form only accepts real PDFs, and EICAR is not one."""
    if data == infected_pdf().read():
        return "stream: Test-Infected-PDF FOUND"
    return "stream: OK"


def submit(post, page, category, presentation, photos=()):
    data = formdata.organisation(
        category,
        presentation=presentation,
        photos=list(photos),
        consent_image_publication="on",
    )
    response = post(form_url(page, category), data)
    assert response.status_code == 303, response.content.decode()[:2000]
    return Entry.objects.get()


def download_url(entry_file):
    return reverse("competition_file_download", args=[entry_file.pk])


def inspect_url(entry):
    return reverse("competition_entry:inspect", args=[entry.pk])


def test_a_clean_upload_is_scanned_and_served(
    settings, post, page, category, private_root, secretary_client
):
    with FakeClamd() as server:
        use(settings, server)
        entry = submit(post, page, category, formdata.pdf())
        presentation = entry.files.get()
        assert server.streams == [formdata.pdf().read()]
    assert presentation.scan_state == State.CLEAN
    assert presentation.scanned_at is not None
    response = secretary_client.get(download_url(presentation))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == formdata.pdf().read()
    html = secretary_client.get(inspect_url(entry)).content.decode()
    assert "sprawdzony, bez zagrożeń" in html
    assert f'href="{download_url(presentation)}"' in html


def test_an_infected_upload_is_quarantined_never_served_and_reported(
    settings,
    post,
    page,
    category,
    private_root,
    secretary,
    secretary_client,
    mailoutbox,
):
    secretary.email = "ola@mcps.example.org"
    secretary.save()
    with FakeClamd(reply=flags_padding_13) as server:
        use(settings, server)
        entry = submit(
            post, page, category, infected_pdf(), photos=[formdata.jpeg("kawa.jpg")]
        )
    infected = entry.files.get(original_name="zarazony.pdf")
    photo = entry.files.get(original_name="kawa.jpg")
    assert infected.scan_state == State.INFECTED
    assert infected.scan_signature == "Test-Infected-PDF"
    assert photo.scan_state == State.CLEAN
    # The content moved to quarantine/; nothing is left under its old name.
    storage = storages["private"]
    assert infected.storage_name.startswith("quarantine/entries/")
    original = infected.storage_name.removeprefix("quarantine/")
    assert not storage.exists(original)
    with storage.open(infected.storage_name, "rb") as kept:
        assert kept.read() == infected_pdf().read()
    # Never served, whoever asks.
    response = secretary_client.get(download_url(infected))
    assert response.status_code == 403
    assert "kwarantanny" in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="competition.file.download").exists()
    html = secretary_client.get(inspect_url(entry)).content.decode()
    assert f'href="{download_url(infected)}"' not in html
    assert "wykryto złośliwe oprogramowanie (kwarantanna)" in html
    assert "Test-Infected-PDF" in html
    # The log, the secretariat and the applicant.
    (line,) = ModelLogEntry.objects.filter(action=scanning.INFECTED)
    assert line.object_id == str(entry.pk)
    assert line.data["signature"] == "Test-Infected-PDF"
    log_html = secretary_client.get(inspect_url(entry)).content.decode()
    assert "Złośliwe oprogramowanie (Test-Infected-PDF) w pliku zarazony.pdf" in (
        log_html
    )
    to = {tuple(mail.to): mail for mail in mailoutbox}
    assert (
        set(to)
        == {
            ("jan.nowak@example.org",),  # the receipt, then the warning
            ("sekretariat@mcps.example.org",),
            ("ola@mcps.example.org",),
        }
        and len(mailoutbox) == 4
    )
    staff = to[("sekretariat@mcps.example.org",)]
    assert staff.subject == "Złośliwe oprogramowanie w pliku zgłoszenia MMES-2027-0001"
    assert "Test-Infected-PDF" in staff.body and "zarazony.pdf" in staff.body
    assert f"http://testserver{inspect_url(entry)}" in staff.body
    applicant = [m for m in mailoutbox if "antywirusowej" in m.subject]
    assert len(applicant) == 1 and applicant[0].to == ["jan.nowak@example.org"]
    assert "zarazony.pdf" in applicant[0].body
    assert "Test-Infected-PDF" not in applicant[0].body


def test_the_applicant_is_told_in_their_language(
    settings,
    post,
    page,
    category,
    private_root,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with FakeClamd(reply=flags_padding_13) as server:
        use(settings, server)
        entry = submit(post, page, category, infected_pdf())
    entry.language = "en"
    entry.save()
    mailoutbox.clear()
    infected = entry.files.get()
    EntryFile.objects.filter(pk=infected.pk).update(scan_state=State.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        verdict = clamd.Verdict(clamd.INFECTED, "Test-Infected-PDF")
        scanning.record(infected.pk, verdict)
    (applicant,) = [m for m in mailoutbox if m.to == ["jan.nowak@example.org"]]
    assert "did not pass the antivirus check" in applicant.subject


def test_scanner_down_leaves_files_pending_until_the_command_scans_them(
    settings, post, page, category, private_root, secretary_client
):
    use(settings, None)  # a port nobody listens on
    entry = submit(post, page, category, formdata.pdf())
    presentation = entry.files.get()
    assert presentation.scan_state == State.PENDING
    response = secretary_client.get(download_url(presentation))
    assert response.status_code == 403
    assert "sprawdzanie w toku" in response.content.decode()
    html = secretary_client.get(inspect_url(entry)).content.decode()
    assert "sprawdzanie w toku" in html
    assert f'href="{download_url(presentation)}"' not in html

    with pytest.raises(CommandError, match="1 files are still pending"):
        call_command("scan_pending_files", stdout=io.StringIO())
    presentation.refresh_from_db()
    assert presentation.scan_state == State.PENDING

    with FakeClamd() as server:
        use(settings, server)
        out = io.StringIO()
        call_command("scan_pending_files", stdout=out)
    assert "clean: 1" in out.getvalue()
    presentation.refresh_from_db()
    assert presentation.scan_state == State.CLEAN
    assert secretary_client.get(download_url(presentation)).status_code == 200


def test_too_large_for_the_scanner_is_flagged_for_a_person(
    settings, post, page, category, private_root, secretary_client
):
    with FakeClamd(stream_max=16) as server:
        use(settings, server)
        entry = submit(post, page, category, formdata.pdf())
    presentation = entry.files.get()
    assert presentation.scan_state == State.TOO_LARGE
    assert ModelLogEntry.objects.filter(action=scanning.TOO_LARGE).count() == 1
    html = secretary_client.get(inspect_url(entry)).content.decode()
    assert "za duży dla programu antywirusowego: sprawdź ręcznie" in html
    assert secretary_client.get(download_url(presentation)).status_code == 200


def test_files_kept_for_a_form_with_errors_are_scanned_too(
    settings, post, page, category, private_root, mailoutbox, secretary
):
    secretary.email = "ola@mcps.example.org"
    secretary.save()
    with FakeClamd(reply=flags_padding_13) as server:
        use(settings, server)
        data = formdata.organisation(category, nip="123", presentation=infected_pdf())
        response = post(form_url(page, category), data)
        assert response.status_code == 400
    held = EntryFile.objects.get(entry=None)
    assert held.scan_state == State.INFECTED
    assert held.storage_name.startswith("quarantine/")
    # Only the secretariat group could be told: a held file has no entry yet,
    # so neither the edition's address nor the applicant's is known.
    assert [mail.to for mail in mailoutbox] == [["ola@mcps.example.org"]]
    assert "jeszcze nie wysłano" in mailoutbox[0].body
    (line,) = ModelLogEntry.objects.filter(action=scanning.INFECTED)
    assert line.object_id == str(held.pk)

    # Sent again with the held file: the applicant is told now, the entry logged.
    fixed = formdata.organisation(
        category,
        idempotency_key=data["idempotency_key"],
        kept_files=[held.handle],
    )
    assert post(form_url(page, category), fixed).status_code == 303
    entry = Entry.objects.get()
    assert list(entry.files.all()) == [held]
    warnings = [m for m in mailoutbox if "antywirusowej" in m.subject]
    assert [m.to for m in warnings] == [["jan.nowak@example.org"]]
    assert ModelLogEntry.objects.filter(
        action=scanning.INFECTED, object_id=str(entry.pk)
    ).exists()


def test_without_a_scanner_files_are_visibly_not_scanned(
    settings, post, page, category, private_root, secretary_client
):
    settings.CLAMD_SOCKET = settings.CLAMD_HOST = ""
    entry = submit(post, page, category, formdata.pdf())
    presentation = entry.files.get()
    assert presentation.scan_state == State.NOT_SCANNED
    html = secretary_client.get(inspect_url(entry)).content.decode()
    assert "nie sprawdzono programem antywirusowym" in html
    assert secretary_client.get(download_url(presentation)).status_code == 200
    with pytest.raises(CommandError, match="No scanner configured"):
        call_command("scan_pending_files")


def test_the_command_scans_files_never_scanned_on_request(settings, page, private_root):
    entry = builders.entry(page)
    name = storages["private"].save("entries/old.pdf", ContentFile(EICAR))
    old = EntryFile.objects.create(
        entry=entry,
        kind=EntryFile.Kind.PRESENTATION,
        storage_name=name,
        original_name="stary.pdf",
        content_type="application/pdf",
        size=len(EICAR),
    )
    assert old.scan_state == State.NOT_SCANNED
    with FakeClamd() as server:
        use(settings, server)
        call_command("scan_pending_files", stdout=io.StringIO())
        assert server.streams == []  # not without --unscanned
        call_command("scan_pending_files", "--unscanned", stdout=io.StringIO())
    old.refresh_from_db()
    assert old.scan_state == State.INFECTED
    assert old.scan_signature == "Eicar-Test-Signature"


def test_a_result_is_recorded_once(settings, page, private_root, mailoutbox):
    entry = builders.entry(page)
    name = storages["private"].save("entries/a.pdf", ContentFile(EICAR))
    item = EntryFile.objects.create(
        entry=entry,
        kind=EntryFile.Kind.PRESENTATION,
        storage_name=name,
        original_name="a.pdf",
        content_type="application/pdf",
        size=len(EICAR),
        scan_state=State.PENDING,
    )
    verdict = clamd.Verdict(clamd.INFECTED, "Eicar-Test-Signature")
    assert scanning.record(item.pk, verdict) == State.INFECTED
    assert scanning.record(item.pk, clamd.Verdict(clamd.CLEAN)) == State.INFECTED
    assert ModelLogEntry.objects.filter(action=scanning.INFECTED).count() == 1


def test_an_infected_photo_is_never_on_the_results_page(home, private_root, client):
    edition = builders.edition(home)
    CompetitionPage.objects.filter(pk=edition.pk).update(
        results_published_at=timezone.now() - timedelta(hours=1)
    )
    entry = builders.entry(
        edition, status=Status.LAUREATE, image_publication_allowed=True
    )
    jpeg = formdata.jpeg().read()
    name = storages["private"].save("entries/p.jpg", ContentFile(jpeg))
    photo = EntryFile.objects.create(
        entry=entry,
        kind=EntryFile.Kind.PHOTO,
        storage_name=name,
        original_name="p.jpg",
        content_type="image/jpeg",
        size=len(jpeg),
        scan_state=State.INFECTED,
    )
    url = reverse("competition_results_photo", args=[photo.pk])
    assert client.get(url).status_code == 404
    EntryFile.objects.filter(pk=photo.pk).update(scan_state=State.CLEAN)
    assert client.get(url).status_code == 200


# -- quarantine on S3 (the production storage) -------------------------------------


@pytest.mark.s3
@pytest.mark.django_db
def test_quarantine_moves_the_object_on_s3(
    s3_storages,  # noqa: F811
    s3_layout,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    storage = s3_storages["private"]
    name = storage.save("entries/2027/03/abc.pdf", ContentFile(EICAR))
    item = EntryFile.objects.create(
        kind=EntryFile.Kind.PRESENTATION,
        storage_name=name,
        original_name="a.pdf",
        content_type="application/pdf",
        size=len(EICAR),
        scan_state=State.PENDING,
    )
    with django_capture_on_commit_callbacks(execute=True):
        verdict = clamd.Verdict(clamd.INFECTED, "Eicar-Test-Signature")
        assert scanning.record(item.pk, verdict) == State.INFECTED
    item.refresh_from_db()
    assert item.storage_name == "quarantine/entries/2027/03/abc.pdf"
    assert not storage.exists(name)
    with storage.open(item.storage_name, "rb") as kept:
        assert kept.read() == EICAR
