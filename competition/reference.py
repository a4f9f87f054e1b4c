"""Reference data the competition's forms use, read from ``competition/data/``.

The files are copies of ``shared/data`` (each keeps its source note); a deployed
site reads only these copies. Loaded once per process.
"""

import json
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

DATA_DIR = Path(__file__).resolve().parent / "data"

# Units without their own legal personality: the form asks for the entity that
# runs them, and NIP/REGON/KRS are that entity's.
RUN_BY_ANOTHER_ENTITY = frozenset({"cis", "kis", "wtz", "zaz"})

# Nominee types from the social economy's surroundings that the competition also
# accepts (MMES "otoczenie ekonomii społecznej"); none of them has a KRS number
# we could require.
SURROUNDINGS = ("jst", "pup", "biznes", "inna_instytucja")


def _load(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


@cache
def legal_forms():
    """Legal forms an organisation may choose: the social-economy forms, then
    the competition's other nominee types, each with ``code``, ``pl``, ``en``
    and ``has_krs``."""
    data = _load("pes_legal_forms.json")
    forms = []
    for item in data["legal_forms"]:
        register = item.get("register", "")
        forms.append(
            {
                "code": item["code"],
                "pl": item["pl"],
                "en": item["en"],
                # A form is in the KRS when its register says so and no note
                # says "no KRS"/"usually no KRS"; units run by another entity
                # use that entity's numbers, whatever it is.
                "has_krs": "KRS" in register
                and "no KRS" not in register
                and item["code"] not in RUN_BY_ANOTHER_ENTITY,
            }
        )
    by_code = {item["code"]: item for item in data["mmes_nominee_types"]}
    for code in SURROUNDINGS:
        item = by_code[code]
        forms.append(
            {"code": code, "pl": item["pl"], "en": item["en"], "has_krs": False}
        )
    return tuple(forms)


@cache
def _legal_forms_by_code():
    return {item["code"]: item for item in legal_forms()}


def legal_form(code):
    """The legal form with this code, or ``None``."""
    return _legal_forms_by_code().get(code)


def legal_form_label(code, language=None):
    item = legal_form(code)
    if item is None:
        return code or ""
    language = language or get_language() or "pl"
    return item["en"] if language.startswith("en") else item["pl"]


def legal_form_choices():
    """Choices for a select in the active language (evaluated per request)."""
    return [(item["code"], legal_form_label(item["code"])) for item in legal_forms()]


@cache
def organiser():
    """MCPS's contact and data-protection details (for the information clause)."""
    return _load("mcps_org.json")


@cache
def known_competition():
    """What is publicly known about MMES: categories, eligibility, timeline."""
    return _load("mmes_competition.json")
