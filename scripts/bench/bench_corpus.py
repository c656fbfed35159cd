"""The benchmark corpus: 1,000 documents (about 20,000 pages) made reproducibly from the
sample corpus `Corpus/` and `../shared/corpus/`, so that everyone measures the same thing.

Each document is a symbolic link, under a generated name, to one of the source files: names
have spaces, accents, apostrophes and `#`, and sit in nested folders, as users' files do.
The mix is fixed: the long reports (Debian's developers' reference and FAQ, 114 and 75
pages) make up most of the pages, the 1000-page PDF appears 3 times, every damaged or
hostile file of `broken/` once (but not the 20 MB repeated-paragraph page, which the HTML
row measures on its own and which would be most of the tokenizing and scoring work), and
the rest are short PDFs and web pages. A smaller corpus of the same mix (`size=100`) serves
to check that memory does not grow with the number of documents.

    python3 scripts/bench/bench_corpus.py DEST [--size 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys

# Counts per 1,000 documents of each long document, by path relative to the shared corpus.
LONG = {
    "debian/developers-reference.fr.pdf": 70,
    "debian/debian-faq.fr.pdf": 100,
    "broken/1000-pages.pdf": 3,
}
LEFT_OUT = {"broken/large-20mb-repeated-paragraph.html"}

FOLDERS = [
    "",
    "Rapports",
    "Rapports/2016",
    "Rapports/2019/Été",
    "Mémoires et avis",
    "Revue de presse/Québec",
    "Revue de presse/L'Actualité",
    "Web #archives",
    "Ordre/Déontologie",
    "Syndicats/CSN – FSSS",
]
TITLES = [
    "Rapport d'évaluation",
    "Mémoire sur l'accès aux services",
    "Synthèse de la réforme",
    "Étude de cas – CISSS",
    "Avis de l'Ordre",
    "Bulletin « Pratique »",
    "Lean en santé, bilan",
    "Gestion axée sur les résultats",
    "Témoignage d'intervenante",
    "Document #",
]


def sources(shared: str, sample: str) -> tuple[list[str], list[str]]:
    """(short documents, damaged files): paths relative to their root, prefixed by 'shared/' or 'sample/'."""
    short, broken = [], []
    for root, prefix in ((shared, "shared/"), (sample, "sample/")):
        for folder, _, files in os.walk(root):
            for name in sorted(files):
                if not name.lower().endswith((".pdf", ".html", ".htm")):
                    continue
                relative = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                if prefix == "shared/" and (relative in LONG or relative in LEFT_OUT):
                    continue
                (broken if prefix == "shared/" and relative.startswith("broken/") else short).append(prefix + relative)
    return sorted(short), sorted(broken)


def plan(shared: str, sample: str, size: int) -> list[tuple[str, str]]:
    """(name in the benchmark corpus, source path) for `size` documents, the same every time."""
    rng = random.Random(20261124 + size)
    short, broken = sources(shared, sample)
    chosen = [f"shared/{path}" for path, count in sorted(LONG.items()) for _ in range(max(1, round(count * size / 1000)))]
    chosen += broken[: max(1, round(len(broken) * size / 1000))] if size < 1000 else broken
    index = 0
    while len(chosen) < size:
        chosen.append(short[index % len(short)])
        index += 1
    chosen = chosen[:size]
    rng.shuffle(chosen)
    result = []
    for number, source in enumerate(chosen, start=1):
        extension = os.path.splitext(source)[1].lower()
        folder = rng.choice(FOLDERS)
        title = rng.choice(TITLES)
        name = f"{title} {number:04d}{extension}"
        result.append((os.path.join(folder, name) if folder else name, source))
    return result


def build(dest: str, shared: str, sample: str, size: int = 1000) -> list[tuple[str, str]]:
    """Writes the corpus as copies under `dest` (emptied first); returns the plan.

    Copies, not symbolic links: the corpus repeats source files, and Enjeux reads a file reached
    by several links once (issue 24), so a corpus of links would be a tenth of its size."""
    if os.path.lexists(dest):
        shutil.rmtree(dest)
    entries = plan(shared, sample, size)
    for name, source in entries:
        root, relative = source.split("/", 1)
        target = os.path.join(shared if root == "shared" else sample, relative)
        path = os.path.join(dest, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copyfile(target, path)
    return entries


def pages_of(entries: list[tuple[str, str]], page_counts: dict[str, int]) -> int:
    """Total pages, counting a web page as one page."""
    return sum(page_counts.get(source, 1) for _, source in entries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--shared", default=os.environ.get("ENJEUX_SHARED", "../shared"))
    args = parser.parse_args()
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    shared = os.path.join(os.path.abspath(args.shared), "corpus")
    if not os.path.isdir(shared):
        print(f"bench-corpus: error: no shared corpus at {shared}", file=sys.stderr)
        return 1
    entries = build(args.dest, shared, os.path.join(root, "Corpus"), args.size)
    print(f"bench-corpus: {len(entries)} documents under {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
