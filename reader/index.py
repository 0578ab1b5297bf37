"""The in-memory index of a folder: articles with their quotes and figures, and problems.

`load_articles` yields results one file at a time so that a caller (the UI's
worker, the CLI) can report progress and show articles before the last one is
read. `build_index` collects them.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from reader.articles import Article, parse_article
from reader.figures import Figure
from reader.quotes import Quote
from reader.sources import Discovery, Problem, SourceFile, discover, read_source


@dataclass(frozen=True, slots=True)
class Loaded:
    """The outcome of one file: an article, or the problem that kept it out."""

    source: SourceFile
    article: Article | None
    problem: Problem | None


def load_source(source: SourceFile) -> Loaded:
    try:
        text, encoding = read_source(source)
    except ValueError as error:
        return Loaded(source, None, Problem(source.id, str(error)))
    if not text.strip():
        return Loaded(source, None, Problem(source.id, "empty file"))
    try:
        article = parse_article(source.id, text, encoding, path=str(source.path))
    except Exception as error:  # noqa: BLE001 - one bad file must never stop the others
        return Loaded(source, None, Problem(source.id, f"could not be read as an article ({type(error).__name__}: {error})"))
    return Loaded(source, article, None)


PARALLEL_FROM = 64  # files: below this, starting worker processes costs more than it saves


def worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def load_articles(discovery: Discovery, workers: int | None = None) -> Iterator[Loaded]:
    """Results in file order. Large folders are read and parsed in worker processes (every core)."""
    workers = worker_count() if workers is None else workers
    if workers <= 1 or len(discovery.files) < PARALLEL_FROM:
        for source in discovery.files:
            yield load_source(source)
        return
    # forkserver: workers start from a clean process, safe to ask for from a thread (the UI's worker).
    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    done = 0
    try:
        chunk = max(1, min(64, len(discovery.files) // (workers * 8)))
        for loaded in executor.map(load_source, discovery.files, chunksize=chunk):
            yield loaded
            done += 1
    except (BrokenProcessPool, OSError, RuntimeError):
        # Workers could not start or died (no forkserver, a killed process): the index
        # is still built, the rest of it in this process.
        for source in discovery.files[done:]:
            yield load_source(source)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


@dataclass(frozen=True)
class Index:
    root: Path
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    _by_id: dict[str, Article] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {a.id: a for a in self.articles})

    def article(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def quotes(self) -> Iterator[tuple[Article, Quote]]:
        for article in self.articles:
            for quote in article.quotes:
                yield article, quote

    def figures(self) -> Iterator[tuple[Article, Figure]]:
        for article in self.articles:
            for figure in article.figures:
                yield article, figure


def build_index(path: Path, on_progress: Callable[[int, int], None] | None = None, workers: int | None = None) -> Index:
    """Index every article under path. Raises FileNotFoundError if path does not exist."""
    discovery = discover(path)
    articles: list[Article] = []
    problems = list(discovery.problems)
    total = len(discovery.files)
    with collection_paused():
        for done, loaded in enumerate(load_articles(discovery, workers), 1):
            if loaded.article is not None:
                articles.append(loaded.article)
            if loaded.problem is not None:
                problems.append(loaded.problem)
            if on_progress is not None:
                on_progress(done, total)
    return Index(discovery.root, tuple(articles), tuple(problems))


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while the index grows: it makes no cycles, and each full
    collection would scan every object already loaded (half a million for 10,000 articles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
