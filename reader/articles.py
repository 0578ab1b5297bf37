"""An article: its headline, outlet, dateline, date and clean text, with quotes and figures.

The clean text is the body's paragraphs joined by blank lines. Every offset in
the index (quotes, figures, bookmarks) counts `str` characters of that text.
The decoded original is kept so the reader can show what the file said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader import cleaning
from reader.figures import Figure, extract_figures
from reader.quotes import Quote, extract_quotes
from reader.sentences import sentence_spans

PARAGRAPH_SEPARATOR = "\n\n"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    kind: str = "body"  # "body" or "subhead"


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
    text: str
    paragraphs: tuple[Paragraph, ...]
    original: str = field(repr=False)
    encoding: str
    removed: tuple[Removed, ...] = field(repr=False)
    quotes: tuple[Quote, ...] = field(repr=False)
    figures: tuple[Figure, ...] = field(repr=False)
    words: int

    @property
    def minutes(self) -> int:
        """Minutes to read at 230 words a minute, at least one."""
        return max(1, round(self.words / 230))


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of a block cut at a fixed width (e-mail, .md) belong to one paragraph."""
    if len(lines) < 2 or max(map(len, lines)) > 100:
        return False
    return all(len(line) >= 35 for line in lines[:-1]) and not all(
        line.endswith((".", "?", "!", "”", '"')) for line in lines[:-1]
    )


def split_paragraphs(original: str) -> list[str]:
    """Paragraphs of a saved page: blank-line blocks, one per line unless hard-wrapped."""
    paragraphs: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if _hard_wrapped(block):
            paragraphs.append(" ".join(block))
        else:
            paragraphs.extend(block)
        block.clear()

    for raw in original.split("\n"):
        line = raw.strip()
        if "  " in line or not line.isascii() or "\t" in line:
            line = _SPACES.sub(" ", line).strip()
        if line.startswith("#"):
            line = _MARKDOWN_HEADING.sub("", line)
        if line:
            block.append(line)
        else:
            flush()
    flush()
    return paragraphs


def _same(a: str, b: str) -> bool:
    # Lengths far apart cannot hold the same words: skip the word split for most paragraphs.
    if abs(len(a) - len(b)) > max(10, len(b) // 4):
        return False
    return cleaning.words(a.lower()) == cleaning.words(b.lower())


def parse_article(article_id: str, original: str, encoding: str = "utf-8") -> Article:
    """Build an article from decoded text. Never raises on any string."""
    paragraphs = split_paragraphs(original)
    removed: list[Removed] = []

    # The headline: the first line that reads like one, past menus and slogans.
    head = next(
        (i for i, p in enumerate(paragraphs[:12]) if cleaning.looks_like_headline(p)),
        next((i for i, p in enumerate(paragraphs[:12]) if not cleaning.is_header_chrome(p)), None),
    )
    if head is None:
        title = article_id.rsplit("/", 1)[-1]
        body = paragraphs
        header: list[str] = []
    else:
        title = paragraphs[head]
        removed += [Removed(p, "site chrome") for p in paragraphs[:head]]
        header = paragraphs[:head]
        body = paragraphs[head + 1 :]

    # Under the headline: "Published", "on", view counters, a byline, the headline again.
    while body and (
        cleaning.is_header_chrome(body[0])
        or _same(body[0], title)
        or (cleaning.publication_date([body[0]]) and len(cleaning.words(body[0])) <= 8)
        or (body[0].startswith("By ") and cleaning.is_short_line(body[0]))
    ):
        reason = "repeated headline" if _same(body[0], title) else "site chrome"
        removed.append(Removed(body[0], reason))
        header.append(body.pop(0))

    kept: list[str] = []
    outlet_hints: list[str] = []
    for index, paragraph in enumerate(body):
        if cleaning.is_bio_heading(paragraph):
            removed += [Removed(p, "author bio") for p in body[index:]]
            break
        kind = cleaning.boilerplate_kind(paragraph)
        if kind == "copyright":
            owner = cleaning.copyright_owner(paragraph)
            if owner:
                outlet_hints.append(owner)
        if kind:
            removed.append(Removed(paragraph, kind))
        elif _same(paragraph, title):
            removed.append(Removed(paragraph, "repeated headline"))
        else:
            kept.append(paragraph)

    # After the body: a slogan and the outlet signing off ("Jesus Christ is King", "JPost").
    signatures: list[str] = []
    while kept and cleaning.is_short_line(kept[-1]):
        line = kept.pop()
        removed.append(Removed(line, "site chrome"))
        name = cleaning.signature_outlet(line)
        if name:
            signatures.append(name)

    dateline = None
    agency = None
    for paragraph in kept[:3]:
        found = cleaning.find_dateline(paragraph)
        if found:
            dateline, agency = found.text, found.agency
            break

    outlet = agency or (signatures[-1] if signatures else None) or next(iter(outlet_hints), None)
    if outlet is None:
        outlet = _newsletter_outlet(removed)

    text, spans = _join(kept)
    return Article(
        id=article_id,
        title=title,
        outlet=outlet,
        dateline=dateline,
        date=cleaning.publication_date(header),
        text=text,
        paragraphs=spans,
        original=original,
        encoding=encoding,
        removed=tuple(removed),
        quotes=extract_quotes(text, [(p.start, p.end) for p in spans]),
        figures=extract_figures(text, [(p.start, p.end) for p in spans]),
        words=len(cleaning.words(text)),
    )


_NEWSLETTER_OUTLET = re.compile(r"^subscribe to (?P<name>(?:[A-Z][\w'’&.-]*\s?){1,4}?)\s*newsletter", re.I)


def _newsletter_outlet(removed: list[Removed]) -> str | None:
    """"Subscribe to The Jerusalem Post Newsletter": the site names itself."""
    for item in removed:
        match = _NEWSLETTER_OUTLET.match(item.text)
        if match and match.group("name").strip()[:1].isupper():
            return match.group("name").strip()
    return None


def _join(paragraphs: list[str]) -> tuple[str, tuple[Paragraph, ...]]:
    spans: list[Paragraph] = []
    position = 0
    for index, paragraph in enumerate(paragraphs):
        followed = index + 1 < len(paragraphs)
        kind = "subhead" if followed and cleaning.is_subhead(paragraph) else "body"
        spans.append(Paragraph(position, position + len(paragraph), kind))
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(paragraphs), tuple(spans)


def article_sentences(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every sentence; a dateline opens its first sentence."""
    sentences: list[tuple[int, int, int]] = []
    for number, paragraph in enumerate(article.paragraphs):
        spans = sentence_spans(article.text, paragraph.start, paragraph.end)
        # "ALEPPO, Syria. Rebel forces...": the full stop ends the dateline, not a sentence.
        if article.dateline and len(spans) > 1 and article.text[spans[0][0] : spans[0][1]] == article.dateline:
            spans[:2] = [(spans[0][0], spans[1][1])]
        sentences.extend((start, end, number) for start, end in spans)
    return sentences
