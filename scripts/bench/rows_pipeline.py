"""Row 5: the whole pipeline on the sample corpus Corpus/: cold, no-op and lexicon-edit runs."""

from __future__ import annotations

import json
import os
import shutil

import measure

from common import (
    BIN,
    CORES,
    MB,
    REPEAT,
    ROOT,
    WORK,
    files_below,
    print_progress,
    reset,
    status_note,
    total_bytes,
    warm,
)
from report import Row


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
        """Per-stage seconds and work done in this run, from the stages' records in the work folder."""
        stages = []
        for name in ("extract", "tokenize", "score", "rank"):
            try:
                with open(os.path.join(work, "stats", f"{name}.json"), encoding="utf-8") as handle:
                    stages.append(dict(json.load(handle), stage=name))
            except (OSError, ValueError):
                continue
        parts = []
        for stage in stages:
            done = ", ".join(
                f"{stage.get(key, 0)} {label}" for key, label in (("processed", "done"), ("reused", "reused"))
                if stage.get(key, 0)
            )
            parts.append(f"{stage.get('stage')} {stage.get('seconds', 0):.2f} s ({done or 'nothing'})")
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
