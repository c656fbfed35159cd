"""Row 2: HTML extraction, enjeux-extract beside trafilatura, with recall on the seed page."""

from __future__ import annotations

import json
import os

import lcs
import measure
from common import (
    CORES,
    MB,
    PEERS,
    REPEAT,
    SEED,
    WORK,
    document_text,
    extracted_documents,
    files_below,
    fmt_ratio,
    link_corpus,
    manifest_summary,
    peer_missing,
    print_progress,
    reset,
    status_note,
    tool,
    total_bytes,
    venv_python,
    warm,
)
from report import Row


def extract_commands(folder: str, out: str) -> list[tuple[str, int, list[str]]]:
    """enjeux-extract over `folder` isolated on one core, in-process on one core, and isolated
    on every core: (mode, jobs, command)."""
    commands = []
    for mode, jobs in (("isolated", 1), ("in-process", 1), ("isolated", CORES)):
        command = [tool("enjeux-extract"), folder, "--out", out, "--jobs", str(jobs)]
        if mode == "in-process":
            command.append("--no-isolation")
        commands.append((mode, jobs, command))
    return commands


def run_trafilatura(paths: list[str], listing: str, text_out: str) -> tuple[measure.Measurement, dict | None]:
    """trafilatura over `paths` in one Python process (each page's text in `text_out/<n>.txt`):
    the measurement of the whole process and the peer's own figures (None when it failed)."""
    with open(listing, "w", encoding="utf-8") as handle:
        handle.writelines(path + "\n" for path in paths)

    def before() -> None:
        reset(text_out)()
        os.makedirs(text_out)

    command = [venv_python(), os.path.join(PEERS, "trafilatura_peer.py"), listing, text_out]
    m = measure.best_of(1, command, before=before)
    try:
        return m, json.loads(m.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return m, None


def bench_html(shared: str, rows: list[Row]) -> None:
    corpus = os.path.join(shared, "corpus")
    files = files_below(corpus, (".html", ".htm"))
    folder = os.path.join(WORK, "html-corpus")
    link_corpus(files, corpus, folder)
    warm(files)
    size = total_bytes(files)
    label = f"{len(files)} HTML, {size / MB:.1f} MB"
    seed_source = f"seeds/{SEED}.html"
    with open(os.path.join(shared, "seeds", f"{SEED}.txt"), encoding="utf-8") as handle:
        reference = handle.read()
    out = os.path.join(WORK, "html-extracted")

    enjeux_rows = []
    for mode, jobs, command in extract_commands(folder, out):
        m = measure.best_of(REPEAT, command, before=reset(out), budget=20)
        documents, failed, _ = manifest_summary(out)
        seed_text = ""
        for path in extracted_documents(out):
            with open(path, encoding="utf-8") as handle:
                if json.load(handle).get("source") == seed_source:
                    seed_text = document_text(path)
        seed_recall = lcs.recall(reference, seed_text)
        note = f"{documents - failed}/{documents} read; seed recall {seed_recall:.3f}"
        if status_note(m, (0, 3)):
            note += f"; {status_note(m, (0, 3))}"
        row = Row(
            "2 HTML extract", f"enjeux-extract {mode} --jobs {jobs}", label, m.wall, m.cpu, size / MB / m.wall,
            f"{len(files) / m.wall:.1f} files/s", m.peak_rss_mb, note=note,
            extra={"seed_recall": seed_recall, "documents": documents, "failed": failed, "status": m.status},
        )
        enjeux_rows.append((row, m, jobs))

    missing = peer_missing("trafilatura")
    peer_rows: list[Row] = []
    peer_loop = None
    if missing:
        peer_rows.append(Row("2 HTML extract", "trafilatura", label, skipped=missing))
    else:
        text_out = os.path.join(WORK, "trafilatura-out")
        paths = [os.path.join(folder, os.path.relpath(p, corpus)) for p in files]
        m, inner = run_trafilatura(paths, os.path.join(WORK, "trafilatura-files"), text_out)
        if inner is None:
            peer_rows.append(Row("2 HTML extract", "trafilatura", label, skipped=f"peer failed ({status_note(m)})"))
        else:
            seed_index = [os.path.relpath(p, corpus) for p in files].index(seed_source)
            with open(os.path.join(text_out, f"{seed_index}.txt"), encoding="utf-8") as handle:
                seed_recall = lcs.recall(reference, handle.read())
            read = inner["files"] - inner["empty"]
            note = f"{read}/{inner['files']} with text; seed recall {seed_recall:.3f}"
            if inner["failures"]:
                note += f"; errors: {', '.join(inner['failures'])}"
            peer_loop = inner["loop_seconds"]
            version = inner.get("version", "?")
            peer_rows.append(
                Row(
                    "2 HTML extract", f"trafilatura {version}, loop in 1 process", label, peer_loop,
                    inner.get("loop_cpu_seconds"),
                    size / MB / peer_loop, f"{len(files) / peer_loop:.1f} files/s", None,
                    note=note + "; start-up and import excluded",
                    extra={"seed_recall": seed_recall, "import_seconds": inner["import_seconds"]},
                )
            )
            peer_rows.append(
                Row(
                    "2 HTML extract", f"trafilatura {version}, whole process", label, m.wall, m.cpu,
                    size / MB / m.wall, f"{len(files) / m.wall:.1f} files/s", m.peak_rss_mb,
                    note=f"import {inner['import_seconds']:.2f} s included",
                )
            )
            for row, em, jobs in enjeux_rows:
                speedup = peer_loop / em.wall
                peer_cpu = inner.get("loop_cpu_seconds") or 0.0
                cpu = f", CPU {fmt_ratio(peer_cpu / em.cpu)}" if peer_cpu > 0 and em.cpu > 0 else ""
                equal_recall = row.extra["seed_recall"] >= seed_recall
                met = speedup >= 10 and equal_recall
                row.compared = (
                    f"{fmt_ratio(speedup)} faster than trafilatura loop{cpu}, recall "
                    f"{'≥' if equal_recall else '<'} (goal ≥ 10× at ≥ recall: {'met' if met else 'not met'})"
                )
                row.extra["speedup_vs_trafilatura_loop"] = speedup
    rows += [row for row, _, _ in enjeux_rows] + peer_rows
    print_progress(rows)
