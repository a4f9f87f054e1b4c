"""The public submission form of one category (field names: DESIGN §5).

The form only validates; ``competition/submission.py`` saves. The entry's own
fields are declared once, in ``forms/entry.py``. Files are checked by
``competition/uploads.py`` while the form cleans, so a rejected file is reported
next to its field like any other mistake.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import submission, uploads
from ..models import Nomination, NomineeKind
from .entry import ANSWER_PREFIX, EntryFieldsForm, required_fields

HONEYPOT = "fax_number"
# Mistakes that stop even a draft: without a valid e-mail nobody could come back
# to it, and a filled honeypot is a bot.
DRAFT_BLOCKERS = ("email", HONEYPOT, "nominee_kind")
CONSENTS = ("consent_rules", "consent_data", "consent_image_publication")
# The consents without which an entry is not accepted.
REQUIRED_CONSENTS = ("consent_rules", "consent_data")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleaned to a list (possibly empty)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


# The fields in the order the page shows them (the error summary follows it):
# the nominee's names and numbers first, then where, who to contact and what;
# the criteria's answers go after "summary", the files before the video link.
_CONTACT_ONWARDS = submission.ENTRY_FIELDS[
    submission.ENTRY_FIELDS.index("contact_name") : -1
]
PAGE_ORDER = (
    "nominee_kind",
    "nomination",
    "organisation_name",
    "person_name",
    "legal_form",
    "running_entity_name",
    "nip",
    "regon",
    "krs",
    "website",
    "previous_award_year",
    "street",
    "postal_code",
    "city",
    "powiat",
    *_CONTACT_ONWARDS,
    "photos",
    "presentation",
    "video_url",
    *CONSENTS,
)
# A consent's label is its whole sentence: the error summary names it shortly.
SUMMARY_LABELS = {
    "consent_rules": _("Zgoda: regulamin konkursu"),
    "consent_data": _("Zgoda: dane osobowe"),
    "consent_image_publication": _("Zgoda: publikacja wizerunku"),
}


class EntryForm(EntryFieldsForm):
    """One category's form. ``kept_files`` are files accepted by an earlier,
    unsuccessful attempt (or saved with a draft), which count towards limits."""

    photos = MultipleFileField(
        label=_("Zdjęcia"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    presentation = forms.FileField(label=_("Prezentacja"), required=False)
    consent_rules = forms.BooleanField(required=False)
    consent_data = forms.BooleanField(required=False)
    consent_image_publication = forms.BooleanField(required=False)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    # A field people never see: bots fill it in.
    fax_number = forms.CharField(
        label=_("Zostaw to pole puste"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(
        self,
        *args,
        edition,
        category,
        consent_texts,
        kept_files=(),
        for_draft=False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.category = category
        self.consent_texts = consent_texts
        self.kept_files = list(kept_files)
        self.for_draft = for_draft
        self.criteria = list(category.criteria.all())
        self.accepted_files = []  # (field name, uploaded file, CheckedFile)

        kind = (
            NomineeKind.PERSON
            if category.nominee_is_person
            else NomineeKind.ORGANISATION
        )
        self.fields["nominee_kind"].initial = kind
        self.fields["nominee_kind"].choices = [(kind.value, kind.label)]
        for name, text in consent_texts.items():
            self.fields[f"consent_{name}"].label = text.label
        answers = self.add_answer_fields(self.criteria)
        photo_limit = edition.max_photos
        self.fields["photos"].help_text = ngettext(
            "JPEG, PNG lub WebP, najwyżej %(count)d plik do %(size)s MB.",
            "JPEG, PNG lub WebP, najwyżej %(count)d plików, każdy do %(size)s MB.",
            photo_limit,
        ) % {"count": photo_limit, "size": edition.max_photo_size_mb}
        types = ", ".join(code.upper() for code in edition.allowed_presentation_types())
        self.fields["presentation"].help_text = _(
            "%(types)s, najwyżej %(size)s MB. Odpowiedz w niej na pytania kryteriów."
        ) % {"types": types, "size": edition.max_presentation_size_mb}
        # Hints for the file picker only; the server checks the real content.
        self.fields["presentation"].widget.attrs["accept"] = ",".join(
            f".{uploads.PRESENTATION_TYPES[code][0]}"
            for code in edition.allowed_presentation_types()
        )
        if category.nominee_is_person:
            # A person is usually nominated by someone else ("Osobowość").
            self.fields["nomination"].initial = Nomination.THIRD_PARTY
            # A person has no seat ("siedziba"): where they live or work.
            self.fields["powiat"].help_text = _(
                "Powiat, w którym osoba zgłaszana mieszka lub działa "
                "(województwo mazowieckie)."
            )
        if not category.previous_laureates_only:
            del self.fields["previous_award_year"]
        if photo_limit == 0:
            del self.fields["photos"]
        # Marked "(wymagane)" on the page; checked on submit only, by clean().
        self.required_on_submit = {
            *required_fields(kind),
            *answers,
            *REQUIRED_CONSENTS,
            *(["previous_award_year"] if "previous_award_year" in self.fields else []),
        }
        self.summary_labels = {
            **SUMMARY_LABELS,
            **{
                name: _("Odpowiedź: %(criterion)s") % {"criterion": criterion.label}
                for name, criterion in zip(answers, self.criteria, strict=True)
            },
        }
        position = PAGE_ORDER.index("summary") + 1
        self.order_fields([*PAGE_ORDER[:position], *answers, *PAGE_ORDER[position:]])

    # -- groups of fields for the template -------------------------------

    @property
    def is_person(self):
        return self.category.nominee_is_person

    def answer_fields(self):
        return [
            (criterion, self[f"{ANSWER_PREFIX}{criterion.pk}"])
            for criterion in self.criteria
        ]

    def kept(self, kind):
        return [item for item in self.kept_files if item.kind == kind]

    # -- drafts ------------------------------------------------------------

    def draft_can_be_saved(self):
        """Whether a draft may be saved despite the form's errors (point 1 of
        issue 13: a draft saves whatever is valid, and keeps the rest as typed)."""
        return not any(name in self.errors for name in DRAFT_BLOCKERS)

    def invalid_values(self):
        """The text fields the form refused, as the applicant typed them."""
        return {
            name: self.data.get(self.add_prefix(name), "")
            for name in self.errors
            if name in self.fields
            and not isinstance(self.fields[name], forms.FileField | forms.BooleanField)
            and name not in DRAFT_BLOCKERS
            and name not in ("nomination", "idempotency_key")
        }

    # -- cleaning ----------------------------------------------------------

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        limit = self.edition.max_photos
        kept = len(self.kept("photo"))
        if kept + len(photos) > limit:
            raise ValidationError(
                ngettext(
                    "Można dodać najwyżej %(limit)d zdjęcie (masz już %(kept)d).",
                    "Można dodać najwyżej %(limit)d zdjęć (masz już %(kept)d).",
                    limit,
                )
                % {"limit": limit, "kept": kept}
            )
        errors = []
        for upload in photos:
            try:
                checked = uploads.check_upload(upload, "photo", self.edition)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                self.accepted_files.append(("photos", upload, checked))
        if errors:
            raise ValidationError(errors)
        return photos

    def clean_presentation(self):
        upload = self.cleaned_data.get("presentation")
        if upload:
            checked = uploads.check_upload(upload, "presentation", self.edition)
            self.accepted_files.append(("presentation", upload, checked))
        return upload

    def clean_fax_number(self):
        if self.cleaned_data.get("fax_number"):
            raise ValidationError(_("Zostaw to pole puste."), code="honeypot")
        return ""

    def clean(self):
        data = super().clean()
        if self.for_draft:
            if not data.get("email") and "email" not in self.errors:
                self.add_error(
                    "email",
                    _("Podaj adres e-mail: wyślemy na niego link do wersji roboczej."),
                )
            return data
        kind = NomineeKind.PERSON if self.is_person else NomineeKind.ORGANISATION
        self.missing(required_fields(kind, data.get("legal_form")), data)
        if "previous_award_year" in self.fields and not data.get("previous_award_year"):
            self.add_error(
                "previous_award_year",
                _("Ta kategoria jest tylko dla laureatów: podaj rok nagrody."),
            )
        if data.get("nomination") == Nomination.THIRD_PARTY and not data.get(
            "nominee_email"
        ):
            self.add_error(
                "nominee_email",
                _(
                    "Zgłaszasz kogoś innego: podaj jego adres e-mail, żebyśmy mogli "
                    "go poinformować o zgłoszeniu."
                ),
            )
        for criterion in self.criteria:
            name = f"{ANSWER_PREFIX}{criterion.pk}"
            if not (data.get(name) or "").strip() and name not in self.errors:
                self.add_error(name, _("Odpowiedz na to pytanie."))
        has_presentation = bool(data.get("presentation")) or bool(
            self.kept("presentation")
        )
        if (
            not has_presentation
            and not data.get("video_url")
            and "presentation" not in self.errors
            and "video_url" not in self.errors
        ):
            self.add_error(
                "presentation",
                _("Dodaj prezentację albo podaj link do filmu."),
            )
        # A new presentation replaces a kept one: the view removes it.
        for name in REQUIRED_CONSENTS:
            if not data.get(name):
                self.add_error(name, _("Bez tej zgody nie możemy przyjąć zgłoszenia."))
        return data
