"""Row 4: enjeux-score (default lexicon, then 5,000 terms) and enjeux-rank over the tokenized
shared corpus."""

from __future__ import annotations

import json
import os
import subprocess

import lexicon_scale
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

# The goal for scoring, in MB of passage text per second.
SCORE_GOAL_MB_S = 50
SCALED_TERMS = 5_000


def bench_score(extracted: str, rows: list[Row]) -> None:
    passages = os.path.join(WORK, "all-passages")
    if not os.path.exists(os.path.join(passages, "manifest.json")):
        subprocess.run(
            [tool("enjeux-tokenize"), extracted, "--out", passages], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    passage_bytes, passage_count = 0, 0
    vocabulary = lexicon_scale.Vocabulary()
    for name in sorted(os.listdir(passages)):
        if name.endswith(".json") and name != "manifest.json":
            with open(os.path.join(passages, name), encoding="utf-8") as handle:
                document = json.load(handle)
            vocabulary.add_document(document)
            for passage in document.get("passages", []):
                passage_bytes += len(passage.get("text", "").encode("utf-8"))
                passage_count += 1
    label = f"{passage_count} passages, {passage_bytes / MB:.1f} MB of text"
    lexicon = os.path.join(ROOT, "Lexicons", "enjeux.fr.yaml")
    scores = os.path.join(WORK, "all-scores.json")
    score_row(passages, lexicon, scores, label, passage_bytes, passage_count, "default lexicon", rows)
    scaled = scaled_lexicon(lexicon, vocabulary)
    if scaled is None:
        rows.append(Row("4 score", f"enjeux-score, {SCALED_TERMS:,} terms", label, skipped="lexicon not generated"))
    else:
        path, note = scaled
        score_row(
            passages, path, os.path.join(WORK, "all-scores-5000.json"), label, passage_bytes, passage_count,
            f"{SCALED_TERMS:,} terms", rows, note=note,
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


def score_row(
    passages: str, lexicon: str, scores: str, label: str, passage_bytes: int, passage_count: int, which: str,
    rows: list[Row], note: str = "",
) -> None:
    m = measure.best_of(
        REPEAT, [tool("enjeux-score"), passages, "--lexicon", lexicon, "--out", scores], before=reset(scores), budget=20
    )
    rate = passage_bytes / MB / m.wall
    rows.append(
        Row(
            "4 score", f"enjeux-score, {which}", label, m.wall, m.cpu, rate,
            f"{passage_count / m.wall:.0f} passages/s", m.peak_rss_mb,
            compared=f"goal ≥ {SCORE_GOAL_MB_S} MB/s: {'met' if rate >= SCORE_GOAL_MB_S else 'not met'}",
            note="; ".join(part for part in (status_note(m), note) if part),
        )
    )
    print_progress(rows)


def scaled_lexicon(base_path: str, vocabulary: lexicon_scale.Vocabulary) -> tuple[str, str] | None:
    """Writes the default lexicon grown to SCALED_TERMS terms (see lexicon_scale) and returns
    its path and a note. Terms `enjeux-score --check` refuses or ignores (a word whose stem is
    a function word's, two words with one stem) are replaced until none is left."""
    with open(base_path, encoding="utf-8") as handle:
        base = handle.read()
    path = os.path.join(WORK, f"lexicon-{SCALED_TERMS}.yaml")
    rejected: set[str] = set()
    for _ in range(20):
        text = lexicon_scale.scaled_lexicon(base, vocabulary, SCALED_TERMS, frozenset(rejected))
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        check = subprocess.run([tool("enjeux-score"), "--check", path], capture_output=True, text=True)
        new = lexicon_scale.rejected_terms(check.stdout + check.stderr) - rejected
        if not new and check.returncode == 0:
            terms = lexicon_scale.term_count(text)
            return path, f"{terms:,} terms ({terms - lexicon_scale.term_count(base):,} added to the default lexicon's)"
        rejected |= new
    return None
