"""Row 4: enjeux-score and enjeux-rank over the tokenized shared corpus."""

from __future__ import annotations

import json
import os
import subprocess

import measure

from common import (
    MB,
    REPEAT,
    ROOT,
    WORK,
    print_progress,
    reset,
    status_note,
    tool,
)
from report import Row


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
