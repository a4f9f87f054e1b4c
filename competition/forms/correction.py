"""The applicant's correction of the fields the secretariat flagged.

What may be flagged on an entry is decided once, by :func:`correctable`: the
formal check offers exactly that, and the form shows the flagged part of it
(``Entry.correction_fields``, named as the submission form's fields in DESIGN
§5), prefilled and checked by the same rules as at submission.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from home import teryt

from .. import reference, submission
from ..models.entries import Entry, EntryAnswer, NomineeKind
from ..validators import (
    clean_krs,
    clean_nip,
    clean_phone,
    clean_postal_code,
    clean_regon,
)
from .errors import DescribedErrorsMixin

ANSWER_PREFIX = "answer_"

# Submitted fields that are never flagged. The kind of nominee and who
# nominates follow from the category and the applicant's choice: changing them
# makes another entry, not a corrected one. The laureate year and the nominee's
# own contact details have no correction field (yet).
NOT_CORRECTABLE = frozenset(
    {
        "nominee_kind",
        "nomination",
        "previous_award_year",
        "nominee_email",
        "nominee_phone",
    }
)

# Fields the secretariat may flag, in the order the submission form shows them.
ENTRY_FIELDS = tuple(
    name for name in submission.ENTRY_FIELDS if name not in NOT_CORRECTABLE
)

# Optional at submission whatever the entry is (KRS and the running entity
# depend on the legal form: see ``CorrectionForm._is_required``).
OPTIONAL_FIELDS = frozenset({"regon", "website", "video_url"})
# The submission form shows these to one kind of nominee only (a person has
# no street address in it, an organisation no person's name).
ORGANISATION_ONLY = frozenset(
    {
        "organisation_name",
        "legal_form",
        "running_entity_name",
        "nip",
        "regon",
        "krs",
        "street",
    }
)
PERSON_ONLY = frozenset({"person_name"})


def correctable(entry, criteria):
    """What the secretariat may ask the applicant of ``entry`` to correct, in
    the submission form's order: ``(name, criterion)`` pairs, ``criterion``
    being ``None`` for an entry field and the criterion of ``criteria`` for an
    answer (``answer_<id>``). The formal check offers exactly these;
    :class:`CorrectionForm` shows the flagged ones."""
    other_kind = (
        ORGANISATION_ONLY if entry.nominee_kind == NomineeKind.PERSON else PERSON_ONLY
    )
    pairs = [(name, None) for name in ENTRY_FIELDS if name not in other_kind]
    pairs += [(f"{ANSWER_PREFIX}{criterion.pk}", criterion) for criterion in criteria]
    return pairs


def field_label(name):
    """The label of one of :data:`ENTRY_FIELDS`, as the entry names it."""
    if name == "powiat":
        return _("powiat")
    return Entry._meta.get_field(name).verbose_name


def _text(model_field, textarea=False):
    field = Entry._meta.get_field(model_field)
    return forms.CharField(
        label=field.verbose_name,
        max_length=field.max_length,
        widget=forms.Textarea(attrs={"rows": 6}) if textarea else forms.TextInput,
    )


def _build_entry_field(name):
    """The form field for one of :data:`ENTRY_FIELDS`, labelled as on the entry."""
    label = field_label(name)
    if name == "legal_form":
        return forms.ChoiceField(
            label=label, choices=[("", "—"), *reference.legal_form_choices()]
        )
    if name == "powiat":
        return forms.ChoiceField(
            label=label, choices=[("", "—"), *teryt.powiat_choices()]
        )
    if name in ("website", "video_url"):
        return forms.URLField(
            label=label,
            max_length=Entry._meta.get_field(name).max_length,
            assume_scheme="https",
            widget=forms.URLInput(attrs={"inputmode": "url"}),
        )
    if name == "email":
        return forms.EmailField(label=label, max_length=254, widget=forms.EmailInput())
    if name == "phone":
        return forms.CharField(
            label=label,
            max_length=Entry._meta.get_field(name).max_length,
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        )
    if name in ("nip", "regon", "krs", "postal_code"):
        # The stored value is normalised; what applicants type may carry
        # spaces and dashes, so the input is a little longer.
        field = forms.CharField(label=label, max_length=20)
        field.widget.attrs["inputmode"] = "numeric"
        return field
    return _text(name, textarea=name == "summary")


class CorrectionForm(DescribedErrorsMixin, forms.Form):
    """The flagged fields of ``entry``, prefilled with what was submitted."""

    def __init__(self, entry, *args, **kwargs):
        self.entry = entry
        kwargs.setdefault("auto_id", f"entry-{entry.pk}-%s")
        super().__init__(*args, **kwargs)
        flagged = set(entry.correction_fields or [])
        answers = {answer.criterion_id: answer for answer in entry.answers.all()}
        self.criteria = {}
        for name, criterion in correctable(entry, entry.category.criteria.all()):
            if name not in flagged:
                continue
            if criterion is None:
                field = _build_entry_field(name)
                field.required = self._is_required(name)
                self.fields[name] = field
                self.initial[name] = getattr(entry, name)
                continue
            self.criteria[name] = criterion
            self.fields[name] = forms.CharField(
                label=criterion.localized_question,
                max_length=criterion.answer_max_length,
                widget=forms.Textarea(attrs={"rows": 8}),
                help_text=ngettext(
                    "Najwyżej %(count)d znak.",
                    "Najwyżej %(count)d znaków.",
                    criterion.answer_max_length,
                )
                % {"count": criterion.answer_max_length},
            )
            answer = answers.get(criterion.pk)
            self.initial[name] = answer.text if answer else ""

    def _is_required(self, name):
        if name in OPTIONAL_FIELDS:
            return False
        if name in ("krs", "running_entity_name"):
            if "legal_form" in self.fields:
                return False  # depends on the new legal form: see clean()
            if name == "krs":
                form = reference.legal_form(self.entry.legal_form)
                return bool(form and form["has_krs"])
            return self.entry.legal_form in reference.RUN_BY_ANOTHER_ENTITY
        return True

    def clean_nip(self):
        return clean_nip(self.cleaned_data["nip"])

    def clean_regon(self):
        value = self.cleaned_data["regon"]
        return clean_regon(value) if value else ""

    def clean_krs(self):
        value = self.cleaned_data["krs"]
        return clean_krs(value) if value else ""

    def clean_postal_code(self):
        return clean_postal_code(self.cleaned_data["postal_code"])

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        legal_form = cleaned.get("legal_form", self.entry.legal_form)
        # A new legal form may bring a KRS or a running entity that was not
        # flagged: ask the secretariat rather than accept an incomplete entry.
        form = reference.legal_form(legal_form)
        if "legal_form" in self.fields and form:
            krs = cleaned.get("krs", self.entry.krs)
            if form["has_krs"] and not krs and "krs" in self.fields:
                self.add_error("krs", _("Ta forma prawna wymaga numeru KRS."))
            running = cleaned.get("running_entity_name", self.entry.running_entity_name)
            if (
                legal_form in reference.RUN_BY_ANOTHER_ENTITY
                and not running
                and "running_entity_name" in self.fields
            ):
                self.add_error(
                    "running_entity_name",
                    _("Podaj nazwę podmiotu, który prowadzi tę jednostkę."),
                )
        return cleaned

    def changed_fields(self):
        """Names of the fields whose value differs from what was submitted."""
        return [name for name in self.fields if name in self.changed_data]

    def save(self):
        """Write the corrected values to the entry and its answers (no commit
        of the state: the caller moves the entry on in the same transaction)."""
        entry = self.entry
        for name in self.fields:
            value = self.cleaned_data[name]
            if name in self.criteria:
                EntryAnswer.objects.update_or_create(
                    entry=entry,
                    criterion=self.criteria[name],
                    defaults={"text": value},
                )
            else:
                setattr(entry, name, value)
        entry.save()
        return entry
