"""The entries' spreadsheet export: its columns and formula neutralisation.

The files are written by Wagtail's ``SpreadsheetExportMixin`` (CSV, and XLSX
with openpyxl); this module says what goes in each column and makes every text
cell safe to open in a spreadsheet program.
"""

from django.utils.translation import gettext_lazy as _

from .dates import spreadsheet_time

# OWASP "CSV injection": a cell starting with one of these may be run as a
# formula (or a DDE command) by Excel, LibreOffice or Google Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a text cell that a spreadsheet would read as a formula with ``'``.

    Other values (numbers, dates, ``None``) pass through unchanged. The
    apostrophe is visible in the cell; that is the price of a file that is safe
    whatever program opens it.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def yes_no(value):
    return str(_("Tak") if value else _("Nie"))


def _answers(entry):
    answers = sorted(
        entry.answers.all(),
        key=lambda answer: (answer.criterion.sort_order or 0, answer.criterion_id),
    )
    return "\n\n".join(f"{answer.criterion.name}: {answer.text}" for answer in answers)


def _photo_count(entry):
    return sum(1 for item in entry.files.all() if item.kind == "photo")


def _presentation_name(entry):
    names = [
        item.original_name for item in entry.files.all() if item.kind == "presentation"
    ]
    return ", ".join(names)


# (key, heading, value of an entry). The entry's queryset must select the
# category and edition and prefetch ``answers__criterion`` and ``files``.
COLUMNS = [
    ("reference", _("Numer zgłoszenia"), lambda e: e.reference or ""),
    ("edition", _("Edycja"), lambda e: e.edition.code),
    ("category", _("Kategoria"), lambda e: e.category.name),
    ("status", _("Status"), lambda e: str(e.status_label)),
    ("nominee_kind", _("Kogo zgłoszono"), lambda e: str(e.get_nominee_kind_display())),
    (
        "nominee_name",
        _("Nazwa organizacji / imię i nazwisko"),
        lambda e: e.nominee_name,
    ),
    ("legal_form", _("Forma prawna"), lambda e: e.legal_form_label),
    ("running_entity", _("Podmiot prowadzący"), lambda e: e.running_entity_name),
    ("nip", _("NIP"), lambda e: e.nip),
    ("regon", _("REGON"), lambda e: e.regon),
    ("krs", _("KRS"), lambda e: e.krs),
    ("street", _("Adres"), lambda e: e.street),
    ("postal_code", _("Kod pocztowy"), lambda e: e.postal_code),
    ("city", _("Miejscowość"), lambda e: e.city),
    ("powiat", _("Powiat"), lambda e: e.powiat_name),
    ("website", _("Strona internetowa"), lambda e: e.website),
    ("contact_name", _("Osoba do kontaktu"), lambda e: e.contact_name),
    ("email", _("E-mail"), lambda e: e.email),
    ("phone", _("Telefon"), lambda e: e.phone),
    ("title", _("Tytuł zgłoszenia"), lambda e: e.title),
    ("summary", _("Krótki opis"), lambda e: e.summary),
    ("video_url", _("Link do filmu"), lambda e: e.video_url),
    (
        "image_publication",
        _("Zgoda na publikację wizerunku"),
        lambda e: yes_no(e.image_publication_allowed),
    ),
    (
        "submitted_at",
        _("Wysłano (czas warszawski)"),
        lambda e: spreadsheet_time(e.submitted_at),
    ),
    ("photos", _("Liczba zdjęć"), _photo_count),
    ("presentation", _("Prezentacja (plik)"), _presentation_name),
    ("answers", _("Odpowiedzi na kryteria"), _answers),
]

KEYS = [key for key, _heading, _value in COLUMNS]
HEADINGS = {key: heading for key, heading, _value in COLUMNS}
_VALUES = {key: value for key, _heading, value in COLUMNS}


def row(entry):
    """The export row of one entry: ``{key: value}`` in column order."""
    return {key: _VALUES[key](entry) for key in KEYS}
