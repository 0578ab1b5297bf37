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

from dataclasses import dataclass

from reader import cleaning, headlines, lines
# The line classes and tests callers use, from where they live.
from reader.headlines import headline_score, is_meta_line
from reader.lines import BAD, BULLET_STARTS, GOOD, NEAR_GOOD, SHORT, classes, classify, is_caption, is_list_item

__all__ = [
    "BAD", "BULLET_STARTS", "GOOD", "NEAR_GOOD", "SHORT", "Region", "best_run", "classes", "classify", "find_region",
    "headline_score", "is_caption", "is_list_item", "is_meta_line",
]


@dataclass(frozen=True, slots=True)
class Region:
    head: int | None  # the headline's paragraph, if one was found
    start: int  # the body's first paragraph
    end: int  # one past its last


def best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run with the largest sum (Kadane), as (start, end)."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, value in enumerate(scores):
        if total <= 0:
            total, start = value, i
        else:
            total += value
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

    def known(i: int) -> str | None | bool:
        """The paragraph's boilerplate_kind when the caller gave them (False: to be worked out)."""
        return False if boilerplate is None else boilerplate[i]

    if GOOD not in kinds and NEAR_GOOD not in kinds:
        head = headlines.find_headline(paragraphs, kinds, min(len(paragraphs), headlines.HEADLINE_WINDOW), lowered, None, boilerplate)
        return Region(head, 0 if head is None else head + 1, len(paragraphs))
    # The scores of best_run, with Kadane's walk done in the same loop (find_region runs on every page).
    good_base, good_per_char, good_cap, score = lines.GOOD_BASE, lines.GOOD_PER_CHAR, lines.GOOD_CAP, lines.score
    best, start, end = float("-inf"), 0, 0
    total, first = 0.0, 0
    for i, kind in enumerate(kinds):
        p = paragraphs[i]
        value = good_base + min(len(p), good_cap) * good_per_char if kind is GOOD else score(kind, p)
        if total <= 0:
            total, first = value, i
        else:
            total += value
        if total > best:
            best, start, end = total, first, i + 1
    # A headline that ends as a quote does ("Coach: “We needed this win”") may open the run: not its body.
    for _ in range(2):
        if (
            start + 1 < end
            and kinds[start] != GOOD
            and not paragraphs[start].endswith(lines.FULL_STOPS)
            and headlines.headline_score(paragraphs[start], known(start), lowered and lowered[start]) is not None
        ):
            start += 1
    head = headlines.find_headline(paragraphs, kinds, start, lowered, end, boilerplate)
    # A short last paragraph ("The council meets again next week."): a sentence right after the run.
    if end < len(paragraphs) and _closes(paragraphs[end], lowered and lowered[end], known(end)):
        end += 1
    # Between the headline and the run: a standfirst, a caption, a dateline ("AMMAN:") read as prose.
    while start > (head + 1 if head is not None else 0) and _leads_in(paragraphs[start - 1], lowered and lowered[start - 1], known(start - 1)):
        start -= 1
    return Region(head, start, end)


def _closes(paragraph: str, lowered: str | None = None, boilerplate: str | None | bool = False) -> bool:
    """lowered, boilerplate: the paragraph lower-cased and its boilerplate_kind, when the caller has them."""
    if not 20 <= len(paragraph) <= 300 or not paragraph.endswith((".", "!", "?", "”", '"')) or paragraph.endswith(lines.TEASER_ENDINGS):
        return False
    if paragraph.count(" ") < 3 or not paragraph[:1].isupper():
        return False  # the cheap tests before the patterns
    if boilerplate is False:
        boilerplate = cleaning.boilerplate_kind(paragraph, lowered)
    return not (boilerplate or headlines.is_meta_line(paragraph) or is_list_item(paragraph) or is_caption(paragraph, lowered))


def _leads_in(paragraph: str, lowered: str | None = None, boilerplate: str | None | bool = False) -> bool:
    """A line just above the body that belongs to it: a sentence of prose or a dateline.

    lowered, boilerplate: the paragraph lower-cased and its boilerplate_kind, when the caller has them.
    """
    n = len(paragraph)
    if n <= 40 and cleaning.find_dateline(paragraph) is not None:
        return True
    if n < 60 or paragraph.count(" ") < 9:
        return False  # too short for prose: the patterns below need not be tried
    if boilerplate is False:
        boilerplate = cleaning.boilerplate_kind(paragraph, lowered)
    if boilerplate or headlines.is_meta_line(paragraph) or is_list_item(paragraph):
        return False
    return lines.density(paragraph if lowered is None else lowered, lowered is not None) >= 0.1
