"""The jury's screens in the admin (DESIGN §6): the dashboard, the declaration of
conflict of interest (and a conflict declared later, from the scoring screen)
and the inline photos. The scoring screen and its autosave are in
``jury_review.py``; what the dashboard lists comes from ``competition/progress.py``.

Registered as a viewset in ``competition/wagtail_hooks.py`` (``/admin/jury/``).
The jury group holds no model permissions: every view here checks membership,
assignment and declaration itself (``competition/permissions.py``). A juror
only ever reaches their own review: no URL or form field names a review or a
member, both follow from the signed-in user and the entry.
"""

from django.db.models import Count
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_GET
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import reviews
from ..dates import shown_deadline
from ..downloads import inline_image_response
from ..forms.scoring import ConflictRevisionForm, DeclarationForm
from ..models import ConflictDeclaration, Entry, EntryFile, Review
from ..permissions import (
    assignment_for,
    can_download,
    is_juror,
    jury_phase_open,
)
from ..progress import assignment_rows, next_unfinished, ordered_memberships

STALE_MESSAGE = _(
    "Ta ocena została w międzyczasie zmieniona w innej karcie lub na innym "
    "urządzeniu. Odśwież stronę, aby zobaczyć aktualną wersję."
)
CLOSED_MESSAGE = _("Ocena w tej edycji jest zamknięta: niczego już nie zmienisz.")
NOT_OPEN_MESSAGE = _("Ocena w tej edycji jeszcze się nie rozpoczęła.")
NOT_FOUND_MESSAGE = _("Nie znaleziono takiego zgłoszenia na Twojej liście.")
LEFT_THE_LIST_MESSAGE = _(
    "Niczego nie zapisano: to zgłoszenie nie jest już na Twojej liście (na przykład "
    "zgłosiłeś(-aś) konflikt interesów w innej karcie)."
)
JURY_ONLY_MESSAGE = _("Te ekrany są tylko dla członków jury konkursu.")
MENU_LABEL = _("Ocena zgłoszeń")


def request_is_juror(request):
    """:func:`permissions.is_juror` for the request's user, asked once a request
    (the menu item and the view both need it)."""
    if not hasattr(request, "_competition_is_juror"):
        request._competition_is_juror = is_juror(request.user)
    return request._competition_is_juror


def _forbidden(message=JURY_ONLY_MESSAGE):
    # Not PermissionDenied: Wagtail's admin would turn it into a redirect home.
    return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")


def _phase_message(edition, now=None):
    now = now or timezone.now()
    if edition.scoring_closed(now):
        return CLOSED_MESSAGE
    if now < edition.jury_opens_at:
        return NOT_OPEN_MESSAGE
    return ""


# -- views -----------------------------------------------------------------------


class JuryView(WagtailAdminTemplateMixin, View):
    """A jury screen: for members of some edition's jury only (403 otherwise)."""

    header_icon = "pick"
    page_title = MENU_LABEL

    def dispatch(self, request, *args, **kwargs):
        if not request_is_juror(request):
            return _forbidden()
        response = self.prepare(request, **kwargs)
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)

    def prepare(self, request, **kwargs):
        """Load what the view needs; a response returned here is sent instead."""
        return None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("jury:dashboard"), "label": MENU_LABEL}
        ]


class DashboardView(JuryView):
    """Per edition: the progress bar and the assignments with their status."""

    template_name = "competition/jury/dashboard.html"

    def get(self, request):
        members = list(ordered_memberships(request.user))
        rows = assignment_rows(members)
        # Each juror's submitted reviews, for editions whose scoring is closed
        # (their decided entries have left the jury's states and the list).
        scored = dict(
            Review.objects.filter(member__in=members, status=Review.Status.SUBMITTED)
            .values_list("member_id")
            .annotate(n=Count("pk"))
        )
        now = timezone.now()
        editions = []
        for member in members:
            own = [row for row in rows if row.member.pk == member.pk]
            submitted = sum(row.finished for row in own)
            edition = member.edition
            closed = edition.scoring_closed(now)
            published = edition.results_published(now)
            editions.append(
                {
                    "member": member,
                    "edition": edition,
                    "rows": own,
                    "total": len(own),
                    "submitted": submitted,
                    "open": jury_phase_open(edition, now),
                    "phase_message": _phase_message(edition, now),
                    # Once scoring closes, decided entries leave the jury's
                    # states: a closed edition says what the juror did instead.
                    "closed": closed,
                    "ended_at": _scoring_ended_at(edition) if closed else None,
                    "published": published,
                    "scored": scored.get(member.pk, 0),
                    "results_url": _results_url(edition, request) if published else "",
                }
            )
        return self.render_to_response(
            self.get_context_data(
                editions=editions,
                next_row=next(
                    (
                        row
                        for row in rows
                        if not row.finished and jury_phase_open(row.member.edition)
                    ),
                    None,
                ),
            )
        )


def _scoring_ended_at(edition):
    """When scoring ended: closed early by the secretariat, or at the end of
    the jury phase (a midnight end read as 23:59 of the day before)."""
    if edition.scoring_closed_at and edition.scoring_closed_at < edition.jury_closes_at:
        return timezone.localtime(edition.scoring_closed_at)
    return shown_deadline(edition.jury_closes_at)


def _results_url(edition, request):
    """The public results page in the admin's language where that translation
    is live, else the Polish one; "" when the site does not route to it."""
    page = (
        edition.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=translation.get_language())
        .specific()
        .first()
    )
    page = page or (edition if edition.live else None)
    url = page.get_url(request) if page else None
    return url + page.reverse_subpage("results") if url else ""


class NextView(JuryView):
    """The next unfinished assignment: where "save and next" and the dashboard's
    button lead."""

    def get(self, request):
        after = request.GET.get("after")
        row = next_unfinished(
            request.user, int(after) if after and after.isdigit() else None
        )
        if row is None:
            messages.success(
                request, _("Nie masz więcej ocen do złożenia. Dziękujemy!")
            )
            return redirect("jury:dashboard")
        return redirect(row.url)


class EntryMixin:
    """The signed-in juror's live assignment to the entry in the URL (404 for
    any other entry: unassigned, conflicted, or not being judged)."""

    def setup_entry(self, entry_id):
        self.assignment = assignment_for(self.request.user, entry_id)
        if self.assignment is None:
            raise Http404
        self.member = self.assignment.member
        self.entry = get_object_or_404(
            Entry.objects.select_related("edition", "category"), pk=entry_id
        )
        self.edition = self.entry.edition

    def get_page_subtitle(self):
        return self.entry.reference


class EntryFormMixin(EntryMixin):
    """A jury screen with a form about one entry, acted on while scoring is open."""

    def invalid_or_closed(self, form):
        """The answer to a posted ``form`` that cannot be acted on (403 outside
        the jury phase, the form again with its errors), or ``None``."""
        if not jury_phase_open(self.edition):
            return self.render(form, status=403)
        if not form.is_valid():
            return self.render(form)
        return None

    def render(self, form, status=200, **context):
        context = self.get_context_data(
            entry=self.entry,
            form=form,
            open=jury_phase_open(self.edition),
            phase_message=_phase_message(self.edition),
            **context,
        )
        return self.render_to_response(context, status=status)


class DeclarationView(EntryFormMixin, JuryView):
    """Before the content opens: the nominee, category and reference only, and
    the juror's declaration of no conflict or of a conflict."""

    template_name = "competition/jury/declaration.html"
    page_title = _("Deklaracja bezstronności")

    def prepare(self, request, entry_id):
        self.setup_entry(entry_id)
        if ConflictDeclaration.objects.filter(
            entry=self.entry, member=self.member
        ).exists():
            return redirect("jury:review", self.entry.pk)
        return None

    def get(self, request, entry_id):
        return self.render(DeclarationForm())

    def post(self, request, entry_id):
        form = DeclarationForm(request.POST)
        if response := self.invalid_or_closed(form):
            return response
        try:
            reviews.declare(
                self.member,
                self.entry,
                has_conflict=form.has_conflict,
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except reviews.AlreadyDeclared:
            return redirect("jury:review", self.entry.pk)
        except reviews.ScoringClosed:
            return self.render(form, status=403)
        if form.has_conflict:
            messages.success(request, _conflict_message(self.entry))
            return redirect("jury:dashboard")
        messages.success(
            request,
            _("Dziękujemy za deklarację. Możesz teraz ocenić zgłoszenie."),
        )
        return redirect("jury:review", self.entry.pk)


def _conflict_message(entry):
    return _(
        "Zgłosiłeś(-aś) konflikt interesów wobec zgłoszenia "
        "%(reference)s. Nie będziesz go oceniać i zniknęło z Twojej "
        "listy; sekretariat konkursu zobaczy Twoją deklarację."
    ) % {"reference": entry.reference}


class ConflictRevisionView(EntryFormMixin, JuryView):
    """A conflict of interest the juror notices after declaring none, reached
    from the scoring screen while scoring is open: the same effect as a
    conflict declared at once (``reviews.revise_to_conflict``), a submitted
    review included. One way only: a conflict takes the entry off the juror's
    list, so there is no screen from which to undo it."""

    template_name = "competition/jury/conflict.html"
    page_title = _("Zgłoszenie konfliktu interesów")

    def prepare(self, request, entry_id):
        self.setup_entry(entry_id)
        # A live assignment has no conflict declared (EntryMixin): what is left
        # is a declaration of none, or none yet.
        self.declaration = ConflictDeclaration.objects.filter(
            entry=self.entry, member=self.member
        ).first()
        if self.declaration is None:
            return redirect("jury:declaration", self.entry.pk)
        return None

    def _submitted(self):
        return Review.objects.filter(
            entry=self.entry, member=self.member, status=Review.Status.SUBMITTED
        ).exists()

    def get(self, request, entry_id):
        return self.render(ConflictRevisionForm(review_submitted=self._submitted()))

    def post(self, request, entry_id):
        form = ConflictRevisionForm(request.POST, review_submitted=self._submitted())
        if response := self.invalid_or_closed(form):
            return response
        try:
            reviews.revise_to_conflict(
                self.member,
                self.entry,
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except reviews.ScoringClosed:
            return self.render(form, status=403)
        except reviews.ReasonRequired:
            # The review was submitted in another tab after this form loaded.
            form = ConflictRevisionForm(request.POST, review_submitted=True)
            form.is_valid()
            return self.render(form)
        except reviews.NothingToRevise:
            # Declared meanwhile in another tab: the entry has left the list.
            return redirect("jury:dashboard")
        messages.success(request, _conflict_message(self.entry))
        return redirect("jury:dashboard")

    def render(self, form, status=200):
        return super().render(
            form,
            status,
            declared_at=self.declaration.declared_at,
            submitted=self._submitted(),
        )


@require_GET
def photo(request, pk):
    """An entry's photo inline (its copy without EXIF), for the ``<img>`` of the
    scoring screen: whoever may download the file (:func:`permissions.can_download`:
    the secretariat, or a juror who may open the entry), 403 for anyone else."""
    entry_file = get_object_or_404(
        EntryFile.objects.select_related("entry"), pk=pk, entry__isnull=False
    )
    if not can_download(request.user, entry_file):
        return _forbidden(_("Nie masz uprawnień do oglądania plików tego zgłoszenia."))
    return inline_image_response(request, entry_file)
