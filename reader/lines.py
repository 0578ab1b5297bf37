"""One line of a saved page, and what it reads as: prose, or the site around it.

Each line gets a class as jusText gives paragraphs one: good (a long line that
ends as a sentence ends and holds the little words prose is made of, in the
share the page's own prose holds them), near-good, short, or bad (list items
and short links, share buttons, cookie, newsletter and copyright lines, teasers
cut off with "..."). Captions and photo credits are told apart here too.
Only features of the text count: no site or section is named.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader import cleaning

GOOD, NEAR_GOOD, SHORT, BAD = "good", "near-good", "short", "bad"

# Function words of a few languages, space-delimited: prose holds them, menus and labels do not.
_FUNCTION_WORDS = tuple(
    w
    for w in (
        "the a an of and to in is are was were that for on with as by it at from this be has have had not "
        "but or which who their its will would said he she they we i you his her our there been "
        "de la le les et des un une du que en el los las y del por con se es da do dos das em na no "
        "der die das und den ist mit von zu sich nicht ein eine auf dem "
        "yang dan di ini itu dengan untuk dari ke tidak "
        "и в на не что с по как это "
    ).split()
)
FUNCTION_SET = frozenset(_FUNCTION_WORDS)
_BULLET = re.compile(r"^(?:[*+o•·▪►\-–]\s|\d{1,3}[.)]\s|\[\d+\])")
_SENTENCE_END = (".", "!", "?", "\"", "”", "’", "'", ")", "…", "。", "！", "？", ":")
FULL_STOPS = (".", "!", "。", "！", "？")
_PROSE_ENDINGS = (".", "!", "?", "\"", "”", "’", ")")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# "Photo: Jane Doe/Reuters", "Credit...Getty Images", "(AP Photo/Jane Doe)": a picture's caption or credit.
_CAPTION = re.compile(
    r"^(?:\(?(?:photo|image|picture|credit|illustration|video|graphic)s?\b\s*(?:[:|…/]|by\b|credit\b|source\b)"
    r"|.{0,250}\((?:[A-Z]{2,6} )?(?:photo|image|file photo|picture)s?\b[^)]{0,60}\)\s*$"
    r"|.{0,250}\((?:left|right|center|centre|top|bottom|pictured|above|below)\)"
    r"|.{0,250}\b(?:photo )?credits?\s*[:…|]\s*[^.!?]{1,60}$"
    r"|(?:\S+\s+){0,8}?\S*(?:\b(?:getty images|shutterstock|ap photo|afp(?: via getty)?|reuters|epa|istock(?:photo)?)\)?\s*$)"
    r"|(?=(?:\S+\s+){0,7}\S+$).*\b(?:getty images|shutterstock|istock(?:photo)?|ap photo)\b)",
    re.I,
)

TEASER_ENDINGS = ("...", "…", "[…]", "[...]")
NUMBER = re.compile(r"\b\d[\d.,:]*\b")
_DIGIT = re.compile(r"\d")
# Scores of the classes for the maximum-sum run (a good paragraph also counts its length).
_TABLE_ROW = -0.1
_SCORES = {NEAR_GOOD: 0.3, SHORT: -0.5, BAD: -1.6}
GOOD_BASE = 1.0
GOOD_PER_CHAR = 1 / 300
GOOD_CAP = 1500  # characters: one long paragraph must not carry a page of chrome with it


BULLET_STARTS = frozenset("*+o•·▪►-–0123456789[")


def is_list_item(paragraph: str) -> bool:
    return paragraph[:1] in BULLET_STARTS and _BULLET.match(paragraph) is not None


_CAPTION_WORDS = ("(left)", "(right)", "(cent", "(top)", "(bottom)", "(pictured)", "(above)", "(below)", "photo", "image", "picture", "credit", "illustration", "video", "graphic", "getty", "shutterstock", "ap ", "afp", "reuters", "epa", "istock")


def is_caption(paragraph: str, lowered: str | None = None) -> bool:
    """A picture's caption or credit line inside the body."""
    if len(paragraph) > 300:
        return False
    if paragraph.endswith((".", "!", "?", "”", '"')) and "(" not in paragraph and ":" not in paragraph:
        return False  # a sentence, with no credit in brackets or after a colon
    lowered = paragraph.lower() if lowered is None else lowered
    return any(map(lowered.__contains__, _CAPTION_WORDS)) and bool(_CAPTION.match(paragraph))


def density(paragraph: str, lowered: bool = False) -> float:
    """The share of a line's words that are function words (split and looked up in C)."""
    tokens = (paragraph if lowered else paragraph.lower()).split()
    return sum(map(FUNCTION_SET.__contains__, tokens)) / (len(tokens) or 1)


def classify(paragraph: str, threshold: float | Callable[[], float] = 0.1, lowered: str | None = None, boilerplate: str | None | bool = False) -> str:
    """jusText's classes from what can be seen in one line of text.

    threshold: the share of function words that makes a line prose, from the page's own
    prose (0 on a page in a language whose little words are not listed).
    lowered, boilerplate: the line lower-cased and its boilerplate_kind, when the caller has them.
    """
    n = len(paragraph)
    if boilerplate is False:
        boilerplate = cleaning.boilerplate_kind(paragraph, lowered) if n <= cleaning._LONGEST_BOILERPLATE else None
    if boilerplate:
        return BAD
    if n >= 150 and paragraph.endswith(_PROSE_ENDINGS) and paragraph.count(" ") * 9 > n:
        return GOOD  # a long line of words ending as a sentence ends: prose (the common case, decided at once)
    if n < 15:
        return BAD if n < 3 or is_list_item(paragraph) else SHORT
    if is_list_item(paragraph) and n < 120:
        return BAD
    if n < 400 and paragraph.endswith(TEASER_ENDINGS):
        return SHORT  # "... the AirPods Pro features Active Noise Cancellat...": an excerpt of another page
    ended = paragraph.endswith(_SENTENCE_END)
    if not ended and n < 200:
        return SHORT  # what every branch below makes of it: decided before counting anything
    if CJK.search(paragraph[:200]) is not None:  # no spaces to count words by: length and full stops only
        if n >= 60 and ended or n >= 200:
            return GOOD
        return NEAR_GOOD if ended and n >= 25 else SHORT
    if n > 2000:
        return GOOD
    if callable(threshold):
        # The page's threshold (0.4 times a share) is never above 0.4: a line with that share of
        # little words is prose whatever the page's, and the page's need not be worked out.
        share = density(lowered if lowered is not None else paragraph, lowered is not None)
        if share >= 0.4:
            prose = True
        else:
            threshold = threshold()
            prose = share >= threshold if threshold else True
    else:
        prose = density(lowered if lowered is not None else paragraph, lowered is not None) >= threshold if threshold else True
    if ended and n >= 150 or ended and n >= 70 and prose or n >= 300 and prose:
        return GOOD if prose else NEAR_GOOD
    if ended and n >= 30 and prose:
        return NEAR_GOOD
    return SHORT


def score(kind: str, paragraph: str) -> float:
    if kind == GOOD:
        return GOOD_BASE + min(len(paragraph), GOOD_CAP) * GOOD_PER_CHAR
    # NUMBER opens with \b (tried at every character): a line without a digit is not searched.
    if kind == SHORT and _DIGIT.search(paragraph) is not None and len(NUMBER.findall(paragraph)) >= 3:
        return _TABLE_ROW  # a row of a table: "3 Kevin Harvick 5033 4 6 15 26"
    return _SCORES[kind]


def classes(paragraphs: list[str], lowered: list[str] | None = None, boilerplate: list[str | None] | None = None) -> list[str]:
    found: list[float] = []

    def threshold() -> float:
        """The page's own share of function words, worked out the first time a line needs it."""
        if not found:
            long_lines = [i for i in range(min(len(paragraphs), 400)) if len(paragraphs[i]) > 80][:12]
            sample = " ".join((lowered or paragraphs)[i] for i in long_lines)[:2000]
            baseline = density(sample, lowered is not None) if sample else 0.3
            # A page in a language whose little words are not listed: their share says nothing.
            found.append(0.4 * baseline if baseline >= 0.05 else 0.0)
        return found[0]

    if lowered is None or boilerplate is None:
        return [classify(p, threshold) for p in paragraphs]
    # Most lines of an article are long sentences: classed here at once, the rest one by one.
    kinds = [
        GOOD if kind is None and len(p) >= 150 and p.endswith(_PROSE_ENDINGS) and p.count(" ") * 9 > len(p) else ""
        for p, kind in zip(paragraphs, boilerplate)
    ]
    for i, kind in enumerate(kinds):
        if not kind:
            kinds[i] = classify(paragraphs[i], threshold, lowered[i], boilerplate[i])
    return kinds
