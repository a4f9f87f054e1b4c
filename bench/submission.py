"""Latency of the public submission form, and a worker's memory during a big upload.

Starts a moto S3 server and gunicorn (production settings, the container's
``docker/gunicorn.conf.py`` with 2 workers) on 127.0.0.1 over a fresh SQLite database
with one open edition, public and private storage in S3 buckets. Then:

1. sends ``--count`` complete entries (three ~1.5 MB JPEG photos and a
   ``--presentation-mb`` PDF each) from ``--threads`` client threads; each one GETs
   the form (CSRF cookie and token, idempotency key) and POSTs it as a streamed
   multipart body (the files go out with sendfile, never read into the client's
   memory); prints the POST latency (median, p95, max) and the throughput;
2. raises the edition's presentation limit and uploads one ``--memory-mb`` PDF
   while sampling VmRSS of every gunicorn worker every 20 ms (VmHWM reset just
   before); prints baseline, peak and delta of the worker that took it;
3. checks in the database (``manage.py shell``) that every entry has its 4 files,
   none is left unattached, and that each file is in the private bucket with its
   size (and none in the public one).

    .venv/bin/python bench/submission.py [--count 50] [--presentation-mb 20]
        [--memory-mb 100] [--threads 2]

Only 127.0.0.1 is contacted. Each entry is sent from its own loopback source
address (127.1.x.y, still the same host): the form's POST is rate limited per
client address (30 in 10 minutes), and 50 applicants do not share one address.
Exits non-zero if any submission or check fails (not when the memory target is
missed: that is a number to read).
"""

import argparse
import os
import secrets
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._client import Client, percentile, run_submissions  # noqa: E402
from bench._support import (  # noqa: E402
    CATEGORY,
    MB,
    MEMORY_TARGET_MB,
    MOTO_CREDENTIALS,
    PRIVATE_BUCKET,
    PROXY_VARIABLES,
    PUBLIC_BUCKET,
    RAISE_LIMIT,
    REGION,
    SETUP,
    WORKERS,
    BenchError,
    free_port,
    run_manage,
    verify,
    write_pdf,
    write_photo,
)
from bench._workers import (  # noqa: E402
    measure_upload_memory,
    memory_kb,
    start_gunicorn,
    stop,
    worker_line,
    worker_pids,
)
from tests.s3server import MotoServer, clean_env  # noqa: E402

# --- Main -----------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50, help="entries to submit")
    parser.add_argument(
        "--presentation-mb", type=int, default=20, help="presentation of each entry"
    )
    parser.add_argument(
        "--memory-mb",
        type=int,
        default=100,
        help="presentation uploaded while the workers' memory is sampled (0: skip)",
    )
    parser.add_argument("--threads", type=int, default=2, help="client threads")
    args = parser.parse_args()
    if args.count < 1 or args.presentation_mb < 1 or args.threads < 1:
        parser.error("--count, --presentation-mb and --threads must be positive")

    # Loopback only: no proxy may sit between us (or boto3 in gunicorn) and 127.0.0.1.
    for name in list(os.environ):
        if name.lower() in PROXY_VARIABLES:
            del os.environ[name]
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

    tmp = Path(tempfile.mkdtemp(prefix="bench-submission-"))
    (tmp / "tmp").mkdir()
    os.environ["TMPDIR"] = str(tmp / "tmp")  # moto's spooled objects go here too
    tempfile.tempdir = None
    moto = MotoServer()
    server = None
    log = (tmp / "gunicorn.log").open("wb")
    try:
        endpoint = moto.start()
        if not endpoint.startswith("http://127.0.0.1:"):
            raise BenchError(f"moto is not on loopback: {endpoint}")
        import boto3

        s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=MOTO_CREDENTIALS["key"],
            aws_secret_access_key=MOTO_CREDENTIALS["password"],
        )
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            s3.create_bucket(
                Bucket=bucket,
                CreateBucketConfiguration={"LocationConstraint": REGION},
            )

        env = clean_env(
            DJANGO_SETTINGS_MODULE="campaign_site.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            # Plain http on loopback; the production default (True) redirects.
            SECURE_SSL_REDIRECT="False",
            DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
            MEDIA_ROOT=str(tmp / "media"),
            STATIC_ROOT=str(tmp / "static"),
            PRIVATE_MEDIA_ROOT=str(tmp / "private"),
            LOG_LEVEL="WARNING",
            AWS_STORAGE_BUCKET_NAME=PUBLIC_BUCKET,
            AWS_PRIVATE_STORAGE_BUCKET_NAME=PRIVATE_BUCKET,
            AWS_S3_ENDPOINT_URL=endpoint,
            AWS_S3_REGION_NAME=REGION,
            AWS_ACCESS_KEY_ID=MOTO_CREDENTIALS["key"],
            AWS_SECRET_ACCESS_KEY=MOTO_CREDENTIALS["password"],
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            WEB_CONCURRENCY=str(WORKERS),
            GUNICORN_LOG_LEVEL="warning",
            TMPDIR=str(tmp / "tmp"),
            # As the container sets it (Dockerfile): glibc keeps a malloc arena
            # per thread otherwise, and gthread workers have several.
            MALLOC_ARENA_MAX="2",
        )
        run_manage(env, "migrate", "--noinput")
        run_manage(env, "collectstatic", "--noinput")
        edition = run_manage(env, "shell", code=SETUP)
        form_path = f"{edition['url']}zgloszenie/{CATEGORY}/"

        photos = []
        for number in range(3):
            path = tmp / f"zdjecie-{number + 1}.jpg"
            write_photo(path, number)
            photos.append(("photos", path, "image/jpeg"))
        presentation = tmp / "prezentacja.pdf"
        write_pdf(presentation, args.presentation_mb * MB)
        files = [*photos, ("presentation", presentation, "application/pdf")]
        photo_mb = sum(path.stat().st_size for _n, path, _t in photos) / MB

        port = free_port()
        server = start_gunicorn(env, port, log)
        for _ in range(4):  # both workers render the form once before timing
            Client(port).request("GET", form_path)
        started_rss = [
            memory_kb(pid)["VmRSS"] / 1024 for pid in worker_pids(server.pid)
        ]

        print(
            f"gunicorn (docker/gunicorn.conf.py: {WORKERS} gthread workers x 4 "
            f"threads), production settings, SQLite, S3 on moto; "
            f"{args.threads} client threads"
        )
        print(
            "worker RSS after start-up and one form: "
            + ", ".join(f"{rss:.1f} MB" for rss in started_rss)
        )
        print(
            f"{args.count} entries, each 3 photos ({photo_mb:.1f} MB together) and a "
            f"{args.presentation_mb} MB PDF"
        )
        latencies, references, wall = run_submissions(
            port, form_path, files, args.count, args.threads
        )
        sent_mb = args.count * (photo_mb + args.presentation_mb)
        print(
            f"POST latency  n={len(latencies)}  "
            f"median {statistics.median(latencies):.2f} s  "
            f"p95 {percentile(latencies, 0.95):.2f} s  max {max(latencies):.2f} s"
        )
        print(
            f"throughput    {args.count / wall:.2f} entries/s, "
            f"{sent_mb / wall:.0f} MB/s "
            f"({wall:.1f} s for all, GETs and receipts included)"
        )

        if args.memory_mb:
            limit = max(150, args.memory_mb + 50)
            run_manage(
                env, "shell", code=RAISE_LIMIT.format(pk=edition["pk"], limit=limit)
            )
            big = tmp / "duza-prezentacja.pdf"
            write_pdf(big, args.memory_mb * MB)
            presentation.unlink()
            result = measure_upload_memory(
                server.pid,
                port,
                form_path,
                [*photos, ("presentation", big, "application/pdf")],
            )
            references.append(result["reference"])
            pid = result["pid"]
            base = result["baseline"][pid] / 1024
            peak = result["peak"][pid] / 1024
            print(
                f"one {args.memory_mb} MB presentation (+ 3 photos): POST "
                f"{result['elapsed']:.2f} s, {result['samples']} samples of VmRSS"
            )
            for worker in sorted(result["peak"]):
                print(worker_line(result, worker))
            verdict = "met" if peak < MEMORY_TARGET_MB else "NOT met"
            print(
                f"worker peak RSS {peak:.1f} MB (baseline {base:.1f} MB, "
                f"+{peak - base:.1f} MB for the upload); "
                f"target < {MEMORY_TARGET_MB} MB {verdict}"
            )

        entries, stored = verify(env, s3, references)
        print(
            f"verified: {entries} entries with 4 files each, {stored} objects in the "
            f"private bucket with matching sizes, none in the public one, no orphans"
        )
    except BenchError as error:
        log.flush()
        tail = (tmp / "gunicorn.log").read_bytes()[-4000:].decode(errors="replace")
        print(f"FAILED: {error}\n--- gunicorn log (tail) ---\n{tail}", file=sys.stderr)
        sys.exit(1)
    finally:
        stop(server)
        moto.stop()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
