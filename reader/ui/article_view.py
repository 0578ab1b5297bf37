"""The article pane: headline, meta line and paragraphs, with quotes and figures highlighted.

A Line API widget (as toolong's log view): paragraphs are wrapped into
offset spans once per width, and only the lines on screen are rendered, so a
long article costs what a screenful costs. Article text never passes through
markup: each line is built from Segments of plain strings.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from operator import sub
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click, MouseDown, MouseMove, MouseUp
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.wrapping import wrap_spans

if TYPE_CHECKING:
    from reader.articles import Article

TITLE, META, TEXT = 0, 1, 2  # which string a line's offsets refer to


@dataclass(frozen=True, slots=True)
class Line:
    source: int
    start: int
    end: int
    role: str  # component class suffix: title, meta, body, subhead, blank
    highlights: tuple[int, ...] = ()  # indexes into ArticleView._highlights


# Past this many characters, an article is not word-wrapped up front: wrapping 30 MB
# takes seconds. Its rows are cut at the pane's width, worked out only when shown.
LARGE_ARTICLE = 500_000


class ChunkedLines:
    """The rows of a large article as a sequence, computed on demand.

    The header rows come first; then each paragraph has a blank row and one row per
    `width` characters. Only paragraph boundaries are stored: O(paragraphs), not O(rows).
    """

    def __init__(self, header: list[Line], paragraphs, width: int) -> None:
        self.header = header
        self.width = width
        self.paragraphs = paragraphs
        self.starts = [p.start for p in paragraphs]
        # A blank row, then one row per `width` characters (at least one): summed in C.
        rows = [1 + max(1, -(-(p.end - p.start) // width)) for p in paragraphs]
        self.row_starts: list[int] = list(accumulate(rows, initial=len(header)))  # first row (the blank) of each
        self.total = self.row_starts.pop()

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, row: int) -> Line:
        if row < 0:
            row += self.total
        if not 0 <= row < self.total:
            raise IndexError(row)
        if row < len(self.header):
            return self.header[row]
        number = bisect_right(self.row_starts, row) - 1
        paragraph = self.paragraphs[number]
        within = row - self.row_starts[number]
        if within == 0:
            return Line(TEXT, paragraph.start, paragraph.start, "blank")
        start = min(paragraph.end, paragraph.start + (within - 1) * self.width)
        return Line(TEXT, start, min(paragraph.end, start + self.width), paragraph.kind)

    def row_of(self, offset: int) -> int:
        number = max(0, bisect_right(self.starts, offset) - 1)
        paragraph = self.paragraphs[number]
        within = max(0, min(offset, paragraph.end) - paragraph.start) // self.width
        return self.row_starts[number] + 1 + min(within, max(0, -(-(paragraph.end - paragraph.start) // self.width) - 1))


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
        Binding("right_parenthesis", "sentence(1)", "Sentence", key_display=")", show=False, id="article.next_sentence", tooltip="Reading cursor to the next sentence"),
        Binding("left_parenthesis", "sentence(-1)", "Sentence", key_display="(", show=False, id="article.previous_sentence", tooltip="Reading cursor to the previous sentence"),
        Binding("right_curly_bracket", "paragraph(1)", "Paragraph", key_display="}", show=False, id="article.next_paragraph", tooltip="Reading cursor to the next paragraph"),
        Binding("left_curly_bracket", "paragraph(-1)", "Paragraph", key_display="{", show=False, id="article.previous_paragraph", tooltip="Reading cursor to the previous paragraph"),
        Binding("v", "select", "Select", id="article.select", tooltip="Start or end a selection; ( ) { } extend it by sentence"),
        Binding("escape", "clear_selection", "Clear", show=False, id="article.clear", tooltip="Clear the selection"),
    ]

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--subhead",
        "article-view--quote",
        "article-view--figure",
        "article-view--mark",
        "article-view--cursor",
        "article-view--selection",
        "article-view--bookmark",
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
        self.mark_is_current = False
        self._lines: list[Line] = []
        self._text_starts: list[int] = []  # start offset of each TEXT line, for bisect
        self._text_rows: list[int] = []  # the row of each TEXT line
        self._highlights: list[tuple[int, int, str]] = []
        self._highlight_starts: list[int] = []
        self._longest_highlight = 0
        self._wrapped_width = -1
        self._cache: dict[int, Strip] = {}
        self.sentence_map = None  # reader.articles.SentenceMap of the open article
        self.cursor: tuple[int, int] | None = None  # the reading cursor's sentence
        self.anchor: tuple[int, int] | None = None  # the sentence where a v-selection started
        self.selection: tuple[int, int] | None = None
        self.bookmarked: list[tuple[int, int]] = []
        self._original_text = ""
        self._drag_from: int | None = None
        self._dragged = False

    # -- What is shown -----------------------------------------------------

    def show(self, article: Article | None, placeholder: str = "") -> None:
        self.article = article
        self.placeholder = placeholder
        self.mark = None
        from reader.articles import SentenceMap

        self.anchor, self.selection = None, None
        self.sentence_map = SentenceMap(article) if article is not None else None
        self.cursor = self.sentence_map.first() if self.sentence_map else None
        highlights = [(q.start, q.end, "quote") for q in article.quotes] if article else []
        highlights += [(f.start, f.end, "figure") for f in article.figures] if article else []
        highlights.sort()  # two runs already in order: one merge
        self._highlights = highlights
        self._highlight_starts = [h[0] for h in highlights]
        self._longest_highlight = max(map(sub, [h[1] for h in highlights], self._highlight_starts), default=0)
        self._rewrap(force=True)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def watch_show_original(self) -> None:
        self._rewrap(force=True)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def mark_passage(self, start: int, end: int) -> None:
        """Mark text[start:end] and scroll it into view, a third of the way down."""
        self.mark = (start, end)
        self.mark_is_current = True  # until the reading cursor moves, b bookmarks the mark
        if self.sentence_map is not None:
            self.cursor = self.sentence_map.at(start) or self.cursor  # reading goes on from here
        self._cache.clear()
        if self.show_original:
            self.show_original = False
        row = self.row_of(start)
        self.scroll_to(y=max(0, row - self.scrollable_content_region.height // 3), animate=False, immediate=True)
        self.refresh()

    def top_offset(self) -> int | None:
        """The clean-text offset of the first row on screen; None while the original is shown."""
        if self.article is None or self.show_original or not len(self._lines):
            return None
        line = self._lines[min(len(self._lines) - 1, round(self.scroll_y))]
        return line.start if line.source == TEXT else 0

    def scroll_to_offset(self, offset: int) -> None:
        """The row holding offset at the top, the reading cursor on the first sentence from there."""
        if self.sentence_map is not None and offset > 0:
            sentence = self.sentence_map.at(offset)
            if sentence is not None and sentence[0] < offset:
                sentence = self.sentence_map.step(sentence, 1)
            self.cursor = sentence or self.cursor
            self._cache.clear()
        # force: the scrollbars of the article just shown may not be worked out yet.
        self.scroll_to(y=self.row_of(offset) if offset > 0 else 0, animate=False, immediate=True, force=True)
        self.refresh()

    # -- Scrolling: at once, as less does; an animation repaints a long article many times --

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    # -- Reading cursor and selection -------------------------------------------

    def passage(self) -> tuple[int, int] | None:
        """What `b` bookmarks here: the selection, else the reading cursor's sentence."""
        if self.selection and self.selection[1] > self.selection[0]:
            return self.selection
        if self.mark and self.mark_is_current:
            return self.mark  # the passage just jumped to (search, side panel, bookmarks)
        return self.cursor

    def set_bookmarked(self, spans: list[tuple[int, int]]) -> None:
        self.bookmarked = spans
        self._cache.clear()
        self.refresh()

    def _move_cursor(self, span: tuple[int, int] | None) -> None:
        if span is None:
            return
        self.cursor = span
        self.mark_is_current = False
        if self.anchor is not None:
            self.selection = (min(self.anchor[0], span[0]), max(self.anchor[1], span[1]))
        self._cache.clear()
        self._reveal(span[0])
        self.refresh()

    def _reveal(self, offset: int) -> None:
        row = self.row_of(offset)
        height = self.scrollable_content_region.height
        if not self.scroll_y <= row < self.scroll_y + height - 1:
            self.scroll_to(y=max(0, row - height // 3), animate=False, immediate=True)

    def action_sentence(self, step: int) -> None:
        if self.sentence_map and self.cursor:
            self._move_cursor(self.sentence_map.step(self.cursor, step))

    def action_paragraph(self, step: int) -> None:
        if not (self.sentence_map and self.cursor):
            return
        sentences = self.sentence_map
        here = sentences.paragraph_at(self.cursor[0])
        if step > 0:
            self._move_cursor(sentences.step_paragraph(here, 1))
            return
        # Back to the start of this paragraph, or of the one before if already there.
        first = sentences.of(here)[0] if sentences.of(here) else self.cursor
        self._move_cursor(first if first != self.cursor else (sentences.step_paragraph(here, -1) or first))

    def action_select(self) -> None:
        if self.anchor is None and self.cursor:
            self.anchor = self.cursor
            self._move_cursor(self.cursor)
        else:
            self.anchor = None  # the selection stays until escape or a new one
            self.refresh()

    def action_clear_selection(self) -> None:
        self.anchor, self.selection = None, None
        self._cache.clear()
        self.refresh()

    def row_of(self, offset: int) -> int:
        """The screen row holding a clean-text offset."""
        if isinstance(self._lines, ChunkedLines):
            return self._lines.row_of(offset)
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

    def on_focus(self) -> None:
        self._restyle()

    def on_blur(self) -> None:
        self._restyle()

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
            # Read once per showing: an article from a file reads it again from disk.
            text = self._original_text = article.original
            if len(text) > LARGE_ARTICLE:
                from reader.articles import Paragraph

                raw_lines, position = [], 0
                for raw in text.split("\n"):
                    raw_lines.append(Paragraph(position, position + len(raw)))
                    position += len(raw) + 1
                self._lines = ChunkedLines(lines, raw_lines, width)
                self.virtual_size = Size(width + 2, len(self._lines))
                self.refresh()
                return
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
            if len(article.text) > LARGE_ARTICLE:
                self._lines = ChunkedLines(lines, article.paragraphs, width)
                self.virtual_size = Size(width + 2, len(self._lines))
                self.refresh()
                return
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
        return self._original_text if self.show_original else article.text

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
        if isinstance(self._lines, ChunkedLines):
            spans = self._highlights_between(start, end)
        else:
            spans = [self._highlights[i] for i in line.highlights]
        extra = [(s, e, "bookmark") for s, e in self.bookmarked]
        if self.cursor and self.has_focus and self.selection is None:
            extra.append((*self.cursor, "cursor"))
        if self.selection:
            extra.append((*self.selection, "selection"))
        if self.mark:
            extra.append((*self.mark, "mark"))
        spans += [span for span in extra if span[0] < end and span[1] > start]
        if not spans or self.show_original:
            return Strip([Segment(" ", base), Segment(text[start:end], body_style)])
        cuts = sorted({start, end, *(max(start, min(end, s)) for span in spans for s in span[:2])})
        segments = [Segment(" ", base)]
        kinds = ("quote", "figure", "bookmark", "cursor", "selection", "mark")  # later kinds win
        styles = {kind: self._style(kind) for kind in kinds}
        for left, right in zip(cuts, cuts[1:]):
            if left == right:
                continue
            style = body_style
            for kind in kinds:
                if any(s <= left and right <= e and k == kind for s, e, k in spans):
                    style = style + styles[kind]
            segments.append(Segment(text[left:right], style))
        return Strip(segments)

    def _highlights_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Highlights overlapping [start, end), by bisection (large articles)."""
        first = bisect_right(self._highlight_starts, start - self._longest_highlight)
        last = bisect_right(self._highlight_starts, end)
        return [h for h in self._highlights[first:last] if h[1] > start]

    # -- Mouse -------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The clean-text offset under a point of the widget, or None off the text."""
        if self.article is None or self.show_original:
            return None
        row = y + round(self.scroll_y)
        if not 0 <= row < len(self._lines) or self._lines[row].source != TEXT:
            return None
        line = self._lines[row]
        return min(line.end, line.start + max(0, x + round(self.scroll_x) - 1))

    def on_mouse_down(self, event: MouseDown) -> None:
        self._drag_from = self.offset_at(event.x, event.y)
        self._dragged = False
        if self._drag_from is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: MouseMove) -> None:
        if self._drag_from is None or not event.button:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is not None and offset != self._drag_from:
            self._dragged = True
            self.anchor = None
            self.selection = (min(self._drag_from, offset), max(self._drag_from, offset))
            self._cache.clear()
            self.refresh()

    def on_mouse_up(self, event: MouseUp) -> None:
        self.release_mouse()
        self._drag_from = None

    def on_click(self, event: Click) -> None:
        if self._dragged:
            self._dragged = False  # the end of a drag selection, not a click
            return
        offset = self.offset_at(event.x, event.y)
        if offset is None or self.article is None:
            return
        # The reading cursor follows a click, so b bookmarks the sentence clicked.
        if self.sentence_map is not None:
            self.cursor = self.sentence_map.at(offset) or self.cursor
            self.mark_is_current = False
        self.selection = None
        self._cache.clear()
        self.refresh()
        self.post_message(self.PassageClicked(self.article.id, offset))
