"""A folder that stays current: a watcher thread, its messages, and what the app does with them.

The watcher starts once the index is in (nothing here delays the first frame or
the index). It reads changed files itself, in its thread, and posts what they
amount to; the app puts added articles in their place in the list, drops removed
ones (the open one stays on screen, said, until the reader moves), re-reads
changed ones, re-anchors bookmarks, and rebuilds the search index and the
comparison. Where the folder cannot be watched it is polled every few seconds;
where it cannot even be polled, the reader says it will not follow changes.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from reader.ui.article_view import ArticleView
from reader.ui.source_list import SourceList

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.folderwatch import FolderChanges

DEBOUNCE_MS = 400  # changes within this long arrive as one batch: an editor's save is several events
POLL_MS = 2_000  # where the folder cannot be watched
STARTED_MS = 500  # how soon the watcher says it is in place


class FolderChanged(Message):
    def __init__(self, changes: FolderChanges) -> None:
        super().__init__()
        self.changes = changes


class WatchingState(Message):
    """The watcher fell back to polling ("polling") or stopped following the folder ("off")."""

    def __init__(self, state: str, reason: str) -> None:
        super().__init__()
        self.state = state
        self.reason = reason


def gone_position(articles: list[Article], article_id: str, step: int) -> int:
    """For [ and ] from an article removed while open: the row from which step lands on the
    article after it (step > 0) or before it."""
    row = bisect_left([a.id for a in articles], article_id)
    return row - 1 if step > 0 else row


class Watching:
    """The App's side of following the folder (a mixin of ReaderApp: it uses the app's attributes)."""

    _watch_stop: threading.Event | None = None
    watch_state = "not started"  # "watching", "polling" or "off" once started

    def start_watching(self) -> None:
        if self._watch_stop is not None or self.index is None:
            return
        self._watch_stop = threading.Event()
        # A daemon thread, not a worker: the reader's exit never waits for the watcher.
        threading.Thread(target=self._watch, args=(self._watch_stop,), name="folder-watcher", daemon=True).start()

    def on_unmount(self) -> None:
        if self._watch_stop is not None:
            self._watch_stop.set()

    def _watch(self, stop: threading.Event) -> None:
        from reader.folderwatch import may_matter, missed_while_indexing, needs_polling, read_changes
        from reader.workers import describe

        root = Path(self.index.root)
        target = Path(self.path)
        only = target.name if target.is_file() else None
        try:
            import watchfiles
        except ImportError as error:
            self.post_message(WatchingState("off", f"watchfiles cannot be loaded ({error})"))
            return
        reason = needs_polling(root)
        for polling in (False, True) if reason is None else (True,):
            started = False
            try:
                for changes in watchfiles.watch(
                    target,
                    watch_filter=lambda _change, path: may_matter(root, path),
                    debounce=DEBOUNCE_MS,
                    stop_event=stop,
                    force_polling=polling,
                    poll_delay_ms=POLL_MS,
                    rust_timeout=STARTED_MS,
                    yield_on_timeout=True,  # the first (empty) yield says the watch is in place
                    raise_interrupt=False,
                    ignore_permission_denied=True,
                ):
                    known = list(self._by_id)  # read from this thread: a snapshot is all it needs
                    paths = {path for _, path in changes}
                    if not started:
                        started = True
                        # What changed while the folder was indexed, before the watch began.
                        paths |= missed_while_indexing(root, known) if only is None else set()
                        self.post_message(WatchingState("polling" if polling else "watching", reason or ""))
                    if not paths:
                        continue
                    found = read_changes(root, paths, known, only)
                    if found.loaded or found.removed:
                        self.post_message(FolderChanged(found))
                return  # stopped: the reader is closing
            except Exception as error:  # noqa: BLE001 - whatever the watcher hits, the reader goes on
                if stop.is_set():
                    return
                reason = describe(error)
        self.post_message(WatchingState("off", reason or "unknown error"))

    def on_watching_state(self, message: WatchingState) -> None:
        self.watch_state = message.state
        if message.state == "watching" or not self.is_running:
            return
        if message.state == "polling":
            self.notify(
                f"{message.reason}: the reader checks it for changes every {POLL_MS // 1000} seconds instead.",
                title="Following the folder", timeout=8, markup=False,
            )  # fmt: skip
        else:
            self.notify(
                f"The reader will not follow changes to the folder: {message.reason}. Restart it to see new files.",
                title="Following the folder", severity="warning", timeout=12, markup=False,
            )  # fmt: skip

    def on_folder_changed(self, message: FolderChanged) -> None:
        from reader.folderwatch import same_article
        from reader.index import Index

        if self.index is None or not self.is_running:
            return
        changes = message.changes
        touched = {loaded.source.id for loaded in changes.loaded} | set(changes.removed)
        fresh = {l.source.id: l.article for l in changes.loaded if l.article is not None}
        old = {a.id: a for a in self.articles}
        added = sorted(i for i in fresh if i not in old)
        reread = sorted(i for i in fresh if i in old and not same_article(fresh[i], old[i]))
        gone = sorted(i for i in touched if i in old and i not in fresh)
        self.problems = [p for p in self.problems if p.file not in touched] + [l.problem for l in changes.loaded if l.problem]
        if not (added or reread or gone):
            self.query_one(SourceList).border_subtitle = self._subtitle()
            return
        merged = {**{i: a for i, a in old.items() if i not in gone}, **fresh}
        self.articles = [merged[i] for i in sorted(merged)]
        self._by_id = {a.id: a for a in self.articles}
        self._row = {a.id: n for n, a in enumerate(self.articles)}
        self.index = Index(self.index.root, tuple(self.articles), tuple(self.problems))
        self._refill_sources()
        self._follow_open_article(reread, gone)
        self._show_bookmarks()  # re-anchored in the new texts
        with self._engine_lock:
            self._engines.clear()
        self._prepare_search()
        if len(self.articles) <= self.COMPARE_AT_START:
            self._compare()  # the side panel and Compare show the new one when it is ready
        else:
            self.comparison = None  # compared again when c asks
        self.notify(_summary(added, reread, gone), title="The folder changed", timeout=5, markup=False)

    def _refill_sources(self) -> None:
        sources = self.query_one(SourceList)
        highlighted = sources.highlighted_option.id if sources.highlighted_option is not None else None
        sources.clear_options()
        sources.bookmark_counts = {}
        sources.add_articles(self.articles)
        if highlighted in self._row:
            sources.highlighted = self._row[highlighted]
        elif self.current is not None and self.current.id in self._row:
            sources.highlighted = self._row[self.current.id]
        sources.border_subtitle = self._subtitle()

    def _follow_open_article(self, reread: list[str], gone: list[str]) -> None:
        current = self.current
        if current is None:
            if self.articles:
                self.open_at_start(final=True)
            return
        if current.id in gone:
            self.query_one(ArticleView).border_title = f"{current.outlet or 'Article'} · removed"
            self.notify(
                f"{current.id} was removed from the folder. Its text stays here until you open another article.",
                title="The open article is gone", severity="warning", timeout=10, markup=False,
            )  # fmt: skip
        elif current.id in reread:
            view = self.query_one(ArticleView)
            offset = view.top_offset() or 0
            self.open_article(self._by_id[current.id])
            if offset:
                view.scroll_to_offset(min(offset, len(self.current.text)))


def _summary(added: list[str], reread: list[str], gone: list[str]) -> str:
    def names(ids: list[str]) -> str:
        shown = ", ".join(ids[:3])
        return shown + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")

    parts = []
    if added:
        parts.append(f"{len(added)} added: {names(added)}")
    if reread:
        parts.append(f"{len(reread)} changed, read again: {names(reread)}")
    if gone:
        parts.append(f"{len(gone)} removed: {names(gone)}")
    return "\n".join(parts)
