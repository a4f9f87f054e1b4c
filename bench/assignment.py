"""Time of the balanced jury assignment (competition/assignment.py), printed.

    .venv/bin/python bench/assignment.py [--entries 2000] [--jurors 15] [--k 3]

Three editions of the given size, each timed over a few runs (best and median):
every juror scores every category; jurors limited to overlapping categories with
uneven entry counts per category; the second with a re-run that keeps half of
the pairs. Conflicts: about 1% of pairs. Target: under 1 s for 2,000 × 15, k = 3.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from competition.assignment import (  # noqa: E402
    EntryRef,
    JurorRef,
    assign_balanced,
    load_summary,
)


def edition(n_entries, n_jurors, restricted, rng):
    categories = list(range(6))
    # Uneven categories, as in real editions: one popular, a few small.
    weights = [40, 20, 15, 10, 10, 5]
    entries = [
        EntryRef(i, rng.choices(categories, weights)[0]) for i in range(n_entries)
    ]
    if restricted:
        jurors = [
            JurorRef(j, frozenset({j % 6, (j + 1) % 6}) if j % 3 else None)
            for j in range(n_jurors)
        ]
    else:
        jurors = [JurorRef(j, None) for j in range(n_jurors)]
    conflicts = {(e.id, j.id) for e in entries for j in jurors if rng.random() < 0.01}
    return entries, jurors, conflicts


def timed(runs, call):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def report(name, best, median, result, k):
    loads = load_summary(result.pairs).values()
    print(
        f"{name:<34} best {best:6.3f} s  median {median:6.3f} s  "
        f"pairs {len(result.pairs):5d}  loads {min(loads)}..{max(loads)}  "
        f"short {len(result.shortfalls)}  (k={k})"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--jurors", type=int, default=15)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(1)
    cap = -(-args.entries * args.k // args.jurors) + 20

    for restricted in (False, True):
        entries, jurors, conflicts = edition(args.entries, args.jurors, restricted, rng)
        name = "limited categories" if restricted else "all categories"
        best, median, result = timed(
            args.runs,
            lambda e=entries, j=jurors, c=conflicts: assign_balanced(
                e, j, c, args.k, cap, seed=7
            ),
        )
        report(f"{args.entries}x{args.jurors} {name}", best, median, result, args.k)

    kept = frozenset(sorted(result.pairs)[::2])
    best, median, rerun = timed(
        args.runs,
        lambda: assign_balanced(
            entries, jurors, conflicts, args.k, cap, seed=8, existing=kept
        ),
    )
    report(f"re-run keeping {len(kept)} pairs", best, median, rerun, args.k)


if __name__ == "__main__":
    main()
