"""Runs one command in a fresh process and measures it: wall time, CPU time (user + system)
and peak resident memory.

The command runs under GNU time (`/usr/bin/time -f`), whose figures come from wait4(2) on
the command: they cover the command and every descendant it waited for (e.g. isolated
extraction workers), and nothing else. GNU time matters for memory: a process started
directly from this harness inherits, through fork and exec, the harness's own peak RSS as its
starting `ru_maxrss`, while one started from the small `time` process does not. Without GNU
time the harness falls back to wait4 on the child itself (see `RSS_SOURCE`)."""

from __future__ import annotations

import dataclasses
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from typing import Callable


@dataclasses.dataclass
class Measurement:
    """What one run of one command cost."""

    wall: float  # seconds
    cpu: float  # user + system seconds, child and waited-for descendants
    peak_rss_mb: float  # largest resident set of the child or any descendant, in MiB
    status: int  # exit status (negative: killed by that signal)
    stdout: str


GNU_TIME = "/usr/bin/time"
HAS_GNU_TIME = os.access(GNU_TIME, os.X_OK)
RSS_SOURCE = (
    "GNU time (command and its descendants)"
    if HAS_GNU_TIME
    else "wait4 without GNU time: peak RSS may include the harness's own size at fork"
)


def run(
    command: list[str],
    *,
    stdin_path: str | None = None,
    cwd: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 900.0,
) -> Measurement:
    """Runs `command` once and measures it. stdout is captured (keep it small), stderr is
    discarded so that diagnostics of broken inputs do not clutter the table."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    report = tempfile.NamedTemporaryFile(prefix="bench-time-", delete=False)
    report.close()
    timed = [GNU_TIME, "-f", "%U %S %M", "-o", report.name, *command] if HAS_GNU_TIME else command
    try:
        start = time.perf_counter()
        # A session of its own, so that a timeout kills the command and its children, not
        # only GNU time (a peer left running would load the rows measured after it).
        process = subprocess.Popen(
            timed,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        deadline = start + timeout
        # Reading stdout to its end before reaping keeps the pipe from filling up.
        output = _read_all(process, deadline)
        _, raw_status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        with open(report.name, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().split("\n")
    finally:
        if stdin_path:
            stdin.close()
        os.unlink(report.name)
    process.returncode = os.waitstatus_to_exitcode(raw_status)
    # Linux reports ru_maxrss, and GNU time %M, in KiB.
    cpu, peak_kib = usage.ru_utime + usage.ru_stime, float(usage.ru_maxrss)
    if HAS_GNU_TIME:
        # The last line holds the format; a line before it may say the command failed.
        figures = [line for line in lines if line.strip()]
        try:
            user, system, peak = figures[-1].split()
            cpu, peak_kib = float(user) + float(system), float(peak)
        except (IndexError, ValueError):
            pass  # time itself failed (command not found…): keep wait4's figures
    return Measurement(
        wall=wall,
        cpu=cpu,
        peak_rss_mb=peak_kib / 1024.0,
        status=process.returncode,
        stdout=output.decode("utf-8", "replace"),
    )


def _read_all(process: subprocess.Popen, deadline: float) -> bytes:
    assert process.stdout is not None
    chunks = []
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    process.kill()
                print(f"bench: timed out, killed: {' '.join(process.args)}", file=sys.stderr)
                break
            if not selector.select(timeout=min(remaining, 1.0)):
                continue
            chunk = os.read(process.stdout.fileno(), 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    process.stdout.close()
    return b"".join(chunks)


def best_of(
    repeat: int,
    command: list[str],
    before: Callable[[], None] | None = None,
    budget: float = 0.0,
    **options,
) -> Measurement:
    """The run with the shortest wall time among up to `repeat` runs (the least disturbed by
    other work on the machine); its peak memory is the largest seen over all runs. No run
    starts once `budget` seconds (when positive) have been spent, so long commands run once.
    `before` runs ahead of each run, untimed (e.g. to remove the previous run's outputs)."""
    runs: list[Measurement] = []
    while len(runs) < max(1, repeat):
        if runs and budget > 0 and sum(m.wall for m in runs) >= budget:
            break
        if before:
            before()
        runs.append(run(command, **options))
    best = min(runs, key=lambda m: m.wall)
    return dataclasses.replace(best, peak_rss_mb=max(m.peak_rss_mb for m in runs))
