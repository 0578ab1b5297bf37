"""Where the article is in a saved page: its body region and its headline.

A page saved as text is the article with the site around it: menus, link
lists, share buttons and footers before and after, and now and then a comment
thread. The article itself is a run of paragraphs of sentences: long lines that
end with a full stop and hold the little words (the, of, and...) prose is made
of. Navigation is short lines, list items, words without verbs. Each paragraph
is given a class as jusText does (good, near-good, short, bad), and the body is
the contiguous run with the most prose in it net of the chrome inside it (the
main-block idea of readability, found as a maximum-sum run). The headline is a
short line near the start of that run that reads as a headline: a few words,
not a sentence, not a link or a label, and often repeated elsewhere on the page
(in the title bar, a breadcrumb, "34 responses to ...").

Only features of the text count: no site, section or phrase is named here
beyond the boilerplate families of cleaning.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

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
_FUNCTION_SET = frozenset(_FUNCTION_WORDS)
_BULLET = re.compile(r"^(?:[*+o•·▪►\-–]\s|\d{1,3}[.)]\s|\[\d+\])")
_SENTENCE_END = (".", "!", "?", "\"", "”", "’", "'", ")", "…", "。", "！", "？", ":")
_FULL_STOPS = (".", "!", "。", "！", "？")
_PROSE_ENDINGS = (".", "!", "?", "\"", "”", "’", ")")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
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

# Scores of the classes for the maximum-sum run (a good paragraph also counts its length).
_TEASER_ENDINGS = ("...", "…", "[…]", "[...]")
_NUMBER = re.compile(r"\b\d[\d.,:]*\b")
_TABLE_ROW = -0.1
_SCORES = {NEAR_GOOD: 0.3, SHORT: -0.5, BAD: -1.6}
_GOOD_BASE = 1.0
_GOOD_PER_CHAR = 1 / 300
_GOOD_CAP = 1500  # characters: one long paragraph must not carry a page of chrome with it
HEADLINE_WINDOW = 30
_DEBUG = False  # paragraphs before the body that may hold the headline


@dataclass(frozen=True, slots=True)
class Region:
    head: int | None  # the headline's paragraph, if one was found
    start: int  # the body's first paragraph
    end: int  # one past its last


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


def _density(paragraph: str, lowered: bool = False) -> float:
    """The share of a line's words that are function words (split and looked up in C)."""
    tokens = (paragraph if lowered else paragraph.lower()).split()
    return sum(map(_FUNCTION_SET.__contains__, tokens)) / (len(tokens) or 1)


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
    if n < 400 and paragraph.endswith(_TEASER_ENDINGS):
        return SHORT  # "... the AirPods Pro features Active Noise Cancellat...": an excerpt of another page
    ended = paragraph.endswith(_SENTENCE_END)
    if not ended and n < 200:
        return SHORT  # what every branch below makes of it: decided before counting anything
    if _CJK.search(paragraph[:200]) is not None:  # no spaces to count words by: length and full stops only
        if n >= 60 and ended or n >= 200:
            return GOOD
        return NEAR_GOOD if ended and n >= 25 else SHORT
    if n > 2000:
        return GOOD
    if callable(threshold):
        threshold = threshold()
    prose = _density(lowered if lowered is not None else paragraph, lowered is not None) >= threshold if threshold else True
    if ended and n >= 150 or ended and n >= 70 and prose or n >= 300 and prose:
        return GOOD if prose else NEAR_GOOD
    if ended and n >= 30 and prose:
        return NEAR_GOOD
    return SHORT


def _score(kind: str, paragraph: str) -> float:
    if kind == GOOD:
        return _GOOD_BASE + min(len(paragraph), _GOOD_CAP) * _GOOD_PER_CHAR
    if kind == SHORT and len(_NUMBER.findall(paragraph)) >= 3:
        return _TABLE_ROW  # a row of a table: "3 Kevin Harvick 5033 4 6 15 26"
    return _SCORES[kind]


def classes(paragraphs: list[str], lowered: list[str] | None = None, boilerplate: list[str | None] | None = None) -> list[str]:
    found: list[float] = []

    def threshold() -> float:
        """The page's own share of function words, worked out the first time a line needs it."""
        if not found:
            long_lines = [i for i in range(min(len(paragraphs), 400)) if len(paragraphs[i]) > 80][:12]
            sample = " ".join((lowered or paragraphs)[i] for i in long_lines)[:2000]
            baseline = _density(sample, lowered is not None) if sample else 0.3
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


def best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run with the largest sum (Kadane), as (start, end)."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def find_region(paragraphs: list[str], lowered: list[str] | None = None, boilerplate: list[str | None] | None = None) -> Region:
    """The body's run of paragraphs and its headline. The whole page when nothing reads as prose.

    lowered, boilerplate: each paragraph lower-cased and its boilerplate_kind, when the caller has them.
    """
    if not paragraphs:
        return Region(None, 0, 0)
    kinds = classes(paragraphs, lowered, boilerplate)
    if GOOD not in kinds and NEAR_GOOD not in kinds:
        head = _headline(paragraphs, kinds, min(len(paragraphs), HEADLINE_WINDOW), lowered, None, boilerplate)
        return Region(head, 0 if head is None else head + 1, len(paragraphs))
    start, end = best_run(
        [
            _GOOD_BASE + min(len(p), _GOOD_CAP) * _GOOD_PER_CHAR if k is GOOD else _score(k, p)
            for k, p in zip(kinds, paragraphs)
        ]
    )
    # A headline that ends as a quote does ("Coach: “We needed this win”") may open the run: not its body.
    for _ in range(2):
        if (
            start + 1 < end
            and kinds[start] != GOOD
            and not paragraphs[start].endswith(_FULL_STOPS)
            and headline_score(paragraphs[start]) is not None
        ):
            start += 1
    head = _headline(paragraphs, kinds, start, lowered, end, boilerplate)
    # A short last paragraph ("The council meets again next week."): a sentence right after the run.
    if end < len(paragraphs) and _closes(paragraphs[end]):
        end += 1
    # Between the headline and the run: a standfirst, a caption, a dateline ("AMMAN:") read as prose.
    while start > (head + 1 if head is not None else 0) and _leads_in(paragraphs[start - 1]):
        start -= 1
    return Region(head, start, end)


def _closes(paragraph: str) -> bool:
    if not 20 <= len(paragraph) <= 300 or not paragraph.endswith((".", "!", "?", "”", '"')) or paragraph.endswith(_TEASER_ENDINGS):
        return False
    if is_meta_line(paragraph) or is_list_item(paragraph) or is_caption(paragraph) or cleaning.boilerplate_kind(paragraph):
        return False
    return paragraph.count(" ") >= 3 and paragraph[:1].isupper()


_CREDIT = re.compile(
    r"\b(?:associated press|getty images|getty|reuters|afp|ap photo|epa|shutterstock|istock|bloomberg|photo|photograph)\b", re.I
)


def _is_credit(paragraph: str) -> bool:
    """"Al Goldis, Associated Press": a photographer and an agency, not a byline ("By ...")."""
    return len(paragraph) <= 60 and paragraph.count(" ") <= 6 and not paragraph[:3].lower() == "by " and bool(_CREDIT.search(paragraph))


def _leads_in(paragraph: str) -> bool:
    """A line just above the body that belongs to it: a sentence of prose or a dateline."""
    if cleaning.find_dateline(paragraph) is not None and len(paragraph) <= 40:
        return True
    if is_meta_line(paragraph) or is_list_item(paragraph) or cleaning.boilerplate_kind(paragraph):
        return False
    return len(paragraph) >= 60 and paragraph.count(" ") >= 9 and _density(paragraph) >= 0.1


def _norm(paragraph: str) -> str:
    return " ".join(cleaning.words(paragraph.lower()))


_CONTENT_WORD = re.compile(r"[^\W_]{3,}")


def _content_words(text: str) -> set[str]:
    return set(_CONTENT_WORD.findall(text.lower())).difference(_FUNCTION_SET)


def _headline(
    paragraphs: list[str],
    kinds: list[str],
    start: int,
    lowered_all: list[str] | None = None,
    end: int | None = None,
    boilerplate: list[str | None] | None = None,
) -> int | None:
    """The line before the body that reads most as its headline.

    A headline names what the body is about (its words come back in the first paragraphs),
    stands close above it with a byline or a date near it, and is often repeated on the
    page. Bylines, dates, captions and labels cannot be one; the headlines of other stories
    come in lists of their like, and their words are not the body's.
    """
    # Thirty lines up, not counting link lines and buttons (a share bar can be forty lines long).
    low, counted = start, 0
    while low > 0 and counted < HEADLINE_WINDOW and start - low < 4 * HEADLINE_WINDOW:
        low -= 1
        counted += kinds[low] != BAD
    best: tuple[float, int] | None = None
    joined: str | None = None  # the page lower-cased, to count a word's occurrences at once
    body_end = start if end is None else end
    scores: dict[int, float | None] = {}

    normed: dict[int, str] = {}

    def norm(j: int) -> str:
        if j not in normed:
            normed[j] = _norm(paragraphs[j])
        return normed[j]

    metas: dict[int, bool] = {}

    def meta(j: int) -> bool:
        if j not in metas:
            metas[j] = is_meta_line(paragraphs[j])
        return metas[j]

    def strong(i: int) -> bool:
        """A line that could be a headline itself."""
        score = base(i)
        return score is not None and score >= 1.0

    def base(i: int) -> float | None:
        if i not in scores:
            # A long line of prose is never one: no need to weigh it.
            prose = 0 <= i < len(paragraphs) and kinds[i] == GOOD and len(paragraphs[i]) > 150
            known = boilerplate[i] if boilerplate is not None and 0 <= i < len(paragraphs) else False
            scores[i] = headline_score(paragraphs[i], known) if 0 <= i < len(paragraphs) and not prose else None
        return scores[i]

    candidates = [i for i in range(low, start) if base(i) is not None]
    if len(candidates) == 1:
        return candidates[0]  # a clean article: its first line, and nothing to weigh it against
    if not candidates and start < len(paragraphs) and base(start) is not None:
        return start  # the body's first paragraph only when nothing above it will do: it would be its own lede
    # The body's first paragraphs, lower-cased: a headline's words are looked for in them (as
    # substrings: "rebel" finds "rebels").
    lede = " ".join((lowered_all or paragraphs)[start : start + 4])[:2500].lower()
    for i in candidates:
        score = base(i)
        assert score is not None
        # Distance counted in lines that are not links or buttons: share bars and menus between
        # a headline and its body do not move them apart.
        score -= 0.08 * sum(1 for j in range(i + 1, start) if kinds[j] != BAD) + 0.01 * (start - i)
        if kinds[i] == GOOD:
            score -= 1.0  # prose: a caption or a standfirst more than a headline
        if paragraphs[i].endswith(")") and "(" in paragraphs[i][-40:]:
            score -= 1.0  # "... campaign. (onmeth.com)": a caption and its credit
        own = _content_words(paragraphs[i])
        if own and lede:
            score += 2.5 * sum(map(lede.__contains__, own)) / max(len(own), 4)  # a word or two in common is not enough
        if any(meta(j) for j in range(i + 1, min(len(paragraphs), i + 5))):
            score += 1.0  # "By Jane Doe", "Published 19 November 2019": under a story's headline
        elif any(meta(j) for j in range(max(0, i - 2), i)):
            score += 0.5  # or over it
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if kinds[i + 1 if following else i] in (GOOD, NEAR_GOOD) and len(following) > 1.3 * len(paragraphs[i]) and following.endswith(_FULL_STOPS):
            score += 0.7  # a headline over its standfirst
        if i + 1 < len(paragraphs) and _is_credit(paragraphs[i + 1]):
            score -= 1.5  # a caption over its photographer's credit ("Jane Doe, Associated Press")
        # Headline-like lines in a row: three or more are a list of other stories; of two, the
        # second is the standfirst under the first.
        first = i
        while first - 1 >= max(0, i - 5) and strong(first - 1):
            first -= 1
        last = i
        while last + 1 < min(start, i + 5) and strong(last + 1):
            last += 1
        run = [paragraphs[j] for j in range(first, last + 1)]
        distinct = len(set(run))  # a headline printed twice is still one headline
        if distinct >= 3:
            score -= 1.0
        elif distinct == 2 and paragraphs[i] != run[0]:
            score -= 1.2
        key = _norm(paragraphs[i])
        if len(key) >= 12:
            # Repeated on the page (title bar, breadcrumb, share text, "responses to ..."): the page's own title.
            longest = 3 * len(paragraphs[i]) + 60
            probe = max(key.split(), key=len)  # its longest word, looked for before any line is normalised
            lowered = lowered_all or [p.lower() for p in paragraphs]
            lowered_all = lowered
            # The same short line twice is a share bar or a name, and a line repeated a few lines
            # on is a playlist's; a headline comes back inside a longer line ("Headline | Site",
            # "34 responses to Headline"), far off, or printed twice in a row.
            identical_counts = key.count(" ") >= 5
            if joined is None:  # the page outside the body: title bar, breadcrumbs, share text, comments
                joined = "\n".join(lowered[:start] + lowered[body_end:])
            if joined.count(probe) >= 2 and any(
                j != i
                and len(paragraphs[j]) <= longest
                and probe in lowered[j]
                and key in norm(j)
                and (norm(j) != key or identical_counts and abs(j - i) == 1)
                for j in chain(range(start), range(body_end, len(paragraphs)))
            ):
                score += 1.0
        if _DEBUG:
            print(f"{score:5.2f} {i} {paragraphs[i][:70]}")
        if best is None or score > best[0]:
            best = (score, i)
    return None if best is None else best[1]


_DIGIT = re.compile(r"\d")


def _has_date(paragraph: str) -> bool:
    """A time, a date or "3 hours ago" in the line: every one of them has a digit."""
    return _DIGIT.search(paragraph) is not None and _TIME_OR_DATE.search(paragraph) is not None


_META_START = re.compile(r"^(?:by|posted|published|updated|written by|last updated|von|por|par|oleh)\b", re.I)


def is_meta_line(paragraph: str) -> bool:
    """A byline or a date line: what stands under (or over) a story's headline."""
    if len(paragraph) > 160:
        return False
    return bool(_META_START.match(paragraph)) or len(paragraph) <= 80 and _has_date(paragraph)


_TIME_OR_DATE = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}\b"
    r"|\b\d+ (?:min|mins|minutes|hours?|days?) ago\b|\b\d+ of \d+\b",
    re.I,
)
# "Filed to: Weird medicine", "Tested by: ...": a label and its value, not a headline.
_LABEL = re.compile(r"^[\w ]{1,20}:\s*(?:\S+\s*){0,3}$")
_SENTENCE_BREAK = re.compile(r"[a-z\u00e0-\u00ff][.!?][\"”’]? [A-Z\"“‘]")
_BYLINE = re.compile(r"\b(?:by|staff|reports?|writer|correspondent|editor|press|photo|photograph|image|credit|associated)\b", re.I)


def headline_score(paragraph: str, boilerplate: str | None | bool = False) -> float | None:
    """How much a line reads as a headline, or None when it cannot be one.

    boilerplate: the line's boilerplate_kind, when the caller has it. The cheap tests come first.
    """
    n = len(paragraph)
    if n < 6 or n > 250 or boilerplate:
        return None
    if paragraph.endswith((":", ",", ";", "|", "»", "›", ">", "/")) or paragraph.endswith(_TEASER_ENDINGS):
        return None
    if paragraph.startswith(("— ", "– ", "- ", "—", "~")):
        return None  # "— Jane Doe, on Monday": the attribution under a quotation
    lowered = paragraph.lower()
    if lowered.startswith(("by ", "posted ", "published ", "updated ", "written by", "last updated", "filed ")):
        return None
    if _CJK.search(paragraph) is not None:
        count = max(len(cleaning.words(paragraph)), n // 3)  # about three characters a word, for scoring
    else:
        count = len(paragraph.split())  # paragraphs hold single spaces: the words and a stray "|"
    if n < 10 and count < 3 or count < 2 or count > 30:
        return None
    if is_list_item(paragraph) or _has_date(paragraph) or _LABEL.match(paragraph) or cleaning.is_header_chrome(paragraph):
        return None
    if boilerplate is False and cleaning.boilerplate_kind(paragraph, lowered) or is_caption(paragraph, lowered):
        return None
    if len(_NUMBER.findall(paragraph)) >= 3 and count <= 10:
        return None  # a row of a table of results
    score = 1.0
    if 4 <= count <= 20:
        score += 1.0
    elif 20 < count <= 26:
        score += 0.5
    elif count < 4:
        score -= 1.0
    if paragraph.rstrip("\"”’'").endswith(_FULL_STOPS):
        score -= 1.0  # a sentence more than a headline, "even one in quotes."
    if lowered.rsplit(None, 1)[-1] in _FUNCTION_SET:
        score -= 1.0  # "You are signed in as": cut off, or a label, not a headline
    if _SENTENCE_BREAK.search(paragraph):
        score -= 1.0  # two sentences: a standfirst or a caption
    if count <= 6 and _BYLINE.search(paragraph):
        score -= 1.5  # "Al Goldis, Associated Press", "Staff Reports"
    if paragraph.isupper():
        score -= 1.0  # "CLICK FOR FULL RESULTS": a button or a section
    if paragraph == lowered and paragraph != paragraph.upper():
        score -= 1.5  # "biology cell biology immunology": tags or a link, never a headline in a cased script
    elif not paragraph[:1].isupper() and not paragraph[:1].isdigit() and paragraph[:1] not in "“\"‘'[¿¡":
        score -= 0.7
    return score
