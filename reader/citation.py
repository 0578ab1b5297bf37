"""Citations: a passage, quote or figure as text to paste elsewhere, with where it came from.

The source line is "Outlet, Headline, date" from what the article has, and the
file's name when it has none of them. A quoted passage is set in curly quotes;
double quotes inside it become single ones, as a quotation within a quotation.
Plain text only: what is copied is what the article says, nothing added but the
marks and the attribution.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.figures import Figure
    from reader.quotes import Quote

_INNER = str.maketrans({"“": "‘", "”": "’", '"': "'"})
_OUTER = "\"“”'‘’ \n\t"


def one_line(text: str) -> str:
    """Paragraph breaks and runs of white space as single spaces."""
    return " ".join(text.split())


def quoted(text: str) -> str:
    """text in curly double quotes; its own double quotes become single quotes."""
    return f"“{one_line(text).strip(_OUTER).translate(_INNER)}”"


def source_line(article: Article) -> str:
    """"Outlet, Headline, date" from what the article has; the file name when it has nothing."""
    parts = [p.strip() for p in (article.outlet, article.title, article.date) if p and p.strip()]
    return ", ".join(parts) if parts else file_name(article)


def file_name(article: Article) -> str:
    return PurePosixPath(article.id).name or article.id


def speaker_line(quote: Quote) -> str | None:
    """"— Speaker, role", or None when the quote is not attributed."""
    if not quote.speaker:
        return None
    role = f", {quote.speaker_role}" if quote.speaker_role else ""
    return f"— {quote.speaker}{role}"


def cite_quote(article: Article, quote: Quote) -> str:
    lines = [quoted(quote.text)]
    speaker = speaker_line(quote)
    if speaker:
        lines.append(speaker)
    lines.append(source_line(article))
    return "\n".join(lines)


def cite_passage(article: Article, start: int, end: int) -> str:
    """A passage of the clean text (a selection, a sentence) with its source."""
    return f"{quoted(article.text[start:end])}\n{source_line(article)}"


def figure_sentence(article: Article, figure: Figure) -> tuple[int, int]:
    """The sentence (or sentences) holding a figure; the figure itself when none is found."""
    from reader.articles import SentenceMap

    sentences = SentenceMap(article)
    first = sentences.at(figure.start)
    last = sentences.at(max(figure.start, figure.end - 1))
    if first is None or last is None:
        return figure.start, figure.end
    start, end = min(first[0], figure.start), max(last[1], figure.end)
    return start, end


def cite_figure(article: Article, figure: Figure) -> str:
    start, end = figure_sentence(article, figure)
    return cite_passage(article, start, end)


def cite_article(article: Article) -> str:
    """The whole article: "Outlet, “Headline”, dateline, date", then its file."""
    parts = [article.outlet, quoted(article.title) if article.title.strip() else None, article.dateline, article.date]
    head = ", ".join(p.strip() for p in parts if p and p.strip())
    return f"{head}\n{article.id}" if head else article.id


def cite_saved_passage(passage: str, title: str, outlet: str | None, article: Article | None) -> str:
    """A bookmarked passage: the source from its article when it is still in the folder,
    else from what the bookmark kept."""
    if article is not None:
        source = source_line(article)
    else:
        source = ", ".join(p for p in (outlet, title) if p) or "(article no longer in the folder)"
    return f"{quoted(passage)}\n{source}"


def describe(text: str, limit: int = 60) -> str:
    """A short preview of copied text for a notification: its first line, cut."""
    first = one_line(text.split("\n", 1)[0])
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"
