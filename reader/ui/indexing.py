"""The index worker and its messages, and what the app does with them.

The first frame does not wait for the index: a thread worker reads the folder
(in worker processes when it is big, from the cache where files are unchanged)
and posts batches of articles; the source list fills in while it runs. Whatever
fails in a worker is said: a notification, and a row in the Problems view.
"""

from __future__ import annotations

import gc
import os
import time
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.worker import Worker, WorkerState, get_current_worker

from reader.ui.article_view import ArticleView
from reader.ui.source_list import SourceList, source_row

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.sources import Discovery
    from reader.index import Index
    from reader.sources import Problem

BATCH_SECONDS = 0.05  # how often the worker reports while the first screenful comes in: it feels live
LATER_BATCH_SECONDS = 0.5  # and after that: each report repaints the screen (~0.2 s for 10,000 rows)
SCREENFUL = 100  # articles
# What each background job is, for the notice when one fails.
JOBS = {"index": "Indexing", "compare": "Comparing the articles", "search-index": "Building the search index"}


class IndexBatch(Message):
    """Articles and problems read since the last batch."""

    def __init__(self, articles: list[Article], problems: list[Problem], done: int, total: int) -> None:
        super().__init__()
        self.articles = articles
        self.problems = problems
        self.done = done
        self.total = total


class IndexReady(Message):
    def __init__(self, index: Index) -> None:
        super().__init__()
        self.index = index


class IndexFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class BackgroundTrouble(Message):
    """Something went wrong beside the files (the worker processes, the cache): the reader
    went on without it, and says so."""

    def __init__(self, problem: Problem) -> None:
        super().__init__()
        self.problem = problem


class Indexing:
    """The App's side of indexing (a mixin of ReaderApp: it uses the app's attributes)."""

    use_cache: bool
    _discovery: Discovery | None = None  # the folder as listed ahead of the first frame, for the worker

    def list_from_cache(self) -> None:
        """Before the first frame: the first screenful of rows drawn from the cache, where it
        holds those files unchanged; their articles follow from the worker. Only the cache's
        small columns are read here: nothing is unpickled and no extractor is loaded."""
        if not self.use_cache:
            return
        from reader.cache import ArticleCache, cache_key
        from reader.sources import discover

        try:
            discovery = discover(self.path)
        except OSError:
            return  # the worker says what is wrong
        self._discovery = discovery
        first = discovery.files[:SCREENFUL]
        keys: dict[str, tuple[int, int]] = {}
        for source in first:
            try:
                info = os.stat(source.path)
            except OSError:
                break
            keys[cache_key(source.path)] = (info.st_size, info.st_mtime_ns)
        cache = ArticleCache(discovery.root)
        try:
            found = cache.summaries(keys)
        finally:
            cache.close()  # a cache that cannot be used is said once, by the worker
        rows = []
        for source in first:  # in order, up to the first file the cache does not hold
            summary = found.get(cache_key(source.path))
            if summary is None:
                break
            rows.append((source.id, source_row(summary.title, summary.outlet, summary.words, summary.quotes, summary.figures)))
        self.query_one(SourceList).add_rows(rows)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def load_index(self) -> None:
        from reader.cache import ArticleCache
        from reader.index import Index, collection_paused, load_articles
        from reader.sources import Problem, discover

        worker = get_current_worker()
        try:
            discovery, self._discovery = self._discovery or discover(self.path), None
        except OSError as error:
            self.post_message(IndexFailed(f"cannot read {self.path}: {error.strerror or error}"))
            return
        total = len(discovery.files)
        articles: list[Article] = []
        problems: list[Problem] = list(discovery.problems)
        batch: list[Article] = []
        batch_problems: list[Problem] = list(discovery.problems)

        def trouble(problem: Problem) -> None:
            problems.append(problem)
            batch_problems.append(problem)
            self.post_message(BackgroundTrouble(problem))

        cache = ArticleCache(discovery.root) if self.use_cache else None
        last = time.monotonic() - BATCH_SECONDS  # the first article is posted at once: its headline is the first frame
        try:
            with collection_paused():
                for done, loaded in enumerate(load_articles(discovery, cache=cache, on_problem=trouble), 1):
                    if worker.is_cancelled:
                        return
                    if loaded.article is not None:
                        articles.append(loaded.article)
                        batch.append(loaded.article)
                    if loaded.problem is not None:
                        problems.append(loaded.problem)
                        batch_problems.append(loaded.problem)
                    if time.monotonic() - last >= (BATCH_SECONDS if done <= SCREENFUL else LATER_BATCH_SECONDS):
                        self.post_message(IndexBatch(batch, batch_problems, done, total))
                        batch, batch_problems, last = [], [], time.monotonic()
        finally:
            if cache is not None:
                cache.close()
        self.post_message(IndexBatch(batch, batch_problems, total, total))
        self.post_message(IndexReady(Index(discovery.root, tuple(articles), tuple(problems))))

    def on_index_batch(self, message: IndexBatch) -> None:
        self.articles.extend(message.articles)
        for article in message.articles:
            self._by_id[article.id] = article
            self._row[article.id] = len(self._row)
        self.problems.extend(message.problems)
        sources = self.query_one(SourceList)
        for problem in message.problems:
            sources.drop_row(problem.file)
        sources.add_articles(message.articles)
        sources.border_subtitle = f"indexing {message.done}/{message.total}…"
        if self.current is None and self.articles:
            if sources.highlighted is None:
                sources.highlighted = 0  # moved to the article left open last time when it opens
            # The headlines are painted first; the article (its text and side panel, the larger
            # render) right after: the one left open last time, or the first (reader/ui/resume.py).
            self.call_after_refresh(self._open_first)

    def _open_first(self) -> None:
        if self.current is None and self.articles:
            self.open_at_start()

    def on_index_ready(self, message: IndexReady) -> None:
        self.index = message.index
        # The index lives as long as the app: keep its objects out of the GC's scans,
        # which otherwise pause a big folder's session for tens of milliseconds.
        gc.freeze()
        if self.current is None:  # the article left open last time is not in the folder: the first
            self.call_after_refresh(self.open_at_start, True)
        self._show_bookmarks()
        sources = self.query_one(SourceList)
        count = len(self.index.articles)
        sources.border_subtitle = self._subtitle()
        skipped = [p for p in self.problems if not p.file.startswith("(")]
        if skipped:
            listed = "\n".join(f"{p.file}: {p.reason}" for p in skipped[:5])
            more = f"\n…and {len(skipped) - 5} more" if len(skipped) > 5 else ""
            self.notify(
                f"{listed}{more}\nPress ! for the Problems view.",
                title=f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} skipped",
                severity="warning",
                timeout=8,
                markup=False,
            )
        if not count:
            self.query_one(ArticleView).show(None, f"No articles in {self.path}: it holds no readable article file.")
        self._prepare_search()
        if count <= self.COMPARE_AT_START:
            self._compare()
        self.start_watching()  # added, changed and removed files from now on (reader/ui/watching.py)

    def on_index_failed(self, message: IndexFailed) -> None:
        self.query_one(SourceList).border_subtitle = "failed"
        self.query_one(ArticleView).show(None, message.reason)
        self.notify(message.reason, title="Cannot index", severity="error", markup=False)

    def on_background_trouble(self, message: BackgroundTrouble) -> None:
        self.notify(f"{message.problem.reason}\nPress ! for the Problems view.", title=message.problem.file.strip("()").capitalize(), severity="warning", timeout=10, markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A background job that raised: said, listed, and the reader goes on without it."""
        worker = event.worker
        if event.state != WorkerState.ERROR or worker.group not in JOBS:
            return
        from reader.sources import Problem
        from reader.workers import describe

        job = JOBS[worker.group]
        reason = f"{job} failed: {describe(worker.error) if worker.error else 'unknown error'}"
        self.problems.append(Problem(f"({worker.group})", reason))
        if worker.group == "index":
            self.post_message(IndexFailed(reason))
        else:
            self.notify(f"{reason}\nThe reader goes on without it.", title=job, severity="error", timeout=10, markup=False)
