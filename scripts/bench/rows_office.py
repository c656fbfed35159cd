"""Row 7: Word and OpenDocument extraction, enjeux-extract beside `pandoc -t plain`.

Inputs (untimed set-up, cached under .build/bench/work/office/): the hand-written sources of
the sample corpus (`CorpusSources/**/*.fodt`: six reports and two notes) and the office test
document, each converted by LibreOffice to .docx and to .odt, plus a long document: the Lean
evaluation report's body repeated 40 times (about 200 pages). Without soffice the row is skipped.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess

import measure

from common import MB, REPEAT, ROOT, WORK, fmt_ratio, manifest_summary, print_progress, reset, status_note, tool, warm
from report import Row

REPEATS_IN_LONG_DOCUMENT = 40


def long_source(path: str, target: str) -> None:
    """The report's body repeated, as one flat OpenDocument file."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    start = text.index(">", text.index("<office:text")) + 1
    end = text.index("</office:text>")
    body = text[start:end]
    # Tracked-change and note ids must stay unique when the body repeats.
    copies = [re.sub(r'(text:id|xml:id)="([^"]+)"', rf'\1="\2-{n}"', body) for n in range(REPEATS_IN_LONG_DOCUMENT)]
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text[:start] + "".join(copies) + text[end:])


def prepare() -> dict[str, list[str]] | str:
    """The .docx and .odt inputs, by format, or the reason they cannot be made."""
    if not shutil.which("soffice"):
        return "soffice not installed (libreoffice-writer-nogui): no inputs"
    folder = os.path.join(WORK, "office")
    sources = sorted(glob.glob(os.path.join(ROOT, "CorpusSources", "**", "*.fodt"), recursive=True))
    sources.append(os.path.join(ROOT, "Tests", "Fixtures", "office", "sources", "note-de-travail.fodt"))
    made = {"docx": os.path.join(folder, "docx"), "odt": os.path.join(folder, "odt")}
    stamp = os.path.join(folder, "inputs-made")
    if not os.path.exists(stamp):
        shutil.rmtree(folder, ignore_errors=True)
        staging = os.path.join(folder, "sources")
        os.makedirs(staging)
        for index, source in enumerate(sources):
            shutil.copy(source, os.path.join(staging, f"{index:02d}-{os.path.basename(source).replace(' ', '_')}"))
        long_source(
            os.path.join(ROOT, "CorpusSources", "Rapport d'évaluation Lean 2016.fodt"),
            os.path.join(staging, "99-long-report.fodt"))
        profile = f"file://{folder}/profile"
        for extension, target in made.items():
            os.makedirs(target)
            subprocess.run(
                ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", extension, "--outdir", target]
                + sorted(glob.glob(os.path.join(staging, "*.fodt"))),
                check=True, capture_output=True, timeout=600)
        open(stamp, "w").close()
    return {extension: sorted(glob.glob(os.path.join(target, f"*.{extension}"))) for extension, target in made.items()}


def bench_office(rows: list[Row]) -> None:
    inputs = prepare()
    if isinstance(inputs, str):
        rows.append(Row("7 office extract", "", "", skipped=inputs))
        return
    for extension, files in inputs.items():
        warm(files)
        size = sum(os.path.getsize(path) for path in files)
        label = f"{len(files)} .{extension}, {size / MB:.1f} MB"
        folder = os.path.dirname(files[0])
        out = os.path.join(WORK, f"office-{extension}-extracted")
        command = [tool("enjeux-extract"), folder, "--out", out, "--jobs", "1"]
        enjeux = measure.best_of(REPEAT, command, before=reset(out), budget=20)
        documents, failed, pages = manifest_summary(out)
        note = f"{documents - failed}/{documents} read"
        if status_note(enjeux):
            note += f"; {status_note(enjeux)}"
        row = Row(
            "7 office extract", f"enjeux-extract isolated --jobs 1 (.{extension})", label, enjeux.wall, enjeux.cpu,
            size / MB / enjeux.wall, f"{len(files) / enjeux.wall:.0f} files/s", enjeux.peak_rss_mb, note=note,
            extra={"documents": documents, "failed": failed, "pages": pages},
        )
        if not shutil.which("pandoc"):
            row.compared = "pandoc not installed"
            rows.append(row)
            continue
        arguments = os.path.join(WORK, f"pandoc-{extension}-arguments")
        with open(arguments, "wb") as handle:
            for path in files:
                handle.write(path.encode() + b"\0")
        # One pandoc process per file, one at a time, as the isolated extractor runs one worker.
        peer_command = ["xargs", "-0", "-n", "1", "-P", "1", "-a", arguments, "pandoc", "-t", "plain", "-o", "/dev/null"]
        pandoc = measure.best_of(REPEAT, peer_command, budget=60)
        ratio = pandoc.wall / enjeux.wall
        row.compared = f"{fmt_ratio(ratio)} faster than pandoc (goal ≥ 10: {'met' if ratio >= 10 else 'not met'})"
        row.extra["pandoc_over_enjeux"] = ratio
        rows.append(row)
        rows.append(
            Row(
                "7 office extract", f"pandoc -t plain, 1 process per file (.{extension})", label, pandoc.wall,
                pandoc.cpu, size / MB / pandoc.wall, f"{len(files) / pandoc.wall:.0f} files/s", pandoc.peak_rss_mb,
                note=status_note(pandoc) or f"{len(files)} files",
            ))
        # The long document alone: the reader's own speed, process start-up aside.
        long = [path for path in files if "long-report" in path][0]
        single = measure.best_of(REPEAT, [tool("enjeux-extract"), "--print", long], budget=20)
        single_peer = measure.best_of(REPEAT, ["pandoc", "-t", "plain", "-o", "/dev/null", long], budget=60)
        single_ratio = single_peer.wall / single.wall
        rows.append(
            Row(
                "7 office extract", f"enjeux-extract --print, long .{extension}", f"1 file, {os.path.getsize(long) / MB:.2f} MB",
                single.wall, single.cpu, os.path.getsize(long) / MB / single.wall, "", single.peak_rss_mb,
                compared=f"{fmt_ratio(single_ratio)} faster than pandoc ({single_peer.wall:.2f} s, {single_peer.peak_rss_mb:.0f} MiB)",
                extra={"pandoc_wall": single_peer.wall, "pandoc_peak_rss_mb": single_peer.peak_rss_mb},
            ))
        print_progress(rows)
