"""Checks of Polish identifiers and addresses used by the submission form.

NIP and REGON use python-stdnum; KRS has no checksum (a 10-digit sequential
number), so only its shape is checked. Each ``clean_*`` function returns the
normalised value or raises ``ValidationError`` with a message for the applicant.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

POSTAL_CODE_RE = re.compile(r"^\d{2}-\d{3}$")
KRS_RE = re.compile(r"^\d{10}$")


def clean_nip(value):
    """A NIP as 10 digits; accepts spaces, dashes and a ``PL`` prefix."""
    try:
        return stdnum_nip.validate(value)
    except StdnumError:
        raise ValidationError(
            _(
                "To nie jest poprawny NIP. Wpisz 10 cyfr, np. 123-456-32-18; "
                "sprawdź, czy żadnej cyfry nie brakuje."
            ),
            code="invalid_nip",
        ) from None


def clean_regon(value):
    """A REGON of 9 or 14 digits with a correct check digit."""
    try:
        return stdnum_regon.validate(value)
    except StdnumError:
        raise ValidationError(
            _("To nie jest poprawny REGON. Wpisz 9 albo 14 cyfr."),
            code="invalid_regon",
        ) from None


def clean_krs(value):
    """A KRS number as 10 digits; shorter numbers are padded with leading zeros."""
    digits = re.sub(r"[\s-]", "", value or "")
    if digits.isdigit() and 0 < len(digits) <= 10:
        digits = digits.zfill(10)
    if not KRS_RE.match(digits) or digits == "0" * 10:
        raise ValidationError(
            _("Numer KRS to 10 cyfr, np. 0000359730."), code="invalid_krs"
        )
    return digits


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
