"""The secretariat's formal-check form: the edition's checklist, a note, and a
decision with what the applicant is told."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from ..dates import WARSAW, warsaw_time
from ..formal_check import (
    DECISION_LABELS,
    correctable_fields,
    correction_window_open,
    default_correction_deadline,
)
from ..models import FormalCheck, Status

CRITERION_PREFIX = "criterion_"


class WarsawDateTimeField(forms.DateTimeField):
    """A moment typed and shown as Warsaw time, whatever time zone the admin
    user has chosen in their profile (the deadline is Warsaw's, as the rules)."""

    def to_python(self, value):
        with timezone.override(WARSAW):
            return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            return timezone.make_naive(value, WARSAW)
        return value


class FormalCheckForm(forms.Form):
    """One tick box per requirement (``criterion_<id>``), the internal note,
    the decision, the message for the applicant and, for a correction, the
    fields to correct and the deadline."""

    note = forms.CharField(
        label=_("Notatka wewnętrzna"),
        help_text=_("Widzi ją tylko sekretariat."),
        required=False,
        max_length=FormalCheck._meta.get_field("note").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decision = forms.ChoiceField(
        label=_("Decyzja"),
        choices=[(status.value, label) for status, label in DECISION_LABELS.items()],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Wiadomość dla zgłaszającego"),
        help_text=_(
            "Wymagana przy decyzji „nie spełnia” (uzasadnienie) i „do poprawy” "
            "(co poprawić). Zgłaszający zobaczy ją na stronie statusu i w e-mailu."
        ),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    correction_fields = forms.MultipleChoiceField(
        label=_("Pola do poprawy"),
        help_text=_("Tylko przy decyzji „do poprawy”: zgłaszający poprawi te pola."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    correction_deadline = WarsawDateTimeField(
        label=_("Termin poprawy (czas warszawski)"),
        help_text=_("Tylko przy decyzji „do poprawy”. Najpóźniej %(latest)s."),
        required=False,
        widget=AdminDateTimeInput,
    )

    def __init__(
        self, entry, criteria, *args, previous=None, category_criteria=None, **kwargs
    ):
        """``criteria``: the edition's FormalCriterion list; ``previous``: the
        entry's earlier FormalCheck, whose ticks and note are the starting point;
        ``category_criteria``: the category's criteria if the caller has them."""
        self.entry = entry
        self.criteria = list(criteria)
        super().__init__(*args, **kwargs)
        edition = entry.edition
        earlier = previous.results if previous else {}
        checklist = {}
        for criterion in self.criteria:
            name = f"{CRITERION_PREFIX}{criterion.pk}"
            checklist[name] = forms.BooleanField(label=criterion.text, required=False)
            self.initial.setdefault(name, bool(earlier.get(str(criterion.pk))))
        # The checklist first, in the edition's order.
        self.fields = {**checklist, **self.fields}
        if previous:
            self.initial.setdefault("note", previous.note)
        self.fields["correction_fields"].choices = correctable_fields(
            entry, category_criteria
        )
        deadline = self.fields["correction_deadline"]
        deadline.help_text = deadline.help_text % {
            "latest": warsaw_time(edition.jury_opens_at)
        }
        # In the jury phase no correction window is left: the screen says so
        # and offers only the decisions that remain.
        self.correction_closed = not correction_window_open(edition)
        if self.correction_closed:
            self.fields["decision"].choices = [
                choice
                for choice in self.fields["decision"].choices
                if choice[0] != Status.NEEDS_CORRECTION
            ]
            self.correction_closed_text = _(
                "Na poprawę nie ma już czasu: ocena jury trwa od %(jury_opens)s. "
                "Zgłoszenie można tylko dopuścić albo odrzucić."
            ) % {"jury_opens": warsaw_time(edition.jury_opens_at)}
        else:
            self.initial.setdefault(
                "correction_deadline", default_correction_deadline(edition)
            )

    def checklist(self):
        return [
            self[f"{CRITERION_PREFIX}{criterion.pk}"] for criterion in self.criteria
        ]

    def details(self):
        return [self[name] for name in ("note", "decision", "reason")]

    def correction(self):
        if self.correction_closed:
            return []
        return [self[name] for name in ("correction_fields", "correction_deadline")]

    @property
    def results(self):
        """``{criterion id: met}`` as ticked."""
        return {
            criterion.pk: self.cleaned_data.get(f"{CRITERION_PREFIX}{criterion.pk}")
            for criterion in self.criteria
        }

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        reason = (cleaned.get("reason") or "").strip()
        cleaned["reason"] = reason
        if decision != Status.NEEDS_CORRECTION:
            # The correction's fields are only read for a correction: a
            # mistyped date must not block another decision.
            for name in ("correction_fields", "correction_deadline"):
                self._errors.pop(name, None)
            cleaned["correction_fields"] = []
            cleaned["correction_deadline"] = None
        if decision == Status.ELIGIBLE:
            for criterion in self.criteria:
                if not cleaned.get(f"{CRITERION_PREFIX}{criterion.pk}"):
                    self.add_error(
                        "decision",
                        _(
                            "Zaznaczono, że wymóg „%(requirement)s” nie jest "
                            "spełniony. Zaznacz go albo wybierz inną decyzję."
                        )
                        % {"requirement": criterion.text},
                    )
        elif decision == Status.INELIGIBLE:
            if not reason:
                self.add_error(
                    "reason",
                    _("Podaj uzasadnienie – zgłaszający zobaczy je w e-mailu."),
                )
        elif decision == Status.NEEDS_CORRECTION:
            self._clean_correction(cleaned, reason)
        return cleaned

    def _clean_correction(self, cleaned, reason):
        if not reason:
            self.add_error(
                "reason", _("Napisz zgłaszającemu, co i dlaczego ma poprawić.")
            )
        if not cleaned.get("correction_fields"):
            self.add_error(
                "correction_fields", _("Wybierz co najmniej jedno pole do poprawy.")
            )
        deadline = cleaned.get("correction_deadline")
        jury_opens = self.entry.edition.jury_opens_at
        if deadline is None:
            if "correction_deadline" not in self.errors:
                self.add_error("correction_deadline", _("Podaj termin poprawy."))
        elif deadline <= timezone.now():
            self.add_error(
                "correction_deadline", _("Termin poprawy musi być w przyszłości.")
            )
        elif deadline > jury_opens:
            self.add_error(
                "correction_deadline",
                _(
                    "Termin poprawy nie może być późniejszy niż początek oceny "
                    "jury (%(jury_opens)s)."
                )
                % {"jury_opens": warsaw_time(jury_opens)},
            )
