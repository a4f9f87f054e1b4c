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
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.s3server import MotoServer, clean_env  # noqa: E402

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

# A valid organisation entry (as in tests/competition/formdata.py).
FIELDS = {
    "nominee_kind": "organisation",
    "nomination": "self",
    "organisation_name": "Spółdzielnia Socjalna „Razem”",
    "legal_form": "spoldzielnia_socjalna",
    "running_entity_name": "",
    "nip": "856-734-62-15",
    "regon": "192598184",
    "krs": "359730",
    "street": "ul. Grzybowska 80/82",
    "postal_code": "00-844",
    "city": "Warszawa",
    "powiat": "1465",
    "website": "razem.example.org",
    "contact_name": "Jan Nowak",
    "email": "jan.nowak@example.org",
    "phone": "+48 600 100 200",
    "title": "Kawiarnia, która zatrudnia",
    "summary": "Prowadzimy kawiarnię i catering, zatrudniamy 12 osób.",
    "video_url": "",
    "consent_rules": "on",
    "consent_data": "on",
    "fax_number": "",
    "action": "submit",
}


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


def start_gunicorn(env, port, log):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(ROOT / "docker" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "campaign_site.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError("gunicorn exited during start-up")
        try:
            status, _headers, _body = Client(port).request("GET", "/healthz")
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError("gunicorn did not answer /healthz within 60 s")


def stop(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


# --- A browser, roughly ---------------------------------------------------------------


class Client:
    """One applicant: a cookie jar and a loopback source address.

    Cookies are kept by hand: production marks them Secure, which a cookie jar
    would not send back over plain http on loopback.
    """

    def __init__(self, port, source="127.0.0.1"):
        self.port = port
        self.source = source
        self.cookies = {}

    def _connection(self):
        return HTTPConnection(
            "127.0.0.1",
            self.port,
            timeout=REQUEST_TIMEOUT,
            source_address=(self.source, 0),
        )

    def _headers(self, extra=None):
        headers = {"Host": f"127.0.0.1:{self.port}", "Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers.update(extra or {})
        return headers

    def _read(self, connection):
        response = connection.getresponse()
        body = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, body

    def request(self, method, path, headers=None):
        connection = self._connection()
        try:
            connection.request(method, path, headers=self._headers(headers))
            return self._read(connection)
        finally:
            connection.close()

    def post_multipart(self, path, fields, files, headers=None):
        """POST a multipart body streamed from disk; file parts go by sendfile."""
        boundary = f"----bench{uuid.uuid4().hex}"
        parts = []
        for name, value in fields:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                f"\r\n\r\n{value}\r\n".encode()
            )
        for name, file_path, content_type in files:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{file_path.name}"\r\nContent-Type: {content_type}'
                "\r\n\r\n".encode()
            )
            parts.append(file_path)
            parts.append(b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        length = sum(
            part.stat().st_size if isinstance(part, Path) else len(part)
            for part in parts
        )
        headers = self._headers(
            {
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Content-Length": str(length),
                **(headers or {}),
            }
        )
        connection = self._connection()
        try:
            connection.putrequest("POST", path, skip_host=True)
            for name, value in headers.items():
                connection.putheader(name, value)
            connection.endheaders()
            for part in parts:
                if isinstance(part, Path):
                    with part.open("rb") as handle:
                        connection.sock.sendfile(handle)
                else:
                    connection.send(part)
            return self._read(connection)
        finally:
            connection.close()


def hidden_value(html, name):
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    if not match:
        raise BenchError(f"the form has no {name!r} value")
    return match.group(1)


def submit(port, source, form_path, files):
    """GET the form, POST a complete entry; returns (POST seconds, reference)."""
    client = Client(port, source)
    status, _headers, body = client.request("GET", form_path)
    if status != 200:
        raise BenchError(f"GET {form_path}: {status}")
    html = body.decode()
    fields = dict(FIELDS)
    fields["csrfmiddlewaretoken"] = hidden_value(html, "csrfmiddlewaretoken")
    fields["idempotency_key"] = hidden_value(html, "idempotency_key")
    answers = sorted(set(re.findall(r'name="(answer_\d+)"', html)))
    if not answers:
        raise BenchError("the form has no answer fields")
    for name in answers:
        fields[name] = "Zatrudniamy osoby wychodzące z bezdomności. " * 5
    origin = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    status, headers, body = client.post_multipart(
        form_path,
        list(fields.items()),
        files,
        headers={"Origin": origin, "Referer": origin + form_path},
    )
    elapsed = time.perf_counter() - started
    location = headers.get("Location", "")
    match = re.search(r"/zgloszenie/gotowe/(MMES-2027-\d{4})/$", location)
    if status != 303 or not match:
        errors = [
            re.sub(r"<[^>]+>|\s+", " ", error).strip()
            for error in re.findall(
                r'class="form-error"[^>]*>(.*?)</p>', body.decode(), re.S
            )
        ]
        raise BenchError(f"POST {form_path}: {status} {location!r} {errors[:5]}")
    status, _headers, receipt = client.request("GET", location)
    if status != 200 or match.group(1) not in receipt.decode():
        raise BenchError(f"receipt {location}: {status}")
    return elapsed, match.group(1)


def source_addresses(count):
    """One loopback address per applicant, if this system lets us bind them."""
    addresses = [f"127.1.{index // 250}.{index % 250 + 1}" for index in range(count)]
    try:
        with socket.socket() as sock:
            sock.bind((addresses[0], 0))
    except OSError:
        print("note: cannot bind 127.1.x.y; all requests come from 127.0.0.1")
        return ["127.0.0.1"] * count
    return addresses


def percentile(values, fraction):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def run_submissions(port, form_path, files, count, threads):
    addresses = source_addresses(count)
    jobs = list(range(count))
    lock = threading.Lock()
    latencies, references, errors = [], [], []

    def worker():
        while True:
            with lock:
                if not jobs or errors:
                    return
                index = jobs.pop(0)
            try:
                elapsed, reference = submit(port, addresses[index], form_path, files)
            except Exception as error:
                with lock:
                    errors.append(f"submission {index + 1}: {error!r}")
                return
            with lock:
                latencies.append(elapsed)
                references.append(reference)

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    started = time.perf_counter()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=REQUEST_TIMEOUT * count)
        if thread.is_alive():
            errors.append("a client thread did not finish")
    wall = time.perf_counter() - started
    if errors:
        raise BenchError("; ".join(errors))
    if len(set(references)) != count:
        raise BenchError(f"{len(set(references))} distinct references for {count}")
    return latencies, references, wall


# --- Memory of the workers ------------------------------------------------------------


def worker_pids(master):
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            pids.append(int(entry))
    return sorted(pids)


def memory_kb(pid):
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _sep, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values


def cpu_ticks(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def reset_high_water_mark(pid):
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def measure_upload_memory(master, port, form_path, files):
    pids = worker_pids(master)
    if len(pids) != WORKERS:
        raise BenchError(f"expected {WORKERS} gunicorn workers, found {pids}")
    baseline = {pid: memory_kb(pid)["VmRSS"] for pid in pids}
    lifetime = {pid: memory_kb(pid)["VmHWM"] for pid in pids}
    cpu = {pid: cpu_ticks(pid) for pid in pids}
    hwm_reset = all(reset_high_water_mark(pid) for pid in pids)
    peak = dict(baseline)
    samples = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            for pid in pids:
                peak[pid] = max(peak[pid], memory_kb(pid)["VmRSS"])
            samples[0] += 1
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        elapsed, reference = submit(port, "127.0.0.1", form_path, files)
    finally:
        done.set()
        sampler.join(timeout=5)
    high = {pid: memory_kb(pid)["VmHWM"] for pid in pids}
    # The worker that took the upload is the one that worked (CPU time) meanwhile.
    pid = max(pids, key=lambda p: cpu_ticks(p) - cpu[p])
    return {
        "pid": pid,
        "baseline": baseline,
        "lifetime": lifetime,
        "peak": peak,
        "hwm": high if hwm_reset else None,
        "samples": samples[0],
        "elapsed": elapsed,
        "reference": reference,
    }


def worker_line(result, worker):
    def mb(kind):
        values = result[kind]
        return f"{values[worker] / 1024:6.1f}" if values else "   n/a"

    return (
        f"  worker {worker}: baseline {mb('baseline')} MB, peak {mb('peak')} MB, "
        f"VmHWM {mb('hwm')} MB (lifetime before: {mb('lifetime')} MB)"
        + ("  <- took the upload" if worker == result["pid"] else "")
    )


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
