"""The public submission form of one category (field names: DESIGN §5).

The form only validates; ``competition/submission.py`` saves. Files are checked
by ``competition/uploads.py`` while the form cleans, so a rejected file is reported
next to its field like any other mistake.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from home.teryt import powiat_choices

from .. import reference, uploads, validators
from ..models import Nomination, NomineeKind

# Fields an organisation must fill, and those a person must fill, on submit.
ORGANISATION_REQUIRED = (
    "organisation_name",
    "legal_form",
    "nip",
    "street",
    "postal_code",
    "city",
    "powiat",
)
PERSON_REQUIRED = ("person_name", "city", "powiat")
ALWAYS_REQUIRED = ("contact_name", "email", "title", "summary")
HONEYPOT = "fax_number"
# Mistakes that stop even a draft: without a valid e-mail nobody could come back
# to it, and a filled honeypot is a bot.
DRAFT_BLOCKERS = ("email", HONEYPOT, "nominee_kind")
EMAIL_MESSAGE = _("Wpisz adres e-mail w formacie nazwa@domena.pl.")
URL_MESSAGE = _("Wpisz pełny adres strony, np. https://www.example.org.")


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


CHOICE_MESSAGE = _("Wybierz jedną z pozycji z listy.")

# The fields in the order the page shows them (the error summary follows it);
# the criteria's answers go after "summary".
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
    "contact_name",
    "email",
    "phone",
    "nominee_email",
    "nominee_phone",
    "title",
    "summary",
    "photos",
    "presentation",
    "video_url",
    "consent_rules",
    "consent_data",
    "consent_image_publication",
)
# A consent's label is its whole sentence: the error summary names it shortly.
SUMMARY_LABELS = {
    "consent_rules": _("Zgoda: regulamin konkursu"),
    "consent_data": _("Zgoda: dane osobowe"),
    "consent_image_publication": _("Zgoda: publikacja wizerunku"),
}


def _blank_choice(choices):
    return [("", _("– wybierz –")), *choices]


class EntryForm(forms.Form):
    """One category's form. ``kept_files`` are files accepted by an earlier,
    unsuccessful attempt (or saved with a draft), which count towards limits."""

    nominee_kind = forms.ChoiceField(
        label=_("Kogo zgłaszasz"),
        choices=NomineeKind.choices,
        widget=forms.HiddenInput,
    )
    nomination = forms.ChoiceField(
        label=_("Kto składa zgłoszenie"),
        choices=Nomination.choices,
        initial=Nomination.SELF,
        widget=forms.RadioSelect,
    )
    organisation_name = forms.CharField(
        label=_("Pełna nazwa organizacji"), max_length=300, required=False
    )
    legal_form = forms.ChoiceField(
        label=_("Forma prawna"),
        required=False,
        error_messages={"invalid_choice": CHOICE_MESSAGE},
    )
    running_entity_name = forms.CharField(
        label=_("Nazwa podmiotu prowadzącego"),
        max_length=300,
        required=False,
        help_text=_(
            "Dla CIS, KIS, WTZ i ZAZ: podmiot, który prowadzi jednostkę (np. gmina, "
            "fundacja). Numery NIP, REGON i KRS podaj tego podmiotu."
        ),
    )
    nip = forms.CharField(
        label=_("NIP"),
        max_length=20,
        required=False,
        help_text=_("10 cyfr, mogą być z myślnikami."),
    )
    regon = forms.CharField(
        label=_("REGON"), max_length=20, required=False, help_text=_("9 albo 14 cyfr.")
    )
    krs = forms.CharField(
        label=_("Numer KRS"),
        max_length=14,
        required=False,
        help_text=_("10 cyfr. Zostaw puste, jeśli organizacja nie ma wpisu w KRS."),
    )
    person_name = forms.CharField(
        label=_("Imię i nazwisko osoby zgłaszanej"), max_length=200, required=False
    )
    previous_award_year = forms.IntegerField(
        label=_("W którym roku otrzymaliście tytuł Mazowieckiej Marki ES?"),
        min_value=2016,
        max_value=2100,
        required=False,
    )
    street = forms.CharField(label=_("Ulica i numer"), max_length=200, required=False)
    postal_code = forms.CharField(
        label=_("Kod pocztowy"),
        max_length=6,
        required=False,
        help_text=_("Np. 00-844."),
    )
    city = forms.CharField(label=_("Miejscowość"), max_length=100, required=False)
    powiat = forms.ChoiceField(
        label=_("Powiat"),
        required=False,
        help_text=_("Powiat, w którym jest siedziba (województwo mazowieckie)."),
        error_messages={"invalid_choice": CHOICE_MESSAGE},
    )
    website = forms.URLField(
        label=_("Strona internetowa"),
        max_length=300,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": URL_MESSAGE},
    )
    contact_name = forms.CharField(
        label=_("Imię i nazwisko osoby do kontaktu"), max_length=200, required=False
    )
    email = forms.EmailField(
        label=_("Adres e-mail"),
        required=False,
        error_messages={"invalid": EMAIL_MESSAGE},
        help_text=_("Na ten adres wyślemy potwierdzenie i link do statusu zgłoszenia."),
    )
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    nominee_email = forms.EmailField(
        label=_("Adres e-mail osoby lub organizacji zgłaszanej"),
        required=False,
        error_messages={"invalid": EMAIL_MESSAGE},
        help_text=_(
            "Poinformujemy ją o zgłoszeniu i o tym, skąd mamy jej dane (art. 14 RODO)."
        ),
    )
    nominee_phone = forms.CharField(
        label=_("Telefon osoby lub organizacji zgłaszanej"),
        max_length=40,
        required=False,
    )
    title = forms.CharField(
        label=_("Tytuł zgłoszenia"),
        max_length=200,
        required=False,
        help_text=_("Krótko: czego dotyczy zgłoszenie, np. nazwa przedsięwzięcia."),
    )
    summary = forms.CharField(
        label=_("Krótki opis"),
        max_length=1500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    photos = MultipleFileField(
        label=_("Zdjęcia"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    presentation = forms.FileField(label=_("Prezentacja"), required=False)
    video_url = forms.URLField(
        label=_("Link do filmu"),
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": URL_MESSAGE},
        help_text=_("Np. film w serwisie YouTube lub Vimeo, zamiast prezentacji."),
    )
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
        self.fields["legal_form"].choices = _blank_choice(
            reference.legal_form_choices()
        )
        self.fields["powiat"].choices = _blank_choice(powiat_choices())
        for name, text in consent_texts.items():
            self.fields[f"consent_{name}"].label = text.label
        for criterion in self.criteria:
            limit = criterion.answer_max_length
            self.fields[f"answer_{criterion.pk}"] = forms.CharField(
                label=criterion.localized_question,
                max_length=limit,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6, "data-max-length": limit}),
                help_text=ngettext(
                    "Najwyżej %(count)d znak.",
                    "Najwyżej %(count)d znaków.",
                    limit,
                )
                % {"count": limit},
            )
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
        answers = [f"answer_{criterion.pk}" for criterion in self.criteria]
        position = PAGE_ORDER.index("summary") + 1
        self.order_fields([*PAGE_ORDER[:position], *answers, *PAGE_ORDER[position:]])

    # -- groups of fields for the template -------------------------------

    @property
    def is_person(self):
        return self.category.nominee_is_person

    def answer_fields(self):
        return [
            (criterion, self[f"answer_{criterion.pk}"]) for criterion in self.criteria
        ]

    def error_summary(self):
        """(bound field, short label, messages) of each field with errors, in
        the order of the page; answers are named by their criterion."""
        names = {
            f"answer_{criterion.pk}": _("Odpowiedź: %(criterion)s")
            % {"criterion": criterion.label}
            for criterion in self.criteria
        }
        return [
            (
                field,
                SUMMARY_LABELS.get(field.name) or names.get(field.name) or field.label,
                field.errors,
            )
            for field in self
            if field.errors
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

    def _clean_identifier(self, name, cleaner):
        value = self.cleaned_data.get(name, "").strip()
        return cleaner(value) if value else ""

    def clean_nip(self):
        return self._clean_identifier("nip", validators.clean_nip)

    def clean_regon(self):
        return self._clean_identifier("regon", validators.clean_regon)

    def clean_krs(self):
        return self._clean_identifier("krs", validators.clean_krs)

    def clean_postal_code(self):
        return self._clean_identifier("postal_code", validators.clean_postal_code)

    def clean_phone(self):
        return self._clean_identifier("phone", validators.clean_phone)

    def clean_nominee_phone(self):
        return self._clean_identifier("nominee_phone", validators.clean_phone)

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
        required = ALWAYS_REQUIRED + (
            PERSON_REQUIRED if self.is_person else ORGANISATION_REQUIRED
        )
        for name in required:
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("To pole jest wymagane."))
        legal_form = reference.legal_form(data.get("legal_form"))
        if not self.is_person and legal_form:
            code = legal_form["code"]
            if code in reference.RUN_BY_ANOTHER_ENTITY and not data.get(
                "running_entity_name"
            ):
                self.add_error(
                    "running_entity_name",
                    _("Podaj podmiot prowadzący CIS, KIS, WTZ lub ZAZ."),
                )
            if (
                legal_form["has_krs"]
                and not data.get("krs")
                and "krs" not in self.errors
            ):
                self.add_error(
                    "krs",
                    _("Ta forma prawna ma wpis w KRS – podaj numer KRS (10 cyfr)."),
                )
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
            name = f"answer_{criterion.pk}"
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
        if data.get("presentation") and self.kept("presentation"):
            # A new presentation replaces the kept one (the view removes it).
            pass
        for name in ("rules", "data"):
            if not data.get(f"consent_{name}"):
                self.add_error(
                    f"consent_{name}", _("Bez tej zgody nie możemy przyjąć zgłoszenia.")
                )
        return data
