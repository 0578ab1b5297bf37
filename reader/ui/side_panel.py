"""The side panel: the open article's quotes and figures, in tabs.

Rows are built from the index's Quote and Figure objects as rich Text, never
markup. Moving the highlight onto a row selects that passage: the panel posts
PassageSelected and the app scrolls the article to it and marks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.figures import Figure
    from reader.quotes import Quote


MAX_ROWS = 500  # rows per tab: wrapping thousands of rows stalls opening a huge article


class PassageList(OptionList):
    """An OptionList of passages with vim keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="side.down", tooltip="Next row"),
        Binding("k", "cursor_up", "Up", show=False, id="side.up", tooltip="Previous row"),
        Binding("g", "first", "First", show=False, id="side.first", tooltip="First row"),
        Binding("G", "last", "Last", show=False, id="side.last", tooltip="Last row"),
    ]


def quote_prompt(quote: Quote) -> Text:
    text = Text()
    text.append("“", style="dim")
    text.append(quote.text.replace("\n\n", " ¶ "))
    text.append("”", style="dim")
    text.append("\n— ", style="dim")
    if quote.speaker:
        text.append(quote.speaker, style="bold")
        if quote.speaker_role:
            text.append(f", {quote.speaker_role}", style="dim")
    else:
        text.append("unattributed", style="dim italic")
    return text


def format_value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.4g}" if value < 1 else f"{value:,.10g}"
    if isinstance(value, int):
        return f"{value:,}" if value >= 10000 else str(value)
    return str(value)


def figure_prompt(figure: Figure) -> Text:
    text = Text()
    text.append(figure.text, style="bold")
    # "two months" counting "months" says nothing new: show counts only when they add words.
    if figure.counts and not set(figure.counts.lower().split()) <= set(figure.text.lower().split()):
        text.append(f"  {figure.counts}")
    details = figure.kind if figure.value is None else f"{figure.kind} · {format_value(figure.value)}"
    text.append(f"\n{details}", style="dim")
    return text


class SidePanel(Vertical):
    """Quotes and Figures of the open article."""

    BINDINGS = [
        Binding("left,h", "tab(-1)", "Tab", show=False, id="side.previous_tab", tooltip="Previous tab (Quotes, Figures)"),
        Binding("right,l", "tab(1)", "Quotes/Figures", key_display="←→", id="side.next_tab", tooltip="Next tab (Quotes, Figures)"),
    ]

    class PassageSelected(Message):
        """A quote or figure row was highlighted: show it in the article."""

        def __init__(self, article_id: str, start: int, end: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.start = start
            self.end = end

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None

    def compose(self) -> ComposeResult:
        with TabbedContent(id="side-tabs"):
            with TabPane("Quotes", id="quotes-tab"):
                yield PassageList(id="quotes")
            with TabPane("Figures", id="figures-tab"):
                yield PassageList(id="figures")

    def on_mount(self) -> None:
        # Tabs switch with ←/→ from the lists; tab stops stay three: sources, article, panel.
        self.query_one(TabbedContent).query_one("Tabs").can_focus = False

    def show(self, article: Article | None) -> None:
        self.article = article
        quotes = self.query_one("#quotes", PassageList)
        figures = self.query_one("#figures", PassageList)
        quotes.clear_options()
        figures.clear_options()
        if article is None:
            return
        empty = Text("None found in this article.", style="dim italic")
        # A None after each option draws a divider; it does not count as an option.
        for listing, items, prompt, prefix in ((quotes, article.quotes, quote_prompt, "q"), (figures, article.figures, figure_prompt, "f")):
            shown = items[:MAX_ROWS]
            options = [o for i, item in enumerate(shown) for o in (Option(prompt(item), id=f"{prefix}{i}"), None)]
            if len(items) > MAX_ROWS:
                # A huge article: the list stays fast; search (/) reaches every quote.
                options.append(Option(Text(f"…and {len(items) - MAX_ROWS:,} more; / searches them all.", style="dim italic"), disabled=True))
            listing.add_options(options or [Option(empty, disabled=True)])
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("quotes-tab").label = Text(f"Quotes {len(article.quotes)}")
        tabs.get_tab("figures-tab").label = Text(f"Figures {len(article.figures)}")
        quotes.highlighted = None
        figures.highlighted = None

    def select_quote_at(self, offset: int) -> bool:
        """Highlight the quote or figure covering offset; True if there was one."""
        if self.article is None:
            return False
        for prefix, items in (("f", self.article.figures), ("q", self.article.quotes)):
            for index, item in enumerate(items):
                if item.start <= offset < item.end:
                    self.select_item(prefix, index)
                    return True
        return False

    def highlighted_item(self) -> tuple[int, int] | None:
        """The offsets of the highlighted quote or figure in the active tab."""
        if self.article is None:
            return None
        tabs = self.query_one(TabbedContent)
        quotes = tabs.active == "quotes-tab"
        listing = self.query_one("#quotes" if quotes else "#figures", PassageList)
        items = self.article.quotes if quotes else self.article.figures
        if listing.highlighted is None or listing.highlighted >= min(len(items), MAX_ROWS):
            return None
        item = items[listing.highlighted]
        return item.start, item.end

    def select_item(self, kind: str, index: int) -> None:
        """Show the quotes ("q") or figures ("f") tab with row index highlighted."""
        self.query_one(TabbedContent).active = "quotes-tab" if kind == "q" else "figures-tab"
        if index < MAX_ROWS:  # past the shown rows the article still marks the passage
            self.query_one("#quotes" if kind == "q" else "#figures", PassageList).highlighted = index

    def focus_list(self) -> None:
        tabs = self.query_one(TabbedContent)
        self.query_one("#quotes" if tabs.active == "quotes-tab" else "#figures", PassageList).focus()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = "figures-tab" if tabs.active == "quotes-tab" else "quotes-tab"
        self.focus_list()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.article is None or event.option.id is None:
            return
        index = int(event.option.id[1:])
        item = self.article.quotes[index] if event.option.id[0] == "q" else self.article.figures[index]
        self.post_message(self.PassageSelected(self.article.id, item.start, item.end))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._highlighted(OptionList.OptionHighlighted(event.option_list, event.option, event.option_index))
