"""Folding text for comparison: lower case, no accents, one style of quote marks.

Search, the bookmarks filter, the scorer and the comparison across outlets all
match "Aleppo" with "aleppo" and “ with ": one table, used by all of them.
"""

from __future__ import annotations

import unicodedata


def _fold_table() -> dict[int, str]:
    """One character in, one character out: offsets in folded text equal the original's."""
    table: dict[int, str] = {}
    for code in range(0x41, 0x3000):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        lowered = base.lower()
        if len(lowered) == 1 and lowered != char:
            table[code] = lowered
    for chars, plain in (("“”„‟″«»", '"'), ("‘’‚‛′`´", "'"), ("‐‑‒–—―", "-"), ("\u00a0\u2009\u202f", " ")):
        for char in chars:
            table[ord(char)] = plain
    table[ord("\n")] = " "  # entries are lines of the blob: a newline inside one is a space
    return table


_TABLE = _fold_table()


def fold(text: str) -> str:
    """Lower case, no accents, straight quote marks; always the same length as text."""
    return text.translate(_TABLE)
