"""Numbers as news writes them: digits with separators, words, and both mixed.

"14,000", "1.5", "twenty-five", "two million", "1.5 million", "a dozen", "two dozen",
"$3bn", "12,34,567" (lakh grouping), "10 1/2", "½".
"""

from __future__ import annotations

import re

from reader.wordlists import word_alternation

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
          "mn": 1_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "b": 1_000_000_000, "lakh": 100_000, "lakhs": 100_000,
          "crore": 10_000_000, "crores": 10_000_000, "dozen": 12, "mln": 1_000_000, "bln": 1_000_000_000}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
    "hundredth": 100,
}  # fmt: skip
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}

WORD_NUMBER_WORDS = (
    set(UNITS) | set(TENS) | {"a dozen", "dozen"}
    | {f"{tens}{sep}{unit}" for tens in TENS for sep in "- " for unit, n in UNITS.items() if 0 < n < 10}
)  # fmt: skip
WORD_NUMBER = "(?:" + word_alternation(WORD_NUMBER_WORDS) + ")"
SPELLED_FIRST = "".join(sorted({word[0] for word in WORD_NUMBER_WORDS}))
# "two million", "three hundred and twelve", "two dozen", "five hundred thousand"
SPELLED = rf"{WORD_NUMBER}(?:[- ](?:hundred|thousand|million|billion|trillion|dozen)(?:[- ](?:and[- ])?{WORD_NUMBER})?)*"
# "14,000", "12,34,567.89" (Indian grouping), "1.5", "0.9"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"

# A scale after digits: "1.5 million", "$3bn", "£2.4m", "25 lakh". Letters attached only.
SCALE_AFTER = re.compile(r"(?:\s?(?P<word>hundred|thousand|million|billion|trillion|lakhs?|crores?|dozen)|(?P<short>bn|mn|tn|trn|mln|bln|m|k|b))(?![a-z0-9])")
# "half a million", "a quarter million", "three quarters billion"
PART_OF_SCALE = re.compile(r"(?P<part>half|(?:a |one )?quarter|three[- ]quarters?)(?: a| of a)? (?P<scale>million|billion|trillion|thousand)\b")
_PARTS = {"half": 0.5, "quarter": 0.25, "three quarters": 0.75, "three quarter": 0.75}

_WORD_SEPARATORS = re.compile(r"[\s-]+")


def word_value(phrase: str) -> float | None:
    """'twenty-five' -> 25, 'two million' -> 2000000, 'a dozen' -> 12, 'two dozen' -> 24."""
    total, current = 0, 0
    matched = False
    lowered = phrase.lower()
    for token in (lowered,) if lowered.isalpha() else _WORD_SEPARATORS.split(lowered):  # one word: nothing to split
        if token in ("and", "a", ""):
            continue
        if token == "dozen":
            current = (current or 1) * 12
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
        matched = True
    return total + current if matched else None


def part_value(match: re.Match[str]) -> int:
    part = " ".join(match.group("part").replace("-", " ").split()).removeprefix("a ").removeprefix("one ")
    return int(_PARTS[part] * SCALES[match.group("scale")])


_DIGITS_AND_SCALE = re.compile(rf"^({DIGITS})\s?(hundred|thousand|million|billion|trillion|bn|mn|tn|m|k|lakhs?|crores?)?$")


def number_value(text: str) -> float | None:
    """The value of digits or words: '14,000' -> 14000, '1.5 million' -> 1500000, 'four' -> 4."""
    if text.isdigit() and text.isascii():
        return int(text)  # '300': most numbers, no pattern needed
    text = text.strip().lower()
    match = _DIGITS_AND_SCALE.match(text)
    if match:
        return scaled(match.group(1), match.group(2))
    return word_value(text)


def scaled(digits: str, scale: str | None) -> float | int:
    number = float(digits.replace(",", ""))
    if scale:
        number *= SCALES[scale]
    return int(number) if number.is_integer() else round(number, 6)
