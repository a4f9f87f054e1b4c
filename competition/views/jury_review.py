"""The jury's scoring screen (DESIGN §6): the entry's answers beside its
criteria, points and a comment per criterion, the draft autosave
(``static/js/jury.js``) and, once submitted, the confirmation with the change
form behind it. Optimistic locking by ``Review.version``: the form and its
autosave refuse a save in one place (:func:`save_refusal`) and save through
one routine (:func:`save_form`), both answering a refusal as
``(message, status)``.

Registered with the other jury screens in ``competition/wagtail_hooks.py``
(``/admin/jury/entries/<id>/``, ``.../change/`` and ``.../autosave/``).
"""

from fractions import Fraction

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages

from .. import reviews, scoring
from ..forms.scoring import ReviewForm, display_weight
from ..models import EntryFile, Review
from ..permissions import can_open_entry, jury_phase_open
from ..progress import next_unfinished
from .jury import (
    CLOSED_MESSAGE,
    JURY_ONLY_MESSAGE,
    LEFT_THE_LIST_MESSAGE,
    NOT_FOUND_MESSAGE,
    STALE_MESSAGE,
    EntryFormMixin,
    EntryMixin,
    JuryView,
    _phase_message,
    request_is_juror,
)


def save_refusal(edition, review, posted_version):
    """Why a save of ``review`` posted from a form holding ``posted_version``
    cannot go ahead: ``(message, status)``, or ``None`` when it may. The scoring
    form and its autosave ask the same two questions in the same order: is
    scoring open, and is this still the version the form was loaded with (no
    other tab or device saved in between)?"""
    if not jury_phase_open(edition):
        return _phase_message(edition) or CLOSED_MESSAGE, 403
    current = review.version if review else 0
    if (posted_version or "").strip() != str(current):
        return STALE_MESSAGE, 409
    return None


def save_form(view, form, *, submit=False, page=""):
    """Save the review from ``view``'s valid scoring ``form`` (the form's
    button, or its autosave naming its screen ``page``): ``(review, None)``, or
    ``(None, (message, status))`` when :func:`reviews.save_review` refuses it
    after :func:`save_refusal` let it through (another tab saved or declared a
    conflict in between, or scoring closed). The status says which: 409, 404
    (the entry has left the juror's list) or 403."""
    try:
        review = reviews.save_review(
            view.member,
            view.entry,
            form.scores(),
            version=form.cleaned_data["version"],
            submit=submit,
            reason=form.cleaned_data.get("reason", ""),
            user=view.request.user,
            page=page,
        )
    except reviews.StaleReview:
        return None, (STALE_MESSAGE, 409)
    except reviews.ScoringClosed:
        return None, (CLOSED_MESSAGE, 403)
    except reviews.NotOnTheList:
        return None, (LEFT_THE_LIST_MESSAGE, 404)
    return review, None


def draft_state(review):
    """The scoring screen's top line for a review not yet submitted; the
    autosave sends the same line after each save (``static/js/jury.js``)."""
    if review is None:
        return _("Ocena nierozpoczęta.")
    saved_at = formats.time_format(timezone.localtime(review.updated_at), "H:i")
    return _("Wersja robocza zapisana o %(time)s: ocena nie jest jeszcze złożona.") % {
        "time": saved_at
    }


class ReviewView(EntryFormMixin, JuryView):
    """The scoring screen: the entry's answers beside its criteria, a points
    input and a comment per criterion; save as draft or submit. Once submitted,
    the screen confirms it (when, the points read-only, what to do next); the
    ``change`` URL opens the form again, where a change needs a reason, while
    scoring is open. Optimistic locking by ``Review.version``."""

    template_name = "competition/jury/review.html"
    page_title = _("Ocena zgłoszenia")
    # The "change" URL: the form of a submitted review, with its reason field.
    changing = False

    def prepare(self, request, entry_id):
        self.setup_entry(entry_id)
        if not can_open_entry(request.user, self.entry):
            return redirect("jury:declaration", self.entry.pk)
        self.criteria = list(self.entry.category.criteria.all())
        self.review = (
            Review.objects.filter(entry=self.entry, member=self.member)
            .prefetch_related("scores", "versions")
            .first()
        )
        self.submitted = (
            self.review is not None and self.review.status == Review.Status.SUBMITTED
        )
        return None

    def get(self, request, entry_id):
        if self.changing and not (self.submitted and jury_phase_open(self.edition)):
            # Nothing to change yet, or no longer: the review's own screen.
            return redirect("jury:review", self.entry.pk)
        scores = self.review.scores.all() if self.review else []
        form = self._form(initial=ReviewForm.initial_for(self.review, scores))
        return self.render(form, confirmation=self.submitted and not self.changing)

    def post(self, request, entry_id):
        action = request.POST.get("action", "draft")
        submitting = action in ("submit", "submit_next") or self.submitted
        refusal = save_refusal(self.edition, self.review, request.POST.get("version"))
        if refusal is not None:
            # Checked before the fields: a stale tab hears about the other save,
            # not about a reason that its own form never asked for.
            form = self._form(data=request.POST, needs_reason=False)
            form.is_valid()
            return self.refuse(form, refusal)
        form = self._form(data=request.POST, submitting=submitting)
        if not form.is_valid():
            return self.render(form)
        review, refusal = save_form(self, form, submit=submitting)
        if refusal is not None:
            return self.refuse(form, refusal)
        if self.submitted:
            messages.success(
                request,
                _("Zmiana oceny zapisana (wersja %(number)s).")
                % {"number": review.versions.count()},
            )
        elif not submitting:
            messages.success(request, _("Wersja robocza zapisana."))
        elif action.endswith("_next"):
            # The confirmation screen is skipped: say it on the next one.
            messages.success(
                request,
                _(
                    "Ocena zgłoszenia %(reference)s złożona. Możesz ją zmienić "
                    "do końca oceny, podając powód."
                )
                % {"reference": self.entry.reference},
            )
        if action.endswith("_next"):
            return redirect(f"{reverse('jury:next')}?after={self.entry.pk}")
        return redirect("jury:review", self.entry.pk)

    def refuse(self, form, refusal):
        """The answer to a save refused with ``refusal``, ``(message, status)``."""
        message, status = refusal
        if status == 404:
            # A conflict declared in another tab a moment ago.
            messages.error(self.request, message)
            return redirect("jury:dashboard")
        form.add_error(None, message)
        return self.render(form, status=status)

    def _form(self, submitting=False, needs_reason=None, **kwargs):
        return ReviewForm(
            criteria=self.criteria,
            submitting=submitting,
            needs_reason=self.submitted if needs_reason is None else needs_reason,
            **kwargs,
        )

    def render(self, form, status=200, confirmation=False):
        entry = self.entry
        answers = {answer.criterion_id: answer.text for answer in entry.answers.all()}
        files = list(entry.files.all())
        versions = list(self.review.versions.all()) if self.review else []
        is_open = jury_phase_open(self.edition)
        return super().render(
            form,
            status,
            rows=[
                {
                    "criterion": criterion,
                    "answer": answers.get(criterion.pk, ""),
                    "weight": display_weight(criterion.weight),
                    "points": points,
                    "comment": comment,
                }
                for criterion, points, comment in form.rows()
            ],
            photos=[f for f in files if f.kind == EntryFile.Kind.PHOTO],
            presentations=[f for f in files if f.kind == EntryFile.Kind.PRESENTATION],
            review=self.review,
            submitted=self.submitted,
            draft_state=draft_state(self.review),
            confirmation=confirmation,
            summary=_submitted_summary(self.criteria, self.review)
            if confirmation
            else None,
            # The latest change, when the review changed after it was submitted.
            changed_at=versions[-1].created_at if len(versions) > 1 else None,
            versions=versions,
            autosave_url=reverse("jury:autosave", args=[entry.pk]),
            conflict_url=reverse("jury:conflict", args=[entry.pk]),
            change_url=reverse("jury:change", args=[entry.pk]),
            next_url=f"{reverse('jury:next')}?after={entry.pk}",
            # Where the confirmation's main button leads: the next review to
            # do, or back to the list when none is left.
            next_row=next_unfinished(self.request.user, entry.pk)
            if confirmation and is_open
            else None,
        )


def _submitted_summary(criteria, review):
    """The submitted review read-only: per criterion its points and comment,
    and the juror's weighted total as ``competition.scoring`` counts it."""
    scores = {score.criterion_id: score for score in review.scores.all()}
    rows = [
        {
            "criterion": criterion,
            "weight": display_weight(criterion.weight),
            "points": getattr(scores.get(criterion.pk), "points", None),
            "comment": getattr(scores.get(criterion.pk), "comment", ""),
        }
        for criterion in criteria
    ]
    points = {row["criterion"].pk: row["points"] for row in rows}
    specs = [scoring.CriterionSpec(c.pk, c.weight, c.max_points) for c in criteria]
    try:
        percent = scoring.juror_total(points, specs)
    except ValueError:
        return {"rows": rows, "total": None}  # a submitted review has every point
    total = {
        "points": sum(Fraction(c.weight) * points[c.pk] for c in criteria),
        "max": sum(Fraction(c.weight) * c.max_points for c in criteria),
        "percent": percent,
    }
    return {"rows": rows, "total": {k: float(v) for k, v in total.items()}}


class AutosaveView(EntryMixin, View):
    """The scoring screen's draft autosave (``static/js/jury.js``): the form's
    fields as POST, a JSON answer with the review's new version and the
    screen's new state line. Drafts only: a submitted review changes only
    through the form, with a reason. Each save names its screen (``page``), so
    the last save of a closing screen may follow that screen's own save still
    on its way (:func:`_followed_version`)."""

    def dispatch(self, request, *args, **kwargs):
        if not request_is_juror(request):
            return _json_error(JURY_ONLY_MESSAGE, 403)
        try:
            self.setup_entry(kwargs["entry_id"])
        except Http404:
            return _json_error(NOT_FOUND_MESSAGE, 404)
        if not can_open_entry(request.user, self.entry):
            return _json_error(NOT_FOUND_MESSAGE, 404)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, entry_id):
        page = request.POST.get("page", "")[:32]
        # A last save that follows this screen's own save still on its way may
        # meet that save mid-commit: read again once, then it follows it.
        for attempt in (1, 2):
            review = Review.objects.filter(entry=self.entry, member=self.member).first()
            data = request.POST.copy()
            data["version"] = _followed_version(request.POST, review, page)
            refusal = save_refusal(self.edition, review, data["version"])
            if refusal is not None:
                return _json_error(*refusal)
            if review and review.status == Review.Status.SUBMITTED:
                return _json_error(
                    _(
                        "Ocena jest złożona: zmianę zapisz przyciskiem, podając "
                        "jej powód."
                    ),
                    409,
                )
            form = ReviewForm(data=data, criteria=self.entry.category.criteria.all())
            if not form.is_valid():
                return JsonResponse(
                    {
                        "message": str(
                            _("Nie zapisano wersji roboczej: popraw zaznaczone pola.")
                        ),
                        "errors": {
                            form[name].auto_id: [str(error) for error in errors]
                            for name, errors in form.errors.items()
                            if name in form.fields
                        },
                    },
                    status=400,
                )
            review, refusal = save_form(self, form, page=page)
            if refusal is None:
                break
            if refusal[1] == 409 and attempt == 1 and request.POST.get("follows"):
                continue
            return _json_error(*refusal)
        saved_at = formats.time_format(timezone.localtime(review.updated_at), "H:i")
        return JsonResponse(
            {
                "version": review.version,
                "message": str(
                    _("Wersja robocza zapisana automatycznie o %(time)s.")
                    % {"time": saved_at}
                ),
                "state": str(draft_state(review)),
            }
        )


def _followed_version(posted, review, page):
    """The version an autosave is made from. Normally the posted one. A screen
    closing while its previous save is on its way sends its last fields from
    the version that save started from, with ``follows``: when the current
    version was made by that very screen (``Review.saved_by_page``) one save
    after the posted one, nobody else saved in between and the last fields
    follow it. Anything else is checked as posted (and refused if stale)."""
    version = posted.get("version", "")
    if (
        posted.get("follows")
        and page
        and review is not None
        and review.saved_by_page == page
        and version.strip() == str(review.version - 1)
    ):
        return str(review.version)
    return version


def _json_error(message, status):
    return JsonResponse({"message": str(message)}, status=status)
