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
    if GOOD not in kinds and NEAR_GOOD not in kinds:
        head = headlines.find_headline(paragraphs, kinds, min(len(paragraphs), headlines.HEADLINE_WINDOW), lowered, None, boilerplate)
        return Region(head, 0 if head is None else head + 1, len(paragraphs))
    start, end = best_run(
        [
            lines.GOOD_BASE + min(len(p), lines.GOOD_CAP) * lines.GOOD_PER_CHAR if k is GOOD else lines.score(k, p)
            for k, p in zip(kinds, paragraphs)
        ]
    )
    # A headline that ends as a quote does ("Coach: “We needed this win”") may open the run: not its body.
    for _ in range(2):
        if (
            start + 1 < end
            and kinds[start] != GOOD
            and not paragraphs[start].endswith(lines.FULL_STOPS)
            and headlines.headline_score(paragraphs[start]) is not None
        ):
            start += 1
    head = headlines.find_headline(paragraphs, kinds, start, lowered, end, boilerplate)
    # A short last paragraph ("The council meets again next week."): a sentence right after the run.
    if end < len(paragraphs) and _closes(paragraphs[end]):
        end += 1
    # Between the headline and the run: a standfirst, a caption, a dateline ("AMMAN:") read as prose.
    while start > (head + 1 if head is not None else 0) and _leads_in(paragraphs[start - 1]):
        start -= 1
    return Region(head, start, end)


def _closes(paragraph: str) -> bool:
    if not 20 <= len(paragraph) <= 300 or not paragraph.endswith((".", "!", "?", "”", '"')) or paragraph.endswith(lines.TEASER_ENDINGS):
        return False
    if headlines.is_meta_line(paragraph) or is_list_item(paragraph) or is_caption(paragraph) or cleaning.boilerplate_kind(paragraph):
        return False
    return paragraph.count(" ") >= 3 and paragraph[:1].isupper()


def _leads_in(paragraph: str) -> bool:
    """A line just above the body that belongs to it: a sentence of prose or a dateline."""
    if cleaning.find_dateline(paragraph) is not None and len(paragraph) <= 40:
        return True
    if headlines.is_meta_line(paragraph) or is_list_item(paragraph) or cleaning.boilerplate_kind(paragraph):
        return False
    return len(paragraph) >= 60 and paragraph.count(" ") >= 9 and lines.density(paragraph) >= 0.1
