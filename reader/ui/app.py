"""The reader's App: three panes over the index, which a thread worker builds.

The first frame does not wait for the index: the worker posts batches of
articles as it reads them and the source list fills in while it runs.
"""

from __future__ import annotations

import functools
import gc
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList

from reader.config import load_config, save_setting
from reader.themes import DEFAULT_THEME, load_themes
from reader.themes import theme_folders as theme_folders_default
from reader.ui.article_view import LARGE_ARTICLE, ArticleView
from reader.ui.hangup import watch_terminal
from reader.ui.indexing import Indexing
from reader.ui.resume import Resuming
from reader.ui.watching import Watching, gone_position
from reader.ui.side_panel import PassageList, SidePanel
from reader.ui.source_list import SourceList
from reader.ui.theming import to_textual, variable_defaults

if TYPE_CHECKING:  # the core's heavier modules load after the first frame, in the worker
    from reader.articles import Article
    from reader.bookmarks import Anchored, Bookmark
    from reader.compare import Comparison
    from reader.ui.compare_screens import Target
    from reader.index import Index
    from reader.search import Hit, SearchIndex
    from reader.sources import Problem
    from reader.ui.bookmark_screens import NoteAndTags
    from reader.ui.search_screen import SearchOutcome

FALLBACK_THEME = "textual-dark"  # Textual's own, when no theme file loads at all
# Actions on the article and panes: offered only when the reader's own screen is on top.
READER_ONLY = frozenset(
    "bookmark bookmarks toggle_side search step_result step_article toggle_original other_outlets copy cite".split()
)


class ComparisonReady(Message):
    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison


@functools.cache
def _freeze_startup_objects() -> None:
    """Modules, classes and compiled patterns live as long as the process: kept out of the
    GC's scans, or its first full collection (~30 ms) lands in the middle of the first
    frame. Once a process (tests start many apps in one)."""
    gc.freeze()


class ReaderApp(Indexing, Resuming, Watching, App[None]):
    CSS_PATH = Path(__file__).parent / "reader.tcss"  # absolute: subclasses elsewhere find it too
    TITLE = "seed-reader"
    COMPARE_AT_START = 2_000  # articles: a bigger folder is compared when c first asks

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit the reader"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help", tooltip="Show every key"),
        Binding("p", "toggle_side", "Panel", id="app.panel", tooltip="Hide or show the quotes and figures panel"),
        Binding("b", "bookmark", "Bookmark", id="app.bookmark", tooltip="Bookmark the passage: the selection, the reading cursor's sentence, or the selected quote or figure"),
        Binding("y", "copy", "Copy", show=False, id="app.copy", tooltip="Copy with its source: the selected quote or figure, the selection, or the reading cursor's sentence"),
        Binding("Y", "cite", "Cite", show=False, id="app.cite", tooltip="Copy a citation of the whole article"),
        Binding("B", "bookmarks", "Bookmarks", show=False, id="app.bookmarks", tooltip="List every bookmark: filter, jump, edit, delete"),
        Binding("slash", "search", "Search", key_display="/", id="app.search", tooltip="Search every quote (ctrl+f in the box: every sentence)"),
        Binding("x", "other_outlets", "Other outlets", show=False, id="app.other_outlets", tooltip="The other outlets that carry the quote selected in the side panel (after a search jump too)"),
        Binding("c", "compare", "Compare", id="app.compare", tooltip="Compare the articles: claims the outlets agree on or dispute, by outlet"),
        Binding("n", "step_result(1)", "Next hit", id="app.next_result", tooltip="Go to the next search result"),
        Binding("N", "step_result(-1)", "Prev hit", show=False, id="app.previous_result", tooltip="Go to the previous search result"),
        Binding("left_square_bracket", "step_article(-1)", "Prev", key_display="[", show=False, id="app.previous", tooltip="Open the previous article"),
        Binding("right_square_bracket", "step_article(1)", "Next", key_display="]", show=False, id="app.next", tooltip="Open the next article"),
        Binding("o", "toggle_original", "Original", show=False, id="app.original", tooltip="Show the file as saved, or the clean text"),
        Binding("t", "cycle_theme", "Theme", show=False, id="app.theme", tooltip="Switch to the next theme (remembered for the next start)"),
        Binding("exclamation_mark", "problems", "Problems", key_display="!", show=False, id="app.problems", tooltip="List the files that were skipped, and why"),
    ]

    def __init__(
        self,
        path: Path,
        *,
        theme: str | None = None,
        theme_folders: Iterable[Path] | None = None,
        bookmarks: str | Path | None = None,
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.use_cache = use_cache
        self.bookmarks_override = bookmarks
        self.store: BookmarkStore | None = None
        self._by_id: dict[str, Article] = {}
        self._row: dict[str, int] = {}  # an article's row in the source list
        self.requested_theme = theme
        self.theme_folders = list(theme_folders) if theme_folders is not None else theme_folders_default()
        self.theme_names: list[str] = []
        self.index: Index | None = None
        self.articles: list[Article] = []  # in list order, as the worker delivers them
        self.problems: list[Problem] = []
        self.current: Article | None = None
        self._engines: dict[str, SearchIndex] = {}
        self._engine_lock = threading.Lock()
        self.search_outcome: SearchOutcome | None = None
        self.comparison: Comparison | None = None
        self._open_compare_when_ready = False
        self._startup_notices: list[tuple[str, str]] = []  # (title, message), shown once mounted
        # Before the stylesheet is first parsed: set on mount, the theme cost a second parse.
        self._register_themes()
        _freeze_startup_objects()

    # -- Layout ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield SourceList(id="sources")
            yield ArticleView(id="article")
            yield SidePanel(id="side")
        yield Footer()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults()

    def on_mount(self) -> None:
        for title, message in self._startup_notices:
            self.notify(message, title=title, severity="warning", markup=False)
        if self.keymap_setting is not None:  # the screens' bindings load only for a keymap to check
            from reader.ui.keys import apply_user_keymap
            apply_user_keymap(self, self.keymap_setting)
        # From now on a change of theme (t, the command palette) is remembered.
        self.watch(self, "theme", self._remember_theme, init=False)
        sources = self.query_one(SourceList)
        sources.border_title = "Sources"
        sources.border_subtitle = "indexing…"
        self.query_one(ArticleView).border_title = "Article"
        self.query_one(SidePanel).border_title = "In this article"
        sources.focus()
        watch_terminal(self)
        self.list_from_cache()  # a folder read before: its first headlines are in the first frame
        # Paint first; then open the bookmarks file and start indexing.
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self.load_index()  # first: the headlines are what the reader is waiting for
        self._open_bookmarks()

    # -- Bookmarks ---------------------------------------------------------

    def _open_bookmarks(self) -> None:
        from reader.bookmarks import BookmarkStore, bookmarks_path

        self.store = BookmarkStore.open(bookmarks_path(self.bookmarks_override))
        if self.store.error:
            self.notify(
                f"{self.store.error}\nThe file is kept as it is and bookmarking is off until it is fixed. "
                "Press b to start a new file beside it.",
                title="Bookmarks file cannot be read",
                severity="error",
                timeout=15,
                markup=False,
            )

    def anchored_bookmarks(self) -> list[Anchored]:
        """Every bookmark placed in its article's current text (the file re-read if it changed)."""
        from reader.bookmarks import anchor

        if self.store is None:
            return []
        self.store.reload_if_changed()
        return [anchor(b, a.text if (a := self._by_id.get(b.article)) else None) for b in self.store.bookmarks]

    def _show_bookmarks(self) -> None:
        """Marks in the open article and counts in the source list, from the file."""
        anchored = self.anchored_bookmarks()
        counts: dict[str, int] = {}
        for item in anchored:
            counts[item.bookmark.article] = counts.get(item.bookmark.article, 0) + 1
        self.query_one(SourceList).set_bookmark_counts(counts, self._by_id)
        if self.current is not None:
            spans = [(i.start, i.end) for i in anchored if i.bookmark.article == self.current.id and not i.orphaned]
            self.query_one(ArticleView).set_bookmarked(spans)

    def _passage(self) -> tuple[int, int] | None:
        """The passage b bookmarks: the side panel's selected row when it has focus, else the article's."""
        panel = self.query_one(SidePanel)
        if self.focused is not None and panel in self.focused.ancestors_with_self:
            item = panel.highlighted_item()
            if item is not None:
                return item
        return self.query_one(ArticleView).passage()

    def action_bookmark(self) -> None:
        from reader.ui.bookmark_screens import BookmarkDialog  # screens load when first asked for: ~8 ms off the first frame
        if self.store is None or self.current is None:
            self.notify("Open an article first.", timeout=3)
            return
        if self.store.error:
            self._offer_new_bookmarks_file()
            return
        passage = self._passage()
        if passage is None:
            self.notify("This article has no text to bookmark.", timeout=3)
            return
        article, (start, end) = self.current, passage
        from reader.bookmarks import BookmarkFileError, make_bookmark

        def save(result: NoteAndTags | None) -> None:
            if result is None or self.store is None:
                return
            try:
                bookmark = make_bookmark(article.id, article.title, article.outlet, article.text, start, end, result.note, result.tags, self.store.ids())
                self.store.add(bookmark)
            except (BookmarkFileError, OSError, ValueError) as error:
                self.notify(f"Not saved: {error}", title="Bookmark", severity="error", markup=False)
                return
            self.query_one(ArticleView).action_clear_selection()
            self._show_bookmarks()
            self.notify(f"Bookmarked in {self.store.path.name}", timeout=3, markup=False)

        source = " · ".join(p for p in (article.title, article.outlet) if p)
        self.push_screen(BookmarkDialog(article.text[start:end], source), save)

    def _offer_new_bookmarks_file(self) -> None:
        from reader.ui.bookmark_screens import ConfirmScreen
        from reader.bookmarks import ENVIRONMENT, BookmarkStore, start_new_file_beside

        assert self.store is not None
        old = self.store.path

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            new = start_new_file_beside(old)
            if self.bookmarks_override is None and not os.environ.get(ENVIRONMENT):
                save_setting("bookmarks_file", str(new))  # so the next start uses it too
            self.store = BookmarkStore.open(new)
            self.notify(f"Bookmarks now go to {new}; {old.name} is untouched.", title="Bookmarks", timeout=8, markup=False)

        self.push_screen(
            ConfirmScreen(f"{self.store.error}\n\nStart a new bookmarks file beside it? The old file is not touched.", "Bookmarks file cannot be read"),
            answer,
        )

    def action_bookmarks(self) -> None:
        from reader.ui.bookmark_screens import BookmarksScreen
        if self.store is None or isinstance(self.screen, BookmarksScreen):
            return
        if self.store.error and not self.store.reload_if_changed():
            self.notify(self.store.error, title="Bookmarks file cannot be read", severity="error", markup=False)
            return

        def jump(item: Anchored | None) -> None:
            self._show_bookmarks()
            if item is None or item.start is None:
                return
            article = self._by_id.get(item.bookmark.article)
            if article is None:
                return
            if article is not self.current:
                self.open_article(article)
                self.query_one(SourceList).highlighted = self._row[article.id]
            self.query_one(ArticleView).mark_passage(item.start, item.end)

        self.push_screen(BookmarksScreen(self.anchored_bookmarks(), str(self.store.path)), jump)

    def _change_bookmarks(self, change) -> bool:
        from reader.bookmarks import BookmarkFileError

        try:
            change()
        except (BookmarkFileError, OSError) as error:
            self.notify(f"Not saved: {error}", title="Bookmarks", severity="error", markup=False)
            return False
        self._show_bookmarks()
        return True

    def update_bookmark(self, bookmark_id: str, note: str, tags: tuple[str, ...]) -> bool:
        return self.store is not None and self._change_bookmarks(lambda: self.store.update(bookmark_id, note, tags))

    def delete_bookmark(self, bookmark_id: str) -> bool:
        return self.store is not None and self._change_bookmarks(lambda: self.store.delete(bookmark_id))

    def restore_bookmark(self, bookmark: Bookmark, position: int) -> bool:
        return self.store is not None and self._change_bookmarks(lambda: self.store.restore(bookmark, position))

    def _register_themes(self) -> None:
        """Register the theme files and choose the theme, from __init__ (nothing is on screen yet)."""
        themes = load_themes(*self.theme_folders)
        for spec in themes.themes:
            self.register_theme(to_textual(spec))
        self.theme_names = themes.names()
        if themes.problems:
            details = "\n".join(f"{p.file}: {p.reason}" for p in themes.problems)
            self._startup_notices.append(("Some themes did not load", details))
        fallback = DEFAULT_THEME if DEFAULT_THEME in self.theme_names else FALLBACK_THEME
        config = load_config()
        if config.error:
            self._startup_notices.append(("config.yaml", f"{config.error}\nSettings will not be saved until it is fixed."))
        self.keymap_setting = config.values.get("keymap")  # applied once mounted
        remembered = config.values.get("theme")
        chosen = self.requested_theme or remembered or fallback
        if chosen not in self.available_themes:
            self._startup_notices.append(("Theme", f"The theme {chosen!r} did not load; using {fallback}."))
            chosen = fallback
        # What App._watch_theme does, without its second parse of every stylesheet: the
        # stylesheet has not been parsed yet, so its variables are simply set.
        self.set_reactive(App.theme, chosen)
        dark = self.current_theme.dark
        self.update_classes({f"-theme-{chosen}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def _remember_theme(self, name: str) -> None:
        problem = save_setting("theme", name)
        if problem:
            self.notify(problem, title="Theme not remembered", severity="warning", markup=False)

    # -- Index -------------------------------------------------------------

    # -- Across outlets ------------------------------------------------------

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def _compare(self) -> None:
        from reader.compare import compare

        if self.index is not None:
            self.post_message(ComparisonReady(compare(self.index)))

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        if not self.is_running:
            return  # finished as the reader closes (after the folder changed, say): nothing to show it in
        self.comparison = message.comparison
        gc.freeze()  # as for the index: the comparison lives as long as the app
        outlets = {a.id: a.outlet or a.id for a in self.articles}
        self.query_one(SidePanel).set_comparison(message.comparison, outlets)
        if self._open_compare_when_ready:
            self._open_compare_when_ready = False
            self.action_compare()

    def action_compare(self) -> None:
        from reader.ui.compare_screens import CompareScreen

        if isinstance(self.screen, CompareScreen):
            return
        if self.comparison is None:
            if self.index is None:
                self.notify("Still indexing: compare when every article is in.", timeout=3)
                return
            self._open_compare_when_ready = True
            self.notify(f"Comparing {len(self.index.articles):,} articles…", timeout=3)
            self._compare()
            return
        self.push_screen(CompareScreen(self.comparison, self._by_id), self._open_target)

    def action_other_outlets(self) -> None:
        self.query_one(SidePanel).action_other_outlets()

    @on(SidePanel.OtherOutlets)
    def _other_outlets(self, event: SidePanel.OtherOutlets) -> None:
        from reader.ui.compare_screens import OtherOutletsScreen

        group = self.comparison.group_of(event.article_id, event.number) if self.comparison else None
        if self.comparison is None:
            self.notify("Still comparing the articles: try again in a moment.", timeout=3)
        elif group is None:
            self.notify("No other article carries this quote.", timeout=3)
        else:
            this = next(m for m in group.members if (m.article, m.number) == (event.article_id, event.number))
            self.push_screen(OtherOutletsScreen(group, this, self._by_id), self._open_target)

    def _open_target(self, target: Target | None) -> None:
        """Open an article at a passage chosen on another screen, and select its row."""
        if target is None:
            return
        article = self._by_id.get(target.article)
        if article is None:
            return
        if article is not self.current:
            self.open_article(article)
            self.query_one(SourceList).highlighted = self._row[article.id]
        self.query_one(SidePanel).select_item(target.kind, target.number)
        view = self.query_one(ArticleView)
        view.mark_passage(target.start, target.end)
        view.focus()

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def _prepare_search(self) -> None:
        """Build the quote search index now, so the first / answers at once."""
        from reader.ui.search_screen import QUOTES
        self.search_engine(QUOTES)
        # It lives as long as the app: out of the GC's scans, or a full collection of it
        # stalls a page of a huge article (115 ms measured on 30 MB).
        self.call_from_thread(gc.freeze)

    def search_engine(self, mode: str) -> SearchIndex:
        """The search index for a mode, built on first use (called from worker threads)."""
        from reader.ui.search_screen import QUOTES
        from reader.index import Index
        from reader.search import SearchIndex

        with self._engine_lock:
            if self.index is None:  # still indexing: search what has arrived, build again later
                partial = Index(self.path, tuple(self.articles), ())
                return SearchIndex.of_quotes(partial) if mode == QUOTES else SearchIndex.of_sentences(partial)
            if mode not in self._engines:
                build = SearchIndex.of_quotes if mode == QUOTES else SearchIndex.of_sentences
                self._engines[mode] = build(self.index)
            return self._engines[mode]

    # -- Opening and selecting ---------------------------------------------

    def open_article(self, article: Article) -> None:
        self.current = article
        view = self.query_one(ArticleView)
        view.show(article)
        view.border_title = article.outlet or "Article"
        self.query_one(SidePanel).show(article)
        if self.store is not None and self.store.bookmarks:
            from reader.bookmarks import anchor

            spans = [(i.start, i.end) for b in self.store.bookmarks if b.article == article.id and not (i := anchor(b, article.text)).orphaned]
            view.set_bookmarked(spans)
        if len(article.text) > LARGE_ARTICLE:
            # A huge article's rows and marks (150,000 tuples for 30 MB) live while it is open:
            # out of the GC's scans, or a full collection of them stalls a page (46 ms measured).
            # Frozen objects are still freed when the next article replaces them.
            gc.freeze()

    @on(OptionList.OptionSelected, "#sources")
    def _source_selected(self, event: OptionList.OptionSelected) -> None:
        article = self._by_id.get(event.option.id or "")
        if article is not None and article is not self.current:
            self.open_article(article)

    @on(SidePanel.PassageSelected)
    def _passage_selected(self, event: SidePanel.PassageSelected) -> None:
        if self.current is not None and event.article_id == self.current.id:
            self.query_one(ArticleView).mark_passage(event.start, event.end)

    @on(ArticleView.PassageClicked)
    def _passage_clicked(self, event: ArticleView.PassageClicked) -> None:
        self.query_one(SidePanel).select_quote_at(event.offset)

    # -- Actions -----------------------------------------------------------

    def action_step_article(self, step: int) -> None:
        if not self.articles:
            return
        position = self._row.get(self.current.id, -1) if self.current else -1
        if self.current is not None and self.current.id not in self._by_id:  # removed from the folder while open
            position = gone_position(self.articles, self.current.id, step)
        target = max(0, min(len(self.articles) - 1, position + step))
        if target != position:
            self.open_article(self.articles[target])
            self.query_one(SourceList).highlighted = target

    def action_copy(self) -> None:
        from reader.ui.clipboard import copy_passage
        copy_passage(self, self.current)

    def action_cite(self) -> None:
        from reader.ui.clipboard import copy_article_citation
        copy_article_citation(self, self.current)

    # -- Search ------------------------------------------------------------

    def action_search(self) -> None:
        from reader.ui.search_screen import QUOTES, SearchScreen
        if isinstance(self.screen, SearchScreen):
            return
        mode = self.search_outcome.mode if self.search_outcome else QUOTES
        self.push_screen(SearchScreen(self.search_engine, mode), self._search_done)

    def _search_done(self, outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return  # escape: back where the reader was
        self.search_outcome = outcome
        self.jump_to(outcome.hits[outcome.chosen])
        self.refresh_bindings()

    def jump_to(self, hit: Hit) -> None:
        """Open the hit's article at the passage, mark it, and select the quote in the side panel."""
        article = self._by_id.get(hit.entry.article)
        if article is None:
            return
        if article is not self.current:
            self.open_article(article)
            self.query_one(SourceList).highlighted = self._row[article.id]
        view = self.query_one(ArticleView)
        if hit.entry.quote_index is not None:
            self.query_one(SidePanel).select_item("q", hit.entry.quote_index)
        view.mark_passage(hit.entry.start, hit.entry.end)

    def action_step_result(self, step: int) -> None:
        from reader.ui.search_screen import SearchOutcome
        outcome = self.search_outcome
        if outcome is None or not outcome.hits:
            return
        position = outcome.chosen + step
        if not 0 <= position < len(outcome.hits):
            position %= len(outcome.hits)
            self.notify("Search wrapped around", timeout=2)
        self.search_outcome = SearchOutcome(outcome.hits, position, outcome.mode, outcome.query)
        self.jump_to(outcome.hits[position])
        self.query_one(SourceList).border_subtitle = self._subtitle()

    def _subtitle(self) -> str:
        count = len(self.index.articles) if self.index else len(self.articles)
        text = f"{count} article{'s' if count != 1 else ''}"
        if self.problems:
            text += f" · {len(self.problems)} skipped (!)"
        if self.search_outcome:
            text += f" · hit {self.search_outcome.chosen + 1}/{len(self.search_outcome.hits)}"
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_result" and self.search_outcome is None:
            return False  # n and N appear once there is a search to step through
        if action in READER_ONLY and len(self.screen_stack) > 1:
            return False  # over Compare or a dialog, b would act on the article hidden behind it
        return True

    def action_cycle_theme(self) -> None:
        names = self.theme_names or [self.theme]
        position = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(position + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2, markup=False)

    def action_toggle_original(self) -> None:
        view = self.query_one(ArticleView)
        view.show_original = not view.show_original

    def action_toggle_side(self) -> None:
        self.toggle_class("-hide-side")
        if self.has_class("-hide-side") and self.focused is not None and self.query_one(SidePanel) in self.focused.ancestors_with_self:
            self.query_one(ArticleView).focus()

    def action_help(self) -> None:
        from reader.ui.help_screen import HelpScreen
        from reader.ui.keys import binding_sections

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(binding_sections(), self._keymap))

    def action_problems(self) -> None:
        from reader.ui.problems_screen import ProblemsScreen
        if not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(self.problems))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Problems", "List the files that were skipped, and why", self.action_problems)
        yield SystemCommand("Toggle side panel", "Hide or show quotes and figures", self.action_toggle_side)
        yield SystemCommand("Original text", "Show the file as saved, or the clean text", self.action_toggle_original)
        yield SystemCommand("Help", "Show every key", self.action_help)
        yield SystemCommand("Search quotes", "Find any quote in every article", self.action_search)
        yield SystemCommand("Compare", "Claims the outlets agree on or dispute", self.action_compare)
        yield SystemCommand("Bookmarks", "List every bookmark", self.action_bookmarks)
