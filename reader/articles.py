"""An article: its headline, outlet, dateline, date and clean text, with quotes and figures.

The clean text is the body's paragraphs joined by blank lines. Every offset in
the index (quotes, figures, bookmarks) counts `str` characters of that text.
The original stays available: an article read from a file reads it again
when asked (keeping both texts in memory would double the index's size); one
parsed from a string keeps it.
"""

from __future__ import annotations

import functools
import re
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from reader import cleaning, html_pages, regions
from reader.figures import Figure, extract_figures
from reader.frozen import quick_init
from reader.quotes import Quote, extract_quotes
from reader.sentences import sentence_spans

PARAGRAPH_SEPARATOR = "\n\n"
PACK_FROM = 256  # bytes of text: below it, compression saves nothing
BIO_PARAGRAPHS = 2
MAX_TITLE = 300  # characters
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


@quick_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    kind: str = "body"  # "body" or "subhead"


@quick_init
@dataclass(frozen=True, slots=True)
class Removed:
    """A line of the page that is not the article, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str
    outlet: str | None
    dateline: str | None
    date: str | None
    # The clean text as UTF-8 (a str takes two bytes a character once it holds a curly quote, and
    # the text is most of the index's memory), zlib-compressed in the index (`packed`). `text`
    # decodes it; the last few texts read are kept decoded.
    utf8: bytes = field(repr=False)
    paragraphs: tuple[Paragraph, ...]
    _original: str | None = field(repr=False)
    encoding: str
    # The page's lines that are not the article: kept only with the original (see `removed`).
    _removed: tuple[Removed, ...] | None = field(repr=False)
    quotes: tuple[Quote, ...] = field(repr=False)
    figures: tuple[Figure, ...] = field(repr=False)
    words: int
    path: str | None = field(default=None, repr=False)  # the file, when the original is not kept
    packed: bool = field(default=False, repr=False, compare=False)
    outlet_source: str | None = field(default=None, repr=False)  # where the outlet was read: "site name", "signature"...
    author: str | None = field(default=None, repr=False)  # the byline, or the page's author

    @property
    def original(self) -> str:
        """The decoded file as saved (control characters removed), read again if not kept."""
        if self._original is not None:
            return self._original
        from reader.sources import SourceFile, read_source

        try:
            text, _ = read_source(SourceFile(self.id, Path(self.path or "")))
        except ValueError as error:
            return f"(The original file can no longer be read: {error})"
        return text

    @property
    def removed(self) -> tuple[Removed, ...]:
        """The page's lines that are not the article, and why. An article read from a file does
        not keep them (a tenth of a saved page, held for every article of the index): they are
        found again from the file when asked."""
        if self._removed is not None:
            return self._removed
        return parse_article(self.id, self.original, self.encoding)._removed or ()

    @property
    def text(self) -> str:
        """The clean text every offset counts characters of."""
        return _decoded(self.utf8, self.packed)

    def packed_for_index(self) -> Article:
        """The same article with its text compressed, for an index that holds thousands: half the
        bytes again, for ~20 µs to read an article's text back (kept decoded while in use)."""
        if self.packed or len(self.utf8) < PACK_FROM:
            return self
        return replace(self, utf8=zlib.compress(self.utf8, 1), packed=True)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return self.text == other.text and _fields(self) == _fields(other)

    def __hash__(self) -> int:
        return hash(self.id)  # equal articles have one id; the text is not read to hash one

    @property
    def minutes(self) -> int:
        """Minutes to read at 230 words a minute, at least one."""
        return max(1, round(self.words / 230))


def encoded(text: str) -> bytes:
    # surrogatepass: any str round-trips, a lone surrogate from a broken file included.
    return text.encode("utf-8", "surrogatepass")


@functools.lru_cache(maxsize=64)
def _decoded(utf8: bytes, packed: bool) -> str:
    """The text of an article's bytes. Kept for the few articles in use at a time (the open one,
    one being compared or indexed for search): callers read `.text` many times in a row."""
    return (zlib.decompress(utf8) if packed else utf8).decode("utf-8", "surrogatepass")


def _fields(article: Article) -> tuple:
    return tuple(getattr(article, f.name) for f in fields(Article) if f.name not in ("utf8", "packed"))


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of a block cut at a fixed width (e-mail, .md) belong to one paragraph."""
    if len(lines) < 2 or max(map(len, lines)) > 100:
        return False
    return all(len(line) >= 35 for line in lines[:-1]) and not all(
        line.endswith((".", "?", "!", "”", '"')) for line in lines[:-1]
    )


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _ascii_printable(line: str) -> bool:
    """line.isprintable() for an ASCII line, at C speed: nothing left once the printable bytes go."""
    return not line.encode("ascii").translate(None, _PRINTABLE_ASCII)


def split_paragraphs(original: str) -> list[str]:
    """Paragraphs of a saved page: blank-line blocks, one per line unless hard-wrapped."""
    if "  " not in original and original.replace("\n", " ").isprintable():
        # The common page: no runs of spaces, tabs, Unicode spaces or control characters
        # anywhere, so no line needs its spaces folded (checked once for the page, in C).
        lines = [raw.strip() for raw in original.split("\n")]
    else:
        lines = [_folded(raw.strip()) for raw in original.split("\n")]
    if "#" in original:
        lines = [_MARKDOWN_HEADING.sub("", line) if line.startswith("#") else line for line in lines]
    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
        elif block:
            _flush(block, paragraphs)
            block = []
    if block:
        _flush(block, paragraphs)
    return paragraphs


def _folded(line: str) -> str:
    if "  " in line or not (_ascii_printable(line) if line.isascii() else line.isprintable()):
        # Every run of spaces, tabs and Unicode spaces as one space (all but " " are unprintable).
        return " ".join(line.split())
    return line


def _flush(block: list[str], paragraphs: list[str]) -> None:
    if len(block) == 1:
        paragraphs.append(block[0])
    elif _hard_wrapped(block):
        paragraphs.append(" ".join(block))
    else:
        paragraphs.extend(block)


def _same(a: str, b: str) -> bool:
    # Lengths far apart cannot hold the same words: skip the word split for most paragraphs.
    if abs(len(a) - len(b)) > max(10, len(b) // 4):
        return False
    return cleaning.words(a.lower()) == cleaning.words(b.lower())


def parse_article(article_id: str, original: str, encoding: str = "utf-8", path: str | None = None) -> Article:
    """Build an article from decoded text (a page saved as text, or as HTML). Never raises on any string.

    With a path, the original is not kept in memory but read from the file when asked for;
    an HTML page keeps its rendered text instead, which is what `original` shows of it.
    """
    if html_pages.looks_like_html(original, article_id):
        page = html_pages.read_page(original)
        if page.text.strip():
            return _parse(article_id, page.rendered, encoding, path, page, keep_original=True)
        # Nothing trafilatura calls an article: the page's rendered text goes the text route.
        return _parse(article_id, page.rendered, encoding, path, keep_original=True)
    return _parse(article_id, original, encoding, path, keep_original=path is None)


def _parse(
    article_id: str, original: str, encoding: str, path: str | None, page: html_pages.Page | None = None, *, keep_original: bool
) -> Article:
    removed: list[Removed] = []
    if page is not None:
        # trafilatura's text is the article already, one paragraph a line: no region to find.
        paragraphs = split_paragraphs(page.text.replace("\n", "\n\n"))
        title_line = html_pages.page_title(page.title, page.sitename)
        if title_line and len(title_line) <= MAX_TITLE:
            paragraphs.insert(0, " ".join(title_line.split()))
            region = regions.Region(0, 1, len(paragraphs))
        else:
            region = regions.Region(None, 0, len(paragraphs))
        lowered_all = [p.lower() for p in paragraphs]
        boilerplate_all = cleaning.boilerplate_kinds(paragraphs, lowered_all)
    else:
        paragraphs = split_paragraphs(original)
        # Each paragraph lower-cased and its boilerplate family, once: for the region, then the body.
        lowered_all = [p.lower() for p in paragraphs]
        boilerplate_all = cleaning.boilerplate_kinds(paragraphs, lowered_all)
        # The body is the page's main run of prose; the headline, a line near its start that reads as one.
        region = regions.find_region(paragraphs, lowered_all, boilerplate_all)
    head = region.head
    if head is None:
        # Else the first line that could be a title: never a paragraph of prose (a 1 MB line).
        head = next(
            (i for i, p in enumerate(paragraphs[: min(12, region.start)]) if not cleaning.is_header_chrome(p) and len(p) <= MAX_TITLE),
            None,
        )
    if head is None and page is not None and paragraphs and regions.headline_score(paragraphs[0]) is not None:
        head = 0  # a page without a title: its first line if it reads as one
    if head is None:
        title = article_id.rsplit("/", 1)[-1]
        header: list[str] = []
        before = paragraphs[: region.start]
    else:
        title = paragraphs[head]
        # Lines between the headline and the body first: the byline and the date are there.
        header = paragraphs[head + 1 : region.start] + paragraphs[:head]
        before = paragraphs[:head] + paragraphs[head + 1 : region.start]
    removed += [Removed(p, "repeated headline" if _same(p, title) else "site chrome") for p in before]
    body_start = max(region.start, 0 if head is None else head + 1)
    body = paragraphs[body_start : region.end]
    after = paragraphs[region.end :]

    # Under the headline: "Published", "on", view counters, a byline, the headline again.
    while body and (
        cleaning.is_header_chrome(body[0])
        or _same(body[0], title)
        or (len(body[0]) <= 300 and len(cleaning.words(body[0])) <= 8 and cleaning.publication_date([body[0]]))
        or (body[0].startswith("By ") and cleaning.is_short_line(body[0]))
    ):
        reason = "repeated headline" if _same(body[0], title) else "site chrome"
        removed.append(Removed(body[0], reason))
        header.append(body.pop(0))
        body_start += 1

    kept: list[str] = []
    kept_lowered: list[str] = []  # lower-cased once: for boilerplate words, then figure anchors
    outlet_hints: list[tuple[str, str]] = []
    bio_left = 0  # paragraphs still to drop after an "Author profile" heading
    links_follow = False  # after "Related topics", short lines are links
    for index, paragraph in enumerate(body, body_start):
        if cleaning.is_bio_heading(paragraph):
            removed.append(Removed(paragraph, "author bio"))
            bio_left = BIO_PARAGRAPHS
            continue
        if bio_left:
            # A bio is a paragraph or two: a heading met mid-text must not take the rest with it.
            bio_left -= 1
            removed.append(Removed(paragraph, "author bio"))
            continue
        lowered = lowered_all[index]
        kind = boilerplate_all[index]
        if kind == "related links":
            links_follow = True
        elif links_follow and cleaning.is_short_line(paragraph):
            kind = "related links"  # "Weather" under "Related topics": a link, not an outlet
        elif len(paragraph) <= 300 and regions.is_caption(paragraph, lowered):
            kind = "caption"
        elif paragraph[:1] in regions.BULLET_STARTS and regions.is_list_item(paragraph) and regions.classify(paragraph) == regions.BAD:
            kind = "link"
        cleaning.outlet_hints(paragraph, kind, outlet_hints)
        if kind:
            removed.append(Removed(paragraph, kind))
        elif _same(paragraph, title):
            removed.append(Removed(paragraph, "repeated headline"))
        else:
            kept.append(paragraph)
            kept_lowered.append(lowered)

    # After the body: a slogan and the outlet signing off ("Jesus Christ is King", "JPost"). A body
    # of one short line ("Snow expected, 2 deg C") is the article itself: it is never signed off.
    signatures: list[str] = []
    while len(kept) > 1 and cleaning.is_short_line(kept[-1]):
        line = kept.pop()
        kept_lowered.pop()
        removed.append(Removed(line, "site chrome"))
        name = cleaning.signature_outlet(line)
        if name:
            signatures.append(name)
    # The lines right after the body: the outlet signing off, a copyright line, a source credit.
    for number, paragraph in enumerate(after):
        kind = boilerplate_all[region.end + number]
        cleaning.outlet_hints(paragraph, kind, outlet_hints)
        if not kind and number < 3 and len(signatures) == 0 and cleaning.is_short_line(paragraph):
            name = cleaning.signature_outlet(paragraph)
            if name and not cleaning.is_header_chrome(name):
                signatures.append(name)
        removed.append(Removed(paragraph, kind or "site chrome"))

    dateline = None
    agency = None
    for paragraph in kept[:3]:
        found = cleaning.find_dateline(paragraph)
        if found:
            dateline, agency = found.text, found.agency
            break

    outlet, outlet_source = None, None
    for name, source in (
        (page.sitename if page else None, "site name"),
        (agency, "dateline"),
        (signatures[-1] if signatures else None, "signature"),
        (next(iter(outlet_hints), (None, None))[0], next(iter(outlet_hints), (None, None))[1]),
        (None, "newsletter"),
    ):
        if source == "newsletter":
            name = cleaning.newsletter_outlet(r.text for r in removed)
        if name:
            outlet, outlet_source = name, source
            break
    date = cleaning.publication_date(header)
    if page is not None and page.date:
        date = page.date

    text, spans = _join(kept)
    bounds = [(p.start, p.end) for p in spans]
    sentences: dict[int, list[tuple[int, int]]] = {}  # split once, for quotes and figures alike
    return Article(
        id=article_id,
        title=title,
        outlet=outlet,
        dateline=dateline,
        date=date,
        utf8=encoded(text),
        paragraphs=spans,
        _original=original if keep_original else None,
        encoding=encoding,
        _removed=tuple(removed) if keep_original else None,
        quotes=extract_quotes(text, bounds, sentences),
        figures=extract_figures(text, bounds, sentences, PARAGRAPH_SEPARATOR.join(kept_lowered)),
        # As `wc -w` counts ("U.S." is one word): paragraphs hold single spaces only, so a
        # paragraph has one word more than spaces, and no list of words is made.
        words=text.count(" ") + len(spans),
        path=path,
        outlet_source=outlet_source,
        author=page.author if page else cleaning.byline(header),
    )


def _join(paragraphs: list[str]) -> tuple[str, tuple[Paragraph, ...]]:
    spans: list[Paragraph] = []
    position = 0
    for index, paragraph in enumerate(paragraphs):
        followed = index + 1 < len(paragraphs)
        kind = "subhead" if followed and cleaning.is_subhead(paragraph) else "body"
        spans.append(Paragraph(position, position + len(paragraph), kind))
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(paragraphs), tuple(spans)


def paragraph_sentences(article: Article, number: int) -> list[tuple[int, int]]:
    """The sentences of one paragraph; a dateline opens its first sentence."""
    paragraph = article.paragraphs[number]
    spans = sentence_spans(article.text, paragraph.start, paragraph.end)
    # "ALEPPO, Syria. Rebel forces...": the full stop ends the dateline, not a sentence.
    if article.dateline and len(spans) > 1 and article.text[spans[0][0] : spans[0][1]] == article.dateline:
        spans[:2] = [(spans[0][0], spans[1][1])]
    return spans


def article_sentences(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every sentence of the article."""
    return [(start, end, n) for n in range(len(article.paragraphs)) for start, end in paragraph_sentences(article, n)]


class SentenceMap:
    """An article's sentences, found a paragraph at a time as the reading cursor needs them.

    A 30 MB article has a million sentences; the cursor only ever looks at a few.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self._starts = [p.start for p in article.paragraphs]
        self._cache: dict[int, list[tuple[int, int]]] = {}

    def of(self, number: int) -> list[tuple[int, int]]:
        if number not in self._cache:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[number] = paragraph_sentences(self.article, number)
        return self._cache[number]

    def paragraph_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def at(self, offset: int) -> tuple[int, int] | None:
        """The sentence holding offset (or the nearest one in its paragraph)."""
        if not self._starts:
            return None
        number = self.paragraph_at(offset)
        spans = self.of(number)
        if not spans:
            return self.step_paragraph(number, 1)
        return next((span for span in spans if offset < span[1]), spans[-1])

    def first(self) -> tuple[int, int] | None:
        return self.step_paragraph(-1, 1)

    def step(self, span: tuple[int, int], steps: int) -> tuple[int, int]:
        """The sentence `steps` after (or before) span, stopping at either end."""
        number = self.paragraph_at(span[0])
        for _ in range(abs(steps)):
            spans = self.of(number)
            index = next((i for i, s in enumerate(spans) if s[0] == span[0]), 0)
            if 0 <= index + (1 if steps > 0 else -1) < len(spans):
                span = spans[index + (1 if steps > 0 else -1)]
                continue
            found = self.step_paragraph(number, 1 if steps > 0 else -1, last=steps < 0)
            if found is None:
                break
            span, number = found, self.paragraph_at(found[0])
        return span

    def step_paragraph(self, number: int, direction: int, last: bool = False) -> tuple[int, int] | None:
        """The first (or last) sentence of the next paragraph with any, in direction."""
        number += direction
        while 0 <= number < len(self._starts):
            spans = self.of(number)
            if spans:
                return spans[-1] if last else spans[0]
            number += direction
        return None
