"""How long the ranking of a large edition takes, as the ranking screen does it.

Creates a throwaway PostgreSQL database (dropped at the end), migrates it, and
builds one edition: ``--entries`` entries (2,000) spread over ``--categories``
categories (1: the worst case, every juror in one category) of ``--criteria``
criteria (5), each entry scored by all ``--jurors`` jurors (15) in submitted
reviews, written with bulk_create. Then, ``--repeat`` times, times
:func:`competition.ranking.fetch` (the database load: the screen's queries and
turning rows into inputs) and :func:`competition.ranking.build` (scoring,
ranking, tie-break explanations, per-juror matrices) for the whole edition, and
prints load, compute and total (best and median of the runs, wall clock, and
the CPU time of this process, which leaves out PostgreSQL's own work and time
spent waiting for a busy machine's CPU). Target: under 1 s.

    .venv/bin/python bench/ranking.py [--entries 2000] [--jurors 15]
        [--criteria 5] [--categories 1] [--repeat 5]
        [--server postgres://postgres@127.0.0.1:5432]

Without a reachable PostgreSQL server it falls back to a temporary SQLite file
and says so (the figure that counts is PostgreSQL's).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 1.0


def _postgres(server):
    """A fresh database on ``server``: (DATABASE_URL, drop function) or None."""
    try:
        import psycopg

        admin = psycopg.connect(
            f"{server}/postgres", autocommit=True, connect_timeout=3
        )
    except Exception as error:  # no server, no rights: fall back
        print(f"PostgreSQL not reachable ({error.__class__.__name__}): using SQLite")
        return None
    name = f"bench_ranking_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        from django.db import connections

        connections.close_all()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return f"{server}/{name}", drop


def _setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "campaign_site.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _build_edition(args):
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.models import Locale

    from competition.models import (
        Category,
        Criterion,
        Entry,
        JuryMember,
        Review,
        Score,
        Status,
    )
    from home.models import HomePage
    from tests.competition import builders

    rng = random.Random(2027)
    now = timezone.now()
    home = HomePage.objects.get(locale=Locale.get_default(), depth=2)
    edition = builders.edition(
        home,
        code="MMES-2040",
        opens=now - timedelta(days=90),
        closes=now - timedelta(days=60),
        jury_opens_at=now - timedelta(days=59),
        jury_closes_at=now - timedelta(days=1),
        results_at=now + timedelta(days=10),
        categories=(),
    )
    categories = []
    for position in range(args.categories):
        category = Category.objects.create(
            edition=edition,
            slug=f"kategoria-{position}",
            sort_order=position,
            name=f"Kategoria {position + 1}",
            who_may_apply="Podmioty ekonomii społecznej.",
        )
        Criterion.objects.bulk_create(
            Criterion(
                category=category,
                sort_order=number,
                name=f"Kryterium {number + 1}",
                question="?",
                weight=rng.choice((1, 1, 2, 3)),
                max_points=10,
            )
            for number in range(args.criteria)
        )
        categories.append((category, list(category.criteria.order_by("sort_order"))))
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"juror{i}", first_name="Juror", last_name=str(i))
        for i in range(args.jurors)
    )
    members = JuryMember.objects.bulk_create(
        JuryMember(edition=edition, user=user, role="chair" if i == 0 else "juror")
        for i, user in enumerate(users)
    )
    entries = Entry.objects.bulk_create(
        Entry(
            edition=edition,
            category=categories[number % len(categories)][0],
            number=number + 1,
            reference=f"MMES-2040-{number + 1:04d}",
            status=Status.REVIEWED,
            nominee_kind="organisation",
            organisation_name=f"Spółdzielnia {number + 1}",
            submitted_at=now,
        )
        for number in range(args.entries)
    )
    criteria_of = {category.pk: criteria for category, criteria in categories}
    reviews = Review.objects.bulk_create(
        (
            Review(
                entry=entry,
                member=member,
                status=Review.Status.SUBMITTED,
                version=1,
                submitted_at=now,
            )
            for entry in entries
            for member in members
        ),
        batch_size=5000,
    )
    Score.objects.bulk_create(
        (
            Score(review=review, criterion=criterion, points=rng.randint(0, 10))
            for review in reviews
            for criterion in criteria_of[review.entry.category_id]
        ),
        batch_size=10000,
    )
    return edition


def _run(edition, repeat):
    from django.db import connection, reset_queries

    from competition import ranking

    runs = []
    for _ in range(repeat):
        reset_queries()
        start, cpu_start = time.perf_counter(), time.process_time()
        inputs = ranking.fetch(edition)
        loaded, cpu_loaded = time.perf_counter(), time.process_time()
        rankings = ranking.build(edition, inputs)
        done, cpu_done = time.perf_counter(), time.process_time()
        runs.append(
            (
                loaded - start,
                done - loaded,
                done - start,
                cpu_loaded - cpu_start,
                cpu_done - cpu_loaded,
                cpu_done - cpu_start,
            )
        )
        queries = len(connection.queries)
    rows = sum(len(r.rows) for r in rankings)
    return runs, rows, queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--jurors", type=int, default=15)
    parser.add_argument("--criteria", type=int, default=5)
    parser.add_argument("--categories", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()

    postgres = _postgres(args.server)
    tmp = None
    if postgres:
        database_url, drop = postgres
    else:
        tmp = tempfile.TemporaryDirectory(prefix="bench-ranking-")
        database_url, drop = f"sqlite:///{tmp.name}/bench.sqlite3", tmp.cleanup
    try:
        _setup_django(database_url)
        from django.conf import settings

        settings.DEBUG = True  # count queries
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        start = time.perf_counter()
        edition = _build_edition(args)
        built = time.perf_counter() - start
        print(
            f"database: {engine}; edition: {args.entries} entries x {args.jurors} "
            f"jurors x {args.criteria} criteria in {args.categories} "
            f"categor{'y' if args.categories == 1 else 'ies'} "
            f"({args.entries * args.jurors} submitted reviews, "
            f"{args.entries * args.jurors * args.criteria} scores), built in "
            f"{built:.1f} s"
        )
        runs, rows, queries = _run(edition, args.repeat)
        for label, index in (("load", 0), ("compute", 1), ("total", 2)):
            values = [run[index] for run in runs]
            cpu = [run[index + 3] for run in runs]
            print(
                f"{label:8} best {min(values) * 1000:7.0f} ms   "
                f"median {statistics.median(values) * 1000:7.0f} ms   "
                f"(this process's CPU: best {min(cpu) * 1000:5.0f} ms)"
            )
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        best = min(run[2] for run in runs)
        verdict = "met" if best < TARGET_SECONDS else "MISSED"
        print(
            f"ranked {rows} entries with {queries} queries; target < "
            f"{TARGET_SECONDS:.0f} s: {verdict}"
        )
    finally:
        drop()


if __name__ == "__main__":
    main()
