"""The clean copies of entry photos (competition/photos.py, issue 12 §3): how a
photo is re-encoded, when copies are made, and that they go with their photo."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone
from PIL import Image, ImageCms

from competition import downloads, files, photos, uploads
from competition.models import EntryFile, Status
from competition.submission import purge_expired

from . import builders

pytestmark = pytest.mark.django_db


def encoded(image, fmt="PNG", **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    buffer.seek(0)
    return Image.open(buffer)


def test_a_big_photo_is_cut_to_the_long_edge():
    copy = Image.open(
        io.BytesIO(photos.clean_jpeg(encoded(Image.new("RGB", (3000, 1200)), "JPEG")))
    )
    assert copy.size == (photos.MAX_EDGE, 800)
    small = Image.open(io.BytesIO(photos.clean_jpeg(encoded(Image.new("L", (30, 20))))))
    assert (small.size, small.mode) == ((30, 20), "RGB")  # never enlarged


def test_transparency_goes_on_white_and_profiles_and_text_are_dropped():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    source = encoded(image, icc_profile=srgb, pnginfo=_png_text("Autor: Jan"))
    assert "icc_profile" in source.info and "Autor" in source.text["Comment"]
    data = photos.clean_jpeg(source)
    copy = Image.open(io.BytesIO(data))
    assert copy.getpixel((10, 10)) == (255, 255, 255)
    assert "icc_profile" not in copy.info and b"Autor" not in data


def _png_text(text):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", text)
    return info


@pytest.fixture
def entry(edition):
    return builders.entry(edition)


def test_the_copy_is_made_once_on_first_view_and_the_upload_is_untouched(
    private_root, entry
):
    photo, original = builders.attach_photo(entry)
    assert photo.display_name == ""
    assert not (private_root / "shown").exists()  # storing made no copy
    request = RequestFactory().get("/")
    first = downloads.inline_image_response(request, photo, public=True)
    name = EntryFile.objects.get(pk=photo.pk).display_name
    assert name.startswith("shown/") and name.endswith(".jpg")
    builders.assert_clean_upright_photo((private_root / name).read_bytes())
    b"".join(first.streaming_content)
    downloads.inline_image_response(
        request, EntryFile.objects.get(pk=photo.pk), public=True
    )
    assert len(list((private_root / "shown").rglob("*"))) == 3  # year, month, copy
    assert (private_root / photo.storage_name).read_bytes() == original


def test_an_unreadable_original_is_a_404_and_logged(private_root, entry, caplog):
    photo, _original = builders.attach_photo(entry)
    (private_root / photo.storage_name).write_bytes(b"\xff\xd8\xff broken")
    with pytest.raises(Http404):
        downloads.inline_image_response(RequestFactory().get("/"), photo, public=True)
    assert "No display copy of photo" in caplog.text
    assert EntryFile.objects.get(pk=photo.pk).display_name == ""


def test_the_command_makes_missing_copies_of_entries_photos_only(
    private_root, edition, entry, capsys
):
    first, _ = builders.attach_photo(entry)
    second, _ = builders.attach_photo(entry, builders.phone_photo("drugie.jpg"))
    broken, _ = builders.attach_photo(entry, builders.phone_photo("zepsute.jpg"))
    (private_root / broken.storage_name).unlink()
    pending, _ = builders.attach_photo(entry, builders.phone_photo("czeka.jpg"))
    EntryFile.objects.filter(pk=pending.pk).update(entry=None)
    deck = SimpleUploadedFile("deck.pdf", b"%PDF-1.4\n%%EOF\n")
    deck_file = files.new_entry_file(
        uploads.check_upload(deck, "presentation", edition),
        "entries/deck.pdf",
        "deck.pdf",
    )
    deck_file.entry = entry
    deck_file.save()

    call_command("build_photo_copies")
    assert "Made 2 photo copies; 1 failed." in capsys.readouterr().out
    made = dict(EntryFile.objects.values_list("pk", "display_name"))
    assert made[first.pk] and made[second.pk]
    assert made[broken.pk] == made[pending.pk] == made[deck_file.pk] == ""
    call_command("build_photo_copies")
    assert "Made 0 photo copies; 1 failed." in capsys.readouterr().out


def test_purging_a_draft_deletes_its_photos_copies(private_root, edition):
    draft = builders.entry(
        edition,
        status=Status.DRAFT,
        draft_expires_at=timezone.now() - timedelta(days=1),
    )
    photo, _ = builders.attach_photo(draft)
    name = photos.display_copy(photo)
    assert (private_root / name).exists()
    assert purge_expired() == (1, 1)
    assert not (private_root / name).exists()
    assert not (private_root / photo.storage_name).exists()
