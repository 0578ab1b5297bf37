"""A cache of parsed articles, so that a folder opens at once the second time.

One SQLite database in the user's cache folder (platformdirs' user_cache_dir, so
XDG_CACHE_HOME is honoured), in WAL mode so that two readers can use it at once.
A row is one file's parsed article, keyed by the file's absolute path, size and
modification time and by a version of the extraction code: a changed file, or a
new release of the extractors, reads the file again.

The cache is disposable and never the only copy of anything: corrupt, locked,
read-only or full, the reader says so once (`problem`) and goes on without it.
"""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import hashlib
import os
import pickle
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from reader.userfiles import APP_NAME

FILE_NAME = "articles.sqlite3"
SCHEMA = 2  # the table's shape: a database of another shape is emptied and made anew
BUSY_MS = 250  # another reader writing: wait this long, then go on without the cache
CORE = Path(__file__).resolve().parent


def cache_key(path: str | os.PathLike[str]) -> str:
    """A file's key in the cache: its absolute path."""
    return os.path.abspath(path)


def cache_dir() -> Path:
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


@functools.cache
def code_version() -> str:
    """A digest of the core's source: any change to how articles are read makes a new version."""
    digest = hashlib.sha256(f"schema {SCHEMA}".encode())
    for path in sorted(CORE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# -- Compact pickles --------------------------------------------------------------
# A frozen, slotted dataclass pickles by default through a Python __setstate__ that
# sets one field at a time: rebuilt from its fields' values instead, 10,000 articles
# load from the cache in half the time.


def _by_fields(obj: object) -> tuple[type, tuple]:
    cls = type(obj)
    return cls, tuple([getattr(obj, name) for name in _field_names(cls)])


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def register_compact(*classes: type) -> None:
    for cls in classes:
        if all(f.init for f in dataclasses.fields(cls)):
            copyreg.pickle(cls, _by_fields)


def dumps(obj: object) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def loads(blob: bytes) -> object:
    return pickle.loads(blob)


@dataclass(frozen=True, slots=True)
class Entry:
    """What the cache keeps of one file: its key, its pickled article, and the article's row
    in the source list (so the list can be drawn before any article is unpickled)."""

    path: str
    size: int
    mtime_ns: int
    blob: bytes
    summary: Summary


@dataclass(frozen=True, slots=True)
class Summary:
    """What the source list shows of an article."""

    title: str
    outlet: str | None
    words: int
    quotes: int
    figures: int

    @classmethod
    def of(cls, article) -> Summary:
        return cls(article.title, article.outlet, article.words, len(article.quotes), len(article.figures))


class ArticleCache:
    """The cache of one folder. Every method survives a broken database: it sets
    `problem` (said once by the caller) and from then on does nothing."""

    def __init__(self, folder: Path, database: Path | None = None) -> None:
        self.folder = os.path.abspath(folder)
        self.database = database or cache_dir() / FILE_NAME
        self.problem: str | None = None
        self._connection: sqlite3.Connection | None = None
        self._pending: list[tuple] = []

    # -- Opening ----------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None or self.problem is not None:
            return self._connection
        try:
            self.database.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.database, timeout=BUSY_MS / 1000, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                with connection:  # a cache of another shape (an older reader's): begun anew
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute("DROP TABLE IF EXISTS articles")
                    connection.execute(
                        "CREATE TABLE articles (folder TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL,"
                        " mtime_ns INTEGER NOT NULL, version TEXT NOT NULL, blob BLOB NOT NULL,"
                        " title TEXT NOT NULL, outlet TEXT, words INTEGER NOT NULL, quotes INTEGER NOT NULL,"
                        " figures INTEGER NOT NULL, PRIMARY KEY (folder, path))"
                    )
                    connection.execute(f"PRAGMA user_version = {SCHEMA}")
        except (sqlite3.Error, OSError) as error:
            self._fail("cannot be opened", error)
            return None
        self._connection = connection
        return connection

    def _fail(self, what: str, error: BaseException) -> None:
        self.problem = f"the cache {self.database} {what} ({type(error).__name__}: {error}); reading without it"
        self.close()

    # -- Reading and writing -------------------------------------------------------

    def fresh(self, keys: dict[str, tuple[int, int]]) -> set[str]:
        """The paths whose cached (size, mtime_ns) still match the file's: their articles are
        fetched one at a time by `blob`, so a big folder's pickles are never all in memory."""
        connection = self._connect()
        if connection is None:
            return set()
        try:
            rows = connection.execute(
                "SELECT path, size, mtime_ns FROM articles WHERE folder = ? AND version = ?", (self.folder, code_version())
            ).fetchall()
        except sqlite3.Error as error:
            self._fail("cannot be read", error)
            return set()
        return {path for path, size, mtime_ns in rows if keys.get(path) == (size, mtime_ns)}

    def summaries(self, keys: dict[str, tuple[int, int]]) -> dict[str, Summary]:
        """The source-list rows of these files, where the cache holds them fresh."""
        connection = self._connect()
        if connection is None or not keys:
            return {}
        found: dict[str, Summary] = {}
        try:
            for path, (size, mtime_ns) in keys.items():
                row = connection.execute(
                    "SELECT title, outlet, words, quotes, figures FROM articles"
                    " WHERE folder = ? AND path = ? AND version = ? AND size = ? AND mtime_ns = ?",
                    (self.folder, path, code_version(), size, mtime_ns),
                ).fetchone()
                if row is not None:
                    found[path] = Summary(*row)
        except sqlite3.Error as error:
            self._fail("cannot be read", error)
            return {}
        return found

    def blob(self, path: str) -> bytes | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute(
                "SELECT blob FROM articles WHERE folder = ? AND path = ? AND version = ?", (self.folder, path, code_version())
            ).fetchone()
        except sqlite3.Error as error:
            self._fail("cannot be read", error)
            return None
        return row[0] if row else None

    def put(self, entry: Entry) -> None:
        """Keep one file's article; written in batches (`flush`)."""
        if self.problem is not None:
            return
        summary = entry.summary
        self._pending.append(
            (self.folder, entry.path, entry.size, entry.mtime_ns, code_version(), entry.blob,
             summary.title, summary.outlet, summary.words, summary.quotes, summary.figures)
        )  # fmt: skip
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("BEGIN")
                connection.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pending)
        except sqlite3.Error as error:
            self._fail("cannot be written", error)

    def keep_only(self, paths: Iterable[str]) -> None:
        """Drop this folder's rows for files that are gone, and rows of older code."""
        self.flush()
        connection = self._connect()
        if connection is None:
            return
        present = set(paths)
        try:
            stored = [p for (p,) in connection.execute("SELECT path FROM articles WHERE folder = ?", (self.folder,))]
            gone = [(self.folder, p) for p in stored if p not in present]
            with connection:
                connection.execute("BEGIN")
                connection.executemany("DELETE FROM articles WHERE folder = ? AND path = ?", gone)
                connection.execute("DELETE FROM articles WHERE version != ?", (code_version(),))
        except sqlite3.Error as error:
            self._fail("cannot be written", error)

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None
