"""Row 3: tokenization, the Enjeux analysis chain at 1x and 10x and on varied prose, beside
spaCy's French tokenizer; then the tokenize stage itself."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess

import measure

from common import (
    CORES,
    MB,
    PEERS,
    REPEAT,
    SPACY_CAP_MB,
    WORK,
    document_text,
    extracted_documents,
    files_below,
    fmt_ratio,
    link_corpus,
    peer_missing,
    print_progress,
    reset,
    status_note,
    tool,
    venv_python,
    warm,
)
from report import Row


@dataclasses.dataclass
class TextInputs:
    """The extracted shared corpus and the text files made from it."""

    extracted: str  # enjeux-extract output folder of the whole shared corpus
    text1: str  # its text, as `--print` writes it
    text10: str  # the same, ten times over
    varied: str  # the text of every document outside broken/, repeated to about the size of text1


def prepare_text(shared: str) -> TextInputs:
    """Extracts the whole shared corpus once (untimed set-up) and writes the text files."""
    corpus = os.path.join(shared, "corpus")
    files = files_below(corpus, (".pdf", ".html", ".htm"))
    folder = os.path.join(WORK, "all-corpus")
    inputs = TextInputs(
        extracted=os.path.join(WORK, "all-extracted"),
        text1=os.path.join(WORK, "text-1x.txt"),
        text10=os.path.join(WORK, "text-10x.txt"),
        varied=os.path.join(WORK, "text-varied.txt"),
    )
    link_corpus(files, corpus, folder)
    # A rerun reuses what is unchanged (the extractor's own incremental logic).
    subprocess.run(
        [tool("enjeux-extract"), folder, "--out", inputs.extracted, "--jobs", str(CORES)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    varied = []
    with open(inputs.text1, "w", encoding="utf-8") as out:
        for path in extracted_documents(inputs.extracted):
            text = document_text(path) + "\n\n"
            out.write(text)
            with open(path, encoding="utf-8") as handle:
                if not json.load(handle).get("source", "").startswith("broken/"):
                    varied.append(text)
    with open(inputs.text1, "rb") as source, open(inputs.text10, "wb") as out:
        data = source.read()
        for _ in range(10):
            out.write(data)
    once = "".join(varied).encode("utf-8")
    with open(inputs.varied, "wb") as out:
        for _ in range(max(1, round(len(data) / max(1, len(once))))):
            out.write(once)
    return inputs


def analysis_row(path: str, label: str, rows: list[Row]) -> Row | None:
    """Times the Enjeux analysis chain (enjeux-tokenize --analyze-stdin) over one text file."""
    warm([path])
    m = measure.best_of(REPEAT, [tool("enjeux-tokenize"), "--analyze-stdin"], stdin_path=path, budget=20)
    size = os.path.getsize(path)
    try:
        tokens = int(m.stdout.strip())
    except ValueError:
        rows.append(Row("3 tokenize", "enjeux-tokenize --analyze-stdin", label, skipped=f"failed ({status_note(m)})"))
        return None
    rate = size / MB / m.wall
    row = Row(
        "3 tokenize", "enjeux analysis chain (tokenize+normalize+stem), 1 core", label, m.wall, m.cpu, rate,
        f"{tokens / m.wall / 1e6:.2f} M tokens/s", m.peak_rss_mb,
        compared=f"goal ≥ 40 MB/s: {'met' if rate >= 40 else 'not met'}", note=status_note(m),
        extra={"tokens": tokens, "bytes": size},
    )
    rows.append(row)
    return row


def spacy_rows(path: str, label: str, enjeux: Row | None, rows: list[Row]) -> None:
    """Times spaCy's French tokenizer over one text file, beside the Enjeux row `enjeux`."""
    missing = peer_missing("spacy")
    if missing:
        rows.append(Row("3 tokenize", "spaCy blank('fr') tokenizer", label, skipped=missing))
        return
    if SPACY_CAP_MB > 0 and os.path.getsize(path) > SPACY_CAP_MB * MB:
        capped = path + ".spacy"
        with open(path, "rb") as source, open(capped, "wb") as out:
            out.write(source.read(int(SPACY_CAP_MB * MB)).rsplit(b"\n", 1)[0] + b"\n")
        path, label = capped, f"first {os.path.getsize(capped) / MB:.1f} MB of: {label}"
    size = os.path.getsize(path)
    m = measure.run([venv_python(), os.path.join(PEERS, "spacy_peer.py"), path])
    try:
        inner = json.loads(m.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        rows.append(Row("3 tokenize", "spaCy blank('fr') tokenizer", label, skipped=f"peer failed ({status_note(m)})"))
        return
    loop = inner["loop_seconds"]
    rate = size / MB / loop
    compared = ""
    if enjeux is not None and enjeux.mb_per_s:
        compared = f"enjeux chain is {fmt_ratio(enjeux.mb_per_s / rate)} spaCy's MB/s"
        enjeux.compared += f"; {fmt_ratio(enjeux.mb_per_s / rate)} spaCy"
    version = inner.get("version", "?")
    rows.append(
        Row(
            "3 tokenize", f"spaCy {version} blank('fr') tokenizer only, loop", label, loop,
            inner.get("loop_cpu_seconds"), rate, f"{inner['tokens'] / loop / 1e6:.2f} M tokens/s", None, compared,
            note="no normalize/stem; start-up, import and reading excluded", extra={"tokens": inner["tokens"]},
        )
    )
    rows.append(
        Row(
            "3 tokenize", f"spaCy {version}, whole process", label, m.wall, m.cpu, size / MB / m.wall, "",
            m.peak_rss_mb, note=f"import + tokenizer set-up {inner['import_seconds']:.2f} s included",
        )
    )


def bench_text(inputs: TextInputs, rows: list[Row]) -> None:
    size1 = os.path.getsize(inputs.text1)
    label1 = f"shared corpus text 1×, {size1 / MB:.1f} MB"
    one = analysis_row(inputs.text1, label1, rows)
    ten = analysis_row(inputs.text10, f"same text 10×, {os.path.getsize(inputs.text10) / MB:.0f} MB", rows)
    if one and ten:
        growth = ten.peak_rss_mb / one.peak_rss_mb
        ten.note = (ten.note + "; " if ten.note else "") + (
            f"peak RSS 10×/1× = {growth:.2f} ({'flat' if growth < 1.5 else 'grows with input'})"
        )
    spacy_rows(inputs.text1, label1, one, rows)
    # The 1x text is mostly one repeated paragraph; this one is varied prose of the same size.
    label_varied = f"text outside broken/, repeated: {os.path.getsize(inputs.varied) / MB:.1f} MB"
    varied = analysis_row(inputs.varied, label_varied, rows)
    spacy_rows(inputs.varied, label_varied, varied, rows)

    # The tokenize stage itself: passages, tokens and JSON files for every extracted document.
    passages = os.path.join(WORK, "all-passages")
    for jobs in (1, CORES) if CORES > 1 else (1,):
        m = measure.best_of(
            REPEAT, [tool("enjeux-tokenize"), inputs.extracted, "--out", passages, "--jobs", str(jobs)],
            before=reset(passages), budget=20,
        )
        rows.append(
            Row(
                "3 tokenize", f"enjeux-tokenize stage --jobs {jobs} (passages + JSON)", label1, m.wall, m.cpu,
                size1 / MB / m.wall, "", m.peak_rss_mb, note=status_note(m),
            )
        )
    print_progress(rows)
