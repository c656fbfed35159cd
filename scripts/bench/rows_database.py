"""Row 6b: the evidence exports on the 1,000-document benchmark corpus. The rank stage runs
over the scores of row 6 (scored again here when row 6 did not run) into a fresh folder,
REPEAT times; its console lines give the time spent writing evidence.sqlite and enjeux.qdpx,
compared with the whole rank stage's wall time (goal: the database under 10%), and the
sizes of both files."""

from __future__ import annotations

import hashlib
import os
import re
import shutil

import bench_corpus
import measure
from common import MB, REPEAT, ROOT, WORK, reset, tool
from report import Row
from rows_scale import corpus_folder, stage_commands

STAGE = "6b exports"
LINE = re.compile(r"(evidence\.sqlite|enjeux\.qdpx): ([0-9.]+) MB, ([0-9]+) (rows|codings)[^\n]*?, written in ([0-9.]+) s")


def scored_work(shared: str) -> tuple[str, str, str]:
    """The work folder of the 1,000 documents with scores.json (row 6's, or made here)."""
    corpus = corpus_folder(1000)
    work = os.path.join(WORK, "scale-work-1000")
    lexicon = os.path.join(WORK, "scale-lexicon.yaml")
    if not os.path.exists(os.path.join(work, "scores.json")):
        bench_corpus.build(corpus, os.path.join(shared, "corpus"), os.path.join(ROOT, "Corpus"), 1000)
        shutil.copyfile(os.path.join(ROOT, "Lexicons", "enjeux.fr.yaml"), lexicon)
        for name, command in stage_commands(corpus, work, os.path.join(WORK, "database-unused"), lexicon)[:3]:
            m = measure.run(command, timeout=3600)
            if m.status not in (0, 3):
                raise RuntimeError(f"{name} failed with status {m.status}")
    return corpus, work, lexicon


def bench_database(shared: str, rows: list[Row]) -> None:
    _, work, _ = scored_work(shared)
    evidence = os.path.join(WORK, "database-evidence-1000")
    scores = os.path.join(work, "scores.json")
    log = os.path.join(WORK, "database-rank.log")
    # enjeux-rank keeps an unchanged Evidence folder: its record of the inputs goes with the folder.
    record = os.path.join(work, f".rank-{hashlib.sha256(os.path.abspath(evidence).encode()).hexdigest()[:16]}.inputs")
    base = [tool("enjeux-rank"), scores, "--extracted", os.path.join(work, "extracted"), "--out", evidence]
    modes = {"none": ["--no-database", "--no-qda"], "database": ["--no-qda"], "both": []}
    runs: dict[str, list[tuple[measure.Measurement, dict]]] = {mode: [] for mode in modes}
    # The modes alternate, so that a change in the machine's load touches them alike.
    for _ in range(max(1, REPEAT)):
        for mode, flags in modes.items():
            reset(evidence, record)()
            m = measure.run(["sh", "-c", 'exec "$0" "$@" 2> "' + log + '"', *base, *flags], timeout=3600)
            text = open(log, encoding="utf-8").read()
            if m.status != 0:
                raise RuntimeError(f"enjeux-rank {' '.join(flags)} failed with status {m.status}: {text[-500:]}")
            found = {match[0]: (float(match[1]), int(match[2]), float(match[4])) for match in LINE.findall(text)}
            runs[mode].append((m, found))
            if mode == "database":
                database_mb = os.path.getsize(os.path.join(evidence, "evidence.sqlite")) / MB
            if mode == "both":
                qdpx_mb = os.path.getsize(os.path.join(evidence, "enjeux.qdpx")) / MB
    # The fastest run of each mode: the least disturbed by the other sessions.
    fastest = {mode: min(found, key=lambda run: run[0].wall) for mode, found in runs.items()}
    none, database, both = fastest["none"][0], fastest["database"][0], fastest["both"][0]
    written = fastest["database"][1]["evidence.sqlite"]
    added = database.wall - none.wall
    share = added / none.wall if none.wall else 0
    scores_mb = os.path.getsize(scores) / MB
    label = f"1000 documents, scores.json {scores_mb:.0f} MB"
    rows.append(
        Row(STAGE, "enjeux-rank --no-database --no-qda", label, none.wall, none.cpu, scores_mb / none.wall, "",
            none.peak_rss_mb, note=f"fastest of {len(runs['none'])} runs")
    )
    rows.append(
        Row(
            STAGE, "enjeux-rank --no-qda (+ evidence.sqlite, SQLite C API)", label, database.wall, database.cpu,
            scores_mb / database.wall, f"{written[1]} rows", database.peak_rss_mb,
            compared=f"adds {added:.2f} s = {share:.1%} to the rank stage (goal < 10%: {'met' if share < 0.10 else 'not met'})",
            note=(
                f"database {database_mb:.1f} MB; its writing took {written[2]:.2f} s, mostly on a thread of its own "
                f"while the ranking runs; CPU +{database.cpu - none.cpu:.2f} s"
            ),
            extra={"database_mb": database_mb, "added_seconds": added, "share": share, "written_seconds": written[2]},
        )
    )
    project = fastest["both"][1].get("enjeux.qdpx")
    rows.append(
        Row(
            STAGE, "enjeux-rank (+ evidence.sqlite and enjeux.qdpx)", label, both.wall, both.cpu,
            scores_mb / both.wall, f"{project[1]} codings" if project else "", both.peak_rss_mb,
            compared=f"the .qdpx adds {both.wall - database.wall:.2f} s",
            note=f"project {qdpx_mb:.1f} MB (texts deflated, the original PDFs stored)",
        )
    )
