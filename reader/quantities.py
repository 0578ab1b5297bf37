"""A number with what is written around it: scale, money, unit, a range's second end.

"$4.2M", "£2bn", "25 lakh", "US$5", "RM30", "250p", "512GB", "70 mph", "3-inch", "20 (kg)",
"3-5W", "from 200 to 250 miles", "between 20kHz and 22kHz", "3 dollars 50 cents".
"""

from __future__ import annotations

import re

from reader.figure_counts import Found
from reader.numbers import DIGITS as _DIGITS
from reader.numbers import SCALE_AFTER, scaled
from reader.units import MONEY_CONTEXT, POUND_FORMS, SCALED_CODES, Unit, currency_before, unit_after

# A vague number's order of magnitude: "tens of millions" is 10 million to 100 million.
_VAGUE_SIZE = {"dozens": 12, "dozen": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
_RANGE_DASH = re.compile(rf"\s?[-–]\s?(?P<cur>[$€£¥])?(?P<high>{_DIGITS})(?![\d/:])")  # an em dash opens a clause
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_YEAR_BEFORE = re.compile(r"\b(?:in|since|until|during|before|after) $")  # "in 2011 sales rose": a year
# "from 200 to 250 miles", "between 20kHz and 22kHz", "eight to 10 feet": two figures, one range.
_RANGE_JOIN = re.compile(r"\s?(?:-|–|to|and)\s?$|\s(?:to|and)\s$")
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:\S+\s+)?$", re.I)
_NEGATIVE = frozenset("-−–")
_SPACED_MINUS = frozenset(("- ", "− "))
_WORD_BEFORE_MINUS = re.compile(r"(?:^|[a-z] )$")  # a word, not a number, before the minus: "10 - 20" is a range
# What must follow a number for a scale or a range to be worth looking for.
_SCALE_FIRST, _SCALE_SPACED, _DASHES = frozenset("bmtkhlcd"), frozenset("htmblcd"), frozenset("-–")
_AND_BETWEEN = re.compile(r",?\s(?:and\s)?")
_MONEY_WORD_NEXT = re.compile(r"\s?(?:dollars?|euros?|pounds?|yen|yuan|rupees?|usd|eur|gbp)\b")
_PLURAL_WORD_NEXT = re.compile(r"\s(?:people|(?!this\b|its\b|has\b|was\b|does\b|yes\b)[a-z]{2,}s)\b")


def vague_size(item: Found, lowered: str, text: str, limit: int) -> None:
    """'tens of millions' -> 10 million to 100 million; 'dozens' -> 12 to 120: a power of ten.
    'Tens of millions of dollars' is money."""
    if lowered.startswith(" of ", item.end):
        after = unit_after(lowered, text, item.end + 3, limit)
        if after is not None and (after[2].kind == "money" or after[1].lower() in POUND_FORMS):
            name = "pound sterling" if after[1].lower() in POUND_FORMS else after[2].name  # millions of pounds are money
            item.kind, item.unit, item.unit_name = "money", after[1], name
    words = lowered[item.start : item.end].split()
    size = 1
    for word in words:
        size *= _VAGUE_SIZE.get(word, 1)
    if size > 1:
        item.low, item.high = size * (2 if words[-1] in ("dozens", "scores") and len(words) == 1 else 1), size * 10


def quantity(text: str, lowered: str, start: int, end: int, value, p_start: int, p_end: int, spelled: bool, raw: str | None = None) -> Found | None:
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
        value = _code_scaled(value, written)  # "MAUD 60"
    high = None
    following = lowered[end : end + 2]
    if not spelled and following and (following[0] in _SCALE_FIRST or (following[0] == " " and following[1:] in _SCALE_SPACED)):
        scale = SCALE_AFTER.match(lowered, end, p_end)
        if scale is not None:
            short = scale.group("short")
            if short is None or _is_scale(short, text[scale.start("short")], lowered, scale.end(), p_end, currency is not None):
                value = scaled(str(value), scale.group("word") or short)
                end = scale.end()
    if not spelled and (following[:1] in _DASHES or following[1:] in _DASHES):
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
    if after is None and unit is None and (text[end : end + 1] in _INCH_FIRST or text[end : end + 2] in _INCH_FIRST):
        after = _inches(text, start, end, p_start, p_end)
    if after is not None:
        unit_end, form, named = after
        if unit is not None and (named.kind != "money" or named.name != unit.name or _symbol_before_next(form, text, unit_end, p_end)):
            after = None  # "$5 minutes", "RMB 10 USD 20": the money stays; the word is not its unit
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
            if kind == "money" and form[-1:].isalpha():
                value = _code_scaled(value, form)  # "30 MUSD"
                scale = _SCALE_AFTER_CODE.match(lowered, end, p_end)
                if scale is not None:
                    value = scaled(str(value), scale.group(1))  # "75 USD million", "20 dollars billion"
                    end = scale.end()
    elif end < p_end and text[end].isalpha() and text[end - 1].isdigit():
        return None  # "1080p", "5G": letters glued to digits that are no unit make a code
    elif unit is None and high is None and lowered.endswith(_AGE_BEFORE, max(p_start, start - 5), start):
        written = text[lowered.rfind("age", start - 5, start) : start].rstrip()
        start -= len(written) + 1
        unit, kind = _AGE, "measure"  # "a man aged 87", "at age 9": years of age
    elif unit is None and raw is not None and len(raw) == 4 and _YEAR.fullmatch(raw) and high is None and value == int(raw):
        if _YEAR_BEFORE.search(lowered, max(p_start, start - 8), start) or not _counted_plural(text, end, p_end):
            return Found(start, end, int(raw), "year")
    if kind in ("measure", "percent") and start - 1 >= p_start and text[start - 1] in _NEGATIVE and (start - 1 == p_start or not text[start - 2].isalnum()):
        start -= 1
        value = -value
    elif kind == "measure" and unit is not None and unit.name.startswith("degree") and text[max(p_start, start - 2) : start] in _SPACED_MINUS:
        if start - 2 == p_start or _WORD_BEFORE_MINUS.search(text, max(p_start, start - 20), start - 2):
            start -= 2
            value = -value  # "fell to - 20 degrees", as tokenised text writes a minus
    item = Found(start, end, value, kind)
    if unit is not None:
        item.unit, item.unit_name = written, unit.name
    if high is not None and high > value:
        item.low, item.high = value, high  # "3-5W"; a score ("5-4") or a season ("2022-23") is no range
    return item


_INCH_FIRST = frozenset(('"', "″", ' "', " ″", " i"))  # what an inch starts with, checked first
_INCH_MARK = re.compile(r' ?(["″])(?=[\s.,;:)]|$)')
_SPACED_IN = re.compile(r" (in)\b")
_FEET_BEFORE = re.compile(r"(?:ft|feet|foot|')\.? $")
_INCH = Unit("inch", "measure")
_AGE_BEFORE, _AGE = ("aged ", " age "), Unit("year of age", "measure")


def _inches(text: str, start: int, end: int, p_start: int, p_end: int) -> tuple[int, str, Unit] | None:
    """'10" long' (a quote mark that opens no quote: one after an even number of them) and '6 ft 2 in'."""
    mark = _INCH_MARK.match(text, end, p_end)
    if mark is not None and (mark.group(1) == "″" or text.count('"', p_start, end) % 2 == 0):
        return mark.end(), mark.group(1), _INCH
    spaced = _SPACED_IN.match(text, end, p_end)
    if spaced is not None and _FEET_BEFORE.search(text, max(p_start, start - 8), start):
        return spaced.end(), "in", _INCH
    return None


_SCALE_AFTER_CODE = re.compile(r"\s(thousand|million|billion|trillion|bn|mn)\b")


def _symbol_before_next(form: str, text: str, end: int, limit: int) -> bool:
    """'$ 20 $ 37': a currency's sign before the next number is that number's, not this one's."""
    return not form[-1:].isalpha() and _NUMBER_NEXT.match(text, end, limit) is not None


_NUMBER_NEXT = re.compile(r"\s?\d")


def _code_scaled(value, written: str):
    factor = SCALED_CODES.get(written.lower())
    if factor is None or not isinstance(value, (int, float)):
        return value
    result = value * factor
    return int(result) if float(result).is_integer() else result


def _is_scale(short: str, first: str, lowered: str, end: int, limit: int, money: bool) -> bool:
    """'£3m' is three million, '48m' 48 metres, 'Britain's 67m people' 67 million people."""
    if short in ("bn", "mn", "tn", "trn", "mln", "bln") or money or first == "M":
        return True
    if short == "k":
        return True
    if short == "m":
        return bool(_MONEY_WORD_NEXT.match(lowered, end, limit) or _PLURAL_WORD_NEXT.match(lowered, end, limit))
    return False  # "b": a billion only after a currency


def join_ranges(found: list[Found], text: str, p_start: int) -> list[Found]:
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
        if previous is not None and item.kind == "count" and item.unit is None and _is_change(previous, item, text):
            # "15 dollars 50", "17 USD 25", "thirteen dollars forty-five": the cents left unnamed.
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
                if (joint in ("-", "–")) or (joint == "to" and (opened or item.unit_name)) or (joint == "and" and opened and opened.group(0).lower().startswith("between")):
                    merged = Found(previous.start, item.end, previous.value, item.kind, item.unit, item.unit_name, previous.value, item.value)
                    if previous.unit is not None:
                        merged.unit = previous.unit
                    joined[-1] = merged
                    continue
        joined.append(item)
    return joined

_CHANGE_BETWEEN = re.compile(r"\s(?:and\s)?")
_CHANGE_END = re.compile(r"\s*(?:[.,;:!?)\n]|$)|\s(?:more|less|extra|each|only|for|a|an|per)\b")


def _is_change(previous: Found, item: Found, text: str) -> bool:
    """'15 dollars 50': a sum in a currency's name, then a number under 100 that nothing follows."""
    if previous.kind != "money" or previous.high is not None or previous.unit is None or previous.unit_name in ("cent", "penny"):
        return False
    if not isinstance(previous.value, int) or not isinstance(item.value, int) or not 0 < item.value < 100:
        return False
    if not text.endswith(previous.unit, previous.start, previous.end) or not previous.unit[-1:].isalpha():
        return False  # the currency written after its number, in letters: "$15 50" is two figures
    if text[item.start].isdigit() and item.end - item.start != 2:
        return False  # "15 dollars 5"? cents are written in two digits
    return bool(_CHANGE_BETWEEN.fullmatch(text, previous.end, item.start)) and bool(_CHANGE_END.match(text, item.end))


_PLURAL_NEXT = re.compile(r"\s([a-z][a-z-]+s)\b")


def _counted_plural(text: str, end: int, limit: int) -> bool:
    """'2000 people' counts people; '2019 agreement' is a year."""
    match = _PLURAL_NEXT.match(text[end : min(limit, end + 30)])
    return bool(match) and match.group(1) not in ("was", "has", "is", "this", "as", "its")


