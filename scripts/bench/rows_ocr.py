"""Row 8: OCR of scanned pages (issue 20). Documents whose exact text is known (the seed PDFs of
../shared/corpus/seeds with ../shared/seeds/*.txt, and the sample corpus PDFs with their own
text layer as reference) are rendered to page images with pdftoppm, degraded with ImageMagick,
and wrapped again as image-only PDFs (no text layer), in three variants:

  clean-300     300 dpi grey, as rendered
  200dpi        200 dpi grey
  degraded-300  300 dpi with Gaussian noise, a 1° skew and JPEG artefacts (quality 50)

Then, on each variant:
  - word accuracy (lcs.recall: the share of the reference's words found in order) of
    `enjeux-extract --print` (OCR through Tesseract's C API, then the PDF clean-up), of the
    `tesseract` command on the same page images (`-l fra`), and of `ocrmypdf --sidecar` when it
    is installed (Debian's ocrmypdf);
  - speed, on clean-300: OCR pages per second of `enjeux-extract` over the folder of image PDFs
    (--jobs = cores) beside `tesseract` over the same page images, one process per page, as many
    at once as cores; and a rerun of `enjeux-extract` on the unchanged folder, which must read no
    page by OCR.

Run alone: python3 scripts/bench/rows_ocr.py [--seeds-only]  (prints the table; BIN as for bench.py)
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import lcs  # noqa: E402
import measure  # noqa: E402
from common import CORES, ROOT, WORK, fmt_ratio, print_progress, reset, shared_folder, tool  # noqa: E402
from report import Row  # noqa: E402

FOLDER = os.path.join(WORK, "ocr")
VARIANTS = [("clean-300", 300, False), ("200dpi", 200, False), ("degraded-300", 300, True)]
GOALS = {"clean-300": 0.98, "200dpi": 0.97, "degraded-300": 0.95}


def convert_command() -> list[str] | None:
    """ImageMagick 7's `magick`, else ImageMagick 6's `convert` (Debian's imagemagick)."""
    if shutil.which("magick"):
        return ["magick"]
    for candidate in ("/usr/bin/convert-im6.q16", "/usr/bin/convert"):
        if os.access(candidate, os.X_OK):
            return [candidate]
    return None


def sources(shared: str, seeds_only: bool) -> list[tuple[str, str, str]]:
    """(name, PDF, reference text) of each document of the benchmark."""
    found = []
    for seed in ("000_29a6c5865de0a7fd", "004_21255a5746c9818d"):
        pdf = os.path.join(shared, "corpus", "seeds", f"{seed}.pdf")
        with open(os.path.join(shared, "seeds", f"{seed}.txt"), encoding="utf-8") as handle:
            found.append((seed, pdf, handle.read()))
    if seeds_only:
        return found
    corpus = os.path.join(ROOT, "Corpus")
    for parent, folders, names in os.walk(corpus):
        folders.sort()
        for name in sorted(names):
            if name.lower().endswith(".pdf"):
                pdf = os.path.join(parent, name)
                text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True).stdout
                found.append((re.sub(r"[^\w.-]+", "_", os.path.splitext(name)[0]), pdf, text.decode("utf-8", "replace")))
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


def enjeux_text(pdf: str) -> str:
    result = subprocess.run([tool("enjeux-extract"), "--print", pdf, "--ocr", "auto"], capture_output=True)
    return result.stdout.decode("utf-8", "replace")


def tesseract_text(images: list[str]) -> str:
    texts = []
    for image in images:
        result = subprocess.run(["tesseract", image, "-", "-l", "fra"], capture_output=True)
        texts.append(result.stdout.decode("utf-8", "replace"))
    return "\n".join(texts)


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


def accuracy_rows(documents, convert) -> tuple[list[Row], dict[str, list[tuple[str, list[str]]]]]:
    """One row per tool and variant: word accuracy over every page of every document."""
    rows: list[Row] = []
    built: dict[str, list[tuple[str, list[str]]]] = {}
    for variant, dpi, degrade in VARIANTS:
        totals = {"enjeux": [0, 0], "tesseract": [0, 0], "ocrmypdf": [0, 0]}
        built[variant] = []
        pages = 0
        for name, pdf, reference in documents:
            target, images = build_variant(name, pdf, variant, dpi, degrade, convert)
            built[variant].append((target, images))
            pages += len(images)
            expected = lcs.words(reference)
            for key, text in (("enjeux", enjeux_text(target)), ("tesseract", tesseract_text(images)), ("ocrmypdf", ocrmypdf_text(target))):
                if text is None:
                    totals[key] = None
                    continue
                if totals[key] is not None:
                    totals[key][0] += lcs.lcs_length(expected, lcs.words(text))
                    totals[key][1] += len(expected)
        label = f"{len(documents)} documents, {pages} pages, {variant}"
        scores = {key: (value[0] / value[1] if value and value[1] else None) for key, value in totals.items()}
        goal = GOALS[variant]
        for key, description in (
            ("enjeux", "enjeux-extract --print (Tesseract C API, fra+eng)"),
            ("tesseract", "tesseract CLI -l fra, per page image"),
            ("ocrmypdf", "ocrmypdf --sidecar -l fra"),
        ):
            if scores[key] is None:
                rows.append(Row("8b OCR accuracy", description, label, skipped=f"{key} not installed"))
                continue
            row = Row("8b OCR accuracy", description, label, rate=f"word accuracy {scores[key]:.4f}")
            if key == "enjeux":
                peer = scores["tesseract"]
                met = scores[key] >= goal and (peer is None or scores[key] >= peer)
                row.compared = f"goal ≥ {goal} and ≥ tesseract CLI ({peer:.4f}): {'met' if met else 'not met'}"
            row.extra = {"accuracy": scores[key], "variant": variant, "pages": pages}
            rows.append(row)
    return rows, built


def speed_rows(built: list[tuple[str, list[str]]]) -> list[Row]:
    """OCR pages per second on the clean 300 dpi variant, beside the tesseract command."""
    rows = []
    corpus = os.path.dirname(built[0][0])
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

    # One tesseract process per page image, `cores` at a time (each may use OpenMP threads).
    peer = measure.best_of(
        1, ["xargs", "-0", "-n", "2", "-P", str(CORES), "-a", listing, "sh", "-c", 'exec tesseract "$1" "$2" -l fra 2>/dev/null', "tesseract"],
        before=before,
    )
    peer_row = Row(
        "8 OCR", f"tesseract CLI -l fra, 1 process per page, -P{CORES}", label, peer.wall, peer.cpu,
        rate=f"{pages / peer.wall:.2f} pages/s", peak_rss_mb=peer.peak_rss_mb,
    )
    ratio = (pages / first.wall) / (pages / peer.wall)
    row.compared = f"{fmt_ratio(ratio)} tesseract CLI pages/s"
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
    rows += [row, peer_row, rerun_row]
    return rows


def bench_ocr(shared: str, rows: list[Row], seeds_only: bool = False) -> None:
    convert = convert_command()
    missing = [name for name, ok in (("pdftoppm", shutil.which("pdftoppm")), ("tesseract", shutil.which("tesseract")), ("ImageMagick", convert)) if not ok]
    if missing:
        rows.append(Row("8 OCR", "", "", skipped=f"not installed: {', '.join(missing)} (scripts/ensure-deps.sh test)"))
        return
    documents = sources(shared, seeds_only)
    accuracy, built = accuracy_rows(documents, convert)
    rows += speed_rows(built["clean-300"])
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
    bench_ocr(shared, found, seeds_only="--seeds-only" in sys.argv)
    print(report.text_table(found))
