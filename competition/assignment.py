"""Who scores what (DESIGN §6): pure functions over plain ids, no models.

The jury screens turn entries, jury members and conflict declarations into
:class:`EntryRef`, :class:`JurorRef` and ``(entry_id, juror_id)`` pairs, call one of
the functions below, and store the pairs they get back. A chair is a juror here.

A juror may score an entry (:func:`can_score`) when they cover its category
(``category_ids`` is ``None`` for "all categories") and have not declared a
conflict with it. Conflicts are hard constraints: no function here ever returns a
conflicting pair.

Two modes:

* :func:`assign_all`, the default: every juror of a category scores every entry of
  it, except where there is a conflict.
* :func:`assign_balanced`, for large editions: ``k`` jurors per entry, at most
  ``max_load`` entries per juror, reproducible for a given seed.

How :func:`assign_balanced` works
---------------------------------
It is a small min-cost flow (entries need ``k`` units, jurors take up to
``max_load``, edges are the eligible pairs) solved in three steps:

1. Greedy, in ``k`` rounds of one juror per entry (so that scarce capacity is
   shared: many entries lacking one juror rather than a few lacking all). Entries
   with the fewest eligible jurors go first (they have the least choice); each
   takes the eligible juror with the lowest current load still under ``max_load``.
   Equal loads are ordered by ``random.Random(seed)``, the only use of randomness.
2. Coverage repair. For an entry left short, search for a chain of moves: the entry
   takes a full juror J1, J1 hands one of its other entries to J2 (who may score it),
   ... until a juror with spare capacity takes the last one. This is an augmenting
   path of the flow; one pass over the short entries is enough, because an entry
   with no such chain never gains one later.
3. Balancing. While some juror with load L can hand an entry, directly or by such a
   chain, to a juror with load L-2 or less, do it. Each move lowers the sum of
   squared loads, so this ends.

Guarantees, relative to the pairs kept from ``existing``:

* never a conflicting pair, never a juror who does not cover the entry's category,
  never a new pair that puts a juror above ``max_load``;
* the number of pairs is the largest possible (no chain in step 2 means a maximum
  flow), and every entry that still lacks jurors is in ``shortfalls``;
* among all assignments with that many pairs the loads are the most even: the
  highest load is as low as it can be, and no move in step 3 remains (the sum of
  squared loads is minimal). When every juror may score every entry, loads differ
  by at most one;
* the same inputs and seed give the same pairs, whatever the order of the inputs
  (they are sorted by id first); another seed may pick other jurors among equals.

Kept pairs (manual changes, reviews already started) are never moved. One whose
juror now has a conflict, or whose entry or juror is no longer in the input, is
dropped and listed in ``dropped``. A kept pair outside the juror's categories stays:
it was somebody's deliberate decision. Kept pairs count toward ``k`` and toward the
juror's load, so they may leave an entry with more than ``k`` jurors or a juror
above ``max_load``; the algorithm then adds nothing to them.
"""

import random
from collections import Counter, deque
from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass

NOT_ENOUGH_JURORS = "not_enough_jurors"
MAX_LOAD = "max_load"

CONFLICT = "conflict"
UNKNOWN_ENTRY = "unknown_entry"
UNKNOWN_JUROR = "unknown_juror"

Pair = tuple[Hashable, Hashable]


@dataclass(frozen=True)
class EntryRef:
    """An entry to be scored: its id and its category's id."""

    id: Hashable
    category_id: Hashable


@dataclass(frozen=True)
class JurorRef:
    """A jury member who scores: ``category_ids`` ``None`` means every category."""

    id: Hashable
    category_ids: frozenset | None = None


@dataclass(frozen=True)
class Shortfall:
    """An entry that got fewer jurors than needed, and why.

    ``reason`` is :data:`NOT_ENOUGH_JURORS` when fewer than ``needed`` jurors may
    score it at all, :data:`MAX_LOAD` when enough may but they are full.
    """

    entry_id: Hashable
    got: int
    needed: int
    reason: str


@dataclass(frozen=True)
class DroppedPair:
    """A kept pair that could not stay: :data:`CONFLICT`, :data:`UNKNOWN_ENTRY`
    or :data:`UNKNOWN_JUROR`."""

    entry_id: Hashable
    juror_id: Hashable
    reason: str


@dataclass(frozen=True)
class AssignmentResult:
    """What :func:`assign_balanced` decided: the pairs, and what it could not do."""

    pairs: frozenset
    shortfalls: tuple[Shortfall, ...] = ()
    dropped: tuple[DroppedPair, ...] = ()


def covers(juror: JurorRef, category_id: Hashable) -> bool:
    """Whether the juror scores entries of this category."""
    return juror.category_ids is None or category_id in juror.category_ids


def can_score(entry: EntryRef, juror: JurorRef, conflicts: Collection[Pair]) -> bool:
    """Whether the juror may be assigned the entry: covers its category, no conflict."""
    return covers(juror, entry.category_id) and (entry.id, juror.id) not in conflicts


def assign_all(
    entries: Iterable[EntryRef],
    jurors: Iterable[JurorRef],
    conflicts: Collection[Pair] = frozenset(),
) -> frozenset:
    """Every juror of a category scores every entry of it, except conflicts.

    Returns a frozenset of ``(entry_id, juror_id)`` pairs.
    """
    jurors, conflicts = list(jurors), frozenset(conflicts)
    return frozenset(
        (entry.id, juror.id)
        for entry in entries
        for juror in jurors
        if can_score(entry, juror, conflicts)
    )


def assign_balanced(
    entries: Iterable[EntryRef],
    jurors: Iterable[JurorRef],
    conflicts: Collection[Pair],
    k: int,
    max_load: int | None,
    seed: int | str,
    existing: Collection[Pair] = frozenset(),
) -> AssignmentResult:
    """``k`` eligible jurors per entry, at most ``max_load`` entries per juror.

    ``max_load`` ``None`` means no limit. ``existing`` pairs are kept (see the module
    docstring for the algorithm, its guarantees and what happens to kept pairs).
    Entries that cannot get ``k`` jurors are listed in ``shortfalls``, ordered by
    entry id; nothing is raised for an infeasible instance.
    """
    if k < 0:
        raise ValueError("k must not be negative")
    if max_load is not None and max_load < 0:
        raise ValueError("max_load must not be negative")
    entries = _sorted_unique(entries, "entry")
    jurors = _sorted_unique(jurors, "juror")
    # A frozenset whatever came in: membership is tested for every candidate pair.
    conflicts = frozenset(conflicts)
    # A seeded generator on purpose: the same inputs give the same assignment
    # (reproducible runs, tests); it breaks ties, it guards no secret.
    rng = random.Random(seed)  # nosec B311
    solver = _Balancer(entries, jurors, conflicts, max_load, rng)
    dropped = solver.keep(existing)
    solver.greedy(k)
    solver.repair(k)
    solver.balance()
    return AssignmentResult(
        pairs=solver.pairs(), shortfalls=solver.shortfalls(k), dropped=dropped
    )


def diff(old_pairs: Iterable[Pair], new_pairs: Iterable[Pair]) -> tuple:
    """``(added, removed)``: the pairs only in the new set, and only in the old one.

    For the audit log of a re-run or a manual change; both are sorted lists so the
    log reads the same every time.
    """
    old_pairs, new_pairs = set(old_pairs), set(new_pairs)
    return sorted(new_pairs - old_pairs), sorted(old_pairs - new_pairs)


def load_summary(
    pairs: Iterable[Pair], jurors: Iterable[JurorRef] = ()
) -> dict[Hashable, int]:
    """Entries per juror id, ordered by juror id.

    Jurors passed in ``jurors`` appear even with nothing assigned (a zero is worth
    seeing on the assignment screen).
    """
    counts = Counter(juror_id for _, juror_id in pairs)
    for juror in jurors:
        counts.setdefault(juror.id, 0)
    return {juror_id: counts[juror_id] for juror_id in sorted(counts)}


def _sorted_unique(refs, kind):
    # Sorting makes the result independent of the caller's order (querysets without
    # order_by, sets); duplicates would silently double a juror's capacity.
    refs = sorted(refs, key=lambda ref: ref.id)
    for before, after in zip(refs, refs[1:], strict=False):
        if before.id == after.id:
            raise ValueError(f"duplicate {kind} id {after.id!r}")
    return refs


class _Balancer:
    """The mutable state of one :func:`assign_balanced` run.

    Entry-to-juror sets are dicts used as ordered sets: iterating a set of strings
    depends on the process's hash seed, which would break reproducibility.
    """

    def __init__(self, entries, jurors, conflicts, max_load, rng):
        self.entries = entries
        self.juror_ids = [juror.id for juror in jurors]
        self.rank = {juror_id: i for i, juror_id in enumerate(self.juror_ids)}
        self.cap = max_load
        self.rng = rng
        self.eligible = {
            entry.id: tuple(j.id for j in jurors if can_score(entry, j, conflicts))
            for entry in entries
        }
        self.assigned = {entry.id: {} for entry in entries}  # entry -> jurors
        self.fixed = {entry.id: set() for entry in entries}  # kept pairs
        self.movable = {juror_id: {} for juror_id in self.juror_ids}  # juror -> entries
        self.load = dict.fromkeys(self.juror_ids, 0)
        self.conflicts = conflicts
        # Who could take an entry from a juror: everybody eligible for an entry of
        # a category the juror is eligible for (a superset, for stopping searches).
        by_category, categories_of = {}, {j: set() for j in self.juror_ids}
        for entry in entries:
            by_category.setdefault(entry.category_id, set()).update(
                self.eligible[entry.id]
            )
            for juror_id in self.eligible[entry.id]:
                categories_of[juror_id].add(entry.category_id)
        self.neighbours = {
            juror_id: set().union(*(by_category[c] for c in categories))
            for juror_id, categories in categories_of.items()
        }

    def has_room(self, juror_id):
        return self.cap is None or self.load[juror_id] < self.cap

    def keep(self, existing):
        dropped = []
        for entry_id, juror_id in sorted(set(existing)):
            if entry_id not in self.assigned:
                reason = UNKNOWN_ENTRY
            elif juror_id not in self.load:
                reason = UNKNOWN_JUROR
            elif (entry_id, juror_id) in self.conflicts:
                reason = CONFLICT
            else:
                self.assigned[entry_id][juror_id] = None
                self.fixed[entry_id].add(juror_id)
                self.load[juror_id] += 1
                continue
            dropped.append(DroppedPair(entry_id, juror_id, reason))
        return tuple(dropped)

    def greedy(self, k):
        # Fewest eligible jurors first: a flexible entry can take whoever is left.
        order = sorted(self.entries, key=lambda e: (len(self.eligible[e.id]), e.id))
        # In rounds, one juror per entry per round: when capacity runs out, many
        # entries lack one juror rather than a few lacking all of them.
        for round_ in range(1, k + 1):
            for entry in order:
                assigned = self.assigned[entry.id]
                if len(assigned) >= round_:
                    continue
                # One draw per eligible juror, usable or not, so that the random
                # sequence does not depend on the loads reached so far.
                ranked = sorted(
                    (self.load[j], self.rng.random(), j)
                    for j in self.eligible[entry.id]
                )
                for _, _, juror_id in ranked:
                    if juror_id not in assigned and self.has_room(juror_id):
                        self.add(entry.id, juror_id)
                        break

    def repair(self, k):
        # Jurors from which no juror with room can be reached by a chain of moves;
        # the set stays closed and full whatever chains are applied later, so an
        # entry whose candidates all lie in it needs no search.
        dead = set()
        for entry in self.entries:
            assigned = self.assigned[entry.id]
            while len(assigned) < k:
                starts = [j for j in self.eligible[entry.id] if j not in assigned]
                if not starts or dead.issuperset(starts):
                    break
                found, reached = self._search(starts, lambda j, _: self.has_room(j))
                if found is None:
                    dead |= reached
                    break
                first, chain = found
                # The entry takes the first juror, who hands one entry on, and so on.
                self.add(entry.id, first)
                self._shift(chain)

    def balance(self):
        while (chain := self._balancing_chain()) is not None:
            self._shift(chain)

    def _balancing_chain(self):
        # Search from the most loaded jurors first; a juror already reached from a
        # more loaded one is not searched again (it could only do worse).
        low = min(self.load.values(), default=0)
        sources = sorted(
            (j for j in self.juror_ids if self.load[j] >= low + 2),
            key=lambda j: (-self.load[j], self.rank[j]),
        )
        found, _ = self._search(
            sources,
            lambda taker, root: (
                self.load[taker] <= self.load[root] - 2 and self.has_room(taker)
            ),
        )
        return None if found is None else found[1]

    def _search(self, roots, is_target):
        """Breadth-first search over jurors for a chain of moves ending at a target.

        An edge G -> T exists when juror G holds a movable entry that T may score and
        does not have yet. ``is_target(juror, root)`` says whether a juror reached
        from ``root`` ends a chain. Roots are searched one after another, skipping
        jurors reached before. Returns ``(root, [(giver, entry_id, taker), ...])``
        for the first chain found (or ``None``), and the set of jurors reached.

        The moves are checked against the current state only: a chain visits each
        juror once, so no two of its moves touch the same (entry, juror) pair.
        """
        parent = {}
        for root in roots:
            if root in parent:
                continue
            parent[root] = None
            if is_target(root, root):
                return (root, []), set(parent)
            queue = deque([root])
            while queue:
                giver = queue.popleft()
                # Once every juror this giver could hand an entry to is reached,
                # its remaining entries cannot lead anywhere new.
                waiting = self.neighbours[giver] - parent.keys()
                for entry_id in self.movable[giver]:
                    if not waiting:
                        break
                    assigned = self.assigned[entry_id]
                    for taker in self.eligible[entry_id]:
                        if taker in parent or taker in assigned:
                            continue
                        parent[taker] = (giver, entry_id)
                        if is_target(taker, root):
                            return self._unwind(parent, taker), set(parent)
                        waiting.discard(taker)
                        queue.append(taker)
        return None, set(parent)

    @staticmethod
    def _unwind(parent, target):
        chain, taker = [], target
        while parent[taker] is not None:
            giver, entry_id = parent[taker]
            chain.append((giver, entry_id, taker))
            taker = giver
        chain.reverse()
        return taker, chain

    def _shift(self, chain):
        # Jurors inside the chain give one entry and take one: only the ends change.
        for giver, entry_id, taker in chain:
            del self.assigned[entry_id][giver]
            del self.movable[giver][entry_id]
            self.load[giver] -= 1
            self.add(entry_id, taker)

    def add(self, entry_id, juror_id):
        self.assigned[entry_id][juror_id] = None
        self.movable[juror_id][entry_id] = None
        self.load[juror_id] += 1

    def pairs(self):
        return frozenset(
            (entry_id, juror_id)
            for entry_id, jurors in self.assigned.items()
            for juror_id in jurors
        )

    def shortfalls(self, k):
        result = []
        for entry in self.entries:
            got = len(self.assigned[entry.id])
            if got < k:
                possible = set(self.eligible[entry.id]) | self.fixed[entry.id]
                reason = NOT_ENOUGH_JURORS if len(possible) < k else MAX_LOAD
                result.append(Shortfall(entry.id, got, k, reason))
        return tuple(result)
