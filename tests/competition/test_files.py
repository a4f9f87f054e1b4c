"""Applicants' files (competition/uploads.py, files.py and downloads.py, DESIGN §7):
what is refused, how files are stored, and who may download them.

Every fixture is generated in memory (Pillow, zipfile, a few bytes of headers);
nothing big is written to disk.
"""

import hashlib
import io
import random
import re
import struct
import time
import uuid
import zipfile
import zlib
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

import boto3
import pytest
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image
from wagtail.models import ModelLogEntry

from competition import downloads, uploads
from competition.files import delete_stored, new_entry_file, store
from competition.models import EntryFile
from competition.permissions import can_download
from competition.uploads import CheckedFile, check_upload, safe_name
from tests.s3server import http_get, load_settings, s3_server  # noqa: F401

from . import builders
from .builders import EDITORS, staff_user

# --- Generated files -----------------------------------------------------------------


def image_bytes(fmt, size=(64, 48), noise=False):
    if noise:
        data = random.Random(size[0]).randbytes(size[0] * size[1] * 3)
        image = Image.frombytes("RGB", size, data)
    else:
        image = Image.new("RGB", size, (200, 30, 60))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_header_only(width, height):
    """A PNG that claims width x height in its IHDR, with one tiny IDAT: a
    decompression bomb's header without the bomb."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + png_chunk(b"IEND", b"")
    )


PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def pptx_bytes(**extra):
    return zip_bytes(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "_rels/.rels": '<?xml version="1.0"?><Relationships/>',
            "ppt/presentation.xml": '<?xml version="1.0"?><p:presentation/>',
            "ppt/slides/slide1.xml": '<?xml version="1.0"?><p:sld/>',
            **extra,
        }
    )


def mp4_bytes(brand=b"isom"):
    ftyp = brand + b"\x00\x00\x02\x00" + b"isomiso2mp41"
    box = struct.pack(">I", 8 + len(ftyp)) + b"ftyp" + ftyp
    return box + struct.pack(">I", 16) + b"mdat" + b"\x00" * 8


# ID3v2.4 header (no tag frames) and an MPEG-1 Layer III frame, 128 kbit/s 44.1 kHz.
MP3_FRAME = b"\xff\xfb\x90\x64" + b"\x00" * 413
MP3_ID3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + MP3_FRAME
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script>"
SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def fake_edition(max_photo_size_mb=10, max_presentation_size_mb=100, types=None):
    """What check_upload reads from an edition, without the database (for
    hypothesis, whose examples must not share a function-scoped fixture)."""
    allowed = types or ["pdf", "pptx", "mp4", "mp3"]
    return SimpleNamespace(
        max_photo_size_mb=max_photo_size_mb,
        max_presentation_size_mb=max_presentation_size_mb,
        allowed_presentation_types=lambda: list(allowed),
    )


def refused(name, content, kind, edition=None):
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, content), kind, edition or fake_edition())
    return error.value


def message(error):
    return " ".join(str(text) for text in error.messages)


# --- Accepted files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "extension", "content_type"),
    [
        ("JPEG", "jpg", "image/jpeg"),
        ("PNG", "png", "image/png"),
        ("WEBP", "webp", "image/webp"),
    ],
)
def test_photos_are_accepted_with_the_detected_type(fmt, extension, content_type):
    content = image_bytes(fmt, size=(64, 48))
    # The browser's name and type say nothing true: only the bytes count.
    uploaded = upload("zdjęcie.bin", content, content_type="text/html")
    checked = check_upload(uploaded, "photo", fake_edition())
    assert checked == CheckedFile(
        kind="photo",
        extension=extension,
        content_type=content_type,
        size=len(content),
        width=64,
        height=48,
        sha256=hashlib.sha256(content).hexdigest(),
    )
    assert uploaded.tell() == 0  # left ready for store()


@pytest.mark.parametrize(
    ("content", "extension", "content_type"),
    [
        (PDF, "pdf", "application/pdf"),
        (
            pptx_bytes(),
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        (mp4_bytes(), "mp4", "video/mp4"),
        (MP3_ID3, "mp3", "audio/mpeg"),
        (MP3_FRAME * 3, "mp3", "audio/mpeg"),
    ],
    ids=["pdf", "pptx", "mp4", "mp3-id3", "mp3-frames"],
)
def test_presentations_are_accepted_with_the_detected_type(
    content, extension, content_type
):
    checked = check_upload(
        upload("prezentacja", content, "image/png"), "presentation", fake_edition()
    )
    assert (checked.kind, checked.extension, checked.content_type) == (
        "presentation",
        extension,
        content_type,
    )
    assert checked.size == len(content)
    assert checked.width is None and checked.height is None


def test_a_file_on_disk_is_checked_without_reading_it_whole(tmp_path, settings):
    """Django spools big uploads to a temporary file; the checks only read chunks,
    a header and a trailer, never the whole file at once."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    reads = []
    uploaded = TemporaryUploadedFile("duża.pdf", "application/pdf", 0, None)
    content = PDF[:-7] + b"\n%" + b"x" * (3 * 1024 * 1024) + b"\n%%EOF\n"
    uploaded.write(content)
    uploaded.seek(0)
    original_read = uploaded.file.read

    def spying_read(size=-1):
        reads.append(size)
        return original_read(size)

    uploaded.file.read = spying_read
    checked = check_upload(uploaded, "presentation", fake_edition())
    assert checked.size == len(content)
    assert reads and all(0 <= size <= 64 * 1024 for size in reads), reads
    uploaded.close()


# --- Refused files -------------------------------------------------------------------


def test_html_renamed_pdf_is_refused():
    error = refused("regulamin.pdf", HTML, "presentation")
    assert error.code == "forbidden_type"
    assert "„regulamin.pdf”" in message(error)


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbf  \n<html><body>hi</body></html>",
        "<html><script>x</script></html>".encode("utf-16"),
        b"\n\n<SCRIPT>alert(1)</SCRIPT>",
        b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF",
    ],
    ids=["bom", "utf16", "uppercase", "pdf-header-then-html"],
)
def test_markup_is_refused_whatever_it_pretends_to_be(content):
    assert refused("plik.pdf", content, "presentation").code == "forbidden_type"


def test_svg_with_script_named_png_is_refused():
    error = refused("logo.png", SVG, "photo")
    assert error.code == "forbidden_type"
    assert refused("logo.png", SVG.split(b"\n", 1)[1], "photo").code == "forbidden_type"


def test_jpeg_html_polyglot_is_refused():
    """A real JPEG that Pillow parses happily, with a page after its end marker,
    beyond the first kilobyte where the header sniffing looks."""
    jpeg = image_bytes("JPEG", size=(200, 150), noise=True)
    assert len(jpeg) > 4096
    check_upload(upload("ok.jpg", jpeg), "photo", fake_edition())  # the JPEG is fine
    polyglot = jpeg + b"<html><script>alert(document.domain)</script></html>"
    error = refused("wakacje.jpg", polyglot, "photo")
    assert error.code == "forbidden_type"
    assert "„wakacje.jpg”" in message(error)


def test_jpeg_with_html_in_a_comment_segment_is_refused():
    jpeg = image_bytes("JPEG")
    comment = b"<script>alert(1)</script>"
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    polyglot = jpeg[:2] + segment + jpeg[2:]
    assert Image.open(io.BytesIO(polyglot)).size == (64, 48)  # still a valid JPEG
    assert refused("a.jpg", polyglot, "photo").code == "forbidden_type"


def test_30000_square_png_is_refused_fast_without_decoding():
    bomb = png_header_only(30000, 30000)
    assert len(bomb) < 100
    started = time.monotonic()
    error = refused("mapa.png", bomb, "photo")
    assert time.monotonic() - started < 1
    assert error.code == "too_many_pixels"
    assert "40 megapikseli" in message(error)


def test_png_over_the_pixel_cap_but_under_pillows_own_limit_is_refused():
    # 8000 x 6000 = 48 Mpx: Pillow would open it without a word.
    assert refused("a.png", png_header_only(8000, 6000), "photo").code == (
        "too_many_pixels"
    )


def test_truncated_photo_is_refused():
    jpeg = image_bytes("JPEG", size=(200, 150), noise=True)
    error = refused("ucięte.jpg", jpeg[: len(jpeg) // 2], "photo")
    assert error.code == "unreadable"
    assert "„ucięte.jpg”" in message(error)


@pytest.mark.parametrize(
    ("kind", "field", "content"),
    [
        ("photo", "max_photo_size_mb", image_bytes("PNG")),
        ("presentation", "max_presentation_size_mb", PDF),
    ],
)
def test_oversize_files_are_refused_with_the_limit_in_the_message(kind, field, content):
    limit = 1
    big = content + b"\x00" * (limit * 1024 * 1024 - len(content) + 1)
    edition = fake_edition(**{field: limit})
    error = refused("duży.plik", big, kind, edition)
    assert error.code == "too_big"
    assert message(error) == (
        "Plik „duży.plik” ma 1,1 MB, a najwięcej można wysłać 1 MB."
    )
    # Exactly at the limit is fine as far as size goes.
    try:
        check_upload(upload("x", big[:-1]), kind, edition)
    except ValidationError as error:
        assert error.code != "too_big"


def test_size_limits_come_from_the_edition(edition):
    edition.max_photo_size_mb = 1
    edition.save()
    big = b"\xff\xd8\xff" + b"\x00" * (1024 * 1024)
    assert refused("a.jpg", big, "photo", edition).code == "too_big"


def test_empty_file_is_refused():
    error = refused("pusty.pdf", b"", "presentation")
    assert error.code == "empty"
    assert message(error) == "Plik „pusty.pdf” jest pusty."


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 200,
        b"#!/bin/sh\nrm -rf /\n",
        b"\xcf\xfa\xed\xfe" + b"\x00" * 200,
    ],
    ids=["windows", "elf", "shebang", "mach-o"],
)
@pytest.mark.parametrize("kind", ["photo", "presentation"])
def test_executables_are_refused_whatever_their_name(content, kind):
    assert refused("zdjecie.jpg", content, kind).code == "forbidden_type"


def test_random_zip_is_not_a_pptx():
    archive = zip_bytes({"readme.txt": "hello", "word/document.xml": "<w/>"})
    error = refused("prezentacja.pptx", archive, "presentation")
    assert error.code == "not_pptx"


def test_pptx_with_macros_is_refused():
    archive = pptx_bytes(**{"ppt/vbaProject.bin": b"\x00" * 64})
    assert refused("a.pptx", archive, "presentation").code == "macros"


def test_zip_bomb_pretending_to_be_pptx_is_refused():
    # 4 MB of zeros deflate to a few KB: a ratio no real presentation has.
    archive = pptx_bytes(**{"ppt/media/image1.png": b"\x00" * (4 * 1024 * 1024)})
    assert len(archive) < 20_000
    assert refused("a.pptx", archive, "presentation").code == "zip_bomb"


def test_broken_zip_is_refused():
    archive = pptx_bytes()
    assert refused("a.pptx", archive[:-40], "presentation").code in (
        "not_pptx",
        "unreadable",
    )


def test_presentation_type_not_allowed_by_the_edition(edition):
    edition.presentation_types = ["mp4", "mp3"]
    edition.save()
    error = refused("prezentacja.pdf", PDF, "presentation", edition)
    assert error.code == "type_not_allowed"
    assert message(error) == (
        "Plik „prezentacja.pdf” to PDF, a w tej edycji można wysłać tylko: MP4, MP3."
    )
    assert check_upload(upload("film.mp4", mp4_bytes()), "presentation", edition)


@pytest.mark.parametrize(
    "content",
    [
        PDF.replace(b"%%EOF", b"%%END"),  # no end marker: cut short
        mp4_bytes(brand=b"heic"),  # an iPhone photo, not a film
        b"\xff\xf1\x50\x80" + b"\x00" * 100,  # AAC, not MP3
        b"GIF89a" + b"\x00" * 100,
        b"plain text, nothing else",
    ],
    ids=["pdf-without-eof", "heic", "aac", "gif", "text"],
)
def test_unknown_presentation_types_are_refused(content):
    error = refused("a.pdf", content, "presentation")
    assert error.code == "wrong_type"
    assert "PDF, PPTX, MP4, MP3" in message(error)


@pytest.mark.parametrize(
    "content",
    [PDF, b"GIF89a\x01\x00\x01\x00" + b"\x00" * 40, image_bytes("BMP")],
    ids=["pdf", "gif", "bmp"],
)
def test_photos_must_be_jpeg_png_or_webp(content):
    assert refused("a.jpg", content, "photo").code == "wrong_type"


def test_a_photo_in_a_presentation_field_is_refused():
    assert refused("a.pdf", image_bytes("PNG"), "presentation").code == "wrong_type"


# --- Names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\Ania\\Pulpit\\zdjęcie.jpg", "zdjęcie.jpg"),
        ("zdj\x00ęcie\x07.jpg", "zdjęcie.jpg"),
        ("faktura\u202egpj.exe", "fakturagpj.exe"),  # right-to-left override
        ("Żółta gęś — prezentacja.pptx", "Żółta gęś — prezentacja.pptx"),
        ('a<b>:"c"|?*.pdf', "a_b___c____.pdf"),
        ("  .hidden.pdf ", "hidden.pdf"),
        ("..", "plik"),
        ("", "plik"),
        (None, "plik"),
        ("/", "plik"),
    ],
)
def test_path_like_names_are_reduced_to_a_safe_base_name(name, expected):
    assert safe_name(name) == expected


def test_long_names_are_cut_keeping_the_extension():
    name = safe_name("ą" * 300 + ".pdf")
    assert len(name) == 200
    assert name.endswith("ą.pdf")


def test_messages_show_the_safe_name():
    error = refused("../../etc/passwd.pdf", HTML, "presentation")
    assert "„passwd.pdf”" in message(error)
    assert "etc" not in message(error)


def test_new_entry_file_keeps_the_name_as_data_only():
    checked = check_upload(upload("x.pdf", PDF), "presentation", fake_edition())
    entry_file = new_entry_file(checked, "entries/2027/01/abc.pdf", "..\\..\\x.pdf", 2)
    assert entry_file.pk is None and entry_file.entry is None
    assert entry_file.original_name == "x.pdf"
    assert entry_file.storage_name == "entries/2027/01/abc.pdf"
    assert (entry_file.kind, entry_file.content_type, entry_file.size) == (
        "presentation",
        "application/pdf",
        len(PDF),
    )
    assert entry_file.sha256 == checked.sha256
    assert entry_file.position == 2


# --- Property test -------------------------------------------------------------------

MAGIC_PREFIXES = [
    b"",
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    b"%PDF-1.7\n",
    b"PK\x03\x04",
    b"\x00\x00\x00\x18ftypisom",
    b"ID3\x04\x00\x00\x00\x00\x00\x00",
    b"\xff\xfb\x90\x64",
    b"\xef\xbb\xbf",
]


@hypothesis_settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    prefix=st.sampled_from(MAGIC_PREFIXES),
    body=st.binary(max_size=2048),
    suffix=st.sampled_from([b"", b"%%EOF\n", b"\xff\xd9"]),
    kind=st.sampled_from(["photo", "presentation"]),
    name=st.text(max_size=300),
)
def test_check_upload_never_raises_anything_but_validation_error(
    prefix, body, suffix, kind, name
):
    uploaded = upload("x", prefix + body + suffix)
    try:
        uploaded.name = name  # any text at all, as a browser may send
    except SuspiciousFileOperation:
        assume(False)  # Django's upload handler refuses such names before us
    try:
        checked = check_upload(uploaded, kind, fake_edition())
    except ValidationError as error:
        assert error.messages and all(str(text) for text in error.messages)
    else:
        assert checked.kind == kind and checked.size == len(prefix + body + suffix)


@given(st.text(max_size=400))
def test_safe_name_is_always_a_plain_base_name(name):
    result = safe_name(name)
    assert 0 < len(result) <= 200
    assert "/" not in result and "\\" not in result
    assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in result)
    assert result not in (".", "..")


# --- Storing -------------------------------------------------------------------------


STORED_NAME = re.compile(r"^entries/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp|pdf)$")


def test_store_writes_under_a_random_name(private_root):
    content = image_bytes("PNG")
    uploaded = upload("../../Moje zdjęcie.jpg", content, "text/html")
    checked = check_upload(uploaded, "photo", fake_edition())
    name = store(uploaded, checked)
    again = store(uploaded, checked)

    assert STORED_NAME.match(name), name
    assert name.endswith(".png")  # the detected type, not the applicant's ".jpg"
    assert name != again
    assert "zdj" not in name.lower() and "moje" not in name.lower()
    path = private_root / name
    assert path.read_bytes() == content
    stored = {str(p.relative_to(private_root)) for p in private_root.rglob("*.*")}
    assert stored == {name, again}


def test_store_streams_a_temporary_upload_and_leaves_it_in_place(
    private_root, tmp_path, settings
):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    uploaded = TemporaryUploadedFile("p.pdf", "application/pdf", 0, None)
    uploaded.write(PDF)
    checked = check_upload(uploaded, "presentation", fake_edition())
    name = store(uploaded, checked)
    assert (private_root / name).read_bytes() == PDF
    # The form may still need the upload (e.g. to retry); it was copied, not moved.
    uploaded.seek(0)
    assert uploaded.read() == PDF
    uploaded.close()


def test_delete_stored_removes_files_and_never_raises(
    private_root, caplog, monkeypatch
):
    checked = check_upload(upload("a.pdf", PDF), "presentation", fake_edition())
    name = store(upload("a.pdf", PDF), checked)
    other = store(upload("b.pdf", PDF), checked)
    delete_stored([name, "entries/2000/01/missing.pdf", None])
    assert not (private_root / name).exists()

    def broken(stored_name):
        raise OSError("storage is down")

    monkeypatch.setattr(storages["private"], "delete", broken)
    delete_stored(["entries/2027/01/x.pdf", other])
    assert "storage is down" in caplog.text
    assert caplog.text.count("Could not delete private file") == 2


# --- Download ------------------------------------------------------------------------


@pytest.fixture
def stored_file(private_root, edition):
    """A PDF stored privately and attached to a submitted entry."""
    content = PDF + uuid.uuid4().hex.encode()
    content = content.replace(b"%%EOF\n", b"") + b"\n%%EOF\n"
    uploaded = upload("Sprawozdanie roczne żółć.pdf", content)
    checked = check_upload(uploaded, "presentation", edition)
    entry_file = new_entry_file(checked, store(uploaded, checked), uploaded.name, 0)
    entry_file.entry = builders.entry(edition)
    entry_file.save()
    return entry_file, content


def admin_user(username, *permissions):
    """An editor (admin access, no competition rights) holding ``permissions``."""
    return staff_user(username, EDITORS, permissions=permissions)


def download_url(entry_file):
    return reverse("competition_file_download", args=[entry_file.pk])


def downloads_logged():
    return ModelLogEntry.objects.filter(action="competition.file.download")


def test_anonymous_is_sent_to_the_login(client, stored_file):
    entry_file, _ = stored_file
    response = client.get(download_url(entry_file))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not downloads_logged().exists()


def test_editor_without_the_permission_gets_403(client, stored_file):
    entry_file, content = stored_file
    client.force_login(admin_user("redaktor"))
    response = client.get(download_url(entry_file))
    assert response.status_code == 403
    assert content not in response.content
    assert not downloads_logged().exists()


def test_user_without_admin_access_is_refused_even_with_the_permission(
    client, stored_file
):
    entry_file, _ = stored_file
    user = staff_user("obcy", permissions=["download_entryfile"])
    client.force_login(user)
    response = client.get(download_url(entry_file))
    assert response.status_code == 302  # Wagtail: back to the login
    assert not downloads_logged().exists()


def test_permitted_user_gets_the_exact_bytes_as_an_attachment(client, stored_file):
    entry_file, content = stored_file
    user = admin_user("sekretariat", "download_entryfile")
    client.force_login(user)
    response = client.get(download_url(entry_file))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "Sprawozdanie%20roczne%20%C5%BC%C3%B3%C5%82%C4%87.pdf" in disposition

    (logged,) = downloads_logged()
    assert logged.user_id == user.pk
    assert logged.object_id == str(entry_file.entry_id)
    assert logged.data == {
        "file": "Sprawozdanie roczne żółć.pdf",
        "file_id": entry_file.pk,
    }


def test_superuser_may_download(client, stored_file, superuser):
    entry_file, content = stored_file
    client.force_login(superuser)
    response = client.get(download_url(entry_file))
    assert b"".join(response.streaming_content) == content
    assert downloads_logged().count() == 1


def test_pending_upload_is_never_downloadable(client, stored_file, superuser):
    entry_file, _ = stored_file
    entry_file.entry = None
    entry_file.save()
    client.force_login(superuser)
    assert client.get(download_url(entry_file)).status_code == 404
    assert not downloads_logged().exists()
    assert not can_download(superuser, entry_file)


def test_unknown_file_is_404(client, superuser):
    client.force_login(superuser)
    url = reverse("competition_file_download", args=[987654])
    assert client.get(url).status_code == 404


def test_download_is_get_only(client, stored_file, superuser):
    entry_file, _ = stored_file
    client.force_login(superuser)
    assert client.post(download_url(entry_file)).status_code == 405


def test_can_download_rules(stored_file):
    entry_file, _ = stored_file
    anonymous = SimpleNamespace(is_authenticated=False, is_active=False)
    permitted = admin_user("s1", "download_entryfile")
    inactive = admin_user("s2", "download_entryfile")
    inactive.is_active = False
    assert can_download(permitted, entry_file)
    assert not can_download(anonymous, entry_file)
    assert not can_download(None, entry_file)
    assert not can_download(inactive, entry_file)
    assert not can_download(admin_user("redaktor"), entry_file)


# --- Download from S3 (moto) ---------------------------------------------------------

EXPIRY = 45
REGION = "eu-central-1"


@pytest.fixture(scope="module")
def s3_private(s3_server):  # noqa: F811
    """The production settings' private storage, pointed at a fresh moto bucket."""
    bucket = f"private-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    loaded = load_settings(
        "campaign_site.settings.production",
        ["STORAGES", "PRIVATE_FILE_URL_EXPIRY"],
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="es.mcps.example",
        AWS_STORAGE_BUCKET_NAME=f"media-{bucket}",
        AWS_PRIVATE_STORAGE_BUCKET_NAME=bucket,
        AWS_S3_ENDPOINT_URL=s3_server,
        AWS_S3_REGION_NAME=REGION,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        PRIVATE_FILE_URL_EXPIRY=str(EXPIRY),
    )["settings"]
    return {"client": client, "bucket": bucket, **loaded}


@pytest.mark.s3
def test_s3_download_redirects_to_a_short_lived_signed_url(client, edition, s3_private):
    with override_settings(
        STORAGES={**settings.STORAGES, "private": s3_private["STORAGES"]["private"]},
        PRIVATE_FILE_URL_EXPIRY=s3_private["PRIVATE_FILE_URL_EXPIRY"],
    ):
        content = PDF.replace(b"%%EOF\n", uuid.uuid4().hex.encode() + b"\n%%EOF\n")
        uploaded = upload("Raport 2027 ąę.pdf", content, content_type="text/html")
        checked = check_upload(uploaded, "presentation", edition)
        name = store(uploaded, checked)
        assert STORED_NAME.match(name)
        stored = s3_private["client"].head_object(Bucket=s3_private["bucket"], Key=name)
        assert stored["ContentType"] == "application/pdf"  # not the browser's

        entry_file = new_entry_file(checked, name, uploaded.name, 0)
        entry_file.entry = builders.entry(edition)
        entry_file.save()
        client.force_login(admin_user("sekretariat", "download_entryfile"))
        response = client.get(download_url(entry_file))

        assert response.status_code == 302
        assert "no-store" in response["Cache-Control"]
        url = response["Location"]
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        assert query["X-Amz-Expires"] == [str(EXPIRY)]
        assert query["X-Amz-Signature"][0]
        disposition = unquote(query["response-content-disposition"][0])
        assert disposition.startswith("attachment;")
        # Django's content_disposition_header; RFC 5987's charset is case-blind.
        assert "filename*=utf-8''" in query["response-content-disposition"][0].lower()
        assert "Raport 2027 ąę.pdf" in unquote(disposition.split("''", 1)[1])
        assert query["response-content-type"] == ["application/pdf"]

        assert http_get(url) == (200, content)
        plain = urlunsplit(parts._replace(query=""))
        status, body = http_get(plain)
        assert status == 403
        assert content not in body
        assert downloads_logged().count() == 1

        delete_stored([name])
        with pytest.raises(s3_private["client"].exceptions.ClientError):
            s3_private["client"].head_object(Bucket=s3_private["bucket"], Key=name)


@pytest.mark.s3
@pytest.mark.parametrize("public", [False, True])
def test_s3_photos_redirect_to_their_clean_copy(edition, s3_private, rf, public):
    """Jury and results photos alike: a signed URL to the copy, never the
    original, with S3 told the type, the disposition and the caching."""
    with override_settings(
        STORAGES={**settings.STORAGES, "private": s3_private["STORAGES"]["private"]},
        PRIVATE_FILE_URL_EXPIRY=s3_private["PRIVATE_FILE_URL_EXPIRY"],
    ):
        photo, original = builders.attach_photo(builders.entry(edition))
        request = rf.get("/")
        request.user = admin_user("sekretariat", "download_entryfile")
        response = downloads.inline_image_response(request, photo, public=public)

        assert response.status_code == 302
        assert response["Cache-Control"] == "private, no-store"
        url = response["Location"]
        parts = urlsplit(url)
        assert parts.path.endswith(photo.display_name)
        assert photo.display_name.startswith("shown/")
        query = parse_qs(parts.query)
        assert query["X-Amz-Expires"] == [str(EXPIRY)]
        assert query["response-content-type"] == ["image/jpeg"]
        assert query["response-content-disposition"] == ["inline"]
        assert query["response-cache-control"] == [
            "public, max-age=600" if public else "private, no-store"
        ]
        status, body = http_get(url)
        assert status == 200
        builders.assert_clean_upright_photo(body)
        stored = s3_private["client"].get_object(
            Bucket=s3_private["bucket"], Key=photo.storage_name
        )
        assert stored["Body"].read() == original
        delete_stored([photo.storage_name, photo.display_name])


@pytest.mark.django_db
def test_module_constants_match_the_editions_codes():
    from competition.models import CompetitionPage

    # One table: what an edition may allow is what this module detects.
    codes = list(uploads.PRESENTATION_TYPES)
    assert [code for code, _ in uploads.PRESENTATION_CHOICES] == codes
    assert CompetitionPage(presentation_types=[]).allowed_presentation_types() == codes
    assert CompetitionPage(
        presentation_types=["mp3", "doc"]
    ).allowed_presentation_types() == ["mp3"]
    assert isinstance(EntryFile.Kind.PHOTO, str)
