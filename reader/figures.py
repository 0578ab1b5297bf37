"""Figures: every number in an article's body, its value, its kind, its unit and what it counts.

Passes run from the most specific pattern to the least, and a later pass never
takes characters an earlier one took: "November 29, 2024" is one date, not a
day and a year; "hundreds of thousands" one vague quantity. Phone numbers,
street numbers, clock times and codes like "F-16" are blocked first: they
are numbers but not figures. A number then takes what is written around it:
a scale ("1.5 million", "$3bn"), a unit before or after ("US$5", "70 mph",
"3-inch", "15%", "72 hours"; see units.py) and a second end ("3-5W",
"from 200 to 250 miles"). What each figure counts is read in figure_counts.py.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from reader.dates import DATE_REGEXES, MONTHS, date_value
from reader.figure_counts import _EVENT_WORDS, Found, counts_of
from reader.numbers import (
    DIGITS as _DIGITS,
    FRACTIONS,
    ORDINALS,
    PART_OF_SCALE,
    SCALE_AFTER,
    SPELLED,
    SPELLED_FIRST,
    TENS,
    UNITS,
    WORD_NUMBER,
    number_value,
    part_value,
    scaled,
    word_value,
)
from reader.sentences import sentence_spans
from reader.units import MONEY_CONTEXT, POUND_FORMS, UNITS as UNIT_FORMS, Unit, currency_before, unit_after
from reader.wordlists import WordScan, word_alternation

__all__ = ["KINDS", "Figure", "Quantity", "extract_figures", "number_value"]

KINDS = ("count", "duration", "year", "date", "fraction", "percent", "ordinal", "vague", "money", "measure")


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a figure has beyond its number: a unit, a range's ends, a qualifier."""

    unit: str | None = None  # as written: "mph", "$", "%"
    unit_name: str | None = None  # normalised: "mile per hour", "US dollar", "percent"
    low: float | int | None = None  # a range's ends: "3-5W", "tens of millions"
    high: float | int | None = None
    qualifier: str | None = None  # "about", "more than", "~"


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    text: str
    value: float | int | str | None  # None when vague; ISO text for dates; a range's low end
    kind: str
    counts: str | None  # what the number counts: "rebels killed", "residents fled"
    quantity: Quantity | None = None  # most figures are bare counts: one slot, not five

    @property
    def unit(self) -> str | None:
        return self.quantity.unit if self.quantity else None

    @property
    def unit_name(self) -> str | None:
        return self.quantity.unit_name if self.quantity else None

    @property
    def low(self) -> float | int | None:
        return self.quantity.low if self.quantity else None

    @property
    def high(self) -> float | int | None:
        return self.quantity.high if self.quantity else None

    @property
    def qualifier(self) -> str | None:
        return self.quantity.qualifier if self.quantity else None


# Every pattern below opens with a lookahead on the characters its matches can start with:
# re then skips most positions of a window at once instead of trying each branch there.
_SPELLED_FIRST = SPELLED_FIRST
_WORD_NUMBER = WORD_NUMBER
_UNITS, _TENS, _ORDINALS, _FRACTIONS = UNITS, TENS, ORDINALS, FRACTIONS

# Not figures: '+44 20 7946 0958', '(202) 555-0143', '10 Downing Street', '10:30', 'F-16', 'COVID-19'.
# Units written onto a number are not codes: "96mph", "300km", "512GB", "250p".
_ATTACHED_UNIT = word_alternation({form for form in UNIT_FORMS if form.isalpha() and form.isascii()} | {"st", "nd", "rd", "th", "bn", "mn", "tn", "m", "k", "b", "mln", "bln", "km2", "m2", "m3"})
# "10:30", "10:45 a.m.", "8 p.m.": a point in time, kind date, value "HH:MM" (24-hour).
_CLOCK = re.compile(r"(?=\d)(?:\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s?(?P<ampm>[ap])\.?m\.?(?!\w)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!:))", re.I)
_PHONE = re.compile(r"(?=[\d+(])(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w%])")
_YEAR_RANGE = re.compile(r"(?:1[89]|20)\d\d\s?[-–]\s?(?:1[89]|20)\d\d")
# Numbers that are not figures, each with the telltale it needs.
_BLOCKED = [
    ("phone", _PHONE),
    ("street", re.compile(r"\b\d+[A-Za-z]?(?:\s+[A-Z][\w'’-]*){1,3}\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Drive|Way|Place|Court|Terrace|Square|Highway)\b")),
    ("code", re.compile(rf"\b[A-Za-z]+-\d+\b|\b\d+(?!(?i:{_ATTACHED_UNIT})\b)[A-Za-z]+\d*\b|#\d+")),
]
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
_DURATION_WORDS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur")
_STREET_WORDS = ("street", "st.", "road", "rd.", "avenue", "ave.", "boulevard", "blvd", "lane", "drive", "way", "place", "court", "terrace", "square", "highway")


def _passes(window: str, kinds: int) -> set[str]:
    """The passes worth running over a lower-cased window whose anchors hold kinds."""
    passes: set[str] = set()
    if kinds & DIGITS:
        for bit, names in _PASSES_OF_BITS:
            if kinds & bit:
                passes |= names
        if any(map(window.__contains__, _STREET_WORDS)):
            passes.add("street")
        if kinds & MONTH_WORD:
            passes.add("date")  # every date holds a digit: "May" alone is not looked at further
    if kinds & (DIGITS | NUMBER_WORD):
        if "%" in window or "cent" in window:
            passes.add("percent")
        if any(map(window.__contains__, _DURATION_WORDS)):
            passes.add("duration")
        if "one in " in window:
            passes.add("fraction")  # "one in five"
    if kinds & ORDINAL_WORD:
        passes.add("ordinal")
    if kinds & FRACTION_WORD:
        passes.add("fraction")
    return passes


_STREET_WORDS = ("street", "st.", "road", "rd.", "avenue", "ave.", "boulevard", "blvd", "lane", "drive", "way", "place", "court", "terrace", "square", "highway")
_SCALE_WORDS = ("million", "billion", "trillion", "thousand")


def _passes(window: str, kinds: int) -> set[str]:
    """The passes worth running over a lower-cased window whose anchors hold kinds."""
    passes: set[str] = set()
    if kinds & DIGITS:
        for bit, names in _PASSES_OF_BITS:
            if kinds & bit:
                passes |= names
        if any(map(window.__contains__, _STREET_WORDS)):
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


_PHONE_CONTEXT = re.compile(r"(?:call|phone|tel|telephone|hotline|fax|mobile|whatsapp|contact)\b[^.\n]{0,20}$", re.I)

_VAGUE = re.compile(
    r"(?=[abdhmst])\b(?:(?:hundreds|tens|thousands|millions|billions) of (?:thousands|millions|billions)"
    r"|(?:many|several|a few) (?:dozens?|hundreds|thousands|millions|billions)"
    r"|dozens|scores|hundreds|thousands|millions|billions)\b",
    re.I,
)
# A vague number's order of magnitude: "tens of millions" is 10 million to 100 million.
_VAGUE_SIZE = {"dozens": 12, "dozen": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
_FRACTION = re.compile(
    # "two-thirds" is always a fraction; spelled with a space, only before "of" or punctuation:
    # "a third of the land" is a fraction, "a third runway" an ordinal (left to the ordinal pass).
    rf"(?=[\d{_SPELLED_FIRST}aoh])(?:\b(?P<num>{_WORD_NUMBER}|a|one)(?:-|(?P<space> ))(?P<den>halves|half|thirds?|quarters?|fifths?|tenths?)\b(?! of a)"
    r"(?(space)(?=\s+of\b|\s*[,.;:)]|\s*$))"
    r"|(?<![$€£¥])\b(?P<one>one|\d+) in (?P<many>\d+|" + _WORD_NUMBER + r")\b(?![ -](?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b)"
    r"|\b(?P<half>half)\b(?= of\b| the\b| a\b| an\b)"
    r"|(?<!\d )\b(?P<n>\d+)/(?P<d>\d+)\b)",
    re.I,
)
_ORDINAL = re.compile(
    "(?=[\\d" + "".join(sorted({word[0] for word in _ORDINALS})) + r"])(?:\b(?P<word>" + "|".join(_ORDINALS) + r")(?=[- ]\w)(?![- ](?:of|and|to|in|on)\b)"
    r"|\b(?P<digits>\d+)(?:st|nd|rd|th)\b)",
    re.I,
)
# Digits, a mixed fraction ("10 1/2") and a range's high end ("20-30", "3-5W", "$3-4bn").
_NUMBER = re.compile(rf"(?=\d)(?<![\d.,_])(?P<num>{_DIGITS})(?:\s(?P<fn>\d)/(?P<fd>\d\d?)\b)?")
_RANGE_DASH = re.compile(rf"\s?[-–—]\s?(?P<cur>[$€£¥])?(?P<high>{_DIGITS})(?![\d/:])")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_SPELLED_NUMBER = re.compile(rf"(?=[{_SPELLED_FIRST}])\b(?P<num>{SPELLED})\b", re.I)
# "the 40-50" after "between" or "from", or "3 to 5": a range when the second end closes it.
_RANGE_JOIN = re.compile(r"\s?(?:-|–|—|to|and)\s?$|\s(?:to|and)\s$")
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:\S+\s+)?$", re.I)
_NEGATIVE = frozenset("-−–")
_AND_BETWEEN = re.compile(r",?\s(?:and\s)?")
_MONEY_WORD_NEXT = re.compile(r"\s?(?:dollars?|euros?|pounds?|yen|yuan|rupees?|usd|eur|gbp)\b")
_PLURAL_WORD_NEXT = re.compile(r"\s(?:people|(?!this\b|its\b|has\b|was\b|does\b|yes\b)[a-z]{2,}s)\b")

# "one of the war's major turning points", "no one", "one another": not counts.
_NOT_A_COUNT_AFTER = re.compile(r"^(?:[- ](?:of|another|who|which|that|is|was|and|or|by|to)\b|\s*[,.;:!?)]|$)", re.I)
_NOT_A_COUNT_BEFORE = re.compile(r"\b(?:no|any|some|every|each|this|that|the|which|anyone|someone)\s$", re.I)


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    for a, b in taken:
        if start < b and end > a:
            return False
    return True


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
    for position, anchor_end in _anchors(lowered):
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



def _scan_window(text: str, p_start: int, p_end: int, kinds: int, lowered: str) -> list[Found]:
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def take(start: int, end: int, value, kind: str) -> Found | None:
        if start < end and _free(taken, start, end):
            taken.append((start, end))
            item = Found(start, end, value, kind)
            found.append(item)
            return item
        return None

    def take_quantity(item: Found | None) -> None:
        if item is not None and _free(taken, item.start, item.end):
            taken.append((item.start, item.end))
            found.append(item)

    digits = kinds & DIGITS
    passes = _passes(lowered[p_start:p_end], kinds)
    for m in _CLOCK.finditer(text, p_start, p_end) if "clock" in passes else ():
        take(m.start(), m.end(), _clock_value(m), "date")
    for name, pattern in _BLOCKED:
        if name not in passes:
            continue
        for m in pattern.finditer(text, p_start, p_end):
            # A range of years ("2018-2024") or a plain big number is not a phone number.
            if pattern is _PHONE and not _is_phone(text, m, p_start):
                continue
            taken.append(m.span())
    for pattern in DATE_REGEXES if "date" in passes else ():
        for m in pattern.finditer(text, p_start, p_end):
            value = date_value(m.group(0))
            if value:
                take(m.start(), m.end(), value, "date")
    for m in PART_OF_SCALE.finditer(lowered, p_start, p_end) if "part" in passes else ():
        take_quantity(_quantity(text, lowered, m.start(), m.end(), part_value(m), p_start, p_end, spelled=True))
    for m in _VAGUE.finditer(text, p_start, p_end) if kinds & VAGUE_WORD else ():
        item = take(m.start(), m.end(), None, "vague")
        if item is not None:
            _vague_size(item, lowered)
    for m in _FRACTION.finditer(text, p_start, p_end) if "fraction" in passes else ():
        if m.group("den"):
            numerator = 1 if m.group("num").lower() in ("a", "one") else number_value(m.group("num"))
            value = round(numerator / _FRACTIONS[m.group("den").lower()], 4) if numerator else None
        elif m.group("many"):
            many = number_value(m.group("many"))
            value = round(number_value(m.group("one")) / many, 4) if many else None
        elif m.group("half"):
            value = 0.5
        else:
            value = round(int(m.group("n")) / int(m.group("d")), 4) if int(m.group("d")) else None
        if value is not None:
            take(m.start(), m.end(), value, "fraction")
    for m in _ORDINAL.finditer(text, p_start, p_end) if "ordinal" in passes else ():
        if m.group("word"):
            word = m.group("word").lower()
            # "a second" (of time) is not an ordinal; "second-largest" is.
            if word == "second" and not re.match(r"[- ](?:largest|biggest|time|round|day|attack|city|term|wave|phase|stage|most|[a-z]+est)\b", text[m.end() : m.end() + 12]):
                continue
            if _in_proper_name(text, m.start(), m.end(), p_start):
                continue  # "No Third Runway", a campaign's name
            take(m.start(), m.end(), _ORDINALS[word], "ordinal")
        else:
            take(m.start(), m.end(), int(m.group("digits")), "ordinal")
    for m in _NUMBER.finditer(text, p_start, p_end) if digits else ():
        if not _free(taken, m.start(), m.end()):
            continue
        if m.start() > p_start and text[m.start() - 1].isalpha() and currency_before(lowered, text, m.start(), p_start) is None:
            continue  # "F16", "A380": letters onto digits, no currency code
        raw = m.group("num")
        if m.group("fn"):
            value = scaled(raw, None) + int(m.group("fn")) / max(1, int(m.group("fd")))
        else:
            value = scaled(raw, None)
        take_quantity(_quantity(text, lowered, m.start(), m.end(), value, p_start, p_end, spelled=False, raw=raw))
    for m in _SPELLED_NUMBER.finditer(text, p_start, p_end) if kinds & NUMBER_WORD else ():
        word = m.group(0)
        lowered_word = word.lower()
        if lowered_word == "dozen" or not _free(taken, m.start(), m.end()):
            continue
        item = _quantity(text, lowered, m.start(), m.end(), word_value(word), p_start, p_end, spelled=True)
        if item is not None and item.unit is None and lowered_word == "one" and (
            _NOT_A_COUNT_AFTER.match(text[m.end() : m.end() + 10]) or _NOT_A_COUNT_BEFORE.search(text[max(p_start, m.start() - 10) : m.start()])
        ):
            continue  # "no one", "one of them"; "that one mile" is a mile
        take_quantity(item)
    if len(found) > 1:
        found = _join_ranges(sorted(found, key=lambda f: f.start), text, p_start)
    return found


def _vague_size(item: Found, lowered: str) -> None:
    """'tens of millions' -> 10 million to 100 million; 'dozens' -> 12 to 120: a power of ten."""
    words = lowered[item.start : item.end].split()
    size = 1
    for word in words:
        size *= _VAGUE_SIZE.get(word, 1)
    if size > 1:
        item.low, item.high = size * (2 if words[-1] in ("dozens", "scores") and len(words) == 1 else 1), size * 10


def _quantity(text: str, lowered: str, start: int, end: int, value, p_start: int, p_end: int, spelled: bool, raw: str | None = None) -> Found | None:
    """A number from start to end, with what is written around it: scale, currency, unit, range."""
    if value is None:
        return None
    kind = "count"
    unit: Unit | None = None
    written: str | None = None
    currency = currency_before(lowered, text, start, p_start)
    if currency is not None:
        start, written, unit = currency
        kind = "money"
    high = None
    if not spelled:
        scale = SCALE_AFTER.match(lowered, end, p_end)
        if scale is not None:
            short = scale.group("short")
            if short is None or _is_scale(short, text[scale.start("short")], lowered, scale.end(), p_end, currency is not None):
                value = scaled(str(value), scale.group("word") or short)
                end = scale.end()
        dash = _RANGE_DASH.match(text, end, p_end)
        if dash is not None and (not dash.group("cur") or currency is not None):
            high = scaled(dash.group("high"), None)
            end = dash.end()
            scale = SCALE_AFTER.match(lowered, end, p_end)
            if scale is not None and (scale.group("word") or _is_scale(scale.group("short"), text[scale.start("short")], lowered, scale.end(), p_end, currency is not None)):
                factor = scaled("1", scale.group("word") or scale.group("short"))
                high *= factor
                if value < factor:
                    value *= factor  # "$3-4bn": both ends in billions
                end = scale.end()
    after = unit_after(lowered, text, end, p_end)
    if after is not None:
        unit_end, form, named = after
        if unit is not None and named.kind != "money":
            after = None  # "$5 minutes"? the money stays; the word is not its unit
        elif form.lower() in POUND_FORMS:
            lead = lowered[max(p_start, start - 40) : start]
            is_money = unit is not None or value >= 1_000_000 or MONEY_CONTEXT.search(lead) is not None
            named = Unit("pound sterling", "money") if is_money else Unit("pound-mass", "measure")
        if after is not None:
            if unit is None or written is None:
                written = form
            unit = named if unit is None else unit
            end = unit_end
            kind = unit.kind
    elif unit is None and raw is not None and len(raw) == 4 and _YEAR.fullmatch(raw) and high is None and value == int(raw):
        if not _counted_plural(text, end, p_end):
            return Found(start, end, int(raw), "year")
    if kind in ("measure", "percent") and start - 1 >= p_start and text[start - 1] in _NEGATIVE and (start - 1 == p_start or not text[start - 2].isalnum()):
        start -= 1
        value = -value
    item = Found(start, end, value, kind)
    if unit is not None:
        item.unit, item.unit_name = written, unit.name
    if high is not None:
        item.low, item.high = value, high
    return item


def _is_scale(short: str, first: str, lowered: str, end: int, limit: int, money: bool) -> bool:
    """'£3m' is three million, '48m' 48 metres, 'Britain's 67m people' 67 million people."""
    if short in ("bn", "mn", "tn", "mln", "bln") or money or first == "M":
        return True
    if short == "k":
        return True
    if short == "m":
        return bool(_MONEY_WORD_NEXT.match(lowered, end, limit) or _PLURAL_WORD_NEXT.match(lowered, end, limit))
    return False  # "b": a billion only after a currency


def _join_ranges(found: list[Found], text: str, p_start: int) -> list[Found]:
    """'from 200 to 250 miles', 'between 20kHz and 22kHz', 'eight to 10 feet': one figure, two ends."""
    joined: list[Found] = []
    for item in found:
        previous = joined[-1] if joined else None
        if previous is not None and item.unit_name in ("cent", "penny") and previous.kind == "money" and previous.high is None and previous.unit_name not in ("cent", "penny"):
            # "3 dollars 50 cents", "thirteen dollars and forty-five cents": one sum.
            if _AND_BETWEEN.fullmatch(text, previous.end, item.start) and isinstance(item.value, (int, float)) and item.value < 100:
                previous.value = round(previous.value + item.value / 100, 2)
                previous.end = item.end
                continue
        if (
            previous is not None
            and previous.high is None
            and item.kind in ("count", "money", "measure", "percent", "duration")
            and previous.kind in ("count", item.kind)
            and isinstance(previous.value, (int, float))
            and isinstance(item.value, (int, float))
            and item.high is None
            and previous.value < item.value
            and (previous.unit_name is None or previous.unit_name == item.unit_name)
            and item.end - previous.start < 60
        ):
            between = text[previous.end : item.start]
            if len(between) <= 5 and _RANGE_JOIN.match(between):
                joint = between.strip()
                opened = _RANGE_OPEN.search(text, max(p_start, previous.start - 20), previous.start)
                # "and" joins a range only after "between"; "to" after "from", or when the ends share a unit.
                if (joint in ("-", "–", "—")) or (joint == "to" and (opened or item.unit_name)) or (joint == "and" and opened and opened.group(0).lower().startswith("between")):
                    merged = Found(previous.start, item.end, previous.value, item.kind, item.unit, item.unit_name, previous.value, item.value)
                    if previous.unit is not None:
                        merged.unit = previous.unit
                    joined[-1] = merged
                    continue
        joined.append(item)
    return joined

def _in_proper_name(text: str, start: int, end: int, p_start: int) -> bool:
    """A capitalised ordinal between capitalised words, not opening a sentence: part of a name."""
    if not text[start].isupper() or start == p_start:
        return False
    before = text[max(p_start, start - 30) : start].rstrip()
    after = text[end : end + 2]
    return bool(re.search(r"\b[A-Z][\w'’-]*$", before)) and not before.endswith(tuple(".!?:\"“")) and after[1:2].isupper()


def _clock_value(match: re.Match[str]) -> str:
    if match.group("h24") is not None:
        return f"{int(match.group('h24')):02d}:{match.group('m24')}"
    hour = int(match.group("h")) % 12 + (12 if match.group("ampm").lower() == "p" else 0)
    return f"{hour:02d}:{match.group('m') or '00'}"


def _is_phone(text: str, match: re.Match[str], p_start: int) -> bool:
    """Seven digits or more in groups, or fewer after 'call' or 'tel'; a year range is not one."""
    if _YEAR_RANGE.fullmatch(match.group(0)) or re.fullmatch(r"\d+ \d+", match.group(0)):
        return False
    digits = sum(c.isdigit() for c in match.group(0))
    return digits >= 7 or bool(_PHONE_CONTEXT.search(text[max(p_start, match.start() - 30) : match.start()]))


_PLURAL_NEXT = re.compile(r"\s([a-z][a-z-]+s)\b")


def _counted_plural(text: str, end: int, limit: int) -> bool:
    """'2000 people' counts people; '2019 agreement' is a year."""
    match = _PLURAL_NEXT.match(text[end : min(limit, end + 30)])
    return bool(match) and match.group(1) not in ("was", "has", "is", "this", "as", "its")



def extract_figures(
    text: str,
    paragraphs: list[tuple[int, int]],
    sentences: dict[int, list[tuple[int, int]]] | None = None,
    lowered: str | None = None,
) -> tuple[Figure, ...]:
    """Every figure in the paragraphs of text, in order.

    sentences: each paragraph's sentence spans by paragraph index, filled as needed.
    lowered: text.lower(), when the caller has it already.
    """
    figures: list[Figure] = []
    known = {} if sentences is None else sentences
    if lowered is None:
        lowered = text.lower()
    if len(lowered) != len(text):
        # "İ" lower-cases to two characters: keep such a character as it is, so offsets line up.
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for index, ((p_start, p_end), windows) in enumerate(zip(paragraphs, _windows(paragraphs, lowered))):
        if not windows:
            continue
        found = sorted((f for w_start, w_end, kinds in windows for f in _scan_window(text, w_start, w_end, kinds, lowered)), key=lambda f: f.start)
        if not found:
            continue
        spans = known.get(index)
        if spans is None:
            spans = known[index] = sentence_spans(text, p_start, p_end)
        previous_noun: tuple[int, str] | None = None  # sentence start, noun
        for item in found:
            sentence = next((s for s in spans if s[0] <= item.start < s[1] + 1), (p_start, p_end))
            counts, qualifier = counts_of(text, item, sentence, previous_noun)
            if counts and item.kind in ("count", "vague"):
                words = counts.split()
                head = words[0] if words[-1] in _EVENT_WORDS else counts
                previous_noun = (sentence[0], " ".join(w for w in words if w not in _EVENT_WORDS) or head)
            quantity = None
            if item.unit is not None or item.high is not None or qualifier is not None:
                quantity = Quantity(item.unit, item.unit_name, item.low, item.high, qualifier)
            # Interned: "2016", "four", "years" recur in every article of a story; one copy each.
            figures.append(Figure(item.start, item.end, sys.intern(text[item.start : item.end]), item.value, item.kind, sys.intern(counts) if counts else None, quantity))
    return tuple(figures)
