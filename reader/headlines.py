"""The headline of a saved page: the line above its body that reads most as one.

A headline names what the body is about (its words come back in the first
paragraphs), stands close above it with a byline or a date under it, and is
often repeated on the page (a title bar, "34 responses to ..."). Bylines,
dates, captions, labels, tags and table rows cannot be one; the headlines of
other stories come in lists of their like, and a standfirst sits under the
headline it belongs to. Only features of the text count.
"""

from __future__ import annotations

import re
from itertools import chain

from reader import cleaning, lines

HEADLINE_WINDOW = 30  # lines above the body, not counting links and buttons, that may hold the headline


_CREDIT = re.compile(
    r"\b(?:associated press|getty images|getty|reuters|afp|ap photo|epa|shutterstock|istock|bloomberg|photo|photograph)\b", re.I
)


def _is_credit(paragraph: str) -> bool:
    """"Al Goldis, Associated Press": a photographer and an agency, not a byline ("By ...")."""
    return len(paragraph) <= 60 and paragraph.count(" ") <= 6 and not paragraph[:3].lower() == "by " and bool(_CREDIT.search(paragraph))


def _norm(paragraph: str, lowered: str | None = None) -> str:
    return " ".join(cleaning.words(paragraph.lower() if lowered is None else lowered))


_CONTENT_WORD = re.compile(r"[^\W_]{3,}")


def _content_words(text: str, lowered: str | None = None) -> set[str]:
    return set(_CONTENT_WORD.findall(text.lower() if lowered is None else lowered)).difference(lines.FUNCTION_SET)


def find_headline(
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
        counted += kinds[low] != lines.BAD
    best: tuple[float, int] | None = None
    joined: str | None = None  # the page lower-cased, to count a word's occurrences at once
    body_end = start if end is None else end
    scores: dict[int, float | None] = {}

    normed: dict[int, str] = {}

    def norm(j: int) -> str:
        if j not in normed:
            normed[j] = _norm(paragraphs[j], lowered_all[j] if lowered_all else None)
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
            prose = 0 <= i < len(paragraphs) and kinds[i] == lines.GOOD and len(paragraphs[i]) > 150
            known = boilerplate[i] if boilerplate is not None and 0 <= i < len(paragraphs) else False
            scores[i] = (
                headline_score(paragraphs[i], known, lowered_all[i] if lowered_all else None) if 0 <= i < len(paragraphs) and not prose else None
            )
        return scores[i]

    candidates = [i for i in range(low, start) if base(i) is not None]
    if len(candidates) == 1:
        return candidates[0]  # a clean article: its first line, and nothing to weigh it against
    if not candidates and start < len(paragraphs) and base(start) is not None:
        return start  # the body's first paragraph only when nothing above it will do: it would be its own lede
    # The body's first paragraphs, lower-cased: a headline's words are looked for in them (as
    # substrings: "rebel" finds "rebels").
    lede = " ".join(lowered_all[start : start + 4])[:2500] if lowered_all else " ".join(paragraphs[start : start + 4])[:2500].lower()
    for i in candidates:
        score = base(i)
        assert score is not None
        # Distance counted in lines that are not links or buttons: share bars and menus between
        # a headline and its body do not move them apart.
        score -= 0.08 * (start - i - 1 - kinds[i + 1 : start].count(lines.BAD)) + 0.01 * (start - i)
        if kinds[i] == lines.GOOD:
            score -= 1.0  # prose: a caption or a standfirst more than a headline
        if paragraphs[i].endswith(")") and "(" in paragraphs[i][-40:]:
            score -= 1.0  # "... campaign. (onmeth.com)": a caption and its credit
        own = _content_words(paragraphs[i], lowered_all[i] if lowered_all else None)
        if own and lede:
            score += 2.5 * sum(map(lede.__contains__, own)) / max(len(own), 4)  # a word or two in common is not enough
        # Plain loops: any() over a generator costs more than the few lines it looks at.
        for j in range(i + 1, min(len(paragraphs), i + 5)):
            if meta(j):
                score += 1.0  # "By Jane Doe", "Published 19 November 2019": under a story's headline
                break
        else:
            for j in range(max(0, i - 2), i):
                if meta(j):
                    score += 0.5  # or over it
                    break
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
        if kinds[i + 1 if following else i] in (lines.GOOD, lines.NEAR_GOOD) and len(following) > 1.3 * len(paragraphs[i]) and following.endswith(lines.FULL_STOPS):
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
        key = norm(i)
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
        if best is None or score > best[0]:
            best = (score, i)
    return None if best is None else best[1]


_DIGIT = re.compile(r"\d")


def _has_date(paragraph: str) -> bool:
    """A time, a date or "3 hours ago" in the line: every one of them has a digit."""
    digit = _DIGIT.search(paragraph)
    if digit is None:
        return False
    # _TIME_OR_DATE opens with \b, so re tries it at every character: it is tried from the word
    # before the first digit on. A match holds a digit and opens at one, or at the month name
    # just before one ("Nov. 19"): never before the space ahead of the first digit's word.
    k = digit.start()
    return _TIME_OR_DATE.search(paragraph, paragraph.rfind(" ", 0, max(k - 1, 0)) + 1) is not None


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


# headline_score of lines already weighed: a site's chrome, section names and a story's title
# come back page after page (its patterns cost ~70k instructions a line). Cleared when full.
_SCORED: dict[str, float | None] = {}
_SCORED_MAX = 4096
_UNSCORED = object()


def headline_score(paragraph: str, boilerplate: str | None | bool = False, lowered: str | None = None) -> float | None:
    """How much a line reads as a headline, or None when it cannot be one.

    boilerplate, lowered: the line's boilerplate_kind and the line lower-cased, when the caller
    has them. The cheap tests come first.
    """
    n = len(paragraph)
    if n < 6 or n > 250 or boilerplate:
        return None
    # The score is a function of the line alone (a boilerplate line scores None either way).
    score = _SCORED.get(paragraph, _UNSCORED)
    if score is _UNSCORED:
        if len(_SCORED) >= _SCORED_MAX:
            _SCORED.clear()
        score = _SCORED[paragraph] = _headline_score(paragraph, boilerplate, lowered)
    return score  # type: ignore[return-value]


def _headline_score(paragraph: str, boilerplate: str | None | bool, lowered: str | None) -> float | None:
    n = len(paragraph)
    if paragraph.endswith((":", ",", ";", "|", "»", "›", ">", "/")) or paragraph.endswith(lines.TEASER_ENDINGS):
        return None
    if paragraph.startswith(("— ", "– ", "- ", "—", "~")):
        return None  # "— Jane Doe, on Monday": the attribution under a quotation
    if lowered is None:
        lowered = paragraph.lower()
    if lowered.startswith(("by ", "posted ", "published ", "updated ", "written by", "last updated", "filed ")):
        return None
    if not paragraph.isascii() and lines.CJK.search(paragraph) is not None:  # isascii: O(1), most lines
        count = max(len(cleaning.words(paragraph)), n // 3)  # about three characters a word, for scoring
    else:
        count = len(paragraph.split())  # paragraphs hold single spaces: the words and a stray "|"
    if n < 10 and count < 3 or count < 2 or count > 30:
        return None
    if lines.is_list_item(paragraph) or _has_date(paragraph) or _LABEL.match(paragraph) or cleaning.is_header_chrome(paragraph):
        return None
    if boilerplate is False and cleaning.boilerplate_kind(paragraph, lowered) or lines.is_caption(paragraph, lowered):
        return None
    if count <= 10 and _DIGIT.search(paragraph) is not None and len(lines.NUMBER.findall(paragraph)) >= 3:
        return None  # a row of a table of results
    score = 1.0
    if 4 <= count <= 20:
        score += 1.0
    elif 20 < count <= 26:
        score += 0.5
    elif count < 4:
        score -= 1.0
    if paragraph.rstrip("\"”’'").endswith(lines.FULL_STOPS):
        score -= 1.0  # a sentence more than a headline, "even one in quotes."
    if lowered.rsplit(None, 1)[-1] in lines.FUNCTION_SET:
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
