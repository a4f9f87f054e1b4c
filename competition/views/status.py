"""The applicant's private status page (DESIGN §4): ``<edition>/status/<token>/``.

The e-mailed link is exchanged once for a session and redirected to
``<edition>/status/``, so the token leaves the address bar, the browser's
history and any ``Referer``. The page then shows the entries this browser holds:
their state in plain words, what happens next, what was submitted, and the two
things an applicant may do: withdraw before the jury phase, and correct the
fields the secretariat flagged.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import ratelimit, workflow
from ..applicant import (
    CORRECTION_BY_CONTACT,
    CORRECTION_CLOSED,
    STATUS_TEXTS,
    CorrectionClosed,
    WithdrawalClosed,
    can_correct,
    can_withdraw,
    consent_order,
    shown_status,
    submit_correction,
    submitted_data,
    withdraw,
)
from ..dates import deadline_text, warsaw_time
from ..forms.correction import CorrectionForm
from ..forms.withdrawal import WithdrawalForm
from ..models import AccessToken, Entry, EntryAnswer, Status
from . import applicant_session as session

# Link look-ups per client address and window (seconds): enough for someone
# who mistypes a link a few times, too few to guess a 256-bit token anyway.
LOOKUP_SCOPE = "status-lookup"
LOOKUP_LIMIT = 20
LOOKUP_WINDOW = 600

SESSION_KEY = session.STATUS
# Entries one browser may hold (a family of organisations sharing a laptop).
MAX_SESSION_ENTRIES = 20

# The page itself is "same-origin", not "no-referrer": under "no-referrer" a
# browser sends ``Origin: null`` with the page's own POSTs, and Django's CSRF
# check then refuses every withdrawal and correction (403). "same-origin" still
# sends nothing to other sites; the token URL itself stays "no-referrer".
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Robots-Tag": "noindex",
}
LINK_REFERRER_POLICY = "no-referrer"


def status_url(page, request=None):
    """The edition's status page in ``page``'s language (no token in it)."""
    return page.get_url(request) + page.reverse_subpage("status")


def _private(response):
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


def _render(request, page, template, context=None, status=200):
    context = {"page": page, "self": page, **(context or {})}
    return _private(render(request, template, context, status=status))


# -- the link ---------------------------------------------------------------


def exchange_token(request, page, token):
    """Open the status page from the e-mailed link: remember the entry in this
    browser's session and redirect to the address without the token.

    A wrong, expired or foreign token (another edition's entry) gets one and
    the same "invalid link" page, so the answer tells nothing about the token.
    """
    response = _exchange_token(request, page, token)
    response["Referrer-Policy"] = LINK_REFERRER_POLICY
    return response


def _exchange_token(request, page, token):
    if not ratelimit.hit(request, LOOKUP_SCOPE, LOOKUP_LIMIT, LOOKUP_WINDOW):
        response = _render(
            request,
            page,
            "competition/status/too_many_requests.html",
            {"minutes": LOOKUP_WINDOW // 60},
            status=429,
        )
        elapsed = int(timezone.now().timestamp()) % LOOKUP_WINDOW
        response["Retry-After"] = str(LOOKUP_WINDOW - elapsed)
        return response

    access = AccessToken.find(token, AccessToken.Purpose.STATUS)
    if (
        access is None
        or access.entry.edition_id != page.original.pk
        or access.entry.status == Status.DRAFT
    ):
        return _render(
            request,
            page,
            "competition/status/invalid_link.html",
            _contact(page),
            status=404,
        )

    held = [pk for pk in request.session.get(SESSION_KEY, []) if pk != access.entry_id]
    held.append(access.entry_id)
    # A new session key: a session id planted before the link was opened must
    # not gain access to the entry (session fixation).
    request.session.cycle_key()
    request.session[SESSION_KEY] = held[-MAX_SESSION_ENTRIES:]
    AccessToken.objects.filter(pk=access.pk).update(last_used_at=timezone.now())
    return _private(HttpResponseRedirect(status_url(page, request), status=303))


# -- the page ---------------------------------------------------------------


@dataclass
class EntryPanel:
    """Everything the page shows for one entry."""

    entry: Entry
    status: Status
    headline: str
    next_step: str
    reason: str = ""
    data: list = field(default_factory=list)
    answers: list = field(default_factory=list)
    consents: list = field(default_factory=list)
    files: list = field(default_factory=list)
    withdrawal_form: WithdrawalForm | None = None
    correction_form: CorrectionForm | None = None
    correction_deadline: str = ""
    refusal: str = ""


def status_page(request, page):
    """The entries of this edition held in the session; POST withdraws or
    corrects one of them."""
    if request.method not in ("GET", "HEAD", "POST"):
        return _private(HttpResponseNotAllowed(["GET", "POST"]))
    edition = page.original
    now = timezone.now()
    entries = _held_entries(request, edition)
    bound = {}
    status = 200
    if request.method == "POST":
        entry = _posted_entry(request, entries)
        action = request.POST.get("action")
        if action == "withdraw":
            outcome = _withdraw(request, page, edition, entry, now)
        elif action == "correct":
            outcome = _correct(request, page, entry, now)
        else:
            raise Http404
        if isinstance(outcome, HttpResponseRedirect):
            return outcome
        bound[entry.pk], status = outcome
    panels = [
        _panel(entry, page, edition, now, bound.get(entry.pk)) for entry in entries
    ]
    context = {
        "panels": panels,
        "status_url": status_url(page, request),
        "jury_opens": warsaw_time(edition.jury_opens_at),
        **_contact(page),
    }
    return _render(request, page, "competition/status/page.html", context, status)


def _held_entries(request, edition):
    held = request.session.get(SESSION_KEY, [])
    if not held:
        return []
    answers = EntryAnswer.objects.select_related("criterion").order_by(
        "criterion__sort_order", "criterion__pk"
    )
    return list(
        # An anonymised entry is nobody's to see, whatever the session holds.
        Entry.objects.filter(pk__in=held, edition=edition, anonymised_at=None)
        .exclude(status=Status.DRAFT)
        .select_related("category")
        .prefetch_related(
            "category__criteria",
            Prefetch("answers", queryset=answers),
            "files",
            "consents",
        )
        .order_by("number", "pk")
    )


def _posted_entry(request, entries):
    # Only an entry this session holds, in this edition; anything else is a 404
    # that does not say whether the entry exists.
    try:
        pk = int(request.POST.get("entry", ""))
    except ValueError:
        raise Http404 from None
    for entry in entries:
        if entry.pk == pk:
            return entry
    raise Http404


def _withdraw(request, page, edition, entry, now):
    form = WithdrawalForm(entry, request.POST)
    refusal = _(
        "Tego zgłoszenia nie można już wycofać. Zgłoszenie można wycofać "
        "tylko przed rozpoczęciem oceny jury (do %(jury_opens)s)."
    ) % {"jury_opens": warsaw_time(edition.jury_opens_at)}
    if not can_withdraw(entry, edition, now):
        return {"refusal": refusal}, 409
    if not form.is_valid():
        return {"withdrawal_form": form}, 200
    try:
        withdraw(entry, edition, form.cleaned_data["reason"])
    except WithdrawalClosed:
        return {"refusal": refusal}, 409
    return _done(
        request,
        page,
        entry,
        _(
            "Zgłoszenie %(reference)s zostało wycofane. Potwierdzenie wysłaliśmy "
            "na adres %(email)s."
        ),
    )


def _correct(request, page, entry, now):
    refusal = _(
        "Termin poprawy minął albo sekretariat nie czeka już na poprawkę – "
        "skontaktuj się z organizatorem."
    )
    if not can_correct(entry, now):
        return {"refusal": refusal}, 409
    form = CorrectionForm(entry, request.POST)
    if not form.is_valid():
        return {"correction_form": form}, 200
    try:
        submit_correction(form)
    except CorrectionClosed:
        return {"refusal": refusal}, 409
    return _done(
        request,
        page,
        entry,
        _(
            "Dziękujemy, poprawione zgłoszenie %(reference)s wysłaliśmy do "
            "sekretariatu. Potwierdzenie wysłaliśmy na adres %(email)s."
        ),
    )


def _done(request, page, entry, message):
    """Back to the page (a GET: reloading it sends nothing again), with
    ``message`` about ``entry`` on top."""
    messages.success(
        request, message % {"reference": entry.reference, "email": entry.email}
    )
    return _private(HttpResponseRedirect(status_url(page, request), status=303))


def _panel(entry, page, edition, now, bound=None):
    status = shown_status(entry, edition, now)
    headline, next_step = STATUS_TEXTS[status]
    dates = {
        "jury_opens": warsaw_time(edition.jury_opens_at),
        "jury_closes": deadline_text(edition.jury_closes_at),
        "results_at": warsaw_time(edition.results_at),
    }
    panel = EntryPanel(
        entry=entry,
        status=status,
        headline=headline,
        next_step=next_step % dates,
        reason=entry.status_reason if status in workflow.WITH_REASON else "",
        data=submitted_data(entry),
        answers=[
            (answer.criterion.localized_question, answer.text)
            for answer in entry.answers.all()
            if answer.text
        ],
        consents=sorted(entry.consents.all(), key=consent_order),
        files=list(entry.files.all()),
        **(bound or {}),
    )
    if can_withdraw(entry, edition, now) and panel.withdrawal_form is None:
        panel.withdrawal_form = WithdrawalForm(entry)
    if status == Status.NEEDS_CORRECTION:
        if entry.correction_deadline:
            panel.correction_deadline = deadline_text(entry.correction_deadline)
        if can_correct(entry, now):
            if panel.correction_form is None:
                panel.correction_form = CorrectionForm(entry)
        elif entry.correction_fields:
            panel.next_step = CORRECTION_CLOSED
        else:
            panel.next_step = CORRECTION_BY_CONTACT
    return panel


def _contact(page):
    edition = page.original
    return {
        "contact_name": page.contact_name or edition.contact_name,
        "contact_email": page.contact_email or edition.contact_email,
        "contact_phone": page.contact_phone or edition.contact_phone,
    }
