#!/usr/bin/env python3
"""`make bench`: measures each stage of Enjeux beside a peer tool on the team's shared corpus
and prints one table (also written to .build/bench/bench.md and bench.json).

Standard library only. Settings come from the environment (scripts/bench/run.sh sets them):
  BIN             folder of the built enjeux-* executables (default .build/release)
  ENJEUX_SHARED   the shared data folder (default ../shared beside the repository)
  BENCH_VENV      virtualenv holding the Python peers (default .build/bench-venv)
  BENCH_REPEAT    runs of a short command, the fastest kept (default 3)
  BENCH_SECTIONS  comma-separated subset of: pdf,html,text,score,pipeline (default all)
  BENCH_SPACY_MB  cap on the text given to spaCy, in MB (default 0: the whole 1x text)
`bench.py --corpus-only` prepares the benchmark inputs (symlinked corpora, text file) and stops.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import lcs  # noqa: E402
import measure  # noqa: E402
import report  # noqa: E402
from report import Row  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, ".build", "bench")
WORK = os.path.join(OUT, "work")
PEERS = os.path.join(ROOT, "scripts", "bench", "peers")
SEED = "000_29a6c5865de0a7fd"
CORES = os.cpu_count() or 1
MB = 1_000_000


def env_path(name: str, default: str) -> str:
    value = os.environ.get(name) or default
    return value if os.path.isabs(value) else os.path.join(ROOT, value)


BIN = env_path("BIN", ".build/release")
VENV = env_path("BENCH_VENV", ".build/bench-venv")
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
SPACY_CAP_MB = float(os.environ.get("BENCH_SPACY_MB", "0"))


def shared_folder() -> str | None:
    """`$ENJEUX_SHARED`, else `../shared` beside the repository, when it holds the corpus."""
    for candidate in (os.environ.get("ENJEUX_SHARED"), os.path.join(ROOT, "..", "shared")):
        if candidate and os.path.isdir(os.path.join(candidate, "corpus")):
            return os.path.abspath(candidate)
    return None


def tool(name: str) -> str:
    return os.path.join(BIN, name)


def reset(*paths: str):
    """A `before` hook that removes outputs of the previous run."""

    def remove() -> None:
        for path in paths:
            if os.path.isdir(path):
                shutil.rmtree(path)
            elif os.path.exists(path):
                os.remove(path)

    return remove


def files_below(folder: str, suffixes: tuple[str, ...]) -> list[str]:
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [os.path.join(parent, n) for n in sorted(names) if n.lower().endswith(suffixes)]
    return found


def link_corpus(files: list[str], source_root: str, target: str) -> None:
    """A corpus folder of symbolic links to `files`, keeping their paths below `source_root`."""
    if os.path.isdir(target):
        shutil.rmtree(target)
    for path in files:
        link = os.path.join(target, os.path.relpath(path, source_root))
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(path, link)


def warm(files: list[str]) -> None:
    """Reads the files once so that every measured run finds them in the page cache."""
    for path in files:
        with open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass


def total_bytes(files: list[str]) -> int:
    return sum(os.path.getsize(path) for path in files)


def manifest_summary(folder: str) -> tuple[int, int, int]:
    """(documents, failed, pages) from an enjeux-extract manifest."""
    try:
        with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as handle:
            entries = json.load(handle)["entries"]
    except (OSError, ValueError, KeyError):
        return 0, 0, 0
    failed = sum(1 for entry in entries if entry.get("status") == "failed")
    return len(entries), failed, sum(entry.get("pages", 0) for entry in entries)


def document_text(path: str) -> str:
    """Plain text of one extracted JSON document: blocks separated by blank lines, pages by a
    form feed (as `enjeux-extract --print`)."""
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    return "\n\f\n".join(
        "\n\n".join(block.get("text", "") for block in page.get("blocks", [])) for page in document.get("pages", [])
    )


def extracted_documents(folder: str) -> list[str]:
    return sorted(
        os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".json") and name != "manifest.json"
    )


def status_note(m: measure.Measurement, accepted: tuple[int, ...] = (0,)) -> str:
    if m.status in accepted:
        return ""
    return f"killed by signal {-m.status}" if m.status < 0 else f"exit status {m.status}"


def venv_python() -> str:
    return os.path.join(VENV, "bin", "python")


def peer_missing(module: str) -> str | None:
    """Why the Python peer `module` cannot run, or None when it can."""
    python = venv_python()
    if not os.path.exists(python):
        return f"no virtualenv at {os.path.relpath(VENV, ROOT)} (pip install failed or no network?)"
    probe = subprocess.run([python, "-c", f"import {module}"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"{module} not installed in {os.path.relpath(VENV, ROOT)} (pip install failed or no network?)"
    return None


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}×" if value < 10 else f"{value:.1f}×"


# --- 1. PDF extraction --------------------------------------------------------------------


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
        command = [tool("enjeux-extract"), folder, "--out", out, "--jobs", str(jobs)]
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
                row.compared = f"{fmt_ratio(ratio)} pdftotext time (goal ≤ 1.3: {goal})"
                row.extra["ratio_to_pdftotext"] = ratio
            batch.append(row)
        rows += batch
        if peer_row:
            rows.append(peer_row)
        print_progress(rows)


# --- 2. HTML extraction -------------------------------------------------------------------


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
    for mode, jobs in (("isolated", 1), ("in-process", 1), ("isolated", CORES)):
        command = [tool("enjeux-extract"), folder, "--out", out, "--jobs", str(jobs)]
        if mode == "in-process":
            command.append("--no-isolation")
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
        listing = os.path.join(WORK, "trafilatura-files")
        with open(listing, "w", encoding="utf-8") as handle:
            handle.writelines(os.path.join(folder, os.path.relpath(p, corpus)) + "\n" for p in files)
        text_out = os.path.join(WORK, "trafilatura-out")

        def before() -> None:
            reset(text_out)()
            os.makedirs(text_out)

        command = [venv_python(), os.path.join(PEERS, "trafilatura_peer.py"), listing, text_out]
        m = measure.best_of(1, command, before=before)
        try:
            inner = json.loads(m.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            inner = None
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
                equal_recall = row.extra["seed_recall"] >= seed_recall
                met = speedup >= 10 and equal_recall
                row.compared = (
                    f"{fmt_ratio(speedup)} faster than trafilatura loop, recall "
                    f"{'≥' if equal_recall else '<'} (goal ≥ 10× at ≥ recall: {'met' if met else 'not met'})"
                )
                row.extra["speedup_vs_trafilatura_loop"] = speedup
    rows += [row for row, _, _ in enjeux_rows] + peer_rows
    print_progress(rows)


# --- 3. Tokenization ----------------------------------------------------------------------


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


# --- 4. Scoring and ranking ---------------------------------------------------------------


def bench_score(extracted: str, rows: list[Row]) -> None:
    passages = os.path.join(WORK, "all-passages")
    if not os.path.exists(os.path.join(passages, "manifest.json")):
        subprocess.run(
            [tool("enjeux-tokenize"), extracted, "--out", passages], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    passage_bytes, passage_count = 0, 0
    for name in os.listdir(passages):
        if name.endswith(".json") and name != "manifest.json":
            with open(os.path.join(passages, name), encoding="utf-8") as handle:
                for passage in json.load(handle).get("passages", []):
                    passage_bytes += len(passage.get("text", "").encode("utf-8"))
                    passage_count += 1
    label = f"{passage_count} passages, {passage_bytes / MB:.1f} MB of text"
    lexicon = os.path.join(ROOT, "Lexicons", "enjeux.fr.yaml")
    scores = os.path.join(WORK, "all-scores.json")
    m = measure.best_of(
        REPEAT, [tool("enjeux-score"), passages, "--lexicon", lexicon, "--out", scores], before=reset(scores), budget=20
    )
    rows.append(
        Row(
            "4 score", "enjeux-score", label, m.wall, m.cpu, passage_bytes / MB / m.wall,
            f"{passage_count / m.wall:.0f} passages/s", m.peak_rss_mb, note=status_note(m),
        )
    )
    if not os.path.exists(scores):
        rows.append(Row("4 rank", "enjeux-rank", "scores.json", skipped="no scores.json (enjeux-score failed)"))
        return
    scores_size = os.path.getsize(scores)
    evidence = os.path.join(WORK, "all-evidence")
    m = measure.best_of(
        REPEAT, [tool("enjeux-rank"), scores, "--extracted", extracted, "--out", evidence],
        before=reset(evidence), budget=20,
    )
    rows.append(
        Row(
            "4 rank", "enjeux-rank", f"scores.json, {scores_size / MB:.1f} MB", m.wall, m.cpu,
            scores_size / MB / m.wall, "", m.peak_rss_mb, note=status_note(m),
        )
    )
    print_progress(rows)


# --- 5. Whole pipeline on Corpus/ ---------------------------------------------------------


def bench_pipeline(rows: list[Row]) -> None:
    corpus = os.path.join(ROOT, "Corpus")
    files = files_below(corpus, (".pdf", ".html", ".htm"))
    warm(files)
    label = f"Corpus/: {len(files)} files, {total_bytes(files) / MB:.2f} MB"
    work = os.path.join(WORK, "pipeline-work")
    evidence = os.path.join(WORK, "pipeline-evidence")
    lexicon = os.path.join(WORK, "pipeline-lexicon.yaml")
    env = dict(os.environ, BIN=BIN, CORPUS=corpus, LEXICON=lexicon, OUT=evidence, WORK=work, JOBS=str(CORES))
    command = ["bash", os.path.join(ROOT, "scripts", "analyze.sh")]

    def stage_seconds() -> str:
        """Per-stage seconds and work done, from the run.json that enjeux-rank wrote."""
        try:
            with open(os.path.join(evidence, "run.json"), encoding="utf-8") as handle:
                stages = json.load(handle)["stages"]
        except (OSError, ValueError, KeyError):
            return ""
        parts = []
        for stage in stages:
            work = ", ".join(
                f"{stage.get(key, 0)} {label}" for key, label in (("processed", "done"), ("reused", "reused"))
                if stage.get(key, 0)
            )
            parts.append(f"{stage.get('stage')} {stage.get('seconds', 0):.2f} s ({work or 'nothing'})")
        return "; ".join(parts)

    size = total_bytes(files)
    steps = ("cold", "no-op rerun", "lexicon-edit rerun")
    best: dict[str, tuple[measure.Measurement, str]] = {}
    # The three steps in a row, REPEAT times from scratch; the fastest of each step is kept.
    for _ in range(max(1, REPEAT)):
        reset(work, evidence)()
        shutil.copyfile(os.path.join(ROOT, "Lexicons", "enjeux.fr.yaml"), lexicon)
        for name in steps:
            if name == "lexicon-edit rerun":
                with open(lexicon, "a", encoding="utf-8") as handle:
                    handle.write("\n# benchmark: a trailing comment changes the lexicon's hash\n")
            m = measure.run(command, env=env)
            note = "; ".join(part for part in (status_note(m, (0, 3)), stage_seconds()) if part)
            if name not in best or m.wall < best[name][0].wall:
                best[name] = (m, note)
    for name in steps:
        m, note = best[name]
        rows.append(
            Row(
                "5 pipeline", f"scripts/analyze.sh, {name}", label, m.wall, m.cpu,
                size / MB / m.wall if name == "cold" else None, "", m.peak_rss_mb, note=note,
            )
        )
    print_progress(rows)


# --- Driver -------------------------------------------------------------------------------


def print_progress(rows: list[Row]) -> None:
    last = rows[-1]
    print(f"bench: done {last.stage} ({len(rows)} rows so far)", file=sys.stderr, flush=True)


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
        print(
            f"bench: inputs under {os.path.relpath(WORK, ROOT)}; text {os.path.getsize(inputs.text1) / MB:.1f} MB (1×), "
            f"{os.path.getsize(inputs.text10) / MB:.0f} MB (10×), {os.path.getsize(inputs.varied) / MB:.1f} MB (varied)"
        )
        return 0

    sections = set((os.environ.get("BENCH_SECTIONS") or "pdf,html,text,score,pipeline").split(","))
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
        for name, stage in (("pdf", "1 PDF extract"), ("html", "2 HTML extract"), ("text", "3 tokenize"), ("score", "4 score")):
            if name in sections:
                rows.append(Row(stage, "", "", skipped=missing_shared))
    else:
        section("pdf", "1 PDF extract", lambda: bench_pdf(shared, rows))
        section("html", "2 HTML extract", lambda: bench_html(shared, rows))
        if sections & {"text", "score"}:
            prepared: dict[str, TextInputs] = {}

            def prepare() -> None:
                prepared["inputs"] = prepare_text(shared)

            section("text", "3 tokenize", prepare) if "text" in sections else section("score", "4 score", prepare)
            if prepared:
                section("text", "3 tokenize", lambda: bench_text(prepared["inputs"], rows))
                section("score", "4 score", lambda: bench_score(prepared["inputs"].extracted, rows))
    section("pipeline", "5 pipeline", lambda: bench_pipeline(rows))

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
