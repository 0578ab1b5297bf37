"""Numbers that are not figures, and clock times: what figures.py blocks or reads first.

Phone numbers ('+44 20 7946 0958', '(202) 555-0143'), street numbers ('10 Downing Street'),
codes ('F-16', 'COVID-19'), labels ('Highway 35', 'Article 5') and the marks of a list
('1 )', '(2)') are numbers but not figures. A clock time ('10:30', '8 p.m.') is a date.
"""

from __future__ import annotations

import re

from reader.units import UNITS as UNIT_FORMS
from reader.wordlists import word_alternation

# Not figures: '+44 20 7946 0958', '(202) 555-0143', '10 Downing Street', '10:30', 'F-16', 'COVID-19'.
# Units written onto a number are not codes: "96mph", "300km", "512GB", "250p".
_ATTACHED_WORDS = {form for form in UNIT_FORMS if form.isalpha() and form.isascii() and len(form) > 1}
_ATTACHED_UNIT = word_alternation(_ATTACHED_WORDS | {"st", "nd", "rd", "th", "bn", "mn", "tn", "trn", "mln", "bln", "km2", "m2", "m3"})
# A letter alone is a unit in lower case ("100t", "48m", "250p"); "5G" and "4K" stay codes.
_ATTACHED_LETTER = "[gtmpchbBkKlLwWvVMCF]"
# "10:30", "10:45 a.m.", "8 p.m.": a point in time, kind date, value "HH:MM" (24-hour).
_CLOCK = re.compile(r"(?=\d)(?:\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s?(?P<ampm>[ap])\.?m\.?(?!\w)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!:))", re.I)
_PHONE = re.compile(r"(?=[\d+(])(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w%])")
_YEAR_RANGE = re.compile(r"(?:1[89]|20)\d\d\s?[-–]\s?(?:1[89]|20)\d\d")
# Numbers that are not figures, each with the telltale it needs.
_BLOCKED = [
    ("phone", _PHONE),
    ("street", re.compile(r"\b\d+[A-Za-z]?(?:\s+[A-Z][\w'’-]*){1,3}\s+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Drive|Way|Place|Court|Terrace|Square|Highway)\b")),
    ("code", re.compile(rf"\b(?=[\d-]*\d{{5}})\d+(?:-\d+){{2,}}\b|\b[A-Za-z]+\d*-\d+[A-Za-z]*\b|\b\d+(?!(?i:{_ATTACHED_UNIT})\b|{_ATTACHED_LETTER}\b)[A-Za-z]+\d*\b|#\d+")),
]

_PHONE_CONTEXT = re.compile(r"(?:call|phone|tel|telephone|hotline|fax|mobile|whatsapp|contact)\b[^.\n]{0,20}$", re.I)

# "1 )", "(2)": the marks of a list, not quantities
_LIST_MARK = re.compile(r"\s?\)")

# A number after one of these names a road, a flight or a clause, not a quantity.
_LABEL_WORDS = frozenset(
    """highway route interstate exit junction gate flight platform terminal room chapter article section clause
    resolution amendment paragraph page category tier channel bus district ward no. number""".split()
)
_LABEL_ENDINGS = tuple(f"{word} " for word in _LABEL_WORDS)


def _is_list_mark(text: str, start: int, p_start: int) -> bool:
    """'1 ) explains', '(2) forbids': a bracket closes on the number alone, or on none opened before it."""
    if start > p_start and text[start - 1] == "(" or text[max(p_start, start - 2) : start] == "( ":
        return True
    return text.rfind("(", max(p_start, start - 40), start) == -1


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


class Taken(list):
    """The spans a window's figures and blocked numbers took, (start, end) in the order taken.

    A window with thousands of numbers ("5 5 5 ...") made a scan of every span taken so far per
    figure quadratic. Past a few dozen spans, the characters taken are marked in a bytearray (a
    span is free when none of its characters is marked) and where each span ends in another (the
    nearest end before a point is an rfind), brought up to date when asked. Fewer spans, spans
    reaching outside the window and empty queries take the scan, as cheap as marks for so few:
    the same answers either way. A list, so that taking a span is a plain append.
    """

    window = (0, 0)  # the window's start and end, set by its scan
    _cover: bytearray | None = None  # 1 where a character is taken, once marked
    _ends: bytearray  # 1 where a span ends
    _empty: list[int]  # where zero-width spans stand: a span across one is not free
    _count = 0  # how many spans are marked
    _outside = False  # a span reached outside the window: the scan answers from then on

    def _marks(self) -> bytearray | None:
        """The marks, with the spans taken since they were last asked for; None once a span lies outside the window."""
        base, stop = self.window
        size = stop - base
        if self._cover is None:
            self._cover, self._ends, self._empty = bytearray(size), bytearray(size + 1), []
        cover, ends = self._cover, self._ends
        for start, end in self[self._count :]:
            first, last = start - base, end - base
            if first < 0 or last > size or first > last:
                self._outside = True
            elif first == last:
                self._empty.append(start)
                ends[last] = 1
            else:
                cover[first:last] = b"\x01" * (last - first)
                ends[last] = 1
        self._count = len(self)
        return None if self._outside else cover

    def free(self, start: int, end: int) -> bool:
        """No span taken overlaps start..end (a span touching it at an end does not)."""
        if len(self) >= _MARKED_FROM:
            base, stop = self.window
            if base <= start < end <= stop:
                cover = self._marks()
                if cover is not None:
                    if cover.find(1, start - base, end - base) != -1:
                        return False
                    for at in self._empty:  # nearly always none
                        if start < at < end:
                            return False
                    return True
        for a, b in self:
            if start < b and end > a:
                return False
        return True

    def floor(self, start: int, p_start: int) -> int:
        """Where text before start is still free: the last end of a span at or before start, else p_start."""
        if len(self) >= _MARKED_FROM:
            base, stop = self.window
            if base <= start <= stop and self._marks() is not None:
                at = self._ends.rfind(1, 0, start - base + 1)
                return p_start if at == -1 else base + at
        return max((b for a, b in self if b <= start), default=p_start)


_MARKED_FROM = 32  # spans: below, a scan of them all costs less than marking them
