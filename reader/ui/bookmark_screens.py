"""Screens for bookmarks: the dialog that makes or edits one, and the Bookmarks view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from reader.bookmarks import Anchored

PASSAGE_PREVIEW = 600  # characters of a long passage shown in the dialog


@dataclass(frozen=True, slots=True)
class NoteAndTags:
    note: str
    tags: tuple[str, ...]


class BookmarkDialog(ModalScreen[NoteAndTags | None]):
    """Shows the passage; takes a note and comma-separated tags. enter saves, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="bookmark.cancel", tooltip="Close without saving")]

    def __init__(self, passage: str, source: str, note: str = "", tags: tuple[str, ...] = (), title: str = "Bookmark") -> None:
        super().__init__()
        self.passage = passage
        self.source = source
        self.note = note
        self.tags = tags
        self.dialog_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmark-dialog") as box:
            box.border_title = self.dialog_title
            box.border_subtitle = "enter save · tab next field · esc cancel"
            shown = self.passage if len(self.passage) <= PASSAGE_PREVIEW else self.passage[:PASSAGE_PREVIEW] + "…"
            yield Static(Text(shown.replace("\n\n", " ¶ "), style="italic"), id="bookmark-passage")
            yield Static(Text(self.source, style="dim"), id="bookmark-source")
            yield Label("Note")
            # Editing appends: the cursor starts at the end, nothing selected.
            yield Input(value=self.note, placeholder="optional", id="bookmark-note", select_on_focus=False)
            yield Label("Tags")
            yield Input(value=", ".join(self.tags), placeholder="comma separated, optional", id="bookmark-tags", select_on_focus=False)

    def on_mount(self) -> None:
        self.query_one("#bookmark-note", Input).focus()

    @on(Input.Submitted)
    def _save(self) -> None:
        from reader.bookmarks import parse_tags

        note = self.query_one("#bookmark-note", Input).value
        tags = parse_tags(self.query_one("#bookmark-tags", Input).value)
        self.dismiss(NoteAndTags(note, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)


def bookmark_prompt(item: Anchored) -> Text:
    b = item.bookmark
    text = Text()
    text.append(b.title or b.article, style="bold")
    if item.orphaned:
        text.append("  orphaned", style="bold red")
    passage = b.passage.replace("\n", " ")
    text.append("\n“" + (passage[:140] + "…" if len(passage) > 140 else passage) + "”")
    details = [b.note, ", ".join(f"#{t}" for t in b.tags), b.outlet or b.article]
    text.append("\n" + " · ".join(d for d in details if d), style="dim")
    return text


class BookmarksScreen(ModalScreen["Anchored | None"]):
    """Every bookmark, filterable as you type. enter jumps, e edits, d deletes, u undoes."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="bookmarks.close", tooltip="Close the Bookmarks view"),
        Binding("e", "edit", "Edit", id="bookmarks.edit", tooltip="Edit the note and tags"),
        Binding("d", "delete", "Delete", id="bookmarks.delete", tooltip="Delete the bookmark (u undoes)"),
        Binding("u", "undo", "Undo", id="bookmarks.undo", tooltip="Bring back the last deleted bookmark"),
        Binding("y", "copy", "Copy", id="bookmarks.copy", tooltip="Copy the bookmarked passage with its source"),
        Binding("down", "move(1)", "Down", show=False, id="bookmarks.down", tooltip="Next bookmark"),
        Binding("up", "move(-1)", "Up", show=False, id="bookmarks.up", tooltip="Previous bookmark"),
    ]

    def __init__(self, items: list[Anchored], path: str) -> None:
        super().__init__()
        self.items = items
        self.path = path
        self.shown: list[Anchored] = []
        self.deleted: list[tuple[Anchored, int]] = []  # for undo, until the view closes

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box") as box:
            box.border_title = "Bookmarks"
            box.border_subtitle = "type to filter · enter jump · e edit · d delete · u undo · y copy · esc close"
            yield Input(placeholder="filter: words in the passage, note, tags or title", id="bookmarks-filter")
            yield Static(id="bookmarks-status")
            yield OptionList(id="bookmarks-list")

    def on_mount(self) -> None:
        self.refill()
        self.query_one("#bookmarks-list", OptionList).focus()

    def on_key(self, event) -> None:
        # On the list, e, d, u and y act; any other character starts filtering.
        listing = self.query_one("#bookmarks-list", OptionList)
        if self.focused is listing and event.is_printable and event.character and event.character not in "eduy":
            box = self.query_one("#bookmarks-filter", Input)
            box.focus()
            box.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()

    def refill(self, keep: int | None = None) -> None:
        from reader.search import fold

        words = fold(self.query_one("#bookmarks-filter", Input).value).split()

        def matches(item: Anchored) -> bool:
            b = item.bookmark
            haystack = fold(" ".join([b.passage, b.note, " ".join(b.tags), b.title, b.article, b.outlet or ""]))
            return all(w in haystack for w in words)

        self.shown = [item for item in self.items if matches(item)]
        listing = self.query_one("#bookmarks-list", OptionList)
        listing.clear_options()
        listing.add_options([o for n, item in enumerate(self.shown) for o in (Option(bookmark_prompt(item), id=str(n)), None)])
        if self.shown:
            listing.highlighted = min(keep or 0, len(self.shown) - 1)
        orphans = sum(1 for item in self.items if item.orphaned)
        status = f"{len(self.shown)} of {len(self.items)}" + (f" · {orphans} orphaned" if orphans else "") + f" · {self.path}"
        if not self.items:
            status = f"No bookmarks yet: b bookmarks the passage at the reading cursor. File: {self.path}"
        self.query_one("#bookmarks-status", Static).update(Text(status, style="dim"))

    @on(Input.Changed, "#bookmarks-filter")
    def _filter(self) -> None:
        self.refill()

    def _current(self) -> Anchored | None:
        highlighted = self.query_one("#bookmarks-list", OptionList).highlighted
        return self.shown[highlighted] if highlighted is not None and highlighted < len(self.shown) else None

    def action_move(self, step: int) -> None:
        listing = self.query_one("#bookmarks-list", OptionList)
        listing.focus()  # from the filter box, the arrows go back to the list
        if listing.option_count:
            current = listing.highlighted if listing.highlighted is not None else -1
            listing.highlighted = max(0, min(listing.option_count - 1, current + step))

    @on(Input.Submitted, "#bookmarks-filter")
    @on(OptionList.OptionSelected, "#bookmarks-list")
    def _jump(self) -> None:
        item = self._current()
        if item is not None and not item.orphaned:
            self.dismiss(item)
        elif item is not None:
            self.notify("This bookmark is orphaned: its passage is no longer in the article.", severity="warning", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        item = self._current()
        if item is None:
            return
        b = item.bookmark

        def done(result: NoteAndTags | None) -> None:
            if result is not None and self.app.update_bookmark(b.id, result.note, result.tags):
                self.items = self.app.anchored_bookmarks()
                self.refill(keep=self.query_one("#bookmarks-list", OptionList).highlighted)

        self.app.push_screen(BookmarkDialog(b.passage, b.title, b.note, b.tags, title="Edit bookmark"), done)

    def action_delete(self) -> None:
        item = self._current()
        if item is None:
            return
        position = next(i for i, other in enumerate(self.items) if other.bookmark.id == item.bookmark.id)
        if self.app.delete_bookmark(item.bookmark.id):
            self.deleted.append((item, position))
            self.items = self.app.anchored_bookmarks()
            self.refill(keep=self.query_one("#bookmarks-list", OptionList).highlighted)
            self.notify("Deleted. u brings it back while this view is open.", timeout=3, markup=False)

    def action_copy(self) -> None:
        from reader.citation import cite_saved_passage
        from reader.ui.clipboard import copy_text

        item = self._current()
        if item is None:
            return
        b = item.bookmark
        article = self.app._by_id.get(b.article)
        # The passage as the article has it now when it is anchored, else as it was saved.
        passage = article.text[item.start : item.end] if article is not None and item.start is not None else b.passage
        copy_text(self.app, cite_saved_passage(passage, b.title, b.outlet, article), "the bookmarked passage with its source")

    def action_undo(self) -> None:
        if not self.deleted:
            return
        item, position = self.deleted.pop()
        if self.app.restore_bookmark(item.bookmark, position):
            self.items = self.app.anchored_bookmarks()
            self.refill(keep=position)


class ConfirmScreen(ModalScreen[bool]):
    """A yes-or-no question. y or enter: yes; n or escape: no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes", tooltip="Yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="No"),
    ]

    def __init__(self, question: str, title: str = "Confirm") -> None:
        super().__init__()
        self.question = question
        self.confirm_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = self.confirm_title
            box.border_subtitle = "y yes · n no"
            yield Static(Text(self.question))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
