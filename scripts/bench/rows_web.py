"""Row 2b: main text of the 311 real web pages of ../shared/eval/web, enjeux-extract beside
trafilatura in the same run: milliseconds per page and the main-text F1 of each (the metric of
../shared/eval/web/score.py, whose functions are imported from there)."""

from __future__ import annotations

import json
import os
import sys

import measure
from common import (
    MB,
    REPEAT,
    WORK,
    document_text,
    extracted_documents,
    fmt_ratio,
    peer_missing,
    print_progress,
    reset,
    status_note,
    total_bytes,
    warm,
)
from report import Row
from rows_html import extract_commands, run_trafilatura

STAGE = "2b web pages"


def load_scorer(shared: str):
    """The scoring functions of ../shared/eval/web/score.py (cases, page_counts, summary)."""
    folder = os.path.join(shared, "eval", "web")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import importlib.util

    spec = importlib.util.spec_from_file_location("web_score", os.path.join(folder, "score.py"))
    module = importlib.util.module_from_spec(spec)
    # score.py runs main() at import: keep only its definitions.
    source = open(os.path.join(folder, "score.py"), encoding="utf-8").read().rsplit("\nmain()", 1)[0]
    module.__file__ = os.path.join(folder, "score.py")
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def f1_by_set(scorer, cases, texts: list[str]) -> str:
    per: dict[str, list] = {}
    for case, text in zip(cases, texts):
        per.setdefault(case[0], []).append(scorer.page_counts(case[3], text))
    parts = []
    for name in ("article-benchmark", "readability-pages"):
        if name in per:
            precision, recall, f1 = scorer.summary(per[name])
            parts.append(f"{name} F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f})")
    return "; ".join(parts)


def bench_web(shared: str, rows: list[Row]) -> None:
    if not os.path.isdir(os.path.join(shared, "eval", "web")):
        rows.append(Row(STAGE, "", "", skipped="no ../shared/eval/web"))
        return
    scorer = load_scorer(shared)
    cases = scorer.cases("all")
    folder = os.path.join(WORK, "web-pages")
    reset(folder)()
    os.makedirs(folder)
    links = []
    for number, case in enumerate(cases):
        link = os.path.join(folder, f"{number:03d}-{case[0]}-{case[1][:40]}.html")
        os.symlink(case[2], link)
        links.append(link)
    files = [case[2] for case in cases]
    warm(files)
    size = total_bytes(files)
    label = f"{len(files)} real pages, {size / MB:.1f} MB"
    out = os.path.join(WORK, "web-extracted")

    enjeux_rows = []
    for mode, jobs, command in extract_commands(folder, out):
        m = measure.best_of(REPEAT, command, before=reset(out), budget=30)
        by_source = {}
        for path in extracted_documents(out):
            with open(path, encoding="utf-8") as handle:
                by_source[json.load(handle).get("source")] = document_text(path)
        texts = [by_source.get(os.path.basename(link), "") for link in links]
        note = f"{1000 * m.wall / len(files):.1f} ms/page; {f1_by_set(scorer, cases, texts)}"
        if status_note(m, (0, 3)):
            note += f"; {status_note(m, (0, 3))}"
        row = Row(
            STAGE, f"enjeux-extract {mode} --jobs {jobs}", label, m.wall, m.cpu, size / MB / m.wall,
            f"{len(files) / m.wall:.0f} pages/s", m.peak_rss_mb, note=note,
            extra={"ms_per_page": 1000 * m.wall / len(files), "status": m.status},
        )
        enjeux_rows.append((row, m))

    missing = peer_missing("trafilatura")
    peer_rows: list[Row] = []
    if missing:
        peer_rows.append(Row(STAGE, "trafilatura", label, skipped=missing))
    else:
        text_out = os.path.join(WORK, "web-trafilatura-out")
        m, inner = run_trafilatura(links, os.path.join(WORK, "web-trafilatura-files"), text_out)
        if inner is None:
            peer_rows.append(Row(STAGE, "trafilatura", label, skipped=f"peer failed ({status_note(m)})"))
        else:
            texts = []
            for number in range(len(links)):
                with open(os.path.join(text_out, f"{number}.txt"), encoding="utf-8") as handle:
                    texts.append(handle.read())
            loop = inner["loop_seconds"]
            version = inner.get("version", "?")
            peer_rows.append(
                Row(
                    STAGE, f"trafilatura {version}, loop in 1 process", label, loop, inner.get("loop_cpu_seconds"),
                    size / MB / loop, f"{len(files) / loop:.0f} pages/s", None,
                    note=f"{1000 * loop / len(files):.1f} ms/page; {f1_by_set(scorer, cases, texts)}; "
                    "start-up and import excluded",
                    extra={"ms_per_page": 1000 * loop / len(files)},
                )
            )
            peer_rows.append(
                Row(
                    STAGE, f"trafilatura {version}, whole process", label, m.wall, m.cpu, size / MB / m.wall,
                    f"{len(files) / m.wall:.0f} pages/s", m.peak_rss_mb,
                    note=f"import {inner['import_seconds']:.2f} s included",
                )
            )
            for row, em in enjeux_rows:
                row.compared = f"{fmt_ratio(loop / em.wall)} faster than trafilatura loop"
                row.extra["speedup_vs_trafilatura_loop"] = loop / em.wall
    rows += [row for row, _ in enjeux_rows] + peer_rows
    print_progress(rows)
