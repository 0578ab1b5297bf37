"""Figures: every number in an article's body, its value, its kind and what it counts.

Passes run from the most specific pattern to the least, and a later pass never
takes characters an earlier one took: "November 29, 2024" is one date, not a
day and a year; "hundreds of thousands" one vague quantity. Phone numbers,
street numbers, clock times and codes like "F-16" are blocked first: they
are numbers but not figures.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from reader.dates import DATE_REGEXES, MONTHS, date_value
from reader.sentences import sentence_spans
from reader.wordlists import WordScan, word_alternation

KINDS = ("count", "duration", "year", "date", "fraction", "percent", "ordinal", "vague")


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    text: str
    value: float | int | str | None  # None when vague; ISO text for dates
    kind: str
    counts: str | None  # what the number counts: "rebels killed", "residents fled"


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
           "mn": 1_000_000, "tn": 1_000_000_000_000}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
    "hundredth": 100,
}  # fmt: skip
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip

_WORD_NUMBER_WORDS = (
    set(_UNITS) | set(_TENS) | {"a dozen", "dozen"}
    | {f"{tens}{sep}{unit}" for tens in _TENS for sep in "- " for unit, n in _UNITS.items() if 0 < n < 10}
)  # fmt: skip
_WORD_NUMBER = "(?:" + word_alternation(_WORD_NUMBER_WORDS) + ")"
# Every pattern below opens with a lookahead on the characters its matches can start with:
# re then skips most positions of a window at once instead of trying each branch there.
_SPELLED_FIRST = "".join(sorted({word[0] for word in _WORD_NUMBER_WORDS}))
_SPELLED = rf"{_WORD_NUMBER}(?:[- ](?:hundred|thousand|million|billion)(?:[- ](?:and[- ])?{_WORD_NUMBER})?)*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORD = r"(?:\s?(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|tn|m|k)\b)"
_DURATION_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"

# Not figures: '+44 20 7946 0958', '(202) 555-0143', '10 Downing Street', '10:30', 'F-16', 'COVID-19'.
# Units written onto a number: "96mph", "300km", "5MW".
_UNIT = "mph|kph|km|kg|mm|cm|ft|lbs?|mw|gw|kw|MW|GW|kW"
# "10:30", "10:45 a.m.", "8 p.m.": a point in time, kind date, value "HH:MM" (24-hour).
_CLOCK = re.compile(r"(?=\d)(?:\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s?(?P<ampm>[ap])\.?m\.?(?!\w)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!:))", re.I)
_PHONE = re.compile(r"(?=[\d+(])(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w%])")
_YEAR_RANGE = re.compile(r"(?:1[89]|20)\d\d\s?[-–]\s?(?:1[89]|20)\d\d")
# Numbers that are not figures, each with the telltale it needs.
_BLOCKED = [
    ("phone", _PHONE),
    ("street", re.compile(r"\b\d+[A-Za-z]?(?:\s+[A-Z][\w'’-]*){1,3}\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Drive|Way|Place|Court|Terrace|Square|Highway)\b")),
    ("code", re.compile(rf"\b[A-Za-z]+-\d+\b|\b\d+(?!(?:st|nd|rd|th|bn|mn|tn|m|k|{_UNIT})\b)[A-Za-z]+\d*\b|#\d+")),
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


_PHONE_CONTEXT = re.compile(r"(?:call|phone|tel|telephone|hotline|fax|mobile|whatsapp|contact)\b[^.\n]{0,20}$", re.I)

_QUALIFIERS = (
    "approximately", "about", "around", "nearly", "almost", "roughly", "some", "over", "more than", "less than",
    "fewer than", "at least", "at most", "up to", "an estimated", "as many as",
)  # fmt: skip
_QUALIFIER = "(?:" + "|".join(_QUALIFIERS) + ")"

_VAGUE = re.compile(
    r"(?=[abdhmst])\b(?:(?:hundreds|tens|thousands|millions|billions) of (?:thousands|millions|billions)"
    r"|(?:many|several|a few) (?:dozens?|hundreds|thousands|millions|billions)"
    r"|dozens|scores|hundreds|thousands|millions|billions)\b",
    re.I,
)
_FRACTION = re.compile(
    # "two-thirds" is always a fraction; spelled with a space, only before "of" or punctuation:
    # "a third of the land" is a fraction, "a third runway" an ordinal (left to the ordinal pass).
    rf"(?=[\d{_SPELLED_FIRST}aoh])(?:\b(?P<num>{_WORD_NUMBER}|a|one)(?:-|(?P<space> ))(?P<den>halves|half|thirds?|quarters?|fifths?|tenths?)\b(?! of a)"
    r"(?(space)(?=\s+of\b|\s*[,.;:)]|\s*$))"
    r"|\b(?P<one>one|\d+) in (?P<many>\d+|" + _WORD_NUMBER + r")\b"
    r"|\b(?P<half>half)\b(?= of\b| the\b| a\b| an\b)"
    r"|\b(?P<n>\d+)/(?P<d>\d+)\b)",
    re.I,
)
_ORDINAL = re.compile(
    "(?=[\\d" + "".join(sorted({word[0] for word in _ORDINALS})) + r"])(?:\b(?P<word>" + "|".join(_ORDINALS) + r")(?=[- ]\w)(?![- ](?:of|and|to|in|on)\b)"
    r"|\b(?P<digits>\d+)(?:st|nd|rd|th)\b)",
    re.I,
)
_PERCENT = re.compile(rf"(?=[\d{_SPELLED_FIRST}])(?P<num>{_DIGITS}|{_SPELLED})\s?(?:%|percent\b|per cent\b|percentage points?\b)", re.I)
_DURATION = re.compile(rf"(?=[\d{_SPELLED_FIRST}])\b(?P<num>{_DIGITS}|{_SPELLED}|a|an)\s(?P<unit>{_DURATION_UNITS})\b", re.I)
_NUMBER = re.compile(
    rf"(?=[\d$€£¥UEG])(?P<currency>[$€£¥]|US\$|USD ?|EUR ?|GBP ?)?(?<![\w.,])(?P<num>{_DIGITS}){_SCALE_WORD}?(?:\s?(?:{_UNIT})\b)?"
    rf"(?:\s?[-–]\s?(?P<high>{_DIGITS}){_SCALE_WORD}?)?(?![\w])",
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_SCALE_NEXT = re.compile(r"\s?(?:hundred|thousand|million|billion|bn|m|k)\b")
_SPELLED_NUMBER = re.compile(rf"(?=[{_SPELLED_FIRST}])\b(?P<num>{_SPELLED})\b", re.I)

# "one of the war's major turning points", "no one", "one another": not counts.
_NOT_A_COUNT_AFTER = re.compile(r"^(?:[- ](?:of|another|who|which|that|is|was|and|or|by|to)\b|\s*[,.;:!?)]|$)", re.I)
_NOT_A_COUNT_BEFORE = re.compile(r"\b(?:no|any|some|every|each|this|that|the|which|anyone|someone)\s$", re.I)

# What happened to the counted: verbs mapped to one past form ("killing" -> "killed").
_EVENTS = {
    "killed": "killed", "kill": "killed", "killing": "killed", "kills": "killed",
    "dead": "killed", "died": "died", "die": "died", "dying": "died",
    "injured": "injured", "injuring": "injured", "injure": "injured",
    "wounded": "wounded", "wounding": "wounded", "wound": "wounded",
    "fled": "fled", "flee": "fled", "fleeing": "fled",
    "displaced": "displaced", "displacing": "displaced", "displace": "displaced",
    "captured": "captured", "capturing": "captured", "capture": "captured",
    "arrested": "arrested", "detained": "detained", "evacuated": "evacuated",
    "missing": "missing", "rescued": "rescued", "deployed": "deployed", "deploying": "deployed",
    "suspended": "suspended", "destroyed": "destroyed", "damaged": "damaged",
    "treated": "treated", "hospitalised": "hospitalised", "hospitalized": "hospitalised",
}  # fmt: skip
_EVENT_WORDS = frozenset(_EVENTS.values())
_STOP = frozenset(
    """the a an its their his her our of and or but to in on at by for with from as than
    were was are is be been being have has had will would could should may might that which who
    who's whose while when where this these those it they he she we you there here not
    no also into over under about after before during since until per each between against
    among across within without amid near back ago later earlier""".split()
)
_NOUN_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    value: float | int | str | None
    kind: str


_WORD_SEPARATORS = re.compile(r"[\s-]+")


def _word_value(phrase: str) -> float | None:
    """'twenty-five' -> 25, 'two million' -> 2000000, 'a dozen' -> 12."""
    total, current = 0, 0
    matched = False
    for token in _WORD_SEPARATORS.split(phrase.lower()):
        if token in ("and", "a", ""):
            continue
        if token == "dozen":
            current = (current or 1) * 12
        elif token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0
        else:
            return None
        matched = True
    return total + current if matched else None


_UNIT_AT_END = re.compile(rf"\s?(?:{_UNIT.lower()})$")
_DIGITS_AND_SCALE = re.compile(rf"^({_DIGITS})\s?(hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)?$")


def number_value(text: str) -> float | None:
    """The value of digits or words: '14,000' -> 14000, '1.5 million' -> 1500000, 'four' -> 4."""
    if text.isdigit() and text.isascii():
        return int(text)  # '300': most numbers, no pattern needed
    text = _UNIT_AT_END.sub("", text.strip().lower())
    match = _DIGITS_AND_SCALE.match(text)
    if match:
        number = float(match.group(1).replace(",", ""))
        if match.group(2):
            number *= _SCALES[match.group(2)]
        return int(number) if number.is_integer() else number
    value = _word_value(text)
    return None if value is None else value


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


def _scan_window(text: str, p_start: int, p_end: int, kinds: int, lowered: str) -> list[_Found]:
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def take(start: int, end: int, value, kind: str) -> None:
        if start < end and _free(taken, start, end):
            taken.append((start, end))
            found.append(_Found(start, end, value, kind))

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
    for m in _PERCENT.finditer(text, p_start, p_end) if "percent" in passes else ():
        take(m.start(), m.end(), number_value(m.group("num")), "percent")
    for m in _VAGUE.finditer(text, p_start, p_end) if kinds & VAGUE_WORD else ():
        take(m.start(), m.end(), None, "vague")
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
    for m in _DURATION.finditer(text, p_start, p_end) if "duration" in passes else ():
        num = m.group("num")
        value = 1 if num.lower() in ("a", "an") else number_value(num)
        if num.lower() in ("a", "an"):
            continue  # "a week" is a span of time, not a number the article gives
        take(m.start(), m.end(), value, "duration")
    for m in _NUMBER.finditer(text, p_start, p_end) if digits else ():
        start = m.start() if m.group("currency") else m.start("num")
        num_text = text[m.start("num") : m.end()].split("-")[0].split("–")[0]
        value = number_value(num_text.strip())
        raw = m.group("num").replace(",", "")
        is_year = (
            len(raw) == 4
            and raw[0] in "12"
            and _YEAR.fullmatch(raw) is not None
            and not m.group("currency")
            and not _SCALE_NEXT.match(text, m.end("num"))
            and not _counted_plural(text, m.end(), p_end)
        )
        if is_year and m.group("high") is None:
            take(start, m.end(), int(raw), "year")
        elif value is not None:
            take(start, m.end(), value, "count")
    for m in _SPELLED_NUMBER.finditer(text, p_start, p_end) if kinds & NUMBER_WORD else ():
        word = m.group(0)
        if word.lower() in ("one",) and (
            _NOT_A_COUNT_AFTER.match(text[m.end() : m.end() + 10]) or _NOT_A_COUNT_BEFORE.search(text[max(p_start, m.start() - 10) : m.start()])
        ):
            continue
        if word.lower() == "dozen":
            continue
        take(m.start(), m.end(), _word_value(word), "count")
    return found


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


def _tokens(text: str) -> list[str]:
    return _NOUN_TOKEN.findall(text)


_NOUN_LEAD = re.compile(r"^\s+(?:(?:a|an|per)\s+(?=[a-z])|(?:of\s+)?(?:(?:its|their|the|his|her|our|those|these)\s+)?(?:\d[\d,.]*\s+)?)")


def _noun_after(text: str, end: int, limit: int) -> str | None:
    """'300 rebels', 'dozens of its soldiers', 'Two rebel sources' -> the counted noun phrase."""
    following = text[end : min(limit, end + 60)]
    # "dozens of its soldiers", "45 of the 73 drones", "$74.20 a barrel"
    following = _NOUN_LEAD.sub(" ", following, count=1)
    words: list[str] = []
    for token in following.split(maxsplit=4)[:4]:
        word = token.strip(",.;:!?)”\"’")
        if not _NOUN_TOKEN.fullmatch(word) or word.lower() in _STOP or word.lower() in _EVENTS:
            break
        # A verb after the noun ends the phrase: "One strike caused", "two airstrikes targeting".
        if words and word.lower().endswith(("ed", "ing")) and word[0].islower():
            break
        words.append(word)
        if word != token:
            break  # punctuation ends the phrase
    while words and words[-1].lower().endswith("ly"):
        words.pop()
    return " ".join(words[:3]) or None


# Where the words before a number stop belonging to it: "after a renovation that took two years and cost".
_CLAUSE_START = re.compile(r"^.*(?:[,;:—–(]|\b(?:and|but|that|which|who|while|when|after|because)\b)", re.S | re.I)
_BEFORE_STOP = frozenset("up down below above around by back just only even still".split())


def _words_before(before: str) -> str | None:
    """No noun after the number: the words that lead to it. 'Shares rose 4.5 percent', 'cost $4.2 million'."""
    clause = _CLAUSE_START.sub("", before)
    words = [w for w in _NOUN_TOKEN.findall(clause) if w.lower() not in _STOP and w.lower() not in _BEFORE_STOP]
    return " ".join(words[-2:]) or None


# "a de-escalation agreement in 2020", not "frozen since 2020" or "a war which began in 2011":
# a year names an event only after one of the nouns news uses for agreed or dated events.
_YEAR_OF = re.compile(
    r"(?:\b(?!the\b|a\b|an\b|its\b|their\b)([a-z][\w-]*)\s+)?"
    r"\b(agreement|deal|accord|treaty|ceasefire|truce|election|vote|referendum|offensive|summit|census)\s+in\s*$"
)
_AGE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")


_LETTERS = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"(?=[,abw])(?:,|\band\b|\bbut\b|\bwhile\b)")


def _event(before: str, after: str) -> str | None:
    """What happened to the counted: 'killed approximately 300', '14,000 residents to flee'."""
    # Only the word right before the number: "killed approximately 300", "killing four".
    before_words = next((_LETTERS.findall(token)[-1:] for token in reversed(before.split()) if _LETTERS.search(token)), [])
    for word in before_words:
        if word.lower() in _EVENTS:
            return _EVENTS[word.lower()]
    # After the number, up to the next clause: "four civilians were killed and six injured".
    after = _CLAUSE_END.split(after, maxsplit=1)[0]
    for word in _LETTERS.findall(after)[:6]:
        if word.lower() in _EVENTS:
            return _EVENTS[word.lower()]
    return None


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
            counts = _counts(text, item, sentence, previous_noun)
            if counts and item.kind in ("count", "vague"):
                words = counts.split()
                head = words[0] if words[-1] in _EVENT_WORDS else counts
                previous_noun = (sentence[0], " ".join(w for w in words if w not in _EVENT_WORDS) or head)
            # Interned: "2016", "four", "years" recur in every article of a story; one copy each.
            figures.append(Figure(item.start, item.end, sys.intern(text[item.start : item.end]), item.value, item.kind, sys.intern(counts) if counts else None))
    return tuple(figures)


_QUALIFIER_AT_END = re.compile(rf"\s*\b{_QUALIFIER}\s*$", re.I)
_QUALIFIER_ENDINGS = frozenset(q.split()[-1] for q in _QUALIFIERS)  # "than", "least", "as", ...
_DURATION_UNIT = re.compile(_DURATION_UNITS, re.I)
_AND_AT_END = re.compile(r"\band\s*$")
_INCLUDING_AT_END = re.compile(r"\bincluding\s*$")
_COMMA_NEXT = re.compile(r"\s*,")
# What a number counts is said within a few words of it. Looking no further keeps a
# figure's cost the same in a 300-character sentence and in a 1 MB paragraph with no full stop.
_LOOK_BACK, _LOOK_AHEAD = 100, 120


def _counts(text: str, item: _Found, sentence: tuple[int, int], previous_noun: tuple[int, str] | None) -> str | None:
    if item.kind == "date":
        return None
    if item.kind == "duration":
        unit = _DURATION_UNIT.search(text, item.start, item.end)
        return unit.group(0).lower() if unit else None
    s_start, s_end = sentence
    start = s_start
    if item.start - s_start > _LOOK_BACK:
        start = item.start - _LOOK_BACK
        space = text.find(" ", start, item.start)  # from a word's start, never from its middle
        start = item.start if space == -1 else space + 1
    before = text[start : item.start]
    # "killed approximately 300": the qualifier is in the last 30 characters if anywhere.
    last = before[-16:].rsplit(None, 1)[-1:]
    qualifier = _QUALIFIER_AT_END.search(before, max(0, len(before) - 30)) if last and last[0].lower() in _QUALIFIER_ENDINGS else None
    if qualifier:
        before = before[: qualifier.start()].rstrip() + " "
    after = text[item.end : min(s_end, item.end + _LOOK_AHEAD)]
    noun = _noun_after(text, item.end, s_end)
    if item.kind == "year":
        if noun and noun[0].islower():
            return noun  # "a 2020 de-escalation agreement"
        # "reached a de-escalation agreement in 2020"
        named = _YEAR_OF.search(before) if before.rstrip().endswith(" in") else None
        return " ".join(w for w in named.groups() if w) if named else None
    if item.kind == "percent":
        return noun or _words_before(before)
    if before.rstrip().endswith(",") and _AGE.search(before) and _COMMA_NEXT.match(after):
        return "age"  # "Grace Mensah, 54, a market trader"
    if item.kind == "ordinal":
        return _noun_after(text, item.end + 1, s_end) if text[item.end : item.end + 1] == "-" else noun
    same_sentence = previous_noun is not None and previous_noun[0] == s_start
    # "killing four civilians and wounding six others", "four were killed and six injured":
    # the second number counts the same noun as the first.
    if same_sentence and (noun in ("others", "more") or (noun is None and _AND_AT_END.search(before))):
        noun = previous_noun[1]
    event = _event(before, after)
    if noun is None:
        return event or _words_before(before)
    if event is None and previous_noun and previous_noun[0] == s_start and _INCLUDING_AT_END.search(before):
        # "301 people have been killed ..., including 28 civilians": the same event.
        earlier = [w for w in re.findall(r"[A-Za-z]+", text[s_start : item.start]) if w.lower() in _EVENTS]
        event = _EVENTS[earlier[-1].lower()] if earlier else None
    return f"{noun} {event}" if event else noun
