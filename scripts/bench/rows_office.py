"""Row 7: Word and OpenDocument extraction, enjeux-extract beside `pandoc -t plain`.

Inputs (untimed set-up, cached under .build/bench/work/office/): the hand-written sources of
the sample corpus (`CorpusSources/**/*.fodt`: six reports and two notes) and the office test
document, converted by LibreOffice to .docx and to .odt: as they are (2 to 5 pages), ten
copies of each (90 files: a corpus of short notes, where starting a process is most of the
cost of one file, for Enjeux once per run and for pandoc once per file), and with their body
repeated 20 times (40 to 100 pages, the length of a brief or a report). Without soffice the row
is skipped.
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

LONG_REPEATS = 20
SHORT_COPIES = 10


def repeated_source(path: str, target: str, times: int) -> None:
    """A flat OpenDocument file with its body repeated (note and change ids kept unique)."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    start = text.index(">", text.index("<office:text")) + 1
    end = text.index("</office:text>")
    body = text[start:end]
    copies = [re.sub(r'(text:id|xml:id)="([^"]+)"', rf'\1="\2-{n}"', body) for n in range(times)]
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text[:start] + "".join(copies) + text[end:])


def prepare() -> dict[tuple[str, str], list[str]] | str:
    """The inputs by (length, extension), or the reason they cannot be made."""
    if not shutil.which("soffice"):
        return "soffice not installed (libreoffice-writer-nogui): no inputs"
    folder = os.path.join(WORK, "office")
    sources = sorted(glob.glob(os.path.join(ROOT, "CorpusSources", "**", "*.fodt"), recursive=True))
    sources.append(os.path.join(ROOT, "Tests", "Fixtures", "office", "sources", "note-de-travail.fodt"))
    stamp = os.path.join(folder, "inputs-made-3")
    sets = {}
    for length in ("short", "long"):
        for extension in ("docx", "odt"):
            sets[(length, extension)] = os.path.join(folder, length, extension)
    if not os.path.exists(stamp):
        shutil.rmtree(folder, ignore_errors=True)
        profile = f"file://{folder}/profile"
        for length, times in (("short", 1), ("long", LONG_REPEATS)):
            staging = os.path.join(folder, length, "sources")
            os.makedirs(staging)
            for index, source in enumerate(sources):
                name = f"{index:02d}-{os.path.basename(source).replace(' ', '_')}"
                repeated_source(source, os.path.join(staging, name), times)
            for extension in ("docx", "odt"):
                target = sets[(length, extension)]
                os.makedirs(target)
                subprocess.run(
                    ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", extension,
                     "--outdir", target] + sorted(glob.glob(os.path.join(staging, "*.fodt"))),
                    check=True, capture_output=True, timeout=900)
                if length == "short":
                    for path in glob.glob(os.path.join(target, f"*.{extension}")):
                        for copy in range(1, SHORT_COPIES):
                            shutil.copy(path, os.path.join(target, f"copie-{copy}-{os.path.basename(path)}"))
        open(stamp, "w").close()
    return {key: sorted(glob.glob(os.path.join(target, f"*.{key[1]}"))) for key, target in sets.items()}


def bench_office(rows: list[Row]) -> None:
    inputs = prepare()
    if isinstance(inputs, str):
        rows.append(Row("7 office extract", "", "", skipped=inputs))
        return
    for (length, extension), files in inputs.items():
        warm(files)
        size = sum(os.path.getsize(path) for path in files)
        out = os.path.join(WORK, f"office-{length}-{extension}-extracted")
        command = [tool("enjeux-extract"), os.path.dirname(files[0]), "--out", out, "--jobs", "1"]
        runs = {
            "isolated": measure.best_of(REPEAT, command, before=reset(out), budget=20),
            "in-process": measure.best_of(REPEAT, command + ["--no-isolation"], before=reset(out), budget=20),
        }
        documents, failed, pages = manifest_summary(out)
        label = f"{len(files)} {length} .{extension}, {pages} pages, {size / MB:.1f} MB"
        pandoc = None
        if shutil.which("pandoc"):
            arguments = os.path.join(WORK, f"pandoc-{length}-{extension}-arguments")
            with open(arguments, "wb") as handle:
                for path in files:
                    handle.write(path.encode() + b"\0")
            # One pandoc process per file, one at a time, as the isolated extractor runs one worker.
            pandoc = measure.best_of(
                REPEAT, ["xargs", "-0", "-n", "1", "-P", "1", "-a", arguments, "pandoc", "-t", "plain", "-o", "/dev/null"],
                budget=60)
        for mode, m in runs.items():
            note = f"{documents - failed}/{documents} read"
            if status_note(m, (0, 3)):
                note += f"; {status_note(m, (0, 3))}"
            row = Row(
                "7 office extract", f"enjeux-extract {mode} --jobs 1", label, m.wall, m.cpu, size / MB / m.wall,
                f"{pages / m.wall:.0f} pages/s", m.peak_rss_mb, note=note,
                extra={"documents": documents, "failed": failed, "pages": pages},
            )
            if pandoc:
                ratio = pandoc.wall / m.wall
                cpu = f", CPU {fmt_ratio(pandoc.cpu / m.cpu)}" if m.cpu > 0 else ""
                row.compared = f"{fmt_ratio(ratio)} faster than pandoc{cpu} (goal ≥ 10: {'met' if ratio >= 10 else 'not met'})"
                row.extra["pandoc_over_enjeux"] = ratio
            else:
                row.compared = "pandoc not installed"
            rows.append(row)
        if pandoc:
            rows.append(
                Row(
                    "7 office extract", "pandoc -t plain, 1 process per file, -P1", label, pandoc.wall, pandoc.cpu,
                    size / MB / pandoc.wall, f"{pages / pandoc.wall:.0f} pages/s", pandoc.peak_rss_mb,
                    note=status_note(pandoc) or f"{len(files)} files",
                ))
        print_progress(rows)
