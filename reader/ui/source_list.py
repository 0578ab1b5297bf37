"""The source list: one row per article, filled as the index grows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from textual.binding import Binding
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from reader.articles import Article

BOLD = Style(bold=True)
DIM = Style(dim=True)


def wrap_words(text: str, width: int) -> list[str]:
    """Greedy word wrap by terminal cells; a word longer than the width is cut."""
    width = max(1, width)
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while cell_len(word) > width:  # a long word (a URL): cut at the width
            cut = width
            while cut > 1 and cell_len(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


class SourceRow(Visual):
    """One article in the list: its headline in bold, then its details dimmed, wrapped by
    words. Its height comes from the same wrap that draws it, at a few microseconds a row:
    Textual's general wrap cost 0.7 ms a row, 7 s for a folder of 10,000 articles."""

    def __init__(self, title: str, details: str) -> None:
        self.title = title
        self.details = details
        self._wrapped: tuple[int, list[str], int] | None = None  # width, lines, title lines

    def __str__(self) -> str:
        return f"{self.title}\n{self.details}"

    def _lines(self, width: int) -> tuple[list[str], int]:
        if self._wrapped is None or self._wrapped[0] != width:
            title = wrap_words(self.title, width)
            self._wrapped = (width, title + wrap_words(self.details, width), len(title))
        return self._wrapped[1], self._wrapped[2]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(cell_len(self.title), cell_len(self.details))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._lines(width)[0])

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        lines, title_lines = self._lines(width)
        bold, dim = (style + BOLD).rich_style, (style + DIM).rich_style
        strips = [Strip([Segment(line, bold if number < title_lines else dim)], cell_len(line)) for number, line in enumerate(lines)]
        return strips[:height] if height is not None else strips


def source_row(title: str, outlet: str | None, words: int, quotes: int, figures: int, bookmarks: int = 0) -> SourceRow:
    details = [outlet or "", f"{words:,} words", f"{quotes} quotes", f"{figures} figures"]
    if bookmarks:
        details.append(f"{bookmarks} bookmark{'s' if bookmarks != 1 else ''}")
    return SourceRow(" ".join(title.split()), " · ".join(d for d in details if d))


def source_prompt(article: Article, bookmarks: int = 0) -> SourceRow:
    return source_row(article.title, article.outlet, article.words, len(article.quotes), len(article.figures), bookmarks)


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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.listed: set[str] = set()  # the ids with a row

    def set_bookmark_counts(self, counts: dict[str, int], articles: dict[str, Article]) -> None:
        """Show each article's number of bookmarks; only rows whose count changed are redrawn."""
        previous = getattr(self, "bookmark_counts", {})
        for article_id in set(previous) | set(counts):
            if previous.get(article_id, 0) != counts.get(article_id, 0) and article_id in articles:
                self.replace_option_prompt(article_id, source_prompt(articles[article_id], counts.get(article_id, 0)))
        self.bookmark_counts = dict(counts)

    def add_articles(self, articles: list[Article]) -> None:
        """Rows for these articles, after the others; an article whose row was drawn ahead
        (from the cache, see add_rows) keeps it."""
        self.add_rows([(a.id, source_prompt(a)) for a in articles])

    def add_rows(self, rows: list[tuple[str, SourceRow]]) -> None:
        new = [(article_id, row) for article_id, row in rows if article_id not in self.listed]
        self.listed.update(article_id for article_id, _ in new)
        # A None after each option draws a divider; it does not count as an option.
        self.add_options([item for article_id, row in new for item in (Option(row, id=article_id), None)])

    def drop_row(self, article_id: str) -> None:
        """A row drawn ahead whose file turned out not to be an article after all."""
        if article_id in self.listed:
            self.listed.discard(article_id)
            self.remove_option(article_id)

    def clear_options(self) -> SourceList:
        self.listed = set()
        return super().clear_options()
