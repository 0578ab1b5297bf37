"""y and Y: copy a passage, quote or figure, or cite the whole article, to the clipboard.

Through Textual's copy_to_clipboard (OSC 52: it works over ssh, and in tmux with
set-clipboard on). A notification says what was copied, so a terminal that
ignores OSC 52 is at least not silent about what was meant to happen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.article_view import ArticleView
from reader.ui.side_panel import SidePanel

if TYPE_CHECKING:
    from textual.app import App

    from reader.articles import Article


def copy_text(app: App, text: str, what: str) -> None:
    from reader.citation import describe

    app.copy_to_clipboard(text)
    app.notify(describe(text), title=f"Copied {what}", timeout=4, markup=False)


def citation_here(app: App, article: Article) -> tuple[str, str] | None:
    """(text, what) for y: the side panel's quote or figure when it has focus, else the
    article's selection, the passage just jumped to, or the reading cursor's sentence."""
    from reader import citation

    panel = app.query_one(SidePanel)
    if app.focused is not None and panel in app.focused.ancestors_with_self:
        span = panel.highlighted_item()
        if span is None:
            return None
        return _cite_span(article, *span)
    view = app.query_one(ArticleView)
    span = view.passage()
    if span is None or span[1] <= span[0]:
        return None
    if view.selection and view.selection[1] > view.selection[0]:
        return citation.cite_passage(article, *span), "the selection with its source"
    return _cite_span(article, *span)


def _cite_span(article: Article, start: int, end: int) -> tuple[str, str]:
    """A quote is cited with its speaker, a figure with its sentence; anything else as a passage."""
    from reader import citation

    for quote in article.quotes:
        if (quote.start, quote.end) == (start, end):
            by = f" by {quote.speaker}" if quote.speaker else ""
            return citation.cite_quote(article, quote), f"the quote{by}"
    for figure in article.figures:
        if (figure.start, figure.end) == (start, end):
            return citation.cite_figure(article, figure), f"the figure {citation.one_line(figure.text)} in its sentence"
    return citation.cite_passage(article, start, end), "the passage with its source"


def copy_passage(app: App, article: Article | None) -> None:
    if article is None:
        app.notify("Open an article first.", timeout=3)
        return
    found = citation_here(app, article)
    if found is None:
        app.notify("Nothing to copy here: highlight a quote or figure, or move the reading cursor into the text.", timeout=4)
        return
    copy_text(app, *found)


def copy_article_citation(app: App, article: Article | None) -> None:
    from reader.citation import cite_article

    if article is None:
        app.notify("Open an article first.", timeout=3)
        return
    copy_text(app, cite_article(article), "a citation of the article")
