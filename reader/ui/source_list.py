"""The source list: one row per article, filled as the index grows."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.articles import Article


def source_prompt(article: Article) -> Text:
    text = Text()
    text.append(article.title, style="bold")
    details = [article.outlet or "", f"{article.words:,} words", f"{len(article.quotes)} quotes", f"{len(article.figures)} figures"]
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

    def add_articles(self, articles: list[Article]) -> None:
        # A None after each option draws a divider; it does not count as an option.
        self.add_options([item for a in articles for item in (Option(source_prompt(a), id=a.id), None)])
