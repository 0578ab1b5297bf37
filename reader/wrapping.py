"""Word wrap by character offsets, so a screen line always knows where it is in the text.

The article view wraps paragraphs itself instead of handing Rich a long Text:
each line is a (start, end) span of the clean text, which is what quotes,
figures and bookmarks are anchored to.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_CHUNK = re.compile(r"\S+\s*|\s+")


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def wrap_spans(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Spans of text[start:end] wrapped to width cells; trailing spaces stay on their line.

    Spans are contiguous and cover the whole range; an empty range gives one empty line.
    """
    width = max(1, width)
    if end <= start:
        return [(start, start)]
    if end - start <= width and _width(text[start:end]) <= width:
        return [(start, end)]
    lines: list[tuple[int, int]] = []
    line_start = start
    used = 0
    for match in _CHUNK.finditer(text, start, end):
        chunk = match.group(0)
        word = chunk.rstrip()
        word_width = _width(word)
        if used and used + word_width > width:
            lines.append((line_start, match.start()))
            line_start, used = match.start(), 0
        if word_width > width:
            # A word longer than the line (a URL, a 1 MB line without spaces): cut it.
            position = match.start()
            while _width(text[position : match.start() + len(word)]) > width - used:
                cut = _cut(text, position, width - used)
                lines.append((line_start, cut))
                line_start, position, used = cut, cut, 0
            used = _width(text[position : match.end()].rstrip())
            continue
        used += _width(chunk)
    lines.append((line_start, end))
    return lines


def _cut(text: str, position: int, cells: int) -> int:
    """The offset after as many characters from position as fit in cells (at least one)."""
    cells = max(1, cells)
    segment = text[position : position + cells]
    if segment.isascii():
        return position + max(1, len(segment))
    used = 0
    for index, char in enumerate(segment):
        used += cell_len(char)
        if used > cells:
            return position + max(1, index)
    return position + len(segment)
