"""Quote search: a box, results that follow every keystroke, enter to jump.

The search itself runs in a thread worker so typing never waits for it; a
result that arrives after a newer keystroke is dropped. Results are rich Text
built from the index, with the matched words styled, never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from reader.history import add_to_history, load_history
if TYPE_CHECKING:
    from reader.search import Hit, Results, SearchIndex

QUOTES, FULL_TEXT = "quotes", "full text"


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """What the search screen hands back: the results, the chosen one, and the mode."""

    hits: tuple[Hit, ...]
    chosen: int
    mode: str
    query: str


def hit_prompt(hit: Hit, match_style, mode: str) -> Text:
    text = Text(hit.entry.text.replace("\n\n", " ¶ "))
    for start, end in hit.spans:
        text.stylize(match_style, start, end)
    if mode == QUOTES:
        text = Text("“", style="dim") + text + Text("”", style="dim")
    where = [hit.entry.speaker or ("unattributed" if mode == QUOTES else ""), hit.entry.outlet or hit.entry.article]
    text.append("\n— " + " · ".join(w for w in where if w), style="dim")
    return text


class SearchScreen(ModalScreen[SearchOutcome | None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="search.close", tooltip="Close search and return to where you were"),
        Binding("ctrl+f", "toggle_mode", "Quotes/Full text", id="search.mode", tooltip="Search every sentence instead of only quotes, or back"),
        Binding("up", "history(-1)", "History", show=False, id="search.history_back", tooltip="Recall an earlier search"),
        Binding("down", "down", "Results", show=False, id="search.down", tooltip="A later search, or the next result"),
        Binding("pagedown", "results(1)", "Next result", show=False, id="search.next_result", tooltip="Next result"),
        Binding("pageup", "results(-1)", "Previous result", show=False, id="search.previous_result", tooltip="Previous result"),
    ]
    COMPONENT_CLASSES = {"search-screen--match"}

    def __init__(self, engine: Callable[[str], SearchIndex], mode: str = QUOTES, query: str = "") -> None:
        super().__init__()
        self.engine = engine  # gives the search index for a mode; may build it (slow) on first use
        self.mode = mode
        self.initial_query = query
        from reader.search import Results

        self.results = Results(())
        self.generation = 0
        self.history = load_history()
        self.history_position: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search"
            box.border_subtitle = "enter open · ↑ history · ctrl+f quotes/full text · esc close"
            yield Input(value=self.initial_query, placeholder="words or a phrase; @speaker, in:outlet", id="search-input")
            yield Static(id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._show_mode()
        self.run_search(self.initial_query)

    def _show_mode(self) -> None:
        self.query_one("#search-box").border_title = f"Search {self.mode}"

    # -- Searching -----------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        self.generation += 1
        self._search(query, self.mode, self.generation)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, mode: str, generation: int) -> None:
        results = self.engine(mode).search(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_results, results, mode, generation)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A search that raised: said in the box and in a notification; the reader goes on."""
        if event.state != WorkerState.ERROR or event.worker.group != "search":
            return
        from reader.workers import describe

        reason = describe(event.worker.error) if event.worker.error else "unknown error"
        self.query_one("#search-status", Static).update(Text(f"Search failed: {reason}", style="bold"))
        self.notify(f"The search failed ({reason}). Try other words, or press escape.", title="Search", severity="error", markup=False)

    def _show_results(self, results: Results, mode: str, generation: int) -> None:
        if generation != self.generation or mode != self.mode or not self.is_current:
            return  # a newer keystroke has its own search under way, or the screen has closed
        self.results = results
        listing = self.query_one("#search-results", OptionList)
        match_style = self.get_component_rich_style("search-screen--match", partial=True)
        listing.clear_options()
        listing.add_options([o for i, h in enumerate(results.hits) for o in (Option(hit_prompt(h, match_style, mode), id=str(i)), None)])
        if results.hits:
            listing.highlighted = 0
        query = self.query_one("#search-input", Input).value
        count = f"{len(results.hits)}{'+' if results.more else ''}"
        if not query.strip():
            status = Text("Type to search every quote." if mode == QUOTES else "Type to search every sentence.", style="dim")
        else:
            status = Text(f"{count} result{'' if count == '1' else 's'}", style="dim")
        self.query_one("#search-status", Static).update(status)

    # -- Keys ----------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_mode(self) -> None:
        self.mode = FULL_TEXT if self.mode == QUOTES else QUOTES
        self._show_mode()
        self.query_one("#search-status", Static).update(Text("Searching…", style="dim"))
        self.run_search(self.query_one("#search-input", Input).value)

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        position = len(self.history) if self.history_position is None else self.history_position
        position = max(0, min(len(self.history), position + step))
        self.history_position = None if position == len(self.history) else position
        box = self.query_one("#search-input", Input)
        box.value = "" if self.history_position is None else self.history[position]
        box.cursor_position = len(box.value)

    def action_down(self) -> None:
        if self.history_position is not None:
            self.action_history(1)
        else:
            self.action_results(1)

    def action_results(self, step: int) -> None:
        listing = self.query_one("#search-results", OptionList)
        if listing.option_count:
            current = listing.highlighted if listing.highlighted is not None else -1
            listing.highlighted = max(0, min(listing.option_count - 1, current + step))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        listing = self.query_one("#search-results", OptionList)
        self._choose(listing.highlighted if listing.highlighted is not None else 0)

    @on(OptionList.OptionSelected, "#search-results")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, position: int) -> None:
        query = self.query_one("#search-input", Input).value
        add_to_history(query)
        if not self.results.hits:
            return
        self.dismiss(SearchOutcome(self.results.hits, min(position, len(self.results.hits) - 1), self.mode, query))
