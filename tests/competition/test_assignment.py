"""Who scores what: competition/assignment.py, checked against small independent
solvers (a textbook max flow) and the optimality condition of a balanced flow."""

import json
import os
import random
import subprocess
import sys
from collections import Counter, deque
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from competition.assignment import (
    CONFLICT,
    MAX_LOAD,
    NOT_ENOUGH_JURORS,
    UNKNOWN_ENTRY,
    UNKNOWN_JUROR,
    DroppedPair,
    EntryRef,
    JurorRef,
    Shortfall,
    assign_all,
    assign_balanced,
    can_score,
    diff,
    load_summary,
)

ROOT = Path(__file__).resolve().parents[2]


# -- independent oracles ----------------------------------------------------------


def max_pairs(entries, jurors, conflicts, k, cap):
    """The largest number of pairs any assignment can have (Edmonds-Karp)."""
    source, sink = ("source",), ("sink",)
    capacity = Counter()
    edges = {}

    def edge(a, b, c):
        capacity[a, b] += c
        edges.setdefault(a, set()).add(b)
        edges.setdefault(b, set()).add(a)

    for entry in entries:
        edge(source, ("e", entry.id), k)
        for juror in jurors:
            if can_score(entry, juror, conflicts):
                edge(("e", entry.id), ("j", juror.id), 1)
    for juror in jurors:
        edge(("j", juror.id), sink, len(entries) if cap is None else cap)
    total = 0
    while True:
        parent = {source: None}
        queue = deque([source])
        while queue and sink not in parent:
            node = queue.popleft()
            for nxt in edges.get(node, ()):
                if nxt not in parent and capacity[node, nxt] > 0:
                    parent[nxt] = node
                    queue.append(nxt)
        if sink not in parent:
            return total
        node = sink
        while parent[node] is not None:
            capacity[parent[node], node] -= 1
            capacity[node, parent[node]] += 1
            node = parent[node]
        total += 1


def lowest_max_load(entries, jurors, conflicts, k, cap):
    """The lowest cap that still allows as many pairs as ``cap`` does."""
    best = max_pairs(entries, jurors, conflicts, k, cap)
    limit = 0
    while max_pairs(entries, jurors, conflicts, k, limit) < best:
        limit += 1
    return limit


def improving_move(result_pairs, entries, jurors, conflicts, cap, kept):
    """A chain handing one entry from a juror with load L to one with L-2 or less.

    Built from scratch on the pairs alone: juror G -> T when G has an entry (not a
    kept pair) that T may score and does not have. A balanced assignment has none.
    """
    by_id = {entry.id: entry for entry in entries}
    held = {juror.id: set() for juror in jurors}
    for entry_id, juror_id in result_pairs:
        held[juror_id].add(entry_id)
    load = {juror_id: len(entries_) for juror_id, entries_ in held.items()}
    for giver in jurors:
        seen, queue = {giver.id}, deque([giver.id])
        while queue:
            node = queue.popleft()
            for entry_id in held[node] - {e for e, j in kept if j == node}:
                for taker in jurors:
                    if (
                        taker.id not in seen
                        and entry_id not in held[taker.id]
                        and can_score(by_id[entry_id], taker, conflicts)
                    ):
                        seen.add(taker.id)
                        queue.append(taker.id)
        for taker_id in seen:
            room = cap is None or load[taker_id] < cap
            if room and load[taker_id] <= load[giver.id] - 2:
                return giver.id, taker_id
    return None


# -- instances --------------------------------------------------------------------


@st.composite
def instances(draw, all_categories=False, with_existing=False):
    n_entries = draw(st.integers(0, 12))
    n_jurors = draw(st.integers(0, 6))
    entries = [EntryRef(i, draw(st.integers(0, 2))) for i in range(n_entries)]
    category_sets = st.none() | st.frozensets(st.integers(0, 2), min_size=1)
    jurors = [
        JurorRef(100 + j, None if all_categories else draw(category_sets))
        for j in range(n_jurors)
    ]
    all_pairs = [(e.id, j.id) for e in entries for j in jurors]
    conflicts = set()
    if all_pairs and not all_categories:
        conflicts = set(draw(st.lists(st.sampled_from(all_pairs), max_size=8)))
    existing = frozenset()
    if all_pairs and with_existing:
        existing = frozenset(draw(st.lists(st.sampled_from(all_pairs), max_size=6)))
    k = draw(st.integers(0, 3))
    max_load = draw(st.none() | st.integers(0, n_entries))
    seed = draw(st.integers(0, 2**32))
    return entries, jurors, conflicts, k, max_load, seed, existing


# -- assign_all --------------------------------------------------------------------


def test_assign_all_gives_each_juror_their_categories_except_conflicts():
    entries = [EntryRef(1, "a"), EntryRef(2, "a"), EntryRef(3, "b")]
    chair = JurorRef(10, None)
    juror_a = JurorRef(11, frozenset({"a"}))
    juror_b = JurorRef(12, frozenset({"b"}))
    pairs = assign_all(entries, [chair, juror_a, juror_b], {(2, 11), (3, 10)})
    assert pairs == {(1, 10), (2, 10), (1, 11), (3, 12)}


def test_assign_all_with_nobody_in_a_category_leaves_its_entries_out():
    pairs = assign_all([EntryRef(1, "a"), EntryRef(2, "b")], [JurorRef(5, {"a"})])
    assert pairs == {(1, 5)}


# -- assign_balanced: examples ----------------------------------------------------


def test_every_entry_gets_k_distinct_eligible_jurors_when_feasible():
    entries = [EntryRef(i, "a" if i % 3 else "b") for i in range(30)]
    jurors = [JurorRef(j, None if j < 3 else frozenset({"a"})) for j in range(6)]
    # Entries 0, 3, 6... ("b") have exactly the three jurors of all categories.
    conflicts = {(1, 0), (4, 1), (5, 4)}
    result = assign_balanced(entries, jurors, conflicts, k=3, max_load=20, seed=1)
    per_entry = Counter(entry_id for entry_id, _ in result.pairs)
    assert per_entry == dict.fromkeys(range(30), 3)
    assert not result.pairs & conflicts
    assert all(juror_id < 3 for entry_id, juror_id in result.pairs if entry_id % 3 == 0)
    assert result.shortfalls == ()
    assert max(load_summary(result.pairs).values()) <= 20


def test_loads_are_evened_across_overlapping_categories():
    # Greedy alone, taking "a" entries first, would leave the juror of both
    # categories with more than the others; the balancing chains even it out.
    entries = [EntryRef(i, "a") for i in range(30)] + [
        EntryRef(i, "b") for i in range(30, 60)
    ]
    jurors = [JurorRef(1, {"a"}), JurorRef(2, {"a", "b"}), JurorRef(3, {"b"})]
    result = assign_balanced(entries, jurors, set(), k=1, max_load=None, seed=0)
    assert load_summary(result.pairs) == {1: 20, 2: 20, 3: 20}


def test_a_chain_of_moves_fills_an_entry_greedy_left_short():
    # With one place per juror, greedy may give juror 12 to entry 0 and 11 to entry
    # 1, leaving 2 with nobody (it happens with seed 0); entry 2 then takes 12 and
    # 12 hands entry 0 on to juror 10.
    entries = [EntryRef(0, "y"), EntryRef(1, "x"), EntryRef(2, "x")]
    jurors = [JurorRef(10, {"y"}), JurorRef(11, {"x"}), JurorRef(12, None)]
    for seed in range(20):
        result = assign_balanced(entries, jurors, set(), k=1, max_load=1, seed=seed)
        assert result.pairs == {(0, 10), (1, 11), (2, 12)} or result.pairs == {
            (0, 10),
            (1, 12),
            (2, 11),
        }
        assert result.shortfalls == ()


def test_existing_pairs_survive_and_count_toward_k_and_load():
    entries = [EntryRef(i, "a") for i in range(6)]
    jurors = [JurorRef(j, None) for j in range(4)]
    # A manual pair outside juror 3's categories would still stay: deliberate.
    kept = {(0, 0), (0, 1), (1, 0), (2, 0)}
    result = assign_balanced(
        entries, jurors, set(), k=2, max_load=3, seed=5, existing=kept
    )
    assert kept <= result.pairs
    per_entry = Counter(entry_id for entry_id, _ in result.pairs)
    assert per_entry == dict.fromkeys(range(6), 2)
    assert load_summary(result.pairs)[0] == 3  # its three kept pairs, nothing new
    assert result.dropped == ()


def test_existing_pair_now_in_conflict_is_dropped_and_reported():
    entries = [EntryRef(1, "a"), EntryRef(2, "a")]
    jurors = [JurorRef(7, None), JurorRef(8, None)]
    kept = {(1, 7), (2, 7), (9, 7), (1, 99)}
    result = assign_balanced(
        entries, jurors, {(2, 7)}, k=1, max_load=None, seed=0, existing=kept
    )
    assert result.pairs == {(1, 7), (2, 8)}
    assert result.dropped == (
        DroppedPair(1, 99, UNKNOWN_JUROR),
        DroppedPair(2, 7, CONFLICT),
        DroppedPair(9, 7, UNKNOWN_ENTRY),
    )


def test_manual_pair_beyond_k_stays():
    entries = [EntryRef(1, "a")]
    jurors = [JurorRef(j, None) for j in range(4)]
    kept = {(1, 0), (1, 1), (1, 2)}
    result = assign_balanced(entries, jurors, set(), 2, None, seed=0, existing=kept)
    assert result.pairs == kept


def test_too_few_jurors_in_a_category_is_reported():
    entries = [EntryRef(1, "a"), EntryRef(2, "b")]
    jurors = [JurorRef(5, {"a"}), JurorRef(6, {"a"}), JurorRef(7, {"b"})]
    result = assign_balanced(entries, jurors, {(2, 7)}, k=2, max_load=None, seed=0)
    assert result.shortfalls == (Shortfall(2, 0, 2, NOT_ENOUGH_JURORS),)
    assert result.pairs == {(1, 5), (1, 6)}


def test_max_load_too_small_is_reported_and_never_exceeded():
    entries = [EntryRef(i, "a") for i in range(10)]
    jurors = [JurorRef(j, None) for j in range(3)]
    result = assign_balanced(entries, jurors, set(), k=2, max_load=5, seed=0)
    assert load_summary(result.pairs) == {0: 5, 1: 5, 2: 5}
    assert {s.reason for s in result.shortfalls} == {MAX_LOAD}
    # Scarce places are shared: five entries lack one juror, none lacks both.
    assert sorted(s.got for s in result.shortfalls) == [1] * 5


def test_k_zero_and_no_jurors():
    entries = [EntryRef(1, "a")]
    assert assign_balanced(entries, [JurorRef(2)], set(), 0, None, 0).pairs == set()
    result = assign_balanced(entries, [], set(), 1, None, 0)
    assert result.shortfalls == (Shortfall(1, 0, 1, NOT_ENOUGH_JURORS),)


@pytest.mark.parametrize(
    "kwargs",
    [{"k": -1}, {"max_load": -1}],
)
def test_negative_limits_are_refused(kwargs):
    args = {"k": 1, "max_load": 1, **kwargs}
    with pytest.raises(ValueError):
        assign_balanced([EntryRef(1, "a")], [JurorRef(2)], set(), seed=0, **args)


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="duplicate juror"):
        assign_balanced([EntryRef(1, "a")], [JurorRef(2), JurorRef(2)], set(), 1, 1, 0)
    with pytest.raises(ValueError, match="duplicate entry"):
        assign_balanced([EntryRef(1, "a"), EntryRef(1, "b")], [], set(), 1, 1, 0)


# -- assign_balanced: reproducibility ----------------------------------------------


def edition(seed):
    rng = random.Random(seed)
    entries = [EntryRef(i, rng.choice("abc")) for i in range(40)]
    jurors = [
        JurorRef(j, None if j % 2 else frozenset(rng.sample("abc", 2)))
        for j in range(8)
    ]
    conflicts = {(rng.randrange(40), rng.randrange(8)) for _ in range(10)}
    return entries, jurors, conflicts


def test_same_seed_same_pairs_whatever_the_input_order():
    entries, jurors, conflicts = edition(3)
    first = assign_balanced(entries, jurors, conflicts, 3, 18, seed=42)
    shuffler = random.Random(0)
    for _ in range(5):
        shuffler.shuffle(entries)
        shuffler.shuffle(jurors)
        again = assign_balanced(iter(entries), jurors, set(conflicts), 3, 18, seed=42)
        assert again == first


def test_other_seeds_pick_other_jurors_among_equals():
    entries, jurors, conflicts = edition(3)
    results = {
        assign_balanced(entries, jurors, conflicts, 3, 18, seed=seed).pairs
        for seed in range(5)
    }
    assert len(results) > 1


def test_reproducible_across_processes_with_string_ids():
    # Iterating a set of strings depends on PYTHONHASHSEED; the result must not.
    script = (
        "import json; from competition.assignment import *\n"
        "e = [EntryRef(f'e{i}', 'abc'[i % 3]) for i in range(30)]\n"
        "j = [JurorRef(f'j{i}', None if i % 2 else frozenset('ab'))\n"
        "     for i in range(7)]\n"
        "r = assign_balanced(e, j, {('e1', 'j1')}, 3, 15, seed='edition-2027')\n"
        "print(json.dumps(sorted(r.pairs)))\n"
    )
    outputs = set()
    for hash_seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert len(json.loads(outputs.pop())) == 90


# -- assign_balanced: properties ----------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(instances(with_existing=True))
def test_hard_constraints_hold_on_any_instance(instance):
    entries, jurors, conflicts, k, max_load, seed, existing = instance
    result = assign_balanced(entries, jurors, conflicts, k, max_load, seed, existing)
    by_id = {entry.id: entry for entry in entries}
    juror_by_id = {juror.id: juror for juror in jurors}
    kept = {pair for pair in existing if pair not in conflicts}
    assert not result.pairs & conflicts
    assert kept <= result.pairs
    for entry_id, juror_id in result.pairs - kept:
        assert can_score(by_id[entry_id], juror_by_id[juror_id], conflicts)
    kept_load = Counter(juror_id for _, juror_id in kept)
    for juror_id, load in load_summary(result.pairs).items():
        assert max_load is None or load <= max(max_load, kept_load[juror_id])
    per_entry = Counter(entry_id for entry_id, _ in result.pairs)
    kept_per_entry = Counter(entry_id for entry_id, _ in kept)
    short = {s.entry_id: s for s in result.shortfalls}
    for entry in entries:
        assert per_entry[entry.id] <= max(k, kept_per_entry[entry.id])
        if per_entry[entry.id] < k:
            assert short[entry.id].got == per_entry[entry.id]
            assert short[entry.id].needed == k
        else:
            assert entry.id not in short
    assert set(result.dropped) == {
        DroppedPair(e, j, CONFLICT) for e, j in existing if (e, j) in conflicts
    }


@settings(max_examples=200, deadline=None)
@given(instances())
def test_as_many_pairs_as_possible_and_the_lowest_possible_max_load(instance):
    entries, jurors, conflicts, k, max_load, seed, _ = instance
    result = assign_balanced(entries, jurors, conflicts, k, max_load, seed)
    best = max_pairs(entries, jurors, conflicts, k, max_load)
    assert len(result.pairs) == best
    if best == k * len(entries):
        assert result.shortfalls == ()
    loads = load_summary(result.pairs).values()
    assert max(loads, default=0) == lowest_max_load(
        entries, jurors, conflicts, k, max_load
    )
    assert (
        improving_move(result.pairs, entries, jurors, conflicts, max_load, ()) is None
    )


@settings(max_examples=200, deadline=None)
@given(instances(with_existing=True))
def test_no_load_can_be_evened_further_around_kept_pairs(instance):
    entries, jurors, conflicts, k, max_load, seed, existing = instance
    result = assign_balanced(entries, jurors, conflicts, k, max_load, seed, existing)
    kept = {pair for pair in existing if pair not in conflicts}
    move = improving_move(result.pairs, entries, jurors, conflicts, max_load, kept)
    assert move is None


@settings(max_examples=200, deadline=None)
@given(instances(all_categories=True))
def test_loads_differ_by_at_most_one_when_anyone_may_score_anything(instance):
    entries, jurors, _, k, _, seed, _ = instance
    if not jurors or k > len(jurors):
        return
    result = assign_balanced(entries, jurors, set(), k, None, seed)
    loads = load_summary(result.pairs, jurors).values()
    assert len(result.pairs) == k * len(entries)
    assert max(loads) - min(loads) <= 1


@settings(max_examples=100, deadline=None)
@given(instances(with_existing=True), st.randoms(use_true_random=False))
def test_input_order_never_matters(instance, shuffler):
    entries, jurors, conflicts, k, max_load, seed, existing = instance
    first = assign_balanced(entries, jurors, conflicts, k, max_load, seed, existing)
    shuffler.shuffle(entries)
    shuffler.shuffle(jurors)
    again = assign_balanced(entries, jurors, conflicts, k, max_load, seed, existing)
    assert again == first


# -- diff and load_summary ------------------------------------------------------------


def test_diff_lists_added_and_removed_pairs_sorted():
    old = {(1, 10), (2, 10), (3, 11)}
    new = {(3, 11), (2, 12), (1, 12)}
    assert diff(old, new) == ([(1, 12), (2, 12)], [(1, 10), (2, 10)])
    assert diff(new, new) == ([], [])


def test_load_summary_counts_per_juror_including_idle_ones():
    pairs = {(1, 10), (2, 10), (1, 11)}
    assert load_summary(pairs) == {10: 2, 11: 1}
    summary = load_summary(pairs, [JurorRef(12), JurorRef(10)])
    assert list(summary.items()) == [(10, 2), (11, 1), (12, 0)]
