"""The ranking of an edition as the chair and the secretariat see it (DESIGN §6).

Loads an edition's criteria, submitted scores, entries, decisions and jurors in a
fixed number of queries (whatever the number of entries or jurors), turns them
into :mod:`scoring` inputs and returns one :class:`CategoryRanking` per category:
the ranked rows with the per-juror totals and points, and the tie-break
explanation in words. The screen, the protocol, the export and the benchmark all
use :func:`load`, so every number they show comes from the same place.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from fractions import Fraction

from django.db.models import Prefetch
from django.utils import formats
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from . import scoring, workflow
from .models import Category, Criterion, Entry, JuryMember, Review, Score

TIE_BREAK_LABELS = {
    scoring.BY_CRITERION: _("wyższa średnia w najważniejszym kryterium (po wagach)"),
    scoring.BY_MEDIAN: _("wyższa mediana sum jurorów"),
    scoring.BY_CHAIR: _("miejsce wskazane przez przewodniczącego jury"),
}

# Server-side sort keys of the ranking table: (label, key of a row, None last).
SORTS = {
    "rank": _("Miejsce"),
    "score": _("Wynik"),
    "n": _("Liczba ocen"),
    "std": _("Odchylenie standardowe"),
    "disagreement": _("Rozbieżność"),
}


def rules_for(edition):
    """The edition's :class:`scoring.ScoringRules`."""
    return scoring.ScoringRules(
        aggregation=edition.aggregation,
        trim=edition.trim_fraction,
        tie_breaks=tuple(code for code in edition.tie_breaks.split(",") if code),
        disagreement_threshold=edition.disagreement_threshold,
    )


@dataclass
class Row:
    """One entry's place: the ranked result, the entry, its decision, each
    juror's total and points, and the tie-break explanation."""

    ranked: scoring.RankedEntry
    entry: Entry
    decision: object
    totals: dict  # {member id: Fraction}
    points: dict  # {member id: {criterion id: points}}
    explanation: list = field(default_factory=list)

    @property
    def result(self):
        return self.ranked.result


@dataclass
class CategoryRanking:
    category: Category
    criteria: list
    jurors: list  # JuryMember who submitted a review in the category, by name
    rows: list
    rules: scoring.ScoringRules
    incomplete: list = field(default_factory=list)  # (entry, member) not counted

    def juror_columns(self):
        """Per juror: the number of totals and their mean (the matrix's footer)."""
        columns = []
        for member in self.jurors:
            totals = [r.totals[member.pk] for r in self.rows if member.pk in r.totals]
            mean = sum(totals, Fraction(0)) / len(totals) if totals else None
            columns.append({"member": member, "n": len(totals), "mean": mean})
        return columns


@dataclass
class Inputs:
    """What :func:`fetch` read from the database for :func:`build`."""

    categories: list
    entries: dict  # {category id: [Entry]}
    reviews: dict  # {entry id: [(member id, {criterion id: points})]}
    members: dict  # {member id: JuryMember}


def load(edition, category_id=None):
    """Rankings of ``edition`` (the Polish original), every category or one:
    :func:`build` over :func:`fetch`."""
    return build(edition, fetch(edition, category_id))


def fetch(edition, category_id=None):
    """Five queries whatever the size: categories, criteria, entries with
    their decisions, submitted scores (as tuples), jurors with their users."""
    categories = Category.objects.filter(edition=edition).prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("sort_order", "pk"))
    )
    entries = (
        Entry.objects.filter(edition=edition, status__in=workflow.SCORED)
        .select_related("decision")
        .order_by("number", "pk")
    )
    scores = Score.objects.filter(
        review__entry__edition=edition,
        review__entry__status__in=workflow.SCORED,
        review__status=Review.Status.SUBMITTED,
    )
    if category_id is not None:
        categories = categories.filter(pk=category_id)
        entries = entries.filter(category_id=category_id)
        scores = scores.filter(review__entry__category_id=category_id)
    members = {
        m.pk: m
        for m in JuryMember.objects.filter(edition=edition).select_related("user")
    }
    by_category = defaultdict(list)
    for entry in entries:
        by_category[entry.category_id].append(entry)
    points = defaultdict(dict)  # (entry id, member id) -> {criterion id: points}
    for entry_id, member_id, criterion_id, value in scores.values_list(
        "review__entry_id", "review__member_id", "criterion_id", "points"
    ):
        points[entry_id, member_id][criterion_id] = value
    reviews = defaultdict(list)
    for (entry_id, member_id), marks in points.items():
        reviews[entry_id].append((member_id, marks))
    categories = sorted(categories, key=lambda c: (c.sort_order, c.pk))
    return Inputs(categories, by_category, reviews, members)


def build(edition, inputs):
    """One :class:`CategoryRanking` per category of ``inputs``. A submitted
    review missing points (or with points of another category's criterion) is
    left out and listed in ``incomplete``; drafts were never fetched."""
    return [
        _category_ranking(
            category,
            inputs.entries.get(category.pk, []),
            inputs.reviews,
            inputs.members,
            edition,
        )
        for category in inputs.categories
    ]


def _category_ranking(category, entries, reviews_of, members, edition):
    criteria = list(category.criteria.all())
    rules = rules_for(edition)
    specs = [scoring.CriterionSpec(c.pk, c.weight, c.max_points) for c in criteria]
    wanted = {c.pk for c in criteria}
    reviews, incomplete, marks_of = [], [], {}
    for entry in entries:
        for member_id, marks in reviews_of.get(entry.pk, ()):
            if set(marks) != wanted or None in marks.values():
                incomplete.append((entry, members.get(member_id)))
                continue
            reviews.append(scoring.ReviewInput(entry.pk, member_id, marks, True))
            marks_of[entry.pk, member_id] = marks
    chair = {
        e.pk: e.decision.chair_rank
        for e in entries
        if _decision(e) is not None and e.decision.chair_rank is not None
    }
    # scoring.category_results, keeping the totals it computes for the matrix.
    totals = scoring.submitted_totals(reviews, specs) if specs else {}
    stats = scoring.juror_stats(totals)
    results = [
        scoring.entry_result(e.pk, totals.get(e.pk, {}), stats, rules)
        for e in sorted(entries, key=lambda e: e.pk)
    ]
    ranked = scoring.rank(results, reviews, specs, rules, chair) if specs else []
    by_id = {e.pk: e for e in entries}
    names = {c.pk: c.name for c in criteria}
    # Entries of one part of a tie share their steps (the same tuple): explain
    # each part once, not once per entry.
    explained, said = {}, {}
    rows = []
    for place in ranked:
        key = (id(place.tie_break), place.rank, place.tied)
        if key not in explained:
            explained[key] = explain(place, names, said)
        own = totals.get(place.entry_id, {})
        rows.append(
            Row(
                ranked=place,
                entry=by_id[place.entry_id],
                decision=_decision(by_id[place.entry_id]),
                totals=own,
                points={m: marks_of[place.entry_id, m] for m in own},
                explanation=explained[key],
            )
        )
    scored_by = {m for totals_of in totals.values() for m in totals_of}
    jurors = sorted(
        (members[m] for m in scored_by if m in members),
        key=lambda m: (str(m).lower(), m.pk),
    )
    return CategoryRanking(category, criteria, jurors, rows, rules, incomplete)


def hide(rankings, entry_ids):
    """``rankings`` without the rows of ``entry_ids`` (the entries a viewing
    chair declared a conflict on): places and scores stay as computed for
    everyone, the hidden entries are simply not shown."""
    if not entry_ids:
        return rankings
    return [
        replace(
            item,
            rows=[row for row in item.rows if row.entry.pk not in entry_ids],
            incomplete=[
                (entry, member)
                for entry, member in item.incomplete
                if entry.pk not in entry_ids
            ],
        )
        for item in rankings
    ]


def _decision(entry):
    try:
        return entry.decision
    except Entry.decision.RelatedObjectDoesNotExist:
        return None


# -- words -----------------------------------------------------------------------


def number(value, places=2):
    """``value`` rounded by :func:`scoring.for_display` in the active language's
    format ("72,50" in Polish); "—" for None."""
    if value is None:
        return "—"
    return formats.number_format(scoring.for_display(value, places), places)


def _shown(values, places=2):
    # Distinct values best first (a long tie shows its ends only), with enough
    # decimals (at most 6) that shown values which differ also look different.
    distinct = list(dict.fromkeys(values))
    if len(distinct) > 4:
        distinct = [*distinct[:3], "…", distinct[-1]]
    present = [v for v in distinct if v is not None and v != "…"]
    while places < 6 and len({scoring.for_display(v, places) for v in present}) < len(
        present
    ):
        places += 1
    return " vs ".join(
        v if v == "…" else _g("brak") if v is None else number(v, places)
        for v in distinct
    )


def explain(ranked, criterion_names, said=None):
    """The tie-break steps applied to ``ranked``'s tie, as Polish sentences,
    e.g. "Remis rozstrzygnięty: wyższa średnia w kryterium „Innowacyjność”
    (0,80 vs 0,75)": the distinct values of the tied entries, best first.
    Criterion values are mean points as a share of the maximum; medians are
    totals out of 100; the chair's values are recorded places. ``said``: a
    dict kept across calls, so a step shared by the parts of a tie is put
    into words once."""
    said = {} if said is None else said
    sentences = []
    for step in ranked.tie_break:
        if id(step) not in said:
            said[id(step)] = (step, _sentence(step, criterion_names))
        sentences.append(said[id(step)][1])
    if ranked.tied:
        sentences.append(
            _g("Remis nierozstrzygnięty: zgłoszenia dzielą miejsce %(rank)s.")
            % {"rank": ranked.rank}
        )
    return sentences


def _sentence(step, criterion_names):
    values = [value for _entry, value in step.values]
    if step.rule == scoring.BY_CRITERION:
        name = criterion_names.get(step.criterion_id, step.criterion_id)
        what = _g("wyższa średnia w kryterium „%(name)s”") % {"name": name}
        shown = _shown(values)
    elif step.rule == scoring.BY_MEDIAN:
        what, shown = _g("wyższa mediana sum jurorów"), _shown(values)
    else:
        what = _g("miejsce wskazane przez przewodniczącego jury")
        shown = " vs ".join(
            _g("brak") if v is None else str(v) for v in dict.fromkeys(values)
        )
    if step.separated:
        text = _g("Remis rozstrzygnięty: %(what)s (%(values)s).")
    elif None in values:
        text = _g("Nie rozstrzygnięto: %(what)s – brak danych (%(values)s).")
    else:
        text = _g("Bez rozstrzygnięcia: %(what)s – równe wartości (%(values)s).")
    return text % {"what": what, "values": shown}


# -- the table's order -----------------------------------------------------------


def sort_rows(rows, sort):
    """Rows ordered by ``sort`` (a key of :data:`SORTS`, "-" for descending);
    rows without a value stay last, ties keep the ranking's order. Returns the
    rows and the sort actually applied (``"rank"`` for an unknown key)."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        return list(rows), "rank"
    getters = {
        "rank": lambda r: r.ranked.rank,
        "score": lambda r: r.result.score,
        "n": lambda r: r.result.n,
        "std": lambda r: r.result.std if r.result.n else None,
        "disagreement": lambda r: int(r.result.disagreement),
    }
    get = getters[key]
    present = [r for r in rows if get(r) is not None]
    missing = [r for r in rows if get(r) is None]
    # Stable sorts: equal values keep the ranking's order in either direction.
    present.sort(key=lambda r: r.ranked.rank)
    present.sort(key=get, reverse=descending)
    return present + missing, sort


def distribution(row, width=120, pad=6):
    """A strip plot of one entry's juror totals: x positions on a 0..100 axis
    (``pad`` pixels each side) for the SVG, and the score's position."""
    scale = Fraction(width - 2 * pad, 100)

    def x(value):
        return round(float(pad + scale * value), 1)

    totals = sorted(row.totals.values())
    return {
        "width": width,
        "dots": [x(t) for t in totals],
        "score": x(row.result.score) if row.result.score is not None else None,
        "axis_end": width - pad,
        "values": "; ".join(number(t) for t in totals),
    }
