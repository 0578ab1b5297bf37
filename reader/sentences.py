"""Sentence boundaries in news prose, as character spans.

News copy is full of full stops that end nothing: "U.S.", "Gen.", "Jan.",
"al-Assad Jr.". A boundary is a full stop, question or exclamation mark
(with any closing quote mark) followed by space and a capital, a digit or an
opening quote, where the word before is not a known abbreviation or initial.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm sen rep gov pres st jr sr rev hon"
    " no vs etc inc ltd co corp dept univ approx est fig jan feb mar apr jun jul aug sep"
    " sept oct nov dec mt ft ave blvd".split()
)
# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a class lets re skip ahead fast.
_NEXT = r"(?=[\"“‘'`(\[]{0,2}[A-Z0-9\u00c0-\u024f])"
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"”’')\]]*\s+" + _NEXT)
# The same where a paragraph has no "!", "?" or "…": a pattern that opens with a literal is
# searched for at C speed, one that opens with a class is tried at every character.
_FULL_STOP_BOUNDARY = re.compile(r"\.\.*[\"”’')\]]*\s+" + _NEXT)
# The word a full stop ends, read backwards: letters, digits, "_" and dots ("U.S", "Gen").
_WORD_BACKWARDS = re.compile(r"[\w.]*")
_LOOK_BACK = 30  # characters: no abbreviation or initials run longer


def _real_boundary(text: str, match: re.Match[str]) -> bool:
    start = match.start()
    if text[start] != ".":
        return True
    # The word (letters, digits and dots) the full stop ends: "Gen", "U.S", "A".
    floor = max(0, start - _LOOK_BACK)
    first = start - _WORD_BACKWARDS.match(text[floor:start][::-1]).end()
    token = text[first:start].rstrip(".")
    lowered = token.lower()
    # "U.S." and "A." are initials; "Gen." a title: the sentence goes on.
    return not (lowered in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], without trailing spaces."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    position = start
    plain = text.find("!", start, end) < 0 and text.find("?", start, end) < 0 and text.find("…", start, end) < 0
    for match in (_FULL_STOP_BOUNDARY if plain else _BOUNDARY).finditer(text, start, end):
        if not _real_boundary(text, match):
            continue
        cut = match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
        if cut > position:
            spans.append((position, cut))
        position = match.end()
    if position < end:
        tail = text[position:end].rstrip()
        if tail:
            spans.append((position, position + len(tail)))
    return spans
