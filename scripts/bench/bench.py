#!/usr/bin/env python3
"""`make bench`: measures each stage of Enjeux beside a peer tool on the team's shared corpus
and prints one table (also written to .build/bench/bench.md and bench.json).

Standard library only. Settings come from the environment (scripts/bench/run.sh sets them):
  BIN             folder of the built enjeux-* executables (default .build/release)
  ENJEUX_SHARED   the shared data folder (default ../shared beside the repository)
  BENCH_VENV      virtualenv holding the Python peers (default .build/bench-venv)
  BENCH_REPEAT    runs of a short command, the fastest kept (default 3)
  BENCH_SECTIONS  comma-separated subset of: pdf,html,web,text,score,pipeline,scale,database,office,ocr,review,huge
                  (default all; huge takes minutes: a 20,000-page PDF and a 200 MB page through every stage)
  BENCH_SPACY_MB  cap on the text given to spaCy, in MB (default 0: the whole 1x text)
`bench.py --corpus-only` prepares the benchmark inputs (corpora, text files) and stops.
Each row is in its own module (rows_*.py); measure.py runs and measures one command.
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import measure  # noqa: E402
import report  # noqa: E402
from common import BIN, CORES, MB, OUT, REPEAT, ROOT, WORK, shared_folder, tool  # noqa: E402
from report import Row  # noqa: E402
from rows_html import bench_html  # noqa: E402
from rows_huge import bench_huge  # noqa: E402
from rows_ocr import bench_ocr  # noqa: E402
from rows_office import bench_office  # noqa: E402
from rows_web import bench_web  # noqa: E402
from rows_pdf import bench_pdf  # noqa: E402
from rows_pipeline import bench_pipeline  # noqa: E402
from rows_review import bench_review  # noqa: E402
from rows_scale import bench_scale, prepare_corpora  # noqa: E402
from rows_database import bench_database  # noqa: E402
from rows_score import bench_score  # noqa: E402
from rows_text import TextInputs, bench_text, prepare_text  # noqa: E402


def machine() -> dict:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            memory = f"{int(handle.readline().split()[1]) / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {"cores": CORES, "cpu": model, "memory": memory, "system": platform.platform()}


def git_revision() -> str:
    try:
        revision = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "Sources"], capture_output=True, text=True).stdout.strip()
        return revision + (" (Sources modified)" if dirty else "")
    except OSError:
        return "?"


def main() -> int:
    os.makedirs(WORK, exist_ok=True)
    shared = shared_folder()
    for name in ("enjeux-extract", "enjeux-tokenize", "enjeux-score", "enjeux-rank"):
        if not os.access(tool(name), os.X_OK):
            print(f"bench: error: {tool(name)} not found; build first (swift build -c release)", file=sys.stderr)
            return 1
    if "--corpus-only" in sys.argv:
        if shared is None:
            print("bench: no shared data (../shared or $ENJEUX_SHARED): nothing to prepare", file=sys.stderr)
            return 0
        inputs = prepare_text(shared)
        prepare_corpora(shared)
        print(f"bench: benchmark corpora under {os.path.relpath(WORK, ROOT)}/corpus-1000 and corpus-100")
        print(
            f"bench: inputs under {os.path.relpath(WORK, ROOT)}; text {os.path.getsize(inputs.text1) / MB:.1f} MB (1×), "
            f"{os.path.getsize(inputs.text10) / MB:.0f} MB (10×), {os.path.getsize(inputs.varied) / MB:.1f} MB (varied)"
        )
        return 0

    sections = set(
        (
            os.environ.get("BENCH_SECTIONS") or "pdf,html,web,text,score,pipeline,scale,database,office,ocr,review,huge"
        ).split(",")
    )
    started = time.perf_counter()
    load_before = os.getloadavg()
    rows: list[Row] = []
    missing_shared = "no shared data: put it at ../shared beside the repository or set ENJEUX_SHARED"

    def section(name: str, stage: str, run) -> None:
        if name not in sections:
            return
        try:
            run()
        except Exception as error:  # one broken section must not hide the others
            rows.append(Row(stage, "", "", skipped=f"{type(error).__name__}: {error}"))
            print(f"bench: section {name} failed: {error!r}", file=sys.stderr)

    if shared is None:
        for name, stage in (
            ("pdf", "1 PDF extract"), ("html", "2 HTML extract"), ("web", "2b web pages"), ("text", "3 tokenize"),
            ("score", "4 score"),
        ):
            if name in sections:
                rows.append(Row(stage, "", "", skipped=missing_shared))
    else:
        section("pdf", "1 PDF extract", lambda: bench_pdf(shared, rows))
        section("html", "2 HTML extract", lambda: bench_html(shared, rows))
        section("web", "2b web pages", lambda: bench_web(shared, rows))
        if sections & {"text", "score"}:
            prepared: dict[str, TextInputs] = {}

            def prepare() -> None:
                prepared["inputs"] = prepare_text(shared)

            section("text", "3 tokenize", prepare) if "text" in sections else section("score", "4 score", prepare)
            if prepared:
                section("text", "3 tokenize", lambda: bench_text(prepared["inputs"], rows))
                section("score", "4 score", lambda: bench_score(prepared["inputs"].extracted, rows))
    section("pipeline", "5 pipeline", lambda: bench_pipeline(rows))
    if shared is None:
        if "scale" in sections:
            rows.append(Row("6 scale", "", "", skipped=missing_shared))
        if "database" in sections:
            rows.append(Row("6b exports", "", "", skipped=missing_shared))
    else:
        section("scale", "6 scale", lambda: bench_scale(shared, rows))
        section("database", "6b exports", lambda: bench_database(shared, rows))

    section("office", "7 office extract", lambda: bench_office(rows))
    if shared is None:
        if "ocr" in sections:
            rows.append(Row("8 OCR", "", "", skipped=missing_shared))
    else:
        section("ocr", "8 OCR", lambda: bench_ocr(shared, rows))
    if shared is None:
        if "review" in sections:
            rows.append(Row("9 review", "", "", skipped=missing_shared))
        if "huge" in sections:
            rows.append(Row("10 huge inputs", "", "", skipped=missing_shared))
    else:
        section("review", "9 review", lambda: bench_review(shared, rows))
        section("huge", "10 huge inputs", lambda: bench_huge(rows))

    meta = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        **machine(),
        "load average (1 min) before / after": f"{load_before[0]:.1f} / {os.getloadavg()[0]:.1f}",
        "revision": git_revision(),
        "binaries": os.path.relpath(BIN, ROOT),
        "shared data": shared or "absent",
        "runs per short command (fastest kept)": REPEAT,
        "CPU and peak RSS from": measure.RSS_SOURCE,
        "bench duration": f"{time.perf_counter() - started:.0f} s",
    }
    print(report.text_table(rows))
    print()
    for key, value in meta.items():
        print(f"{key}: {value}")
    markdown, json_path = os.path.join(OUT, "bench.md"), os.path.join(OUT, "bench.json")
    report.write(rows, meta, markdown, json_path)
    print(f"\nwritten: {os.path.relpath(markdown, ROOT)}, {os.path.relpath(json_path, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
