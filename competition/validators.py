"""Checks of Polish identifiers and addresses used by the submission form.

NIP and REGON check digits come from python-stdnum; KRS has no checksum (a
10-digit sequential number), so only its shape is checked. Each ``clean_*``
function returns the normalised value or raises ``ValidationError`` whose code
names the mistake (``invalid_nip_checksum``, ``invalid_regon_too_short``...)
and whose message tells the applicant what to look for.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

POSTAL_CODE_RE = re.compile(r"^\d{2}-\d{3}$")
# Separators people type inside a number; anything else is a typo to point out.
SEPARATORS_RE = re.compile(r"[\s-]")

# One short sentence per kind of mistake, so the applicant knows what to look
# for: a missing digit, an extra one, a letter, or a swapped digit (checksum).
NIP_MESSAGES = {
    "characters": _(
        "NIP to tylko cyfry (mogą być spacje i myślniki) – usuń inne znaki."
    ),
    "too_short": _(
        "NIP ma 10 cyfr, a wpisano %(count)d – sprawdź, czy żadnej nie brakuje."
    ),
    "too_long": _(
        "NIP ma 10 cyfr, a wpisano %(count)d – sprawdź, czy żadnej nie ma za dużo."
    ),
    "checksum": _("Ten NIP ma błędną cyfrę kontrolną – sprawdź, czy nie ma literówki."),
}
REGON_MESSAGES = {
    "characters": _(
        "REGON to tylko cyfry (mogą być spacje i myślniki) – usuń inne znaki."
    ),
    "too_short": _(
        "REGON ma 9 albo 14 cyfr, a wpisano %(count)d – "
        "sprawdź, czy żadnej nie brakuje."
    ),
    "length": _("REGON ma 9 albo 14 cyfr, a wpisano %(count)d – sprawdź liczbę cyfr."),
    "too_long": _(
        "REGON ma 9 albo 14 cyfr, a wpisano %(count)d – "
        "sprawdź, czy żadnej nie ma za dużo."
    ),
    "checksum": _(
        "Ten REGON ma błędną cyfrę kontrolną – sprawdź, czy nie ma literówki."
    ),
}
KRS_MESSAGES = {
    "characters": _("Numer KRS to tylko cyfry, np. 0000359730 – usuń inne znaki."),
    "too_long": _(
        "Numer KRS ma 10 cyfr, a wpisano %(count)d – "
        "sprawdź, czy żadnej nie ma za dużo."
    ),
    "zero": _("Numer KRS nie może składać się z samych zer."),
}


def _refuse(identifier, messages, mistake, digits=""):
    message = messages[mistake]
    if "%(count)" in str(message):
        message = message % {"count": len(digits)}
    raise ValidationError(message, code=f"invalid_{identifier}_{mistake}")


def _digits(value, prefix=""):
    """The value without separators (and ``prefix``), or None if anything but
    digits is left."""
    compact = SEPARATORS_RE.sub("", value or "").upper()
    if prefix and compact.startswith(prefix):
        compact = compact[len(prefix) :]
    return compact if compact.isascii() and compact.isdigit() else None


def clean_nip(value):
    """A NIP as 10 digits; accepts spaces, dashes and a ``PL`` prefix."""
    digits = _digits(value, prefix="PL")
    if digits is None:
        _refuse("nip", NIP_MESSAGES, "characters")
    if len(digits) != 10:
        _refuse(
            "nip", NIP_MESSAGES, "too_short" if len(digits) < 10 else "too_long", digits
        )
    if not stdnum_nip.is_valid(digits):
        _refuse("nip", NIP_MESSAGES, "checksum")
    return digits


def clean_regon(value):
    """A REGON of 9 or 14 digits with correct check digits."""
    digits = _digits(value)
    if digits is None:
        _refuse("regon", REGON_MESSAGES, "characters")
    if len(digits) < 9:
        _refuse("regon", REGON_MESSAGES, "too_short", digits)
    if len(digits) > 14:
        _refuse("regon", REGON_MESSAGES, "too_long", digits)
    if len(digits) not in (9, 14):
        _refuse("regon", REGON_MESSAGES, "length", digits)
    try:
        return stdnum_regon.validate(digits)
    except StdnumError:
        _refuse("regon", REGON_MESSAGES, "checksum")


def clean_krs(value):
    """A KRS number as 10 digits; shorter numbers are padded with leading zeros
    (KRS has no check digit, so only its shape is checked)."""
    digits = _digits(value)
    if digits is None or not digits:
        _refuse("krs", KRS_MESSAGES, "characters")
    if len(digits) > 10:
        _refuse("krs", KRS_MESSAGES, "too_long", digits)
    if not digits.strip("0"):
        _refuse("krs", KRS_MESSAGES, "zero")
    return digits.zfill(10)


def clean_postal_code(value):
    """A Polish postal code ``NN-NNN``; five digits without a dash are accepted."""
    value = (value or "").strip()
    if re.fullmatch(r"\d{5}", value):
        value = f"{value[:2]}-{value[2:]}"
    if not POSTAL_CODE_RE.match(value):
        raise ValidationError(
            _("Kod pocztowy wpisz w formacie 00-000."), code="invalid_postal_code"
        )
    return value


PHONE_RE = re.compile(r"^\+?[\d\s()-]+$")


def clean_phone(value):
    """A phone number of 9 to 15 digits; spaces, dashes, brackets and ``+`` allowed."""
    value = (value or "").strip()
    digits = re.sub(r"\D", "", value)
    if not PHONE_RE.match(value) or not 9 <= len(digits) <= 15:
        raise ValidationError(
            _("Wpisz numer telefonu, np. 600 000 000 albo +48 22 000 00 00."),
            code="invalid_phone",
        )
    return value


def format_nip(value):
    """A NIP for display with dashes, e.g. ``856-734-62-15``."""
    return stdnum_nip.format(value) if value else ""
