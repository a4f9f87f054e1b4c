"""The powiats and gminas of województwo mazowieckie, by TERYT code.

Read once from ``teryt/data/`` (copies of the TERC register; each file keeps its
source note) and cached for the life of the process. TERYT codes: a powiat is
WOJ(2)+POW(2), e.g. ``1408``; a gmina is WOJ+POW+GMI(2)+RODZ(1), e.g. ``1408011``,
so a gmina's first four digits are its powiat.
"""

import json
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA_DIR = Path(__file__).resolve().parent / "data"

# The register's three kinds of gmina, as a reader of either language says them.
GMINA_KINDS = {
    "gmina miejska": _("gmina miejska"),
    "gmina wiejska": _("gmina wiejska"),
    "gmina miejsko-wiejska": _("gmina miejsko-wiejska"),
}


def gmina_kind(item):
    """The gmina's kind in the active language, e.g. "urban-rural gmina"."""
    return GMINA_KINDS.get(item["kind"], item["kind"])


def _load(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"


def polish_sort_key(text):
    """A key that orders Polish words as a dictionary does (ł after l, ż last).

    The system's locale may lack Polish collation, so we do not rely on it.
    """
    return tuple(
        POLISH_ALPHABET.index(char) if char in POLISH_ALPHABET else ord(char) - 0x10000
        for char in text.casefold()
    )


def _sort_key(item):
    return (polish_sort_key(item["name"]), item["teryt"])


@cache
def powiaty():
    """The 42 powiats (37 land powiats and 5 cities with powiat rights), by name."""
    return sorted(_load("mazowieckie_powiaty_teryt.json")["powiaty"], key=_sort_key)


@cache
def _powiaty_by_code():
    return {item["teryt"]: item for item in powiaty()}


def powiat(code):
    """The powiat with this 4-digit TERYT code, or ``None``."""
    return _powiaty_by_code().get(code)


@cache
def gminy():
    """The 314 gminas, sorted by name (then code: several names occur twice)."""
    return sorted(_load("mazowieckie_gminy_teryt.json")["gminy"], key=_sort_key)


@cache
def _gminy_by_code():
    return {item["teryt"]: item for item in gminy()}


def gmina(code):
    """The gmina with this 7-digit TERYT code, or ``None``."""
    return _gminy_by_code().get(code)


@cache
def _gminy_by_powiat():
    grouped = {}
    for item in gminy():
        grouped.setdefault(item["teryt"][:4], []).append(item)
    return grouped


def gminy_in_powiat(powiat_code):
    """The gminas of one powiat, by name; empty for an unknown code."""
    return list(_gminy_by_powiat().get(powiat_code, []))


def gmina_label(item):
    """A gmina's name with its kind, e.g. "Ciechanów (gmina wiejska)".

    Town and rural gminas often share a name, so the kind tells them apart.
    """
    return f"{item['name']} ({gmina_kind(item)})"


def powiat_choices():
    """Form choices: every powiat, by name."""
    return [(item["teryt"], item["name"]) for item in powiaty()]


def gmina_choices():
    """Form choices: the gminas grouped by powiat (names repeat across powiats)."""
    return [
        (item["name"], [(g["teryt"], gmina_label(g)) for g in gminy_in_powiat(code)])
        for item in powiaty()
        for code in [item["teryt"]]
    ]
