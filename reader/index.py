"""The in-memory index of a folder: articles with their quotes and figures, and problems.

`load_articles` yields results one file at a time so that a caller (the UI's
worker, the CLI) can report progress and show articles before the last one is
read. `build_index` collects them.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from reader.articles import Article, Paragraph, Removed, parse_article
from reader.cache import ArticleCache, Entry, Summary, cache_key, dumps, loads, register_compact
from reader.figures import Figure, Quantity
from reader.quotes import Quote
from reader.sources import Discovery, Problem, SourceFile, discover, read_source
from reader.workers import map_in_workers, worker_count


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
        article = parse_article(source.id, text, encoding, path=str(source.path)).packed_for_index()
    except Exception as error:  # noqa: BLE001 - one bad file must never stop the others
        return Loaded(source, None, Problem(source.id, f"could not be read as an article ({type(error).__name__}: {error})"))
    return Loaded(source, article, None)


register_compact(Loaded, SourceFile, Problem, Article, Paragraph, Removed, Quote, Figure, Quantity)


def share_strings(article: Article, shared: dict[str, str]) -> None:
    """One copy of each small string an article repeats from others ("body", "count", a unit, a
    speaker): each article is a pickle of its own in the cache, and a folder read from it held
    a copy a string an article (12 MB of 10,000 articles' 110 MB)."""
    one, put = shared.setdefault, object.__setattr__
    put(article, "encoding", one(article.encoding, article.encoding))
    for paragraph in article.paragraphs:
        put(paragraph, "kind", one(paragraph.kind, paragraph.kind))
    for quote in article.quotes:
        if quote.speaker is not None:
            put(quote, "speaker", one(quote.speaker, quote.speaker))
        if quote.speaker_role is not None:
            put(quote, "speaker_role", one(quote.speaker_role, quote.speaker_role))
    for figure in article.figures:
        put(figure, "kind", one(figure.kind, figure.kind))
        if figure.counts is not None:
            put(figure, "counts", one(figure.counts, figure.counts))
        quantity = figure.quantity
        if quantity is not None:
            for name in ("unit", "unit_name", "qualifier"):
                value = getattr(quantity, name)
                if type(value) is str:
                    put(quantity, name, one(value, value))


PARALLEL_FROM = 64  # files: below this, starting worker processes costs more than it saves


def load_for_cache(source: SourceFile) -> tuple[bytes, int, int]:
    """One file read and parsed, pickled (in a worker process, where the pickle is made
    anyway to send it back), with the size and mtime it had before it was read."""
    try:
        info = os.stat(source.path)
        size, mtime_ns = info.st_size, info.st_mtime_ns
    except OSError:
        size = mtime_ns = -1
    return dumps(load_source(source)), size, mtime_ns


def load_articles(
    discovery: Discovery,
    workers: int | None = None,
    *,
    cache: ArticleCache | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> Iterator[Loaded]:
    """Results in file order: from the cache where a file is unchanged, else read and parsed,
    in worker processes (every core) when there are many to read.

    on_problem hears what went wrong beside the files: a pool that failed (the rest is read in
    this process), a cache that cannot be used (the folder is read without it).
    """
    workers = worker_count() if workers is None else workers
    files = discovery.files

    def tell(file: str, reason: str) -> None:
        if on_problem is not None:
            on_problem(Problem(file, reason))

    keyed = [cache_key(source.path) for source in files]
    cached: set[str] = set()
    if cache is not None:
        stats: dict[str, tuple[int, int]] = {}
        for key in keyed:
            try:
                info = os.stat(key)
            except OSError:
                continue
            stats[key] = (info.st_size, info.st_mtime_ns)
        cached = cache.fresh(stats)
    missing = [source for source, key in zip(files, keyed) if key not in cached]
    read = load_for_cache if cache is not None else load_source
    if workers > 1 and len(missing) >= PARALLEL_FROM:
        results: Iterator = map_in_workers(read, missing, workers, lambda reason: tell("(worker processes)", reason))
    else:
        results = map(read, missing)
    shared: dict[str, str] = {}
    try:
        for source, key in zip(files, keyed):
            if key in cached:
                try:
                    hit = loads(cache.blob(key) or b"")
                except Exception:  # noqa: BLE001 - a damaged or vanished row: the file is read instead
                    loaded = read(source)
                else:
                    if hit.article is not None:
                        share_strings(hit.article, shared)
                    yield hit
                    continue
            else:
                loaded = next(results)
            if cache is None:
                yield loaded
                continue
            blob, size, mtime_ns = loaded
            result = loads(blob)
            if result.article is not None:
                share_strings(result.article, shared)
            if result.article is not None and size >= 0:
                cache.put(Entry(key, size, mtime_ns, blob, Summary.of(result.article)))
            yield result
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # the pool ends now, not when the generator is collected
    if cache is not None:
        cache.keep_only(keyed)
        if cache.problem:
            tell("(cache)", cache.problem)


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


def build_index(
    path: Path,
    on_progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    *,
    cache: ArticleCache | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> Index:
    """Index every article under path. Raises FileNotFoundError if path does not exist."""
    discovery = discover(path)
    articles: list[Article] = []
    problems = list(discovery.problems)
    total = len(discovery.files)

    def noted(problem: Problem) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    with collection_paused():
        for done, loaded in enumerate(load_articles(discovery, workers, cache=cache, on_problem=noted), 1):
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
