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

from reader.dates import DATE_REGEXES, date_value
from reader.figure_counts import Found, counts_of
from reader.figure_events import _EVENT_WORDS
from reader.figure_blocks import _BLOCKED, Taken, _CLOCK, _LABEL_ENDINGS, _LABEL_WORDS, _PHONE, _clock_value, _is_list_mark, _is_phone
from reader.frozen import quick_init
from reader.figure_windows import _ANCHOR_WORDS, DIGITS, NUMBER_WORD, VAGUE_WORD, _anchors, _passes, _windows, phrase_starts
from reader.numbers import DIGITS as _DIGITS
from reader.numbers import (
    FRACTIONS,
    ORDINALS,
    PART_OF_SCALE,
    SPELLED,
    SPELLED_FIRST,
    VULGAR,
    WORD_NUMBER,
    number_value,
    part_value,
    scaled,
    word_value,
)
from reader.quantities import join_ranges, quantity, vague_size
from reader.sentences import sentence_spans
from reader.units import currency_before, word_before

# _ANCHOR_WORDS and _anchors are read by the property tests.
__all__ = ["KINDS", "Figure", "Quantity", "_ANCHOR_WORDS", "_anchors", "extract_figures", "number_value"]

KINDS = ("count", "duration", "year", "date", "fraction", "percent", "ordinal", "vague", "money", "measure")


@quick_init
@dataclass(frozen=True, slots=True)
class Quantity:
    """What a figure has beyond its number: a unit, a range's ends, a qualifier."""

    unit: str | None = None  # as written: "mph", "$", "%"
    unit_name: str | None = None  # normalised: "mile per hour", "US dollar", "percent"
    low: float | int | None = None  # a range's ends: "3-5W", "tens of millions"
    high: float | int | None = None
    qualifier: str | None = None  # "about", "more than", "~"


@quick_init
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


# The patterns below are matched only where their matches can start (runs of digits, anchor
# words and the few words that lead to one; see figure_windows.py), not searched for at every
# position of a window. Their opening lookaheads still fail fast anywhere else.
_SPELLED_FIRST = SPELLED_FIRST
_VULGAR = "".join(VULGAR)
_WORD_NUMBER = WORD_NUMBER
_ORDINALS, _FRACTIONS = ORDINALS, FRACTIONS

_VAGUE = re.compile(
    r"(?=[abdhmst])\b(?:(?:hundreds|tens|thousands|millions|billions) of (?:thousands|millions|billions)"
    r"|(?:many|several|a few) (?:dozens?|hundreds|thousands|millions|billions)"
    r"|dozens|scores|hundreds|thousands|millions|billions)\b",
    re.I,
)
# The words a vague or spelled number can open with that are no anchors: matches start at them or at an anchor word.
_VAGUE_LEADS, _SPELLED_LEADS = ("several ", "a few ", "many "), ("a ",)
_FRACTION_LEADS = ("a - ", "a- ", "a -", "a-", "a ")  # "a third", "a-half"
_FRACTION = re.compile(
    # "two-thirds" is always a fraction; spelled with a space, only before "of" or punctuation:
    # "a third of the land" is a fraction, "a third runway" an ordinal (left to the ordinal pass).
    rf"(?=[\d{_SPELLED_FIRST}aoh])(?:\b(?P<num>{_WORD_NUMBER}|a|one)(?: ?- ?|(?P<space> ))(?P<den>halves|half|thirds?|quarters?|fifths?|tenths?)\b(?! of a)"
    r"(?(space)(?=\s+of\b|\s*[,.;:)]|\s*$))"
    r"|(?<![$€£¥])\b(?P<one>one|\d+) in (?P<many>\d+|" + _WORD_NUMBER + r")\b(?![ -](?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b)"
    r"|(?<!first )(?<!second )\b(?P<half>half)\b(?= of\b| the\b| a\b| an\b)"
    # "a half turn", "a half mile"; "two and a half" is read with its whole number
    r"|(?<!and )\ba (?P<ahalf>half) (?!(?:of|a|an|the|and|or|to|in|as|is|was|dozen|million|billion)\b)(?=[a-z])"
    r"|(?<!\d )\b(?P<n>\d+)/(?P<d>\d+)\b)",
    re.I,
)
_ORDINAL = re.compile(
    "(?=[\\d" + "".join(sorted({word[0] for word in _ORDINALS})) + r"])(?:\b(?P<word>" + "|".join(_ORDINALS) + r")(?=[- ]\w)(?![- ](?:of|and|to|in|on)\b)"
    r"|\b(?P<digits>\d+)(?:st|nd|rd|th)\b)",
    re.I,
)
# Digits and a mixed fraction ("10 1/2"); quantities.py reads the rest ("$3-4bn", "3-5W").
_NUMBER = re.compile(rf"(?=[\d{_VULGAR}])(?<![\d.,_])(?:(?P<num>{_DIGITS})(?:\s(?P<fn>\d)/(?P<fd>\d\d?)\b|(?<![\d.,]\d{{4}})(?P<k>, 000)(?![\d,.]))?|(?P<vulgar>[{_VULGAR}]))")
_SPELLED_NUMBER = re.compile(rf"(?=[{_SPELLED_FIRST}])\b(?P<num>{SPELLED})\b", re.I)

# "one of the war's major turning points", "no one", "one another": not counts.
_NOT_A_COUNT_AFTER = re.compile(r"^(?:[- ](?:of|another|who|which|that|is|was|and|or|by|to)\b|\s*[,.;:!?)]|$)", re.I)
_NOT_A_COUNT_BEFORE = re.compile(r"\b(?:no|any|some|every|each|this|that|the|which|anyone|someone)\s$", re.I)
# "At that age, one can walk": the pronoun opens a clause before a modal verb.
_ONE_PRONOUN = re.compile(r" (?:can|could|must|should|would|might|may|cannot)\b", re.I)


def _scan_window(text: str, p_start: int, p_end: int, kinds: int, lowered: str, digit_starts: list[int], word_starts: list[int]) -> list[Found]:
    found: list[Found] = []
    taken = Taken()
    taken.window = (p_start, p_end)
    free, add = taken.free, taken.append

    def take(start: int, end: int, value, kind: str) -> Found | None:
        if start < end and free(start, end):
            add((start, end))
            item = Found(start, end, value, kind)
            found.append(item)
            return item
        return None

    def take_quantity(item: Found | None) -> None:
        if item is not None and free(item.start, item.end):
            add((item.start, item.end))
            found.append(item)

    digits = kinds & DIGITS
    passes = _passes(text, lowered, p_start, p_end, kinds, digit_starts)
    for m in _CLOCK.finditer(text, p_start, p_end) if "clock" in passes else ():
        take(m.start(), m.end(), _clock_value(m), "date")
    for name, pattern in _BLOCKED if passes else ():  # most windows need none of the passes
        if name not in passes:
            continue
        for m in pattern.finditer(text, p_start, p_end):
            # A range of years ("2018-2024") or a plain big number is not a phone number.
            if pattern is _PHONE and not _is_phone(text, m, p_start):
                continue
            add(m.span())
    # Dates, fractions and ordinals start at a run of digits or an anchor word ("November", "5th",
    # "half"), or at "a" before one ("a third"): each pattern is matched there only, in order, as
    # finditer would find them.
    for pattern in DATE_REGEXES if "date" in passes else ():
        for m in _matches_at(pattern, text, sorted(digit_starts + word_starts), p_start, p_end):
            value = date_value(m.group(0))
            if value:
                take(m.start(), m.end(), value, "date")
    for m in PART_OF_SCALE.finditer(lowered, p_start, p_end) if "part" in passes else ():
        take_quantity(quantity(text, lowered, m.start(), m.end(), part_value(m), p_start, p_end, spelled=True))
    vague_starts = phrase_starts(text, lowered, p_start, p_end, word_starts, _VAGUE_LEADS) if kinds & VAGUE_WORD else ()
    for m in _matches_at(_VAGUE, text, vague_starts, p_start, p_end):
        item = take(m.start(), m.end(), None, "vague")
        if item is not None:
            vague_size(item, lowered, text, p_end)
    fraction_starts = sorted(digit_starts + phrase_starts(text, lowered, p_start, p_end, word_starts, _FRACTION_LEADS)) if "fraction" in passes else ()
    for m in _matches_at(_FRACTION, text, fraction_starts, p_start, p_end):
        if m.group("den"):
            numerator = 1 if m.group("num").lower() in ("a", "one") else number_value(m.group("num"))
            value = round(numerator / _FRACTIONS[m.group("den").lower()], 4) if numerator else None
        elif m.group("many"):
            many = number_value(m.group("many"))
            value = round(number_value(m.group("one")) / many, 4) if many else None
        elif m.group("half"):
            value = 0.5
        elif m.group("ahalf"):
            item = quantity(text, lowered, m.start("ahalf"), m.end("ahalf"), 0.5, p_start, p_end, spelled=True)
            if item is not None and item.unit is not None:
                item.start = m.start()
                take_quantity(item)  # "a half mile"
            else:
                take(m.start(), m.end("ahalf"), 0.5, "fraction")
            continue
        else:
            value = round(int(m.group("n")) / int(m.group("d")), 4) if int(m.group("d")) else None
        if value is not None:
            take(m.start(), m.end(), value, "fraction")
    # An ordinal starts at a run of digits ("5th") or at an ordinal word, which is an anchor: matched there only.
    for m in _matches_at(_ORDINAL, text, sorted(digit_starts + word_starts) if "ordinal" in passes else (), p_start, p_end):
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
    # A number in digits starts where a run of digits does: matched there, not searched for at every
    # position of the window. As finditer would, the next is looked for from where a match ends.
    for m in _matches_at(_NUMBER, text, digit_starts if digits else (), p_start, p_end):
        if not free(m.start(), m.end()):
            continue
        if lowered.endswith(_LABEL_ENDINGS, max(p_start, m.start() - 14), m.start()) and word_before(lowered, m.start(), p_start) in _LABEL_WORDS:
            continue  # "Highway 35", "Flight 370", "Article 5": names, not quantities
        if m.start() > p_start and text[m.start() - 1].isalpha() and currency_before(lowered, text, m.start(), p_start) is None:
            continue  # "F16", "A380": letters onto digits, no currency code
        raw = m.group("num")
        if raw is None:
            take_quantity(quantity(text, lowered, m.start(), m.end(), VULGAR[m.group("vulgar")], p_start, p_end, spelled=True))
            continue  # "½ teaspoon"
        if len(raw) <= 2 and (text.startswith(")", m.end()) or text.startswith(" )", m.end())):
            if _is_list_mark(text, m.start(), p_start):
                continue
        value = int(raw) if raw.isdigit() else scaled(raw, None)
        if m.group("k"):
            value *= 1000  # "10, 000"
        if m.group("fn"):
            value += int(m.group("fn")) / max(1, int(m.group("fd")))
        item = quantity(text, lowered, m.start(), m.end(), value, p_start, p_end, spelled=False, raw=raw)
        if item is not None and item.start < m.start() and not free(item.start, m.start()):
            # "10 $ 30 $": the second number's currency is the first one's unit
            item = quantity(text, lowered, m.start(), m.end(), value, taken.floor(m.start(), p_start), p_end, spelled=False, raw=raw)
        take_quantity(item)
    # Spelled numbers, like numbers in digits, are matched only where one can start (finditer's order kept).
    money_ends: set[int] = set()
    money_seen = 0
    spelled_starts = phrase_starts(text, lowered, p_start, p_end, word_starts, _SPELLED_LEADS) if kinds & NUMBER_WORD else ()
    for m in _matches_at(_SPELLED_NUMBER, text, spelled_starts, p_start, p_end):
        word = m.group(0)
        lowered_word = word.lower()
        if lowered_word == "dozen" or not free(m.start(), m.end()):
            continue
        if lowered_word == "a dozen":
            # Where money figures end, gathered from the figures found since the last "a dozen"
            # (their kinds no longer change): not every figure scanned again for each one.
            for f in found[money_seen:]:
                if f.kind == "money":
                    money_ends.add(f.end)
            money_seen = len(found)
            if m.start() - 2 in money_ends or m.start() - 1 in money_ends or m.start() in money_ends:
                continue  # "64 cents a dozen": what the price is for, not a count
        item = quantity(text, lowered, m.start(), m.end(), word_value(word), p_start, p_end, spelled=True)
        if item is not None and item.start < m.start() and not free(item.start, m.start()):
            item = quantity(text, lowered, m.start(), m.end(), word_value(word), taken.floor(m.start(), p_start), p_end, spelled=True)
        if item is not None and item.unit is None and lowered_word == "one" and (
            _NOT_A_COUNT_AFTER.match(text[m.end() : m.end() + 10])
            or _NOT_A_COUNT_BEFORE.search(text[max(p_start, m.start() - 10) : m.start()])
            or (_ONE_PRONOUN.match(text, m.end(), p_end) and text[max(p_start, m.start() - 2) : m.start()].strip(" ,;:.!?") == "")
        ):
            continue  # "no one", "one of them"; "that one mile" is a mile
        take_quantity(item)
    if len(found) > 1:
        found = join_ranges(sorted(found, key=lambda f: f.start), text, p_start)
    return found



def _matches_at(pattern: re.Pattern[str], text: str, starts, p_start: int, p_end: int):
    """pattern's matches at the given starts (in order) only, none overlapping: what finditer
    over text[p_start:p_end] finds when a match can begin nowhere else."""
    after = p_start
    for at in starts:
        if at < after:
            continue
        m = pattern.match(text, at, p_end)
        if m is not None:
            after = m.end()
            yield m


def _in_proper_name(text: str, start: int, end: int, p_start: int) -> bool:
    """A capitalised ordinal between capitalised words, not opening a sentence: part of a name."""
    if not text[start].isupper() or start == p_start:
        return False
    before = text[max(p_start, start - 30) : start].rstrip()
    after = text[end : end + 2]
    return bool(re.search(r"\b[A-Z][\w'’-]*$", before)) and not before.endswith(tuple(".!?:\"“")) and after[1:2].isupper()


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
    for index, windows in _windows(paragraphs, lowered):
        # Windows are apart and in order, and each one's figures sorted: together, in order too.
        found: list[Found] = []
        for w_start, w_end, kinds, digit_starts, word_starts in windows:
            found += _scan_window(text, w_start, w_end, kinds, lowered, digit_starts, word_starts)
        if not found:
            continue
        p_start, p_end = paragraphs[index]
        spans = known.get(index)
        if spans is None:
            spans = known[index] = sentence_spans(text, p_start, p_end)
        previous_noun: tuple[int, str] | None = None  # sentence start, noun
        k, last = 0, len(spans) - 1  # figures come in order: the sentence of each is at or after the last one's
        for item in found:
            while k < last and spans[k][1] + 1 <= item.start:
                k += 1
            sentence = spans[k] if spans and spans[k][0] <= item.start < spans[k][1] + 1 else (p_start, p_end)
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
