"""A lexicon of a given size for the scoring benchmark: the default lexicon with terms added to
each of its categories, in every form the lexicon language has (words, globs, phrases, flexible
phrases with a preposition, NEAR pairs).

The added terms are made of the corpus's own words, as the tokenize stage analysed them (stems
and normalised forms from the passage files), and each occurs in a few passages only (2 to
100), as a researcher's specific terms do: a term found in most passages would measure the size
of the output rather than the matcher. Deterministic for the same passage files."""

from __future__ import annotations

import collections
import re

# The range of passages an added term occurs in.
MIN_PASSAGES = 2
MAX_PASSAGES = 100
LINKS = {"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "a", "aux", "au"}
GLOB_PREFIX = 6


class Vocabulary:
    """Passage counts of the corpus's stems, stem pairs, linked pairs and glob prefixes, with a
    surface form for each, read from tokenized documents (the JSON passage files)."""

    def __init__(self) -> None:
        self.stems: collections.Counter[str] = collections.Counter()
        self.pairs: collections.Counter[tuple[str, str]] = collections.Counter()
        self.linked: collections.Counter[tuple[str, str]] = collections.Counter()
        self.prefixes: collections.Counter[str] = collections.Counter()
        self.surface: dict[str, str] = {}

    def add_document(self, document: dict) -> None:
        forms = document.get("forms") or []
        for passage in document.get("passages", []):
            tokens = passage.get("tokens") or {}
            text = passage.get("text", "")
            words = []
            for start, end, kind, form in zip(
                tokens.get("start", []), tokens.get("end", []), tokens.get("kind", ""), tokens.get("form", [])
            ):
                norm, stem = forms[form]
                words.append((kind, norm, stem, text[start:end]))
            self._add_passage(words)

    def _add_passage(self, words: list[tuple[str, str, str, str]]) -> None:
        content = [(norm, stem, surface) for kind, norm, stem, surface in words if kind == "w" and len(norm) > 4]
        for norm, stem, surface in content:
            self.surface.setdefault(stem, surface.lower())
        self.stems.update({stem for _, stem, _ in content})
        self.prefixes.update({norm[:GLOB_PREFIX] for norm, _, _ in content if len(norm) > GLOB_PREFIX})
        self.pairs.update({(a[1], b[1]) for a, b in zip(content, content[1:]) if a[1] != b[1]})
        norms = [(kind, norm, stem) for kind, norm, stem, _ in words]
        self.linked.update(
            {
                (a[2], c[2])
                for a, b, c in zip(norms, norms[1:], norms[2:])
                if a[0] == "w" and c[0] == "w" and b[1] in LINKS and len(a[1]) > 4 and len(c[1]) > 4 and a[2] != c[2]
            }
        )

    def specific(self, counter: collections.Counter) -> list:
        """Keys found in MIN_PASSAGES to MAX_PASSAGES passages, most frequent first (ties by key)."""
        kept = [(key, count) for key, count in counter.items() if MIN_PASSAGES <= count <= MAX_PASSAGES]
        return [key for key, _ in sorted(kept, key=lambda kv: (-kv[1], kv[0]))]


def _category_starts(lines: list[str]) -> list[int]:
    """Indexes of the `    terms:` lines of the categories (after `categories:`)."""
    start = next(i for i, line in enumerate(lines) if line.rstrip() == "categories:")
    return [i for i in range(start, len(lines)) if lines[i].rstrip() == "    terms:"]


def term_count(lexicon: str) -> int:
    """Number of term entries in the categories of a lexicon written as the default one is."""
    lines = lexicon.splitlines()
    count = 0
    for start in _category_starts(lines):
        i = start + 1
        while i < len(lines) and lines[i].startswith("      - "):
            count += 1
            i += 1
    return count


def scaled_lexicon(base: str, vocabulary: Vocabulary, total_terms: int, rejected: frozenset[str] = frozenset()) -> str:
    """The text of a lexicon with `total_terms` terms over the categories of `base` (YAML text),
    none of them written as in `rejected` (terms the lexicon checker refused or ignored)."""
    lines = base.splitlines()
    starts = _category_starts(lines)
    taken = set(re.findall(r"\w+", base.lower()))
    word = vocabulary.surface.get

    def usable(*stems: str) -> bool:
        return all(word(s) and word(s) not in taken and re.fullmatch(r"\w+", word(s)) for s in stems)

    stems = [s for s in vocabulary.specific(vocabulary.stems) if usable(s)]
    # Each word of a phrase or NEAR pair is itself specific: a flexible phrase or a NEAR pair
    # matches in more places than its words side by side.
    rare = set(stems)
    pairs = [p for p in vocabulary.specific(vocabulary.pairs) if p[0] in rare and p[1] in rare]
    linked = [p for p in vocabulary.specific(vocabulary.linked) if p[0] in rare and p[1] in rare]
    prefixes = [p for p in vocabulary.specific(vocabulary.prefixes) if re.fullmatch(r"[a-z]+", p)]
    needed = max(0, total_terms - term_count(base))
    sources = [
        (0.35, (word(s) for s in stems)),
        (0.10, (f'"{p}*"' for p in prefixes)),
        (0.30, (f"{word(a)} {word(b)}" for a, b in pairs)),
        (0.15, (f"{{term: {word(a)} de {word(b)}, flexible: true}}" for a, b in linked)),
        (0.10, (f"{word(a)} NEAR/5 {word(b)}" for a, b in pairs[1::2])),
    ]
    generated: list[str] = []
    seen: set[str] = set()
    for index, (share, source) in enumerate(sources):
        goal = needed if index == len(sources) - 1 else len(generated) + int(needed * share)
        for term in source:
            if len(generated) >= goal:
                break
            if term not in seen and term not in rejected:
                seen.add(term)
                generated.append(term)
    for term in (f"{word(a)} {word(b)}" for a, b in pairs):  # what a short source left
        if len(generated) >= needed:
            break
        if term not in seen and term not in rejected:
            seen.add(term)
            generated.append(term)

    per_category: list[list[str]] = [[] for _ in starts]
    for index, term in enumerate(generated):
        per_category[index % len(starts)].append(term)
    out = list(lines)
    for start, terms in sorted(zip(starts, per_category), reverse=True):
        out[start + 1 : start + 1] = [f"      - {term}" for term in terms]
    return "\n".join(out) + "\n"


CHECK_REJECTION = re.compile(r"(?:in term '(?P<error>[^']*)'$|warning: '(?P<ignored>[^']*)' matches the same words)")


def rejected_terms(check_output: str) -> set[str]:
    """Terms `enjeux-score --check` refused (errors) or ignored (same words as another term),
    written as the generator writes them."""
    found = set()
    for line in check_output.splitlines():
        match = CHECK_REJECTION.search(line)
        if match:
            term = match.group("error") or match.group("ignored")
            found.update({term, f'"{term}"', f"{{term: {term}, flexible: true}}"})
    return found
