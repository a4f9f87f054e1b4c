"""Time of the pure ranking code: one category of 2,000 entries × 15 jurors × 5
criteria (integer points, Decimal weights), no database.

    .venv/bin/python bench/scoring.py [--entries 2000] [--jurors 15] [--criteria 5]

Prints the best of three runs of each stage. The database-backed benchmark of the
whole ranking screen is ``bench/ranking.py``.
"""

import argparse
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from competition import scoring  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--jurors", type=int, default=15)
    parser.add_argument("--criteria", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(2027)
    criteria = [
        scoring.CriterionSpec(i, Decimal(rng.choice(["0.5", "1", "1.25", "2"])), 10)
        for i in range(args.criteria)
    ]
    reviews = [
        scoring.ReviewInput(e, j, {c.id: rng.randint(0, 10) for c in criteria}, True)
        for e in range(args.entries)
        for j in range(args.jurors)
    ]
    rules = scoring.ScoringRules()
    best = {"results": float("inf"), "rank": float("inf")}
    for _ in range(3):
        start = time.perf_counter()
        results = scoring.category_results(reviews, criteria, rules)
        middle = time.perf_counter()
        ranking = scoring.rank(results, reviews, criteria, rules)
        end = time.perf_counter()
        best["results"] = min(best["results"], middle - start)
        best["rank"] = min(best["rank"], end - middle)
    ties = sum(1 for r in ranking if r.tie_break)
    print(
        f"{args.entries} entries × {args.jurors} jurors × {args.criteria} criteria: "
        f"totals+aggregates {best['results']:.3f} s, rank {best['rank']:.3f} s, "
        f"total {sum(best.values()):.3f} s ({ties} entries went through a tie-break)"
    )


if __name__ == "__main__":
    main()
