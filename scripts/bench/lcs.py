"""Recall of a reference text in an extracted text: the share of the reference's words found,
in order, in the extraction (longest common subsequence over word sequences)."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased word sequence of `text` (letters and digits; apostrophes and hyphens split)."""
    return [w.lower() for w in _WORD.findall(text)]


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of `a` and `b`, computed with the bit-parallel
    method (one big-integer bit per position of `a`), so long documents stay fast."""
    if not a or not b:
        return 0
    positions: dict[str, int] = {}
    for index, word in enumerate(a):
        positions[word] = positions.get(word, 0) | (1 << index)
    mask = (1 << len(a)) - 1
    row = mask
    for word in b:
        matches = positions.get(word)
        if matches is None:
            continue
        low = row & matches
        row = ((row + low) | (row - low)) & mask
    return len(a) - bin(row).count("1")


def recall(reference: str, extracted: str) -> float:
    """Share of the reference's words found in order in `extracted` (0 … 1)."""
    expected = words(reference)
    if not expected:
        return 0.0
    return lcs_length(expected, words(extracted)) / len(expected)
