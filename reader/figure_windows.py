"""Where figures can be: windows of text around digits and number words, and the passes each needs.

Most of an article holds no number. The lower-cased article is scanned once for runs
of digits and number words (anchors); the text 40 characters before and 60 after each
is a window, and what stands in and around the anchors (bits) says which passes of
figures.py are worth running there.
"""

from __future__ import annotations

import re

from reader.dates import MONTHS
from reader.numbers import FRACTIONS, ORDINALS, TENS, UNITS
from reader.wordlists import WordScan, word_alternation

_UNITS, _TENS, _ORDINALS, _FRACTIONS = UNITS, TENS, ORDINALS, FRACTIONS

# What the anchors of a window hold, as bits: a pass runs only where something it needs stands.
# "300 rebels" has digits only, so the spelled-number, vague and fraction passes skip it.
DIGITS, NUMBER_WORD, ORDINAL_WORD, FRACTION_WORD, MONTH_WORD, VAGUE_WORD = 1, 2, 4, 8, 16, 32
# What stands around a run of digits: "5th", "1.5" or "555-0143", "10:30" or "8 p.m.", "1 in 5", "F-16".
DIGIT_LETTER, SEPARATED, CLOCK, ONE_IN, CODE = 64, 128, 256, 512, 1024

# What the passes need, looked for before they run: most windows hold no date, percent or
# phone number. The characters around each run of digits are read as the anchors are found;
# words are looked for in the lower-cased window. A telltale may stand for several passes
# ("5th" for ordinals, codes and "5am"); a false alarm costs one pass, a miss a figure.
_PASSES_OF_BITS = (
    (DIGIT_LETTER, {"code", "ordinal", "clock"}),  # "5th", "5am", "5G"
    (SEPARATED, {"phone", "date", "fraction"}),  # "555-0143", "2024-11-29", "1/2", "1.5"
    (CLOCK, {"clock"}),  # "10:30", "8 p.m."
    (ONE_IN, {"fraction"}),  # "1 in 5"
    (CODE, {"code"}),  # "F-16", "COVID-19", "#5"
)
# As the street pattern spells them, capitalised: "st." in "the first." or "way" in "away" no longer
# sends a window through it.
_STREET_WORDS = ("Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd", "Lane", "Drive", "Way", "Place", "Court", "Terrace", "Square", "Highway")
_SCALE_WORDS = ("million", "billion", "trillion", "thousand")


def _passes(window: str, kinds: int, original: str = "") -> set[str]:
    """The passes worth running over a lower-cased window whose anchors hold kinds."""
    passes: set[str] = set()
    if kinds & DIGITS:
        for bit, names in _PASSES_OF_BITS:
            if kinds & bit:
                passes |= names
        if any(map(original.__contains__, _STREET_WORDS)):
            passes.add("street")
        if kinds & MONTH_WORD:
            passes.add("date")  # every date holds a digit: "May" alone is not looked at further
    if kinds & (DIGITS | NUMBER_WORD):
        if "one in " in window:
            passes.add("fraction")  # "one in five"
    if kinds & ORDINAL_WORD:
        passes.add("ordinal")
    if kinds & FRACTION_WORD:
        passes.add("fraction")
        if any(map(window.__contains__, _SCALE_WORDS)):
            passes.add("part")  # "half a million"
    return passes




# Every figure holds a digit or one of these words. Only the text around them is
# searched by the passes below: most of an article holds no number at all.
_ANCHOR_WORDS = (
    set(_UNITS) | set(_TENS) | set(_ORDINALS) | set(_FRACTIONS) | set(MONTHS)
    | {"hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds", "thousands",
       "millions", "billions", "scores", "tens", "half"}
)  # fmt: skip
# Runs of digits in one scan; number words where they stand as words (see WordScan).
_DIGIT_RUN = re.compile(r"\d\d*")  # not \d+: a pattern that opens with a class lets re skip ahead fast
_NUMBER_WORDS = WordScan(word_alternation(_ANCHOR_WORDS) + r"\b")


def _anchors(lowered: str) -> list[tuple[int, int]]:
    """Spans of the runs of digits and the anchor words in lower-cased text, in order."""
    return sorted([match.span() for match in _DIGIT_RUN.finditer(lowered)] + _NUMBER_WORDS.spans(lowered))


def _around_digits(lowered: str, start: int, end: int) -> int:
    """What the characters around the run of digits lowered[start:end] tell, as bits."""
    bits = CODE if start > 0 and lowered[start - 1] in "-#" else 0
    after = lowered[end : end + 5]
    if not after:
        return bits
    first = after[0]
    if "a" <= first <= "z":
        return bits | DIGIT_LETTER
    if (first in ".-/" or first.isspace()) and after[1:2].isdecimal():
        bits |= SEPARATED
    if first == ":" and after[1:3].isdecimal() and len(after) >= 3:
        bits |= CLOCK
    if first.isspace() and _CLOCK_AFTER.match(after, 1):
        bits |= CLOCK
    if after.startswith(" in") and not (after[3:4].isalnum() or after[3:4] == "_"):
        bits |= ONE_IN
    return bits


_VULGAR_CHARS = "½⅓⅔¼¾⅕⅛"
_VULGAR = re.compile(f"[{_VULGAR_CHARS}]")
_CLOCK_AFTER = re.compile(r"[ap]\.?m(?!\w)")
_BEFORE, _AFTER = 40, 60  # window around an anchor: "many millions", "$3bn", "1.5 million people"

_ANCHOR_KIND: dict[str, int] = {}
for _word in _ANCHOR_WORDS:
    _ANCHOR_KIND[_word] = (
        (NUMBER_WORD if _word in _UNITS or _word in _TENS or _word == "dozen" else 0)
        | (ORDINAL_WORD if _word in _ORDINALS else 0)
        | (FRACTION_WORD if _word in _FRACTIONS else 0)
        | (MONTH_WORD if _word in MONTHS else 0)
        | (VAGUE_WORD if _word in ("dozen", "dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions") else 0)
    )


def _windows(paragraphs: list[tuple[int, int]], lowered: str) -> list[list[tuple[int, int, int]]]:
    """Each paragraph's windows around anchors (start, end, kinds), from one scan of the lowered article."""
    found: list[list[tuple[int, int, int]]] = [[] for _ in paragraphs]
    number = 0
    kinds = _ANCHOR_KIND
    anchors = _anchors(lowered)
    if any(map(lowered.__contains__, _VULGAR_CHARS)):
        anchors = sorted(anchors + [match.span() for match in _VULGAR.finditer(lowered)])  # "½ teaspoon": rare, looked for once
    for position, anchor_end in anchors:
        while number + 1 < len(paragraphs) and paragraphs[number + 1][0] <= position:
            number += 1
        p_start, p_end = paragraphs[number]
        if not p_start <= position < p_end:
            continue  # between paragraphs
        kind = kinds.get(lowered[position:anchor_end])
        if kind is None:
            kind = DIGITS | _around_digits(lowered, position, anchor_end)
        start, end = max(p_start, position - _BEFORE), min(p_end, anchor_end + _AFTER)
        windows = found[number]
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end, windows[-1][2] | kind)
        else:
            windows.append((start, end, kind))
    return found


