"""Row 9: the review workbench (enjeux-review) over the run of the 1,000-document benchmark
corpus (row 6's, made here when missing): the server's start (address printed, then the
search index ready: the first search's answer) with its resident memory, the first page of
an issue, the list re-ranked after a judgment, and a search across every passage, each the
median of repeated requests from this process over loopback. Goals of issue 22: < 300 ms,
< 300 ms, < 1 s."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import statistics
import subprocess
import time
import urllib.parse

import measure
from common import ROOT, WORK, tool
from report import Row
from rows_scale import corpus_folder, prepare_corpora, stage_commands

STAGE = "9 review"
REQUESTS = 15


def request(port: int, token: str, method: str, path: str, body: dict | None = None) -> tuple[int, bytes, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"X-Enjeux-Token": token}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    connection.request(method, path, body=data, headers=headers)
    answer = connection.getresponse()
    payload = answer.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return answer.status, payload, elapsed


def resident_mib(pid: int, field: str) -> float | None:
    """`VmRSS` (now) or `VmHWM` (peak) of a process, in MiB, from /proc."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def bench_review(shared: str, rows: list[Row]) -> None:
    corpus = corpus_folder(1000)
    work = os.path.join(WORK, "scale-work-1000")
    evidence = os.path.join(WORK, "scale-evidence-1000")
    if not os.path.exists(os.path.join(evidence, "run.json")):
        prepare_corpora(shared)
        lexicon = os.path.join(WORK, "scale-lexicon.yaml")
        shutil.copyfile(os.path.join(ROOT, "Lexicons", "enjeux.fr.yaml"), lexicon)
        for _, command in stage_commands(corpus, work, evidence, lexicon):
            measure.run(command, timeout=3600)
    judgments = os.path.join(WORK, "review-judgments.jsonl")
    if os.path.exists(judgments):
        os.remove(judgments)
    started = time.perf_counter()
    server = subprocess.Popen(
        [tool("enjeux-review"), "--evidence", evidence, "--corpus", corpus, "--work", work, "--judgments", judgments,
         "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = server.stdout.readline().strip()
        start_seconds = time.perf_counter() - started
        parsed = urllib.parse.urlparse(address)
        port = parsed.port
        token = urllib.parse.parse_qs(parsed.query)["token"][0]
        status, payload, _ = request(port, token, "GET", "/api/issues")
        issues = [issue["id"] for issue in json.loads(payload)]
        issue = "autonomie" if "autonomie" in issues else issues[0]
        query = urllib.parse.quote("autonom*")
        # The first search waits for the passage index the server builds in the background.
        status, payload, _ = request(port, token, "GET", f"/api/search?q={query}&issue={issue}")
        index_seconds = time.perf_counter() - started
        index_rss = resident_mib(server.pid, "VmRSS")
        rows.append(Row(
            STAGE, "start: address, then search index ready", "1,000 documents", index_seconds, None, None,
            f"address after {start_seconds:.2f} s", index_rss,
            note=f"RSS once the index is built (status {status}); peak at the end in the note of the search row",
            extra={"address_seconds": start_seconds, "index_seconds": index_seconds}))
        cold = request(port, token, "GET", f"/api/issues/{issue}")[2]
        first_page: list[float] = []
        for _ in range(REQUESTS):
            status, payload, elapsed = request(port, token, "GET", f"/api/issues/{issue}")
            first_page.append(elapsed)
        passages = [p["id"] for p in json.loads(payload)["passages"]]
        rerank: list[float] = []
        for number in range(REQUESTS):
            started = time.perf_counter()
            request(port, token, "POST", "/api/judgments",
                    {"passage_id": passages[number % len(passages)], "issue": issue, "grade": number % 3})
            request(port, token, "GET", f"/api/issues/{issue}")
            rerank.append(time.perf_counter() - started)
        search: list[float] = []
        for _ in range(REQUESTS):
            status, payload, elapsed = request(port, token, "GET", f"/api/search?q={query}&issue={issue}")
            search.append(elapsed)
        found = json.loads(payload).get("count", 0)
        label = f"1,000 documents, issue {issue} ({len(passages)} listed)"
        peak = resident_mib(server.pid, "VmHWM")
        for name, values, goal in (
            ("first page of an issue", first_page, 0.3),
            ("judgment + re-ranked list", rerank, 0.3),
            (f"search autonom* ({found} passages)", search, 1.0),
        ):
            median = statistics.median(values)
            rows.append(Row(
                STAGE, name, label, median, None, None, f"median of {len(values)}",
                compared=f"goal < {goal * 1000:.0f} ms: {'met' if median < goal else 'not met'}",
                peak_rss_mb=peak,
                note=f"min {min(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"
                + (f"; first request {cold * 1000:.0f} ms" if name.startswith("first page") else ""),
                extra={"seconds": values}))
    finally:
        server.terminate()
        server.wait(timeout=30)
