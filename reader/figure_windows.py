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
from reader.wordlists import word_alternation

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


# The passes the bits around runs of digits call for, by those five bits (kinds >> 6).
_PASSES_BY_BITS = tuple(
    frozenset(name for bit, names in _PASSES_OF_BITS if (bits << 6) & bit for name in names) for bits in range(32)
)
# The street pattern opens with a run of digits, a letter maybe, and a capitalised word: only
# where a run of the window does are the street's words looked for.
_STREET_LEAD = re.compile(r"\d+[A-Za-z]?\s+[A-Z]")


def _passes(text: str, lowered: str, start: int, end: int, kinds: int, digit_starts: list[int]) -> set[str]:
    """The passes worth running over the window text[start:end] whose anchors hold kinds."""
    passes: set[str] = set()
    if kinds & DIGITS:
        passes |= _PASSES_BY_BITS[(kinds >> 6) & 31]
        for at in digit_starts:
            if _STREET_LEAD.match(text, at, end) is not None:
                original = text[start:end]
                if any(map(original.__contains__, _STREET_WORDS)):
                    passes.add("street")
                break
        if kinds & MONTH_WORD:
            passes.add("date")  # every date holds a digit: "May" alone is not looked at further
    if kinds & (DIGITS | NUMBER_WORD):
        if lowered.find("one in ", start, end) != -1:
            passes.add("fraction")  # "one in five"
    if kinds & ORDINAL_WORD:
        passes.add("ordinal")
    if kinds & FRACTION_WORD:
        passes.add("fraction")
        window = lowered[start:end]
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
# The scans run over a byte copy of the lowered text in which every character keeps its offset
# (latin-1, "?" for any other character) and is mapped to what the scans need to know of it:
# a digit becomes "0", a letter of a-z or "_" stays, any other character that is part of a word
# becomes "X", the rest a space. A run of digits is then a run of "0" and a number word follows a
# space: patterns that open with a literal byte, which re skips to fast, where the same scans over
# the text open with a class of characters and cost twice as much.
_BYTE_CLASS = bytes(
    ord("0") if "0" <= chr(b) <= "9" else b if "a" <= chr(b) <= "z" or chr(b) == "_" else ord("X") if chr(b).isalnum() else ord(" ")
    for b in range(256)
)
_ZERO_RUN = re.compile(rb"00*")
_WORD_AFTER_SPACE = re.compile((" (?:" + word_alternation(_ANCHOR_WORDS) + r")\b").encode())
_WORD_AT_START = re.compile("(?:" + word_alternation(_ANCHOR_WORDS) + r")\b")
# Where the text holds characters past latin-1 (each a "?" of the copy), the copy cannot tell a
# word's character from a space there: the few such characters are looked at one by one.
_DIGIT_RUN = re.compile(r"\d\d*")  # not \d+: a pattern that opens with a class lets re skip ahead fast
_MOST_OTHER = 64  # past this many such characters, runs of digits are found in the text itself


def _anchors(lowered: str) -> list[tuple[int, int]]:
    """Spans of the runs of digits and the anchor words in lower-cased text, in order."""
    raw = lowered.encode("latin-1", "replace")
    other = raw.count(b"?") - lowered.count("?")  # characters past latin-1
    classes = raw.translate(_BYTE_CLASS)
    plain_digits = other == 0
    if 0 < other <= _MOST_OTHER:
        # Only a digit of another script ("٣") would make the runs of "0" wrong.
        plain_digits = True
        at = raw.find(b"?")
        while at != -1:
            if lowered[at].isdecimal():
                plain_digits = False
                break
            at = raw.find(b"?", at + 1)
    if plain_digits:
        spans = [match.span() for match in _ZERO_RUN.finditer(classes)]
    else:
        spans = [match.span() for match in _DIGIT_RUN.finditer(lowered)]
    first = _WORD_AT_START.match(lowered)
    if first is not None:
        spans.append(first.span())
    end = len(lowered)
    for match in _WORD_AFTER_SPACE.finditer(classes):
        start, stop = match.span()
        if other:
            # A "?" of the copy may stand for a letter ("中one", "one中"): no word boundary there.
            before = lowered[start]
            if before.isalnum() or before == "_":
                continue
            if stop < end:
                after = lowered[stop]
                if after.isalnum() or after == "_":
                    continue
        spans.append((start + 1, stop))
    spans.sort()
    return spans


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
    if first.isspace() and after[1:2] in _AM_PM and _CLOCK_AFTER.match(after, 1):
        bits |= CLOCK
    if after.startswith(" in") and not (after[3:4].isalnum() or after[3:4] == "_"):
        bits |= ONE_IN
    return bits


_VULGAR_CHARS = "½⅓⅔¼¾⅕⅛"
_VULGAR = re.compile(f"[{_VULGAR_CHARS}]")
_CLOCK_AFTER = re.compile(r"[ap]\.?m(?!\w)")
_AM_PM = ("a", "p")  # what _CLOCK_AFTER starts with
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


def _windows(paragraphs: list[tuple[int, int]], lowered: str) -> list[tuple[int, list[list]]]:
    """The paragraphs that hold anchors, by index, each with its windows [start, end, kinds, digit
    starts, word starts] from one scan of the lowered article. The digit starts are where each run
    of digits (or "½") in the window begins: the only places a number written in digits can start;
    the word starts where each anchor word does (see phrase_starts)."""
    found: list[tuple[int, list[list]]] = []
    windows: list[list] = []
    number, current, count = 0, -1, len(paragraphs)
    kinds = _ANCHOR_KIND
    anchors = _anchors(lowered)
    if any(map(lowered.__contains__, _VULGAR_CHARS)):
        anchors = sorted(anchors + [match.span() for match in _VULGAR.finditer(lowered)])  # "½ teaspoon": rare, looked for once
    for position, anchor_end in anchors:
        while number + 1 < count and paragraphs[number + 1][0] <= position:
            number += 1
        p_start, p_end = paragraphs[number]
        if not p_start <= position < p_end:
            continue  # between paragraphs
        kind = kinds.get(lowered[position:anchor_end])
        digits = kind is None
        if digits:
            kind = DIGITS | _around_digits(lowered, position, anchor_end)
        start = position - _BEFORE if position - _BEFORE > p_start else p_start
        end = anchor_end + _AFTER if anchor_end + _AFTER < p_end else p_end
        if number != current:
            current, windows = number, []
            found.append((number, windows))
        if windows and start <= windows[-1][1]:
            last = windows[-1]
            last[1] = end
            last[2] |= kind
            last[3 if digits else 4].append(position)
        else:
            windows.append([start, end, kind, [position], []] if digits else [start, end, kind, [], [position]])
    return found


def phrase_starts(text: str, lowered: str, start: int, end: int, word_starts: list[int], leads: tuple[str, ...]) -> list[int]:
    """Where a spelled number or a vague one can start in the window text[start:end], in order:
    at an anchor word ("twenty-five" at "twenty"), at a lead word before one ("a dozen", "many
    thousands"), and at the word the window's end cuts, which the window's patterns see as a word of
    its own ("four" of "fourteenth"). A pattern matched only there finds what a search of the window
    would: none of its matches can start anywhere else."""
    starts: list[int] = []
    for at in word_starts:
        for lead in leads:
            if at - len(lead) >= start and lowered.startswith(lead, at - len(lead)):
                starts.append(at - len(lead))
        starts.append(at)
    if end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
        # Only a word of its own can end there ("four"): a cut word longer than any is not looked
        # back through (a hostile text's one-megabyte word).
        cut, floor = end - 1, max(start, end - _LONGEST_CUT)
        while cut > floor and _is_word_char(text[cut - 1]):
            cut -= 1
        if cut == floor and cut > start and _is_word_char(text[cut - 1]):
            return starts
        for lead in leads:
            if cut - len(lead) >= start and lowered.startswith(lead, cut - len(lead)):
                starts.append(cut - len(lead))
        starts.append(cut)
    return starts


_LONGEST_CUT = 16  # characters: longer than any number word a pattern could end the window with


def _is_word_char(char: str) -> bool:
    """A character re's \\b counts as part of a word."""
    return char.isalnum() or char == "_"
