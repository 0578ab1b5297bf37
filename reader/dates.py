"""Calendar dates as news sites write them: "November 29, 2024", "29 Nov 2024", "2024-11-29"."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Longest names first so "Sept" is not read as "Sep" + "t".
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Each pattern names its groups day, month and year; month may be a name or digits.
DATE_PATTERNS = [
    # "November 29, 2024", "Nov. 29 2024", "November 29"
    rf"\b(?P<month>{MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
    # "29 November 2024", "29th Nov 2024", "29 November"
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
    # "2024-11-29"
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
    # "April 2023": a month of a year, value "2023-04"
    rf"\b(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)\b(?P<day>)",
]
DATE_REGEXES = [re.compile(p, re.I) for p in DATE_PATTERNS]


def date_value(match_text: str) -> str | None:
    """The ISO form of a written date ("2024-11-29", or "--11-29" without a year)."""
    for pattern in DATE_REGEXES:
        m = pattern.fullmatch(match_text.strip())
        if not m:
            continue
        month_text = m.group("month").rstrip(".").lower()
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text)
        if not m.group("day"):
            return f"{m.group('year')}-{month:02d}" if month else None
        day = int(m.group("day"))
        if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        year = m.group("year")
        return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return None


def find_date(text: str) -> str | None:
    """The first date in text, in ISO form, or None."""
    for pattern in DATE_REGEXES:
        for m in pattern.finditer(text):
            value = date_value(m.group(0))
            if value is not None:
                return value
    return None
