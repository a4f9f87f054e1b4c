"""One migrated SQLite database per test run, copied where it was migrated again.

Migrating an empty database through Wagtail's and the project's migrations costs
~45 s of CPU on these machines, and `make test` did it four times: the in-memory
test database of each xdist worker, and the live site of each worker's browser
suite. The first process to ask migrates a file once (under a lock, so the other
worker waits instead of doing the same); the test databases are restored from it
with SQLite's backup API, the live sites copy it. `migrate` still runs after
either: it finds nothing to apply, so the check that the schema is current stays.

Only SQLite: on PostgreSQL (CI's second stage) Django creates and migrates the
test databases as usual.
"""

import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[1]
MEMORY = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 # nosec B108
_kept_open = []  # an in-memory SQLite database lives while a connection to it does


def shared_dir(config, tmp_path_factory):
    """A directory of this run that all its xdist workers share (one run never
    reuses another's: pytest numbers its base directories per run)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


def migrated_template(directory):
    """The path of this run's migrated database, migrated by the first caller."""
    path = directory / "migrated.sqlite3"
    with (directory / "migrated.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            # Migrated in memory where the machine has a tmpfs: SQLite then skips
            # a disk sync for each of the migrations' hundreds of commits.
            scratch = Path(tempfile.mkdtemp(prefix="migrating-", dir=MEMORY))
            try:
                _migrate(scratch / "migrated.sqlite3")
                shutil.move(scratch / "migrated.sqlite3", path)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
    return path


def _migrate(path):
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=PROJECT_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign_site.settings.test",
            "DATABASE_URL": f"sqlite:///{path}",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(
            f"migrating the template database failed:\n{result.stdout[-4000:]}",
            pytrace=False,
        )


def restore_test_databases_from(template):
    """Make Django's in-memory SQLite test database start as a copy of
    ``template`` instead of empty (Django then migrates it: nothing to do)."""
    from django.db.backends.sqlite3.creation import DatabaseCreation

    create = DatabaseCreation._create_test_db

    def _create_test_db(self, verbosity, autoclobber, keepdb=False):
        name = create(self, verbosity, autoclobber, keepdb)
        if self.is_in_memory_db(name):
            memory = sqlite3.connect(name, uri=True)
            source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
            try:
                source.backup(memory)
            finally:
                source.close()
            _kept_open.append(memory)
        return name

    DatabaseCreation._create_test_db = _create_test_db


def uses_in_memory_sqlite():
    from django.db import connections

    connection = connections["default"]
    return connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.creation._get_test_db_name()
    )
