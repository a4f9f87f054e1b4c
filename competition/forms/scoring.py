"""The juror's forms: the declaration of (no) conflict of interest, a conflict
declared later, and the review with points and a comment per criterion."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from ..models import ConflictDeclaration
from ..reviews import CriterionScore
from .rendering import AccessibleFormMixin

NO_CONFLICT = "no"
CONFLICT = "yes"


def display_weight(weight):
    """A criterion's weight as people write it: "2", "1,5" (not "2.00")."""
    if weight == weight.to_integral_value():
        return formats.localize(int(weight))
    return formats.localize(weight.normalize())


class DeclarationForm(AccessibleFormMixin, forms.Form):
    answer = forms.ChoiceField(
        label=_("Twoja deklaracja"),
        choices=[
            (NO_CONFLICT, _("Nie mam konfliktu interesów")),
            (CONFLICT, _("Mam konflikt interesów")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Wybierz, czy masz konflikt interesów."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Rodzaj konfliktu interesów"),
        choices=[("", _("— wybierz —"))] + ConflictDeclaration.Kind.choices,
        required=False,
        help_text=_("Tylko jeśli masz konflikt interesów."),
    )
    note = forms.CharField(
        label=_("Wyjaśnienie (nieobowiązkowe)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "declaration-%s")
        super().__init__(*args, **kwargs)

    @property
    def has_conflict(self):
        return self.cleaned_data["answer"] == CONFLICT

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == CONFLICT and not cleaned.get("kind"):
            self.add_error(
                "kind", _("Wybierz rodzaj konfliktu interesów, który zgłaszasz.")
            )
        return cleaned


class ConflictRevisionForm(DeclarationForm):
    """A conflict declared on an entry already declared free of one: the answer
    is given, so only its kind (required) and a note remain."""

    has_conflict = True

    def __init__(self, *args, review_submitted=False, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["answer"]
        if review_submitted:
            # Withdrawing a submitted review is a change to it: like any other
            # change after submitting, it needs a reason (DESIGN §6).
            note = self.fields["note"]
            note.required = True
            note.label = _("Wyjaśnienie")
            note.error_messages["required"] = _(
                "Twoja ocena jest już złożona: napisz, skąd konflikt interesów. "
                "Wyjaśnienie zostanie zapisane w dzienniku konkursu."
            )
        kind = self.fields["kind"]
        kind.required = True
        kind.help_text = ""
        kind.error_messages["required"] = _(
            "Wybierz rodzaj konfliktu interesów, który zgłaszasz."
        )


class ReviewForm(AccessibleFormMixin, forms.Form):
    """Points (0..max) and a comment per criterion of the entry's category.

    ``submitting``: points are then required for every criterion.
    ``needs_reason``: the review was submitted before, so a change needs a reason.
    Only the given criteria have fields: whatever else a request carries is
    ignored.
    """

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Powód zmiany oceny"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Ocena jest już złożona: każda zmiana wymaga uzasadnienia, które "
            "zachowamy razem z poprzednią wersją."
        ),
    )

    def __init__(self, *args, criteria, submitting=False, needs_reason=False, **kwargs):
        kwargs.setdefault("auto_id", "review-%s")
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.submitting = submitting
        self.needs_reason = needs_reason
        if not needs_reason:
            del self.fields["reason"]
        for criterion in self.criteria:
            message = _("Wpisz liczbę punktów od 0 do %(max)s.") % {
                "max": criterion.max_points
            }
            points = forms.IntegerField(
                label=_("Punkty: %(criterion)s") % {"criterion": criterion.label},
                required=False,
                min_value=0,
                max_value=criterion.max_points,
                # The weight is said once, beside the criterion (review.html).
                help_text=_("od 0 do %(max)s pkt") % {"max": criterion.max_points},
                error_messages={
                    "invalid": message,
                    "min_value": message,
                    "max_value": message,
                },
                widget=forms.NumberInput(
                    attrs={
                        "min": 0,
                        "max": criterion.max_points,
                        "step": 1,
                        # For the running weighted total (static/js/jury.js).
                        "data-weight": str(criterion.weight),
                    }
                ),
            )
            self.fields[f"points_{criterion.pk}"] = points
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Komentarz: %(criterion)s") % {"criterion": criterion.label},
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def rows(self):
        """(criterion, points field, comment field) for the template."""
        return [
            (
                criterion,
                self[f"points_{criterion.pk}"],
                self[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
        ]

    def clean(self):
        cleaned = super().clean()
        if self.submitting:
            for criterion in self.criteria:
                name = f"points_{criterion.pk}"
                if name not in self.errors and cleaned.get(name) is None:
                    self.add_error(
                        name,
                        _(
                            "Przyznaj punkty za to kryterium (od 0 do %(max)s), "
                            "aby złożyć ocenę."
                        )
                        % {"max": criterion.max_points},
                    )
        if self.needs_reason and not (cleaned.get("reason") or "").strip():
            self.add_error(
                "reason",
                _("Napisz, dlaczego zmieniasz złożoną ocenę."),
            )
        return cleaned

    def scores(self):
        return [
            CriterionScore(
                criterion=criterion,
                points=self.cleaned_data.get(f"points_{criterion.pk}"),
                comment=(
                    self.cleaned_data.get(f"comment_{criterion.pk}") or ""
                ).strip(),
            )
            for criterion in self.criteria
        ]

    @classmethod
    def initial_for(cls, review, scores):
        """Initial values from the saved review (``None`` before the first save)."""
        initial = {"version": review.version if review else 0}
        for score in scores:
            initial[f"points_{score.criterion_id}"] = score.points
            initial[f"comment_{score.criterion_id}"] = score.comment
        return initial
