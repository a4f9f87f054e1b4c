"""The applicants of ``bench/submission.py``: a minimal HTTP client that keeps
cookies and streams multipart bodies, and the threads that submit entries."""

import itertools
import re
import socket
import threading
import time
import uuid
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

from bench._support import REQUEST_TIMEOUT, BenchError

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


_NIP_SERIAL = itertools.count(1)


def unique_nip():
    """A valid NIP (check digit included) that no other bench entry has: the
    form refuses a second entry of one organisation in a category."""
    while True:
        base = f"{856734000 + next(_NIP_SERIAL):09d}"
        check = (
            sum(
                w * int(d)
                for w, d in zip((6, 5, 7, 2, 3, 4, 5, 6, 7), base, strict=True)
            )
            % 11
        )
        if check != 10:
            return base + str(check)


def submit(port, source, form_path, files):
    """GET the form, POST a complete entry; returns (POST seconds, reference)."""
    client = Client(port, source)
    status, _headers, body = client.request("GET", form_path)
    if status != 200:
        raise BenchError(f"GET {form_path}: {status}")
    html = body.decode()
    fields = dict(FIELDS, nip=unique_nip())
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
