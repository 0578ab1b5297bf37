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
_BOUNDARY = re.compile(r"([.!?…][.!?…]*[\"”’')\]]*)\s+" + _NEXT)
# The same where a paragraph has no "!", "?" or "…": a pattern that opens with a literal is
# searched for at C speed, one that opens with a class is tried at every character.
_FULL_STOP_BOUNDARY = re.compile(r"(\.\.*[\"”’')\]]*)\s+" + _NEXT)
# The word a full stop ends, read backwards: letters, digits, "_" and dots ("U.S", "Gen").
_WORD_BACKWARDS = re.compile(r"[\w.]*")
_LOOK_BACK = 30  # characters: no abbreviation or initials run longer
_last_text: tuple[str, bool] = ("", True)  # the last text split, and whether it has only full stops


def _ends_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at text[stop] ends an abbreviation or initials, not a sentence."""
    # The word (letters, digits and dots) the full stop ends: "Gen", "U.S", "A".
    floor = stop - _LOOK_BACK if stop > _LOOK_BACK else 0
    token = text[stop - _WORD_BACKWARDS.match(text[floor:stop][::-1]).end() : stop].rstrip(".")
    # "U.S." and "A." are initials; "Gen." a title: the sentence goes on.
    return "." in token or (len(token) == 1 and token.isalpha()) or token.lower() in _ABBREVIATIONS


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], without trailing spaces."""
    global _last_text
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    position = start
    last = _last_text
    if last[0] is text:
        plain = last[1]
    else:
        # Callers split an article's paragraphs one after another: whether the whole text has
        # no "!", "?" or "…" is worked out once for it (one tuple, swapped whole).
        plain = "!" not in text and "?" not in text and "…" not in text
        _last_text = (text, plain)
    if not plain:
        plain = text.find("!", start, end) < 0 and text.find("?", start, end) < 0 and text.find("…", start, end) < 0
    for match in (_FULL_STOP_BOUNDARY if plain else _BOUNDARY).finditer(text, start, end):
        stop = match.start()
        if text[stop] == "." and _ends_abbreviation(text, stop):
            continue
        cut = match.end(1)  # the spaces after the marks belong to no sentence
        if cut > position:
            spans.append((position, cut))
        position = match.end()
    if position < end:
        tail = text[position:end].rstrip()
        if tail:
            spans.append((position, position + len(tail)))
    return spans
