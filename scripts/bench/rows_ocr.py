"""Row 8: OCR of scanned pages (issue 20). Documents whose exact text is known (the seed PDFs of
../shared/corpus/seeds and the sample corpus PDFs, with the printed text of the flat
OpenDocument sources LibreOffice made them from: fodt_text.py) are rendered to page images with pdftoppm,
degraded with ImageMagick, and wrapped again as image-only PDFs (no text layer), in three variants:

  clean-300     300 dpi grey, as rendered
  200dpi        200 dpi grey
  degraded-300  300 dpi with Gaussian noise, a 1° skew and JPEG artefacts (quality 50)

Then, on each variant and group of documents (sample corpus, seeds, all):
  - word accuracy (lcs.recall: the share of the reference's words found in order) of
    `enjeux-extract --print` (OCR through Tesseract's C API, then the PDF clean-up), of the
    `tesseract` command on the same page images (`-l fra`), and of `ocrmypdf --sidecar` when it
    is installed (Debian's ocrmypdf);
  - speed, on clean-300: OCR pages per second of `enjeux-extract` over the folder of image PDFs
    (--jobs = cores) beside `tesseract` over the same page images, one process per page, as many
    at once as cores, with and without OMP_THREAD_LIMIT=1; and a rerun of `enjeux-extract` on
    the unchanged folder, which must read no page by OCR.

Run alone: python3 scripts/bench/rows_ocr.py [--seeds-only | --sample-only] [--speed-only]
(prints the table; BIN as for bench.py; --speed-only: the speed rows alone). Environment:
BENCH_OCR_SPEED=seeds times the seeds' pages only; BENCH_OCR_REUSE=1 reuses Enjeux's texts kept
by a run of the same build; BENCH_OCR_FRESH=1 reads the peers' texts again; BENCH_OCR_ARGS adds
options to enjeux-extract; BENCH_OCR_SEEDS_REFERENCE=txt compares the seeds with
../shared/seeds/*.txt (same words, notes at their call) instead of their .fodt sources.
Inputs and outputs go under .build/bench/work/ocr/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import lcs  # noqa: E402
import measure  # noqa: E402
from fodt_text import pdf_pages, printed_text  # noqa: E402
from common import CORES, ROOT, WORK, fmt_ratio, print_progress, reset, shared_folder, tool  # noqa: E402
from report import Row  # noqa: E402

FOLDER = os.path.join(WORK, "ocr")
VARIANTS = [("clean-300", 300, False), ("200dpi", 200, False), ("degraded-300", 300, True)]
GOALS = {"clean-300": 0.98, "200dpi": 0.97, "degraded-300": 0.95}
# More options for enjeux-extract (to compare settings: BENCH_OCR_ARGS="--ocr-languages fra").
ENJEUX_ARGUMENTS = os.environ.get("BENCH_OCR_ARGS", "").split()


def convert_command() -> list[str] | None:
    """ImageMagick 7's `magick`, else ImageMagick 6's `convert` (Debian's imagemagick)."""
    if shutil.which("magick"):
        return ["magick"]
    for candidate in ("/usr/bin/convert-im6.q16", "/usr/bin/convert"):
        if os.access(candidate, os.X_OK):
            return [candidate]
    return None


class Document(NamedTuple):
    group: str  # SAMPLE or SEEDS
    name: str
    pdf: str
    reference: str


SAMPLE = "sample corpus"
SEEDS = "seeds"


def sources(shared: str, which: str) -> list[Document]:
    """The documents of the benchmark (`which`: all, seeds or sample) with their exact text, the
    text of the flat OpenDocument file LibreOffice made each PDF from, footnotes at the foot of
    the page that prints them (`fodt_text.printed_text`): the seed PDFs with
    ../shared/corpus/seeds/source/*.fodt, the sample corpus PDFs with CorpusSources/**/*.fodt.
    BENCH_OCR_SEEDS_REFERENCE=txt measures the seeds against ../shared/seeds/*.txt instead (the
    same words, but the notes at their call and the tables in another order)."""
    found = []
    if which in ("all", "seeds"):
        for seed in ("000_29a6c5865de0a7fd", "004_21255a5746c9818d"):
            pdf = os.path.join(shared, "corpus", "seeds", f"{seed}.pdf")
            if os.environ.get("BENCH_OCR_SEEDS_REFERENCE") == "txt":
                with open(os.path.join(shared, "seeds", f"{seed}.txt"), encoding="utf-8") as handle:
                    reference = handle.read()
            else:
                source = os.path.join(shared, "corpus", "seeds", "source", f"{seed}.fodt")
                reference = printed_text(source, pdf_pages(pdf))
            found.append(Document(SEEDS, seed, pdf, reference))
    if which in ("all", "sample"):
        corpus = os.path.join(ROOT, "Corpus")
        for parent, folders, names in os.walk(corpus):
            folders.sort()
            for name in sorted(names):
                if not name.lower().endswith(".pdf"):
                    continue
                pdf = os.path.join(parent, name)
                relative = os.path.relpath(pdf, corpus)
                source = os.path.join(ROOT, "CorpusSources", os.path.splitext(relative)[0] + ".fodt")
                if not os.path.exists(source):
                    print(f"rows_ocr: {relative} left out: no source {source}", file=sys.stderr)
                    continue
                label = re.sub(r"[^\w.-]+", "_", os.path.splitext(relative)[0])
                found.append(Document(SAMPLE, label, pdf, printed_text(source, pdf_pages(pdf))))
    return found


def read_pgm(path: str) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary 8-bit PGM (as pdftoppm -gray writes it)."""
    with open(path, "rb") as handle:
        data = handle.read()
    fields = []
    position = 0
    while len(fields) < 4:
        while data[position : position + 1].isspace():
            position += 1
        if data[position : position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position + 1 : position + 1 + width * height]


def image_pdf(pages: list[tuple[int, int, int, str, bytes]], path: str) -> None:
    """An image-only PDF, one page per (width, height, dpi, filter, data) grey image."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for width, height, dpi, filter_name, data in pages:
        w, h = width * 72 / dpi, height * 72 / dpi
        image = len(objects) + 1
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Filter /{filter_name} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"
        )
        content = f"q {w:.3f} 0 0 {h:.3f} 0 0 cm /I Do Q\n".encode()
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"endstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w:.3f} {h:.3f}] "
            f"/Resources << /XObject << /I {image} 0 R >> >> /Contents {image + 1} 0 R >>".encode()
        )
        kids.append(f"{image + 2} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as handle:
        handle.write(out)


def build_variant(name: str, pdf: str, variant: str, dpi: int, degrade: bool, convert: list[str]) -> tuple[str, list[str]]:
    """The variant's image-only PDF and its page images (PNG or JPEG, what tesseract reads)."""
    folder = os.path.join(FOLDER, variant)
    images = os.path.join(folder, "images", name)
    target = os.path.join(folder, "pdf", f"{name}.pdf")
    if os.path.exists(target) and os.path.isdir(images):
        return target, sorted(os.path.join(images, f) for f in os.listdir(images) if not f.endswith(".pgm"))
    os.makedirs(images, exist_ok=True)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", pdf, os.path.join(images, "page")], check=True)
    pages, paths = [], []
    for pgm in sorted(f for f in os.listdir(images) if f.endswith(".pgm")):
        source = os.path.join(images, pgm)
        width, height, pixels = read_pgm(source)
        stem = os.path.join(images, pgm[:-4])
        if degrade:
            # Noise, a 1° turn in place (white corners) and JPEG at quality 50, in that order.
            subprocess.run(
                convert + [source, "-attenuate", "0.6", "+noise", "Gaussian", "-virtual-pixel", "white",
                           "-distort", "SRT", "1", "-colorspace", "Gray", "-quality", "50", stem + ".jpg"],
                check=True,
            )
            with open(stem + ".jpg", "rb") as handle:
                pages.append((width, height, dpi, "DCTDecode", handle.read()))
            paths.append(stem + ".jpg")
        else:
            subprocess.run(convert + [source, stem + ".png"], check=True)
            pages.append((width, height, dpi, "FlateDecode", zlib.compress(pixels, 6)))
            paths.append(stem + ".png")
        os.remove(source)
    image_pdf(pages, target)
    return target, paths


TIMED_OUT = re.compile(r"OCR of page \d+ stopped after")
# Pages whose OCR the page time limit stopped (a loaded machine), per variant: told in the notes.
timeouts: dict[str, int] = {}


def enjeux_text(pdf: str, mode: str = "auto", variant: str = "") -> str:
    command = [tool("enjeux-extract"), "--print", pdf, "--ocr", mode] + ENJEUX_ARGUMENTS
    result = subprocess.run(command, capture_output=True)
    stopped = len(TIMED_OUT.findall(result.stderr.decode("utf-8", "replace")))
    timeouts[variant] = timeouts.get(variant, 0) + stopped
    return result.stdout.decode("utf-8", "replace")


def tesseract_page(image: str) -> str:
    # One thread per process: the pages are already run side by side (the accuracy does not
    # depend on it; the speed row measures the command with its own threads).
    environment = dict(os.environ, OMP_THREAD_LIMIT="1")
    result = subprocess.run(["tesseract", image, "-", "-l", "fra"], capture_output=True, env=environment)
    return result.stdout.decode("utf-8", "replace")


def tesseract_text(images: list[str]) -> str:
    with ThreadPoolExecutor(CORES) as pool:
        return "\n".join(pool.map(tesseract_page, images))


def pdftotext_text(pdf: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True).stdout.decode("utf-8", "replace")


def ocrmypdf_text(pdf: str) -> str | None:
    if not shutil.which("ocrmypdf"):
        return None
    sidecar = pdf + ".ocrmypdf.txt"
    output = pdf + ".ocrmypdf.pdf"
    subprocess.run(
        ["ocrmypdf", "-q", "-l", "fra", "--sidecar", sidecar, "--output-type", "pdf", "--optimize", "0", "-j", str(CORES), pdf, output],
        capture_output=True,
    )
    try:
        with open(sidecar, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        for path in (sidecar, output):
            if os.path.exists(path):
                os.remove(path)


TOOLS = {
    "enjeux": "enjeux-extract --print --ocr auto",
    "tesseract": "tesseract CLI -l fra, per page image",
    "ocrmypdf": "ocrmypdf --sidecar -l fra",
}
LAYER_TOOLS = {
    "enjeux-layer": "enjeux-extract --print --ocr never (born-digital PDF)",
    "pdftotext": "pdftotext (born-digital PDF)",
}


def keep_text(variant: str, key: str, name: str, text: str) -> None:
    """Each tool's text, kept beside the images to compare word by word."""
    folder = os.path.join(FOLDER, variant, "text", key)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{name}.txt"), "w", encoding="utf-8") as handle:
        handle.write(text)


def peer_text(variant: str, key: str, name: str, target: str, read) -> str | None:
    """A peer's text of a variant's document: kept from an earlier run on the same images
    (the peer does not change between runs; BENCH_OCR_FRESH=1 reads again), else read."""
    kept = os.path.join(FOLDER, variant, "text", key, f"{name}.txt")
    if os.environ.get("BENCH_OCR_FRESH") != "1" and os.path.exists(kept) and os.path.getmtime(kept) >= os.path.getmtime(target):
        with open(kept, encoding="utf-8") as handle:
            return handle.read()
    return read()


def kept_enjeux_text(variant: str, name: str, target: str) -> str | None:
    """With BENCH_OCR_REUSE=1 (and no BENCH_OCR_ARGS), Enjeux's text of a document kept by an
    earlier run of the same build: newer than both the executable and the image PDF. OCR with
    a processor-time page limit gives the same text for the same input and settings."""
    if os.environ.get("BENCH_OCR_REUSE") != "1" or ENJEUX_ARGUMENTS:
        return None
    kept = os.path.join(FOLDER, variant, "text", "enjeux", f"{name}.txt")
    if not os.path.exists(kept):
        return None
    if os.path.getmtime(kept) < max(os.path.getmtime(tool("enjeux-extract")), os.path.getmtime(target)):
        return None
    with open(kept, encoding="utf-8") as handle:
        return handle.read()


def group_scores(found: dict[str, list[tuple[Document, int]]], documents: list[Document]) -> dict[str, dict[str, float]]:
    """Word accuracy per tool and group (sample corpus, seeds, all): the words of the group's
    references found in order, over the words of those references (documents weighted by size)."""
    scores: dict[str, dict[str, float]] = {}
    for key, results in found.items():
        scores[key] = {}
        for group in (SAMPLE, SEEDS, "all"):
            chosen = [(document, common) for document, common in results if group in ("all", document.group)]
            total = sum(len(lcs.words(document.reference)) for document, _ in chosen)
            if total:
                scores[key][group] = sum(common for _, common in chosen) / total
    return scores


def groups_label(documents: list[Document], group: str) -> str:
    chosen = [document for document in documents if group in ("all", document.group)]
    return f"{group}: {len(chosen)} documents"


def accuracy_rows(documents: list[Document], convert) -> tuple[list[Row], dict[str, list[tuple[str, list[str]]]]]:
    """Per variant, tool and group of documents: word accuracy over every page. First the
    born-digital PDFs' own text layers against the same references (the ceiling the reference
    allows, as word order differs in tables and notes)."""
    rows: list[Row] = []
    built: dict[str, list[tuple[str, list[str]]]] = {}
    layer: dict[str, list[tuple[Document, int]]] = {key: [] for key in LAYER_TOOLS}
    for document in documents:
        expected = lcs.words(document.reference)
        for key, text in (("enjeux-layer", enjeux_text(document.pdf, "never")), ("pdftotext", pdftotext_text(document.pdf))):
            keep_text("layer", key, document.name, text)
            layer[key].append((document, lcs.lcs_length(expected, lcs.words(text))))
    layer_scores = group_scores(layer, documents)
    for group in (SAMPLE, SEEDS, "all"):
        for key, description in LAYER_TOOLS.items():
            if group in layer_scores[key]:
                rows.append(Row("8b OCR accuracy", description, f"{groups_label(documents, group)}, text layer",
                                rate=f"word accuracy {layer_scores[key][group]:.4f}", note="ceiling of the reference",
                                extra={"accuracy": layer_scores[key][group], "group": group, "variant": "text layer"}))
    for variant, dpi, degrade in VARIANTS:
        found: dict[str, list[tuple[Document, int]]] = {key: [] for key in TOOLS}
        built[variant] = []
        pages = 0
        for document in documents:
            target, images = build_variant(document.name, document.pdf, variant, dpi, degrade, convert)
            built[variant].append((target, images))
            pages += len(images)
            expected = lcs.words(document.reference)
            for key, read in (
                ("enjeux", lambda: kept_enjeux_text(variant, document.name, target) or enjeux_text(target, variant=variant)),
                ("tesseract", lambda: peer_text(variant, "tesseract", document.name, target, lambda: tesseract_text(images))),
                ("ocrmypdf", lambda: peer_text(variant, "ocrmypdf", document.name, target, lambda: ocrmypdf_text(target))),
            ):
                text = read()
                if text is None:
                    continue
                keep_text(variant, key, document.name, text)
                found[key].append((document, lcs.lcs_length(expected, lcs.words(text))))
        scores = group_scores({key: value for key, value in found.items() if value}, documents)
        goal = GOALS[variant]
        for group in (SAMPLE, SEEDS, "all"):
            if group not in scores.get("enjeux", {}):
                continue
            label = f"{groups_label(documents, group)}, {variant}"
            for key, description in TOOLS.items():
                score = scores.get(key, {}).get(group)
                if score is None:
                    rows.append(Row("8b OCR accuracy", description, label, skipped=f"{key} not installed"))
                    continue
                row = Row("8b OCR accuracy", description, label, rate=f"word accuracy {score:.4f}")
                if key == "enjeux":
                    if timeouts.get(variant):
                        row.note = f"{timeouts[variant]} pages stopped by the page time limit"
                    peer = scores.get("tesseract", {}).get(group)
                    met = score >= goal and (peer is None or score >= peer)
                    row.compared = f"goal ≥ {goal} and ≥ tesseract CLI ({peer:.4f}): {'met' if met else 'not met'}"
                row.extra = {"accuracy": score, "variant": variant, "group": group, "pages": pages}
                rows.append(row)
    return rows, built


def speed_rows(built: list[tuple[str, list[str]]]) -> list[Row]:
    """OCR pages per second on the clean 300 dpi variant, beside the tesseract command."""
    rows = []
    # The timed PDFs, copied into a folder of their own.
    corpus = os.path.join(FOLDER, "timed")
    reset(corpus)()
    os.makedirs(corpus)
    for target, _ in built:
        shutil.copyfile(target, os.path.join(corpus, os.path.basename(target)))
    images = [image for _, pages in built for image in pages]
    pages = len(images)
    label = f"{len(built)} image-only PDF, {pages} pages at 300 dpi"
    out = os.path.join(FOLDER, "extracted")
    command = [tool("enjeux-extract"), corpus, "--out", out, "--jobs", str(CORES), "--ocr", "auto"]
    first = measure.best_of(1, command, before=reset(out))
    row = Row(
        "8 OCR", f"enjeux-extract --ocr auto --jobs {CORES}", label, first.wall, first.cpu,
        rate=f"{pages / first.wall:.2f} pages/s", peak_rss_mb=first.peak_rss_mb,
    )
    listing = os.path.join(FOLDER, "tesseract-arguments")
    text_out = os.path.join(FOLDER, "tesseract-out")
    with open(listing, "wb") as handle:
        for index, image in enumerate(images):
            handle.write(image.encode() + b"\0" + os.path.join(text_out, str(index)).encode() + b"\0")

    def before() -> None:
        reset(text_out)()
        os.makedirs(text_out)

    # One tesseract process per page image, `cores` at a time: with its own OpenMP threads (the
    # command as installed), then with one thread each (OMP_THREAD_LIMIT=1, what Tesseract's
    # documentation advises for runs side by side). Enjeux is compared with the faster.
    peers = []
    for threads, label_end in ((None, ""), ("1", ", OMP_THREAD_LIMIT=1")):
        script = ("OMP_THREAD_LIMIT=1 " if threads else "") + 'exec tesseract "$1" "$2" -l fra 2>/dev/null'
        peer = measure.best_of(
            1, ["xargs", "-0", "-n", "2", "-P", str(CORES), "-a", listing, "sh", "-c", script, "tesseract"], before=before,
        )
        peers.append(peer)
        rows.append(Row(
            "8 OCR", f"tesseract CLI -l fra, 1 process per page, -P{CORES}{label_end}", label, peer.wall, peer.cpu,
            rate=f"{pages / peer.wall:.2f} pages/s", peak_rss_mb=peer.peak_rss_mb,
        ))
    peer = min(peers, key=lambda found: found.wall)
    ratio = (pages / first.wall) / (pages / peer.wall)
    row.compared = f"{fmt_ratio(ratio)} the faster tesseract CLI's pages/s"
    row.extra = {"pages": pages, "pages_per_s": pages / first.wall, "peer_pages_per_s": pages / peer.wall}
    started = time.perf_counter()
    rerun = subprocess.run(command, capture_output=True)
    wall = time.perf_counter() - started
    summary = rerun.stderr.decode("utf-8", "replace").strip().splitlines()
    reread = re.search(r"(\d+) pages? read by OCR", summary[-1] if summary else "")
    rerun_row = Row(
        "8 OCR", "enjeux-extract, rerun on the unchanged folder", label, wall,
        note=("no page read by OCR: " if reread is None else f"{reread.group(1)} pages read again: ")
        + (summary[-1].replace("enjeux-extract: ", "") if summary else f"exit status {rerun.returncode}"),
        extra={"ocr_pages": int(reread.group(1)) if reread else 0},
    )
    rows.insert(0, row)
    rows.append(rerun_row)
    return rows


def bench_ocr(shared: str, rows: list[Row], which: str = "all", speed_only: bool = False) -> None:
    convert = convert_command()
    missing = [name for name, ok in (("pdftoppm", shutil.which("pdftoppm")), ("tesseract", shutil.which("tesseract")), ("ImageMagick", convert)) if not ok]
    if missing:
        rows.append(Row("8 OCR", "", "", skipped=f"not installed: {', '.join(missing)} (scripts/ensure-deps.sh test)"))
        return
    documents = sources(shared, which)
    if speed_only:
        # The timed pages alone (images made as for the accuracy rows).
        built = {"clean-300": [build_variant(document.name, document.pdf, "clean-300", 300, False, convert) for document in documents]}
        accuracy: list[Row] = []
    else:
        accuracy, built = accuracy_rows(documents, convert)
    # BENCH_OCR_SPEED=seeds times the seed documents' pages only (8 pages, as in the first run).
    timed = built["clean-300"]
    if os.environ.get("BENCH_OCR_SPEED") == "seeds":
        timed = [entry for entry, document in zip(timed, documents) if document.group == SEEDS]
    rows += speed_rows(timed)
    print_progress(rows)
    rows += accuracy
    print_progress(rows)


if __name__ == "__main__":
    import report

    shared = shared_folder()
    if shared is None:
        print("rows_ocr: no shared data (../shared or $ENJEUX_SHARED)", file=sys.stderr)
        sys.exit(1)
    found: list[Row] = []
    which = "seeds" if "--seeds-only" in sys.argv else "sample" if "--sample-only" in sys.argv else "all"
    bench_ocr(shared, found, which, speed_only="--speed-only" in sys.argv)
    print(report.text_table(found))
