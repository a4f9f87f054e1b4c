"""The jury's screens in the admin (DESIGN §6): the dashboard, the declaration of
conflict of interest (and a conflict declared later, from the scoring screen)
and the inline photos; and the secretariat's progress screen (counts only).
The scoring screen and its autosave are in ``jury_review.py``.

Registered as viewsets in ``competition/wagtail_hooks.py`` (``/admin/jury/``
and ``/admin/competition/jury-progress/``). The jury group holds no model
permissions: every view here checks membership, assignment and declaration
itself (``competition/permissions.py``). A juror only ever reaches their own
review: no URL or form field names a review or a member, both follow from the
signed-in user and the entry.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
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
from ..forms.scoring import (
    ConflictRevisionForm,
    DeclarationForm,
)
from ..models import (
    CompetitionPage,
    ConflictDeclaration,
    Entry,
    EntryFile,
    JuryMember,
    Review,
)
from ..permissions import (
    JURY_STATES,
    assignment_for,
    can_download,
    can_view_jury_progress,
    is_juror,
    jury_phase_open,
    live_assignments,
    memberships,
)

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


def _forbidden():
    # Not PermissionDenied: Wagtail's admin would turn it into a redirect home.
    return HttpResponseForbidden(
        JURY_ONLY_MESSAGE, content_type="text/plain; charset=utf-8"
    )


def _phase_message(edition, now=None):
    now = now or timezone.now()
    if edition.scoring_closed(now):
        return CLOSED_MESSAGE
    if now < edition.jury_opens_at:
        return NOT_OPEN_MESSAGE
    return ""


# -- the juror's assignments ----------------------------------------------------


@dataclass
class AssignmentRow:
    """One assignment as the dashboard lists it."""

    DECLARE = "declare"
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    LABELS = {
        DECLARE: _("wymaga deklaracji bezstronności"),
        NOT_STARTED: _("nierozpoczęta"),
        DRAFT: _("wersja robocza"),
        SUBMITTED: _("złożona"),
    }
    ACTIONS = {
        DECLARE: _("Złóż deklarację"),
        NOT_STARTED: _("Oceń"),
        DRAFT: _("Kontynuuj ocenę"),
        SUBMITTED: _("Zobacz ocenę"),
    }

    entry: Entry
    member: JuryMember
    status: str

    @property
    def label(self):
        return self.LABELS[self.status]

    @property
    def action(self):
        return self.ACTIONS[self.status]

    @property
    def url(self):
        if self.status == self.DECLARE:
            return reverse("jury:declaration", args=[self.entry.pk])
        return reverse("jury:review", args=[self.entry.pk])

    @property
    def finished(self):
        return self.status == self.SUBMITTED

    @property
    def urgency(self):
        """Sort key: a draft to finish, then the rest to do, then submitted."""
        return (self.finished, self.status != self.DRAFT)


def assignment_rows(members):
    """Every live assignment of ``members`` with its status, in four queries
    whatever their number; per member, what still needs doing first."""
    members = list(members)
    assignments = live_assignments(members).select_related("entry", "entry__category")
    declared = set(
        ConflictDeclaration.objects.filter(
            member__in=members, has_conflict=False
        ).values_list("entry_id", "member_id")
    )
    statuses = {
        (entry_id, member_id): status
        for entry_id, member_id, status in Review.objects.filter(
            member__in=members
        ).values_list("entry_id", "member_id", "status")
    }
    by_pk = {member.pk: member for member in members}
    position = {member.pk: index for index, member in enumerate(members)}
    rows = []
    for assignment in assignments:
        key = (assignment.entry_id, assignment.member_id)
        if key not in declared:
            status = AssignmentRow.DECLARE
        elif statuses.get(key) == Review.Status.SUBMITTED:
            status = AssignmentRow.SUBMITTED
        elif statuses.get(key) == Review.Status.DRAFT:
            status = AssignmentRow.DRAFT
        else:
            status = AssignmentRow.NOT_STARTED
        rows.append(
            AssignmentRow(
                entry=assignment.entry,
                member=by_pk[assignment.member_id],
                status=status,
            )
        )
    # Edition by edition as the dashboard shows them; within each, what still
    # needs doing first: reviews begun, then the rest to do, submitted last (a
    # stable sort keeps the entries' order within each group).
    rows.sort(key=lambda row: (position[row.member.pk], *row.urgency))
    return rows


def next_unfinished(user, after_entry_id=None):
    """The juror's next assignment not yet submitted in an edition open for
    scoring, after ``after_entry_id`` in the dashboard's order (wrapping
    round); ``None`` when nothing is left."""
    rows = [
        row
        for row in assignment_rows(ordered_memberships(user))
        if jury_phase_open(row.member.edition)
    ]
    positions = [row.entry.pk for row in rows]
    if after_entry_id in positions:
        index = positions.index(after_entry_id)
        rows = rows[index + 1 :] + rows[:index]
    return next((row for row in rows if not row.finished), None)


def ordered_memberships(user):
    """The user's jury memberships with their editions, newest jury phase
    first (the order of the dashboard and of "next")."""
    return (
        memberships(user)
        .select_related("edition__locale")
        .order_by("-edition__jury_opens_at", "pk")
    )


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


class DeclarationView(EntryMixin, JuryView):
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
        if not jury_phase_open(self.edition):
            return self.render(form, status=403)
        if not form.is_valid():
            return self.render(form)
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

    def render(self, form, status=200):
        context = self.get_context_data(
            entry=self.entry,
            form=form,
            open=jury_phase_open(self.edition),
            phase_message=_phase_message(self.edition),
        )
        return self.render_to_response(context, status=status)


def _conflict_message(entry):
    return _(
        "Zgłosiłeś(-aś) konflikt interesów wobec zgłoszenia "
        "%(reference)s. Nie będziesz go oceniać i zniknęło z Twojej "
        "listy; sekretariat konkursu zobaczy Twoją deklarację."
    ) % {"reference": entry.reference}


class ConflictRevisionView(EntryMixin, JuryView):
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
        if not jury_phase_open(self.edition):
            return self.render(form, status=403)
        if not form.is_valid():
            return self.render(form)
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
        context = self.get_context_data(
            entry=self.entry,
            form=form,
            declared_at=self.declaration.declared_at,
            submitted=self._submitted(),
            open=jury_phase_open(self.edition),
            phase_message=_phase_message(self.edition),
        )
        return self.render_to_response(context, status=status)


@require_GET
def photo(request, pk):
    """An entry's photo inline (its copy without EXIF), for the ``<img>`` of the
    scoring screen: whoever may download the file (:func:`permissions.can_download`:
    the secretariat, or a juror who may open the entry), 403 for anyone else."""
    entry_file = get_object_or_404(
        EntryFile.objects.select_related("entry"), pk=pk, entry__isnull=False
    )
    if not can_download(request.user, entry_file):
        return HttpResponseForbidden(
            _("Nie masz uprawnień do oglądania plików tego zgłoszenia."),
            content_type="text/plain; charset=utf-8",
        )
    return inline_image_response(request, entry_file)


# -- the secretariat's progress screen -------------------------------------------


class ProgressView(WagtailAdminTemplateMixin, View):
    """During scoring the secretariat sees how far the jury is, per juror and per
    entry: assigned, declared, conflicts, submitted. Counts only: no points, no
    comments, no link to a review."""

    template_name = "competition/jury/progress.html"
    page_title = _("Postęp oceny jury")
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_jury_progress(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request):
        editions = list(
            CompetitionPage.objects.filter(jury_members__isnull=False)
            .distinct()
            .order_by("-jury_opens_at", "pk")
        )
        chosen = request.GET.get("edition")
        edition = next(
            (page for page in editions if str(page.pk) == chosen),
            editions[0] if editions else None,
        )
        context = {"editions": editions, "edition": edition}
        if edition is not None:
            context.update(progress_counts(edition))
        return self.render_to_response(self.get_context_data(**context))


def progress_counts(edition):
    """Per juror and per entry of ``edition``: live assignments, declarations of
    no conflict, conflicts and submitted reviews (counts only), in a fixed
    number of queries."""
    members = list(
        edition.jury_members.select_related("user").order_by(
            "user__last_name", "user__first_name", "user__username"
        )
    )
    entries = list(
        Entry.objects.filter(edition=edition, status__in=JURY_STATES)
        .select_related("category")
        .order_by("number", "pk")
    )
    assigned = set(live_assignments(members).values_list("entry_id", "member_id"))
    declarations = list(
        ConflictDeclaration.objects.filter(member__in=members).values_list(
            "entry_id", "member_id", "has_conflict"
        )
    )
    submitted = set(
        Review.objects.filter(
            member__in=members, status=Review.Status.SUBMITTED
        ).values_list("entry_id", "member_id")
    )
    declared = {(e, m) for e, m, conflict in declarations if not conflict}
    conflicts = {(e, m) for e, m, conflict in declarations if conflict}

    live_declared = assigned & declared
    live_submitted = assigned & submitted
    columns = {
        "assigned": assigned,
        "declared": live_declared,
        "conflicts": conflicts,
        "submitted": live_submitted,
    }
    per_entry = {
        name: Counter(entry_id for entry_id, _member in pairs)
        for name, pairs in columns.items()
    }
    per_member = {
        name: Counter(member_id for _entry, member_id in pairs)
        for name, pairs in columns.items()
    }
    juror_rows = [
        {"member": member} | {name: per_member[name][member.pk] for name in columns}
        for member in members
    ]
    entry_rows = [
        {"entry": entry} | {name: per_entry[name][entry.pk] for name in columns}
        for entry in entries
    ]
    return {
        "juror_rows": juror_rows,
        "entry_rows": entry_rows,
        "total_assigned": len(assigned),
        "total_submitted": len(live_submitted),
    }
