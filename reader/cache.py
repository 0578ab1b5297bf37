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
SCHEMA = 1
BUSY_MS = 250  # another reader writing: wait this long, then go on without the cache
CORE = Path(__file__).resolve().parent


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
    """What the cache keeps of one file: its key and its pickled article."""

    path: str
    size: int
    mtime_ns: int
    blob: bytes


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
            connection.execute(
                "CREATE TABLE IF NOT EXISTS articles (folder TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL,"
                " mtime_ns INTEGER NOT NULL, version TEXT NOT NULL, blob BLOB NOT NULL, PRIMARY KEY (folder, path))"
            )
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
        self._pending.append((self.folder, entry.path, entry.size, entry.mtime_ns, code_version(), entry.blob))
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
                connection.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)", pending)
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
