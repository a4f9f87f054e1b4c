"""Demo entries of the open edition, one or more in each state a secretariat
meets before the jury phase. Created through the same code as real ones
(file checks, private storage, numbering, workflow with its audit log).

Every demo entry with a status link gets a fixed, documented token so the
status page can be tried from the README; real tokens are random.
"""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from competition import files, uploads, workflow
from competition.models import AccessToken, Consent, Entry, EntryAnswer, Status
from competition.models.entries import hash_token
from competition.submission import (
    consent_texts,
    next_reference,
    status_link_expiry,
)
from demo.content import load

SECRETARIAT = workflow.Actor(workflow.SECRETARIAT)
APPLICANT = workflow.Actor(workflow.APPLICANT)


def demo_status_token(number):
    """The demo-only status token of entry number ``number`` (see README)."""
    return f"demo-status-{number:04d}-tylko-do-pokazu"


# The open edition's sample entries, one or more in each state before the jury
# phase (``data/open_edition_entries.json``): Entry fields, plus "status",
# "photos" and "presentation" (files to attach), "correction" (fields and
# message of a request for correction) and "reason" (of ineligibility). Each
# organisation has its own NIP (valid check digit, invented): a NIP twice in a
# category marks both entries "możliwy duplikat" in the secretariat's list.
ENTRIES = load("open_edition_entries")


def _jpeg(colour, label):
    image = Image.new("RGB", (1200, 800), colour)
    ImageDraw.Draw(image).text((40, 40), label, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(f"{label}.jpg", buffer.getvalue())


def _pdf(label):
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return SimpleUploadedFile(f"{label}.pdf", body)


def _attach(entry, upload, kind, position):
    checked = uploads.check_upload(upload, kind, entry.edition)
    name = files.store(upload, checked)
    record = files.new_entry_file(checked, name, upload.name, position)
    record.entry = entry
    record.save()


def seed_entries(edition, log):
    """Create the demo entries of ``edition`` unless it has entries already."""
    if Entry.objects.filter(edition=edition).exists():
        return
    categories = {category.slug: category for category in edition.categories.all()}
    texts = consent_texts(edition)
    now = timezone.now()
    for spec in ENTRIES:
        spec = dict(spec)
        category = categories[spec.pop("category")]
        status = Status(spec.pop("status"))
        photos = spec.pop("photos", 0)
        presentation = spec.pop("presentation", False)
        correction = spec.pop("correction", None)
        reason = spec.pop("reason", "")
        entry = Entry(
            edition=edition,
            category=category,
            nominee_kind=spec.pop("nominee_kind", "organisation"),
            contact_name="Małgorzata Demo",
            email="zgloszenia-demo@example.org",
            phone="+48 22 376 85 00",
            street="ul. Przykładowa 1",
            postal_code="00-001",
            status=Status.DRAFT,
            language="pl",
            **spec,
        )
        if status == Status.DRAFT:
            entry.draft_expires_at = now + timedelta(days=edition.draft_retention_days)
            entry.save()
            continue
        entry.number, entry.reference = next_reference(edition)
        entry.image_publication_allowed = True
        entry.save()
        for criterion in category.criteria.all():
            EntryAnswer.objects.create(
                entry=entry,
                criterion=criterion,
                text=f"{entry.title}: {criterion.name.lower()} – opis przykładowy "
                "przygotowany na potrzeby wersji demonstracyjnej.",
            )
        for position in range(photos):
            _attach(
                entry,
                _jpeg((30, 90, 140), f"zdjecie-{position + 1}"),
                "photo",
                position,
            )
        if presentation:
            _attach(entry, _pdf("prezentacja"), "presentation", photos)
        for kind, text in texts.items():
            Consent.objects.create(
                entry=entry,
                kind=kind,
                given=True,
                text=text.text,
                version=text.version,
                language="pl",
            )
        AccessToken.objects.create(
            entry=entry,
            purpose=AccessToken.Purpose.STATUS,
            token_hash=hash_token(demo_status_token(entry.number)),
            expires_at=status_link_expiry(edition),
        )
        workflow.transition(entry, Status.SUBMITTED, APPLICANT)
        if status == Status.NEEDS_CORRECTION:
            fields, message = correction["fields"], correction["message"]
            workflow.transition(
                entry,
                Status.NEEDS_CORRECTION,
                SECRETARIAT,
                reason=message,
                status_reason=message,
                correction_fields=fields,
                correction_deadline=now + timedelta(days=7),
            )
        elif status == Status.ELIGIBLE:
            workflow.transition(entry, Status.ELIGIBLE, SECRETARIAT)
        elif status == Status.INELIGIBLE:
            workflow.transition(
                entry,
                Status.INELIGIBLE,
                SECRETARIAT,
                reason=reason,
                status_reason=reason,
            )
        elif status == Status.WITHDRAWN:
            workflow.transition(entry, Status.WITHDRAWN, APPLICANT)
    log(f"Demo entries of {edition.code}: {len(ENTRIES)}")
