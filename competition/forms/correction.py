"""The applicant's correction of the fields the secretariat flagged.

What may be flagged on an entry is decided once, by :func:`correctable`: the
formal check offers exactly that, and the form shows the flagged part of it
(``Entry.correction_fields``, named as the submission form's fields in DESIGN
§5), prefilled and checked by the same rules as at submission.
"""

from django.utils.translation import gettext_lazy as _

from ..models.entries import Entry, EntryAnswer
from .entry import ANSWER_PREFIX, EntryFieldsForm, nominee_fields, required_fields

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
# What a new legal form may bring that was not flagged: see ``clean()``.
BROUGHT_BY_LEGAL_FORM = ("krs", "running_entity_name")


def correctable(entry, criteria):
    """What the secretariat may ask the applicant of ``entry`` to correct, in
    the submission form's order: ``(name, criterion)`` pairs, ``criterion``
    being ``None`` for an entry field and the criterion of ``criteria`` for an
    answer (``answer_<id>``). The formal check offers exactly these;
    :class:`CorrectionForm` shows the flagged ones."""
    pairs = [
        (name, None)
        for name in nominee_fields(entry.nominee_kind)
        if name not in NOT_CORRECTABLE
    ]
    pairs += [(f"{ANSWER_PREFIX}{criterion.pk}", criterion) for criterion in criteria]
    return pairs


def field_label(name):
    """The label of one of :data:`ENTRY_FIELDS`, as the entry names it."""
    if name == "powiat":
        return _("powiat")
    return Entry._meta.get_field(name).verbose_name


class CorrectionForm(EntryFieldsForm):
    """The flagged fields of ``entry``, prefilled with what was submitted and
    checked as at submission (only these fields are sent)."""

    def __init__(self, entry, *args, **kwargs):
        self.entry = entry
        kwargs.setdefault("auto_id", f"entry-{entry.pk}-%s")
        super().__init__(*args, instance=entry, **kwargs)
        self.error_summary_id = self.auto_id % "error-summary"
        flagged = set(entry.correction_fields or [])
        offered = [
            (name, criterion)
            for name, criterion in correctable(entry, entry.category.criteria.all())
            if name in flagged
        ]
        shown = {name for name, _criterion in offered}
        for name in [name for name in self.fields if name not in shown]:
            del self.fields[name]
        criteria = [criterion for _name, criterion in offered if criterion]
        self.criteria = dict(
            zip(self.add_answer_fields(criteria), criteria, strict=True)
        )
        answers = {answer.criterion_id: answer.text for answer in entry.answers.all()}
        for name, criterion in self.criteria.items():
            self.fields[name].required = True
            self.initial[name] = answers.get(criterion.pk, "")
        # A new legal form decides the KRS and the running entity: see clean().
        legal_form = "" if "legal_form" in self.fields else entry.legal_form
        for name in required_fields(entry.nominee_kind, legal_form):
            if name in self.fields:
                self.fields[name].required = True

    def clean(self):
        cleaned = super().clean()
        if "legal_form" in self.fields:
            # A new legal form may bring a KRS or a running entity that was not
            # flagged: ask the secretariat rather than accept an incomplete entry.
            required = required_fields(
                self.entry.nominee_kind,
                cleaned.get("legal_form", self.entry.legal_form),
            )
            self.missing(
                [name for name in BROUGHT_BY_LEGAL_FORM if name in required], cleaned
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
