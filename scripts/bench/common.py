"""What every benchmark row shares: settings from the environment, paths, and small helpers
for corpora, extraction outputs and peers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import measure
from report import Row

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


def print_progress(rows: list[Row]) -> None:
    last = rows[-1]
    print(f"bench: done {last.stage} ({len(rows)} rows so far)", file=sys.stderr, flush=True)
