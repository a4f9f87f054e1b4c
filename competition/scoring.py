"""How scores add up (DESIGN §6): pure, deterministic functions over plain data.

No models here: the views turn reviews into :class:`ReviewInput` and criteria into
:class:`CriterionSpec`, so every number on the ranking can be recomputed from an export.

Numbers. Everything a rank depends on is exact: totals, means, medians and criterion
means are :class:`fractions.Fraction`. Inputs may be int, Decimal, Fraction or float
(a float is read as the decimal it prints as: ``0.1`` means 1/10). Exact arithmetic
makes results independent of the order of jurors and reviews, keeps equal scores
equal (a tie is never hidden behind a difference in the 16th digit, as with floats)
and keeps scaled weights from changing anything. Round only for display, with
:func:`for_display`. Spread needs a square root, so ``std`` and z-scores are floats,
computed from the exact variance; they are reported, never ranked on. The
disagreement flag compares the exact variance with the threshold squared.

Statistics. ``std`` is the sample standard deviation (divisor n-1) for n >= 2, and 0
for n < 2: jurors are a sample of possible judges. A juror's z-score uses their mean
and sample std over every entry they scored in the category; with std 0 (one entry,
or the same total everywhere) the z-score is 0: that juror says nothing about
relative merit, and nothing is divided by zero.
"""

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import groupby

MEAN, MEDIAN, TRIMMED_MEAN = "mean", "median", "trimmed_mean"
BY_CRITERION = "highest_weight_criterion"  # tie-breaks
BY_MEDIAN = "median"
BY_CHAIR = "chair_decision"
TRIM_FELL_BACK = "trimmed_mean_fell_back_to_mean"  # a note: too few totals to trim
# Sample std of the totals (0..100) above which an entry is flagged. With two jurors
# that is a gap of more than 21.2 points (15·√2): a fifth of the scale, beyond which
# the chair should read both reviews before accepting the ranking.
DEFAULT_DISAGREEMENT = 15


def _exact(x) -> Fraction:
    if type(x) is Fraction:
        return x
    return Fraction(repr(x)) if isinstance(x, float) else Fraction(x)


def _whole(x):
    # An integral value as int: comparing and adding ints is many times faster.
    x = _exact(x)
    return x.numerator if x.denominator == 1 else x


@dataclass(frozen=True)
class CriterionSpec:
    """A scored criterion of a category, in the order the edition lists it."""

    id: Hashable
    weight: object
    max_points: object

    def __post_init__(self):
        if _exact(self.weight) <= 0 or _exact(self.max_points) <= 0:
            raise ValueError(f"criterion {self.id!r}: weight and maximum must be > 0")


@dataclass(frozen=True)
class ReviewInput:
    """One juror's points for one entry; only ``submitted`` reviews count."""

    entry_id: Hashable
    juror_id: Hashable
    points: Mapping
    submitted: bool


@dataclass(frozen=True)
class ScoringRules:
    """An edition's choices: aggregation, trim fraction, tie-breaks, disagreement."""

    aggregation: str = MEAN
    trim: object = Fraction(1, 5)  # 0.2: the share cut at each end by trimmed_mean
    tie_breaks: tuple = (BY_CRITERION, BY_MEDIAN, BY_CHAIR)
    disagreement_threshold: object = DEFAULT_DISAGREEMENT

    def __post_init__(self):
        object.__setattr__(self, "tie_breaks", tuple(self.tie_breaks))
        if self.aggregation not in (MEAN, MEDIAN, TRIMMED_MEAN):
            raise ValueError(f"unknown aggregation {self.aggregation!r}")
        if not 0 <= _exact(self.trim) < Fraction(1, 2):
            raise ValueError("trim must be in [0, 0.5)")
        rules, known = self.tie_breaks, {BY_CRITERION, BY_MEDIAN, BY_CHAIR}
        if len(set(rules)) < len(rules) or not set(rules) <= known:
            raise ValueError(f"tie-breaks must be distinct known rules: {rules!r}")
        if _exact(self.disagreement_threshold) < 0:
            raise ValueError("disagreement threshold must be >= 0")


@dataclass(frozen=True)
class JurorStats:
    """A juror's mean and sample std of totals over one category (for z-scores)."""

    n: int
    mean: Fraction
    std: float


@dataclass(frozen=True)
class EntryResult:
    """An entry's aggregate; score and the rest are None when n == 0."""

    entry_id: Hashable
    n: int
    score: Fraction | None
    mean: Fraction | None
    median: Fraction | None
    std: float
    min: Fraction | None
    max: Fraction | None
    normalised: float | None  # mean of the jurors' z-scores of this entry
    disagreement: bool
    notes: tuple = ()


@dataclass(frozen=True)
class TieBreakStep:
    """One comparison applied to a tie: its rule, the criterion (for
    ``highest_weight_criterion``), the compared values as ``(entry_id, value)`` best
    first, and whether it split the tied entries. Values: a fraction of the
    criterion's maximum, a median total, or the chair's recorded position (None when
    missing)."""

    rule: str
    criterion_id: Hashable | None
    values: tuple
    separated: bool


@dataclass(frozen=True)
class RankedEntry:
    """A place in the ranking; ``tie_break`` lists the steps applied to its tie."""

    rank: int
    entry_id: Hashable
    result: EntryResult
    tied: bool  # shares its rank with another entry
    tie_break: tuple = ()


def _scale(criteria):
    # Integer weights over a common denominator: the usual integer points then add
    # up in plain ints, exactly, which keeps 30,000 totals well under a second.
    weights = [_exact(c.weight) for c in criteria]
    common = math.lcm(*(w.denominator for w in weights))
    rows = [
        (c.id, int(w * common), _whole(c.max_points))
        for c, w in zip(criteria, weights, strict=True)
    ]
    return rows, sum(w * m for _, w, m in rows)


def _total(points, scale):
    rows, full = scale
    if len(points) > len(rows):
        unknown = set(points) - {cid for cid, _, _ in rows}
        raise ValueError(f"points for unknown criteria {sorted(map(repr, unknown))}")
    earned = 0
    for cid, w, m in rows:
        s = points.get(cid)
        if type(s) is not int:
            if s is None:
                raise ValueError(f"criterion {cid!r} is not scored")
            s = _whole(s)
        if not 0 <= s <= m:
            raise ValueError(f"criterion {cid!r}: {s} is outside 0..{m}")
        earned += w * s
    if type(earned) is int and type(full) is int:
        return Fraction(100 * earned, full)
    return Fraction(100 * earned) / full


def juror_total(points: Mapping, criteria: Iterable[CriterionSpec]) -> Fraction:
    """sum(w_i·s_i) / sum(w_i·max_i) · 100, exactly.

    Raises ValueError when there are no criteria, a criterion is unscored (missing
    or None), a score is outside 0..max, or names a criterion not in ``criteria``.
    """
    criteria = tuple(criteria)
    if not criteria:
        raise ValueError("no criteria to score")
    return _total(points, _scale(criteria))


def submitted_totals(reviews: Iterable[ReviewInput], criteria) -> dict:
    """``{entry_id: {juror_id: total}}`` of submitted reviews; drafts are ignored.

    Raises ValueError on two submitted reviews by one juror of one entry, and as
    :func:`juror_total` does.
    """
    criteria = tuple(criteria)
    scale = _scale(criteria) if criteria else None
    totals = defaultdict(dict)
    for r in reviews:
        if r.submitted:
            if r.juror_id in totals[r.entry_id]:
                raise ValueError(f"two reviews of {r.entry_id!r} by {r.juror_id!r}")
            if scale is None:
                raise ValueError("no criteria to score")
            totals[r.entry_id][r.juror_id] = _total(r.points, scale)
    return dict(totals)


def _common(values):
    # Numerators over one common denominator: sums, squares and sorting then run
    # on ints, exactly and far faster than on Fractions (totals of a category
    # usually share their denominator already).
    d = math.lcm(*(v.denominator for v in values))
    return [v.numerator * (d // v.denominator) for v in values], d


def _moments(nums, d):
    # Mean and sample variance (0 for n < 2) of nums/d.
    n, s = len(nums), sum(nums)
    if n < 2:
        return Fraction(s, n * d), Fraction(0)
    var = Fraction(n * sum(a * a for a in nums) - s * s, n * (n - 1) * d * d)
    return Fraction(s, n * d), var


def juror_stats(totals_by_entry: Mapping) -> dict:
    """``{juror_id: JurorStats}`` over every entry each juror scored in a category."""
    by_juror = defaultdict(list)
    for totals in totals_by_entry.values():
        for juror, total in totals.items():
            by_juror[juror].append(_exact(total))
    stats = {}
    for juror, values in by_juror.items():
        mean, variance = _moments(*_common(values))
        stats[juror] = JurorStats(len(values), mean, math.sqrt(variance))
    return stats


def entry_result(
    entry_id, totals_by_juror: Mapping, stats: Mapping, rules: ScoringRules
) -> EntryResult:
    """Aggregate one entry's submitted totals (``{juror_id: total}``).

    ``stats`` comes from :func:`juror_stats` over the same category. The trimmed mean
    cuts floor(trim·n) totals at each end; when that is 0 it is the plain mean, noted
    as ``TRIM_FELL_BACK``. Disagreement: n >= 2 and std > the rules' threshold.
    """
    n = len(totals_by_juror)
    if n == 0:
        return EntryResult(entry_id, 0, None, None, None, 0.0, None, None, None, False)
    nums, d = _common([_exact(t) for t in totals_by_juror.values()])
    ordered = sorted(nums)
    mean, variance = _moments(ordered, d)
    mid = n // 2
    if n % 2:
        median = Fraction(ordered[mid], d)
    else:
        median = Fraction(ordered[mid - 1] + ordered[mid], 2 * d)
    notes, score = (), mean
    if rules.aggregation == MEDIAN:
        score = median
    elif rules.aggregation == TRIMMED_MEAN:
        cut = math.floor(_exact(rules.trim) * n)
        if cut:
            score = _moments(ordered[cut : n - cut], d)[0]
        elif rules.trim:
            notes = (TRIM_FELL_BACK,)
    z = []
    for juror, a in zip(totals_by_juror, nums, strict=True):
        own = stats[juror]
        m, dm = own.mean.numerator, own.mean.denominator
        # a/d - m/dm as one int division: correctly rounded, no Fraction built.
        z.append((a * dm - m * d) / (d * dm) / own.std if own.std else 0.0)
    threshold = _exact(rules.disagreement_threshold)
    return EntryResult(
        entry_id=entry_id,
        n=n,
        score=score,
        mean=mean,
        median=median,
        std=math.sqrt(variance),
        min=Fraction(ordered[0], d),
        max=Fraction(ordered[-1], d),
        normalised=math.fsum(z) / n,  # fsum: exact sum, so juror order is irrelevant
        disagreement=n >= 2 and variance > threshold * threshold,
        notes=notes,
    )


def category_results(reviews, criteria, rules: ScoringRules, entry_ids=()) -> list:
    """Results of every entry reviewed in one category (plus ``entry_ids`` without a
    submitted review, which get n = 0), sorted by entry id."""
    totals = submitted_totals(reviews, criteria)
    stats = juror_stats(totals)
    ids = sorted(set(totals) | set(entry_ids))
    return [entry_result(e, totals.get(e, {}), stats, rules) for e in ids]


def _descending(score):
    # float first (cheap), the exact Fraction only between equal floats.
    return -float(score), -score


def _comparisons(criteria, reviews, results, rules, chair_decisions):
    # The declared tie-breaks as a flat list of (rule, criterion id, value of an
    # entry, whether lower is better); the criterion rule is one per criterion.
    by_entry = defaultdict(list)
    for r in reviews:
        if r.submitted:
            by_entry[r.entry_id].append(r.points)

    def share_of(c):
        def mean_share(entry_id):  # mean points as a fraction of the maximum
            marks = [points[c.id] for points in by_entry[entry_id]]
            if not marks:
                return None
            earned = sum(m if type(m) is int else _exact(m) for m in marks)
            return Fraction(earned) / (len(marks) * _exact(c.max_points))

        return mean_share

    medians = {r.entry_id: r.median for r in results}
    comparisons = []
    for rule in rules.tie_breaks:
        if rule == BY_CRITERION:
            ordered = sorted(criteria, key=lambda c: -_exact(c.weight))  # stable
            comparisons += [(rule, c.id, share_of(c), False) for c in ordered]
        elif rule == BY_MEDIAN:
            comparisons.append((rule, None, medians.get, False))
        else:
            comparisons.append((rule, None, chair_decisions.get, True))
    return comparisons


def _split(group, comparisons, applied=()):
    # Split a tie by the first comparison, then each part by the rest; returns
    # [(entry ids by id, steps applied)] best part first.
    if len(group) == 1 or not comparisons:
        return [(sorted(group), applied)]
    (rule, criterion_id, value_of, lower_first), rest = comparisons[0], comparisons[1:]
    values = {e: value_of(e) for e in group}
    if None in values.values():  # a chair's decision not recorded: cannot decide
        shown = sorted(values.items(), key=lambda ev: (ev[1] is None, ev[1] or 0, ev))
        step = TieBreakStep(rule, criterion_id, tuple(shown), False)
        return _split(group, rest, (*applied, step))
    key = {e: (v if lower_first else -v) for e, v in values.items()}
    best_first = sorted(group, key=lambda e: (key[e], e))
    parts = [list(p) for _, p in groupby(best_first, key=key.get)]
    shown = tuple((e, values[e]) for e in best_first)
    step = TieBreakStep(rule, criterion_id, shown, len(parts) > 1)
    return [g for part in parts for g in _split(part, rest, (*applied, step))]


def rank(
    category_results, reviews, criteria, rules: ScoringRules, chair_decisions=None
) -> list:
    """Rank a category: higher score first, competition ranking ("1, 2, 2, 4").

    Equal scores go through ``rules.tie_breaks`` in order:

    - ``highest_weight_criterion``: the mean over submitted reviews of points as a
      fraction of the maximum, higher first, on each criterion in turn by weight
      descending (equal weights: the one listed first), until one differs;
    - ``median``: higher median total first;
    - ``chair_decision``: lower recorded position in ``chair_decisions``
      (``{entry_id: position}``) first; skipped for a tie in which any entry has
      none, so a missing decision never ranks an entry lower.

    Entries still tied share the rank; within it they are listed by entry id (only
    for a stable output: the id decides nothing). Entries with no submitted review
    come last, sharing one rank, without tie-breaks.
    """
    comparisons = _comparisons(
        tuple(criteria), reviews, category_results, rules, chair_decisions or {}
    )
    by_score = defaultdict(list)
    for result in category_results:
        by_score[result.score].append(result.entry_id)
    unscored = by_score.pop(None, [])
    groups = []
    for score in sorted(by_score, key=_descending):
        groups += _split(by_score[score], comparisons)
    if unscored:
        groups.append((sorted(unscored), ()))

    results = {r.entry_id: r for r in category_results}
    ranking, place = [], 1
    for group, applied in groups:
        tied = len(group) > 1
        ranking += [RankedEntry(place, e, results[e], tied, applied) for e in group]
        place += len(group)
    return ranking


def for_display(value, places: int = 2) -> Decimal | None:
    """``value`` rounded half away from zero to ``places`` decimals, for screens and
    the export's rounded columns; the only place where a number is rounded."""
    if value is None:
        return None
    scaled = abs(_exact(value)) * 10**places
    rounded = math.floor(scaled + Fraction(1, 2))
    return Decimal(rounded if value >= 0 else -rounded).scaleb(-places)
