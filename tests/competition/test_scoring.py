"""competition.scoring: worked examples checked by hand, then properties (hypothesis).

The arithmetic of each worked example is in its comments, so a reviewer can check the
expected numbers without running anything. Hypothesis runs derandomized and without
its example database: the same examples on every machine and every run.
"""

import math
import random
from decimal import Decimal
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from competition.scoring import (
    BY_CHAIR,
    BY_CRITERION,
    BY_MEDIAN,
    MEDIAN,
    TRIM_FELL_BACK,
    TRIMMED_MEAN,
    CriterionSpec,
    ReviewInput,
    ScoringRules,
    TieBreakStep,
    category_results,
    entry_result,
    for_display,
    juror_stats,
    juror_total,
    rank,
    submitted_totals,
)

deterministic = settings(derandomize=True, database=None, deadline=None)

# One criterion worth 100 points: a juror's total is simply their points.
PLAIN = [CriterionSpec("c", 1, 100)]


def plain_reviews(table):
    """{entry: {juror: points}} on PLAIN as submitted reviews."""
    return [
        ReviewInput(entry, juror, {"c": points}, True)
        for entry, row in table.items()
        for juror, points in row.items()
    ]


DEFAULT = ScoringRules()


def result_of(totals, rules=DEFAULT):
    totals_by_entry = {"e": totals}
    return entry_result("e", totals, juror_stats(totals_by_entry), rules)


# --- juror_total ---------------------------------------------------------------------


def test_juror_total_worked_example():
    criteria = [CriterionSpec("idea", 2, 10), CriterionSpec("budget", 1, 5)]
    # (2·7 + 1·3) / (2·10 + 1·5) · 100 = 17/25 · 100 = 68
    assert juror_total({"idea": 7, "budget": 3}, criteria) == 68


def test_juror_total_with_decimal_weights_is_exact():
    criteria = [CriterionSpec("a", Decimal("0.5"), 10), CriterionSpec("b", 1.5, 4)]
    # (0.5·6 + 1.5·3) / (0.5·10 + 1.5·4) · 100 = 7.5/11 · 100 = 750/11 = 68.1818…
    total = juror_total({"a": 6, "b": 3}, criteria)
    assert total == F(750, 11)
    assert for_display(total) == Decimal("68.18")


def test_a_float_weight_means_the_decimal_it_prints_as():
    points = {"a": 3, "b": 7}
    as_float = [CriterionSpec("a", 0.1, 10), CriterionSpec("b", 0.3, 10)]
    as_decimal = [
        CriterionSpec("a", Decimal("0.1"), 10),
        CriterionSpec("b", Decimal("0.3"), 10),
    ]
    # (0.1·3 + 0.3·7) / (0.1·10 + 0.3·10) · 100 = 2.4/4 · 100 = 60, exactly
    assert juror_total(points, as_float) == juror_total(points, as_decimal) == 60


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ({"a": 11, "b": 1}, "outside"),
        ({"a": -1, "b": 1}, "outside"),
        ({"a": 5}, "not scored"),
        ({"a": 5, "b": None}, "not scored"),
        ({"a": 5, "b": 1, "z": 3}, "unknown"),
        ({"a": 5, "z": 3}, "not scored"),
    ],
)
def test_juror_total_refuses_incomplete_or_out_of_range_points(points, message):
    criteria = [CriterionSpec("a", 1, 10), CriterionSpec("b", 1, 10)]
    with pytest.raises(ValueError, match=message):
        juror_total(points, criteria)


def test_invalid_criteria_and_rules_are_refused():
    with pytest.raises(ValueError):
        CriterionSpec("a", 0, 10)
    with pytest.raises(ValueError):
        CriterionSpec("a", 1, 0)
    with pytest.raises(ValueError):
        juror_total({}, [])
    for bad in (
        {"aggregation": "mode"},
        {"trim": 0.5},
        {"trim": -0.1},
        {"tie_breaks": ("coin",)},
        {"tie_breaks": (BY_MEDIAN, BY_MEDIAN)},
        {"disagreement_threshold": -1},
    ):
        with pytest.raises(ValueError):
            ScoringRules(**bad)


def test_only_submitted_reviews_count_and_one_per_juror():
    reviews = plain_reviews({"e": {"j1": 40}}) + [
        ReviewInput("e", "j2", {"c": 100}, False),  # a draft
        ReviewInput("e", "j3", {}, False),  # an unfinished draft is not validated
    ]
    assert submitted_totals(reviews, PLAIN) == {"e": {"j1": 40}}
    with pytest.raises(ValueError, match="two reviews"):
        submitted_totals(reviews + plain_reviews({"e": {"j1": 50}}), PLAIN)


# --- entry_result ------------------------------------------------------------------


def test_entry_result_worked_example():
    result = result_of({"j1": 60, "j2": 70, "j3": 95})
    # mean (60+70+95)/3 = 75; median 70; deviations -15, -5, 20;
    # sample variance (225 + 25 + 400) / 2 = 325; std √325 = 18.03 > 15: flagged
    assert (result.n, result.score, result.mean, result.median) == (3, 75, 75, 70)
    assert (result.min, result.max) == (60, 95)
    assert result.std == pytest.approx(18.0277564)
    assert result.disagreement
    assert result.notes == ()


def test_disagreement_is_strictly_above_the_threshold():
    # 35, 50, 65: mean 50, variance (225 + 0 + 225) / 2 = 225, std exactly 15
    assert result_of({"j1": 35, "j2": 50, "j3": 65}).std == 15
    assert not result_of({"j1": 35, "j2": 50, "j3": 65}).disagreement
    # 70, 80: variance (25 + 25) / 1 = 50, std 7.07
    assert not result_of({"j1": 70, "j2": 80}).disagreement
    # one juror: std 0 by definition, never flagged
    single = result_of({"j1": 5})
    assert (single.std, single.disagreement) == (0, False)
    lenient = ScoringRules(disagreement_threshold=Decimal("14.9"))
    assert result_of({"j1": 35, "j2": 50, "j3": 65}, lenient).disagreement


def test_trimmed_mean_cuts_floor_of_trim_times_n_at_each_end():
    rules = ScoringRules(aggregation=TRIMMED_MEAN, trim=0.2)
    result = result_of({"a": 10, "b": 50, "c": 60, "d": 80, "e": 100}, rules)
    # floor(0.2·5) = 1 cut at each end: (50 + 60 + 80) / 3 = 190/3
    assert result.score == F(190, 3)
    assert (result.mean, result.median, result.notes) == (60, 60, ())


def test_trimmed_mean_with_too_few_totals_falls_back_to_the_mean_and_says_so():
    rules = ScoringRules(aggregation=TRIMMED_MEAN, trim=0.2)
    result = result_of({"a": 10, "b": 50, "c": 60, "d": 80}, rules)
    # floor(0.2·4) = 0: nothing to cut, so the mean (10+50+60+80)/4 = 50
    assert result.score == result.mean == 50
    assert result.notes == (TRIM_FELL_BACK,)


def test_trim_is_read_as_a_decimal_not_as_a_binary_float():
    rules = ScoringRules(aggregation=TRIMMED_MEAN, trim=0.3)
    totals = dict(enumerate([0, 0, 0, 10, 20, 30, 40, 100, 100, 100]))
    # 0.3·10 = 3 (as a binary float it is 2.9999…, which would cut only 2):
    # the middle four, (10 + 20 + 30 + 40) / 4 = 25
    assert result_of(totals, rules).score == 25


def test_median_aggregation_with_an_even_number_of_totals():
    result = result_of(
        {"a": 60, "b": 70, "c": 80, "d": 100}, ScoringRules(aggregation=MEDIAN)
    )
    # median (70 + 80) / 2 = 75; mean 310/4 = 77.5
    assert (result.score, result.median, result.mean) == (75, 75, F(155, 2))


def test_normalised_score_worked_example():
    reviews = plain_reviews({"e1": {"j1": 80, "j2": 50}, "e2": {"j1": 60, "j2": 50}})
    results = {r.entry_id: r for r in category_results(reviews, PLAIN, ScoringRules())}
    # j1: mean 70, sample std √((10² + 10²)/1) = √200 = 14.142;
    #     z(e1) = 10/14.142 = 0.70711, z(e2) = -0.70711
    # j2: 50 and 50, std 0: z = 0 for both, no division by zero
    # e1: (0.70711 + 0) / 2 = 0.35355 = 1/(2√2); e2: -0.35355
    assert results["e1"].normalised == pytest.approx(1 / (2 * math.sqrt(2)))
    assert results["e2"].normalised == pytest.approx(-1 / (2 * math.sqrt(2)))


def test_a_juror_with_one_distinct_value_contributes_zero():
    stats = juror_stats({"e1": {"j": 70}, "e2": {"j": 70}, "e3": {"j": 70}})
    assert stats["j"].std == 0
    for e in ("e1", "e2", "e3"):
        assert entry_result(e, {"j": 70}, stats, ScoringRules()).normalised == 0.0
    lone = juror_stats({"e1": {"j": 40}})  # one entry only: std 0 as well
    assert entry_result("e1", {"j": 40}, lone, ScoringRules()).normalised == 0.0


def test_an_entry_without_submitted_reviews():
    results = category_results(
        plain_reviews({"e1": {"j": 50}}), PLAIN, ScoringRules(), ["e2"]
    )
    empty = results[1]
    assert (empty.entry_id, empty.n, empty.score, empty.normalised) == (
        "e2",
        0,
        None,
        None,
    )
    assert not empty.disagreement


# --- rank ----------------------------------------------------------------------------

# Listed first but lighter: "impact" (weight 1); the heaviest is "idea" (weight 2).
CRITERIA = [CriterionSpec("impact", 1, 10), CriterionSpec("idea", 2, 10)]


def scored(entry, juror, idea, impact):
    return ReviewInput(entry, juror, {"idea": idea, "impact": impact}, True)


REVIEWS = [
    # A: (2·8 + 6)/30 = 22/30 and (2·6 + 10)/30 = 22/30: score 220/3 = 73.33
    scored("A", "j1", 8, 6),
    scored("A", "j2", 6, 10),
    # B: (2·9 + 4)/30 and (2·7 + 8)/30, both 22/30: also 73.33, tied with A
    scored("B", "j1", 9, 4),
    scored("B", "j2", 7, 8),
    scored("C", "j1", 10, 10),  # 100
    scored("C", "j2", 10, 10),
    # D and E: 15/30 = 50 from both jurors, with the same points everywhere
    scored("D", "j1", 5, 5),
    scored("D", "j2", 5, 5),
    scored("E", "j2", 5, 5),
    scored("E", "j1", 5, 5),
    ReviewInput("F", "j1", {"idea": 9}, False),  # only a draft: n = 0
]


def ranked(reviews=REVIEWS, rules=DEFAULT, chair=None):
    results = category_results(reviews, CRITERIA, rules, entry_ids=["F"])
    return rank(results, reviews, CRITERIA, rules, chair)


def test_rank_worked_example_with_competition_ranking():
    ranking = ranked()
    # C 100 first; A and B tied at 73.33, broken on "idea" (the heaviest):
    # B (9+7)/2/10 = 0.8 beats A (8+6)/2/10 = 0.7; D and E stay tied at 50
    # after every tie-break (no chair decision recorded) and share 4th;
    # F has no submitted review and comes last, 6th ("1, 2, 3, 4, 4, 6").
    assert [(r.rank, r.entry_id, r.tied) for r in ranking] == [
        (1, "C", False),
        (2, "B", False),
        (3, "A", False),
        (4, "D", True),
        (4, "E", True),
        (6, "F", False),
    ]
    by_criterion = TieBreakStep(
        BY_CRITERION, "idea", (("B", F(4, 5)), ("A", F(7, 10))), True
    )
    assert ranking[1].tie_break == ranking[2].tie_break == (by_criterion,)
    assert ranking[0].tie_break == ranking[5].tie_break == ()
    assert ranking[5].result.n == 0


def test_an_unbroken_tie_lists_every_step_tried():
    d, e = ranked()[3:5]
    assert d.tie_break == e.tie_break
    assert [(s.rule, s.criterion_id, s.separated) for s in d.tie_break] == [
        (BY_CRITERION, "idea", False),  # 0.5 and 0.5
        (BY_CRITERION, "impact", False),  # then the next heaviest: 0.5 and 0.5
        (BY_MEDIAN, None, False),  # 50 and 50
        (BY_CHAIR, None, False),  # nothing recorded
    ]
    assert d.tie_break[-1].values == (("D", None), ("E", None))


def test_the_chairs_recorded_order_breaks_the_last_tie():
    ranking = ranked(chair={"E": 1, "D": 2})
    assert [(r.rank, r.entry_id) for r in ranking[3:]] == [(4, "E"), (5, "D"), (6, "F")]
    assert ranking[3].tie_break[-1] == TieBreakStep(
        BY_CHAIR, None, (("E", 1), ("D", 2)), True
    )


def test_a_partly_recorded_chair_decision_decides_nothing():
    # Only D has a position: E must not lose for lack of a record.
    ranking = ranked(chair={"D": 1})
    assert [(r.rank, r.entry_id) for r in ranking[3:5]] == [(4, "D"), (4, "E")]
    assert ranking[3].tie_break[-1].values == (("D", 1), ("E", None))


def test_tie_breaks_apply_only_as_declared_and_in_order():
    # No tie-breaks: A and B share 2nd, listed by id.
    none = ranked(rules=ScoringRules(tie_breaks=()))
    assert [(r.rank, r.entry_id) for r in none[:3]] == [(1, "C"), (2, "A"), (2, "B")]
    assert none[1].tie_break == ()
    # Median only: both have medians 22/30·100 = 73.33, so still tied.
    median = ranked(rules=ScoringRules(tie_breaks=(BY_MEDIAN,)))
    assert [(r.rank, r.entry_id) for r in median[:3]] == [(1, "C"), (2, "A"), (2, "B")]


def test_median_tie_break():
    reviews = plain_reviews(
        {
            "G": {"j1": 40, "j2": 60, "j3": 80},  # mean 60, median 60
            "H": {"j1": 50, "j2": 50, "j3": 80},  # mean 60, median 50
        }
    )
    rules = ScoringRules(tie_breaks=(BY_MEDIAN,))
    ranking = rank(category_results(reviews, PLAIN, rules), reviews, PLAIN, rules)
    assert [(r.rank, r.entry_id) for r in ranking] == [(1, "G"), (2, "H")]
    assert ranking[0].tie_break == (
        TieBreakStep(BY_MEDIAN, None, (("G", 60), ("H", 50)), True),
    )


def test_criteria_of_equal_weight_are_compared_in_listed_order():
    criteria = [CriterionSpec("x", 1, 10), CriterionSpec("y", 1, 10)]
    reviews = [
        ReviewInput("P", "j", {"x": 4, "y": 6}, True),  # 50, x 0.4
        ReviewInput("Q", "j", {"x": 6, "y": 4}, True),  # 50, x 0.6
    ]
    rules = ScoringRules()
    ranking = rank(category_results(reviews, criteria, rules), reviews, criteria, rules)
    assert [r.entry_id for r in ranking] == ["Q", "P"]
    assert ranking[0].tie_break[0].criterion_id == "x"


def test_for_display_rounds_half_away_from_zero():
    assert for_display(F(2, 3)) == Decimal("0.67")
    assert for_display(F(-2, 3)) == Decimal("-0.67")
    assert for_display(F(1, 200)) == Decimal("0.01")  # exactly 0.005
    assert for_display(F(750, 11), 1) == Decimal("68.2")
    assert for_display(18.0277564) == Decimal("18.03")
    assert for_display(None) is None


# --- properties ----------------------------------------------------------------------


@st.composite
def categories(draw):
    """Criteria with Decimal weights, and reviews of a few entries by a few jurors;
    small maxima so that ties are common."""
    n_criteria = draw(st.integers(1, 5))
    criteria = [
        CriterionSpec(
            f"c{i}",
            Decimal(draw(st.integers(1, 9900))) / 100,
            draw(st.integers(1, 10)),
        )
        for i in range(n_criteria)
    ]
    jurors = range(draw(st.integers(1, 6)))
    entries = range(draw(st.integers(1, 8)))
    reviews = []
    for e in entries:
        for j in jurors:
            if draw(st.booleans()) or draw(st.booleans()):
                points = {c.id: draw(st.integers(0, c.max_points)) for c in criteria}
                reviews.append(ReviewInput(e, j, points, draw(st.integers(0, 3)) > 0))
    return criteria, reviews, list(entries)


rules_strategy = st.builds(
    ScoringRules,
    aggregation=st.sampled_from(["mean", MEDIAN, TRIMMED_MEAN]),
    trim=st.sampled_from([0, 0.1, 0.2, Decimal("0.25"), F(1, 3)]),
    tie_breaks=st.permutations([BY_CRITERION, BY_MEDIAN, BY_CHAIR]).flatmap(
        lambda rules: st.integers(0, 3).map(lambda k: tuple(rules[:k]))
    ),
)


def run(criteria, reviews, entries, rules, chair):
    results = category_results(reviews, criteria, rules, entries)
    return results, rank(results, reviews, criteria, rules, chair)


@deterministic
@given(categories(), rules_strategy, st.randoms(use_true_random=False), st.data())
def test_order_of_jurors_reviews_and_criteria_changes_nothing(
    category, rules, rnd, data
):
    criteria, reviews, entries = category
    chair = data.draw(st.dictionaries(st.sampled_from(entries), st.integers(1, 3)))
    first = run(criteria, reviews, entries, rules, chair)
    shuffled = list(reviews)
    rnd.shuffle(shuffled)
    # also reverse each juror's points dict and the order of entry ids given
    shuffled = [
        ReviewInput(
            r.entry_id, r.juror_id, dict(reversed(r.points.items())), r.submitted
        )
        for r in shuffled
    ]
    second = run(criteria, shuffled, entries[::-1], rules, chair)
    assert first == second  # the results and the ranking, steps included
    again = run(criteria, shuffled, entries, rules, chair)
    assert again == first  # and the same every time


@deterministic
@given(categories(), st.randoms(use_true_random=False))
def test_entry_result_ignores_juror_order(category, rnd):
    criteria, reviews, _ = category
    totals = submitted_totals(reviews, criteria)
    stats = juror_stats(totals)
    for entry, by_juror in totals.items():
        items = list(by_juror.items())
        rnd.shuffle(items)
        assert entry_result(entry, dict(items), stats, ScoringRules()) == entry_result(
            entry, by_juror, stats, ScoringRules()
        )


@deterministic
@given(categories(), st.sampled_from([Decimal("0.01"), Decimal("3.7"), 7, F(22, 7)]))
def test_scaling_every_weight_changes_no_total(category, factor):
    criteria, reviews, _ = category
    # Decimal·Fraction is not defined: a Fraction factor scales the exact weight.
    exact = isinstance(factor, F)
    scaled = [
        CriterionSpec(c.id, (F(c.weight) if exact else c.weight) * factor, c.max_points)
        for c in criteria
    ]
    for r in reviews:
        assert juror_total(r.points, scaled) == juror_total(r.points, criteria)


@deterministic
@given(categories())
def test_totals_stay_within_0_and_100(category):
    criteria, reviews, _ = category
    for r in reviews:
        total = juror_total(r.points, criteria)
        assert 0 <= total <= 100
        assert (total == 100) == all(r.points[c.id] == c.max_points for c in criteria)
        assert (total == 0) == all(r.points[c.id] == 0 for c in criteria)


@deterministic
@given(categories(), rules_strategy)
def test_ranking_is_a_competition_ranking_by_score(category, rules):
    criteria, reviews, entries = category
    _, ranking = run(criteria, reviews, entries, rules, None)
    assert sorted(r.entry_id for r in ranking) == entries
    for position, entry in enumerate(ranking):
        assert entry.rank == 1 + sum(other.rank < entry.rank for other in ranking)
        same = [other for other in ranking if other.rank == entry.rank]
        assert entry.tied == (len(same) > 1)
        assert [o.entry_id for o in same] == sorted(o.entry_id for o in same)
        if position:
            before = ranking[position - 1].result.score
            if entry.result.score is not None:
                assert before is not None and before >= entry.result.score
    scored_flags = [r.result.n > 0 for r in ranking]
    assert scored_flags == sorted(scored_flags, reverse=True)  # unscored last


@deterministic
@given(categories(), rules_strategy)
def test_aggregates_are_consistent(category, rules):
    criteria, reviews, entries = category
    results, _ = run(criteria, reviews, entries, rules, None)
    totals = submitted_totals(reviews, criteria)
    for result in results:
        values = sorted(totals.get(result.entry_id, {}).values())
        assert result.n == len(values)
        if not values:
            assert result.score is None and result.normalised is None
            continue
        assert result.min == values[0] and result.max == values[-1]
        assert result.min <= result.score <= result.max
        assert result.mean == sum(values) / len(values)
        assert math.isfinite(result.normalised) and math.isfinite(result.std)
        if rules.aggregation == MEDIAN:
            assert result.score == result.median
        cut = math.floor(F(str(rules.trim)) * len(values))
        if rules.aggregation == TRIMMED_MEAN and cut == 0:
            assert result.score == result.mean
            assert (TRIM_FELL_BACK in result.notes) == (rules.trim != 0)


@deterministic
@given(st.lists(st.integers(0, 100), min_size=1, max_size=15), st.integers(0, 100))
def test_a_constant_juror_never_divides_by_zero(others, constant):
    # Juror "k" gives every entry the same total; other jurors vary.
    table = {e: {"k": constant, "v": points} for e, points in enumerate(others)}
    results = category_results(plain_reviews(table), PLAIN, ScoringRules())
    stats = juror_stats(submitted_totals(plain_reviews(table), PLAIN))
    assert stats["k"].std == 0
    for result in results:
        assert math.isfinite(result.normalised)
        v = stats["v"]
        z_v = float(table[result.entry_id]["v"] - v.mean) / v.std if v.std else 0.0
        assert result.normalised == pytest.approx((z_v + 0.0) / 2)


def test_ties_resolve_the_same_way_on_every_run():
    # A bigger, tie-heavy category, shuffled differently each time.
    rng = random.Random(7)
    criteria = [CriterionSpec(i, Decimal(w), 3) for i, w in enumerate(["1", "2", "2"])]
    reviews = [
        ReviewInput(e, j, {c.id: rng.randint(0, 3) for c in criteria}, True)
        for e in range(200)
        for j in range(3)
    ]
    chair = {e: rng.randint(1, 5) for e in range(0, 200, 2)}
    reference = run(criteria, reviews, [], ScoringRules(), chair)
    assert any(r.tied for r in reference[1]) and any(r.tie_break for r in reference[1])
    for _ in range(5):
        rng.shuffle(reviews)
        assert run(criteria, reviews, [], ScoringRules(), chair) == reference
