"""Row 6: the whole pipeline at scale, on the benchmark corpus of 1,000 documents (about
20,000 pages, see bench_corpus.py) and on its 100-document version: every stage with all
cores (wall, CPU, CPU/wall, peak RSS), pdftotext over the same PDFs and the HTML extraction
alone (the floor the full run is compared with), then three reruns: nothing changed, one
document changed, the lexicon edited."""

from __future__ import annotations

import os
import shutil

import bench_corpus
import measure
import page_paint

from common import (
    BIN,
    CORES,
    MB,
    ROOT,
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

SUFFIXES = (".pdf", ".html", ".htm")
STAGE = "6 scale"


def corpus_folder(size: int) -> str:
    return os.path.join(WORK, f"corpus-{size}")


def prepare_corpora(shared: str) -> None:
    """Builds (again) the 1,000- and 100-document corpora under the bench folder."""
    for size in (1000, 100):
        bench_corpus.build(corpus_folder(size), os.path.join(shared, "corpus"), os.path.join(ROOT, "Corpus"), size)


def stage_commands(corpus: str, work: str, evidence: str, lexicon: str) -> list[tuple[str, list[str]]]:
    """The four stages as scripts/analyze.sh runs them, text layers only (`--ocr never`): the corpus
    repeats the sample scans, whose OCR row 8 measures."""
    jobs = str(CORES)
    return [
        ("extract", [tool("enjeux-extract"), corpus, "--out", f"{work}/extracted", "--jobs", jobs, "--ocr", "never"]),
        ("tokenize", [tool("enjeux-tokenize"), f"{work}/extracted", "--out", f"{work}/passages", "--jobs", jobs]),
        (
            "score",
            [tool("enjeux-score"), f"{work}/passages", "--lexicon", lexicon, "--out", f"{work}/scores.json", "--jobs", jobs],
        ),
        ("rank", [tool("enjeux-rank"), f"{work}/scores.json", "--extracted", f"{work}/extracted", "--out", evidence]),
    ]


def bench_scale(shared: str, rows: list[Row]) -> None:
    prepare_corpora(shared)
    lexicon = os.path.join(WORK, "scale-lexicon.yaml")
    shutil.copyfile(os.path.join(ROOT, "Lexicons", "enjeux.fr.yaml"), lexicon)
    peak: dict[int, dict[str, float]] = {}
    totals: dict[int, float] = {}
    for size in (100, 1000):
        corpus = corpus_folder(size)
        files = files_below(corpus, SUFFIXES)
        warm(files)
        work = os.path.join(WORK, f"scale-work-{size}")
        evidence = os.path.join(WORK, f"scale-evidence-{size}")
        reset(work, evidence)()
        mb = total_bytes(files) / MB
        wall_sum = cpu_sum = 0.0
        peak[size] = {}
        stage_rows = []
        for name, command in stage_commands(corpus, work, evidence, lexicon):
            m = measure.run(command, timeout=3600)
            wall_sum += m.wall
            cpu_sum += m.cpu
            peak[size][name] = m.peak_rss_mb
            documents, failed, pages = manifest_summary(os.path.join(work, "extracted"))
            stage_rows.append(
                Row(
                    STAGE, f"{name} --jobs {CORES}" if name != "rank" else name,
                    f"{size} documents", m.wall, m.cpu, mb / m.wall if m.wall else None,
                    f"{documents / m.wall:.0f} docs/s" if m.wall else "", m.peak_rss_mb,
                    note="; ".join(p for p in (status_note(m, (0, 3)), f"CPU/wall {m.cpu / m.wall:.2f}" if m.wall else "") if p),
                )
            )
        documents, failed, pages = manifest_summary(os.path.join(work, "extracted"))
        label = f"{size} documents, {pages} pages, {mb:.0f} MB"
        for row in stage_rows:
            row.input = label
        rows.extend(stage_rows)
        totals[size] = wall_sum
        rows.append(
            Row(
                STAGE, "full run (4 stages), cold", label, wall_sum, cpu_sum, mb / wall_sum, "",
                max(peak[size].values()),
                compared=f"CPU/wall {cpu_sum / wall_sum:.2f} (goal ≥ 1.7: {'met' if cpu_sum / wall_sum >= 1.7 else 'not met'})",
                note=f"{failed} documents failed, as expected (broken/ files)",
            )
        )
        print_progress(rows)

    # The floor for the 1,000 documents: pdftotext over its PDFs, and Enjeux's HTML extraction alone.
    corpus = corpus_folder(1000)
    pdfs = files_below(corpus, (".pdf",))
    pages_html = [path for path in files_below(corpus, (".html", ".htm"))]
    label = f"{len(pdfs)} PDF of the 1,000 documents"
    listing = os.path.join(WORK, "scale-pdfs.txt")
    with open(listing, "wb") as handle:
        handle.write(b"\0".join(os.fsencode(path) for path in pdfs) + b"\0")
    pdftotext = shutil.which("pdftotext")
    floor = 0.0
    if pdftotext:
        m = measure.run(
            ["sh", "-c", f'xargs -0 -P{CORES} -I{{}} "{pdftotext}" -q {{}} /dev/null < "{listing}"'], timeout=3600
        )
        floor += m.wall
        rows.append(Row(STAGE, f"pdftotext, 1 process per file, -P{CORES}", label, m.wall, m.cpu,
                        total_bytes(pdfs) / MB / m.wall, "", m.peak_rss_mb))
    html_folder = os.path.join(WORK, "scale-html-corpus")
    link_corpus(pages_html, corpus, html_folder)
    html_out = os.path.join(WORK, "scale-html-extracted")
    reset(html_out)()
    m = measure.run([tool("enjeux-extract"), html_folder, "--out", html_out, "--jobs", str(CORES)], timeout=3600)
    floor += m.wall
    rows.append(Row(STAGE, f"enjeux-extract --jobs {CORES}, HTML only", f"{len(pages_html)} HTML of the 1,000 documents",
                    m.wall, m.cpu, total_bytes(pages_html) / MB / m.wall, "", m.peak_rss_mb))
    if pdftotext:
        ratio = totals[1000] / floor
        rows[-1].compared = (
            f"full run {fmt_ratio(ratio)} (pdftotext + HTML extraction) (goal ≤ 2×: {'met' if ratio <= 2 else 'not met'})"
        )

    # Reruns on the 1,000 documents, through scripts/analyze.sh as `make analyze` runs it.
    work = os.path.join(WORK, "scale-work-1000")
    evidence = os.path.join(WORK, "scale-evidence-1000")
    env = dict(os.environ, BIN=BIN, CORPUS=corpus, LEXICON=lexicon, OUT=evidence, WORK=work, JOBS=str(CORES), OCR="never")
    analyze = ["bash", os.path.join(ROOT, "scripts", "analyze.sh")]
    measure.run(analyze, env=env, timeout=3600)  # brings the run's own records (rank fingerprint) up to date
    m = measure.run(analyze, env=env)
    rows.append(rerun_row("no-op rerun", m, totals[1000], limit=1.0))

    changed = sorted(pages_html)[0]
    if os.path.islink(changed):  # the corpus is copies; a link would change the shared file
        target = os.path.realpath(changed)
        os.remove(changed)
        shutil.copyfile(target, changed)
    with open(changed, "a", encoding="utf-8") as handle:
        handle.write("\n<!-- banc d'essai : document modifié -->\n")
    m = measure.run(analyze, env=env)
    rows.append(rerun_row("one document changed", m, totals[1000], limit=5.0))

    with open(lexicon, "a", encoding="utf-8") as handle:
        handle.write("\n# banc d'essai : lexique modifié\n")
    m = measure.run(analyze, env=env)
    rows.append(rerun_row("lexicon edited (score + rank)", m, totals[1000], share=0.10))

    rows.append(page_row(os.path.join(evidence, "index.html")))

    # The lexicon tools on the same work folder (after the lexicon edit: scores.json matches it).
    edited = os.path.join(WORK, "scale-lexicon-without-term.yaml")
    with open(lexicon, encoding="utf-8") as handle:
        lines = [line for line in handle if "term: jugement clinique," not in line]
    with open(edited, "w", encoding="utf-8") as handle:
        handle.writelines(lines)
    tools = [
        ("stats", ["stats", "--lexicon", lexicon]),
        ("kwic autonom*", ["kwic", "autonom*", "--lexicon", lexicon, "--sort", "right"]),
        ("diff (one term removed)", ["diff", lexicon, edited]),
        ("suggest autonomie", ["suggest", "autonomie", "--lexicon", lexicon]),
        ("check", ["check", lexicon]),
    ]
    for name, arguments in tools:
        m = measure.run([tool("enjeux-lexicon"), *arguments, "--work", work])
        ok = m.status == 0
        rows.append(
            Row(
                STAGE, f"enjeux-lexicon {name}", "1000 documents, tokenized", m.wall, m.cpu, None, "", m.peak_rss_mb,
                compared=f"goal < 5 s: {'met' if ok and m.wall < 5 else 'not met'}" if name != "check" else "",
                note=status_note(m),
            )
        )

    notes = ", ".join(
        f"{name} {peak[1000][name]:.0f}/{peak[100][name]:.0f}" for name in ("extract", "tokenize", "score", "rank")
    )
    worst = max(peak[1000].values())
    growth = max(peak[1000][name] - peak[100][name] for name in peak[1000])
    rows.append(
        Row(
            STAGE, "peak RSS per stage, 1,000 / 100 documents", "MiB", None, None, None, "", worst,
            compared=(
                f"max {worst:.0f} MiB (goal < 300: {'met' if worst < 300 else 'not met'}); "
                f"growth ≤ {growth:.0f} MiB (goal ≤ 50: {'met' if growth <= 50 else 'not met'})"
            ),
            note=notes,
        )
    )
    print_progress(rows)


def page_row(page: str) -> Row:
    """The report of the 1,000 documents opened in headless Chromium: median times to the first
    contentful paint and to the load event over 5 loads (page_paint.py)."""
    name = "index.html in headless Chromium, median of 5 loads"
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return Row(STAGE, name, "1000 documents", skipped="chromium is not installed (apt-get install chromium)")
    paint = page_paint.measure(page, 5, browser)
    first, load = paint["first_contentful_paint_ms"], paint["load_ms"]
    met = first is not None and load is not None and max(first, load) < 1000
    return Row(
        STAGE, name, f"1000 documents: {paint['bytes'] / MB:.2f} MB, {paint['elements']:,} elements",
        (load or 0) / 1000, None, None, f"first paint {first or 0:.0f} ms", None,
        compared=f"first paint and load < 1 s: {'met' if met else 'not met'}",
        note=f"DOMContentLoaded {paint['dom_content_loaded_ms'] or 0:.0f} ms; wall = load event",
        extra=paint,
    )


def rerun_row(name: str, m: measure.Measurement, full: float, limit: float | None = None, share: float | None = None) -> Row:
    if limit is not None:
        goal = f"goal < {limit:.0f} s: {'met' if m.wall < limit else 'not met'}"
    else:
        goal = f"{m.wall / full:.1%} of the full run (goal < {share:.0%}: {'met' if m.wall < full * share else 'not met'})"
    return Row(STAGE, f"scripts/analyze.sh, {name}", "1000 documents", m.wall, m.cpu, None, "", m.peak_rss_mb,
               compared=goal, note=status_note(m, (0, 3)))
