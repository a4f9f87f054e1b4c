"""Demo content for `seed_demo`: the competition "Mazowiecka Marka Ekonomii
Społecznej" – its index page, an open edition and a past one, in Polish and English
(content in ``data/competition.json``).

Facts come from ``competition/data/mmes_competition.json`` (categories, benefits,
who may apply) and ``competition/data/mcps_org.json`` (contact, data controller).
Criteria, weights and answer limits are the demo's proposal: the real regulamin
does not publish them (see "regulamin_gaps" in the data file); the secretariat
sets them per edition. Entries are not created here.

Dates of the open edition are relative to the day the demo is seeded and never
moved afterwards, like the events' dates.

NOTE: the information clause is a demo draft. It MUST be verified (and replaced
as needed) by MCPS's data protection officer (IOD) before real use: legal bases,
retention periods and recipients are assumptions, not MCPS's decisions.
"""

import copy
import datetime
import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from competition.dates import WARSAW
from demo import jury as demo_jury
from demo.content import load

DATA_DIR = Path(__file__).resolve().parents[1] / "competition" / "data"

_DATA = load("competition")

INDEX = _DATA["index"]
# Six categories of recent editions, each with the demo's three criteria.
CATEGORIES = _DATA["categories"]
FAQ = _DATA["faq"]
# What the secretariat checks before an entry goes to the jury.
FORMAL_CRITERIA = _DATA["formal_criteria"]
# Each edition's "dates" names one of EDITION_DATES (below).
EDITIONS = _DATA["editions"]


def competition_data():
    return json.loads((DATA_DIR / "mmes_competition.json").read_text(encoding="utf-8"))


def category_names():
    """slug -> (Polish name, English name), from the competition's data file."""
    by_code = {item["code"]: item for item in competition_data()["categories"]}
    return {
        spec["slug"]: (by_code[spec["code"]]["pl"], by_code[spec["code"]]["en"])
        for spec in CATEGORIES
    }


def edition_body(language, year):
    """The edition page's body; its paragraphs name the edition's ``year``."""
    body = copy.deepcopy(_DATA["edition_body"][language])
    for block in body:
        if block["type"] == "paragraph":
            block["value"] = block["value"].format(year=year)
    return body


def information_clause_pl(org):
    """Art. 13 RODO information clause for the competition's entry form."""
    return _DATA["information_clause"]["pl"].format(org=org)


def information_clause_en(org):
    """The same clause in English (the Polish text is the binding one)."""
    return _DATA["information_clause"]["en"].format(org=org)


def contact(org, language):
    department = org["department"]["name"]
    name = {
        "pl": f"{department}, {org['name']}",
        "en": _DATA["contact_name_en"],
    }[language]
    return {
        "contact_name": name,
        "contact_email": org["email"],
        "contact_phone": org["phone"],
    }


def warsaw(day, hour=0, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WARSAW)


def open_edition_dates(now=None):
    """Opened 7 days ago; closes after 30 more days at 23:59:59 Warsaw time,
    stored as the next midnight (the first refused instant); jury and results
    follow."""
    today = timezone.localdate(now or timezone.now(), WARSAW)
    closes = warsaw(today + datetime.timedelta(days=31))
    return {
        "submissions_open_at": warsaw(today - datetime.timedelta(days=7)),
        "submissions_close_at": closes,
        "jury_opens_at": closes + datetime.timedelta(days=14),
        "jury_closes_at": closes + datetime.timedelta(days=60),
        "results_at": warsaw(closes.date() + datetime.timedelta(days=90), 12),
    }


# The past edition, with published results: every date long before the demo.
PAST_EDITION_DATES = {
    field: datetime.datetime.fromisoformat(value).replace(tzinfo=WARSAW)
    for field, value in _DATA["past_edition_dates"].items()
}

EDITION_DATES = {
    "open": open_edition_dates,
    "jury_phase": demo_jury.jury_phase_dates,
    "past": lambda: PAST_EDITION_DATES,
}


def formal_criteria():
    from competition.models import FormalCriterion

    return [
        FormalCriterion(
            sort_order=position, text=criterion["text"], text_en=criterion["text_en"]
        )
        for position, criterion in enumerate(FORMAL_CRITERIA)
    ]


def seed(command, pl, en):
    """The index and both editions in Polish and English (only what is missing).

    ``command`` is the `seed_demo` command, for its helpers (`seed_translation`,
    `org_data`).
    """
    from competition.models import CompetitionIndexPage, CompetitionPage

    org = command.org_data()
    index = command.seed_index(CompetitionIndexPage, INDEX, pl, en)

    for spec in EDITIONS:
        index = CompetitionIndexPage.objects.get(pk=index.pk)
        edition = index.get_children().filter(slug=spec["slug"]).specific().first()
        if edition is None:
            edition = CompetitionPage(
                slug=spec["slug"],
                code=spec["code"],
                body=edition_body("pl", spec["year"]),
                faq=FAQ["pl"],
                information_clause=information_clause_pl(org),
                rules_document=rules_document(spec["rules_document"]),
                **contact(org, "pl"),
                formal_criteria=formal_criteria(),
                **EDITION_DATES[spec["dates"]](),
                **spec["pl"],
            )
            index.add_child(instance=edition)
            edition.save_revision().publish()
        seed_categories(edition)
        if spec.get("entries"):
            from demo.entries import seed_entries

            seed_entries(edition, command.stdout.write)
        command.seed_translation(
            edition,
            en,
            {
                **spec["en"],
                "body": edition_body("en", spec["year"]),
                "faq": FAQ["en"],
                "information_clause": information_clause_en(org),
                **contact(org, "en"),
            },
        )
        if spec.get("jury") == "scoring":
            demo_jury.seed_jury_phase(edition, command.stdout.write)
        elif spec.get("jury") == "published":
            demo_jury.seed_published(
                CompetitionPage.objects.get(pk=edition.pk), command.stdout.write
            )


def rules_document(title):
    if title is None:
        return None
    from wagtail.documents import get_document_model

    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        # The demo rules (A4, four pages), typeset by scripts/demo_assets.py.
        source = Path(__file__).resolve().parent / "assets"
        document = Document(title=title)
        document.file = ContentFile(
            (source / "regulamin-mmes-2027.pdf").read_bytes(),
            name="regulamin-mmes-2027.pdf",
        )
        document._set_document_file_metadata()
        document.save()
    return document


def seed_categories(edition):
    """The six categories with three criteria each, unless the edition has them."""
    from competition.models import Category, Criterion

    names = category_names()
    for position, spec in enumerate(CATEGORIES):
        if Category.objects.filter(edition=edition, slug=spec["slug"]).exists():
            continue
        name, name_en = names[spec["slug"]]
        category = Category.objects.create(
            edition=edition,
            slug=spec["slug"],
            sort_order=position,
            name=name,
            name_en=name_en,
            description=spec["description"],
            description_en=spec["description_en"],
            who_may_apply=spec["who_may_apply"],
            who_may_apply_en=spec["who_may_apply_en"],
            previous_laureates_only=spec.get("previous_laureates_only", False),
            nominee_is_person=spec.get("nominee_is_person", False),
            icon=spec["icon"],
        )
        for number, criterion in enumerate(spec["criteria"]):
            Criterion.objects.create(
                category=category, sort_order=number, max_points=10, **criterion
            )
