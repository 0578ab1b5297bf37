"""Quotation marks: which marks pair, and where each quotation starts and ends.

English news pairs curly marks (“ ”), straight ones ("), the typewriter pairs of
the New York Times archive (''...'' and ``...''), and single marks (‘ ’ and ')
inside double ones or as British style. A quotation that runs over paragraphs
leaves its closing mark off and reopens each following paragraph. An opening mark
never closed within its paragraph, and not continued, is dropped rather than
allowed to swallow the article. An apostrophe (don't, union's) never opens or
closes a quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'

# The marks of English news: curly, straight, and typewriter pairs (``...'' and ''...'',
# as the New York Times archive prints them).
_DOUBLE_MARKS = (OPENING, CLOSING, STRAIGHT, "''", "``")


def _marks(text: str, start: int, end: int, positions: list[tuple[int, int]]) -> list[tuple[int, bool, int]]:
    """The quote marks of one paragraph as (position, opening, width), each read as opening or closing
    (tuples, not objects: this runs for every mark of every article)."""
    marks = []
    is_open = False
    for position, width in positions:
        char = text[position]
        if char == OPENING or char == "`":
            opening = True
        elif char == CLOSING:
            opening = False
        else:
            before = text[position - 1] if position > start else " "
            after = text[position + width] if position + width < end else " "
            if before.isspace() or before in "([{—–-/":
                opening = not after.isspace()
            elif after.isspace() or after in ".,;:!?)]}—–-":
                opening = False
            else:
                opening = not is_open
        marks.append((position, opening, width))
        is_open = opening
    return marks


def _mark_positions(text: str) -> list[tuple[int, int]]:
    """(position, width) of every double quote mark in text, in order.

    Found with str.find (faster than re for a few fixed strings). A '' pair is one mark;
    its characters are not also read as two single quotes.
    """
    positions = []
    for mark in _DOUBLE_MARKS:
        # Most texts hold no "'" or "`" at all: one search for the character (fast in C) spares
        # the slower search for the pair.
        if len(mark) == 2 and mark[0] not in text:
            continue
        width = len(mark)
        at = text.find(mark)
        while at != -1:
            positions.append((at, width))
            at = text.find(mark, at + width)
    positions.sort()
    return positions


def _reopens(text: str, position: int) -> bool:
    """A paragraph that opens with a quote mark continues a quotation left open."""
    return text.startswith((OPENING, STRAIGHT, "''", "``"), position)


def _spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index of the closing mark) of each quotation.

    Only the paragraphs that hold a mark are read (paragraphs are in order and do not
    overlap): a paragraph with none closes nothing and ends any quotation left open,
    and a quotation left open continues only into a paragraph that opens with a mark.
    """
    found: list[tuple[int, int, int]] = []
    positions = _mark_positions(text)
    if not positions:
        return found
    starts = [p_start for p_start, _p_end in paragraphs]
    open_at: int | None = None
    previous = -2  # the index of the last paragraph read
    i, count = 0, len(positions)
    while i < count:
        index = bisect_right(starts, positions[i][0]) - 1
        if index < 0 or positions[i][0] >= paragraphs[index][1]:
            i += 1  # a mark outside every paragraph
            continue
        p_start, p_end = paragraphs[index]
        j = i + 1
        while j < count and positions[j][0] < p_end:
            j += 1
        marks = _marks(text, p_start, p_end, positions[i:j])
        i = j
        continuing = open_at is not None and previous == index - 1
        if continuing and not (marks[0][1] and marks[0][0] == p_start):
            continuing = False  # the previous paragraph's quote was never closed: drop it
        if not continuing:
            open_at = None
        previous = index
        for number, (position, opening, width) in enumerate(marks):
            if continuing and number == 0:
                continue  # the mark that reopens a quote running on from the paragraph before
            if opening:
                open_at = position + width  # an earlier unclosed mark is dropped
            elif open_at is not None:
                if position > open_at:
                    found.append((open_at, position, index))
                open_at = None
        # A quote left open continues only if the next paragraph reopens it.
        if open_at is not None:
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is None or not _reopens(text, following):
                open_at = None
    return found


# British style and quotes inside headlines: ‘We will’ or 'We will'. An apostrophe
# (don't, union's, rebels') never opens or closes one: the marks must stand at word edges.
_SINGLE_QUOTED = re.compile(
    r"‘(?P<curly>(?:[^‘’\n]|’(?=\w))+?)’(?!\w)"
    r"|(?<![\w'’])'(?=[A-Za-z0-9])(?P<straight>(?:[^'\n]|'(?=\w))+?)(?<=[\w.,!?;:…])'(?!\w)"
)


def _single_spans(text: str, paragraphs: list[tuple[int, int]], taken: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Single-quoted quotations outside every double-quoted one (nested ones stay inside it)."""
    found = []
    # Most articles hold no ‘ and no " '": then only a paragraph that opens with ' can hold one.
    openers = "‘" in text or " '" in text
    if not openers and "'" not in text:
        return found
    for index, (p_start, p_end) in enumerate(paragraphs):
        if openers:
            paragraph = text[p_start:p_end]
            if "‘" not in paragraph and " '" not in paragraph and not paragraph.startswith("'"):
                continue  # no opening single quote can stand here
        elif not text.startswith("'", p_start, p_end):
            continue
        for match in _SINGLE_QUOTED.finditer(text, p_start, p_end):
            group = "curly" if match.group("curly") is not None else "straight"
            start, end = match.span(group)
            if sum(c.isalpha() for c in text[start:end]) < 3:
                continue
            if any(s - 1 <= start and end <= e + 1 for s, e, _ in taken):
                continue  # 'betrayal of the nation' inside a double-quoted quote
            found.append((start, end, index))
    return found


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and a trailing comma that belongs to the sentence, not the speaker."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, paragraph of the closing mark) of every quotation, double and single, in order."""
    doubles = _spans(text, paragraphs)
    return sorted(doubles + _single_spans(text, paragraphs, doubles))
