"""The entry's fields as the applicant fills them, declared once from the model.

The submission form (``forms/submission.py``) and the correction form
(``forms/correction.py``) are both :class:`EntryFieldsForm`: the same labels,
help texts, messages and cleaning, and one rule for what must be filled,
:func:`required_fields`.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from teryt import powiat_choices

from .. import reference, submission, validators
from ..models import Entry, NomineeKind
from .rendering import AccessibleFormMixin

ANSWER_PREFIX = "answer_"

# What an entry must have on submit, whatever the nominee is, and per kind.
ALWAYS_REQUIRED = ("contact_name", "email", "title", "summary")
REQUIRED_BY_KIND = {
    NomineeKind.ORGANISATION: (
        "organisation_name",
        "legal_form",
        "nip",
        "street",
        "postal_code",
        "city",
        "powiat",
    ),
    NomineeKind.PERSON: ("person_name", "city", "powiat"),
}
# Fields the form shows to an organisation only (its block of the entry's
# fields, from the name to the KRS, and the street), and to a person only.
_FIELDS = submission.ENTRY_FIELDS
ORGANISATION_ONLY = frozenset(
    {*_FIELDS[_FIELDS.index("organisation_name") : _FIELDS.index("person_name")]}
    | {"street"}
)
PERSON_ONLY = frozenset({"person_name"})
# What a missing field is told, where "required" says too little.
REQUIRED_MESSAGES = {
    "krs": _("Ta forma prawna ma wpis w KRS – podaj numer KRS (10 cyfr)."),
    "running_entity_name": _("Podaj podmiot prowadzący CIS, KIS, WTZ lub ZAZ."),
}
REQUIRED_MESSAGE = _("To pole jest wymagane.")

EMAIL_MESSAGE = _("Wpisz adres e-mail w formacie nazwa@domena.pl.")
URL_MESSAGE = _("Wpisz pełny adres strony, np. https://www.example.org.")
CHOICE_MESSAGE = _("Wybierz jedną z pozycji z listy.")
# The stored identifiers are normalised; what applicants type may carry
# spaces and dashes, so the inputs take a little more.
TYPED_MAX_LENGTH = {"nip": 20, "regon": 20, "krs": 14}
# Chosen from lists, not typed (the entry stores the code).
CHOICES = {"legal_form": reference.legal_form_choices, "powiat": powiat_choices}


def required_fields(nominee_kind, legal_form=""):
    """The entry fields an entry of ``nominee_kind`` must have filled to be
    submitted: the same on submission and on correction. An organisation's
    ``legal_form`` may bring the KRS number or the running entity."""
    required = {*ALWAYS_REQUIRED, *REQUIRED_BY_KIND[NomineeKind(nominee_kind)]}
    form = reference.legal_form(legal_form)
    if nominee_kind == NomineeKind.ORGANISATION and form:
        if form["has_krs"]:
            required.add("krs")
        if form["code"] in reference.RUN_BY_ANOTHER_ENTITY:
            required.add("running_entity_name")
    return frozenset(required)


def nominee_fields(nominee_kind):
    """The entry fields the forms show for ``nominee_kind``, in their order."""
    other = ORGANISATION_ONLY if nominee_kind == NomineeKind.PERSON else PERSON_ONLY
    return [name for name in submission.ENTRY_FIELDS if name not in other]


def _blank_choice(choices):
    return [("", _("– wybierz –")), *choices]


def _formfield(db_field, **kwargs):
    """The model field's form field, as an applicant types it."""
    name = db_field.name
    if name in CHOICES:
        source = CHOICES[name]
        return forms.ChoiceField(
            required=False,
            choices=lambda: _blank_choice(source()),
            error_messages={"invalid_choice": CHOICE_MESSAGE},
            **kwargs,
        )
    if isinstance(db_field, models.URLField):
        kwargs.update(assume_scheme="https", error_messages={"invalid": URL_MESSAGE})
    if name in TYPED_MAX_LENGTH:
        kwargs["max_length"] = TYPED_MAX_LENGTH[name]
    if name == "previous_award_year":
        kwargs.update(min_value=2016, max_value=2100)
    return db_field.formfield(**kwargs)


def answer_field(criterion):
    """The answer to one criterion's question, limited to its length."""
    limit = criterion.answer_max_length
    return forms.CharField(
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


def _identifier(name, cleaner):
    def clean(self):
        value = self.cleaned_data.get(name, "").strip()
        return cleaner(value) if value else ""

    return clean


class EntryFieldsForm(AccessibleFormMixin, forms.ModelForm):
    """The entry's own fields. It only validates: the caller copies
    ``cleaned_data`` to the entry (a draft saves even what failed)."""

    class Meta:
        model = Entry
        fields = submission.ENTRY_FIELDS
        formfield_callback = _formfield
        labels = {
            "nominee_kind": _("Kogo zgłaszasz"),
            "nomination": _("Kto składa zgłoszenie"),
            "organisation_name": _("Pełna nazwa organizacji"),
            "legal_form": _("Forma prawna"),
            "running_entity_name": _("Nazwa podmiotu prowadzącego"),
            "nip": _("NIP"),
            "regon": _("REGON"),
            "krs": _("Numer KRS"),
            "person_name": _("Imię i nazwisko osoby zgłaszanej"),
            "previous_award_year": _(
                "W którym roku otrzymaliście tytuł Mazowieckiej Marki ES?"
            ),
            "street": _("Ulica i numer"),
            "postal_code": _("Kod pocztowy"),
            "city": _("Miejscowość"),
            "powiat": _("Powiat"),
            "website": _("Strona internetowa"),
            "contact_name": _("Imię i nazwisko osoby do kontaktu"),
            "email": _("Adres e-mail"),
            "phone": _("Telefon"),
            "nominee_email": _("Adres e-mail osoby lub organizacji zgłaszanej"),
            "nominee_phone": _("Telefon osoby lub organizacji zgłaszanej"),
            "title": _("Tytuł zgłoszenia"),
            "summary": _("Krótki opis"),
            "video_url": _("Link do filmu"),
        }
        help_texts = {
            "running_entity_name": _(
                "Dla CIS, KIS, WTZ i ZAZ: podmiot, który prowadzi jednostkę (np. "
                "gmina, fundacja). Numery NIP, REGON i KRS podaj tego podmiotu."
            ),
            "nip": _("10 cyfr, mogą być z myślnikami."),
            "regon": _("9 albo 14 cyfr."),
            "krs": _("10 cyfr. Zostaw puste, jeśli organizacja nie ma wpisu w KRS."),
            "postal_code": _("Np. 00-844."),
            "powiat": _("Powiat, w którym jest siedziba (województwo mazowieckie)."),
            "email": _(
                "Na ten adres wyślemy potwierdzenie i link do statusu zgłoszenia."
            ),
            "nominee_email": _(
                "Poinformujemy ją o zgłoszeniu i o tym, skąd mamy jej dane "
                "(art. 14 RODO)."
            ),
            "title": _("Krótko: czego dotyczy zgłoszenie, np. nazwa przedsięwzięcia."),
            "video_url": _(
                "Np. film w serwisie YouTube lub Vimeo, zamiast prezentacji."
            ),
        }
        error_messages = {
            "email": {"invalid": EMAIL_MESSAGE},
            "nominee_email": {"invalid": EMAIL_MESSAGE},
        }
        widgets = {
            "nominee_kind": forms.HiddenInput,
            "nomination": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 5}),
        }

    clean_nip = _identifier("nip", validators.clean_nip)
    clean_regon = _identifier("regon", validators.clean_regon)
    clean_krs = _identifier("krs", validators.clean_krs)
    clean_postal_code = _identifier("postal_code", validators.clean_postal_code)
    clean_phone = _identifier("phone", validators.clean_phone)
    clean_nominee_phone = _identifier("nominee_phone", validators.clean_phone)

    def _post_clean(self):
        # The form decides what is valid; the model's checks would refuse a
        # draft's half-filled entry, and the entry is filled by the caller.
        pass

    def add_answer_fields(self, criteria):
        """An answer field per criterion (``answer_<id>``); returns their names."""
        names = []
        for criterion in criteria:
            name = f"{ANSWER_PREFIX}{criterion.pk}"
            self.fields[name] = answer_field(criterion)
            names.append(name)
        return names

    def missing(self, required, data):
        """Mark the ``required`` fields left empty (unless already in error)."""
        for name in required:
            value = data.get(name)
            if isinstance(value, str):
                value = value.strip()
            if not value and name in self.fields and name not in self.errors:
                self.add_error(name, REQUIRED_MESSAGES.get(name, REQUIRED_MESSAGE))
