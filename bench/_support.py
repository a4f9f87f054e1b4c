"""Set-up and checks of ``bench/submission.py``: constants, ``manage.py`` calls,
generated photos and PDFs, and the final check of the database and the buckets."""

import json
import random
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MB = 1024 * 1024
WORKERS = 2
REGION = "eu-central-1"
PUBLIC_BUCKET = "bench-public"
PRIVATE_BUCKET = "bench-private"
CATEGORY = "reintegracja"
MEMORY_TARGET_MB = 150
REQUEST_TIMEOUT = 180
SAMPLE_SECONDS = 0.02
MOTO_CREDENTIALS = {"key": "bench", "password": "bench-moto"}
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")

SETUP = """
import json
from wagtail.models import Locale
from home.models import HomePage
from tests.competition import builders
home = HomePage.objects.get(locale=Locale.objects.get(language_code="pl"), depth=2)
page = builders.edition(home, code="MMES-2027")
print("@@" + json.dumps({"url": page.url, "pk": page.pk}))
"""

RAISE_LIMIT = """
from competition.models import CompetitionPage
CompetitionPage.objects.filter(pk={pk}).update(max_presentation_size_mb={limit})
"""

VERIFY = """
import json
from competition.models import Entry, EntryFile
entries = [
    {
        "reference": entry.reference,
        "status": entry.status,
        "files": [
            [item.kind, item.storage_name, item.size]
            for item in entry.files.all()
        ],
    }
    for entry in Entry.objects.prefetch_related("files").order_by("pk")
]
orphans = EntryFile.objects.filter(entry=None).count()
print("@@" + json.dumps({"entries": entries, "orphans": orphans}))
"""


class BenchError(Exception):
    """Something that makes the numbers meaningless: the run fails."""


# --- Set-up ---------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(env, *args, code=None, timeout=600):
    command = [sys.executable, "manage.py", *args]
    if code is not None:
        command += ["-c", code]
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(
            f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        )
    for line in done.stdout.splitlines():
        if line.startswith("@@"):
            return json.loads(line[2:])
    return None


def write_photo(path, seed):
    """A 2000x1500 JPEG of noise, ~1.6 MB: incompressible like a real photo."""
    from PIL import Image

    pixels = random.Random(seed).randbytes(2000 * 1500 * 3)
    Image.frombytes("RGB", (2000, 1500), pixels).save(path, "JPEG", quality=70)


def write_pdf(path, size):
    """A PDF of exactly ``size`` bytes: one binary stream object of random bytes."""
    tail = b"\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n"
    head = b""
    for _ in range(3):  # the /Length digits change the head's own length
        length = size - len(head) - len(tail)
        head = (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length "
            + str(length).encode()
            + b" >>\nstream\n"
        )
    length = size - len(head) - len(tail)
    block = random.Random(size).randbytes(MB)
    with open(path, "wb") as out:
        out.write(head)
        while length > 0:
            out.write(block[: min(length, MB)])
            length -= MB
        out.write(tail)
    assert path.stat().st_size == size


# --- Checks ---------------------------------------------------------------------------


def verify(env, s3, references):
    found = run_manage(env, "shell", code=VERIFY)
    entries = {entry["reference"]: entry for entry in found["entries"]}
    missing = set(references) - set(entries)
    if missing or len(entries) != len(references):
        raise BenchError(
            f"database holds {len(entries)} entries, expected {len(references)}; "
            f"missing {sorted(missing)[:5]}"
        )
    if found["orphans"]:
        raise BenchError(f"{found['orphans']} files without an entry")
    stored = {
        item["Key"]: item["Size"]
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=PRIVATE_BUCKET)
        for item in page.get("Contents", [])
    }
    public = s3.list_objects_v2(Bucket=PUBLIC_BUCKET).get("KeyCount", 0)
    files = 0
    for reference, entry in entries.items():
        kinds = sorted(kind for kind, _name, _size in entry["files"])
        if entry["status"] != "submitted" or kinds != ["photo"] * 3 + ["presentation"]:
            raise BenchError(f"{reference}: {entry['status']}, files {kinds}")
        for _kind, name, size in entry["files"]:
            if stored.get(name) != size:
                raise BenchError(
                    f"{reference}: {name} is {stored.get(name)} bytes in the "
                    f"private bucket, {size} in the database"
                )
            files += 1
    if len(stored) != files:
        raise BenchError(f"{len(stored)} objects in the private bucket, {files} files")
    if public:
        raise BenchError(f"{public} objects in the public bucket")
    return len(entries), files
