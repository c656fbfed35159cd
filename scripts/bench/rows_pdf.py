"""Row 1: PDF extraction, enjeux-extract (isolated and in process) beside pdftotext. Text layers
only (`--ocr never`, as pdftotext reads no image): OCR of the scans has its own row (8)."""

from __future__ import annotations

import os
import shutil

import measure

from common import (
    CORES,
    MB,
    REPEAT,
    WORK,
    files_below,
    fmt_ratio,
    link_corpus,
    manifest_summary,
    print_progress,
    reset,
    status_note,
    tool,
    total_bytes,
    warm,
)
from report import Row


def bench_pdf(shared: str, rows: list[Row]) -> None:
    corpus = os.path.join(shared, "corpus")
    files = files_below(corpus, (".pdf",))
    folder = os.path.join(WORK, "pdf-corpus")
    link_corpus(files, corpus, folder)
    warm(files)
    size = total_bytes(files)
    label = f"{len(files)} PDF, {size / MB:.1f} MB"
    out = os.path.join(WORK, "pdf-extracted")

    def enjeux(mode: str, jobs: int) -> tuple[Row, measure.Measurement]:
        command = [tool("enjeux-extract"), folder, "--out", out, "--jobs", str(jobs), "--ocr", "never"]
        if mode == "in-process":
            command.append("--no-isolation")
        m = measure.best_of(REPEAT, command, before=reset(out), budget=20)
        documents, failed, pages = manifest_summary(out)
        note = f"{documents - failed}/{documents} read"
        if status_note(m, (0, 3)):
            note += f"; {status_note(m, (0, 3))}"
        row = Row(
            "1 PDF extract", f"enjeux-extract {mode} --jobs {jobs}", label, m.wall, m.cpu, size / MB / m.wall,
            f"{pages / m.wall:.0f} pages/s", m.peak_rss_mb, note=note,
            extra={"pages": pages, "documents": documents, "failed": failed, "status": m.status},
        )
        return row, m

    def pdftotext(jobs: int) -> tuple[Row | None, measure.Measurement | None]:
        if not shutil.which("pdftotext"):
            return Row("1 PDF extract", f"pdftotext -P{jobs}", label, skipped="pdftotext not installed (poppler-utils)"), None
        text_out = os.path.join(WORK, "pdftotext")
        pairs = os.path.join(WORK, "pdftotext-arguments")
        with open(pairs, "wb") as handle:
            for index, path in enumerate(files):
                handle.write(os.path.join(folder, os.path.relpath(path, corpus)).encode() + b"\0")
                handle.write(os.path.join(text_out, f"{index}.txt").encode() + b"\0")

        def before() -> None:
            reset(text_out)()
            os.makedirs(text_out)

        # One pdftotext process per file, `jobs` at a time; xargs is the parent that waits for them.
        command = ["xargs", "-0", "-n", "2", "-P", str(jobs), "-a", pairs, "pdftotext", "-q", "-enc", "UTF-8"]
        m = measure.best_of(REPEAT, command, before=before, budget=20)
        outputs = [os.path.join(text_out, name) for name in os.listdir(text_out)]
        pages = 0
        for path in outputs:
            with open(path, "rb") as handle:
                pages += handle.read().count(b"\f")
        row = Row(
            "1 PDF extract", f"pdftotext, 1 process per file, -P{jobs}", label, m.wall, m.cpu, size / MB / m.wall,
            f"{pages / m.wall:.0f} pages/s", m.peak_rss_mb, note=f"{len(outputs)}/{len(files)} read",
            extra={"pages": pages, "documents": len(files), "read": len(outputs)},
        )
        return row, m

    for jobs in (1, CORES) if CORES > 1 else (1,):
        peer_row, peer = pdftotext(jobs)
        batch = []
        for mode in ("isolated", "in-process"):
            row, m = enjeux(mode, jobs)
            if peer:
                ratio = m.wall / peer.wall
                goal = "met" if ratio <= 1.3 else "not met"
                cpu = f", CPU {fmt_ratio(m.cpu / peer.cpu)}" if peer.cpu > 0 else ""
                row.compared = f"{fmt_ratio(ratio)} pdftotext time{cpu} (goal ≤ 1.3: {goal})"
                row.extra["ratio_to_pdftotext"] = ratio
            batch.append(row)
        rows += batch
        if peer_row:
            rows.append(peer_row)
        print_progress(rows)
