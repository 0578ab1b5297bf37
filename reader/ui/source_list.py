"""The source list: one row per article, filled as the index grows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from reader.articles import Article


def source_prompt(article: Article, bookmarks: int = 0) -> Text:
    text = Text()
    text.append(article.title, style="bold")
    details = [article.outlet or "", f"{article.words:,} words", f"{len(article.quotes)} quotes", f"{len(article.figures)} figures"]
    if bookmarks:
        details.append(f"{bookmarks} bookmark{'s' if bookmarks != 1 else ''}")
    text.append("\n" + " · ".join(d for d in details if d), style="dim")
    return text


class SourceList(OptionList):
    """Articles in the folder; enter opens one."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="sources.open", tooltip="Open the highlighted article"),
        Binding("j", "cursor_down", "Down", show=False, id="sources.down", tooltip="Next article in the list"),
        Binding("k", "cursor_up", "Up", show=False, id="sources.up", tooltip="Previous article in the list"),
        Binding("g", "first", "First", show=False, id="sources.first", tooltip="First article"),
        Binding("G", "last", "Last", show=False, id="sources.last", tooltip="Last article"),
    ]

    bookmark_counts: dict[str, int]

    def set_bookmark_counts(self, counts: dict[str, int], articles: dict[str, Article]) -> None:
        """Show each article's number of bookmarks; only rows whose count changed are redrawn."""
        previous = getattr(self, "bookmark_counts", {})
        for article_id in set(previous) | set(counts):
            if previous.get(article_id, 0) != counts.get(article_id, 0) and article_id in articles:
                self.replace_option_prompt(article_id, source_prompt(articles[article_id], counts.get(article_id, 0)))
        self.bookmark_counts = dict(counts)

    def add_articles(self, articles: list[Article]) -> None:
        # A None after each option draws a divider; it does not count as an option.
        self.add_options([item for a in articles for item in (Option(source_prompt(a), id=a.id), None)])
