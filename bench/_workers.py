"""The gunicorn of ``bench/submission.py``: start and stop it, and sample its
workers' memory (``/proc``) while one big presentation is uploaded."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench._client import Client, submit
from bench._support import ROOT, SAMPLE_SECONDS, WORKERS, BenchError

# --- The server -----------------------------------------------------------------------


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
