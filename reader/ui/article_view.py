"""The article pane: headline, meta line and paragraphs, with quotes and figures highlighted.

A Line API widget (as toolong's log view): paragraphs are wrapped into
offset spans once per width, and only the lines on screen are rendered, so a
long article costs what a screenful costs. Article text never passes through
markup: each line is built from Segments of plain strings.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.articles import Article
from reader.wrapping import wrap_spans

TITLE, META, TEXT = 0, 1, 2  # which string a line's offsets refer to


@dataclass(frozen=True, slots=True)
class Line:
    source: int
    start: int
    end: int
    role: str  # component class suffix: title, meta, body, subhead, blank
    highlights: tuple[int, ...] = ()  # indexes into ArticleView._highlights


def meta_line(article: Article) -> str:
    parts = [article.outlet, article.dateline, article.date, f"{article.words:,} words", f"{article.minutes} min read"]
    return " · ".join(p for p in parts if p)


class ArticleView(ScrollView, can_focus=True):
    """Shows one article; scrolls to and marks a passage on request."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="article.down", tooltip="Scroll down a line"),
        Binding("k", "scroll_up", "Up", show=False, id="article.up", tooltip="Scroll up a line"),
        Binding("g", "scroll_home", "Top", show=False, id="article.top", tooltip="Go to the top of the article"),
        Binding("G", "scroll_end", "Bottom", show=False, id="article.bottom", tooltip="Go to the end of the article"),
        Binding("space", "page_down", "Page", show=False, id="article.page", tooltip="Scroll down a page"),
        Binding("o", "app.toggle_original", "Original", id="article.original", tooltip="Show the file as saved, or the clean text"),
    ]

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--subhead",
        "article-view--quote",
        "article-view--figure",
        "article-view--mark",
        "article-view--placeholder",
    }

    show_original: reactive[bool] = reactive(False)

    class PassageClicked(Message):
        """The reader clicked inside a quote or figure of the article."""

        def __init__(self, article_id: str, offset: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.offset = offset

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.placeholder = "Indexing…"
        self.mark: tuple[int, int] | None = None
        self._lines: list[Line] = []
        self._text_starts: list[int] = []  # start offset of each TEXT line, for bisect
        self._text_rows: list[int] = []  # the row of each TEXT line
        self._highlights: list[tuple[int, int, str]] = []
        self._wrapped_width = -1
        self._cache: dict[int, Strip] = {}

    # -- What is shown -----------------------------------------------------

    def show(self, article: Article | None, placeholder: str = "") -> None:
        self.article = article
        self.placeholder = placeholder
        self.mark = None
        self._highlights = (
            sorted(
                [(q.start, q.end, "quote") for q in article.quotes] + [(f.start, f.end, "figure") for f in article.figures]
            )
            if article
            else []
        )
        self._rewrap(force=True)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def watch_show_original(self) -> None:
        self._rewrap(force=True)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def mark_passage(self, start: int, end: int) -> None:
        """Mark text[start:end] and scroll it into view, a third of the way down."""
        self.mark = (start, end)
        self._cache.clear()
        if self.show_original:
            self.show_original = False
        row = self.row_of(start)
        self.scroll_to(y=max(0, row - self.scrollable_content_region.height // 3), animate=False, immediate=True)
        self.refresh()

    def row_of(self, offset: int) -> int:
        """The screen row holding a clean-text offset."""
        if not self._text_starts:
            return 0
        index = max(0, bisect_right(self._text_starts, offset) - 1)
        return self._text_rows[index]

    def visible_text(self) -> str:
        """The text of the rows on screen, as plain lines (for tests and screen readers)."""
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        return "\n".join(self._plain(row) for row in range(top, min(len(self._lines), top + height)))

    # -- Layout ------------------------------------------------------------

    def on_resize(self) -> None:
        self._rewrap()

    def on_mount(self) -> None:
        # Rendered lines hold colours: a new theme needs them rendered again.
        self.watch(self.app, "theme", self._restyle, init=False)

    def _restyle(self) -> None:
        self._cache.clear()
        self.refresh()

    def _content_width(self) -> int:
        return max(10, self.scrollable_content_region.width - 2)  # one cell of margin each side

    def _rewrap(self, force: bool = False) -> None:
        width = self._content_width()
        if not force and width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._cache.clear()
        lines: list[Line] = []
        self._text_starts, self._text_rows = [], []
        article = self.article
        if article is None:
            lines = [Line(META, 0, 0, "placeholder")]
        elif self.show_original:
            lines.append(Line(META, 0, 0, "meta"))
            lines.append(Line(META, 0, 0, "blank"))
            text = article.original
            position = 0
            for raw in text.split("\n"):
                for start, end in wrap_spans(text, position, position + len(raw), width):
                    lines.append(Line(TEXT, start, end, "body"))
                position += len(raw) + 1
        else:
            for start, end in wrap_spans(article.title, 0, len(article.title), width):
                lines.append(Line(TITLE, start, end, "title"))
            meta = meta_line(article)
            for start, end in wrap_spans(meta, 0, len(meta), width):
                lines.append(Line(META, start, end, "meta"))
            highlights = self._highlights
            first = 0  # the first highlight that may still overlap a later line
            for paragraph in article.paragraphs:
                lines.append(Line(TEXT, paragraph.start, paragraph.start, "blank"))
                for start, end in wrap_spans(article.text, paragraph.start, paragraph.end, width):
                    while first < len(highlights) and highlights[first][1] <= start:
                        first += 1
                    overlapping = []
                    index = first
                    while index < len(highlights) and highlights[index][0] < end:
                        if highlights[index][1] > start:
                            overlapping.append(index)
                        index += 1
                    self._text_starts.append(start)
                    self._text_rows.append(len(lines))
                    lines.append(Line(TEXT, start, end, paragraph.kind, tuple(overlapping)))
        self._lines = lines
        self.virtual_size = Size(width + 2, len(lines))
        self.refresh()

    # -- Rendering ---------------------------------------------------------

    def _source(self, line: Line) -> str:
        article = self.article
        if article is None:
            return self.placeholder
        if line.source == TITLE:
            return article.title
        if line.source == META:
            if self.show_original:
                return f"Original file as saved ({article.encoding}) · press o for the clean text"
            return meta_line(article)
        return article.original if self.show_original else article.text

    def _plain(self, row: int) -> str:
        line = self._lines[row]
        if line.role in ("placeholder",) or (line.role == "meta" and self.show_original):
            return self._source(line)
        return self._source(line)[line.start : line.end].rstrip()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = y + scroll_y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._cache.get(row)
        if strip is None:
            strip = self._render_row(row, base)
            self._cache[row] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-view--{name}", partial=True)

    def _render_row(self, row: int, base: Style) -> Strip:
        line = self._lines[row]
        if line.role == "blank":
            return Strip([])
        if line.role in ("placeholder", "title", "meta"):
            style = base + self._style(line.role)
            return Strip([Segment(" ", base), Segment(self._plain(row), style)])
        text = self._source(line)
        start, end = line.start, line.end
        while end > start and text[end - 1] == " ":
            end -= 1
        body_style = base + self._style("subhead") if line.role == "subhead" else base
        spans = [self._highlights[i] for i in line.highlights]
        if self.mark and self.mark[0] < end and self.mark[1] > start and not self.show_original:
            spans.append((self.mark[0], self.mark[1], "mark"))
        if not spans or self.show_original:
            return Strip([Segment(" ", base), Segment(text[start:end], body_style)])
        cuts = sorted({start, end, *(max(start, min(end, s)) for span in spans for s in span[:2])})
        segments = [Segment(" ", base)]
        styles = {kind: self._style(kind) for kind in ("quote", "figure", "mark")}
        for left, right in zip(cuts, cuts[1:]):
            if left == right:
                continue
            style = body_style
            for kind in ("quote", "figure", "mark"):  # later kinds win: a figure inside a quote shows
                if any(s <= left and right <= e and k == kind for s, e, k in spans):
                    style = style + styles[kind]
            segments.append(Segment(text[left:right], style))
        return Strip(segments)

    # -- Mouse -------------------------------------------------------------

    def on_click(self, event: Click) -> None:
        if self.article is None or self.show_original:
            return
        row = event.y + round(self.scroll_y)
        if not 0 <= row < len(self._lines):
            return
        line = self._lines[row]
        if line.source != TEXT:
            return
        offset = line.start + max(0, event.x + round(self.scroll_x) - 1)
        if line.start <= offset < line.end:
            self.post_message(self.PassageClicked(self.article.id, offset))
