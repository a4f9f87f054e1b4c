"""The public submission form of a category, and the receipt after it.

Reached through ``CompetitionPage``'s routes. Thin: the form validates
(``forms/submission.py``), ``submission.py`` saves.
"""

import logging
import uuid

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import duplicates, ratelimit, submission
from ..dates import shown_deadline
from ..forms.submission import EntryForm
from ..models import AccessToken, Category, Entry, Nomination, Status
from . import applicant_session as session

logger = logging.getLogger(__name__)

# POSTs of the form per client address in a 10-minute window. Generous enough
# for an office behind one address; a bot hits it quickly.
FORM_POST_LIMIT = 30
FORM_POST_WINDOW = 600

DRAFT_PARAMETER = "wersja"
# ``?nowe`` starts a new form in a browser that has sent one in this category.
NEW_FORM_PARAMETER = "nowe"


def _form_url(page, category):
    return page.url + page.reverse_subpage("submission_form", args=[category.slug])


def _absolute(request, url):
    return request.build_absolute_uri(url)


def _initial_from_draft(draft):
    initial = {name: getattr(draft, name) for name in submission.ENTRY_FIELDS}
    initial["consent_image_publication"] = draft.image_publication_allowed
    for answer in draft.answers.all():
        initial[f"answer_{answer.criterion_id}"] = answer.text
    initial.update(draft.draft_invalid_values)
    return initial


def _draft_form(draft, key, form_kwargs):
    """The form of a saved draft. A draft saved with mistakes is shown as a
    bound form, so each mistake is back as typed, next to its message."""
    initial = {**_initial_from_draft(draft), "idempotency_key": key}
    kept = list(draft.files.all())
    if not draft.draft_invalid_values:
        return EntryForm(initial=initial, kept_files=kept, **form_kwargs)
    data = {
        name: "" if value is None else value
        for name, value in initial.items()
        if value is not False
    }
    form = EntryForm(data, kept_files=kept, for_draft=True, **form_kwargs)
    form.is_valid()
    return form


def _render(request, page, category, form, status=200, message=None, **extra):
    context = {
        "page": page,
        "self": page,
        "edition": page.original,
        "category": category,
        "form": form,
        "message": message,
        "draft": extra.pop("draft", None),
        # A POST shown again (errors, refusal, failure) holds typed text that no
        # draft keeps: leaving it asks first (submission.js).
        "unsaved": request.method == "POST" and not extra.get("draft_saved"),
        **extra,
    }
    response = TemplateResponse(
        request, "competition/submission_form.html", context, status=status
    )
    response["Cache-Control"] = "no-store"
    return response


def _closed(request, page, category, status=200):
    response = TemplateResponse(
        request,
        "competition/submission_closed.html",
        {"page": page, "self": page, "category": category, "phase": page.phase()},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


def _resume_draft(request, page, category, token):
    found = AccessToken.find(token, AccessToken.Purpose.DRAFT)
    edition = page.original
    if (
        found is None
        or found.entry.edition_id != edition.pk
        or found.entry.category_id != category.pk
        or found.entry.status != Status.DRAFT
    ):
        response = TemplateResponse(
            request,
            "competition/draft_link_invalid.html",
            {"page": page, "self": page, "category": category},
            status=404,
        )
        response["Referrer-Policy"] = "no-referrer"
        return response
    request.session.cycle_key()
    session.set_draft(request, category, found.entry)
    found.last_used_at = timezone.now()
    found.save(update_fields=["last_used_at"])
    response = redirect(_form_url(page, category), permanent=False)
    response.status_code = 303
    response["Referrer-Policy"] = "no-referrer"
    return response


def submission_form(request, page, category_slug):
    """GET shows the form; POST saves a draft or submits (DESIGN §5)."""
    edition = page.original
    category = get_object_or_404(Category, edition=edition, slug=category_slug)
    if DRAFT_PARAMETER in request.GET:
        return _resume_draft(request, page, category, request.GET[DRAFT_PARAMETER])
    # Deadline on the server, at the moment the request arrives (drafts too).
    if not edition.accepts_submissions():
        return _closed(
            request, page, category, status=200 if request.method == "GET" else 403
        )

    draft = session.draft_for(request, edition, category)
    texts = submission.consent_texts(page)
    form_kwargs = {"edition": edition, "category": category, "consent_texts": texts}

    if request.method != "POST":
        key = session.form_key(
            request, category, fresh=NEW_FORM_PARAMETER in request.GET
        )
        if draft:
            form = _draft_form(draft, key, form_kwargs)
        else:
            form = EntryForm(initial={"idempotency_key": key}, **form_kwargs)
        return _render(
            request,
            page,
            category,
            form,
            draft=draft,
            draft_saved_as_typed=bool(form.is_bound),
            already_sent=_submitted_with_key(key, edition),
            new_form_url=f"{_form_url(page, category)}?{NEW_FORM_PARAMETER}=1",
        )

    handles = request.POST.getlist("kept_files")
    removed = set(request.POST.getlist("remove_files"))
    kept = [
        item
        for item in session.kept_files(request, draft, handles)
        if item.handle not in removed
    ]
    for_draft = request.POST.get("action") == "draft"
    form = EntryForm(
        request.POST,
        request.FILES,
        kept_files=kept,
        for_draft=for_draft,
        **form_kwargs,
    )

    if not ratelimit.hit(request, "submission-form", FORM_POST_LIMIT, FORM_POST_WINDOW):
        form.is_valid()  # show what was typed, with its errors, not a blank page
        response = _render(
            request,
            page,
            category,
            form,
            status=429,
            draft=draft,
            message=_(
                "Z tego adresu wysłano w krótkim czasie bardzo dużo formularzy. "
                "Odczekaj 10 minut i spróbuj ponownie – wpisane dane są poniżej."
            ),
        )
        response["Retry-After"] = str(FORM_POST_WINDOW)
        return response

    # A resent POST whose first copy succeeded goes to that entry's receipt.
    key = request.POST.get("idempotency_key", "")
    existing = _submitted_with_key(key, edition)
    if existing is not None:
        if duplicates.posted_for(existing, request.POST):
            return _to_receipt(request, page, existing)
        # Another nominee typed into a form whose key made an entry: a new form.
        form.data = form.data.copy()
        form.data["idempotency_key"] = session.form_key(request, category, fresh=True)

    valid = form.is_valid()
    if not valid and not (for_draft and form.draft_can_be_saved()):
        if "fax_number" in form.errors:
            logger.info("Honeypot field filled in; form refused")
        message = None
        if form.accepted_files:
            try:
                records = submission.keep_pending_files(form)
            except Exception:
                logger.exception("Could not keep accepted files")
                message = _(
                    "Nie udało się zachować przesłanych plików. Popraw błędy "
                    "i dołącz pliki ponownie."
                )
            else:
                for record in records:
                    session.remember(request, session.PENDING, record.handle, limit=100)
                form.kept_files = [*form.kept_files, *records]
        return _render(
            request, page, category, form, status=400, draft=draft, message=message
        )

    language = get_language() or "pl"
    if for_draft:
        try:
            entry, token = submission.save_draft(
                form, edition, category, language, draft=draft, removed_handles=removed
            )
        except submission.SubmissionFailed:
            logger.exception("Saving a draft failed")
            return _failed(request, page, category, form, draft)
        session.set_draft(request, category, entry)
        if token:
            _queue_draft_link(request, page, category, entry, token)
        if valid:
            form = _draft_form(entry, session.form_key(request, category), form_kwargs)
        else:
            # The mistakes stay on screen as typed; the files are the draft's now.
            form.kept_files = list(entry.files.all())
        return _render(
            request,
            page,
            category,
            form,
            draft=entry,
            draft_saved=True,
            draft_saved_as_typed=not valid,
            draft_link_sent=bool(token),
        )

    same_nominee = duplicates.existing_entry(
        edition, category, form.cleaned_data, exclude_pk=draft.pk if draft else None
    )
    if same_nominee is not None:
        return _duplicate(request, page, category, form, draft)

    def build_urls(entry, token):
        status_path = page.url + page.reverse_subpage("status_token", args=[token])
        return {
            "status": _absolute(request, status_path),
            "edition": _absolute(request, page.url),
        }

    try:
        entry = submission.submit(
            form,
            page,
            category,
            language,
            build_urls,
            draft=draft,
            removed_handles=removed,
        )
    except submission.DuplicateSubmission as duplicate:
        return _to_receipt(request, page, duplicate.entry)
    except submission.SubmissionFailed:
        logger.exception("Submission failed; nothing was saved")
        return _failed(request, page, category, form, draft)
    session.set_draft(request, category, None)
    return _to_receipt(request, page, entry)


def _submitted_with_key(key, edition):
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        return None
    return (
        Entry.objects.filter(idempotency_key=key, edition=edition)
        .exclude(status=Status.DRAFT)
        .first()
    )


def _duplicate(request, page, category, form, draft):
    """The nominee already has an entry in this category: say so next to the
    field that identifies them, and send the applicant to the status page."""
    if form.is_person:
        field = (
            "nominee_email"
            if form.cleaned_data.get("nomination") == Nomination.THIRD_PARTY
            else "email"
        )
        form.add_error(
            field,
            _("W tej kategorii jest już zgłoszenie tej osoby (ten sam adres e-mail)."),
        )
    else:
        form.add_error(
            "nip", _("W tej kategorii jest już zgłoszenie z tym numerem NIP.")
        )
    return _render(
        request,
        page,
        category,
        form,
        status=400,
        draft=draft,
        duplicate=True,
        status_url=page.url + page.reverse_subpage("status"),
    )


def _failed(request, page, category, form, draft):
    form.kept_files = [item for item in form.kept_files if item.pk]
    return _render(
        request,
        page,
        category,
        form,
        status=503,
        draft=draft,
        message=_(
            "Nie udało się zapisać zgłoszenia z powodu błędu po naszej stronie. "
            "Nic nie zostało zapisane. Twoje dane są poniżej – spróbuj wysłać "
            "formularz ponownie za chwilę (pliki trzeba dołączyć jeszcze raz)."
        ),
    )


def _queue_draft_link(request, page, category, entry, token):
    from .. import emails

    url = _absolute(request, _form_url(page, category) + f"?{DRAFT_PARAMETER}={token}")
    context = emails.entry_context(
        entry,
        draft_url=url,
        expires_at=timezone.localtime(entry.draft_expires_at).strftime("%d.%m.%Y"),
        closes_at=shown_deadline(page.original.submissions_close_at).strftime(
            "%d.%m.%Y %H:%M"
        ),
    )
    emails.queue_mail("draft_link", [entry.email], entry.language, context)


def _to_receipt(request, page, entry):
    session.remember(request, session.RECEIPTS, entry.pk)
    session.remember(request, session.STATUS, entry.pk)
    url = page.url + page.reverse_subpage("submission_receipt", args=[entry.reference])
    response = redirect(url)
    response.status_code = 303
    return response


def receipt(request, page, reference):
    """The confirmation after a submit; only for the browser that submitted."""
    edition = page.original
    entry = (
        Entry.objects.filter(edition=edition, reference=reference)
        .exclude(status=Status.DRAFT)
        .select_related("category")
        .prefetch_related("files")
        .first()
    )
    if entry is None or entry.pk not in session.held(request, session.RECEIPTS):
        raise Http404
    response = TemplateResponse(
        request,
        "competition/submission_receipt.html",
        {"page": page, "self": page, "entry": entry, "edition": edition},
    )
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
