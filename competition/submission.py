"""Saving what the submission form accepted: drafts and all-or-nothing submits.

A submit writes the entry, its answers, file records, consents, private link and
the queued e-mails in one transaction. The files themselves go to the private
storage just before it (an upload can be slow; a transaction should not wait for
it); if anything fails, the transaction rolls back and the files written so far
are deleted, so nothing half-done is ever visible.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import override

from . import emails, files, scanning, workflow
from .models import AccessToken, Consent, Entry, EntryFile, Status
from .models.entries import EntryAnswer, EntryNumberSequence

# How long an applicant's status link works after the results are announced.
STATUS_LINK_DAYS_AFTER_RESULTS = 365
# How long files accepted by a form that had errors are kept for the next try.
PENDING_FILE_HOURS = 48

# The entry fields the form fills, in the order the form shows them.
ENTRY_FIELDS = (
    "nominee_kind",
    "nomination",
    "organisation_name",
    "legal_form",
    "running_entity_name",
    "nip",
    "regon",
    "krs",
    "person_name",
    "previous_award_year",
    "street",
    "postal_code",
    "city",
    "powiat",
    "website",
    "contact_name",
    "email",
    "phone",
    "nominee_email",
    "nominee_phone",
    "title",
    "summary",
    "video_url",
)


class DuplicateSubmission(Exception):
    """The idempotency key was used already: the entry it created is attached."""

    def __init__(self, entry):
        super().__init__(entry.reference)
        self.entry = entry


class SubmissionFailed(Exception):
    """Storage or database trouble: nothing was saved; the applicant may retry."""


@dataclass(frozen=True)
class ConsentText:
    """A consent as shown in the form: the label, the full text and its version."""

    label: str
    text: str
    version: str


def consent_texts(page):
    """The three consents as the page (in the applicant's language) shows them."""
    rules_version = (
        f"doc-{page.rules_document_id}" if page.rules_document_id else "page"
    ) + f"-rev-{page.live_revision_id or 0}"
    rules = _(
        "Zapoznałem się / zapoznałam się z regulaminem konkursu „%(title)s” "
        "i akceptuję jego postanowienia."
    ) % {"title": page.title}
    data_label = _(
        "Zapoznałem się / zapoznałam się z klauzulą informacyjną o przetwarzaniu "
        "danych osobowych w konkursie."
    )
    clause = strip_tags(page.information_clause or "").strip()
    image = page.image_publication_text or _(
        "Zgadzam się na publikację zdjęć z wizerunkiem osób przesłanych w "
        "zgłoszeniu na stronach i w materiałach MCPS promujących konkurs i jego "
        "laureatów. Zgodę można w każdej chwili wycofać."
    )
    return {
        "rules": ConsentText(rules, rules, rules_version),
        "data": ConsentText(
            data_label,
            f"{data_label}\n\n{clause}",
            f"{page.pk}-clause-{page.clause_version}",
        ),
        "image_publication": ConsentText(
            image, image, f"{page.pk}-rev-{page.live_revision_id or 0}"
        ),
    }


def status_link_expiry(edition):
    return edition.results_at + timedelta(days=STATUS_LINK_DAYS_AFTER_RESULTS)


def next_reference(edition):
    # The row lock serialises numbering per edition without locking the page.
    sequence, _created = EntryNumberSequence.objects.get_or_create(edition=edition)
    sequence = EntryNumberSequence.objects.select_for_update().get(pk=sequence.pk)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number, f"{edition.code}-{sequence.last_number:04d}"


def _filled(form, draft, edition, category, language):
    """``draft`` (or a new entry) with the form's values, still a draft."""
    entry = draft or Entry(edition=edition, category=category)
    _fill(entry, form)
    entry.language = language
    entry.status = Status.DRAFT
    return entry


def _fill(entry, form):
    for name in ENTRY_FIELDS:
        if name in form.cleaned_data:
            value = form.cleaned_data[name]
            setattr(
                entry,
                name,
                "" if value is None and name != "previous_award_year" else value,
            )
        elif name in form.errors:
            # A draft's refused value lives in ``draft_invalid_values`` only.
            setattr(entry, name, None if name == "previous_award_year" else "")
    entry.image_publication_allowed = bool(
        form.cleaned_data.get("consent_image_publication")
    )


def _save_answers(entry, form):
    for criterion in form.criteria:
        EntryAnswer.objects.update_or_create(
            entry=entry,
            criterion=criterion,
            defaults={"text": form.cleaned_data.get(f"answer_{criterion.pk}", "")},
        )


def _store_uploads(form, stored):
    """Put the form's new files into the private storage, before the database
    transaction opens: a slow upload then holds no database lock. ``stored``
    collects the names so a failure can delete them."""
    uploaded = []
    for _field, upload, checked in form.accepted_files:
        name = files.store(upload, checked)
        stored.append(name)
        uploaded.append((upload, checked, name))
    return uploaded


def _save_files(entry, form, uploaded, removed_handles):
    """Record the stored uploads, attach kept files, drop removed ones."""
    kept = {item.handle: item for item in form.kept_files}
    if any(field == "presentation" for field, _upload, _checked in form.accepted_files):
        # A new presentation replaces the one kept from before.
        removed_handles = set(removed_handles) | {
            item.handle for item in kept.values() if item.kind == "presentation"
        }
    to_delete = [kept.pop(handle) for handle in list(kept) if handle in removed_handles]
    for item in to_delete:
        if item.pk:
            item.delete()
    position = len(kept)
    joined = []
    for item in kept.values():
        if item.entry_id != entry.pk:
            item.entry = entry
            item.save(update_fields=["entry"])
            joined.append(item)
    scanning.attached(entry, joined)
    records = []
    for upload, checked, name in uploaded:
        record = files.new_entry_file(checked, name, upload.name, position)
        record.entry = entry
        record.save()
        records.append(record)
        position += 1
    scanning.queue_scans(records)
    # Storage objects of removed files go once the transaction has committed.
    names = [name for item in to_delete for name in stored_names(item)]
    if names:
        transaction.on_commit(lambda: files.delete_stored(names))


def stored_names(entry_file):
    """What ``entry_file`` holds in the private storage: the original and, for a
    photo that has been shown, its clean copy."""
    return [name for name in (entry_file.storage_name, entry_file.display_name) if name]


def keep_pending_files(form):
    """Store the files a form with errors accepted, so the applicant need not
    send them again; returns the new EntryFile rows (entry empty)."""
    stored, records = [], []
    try:
        uploaded = _store_uploads(form, stored)
        with transaction.atomic():
            for position, (upload, checked, name) in enumerate(uploaded):
                record = files.new_entry_file(checked, name, upload.name, position)
                record.save()
                records.append(record)
            scanning.queue_scans(records)
    except Exception:
        files.delete_stored(stored)
        raise
    return records


def save_draft(form, edition, category, language, draft=None, removed_handles=()):
    """Save the form as a draft; returns (entry, plain draft token or None).

    The form may have errors: every valid field and accepted file is saved, and
    the refused values are kept as typed in ``draft_invalid_values``. A new
    draft gets a private link (e-mailed); saving it again keeps its link.
    """
    stored = []
    try:
        uploaded = _store_uploads(form, stored)
        with transaction.atomic():
            entry = _filled(form, draft, edition, category, language)
            entry.draft_invalid_values = form.invalid_values()
            entry.draft_expires_at = timezone.now() + timedelta(
                days=edition.draft_retention_days
            )
            entry.save()
            _save_answers(entry, form)
            _save_files(entry, form, uploaded, removed_handles)
            token = None
            if draft is None:
                token = AccessToken.issue(
                    entry, AccessToken.Purpose.DRAFT, entry.draft_expires_at
                )
            else:
                entry.tokens.filter(purpose=AccessToken.Purpose.DRAFT).update(
                    expires_at=entry.draft_expires_at
                )
    except Exception as error:
        files.delete_stored(stored)
        raise SubmissionFailed from error
    return entry, token


def submit(form, page, category, language, build_urls, draft=None, removed_handles=()):
    """Submit the entry all-or-nothing; returns the submitted entry.

    ``page`` is the edition page the applicant used (its texts are recorded in
    the consents); ``build_urls(entry, status_token)`` returns the URLs the
    e-mails need. Raises :class:`DuplicateSubmission` when the idempotency key
    was already used, :class:`SubmissionFailed` when storage or the database
    failed (nothing is left behind).
    """
    edition = page.original
    key = form.cleaned_data["idempotency_key"]
    stored = []
    try:
        uploaded = _store_uploads(form, stored)
        with transaction.atomic():
            entry = _filled(form, draft, edition, category, language)
            # The unique key makes a second copy of this POST fail here.
            entry.idempotency_key = key
            entry.draft_expires_at = None
            entry.draft_invalid_values = {}
            entry.save()
            _save_answers(entry, form)
            _save_files(entry, form, uploaded, removed_handles)
            now = timezone.now()
            texts = consent_texts(page)
            for kind, text in texts.items():
                Consent.objects.create(
                    entry=entry,
                    kind=kind,
                    given=bool(form.cleaned_data.get(f"consent_{kind}")),
                    text=text.text,
                    version=text.version,
                    language=language,
                    given_at=now,
                )
            entry.tokens.filter(purpose=AccessToken.Purpose.DRAFT).delete()
            token = AccessToken.issue(
                entry, AccessToken.Purpose.STATUS, status_link_expiry(edition)
            )
            # Numbered last: the sequence row stays locked only for a moment.
            number, reference = next_reference(edition)
            workflow.transition(
                entry,
                Status.SUBMITTED,
                workflow.Actor(workflow.APPLICANT),
                number=number,
                reference=reference,
            )
            urls = build_urls(entry, token)
            _queue_receipt(entry, urls)
            if entry.nominee_needs_notice():
                _queue_nominee_notice(entry, page, texts["data"], urls)
                entry.nominee_notified_at = now
                entry.save(update_fields=["nominee_notified_at"])
    except IntegrityError as error:
        files.delete_stored(stored)
        existing = Entry.objects.filter(idempotency_key=key).first()
        if existing is not None:
            raise DuplicateSubmission(existing) from error
        raise SubmissionFailed from error
    except Exception as error:
        files.delete_stored(stored)
        raise SubmissionFailed from error
    return entry


def _summary_lines(entry):
    with override(entry.language):
        lines = [
            f"{_('Kategoria')}: {entry.category.label}",
            f"{_('Zgłaszany')}: {entry.nominee_name}",
            f"{_('Tytuł')}: {entry.title}",
        ]
        names = [item.original_name for item in entry.files.all()]
        if names:
            lines.append(f"{_('Pliki')}: {', '.join(names)}")
        if entry.video_url:
            lines.append(f"{_('Film')}: {entry.video_url}")
    return lines


def _queue_receipt(entry, urls):
    context = emails.entry_context(
        entry,
        status_url=urls["status"],
        edition_url=urls["edition"],
        summary_lines=_summary_lines(entry),
        submitted_at=timezone.localtime(entry.submitted_at).strftime("%d.%m.%Y %H:%M"),
    )
    emails.queue_mail("receipt", [entry.email], entry.language, context)


def _queue_nominee_notice(entry, page, clause, urls):
    context = emails.entry_context(
        entry,
        nominator=entry.contact_name,
        nominator_organisation=entry.organisation_name
        if entry.nominee_kind != "person"
        else "",
        clause=clause.text,
        edition_url=urls["edition"],
    )
    emails.queue_mail("nominee_notice", [entry.nominee_email], entry.language, context)


def purge_expired(now=None):
    """Delete expired drafts and files held for forms that were never sent.

    Returns (drafts deleted, files deleted).
    """
    now = now or timezone.now()
    drafts = Entry.objects.filter(status=Status.DRAFT, draft_expires_at__lt=now)
    pending = EntryFile.objects.filter(
        entry=None, uploaded_at__lt=now - timedelta(hours=PENDING_FILE_HOURS)
    )
    doomed = list(
        (EntryFile.objects.filter(entry__in=drafts) | pending).only(
            "storage_name", "display_name"
        )
    )
    names = [name for item in doomed for name in stored_names(item)]
    with transaction.atomic():
        draft_count = drafts.count()
        file_count = len(doomed)
        AccessToken.objects.filter(expires_at__lt=now).delete()
        pending.delete()
        drafts.delete()
    files.delete_stored(names)
    return draft_count, file_count
