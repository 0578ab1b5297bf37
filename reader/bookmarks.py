"""Bookmarks of passages, in a YAML file a person can read and edit.

Safety, in order of importance:
- A file the reader cannot parse is never written: the store refuses to save
  and says what is wrong and where (line and column).
- Every save re-reads the file under a lock and applies the one change to what
  is on disk, so two readers running at once lose nothing, and a hand edit
  made since the last load is kept.
- Writes are atomic (reader.userfiles.atomic_write_text): a save killed
  halfway leaves the old file whole.

Anchoring follows Hypothesis's approach: a bookmark keeps its passage, about
32 characters either side, and its offsets. Against the current text it is
placed by its offsets if the text there still matches, else by the exact
passage (nearest the old offset), else by a fuzzy match scored mostly on the
passage and partly on prefix, suffix and distance; else it is orphaned,
shown with its saved text, and never dropped.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from reader.config import describe_yaml_error, load_config
from reader.userfiles import atomic_write_text, data_dir

CONTEXT = 32  # characters of prefix and suffix kept with a passage
FUZZY_THRESHOLD = 75.0
ENVIRONMENT = "SEED_READER_BOOKMARKS"
FIELDS = ("id", "created", "article", "title", "outlet", "passage", "prefix", "suffix", "start", "end", "note", "tags")


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    created: str
    article: str
    title: str
    outlet: str | None
    passage: str
    prefix: str
    suffix: str
    start: int
    end: int
    note: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Anchored:
    """A bookmark placed in the current text of its article."""

    bookmark: Bookmark
    start: int | None
    end: int | None
    how: str  # "offsets", "exact", "fuzzy" or "orphaned"

    @property
    def orphaned(self) -> bool:
        return self.how == "orphaned"


class BookmarkFileError(Exception):
    """The bookmarks file cannot be used as it is; it is left untouched."""


# -- Where the file is ------------------------------------------------------------


def bookmarks_path(override: str | Path | None = None) -> Path:
    """--bookmarks FILE, else $SEED_READER_BOOKMARKS, else config's bookmarks_file, else the data folder's."""
    if override:
        return Path(override).expanduser()
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT]).expanduser()
    configured = load_config().values.get("bookmarks_file")
    if isinstance(configured, str) and configured:
        return Path(configured).expanduser()
    return data_dir() / "bookmarks.yaml"


# -- Making one ---------------------------------------------------------------


def make_bookmark(
    article_id: str, title: str, outlet: str | None, text: str, start: int, end: int,
    note: str = "", tags: tuple[str, ...] = (), existing: set[str] | None = None, now: datetime | None = None,
) -> Bookmark:  # fmt: skip
    if not 0 <= start < end <= len(text):
        raise ValueError(f"the passage {start}-{end} is not inside the article (0-{len(text)})")
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    base = f"{now.strftime('%Y-%m-%dT%H-%M-%S')}-{Path(article_id).stem[:8]}"
    identifier, number = base, 1
    while existing and identifier in existing:
        number += 1
        identifier = f"{base}-{number}"
    return Bookmark(
        id=identifier,
        created=now.isoformat(),
        article=article_id,
        title=title,
        outlet=outlet,
        passage=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
        note=note.strip(),
        tags=tuple(dict.fromkeys(t.strip() for t in tags if t.strip())),
    )


def parse_tags(text: str) -> tuple[str, ...]:
    """'quotes, aleppo' -> ('quotes', 'aleppo')."""
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


# -- The file's shape -----------------------------------------------------------


def parse_bookmarks(text: str, source: str = "bookmarks file") -> list[Bookmark]:
    """Bookmarks from the file's text. Raises BookmarkFileError saying what and where."""
    try:
        data = yaml.safe_load(text)  # never the full loader: a !!python tag is refused
    except yaml.YAMLError as error:
        raise BookmarkFileError(f"{source}: {describe_yaml_error(error)}") from error
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("bookmarks", []), list):
        raise BookmarkFileError(f"{source}: expected 'version: 1' and a list under 'bookmarks:'")
    if data.get("version", 1) != 1:
        raise BookmarkFileError(f"{source}: version {data.get('version')!r} is not one this reader knows (1)")
    bookmarks = []
    for number, item in enumerate(data.get("bookmarks") or [], 1):
        bookmarks.append(_bookmark(item, f"{source}: bookmark {number}"))
    return bookmarks


def _bookmark(item: object, where: str) -> Bookmark:
    if not isinstance(item, dict):
        raise BookmarkFileError(f"{where} is not a mapping")
    missing = [k for k in ("id", "article", "passage", "start", "end") if item.get(k) in (None, "")]
    if missing:
        raise BookmarkFileError(f"{where} has no {', '.join(missing)}")
    for key in ("start", "end"):
        if not isinstance(item[key], int) or isinstance(item[key], bool):
            raise BookmarkFileError(f"{where}: {key} is not a whole number")
    tags = item.get("tags") or []
    if isinstance(tags, str):
        tags = parse_tags(tags)
    if not isinstance(tags, list | tuple) or not all(isinstance(t, str | int | float) for t in tags):
        raise BookmarkFileError(f"{where}: tags is not a list")

    def text(key: str, default: str = "") -> str:
        value = item.get(key, default)
        return default if value is None else str(value)

    return Bookmark(
        id=str(item["id"]),
        created=text("created"),
        article=str(item["article"]),
        title=text("title"),
        outlet=None if item.get("outlet") is None else str(item["outlet"]),
        passage=str(item["passage"]),
        prefix=text("prefix"),
        suffix=text("suffix"),
        start=item["start"],
        end=item["end"],
        note=text("note"),
        tags=tuple(str(t) for t in tags),
    )


class _Dumper(yaml.SafeDumper):
    pass


_YAML_LINE_BREAKS = ("\x85", "\u2028", "\u2029", "\r")


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # YAML reads these as line breaks in any other style: only double quotes keep them.
    if any(c in value for c in _YAML_LINE_BREAKS) or not all(c.isprintable() or c in "\n\t" for c in value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    # Long or multi-line text as a block scalar, so the file reads like text.
    if "\n" in value or len(value) > 80:
        if value == value.strip() and not any(c in value for c in "\t\r"):
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else ">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


class _Flow(list):
    """A short list written on one line: tags: [quotes, aleppo]."""


_Dumper.add_representer(str, _string)
_Dumper.add_representer(_Flow, lambda dumper, value: dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True))


def dump_bookmarks(bookmarks: list[Bookmark]) -> str:
    items = []
    for bookmark in bookmarks:
        item = asdict(bookmark)
        item["tags"] = _Flow(bookmark.tags)
        items.append({key: item[key] for key in FIELDS})
    header = "# seed-reader bookmarks. Safe to edit by hand while the reader is closed or open.\n"
    return header + yaml.dump(
        {"version": 1, "bookmarks": items}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )


# -- Anchoring ----------------------------------------------------------------


def anchor(bookmark: Bookmark, text: str | None) -> Anchored:
    """Place a bookmark in the current text of its article (None: the article is gone)."""
    if text is None or not bookmark.passage:
        return Anchored(bookmark, None, None, "orphaned")
    start, end, passage = bookmark.start, bookmark.end, bookmark.passage
    if 0 <= start < end <= len(text) and text[start:end] == passage:
        return Anchored(bookmark, start, end, "offsets")
    places = [m.start() for m in re.finditer(re.escape(passage), text)]
    if places:
        best = min(places, key=lambda p: abs(p - start))
        return Anchored(bookmark, best, best + len(passage), "exact")
    found = _fuzzy(bookmark, text)
    if found is not None:
        return Anchored(bookmark, found[0], found[1], "fuzzy")
    return Anchored(bookmark, None, None, "orphaned")


def _fuzzy(bookmark: Bookmark, text: str) -> tuple[int, int] | None:
    passage = bookmark.passage
    if len(passage) > len(text):
        return None
    alignment = fuzz.partial_ratio_alignment(passage, text, score_cutoff=FUZZY_THRESHOLD - 10)
    if alignment is None:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    prefix = text[max(0, start - CONTEXT) : start]
    suffix = text[end : end + CONTEXT]
    context = 0.5 * fuzz.ratio(bookmark.prefix, prefix) + 0.5 * fuzz.ratio(bookmark.suffix, suffix) if (bookmark.prefix or bookmark.suffix) else alignment.score
    distance = min(1.0, abs(start - bookmark.start) / max(1, len(text)))
    score = 0.75 * alignment.score + 0.2 * context + 5 * (1 - distance)
    if score < FUZZY_THRESHOLD:
        return None
    # Widen to whole words: the alignment may cut a word the edit changed.
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def anchor_all(bookmarks: list[Bookmark], text_of: Callable[[str], str | None]) -> list[Anchored]:
    return [anchor(b, text_of(b.article)) for b in bookmarks]


# -- The store ------------------------------------------------------------------


@dataclass
class BookmarkStore:
    """The bookmarks file, read and written safely. `error` set means: read-only, fix the file."""

    path: Path
    bookmarks: list[Bookmark] = field(default_factory=list)
    error: str | None = None
    _signature: tuple | None = None

    @classmethod
    def open(cls, path: Path) -> BookmarkStore:
        store = cls(Path(path))
        store.reload()
        return store

    def _stat(self) -> tuple | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def _read(self) -> list[Bookmark]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as error:
            raise BookmarkFileError(f"{self.path}: cannot be read ({error})") from error
        return parse_bookmarks(text, str(self.path))

    def reload(self) -> None:
        """Read the file again (a hand edit, another reader's save)."""
        signature = self._stat()
        try:
            self.bookmarks = self._read()
            self.error = None
        except BookmarkFileError as error:
            self.bookmarks, self.error = [], str(error)
        self._signature = signature

    def reload_if_changed(self) -> bool:
        if self._stat() != self._signature:
            self.reload()
            return True
        return False

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        with open(lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _change(self, apply: Callable[[list[Bookmark]], list[Bookmark]]) -> None:
        """Apply one change to what is on disk now, under the lock, and write it atomically."""
        with self._locked():
            try:
                current = self._read()
            except BookmarkFileError as error:
                self.bookmarks, self.error = [], str(error)
                raise
            updated = apply(current)
            atomic_write_text(self.path, dump_bookmarks(updated))
            self.bookmarks, self.error = updated, None
            self._signature = self._stat()

    def add(self, bookmark: Bookmark) -> Bookmark:
        added: list[Bookmark] = []

        def apply(current: list[Bookmark]) -> list[Bookmark]:
            existing = {b.id for b in current}
            final = bookmark
            number = 1
            while final.id in existing:  # another reader took this id meanwhile
                number += 1
                final = replace(bookmark, id=f"{bookmark.id}-{number}")
            added.append(final)
            return [*current, final]

        self._change(apply)
        return added[0]

    def update(self, bookmark_id: str, note: str, tags: tuple[str, ...]) -> None:
        self._change(lambda current: [replace(b, note=note.strip(), tags=tags) if b.id == bookmark_id else b for b in current])

    def delete(self, bookmark_id: str) -> Bookmark | None:
        removed: list[Bookmark] = []

        def apply(current: list[Bookmark]) -> list[Bookmark]:
            removed.extend(b for b in current if b.id == bookmark_id)
            return [b for b in current if b.id != bookmark_id]

        self._change(apply)
        return removed[0] if removed else None

    def restore(self, bookmark: Bookmark, position: int) -> None:
        """Put a deleted bookmark back where it was (undo)."""

        def apply(current: list[Bookmark]) -> list[Bookmark]:
            if any(b.id == bookmark.id for b in current):
                return current
            return [*current[:position], bookmark, *current[position:]]

        self._change(apply)

    def ids(self) -> set[str]:
        return {b.id for b in self.bookmarks}


def start_new_file_beside(path: Path, now: datetime | None = None) -> Path:
    """A fresh file next to a broken one, which is left as it is."""
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H-%M-%S")
    new = path.with_name(f"{path.stem}-{stamp}{path.suffix or '.yaml'}")
    atomic_write_text(new, dump_bookmarks([]))
    return new


def to_markdown(anchored: list[Anchored]) -> str:
    """One block quote per bookmark with its article, outlet, note and tags."""
    parts = ["# Bookmarks\n"]
    for item in anchored:
        b = item.bookmark
        quote = "\n".join(f"> {line}" if line else ">" for line in b.passage.splitlines())
        source = f"{b.title} ({b.outlet})" if b.outlet else b.title
        lines = [quote, "", f"— *{source}*, `{b.article}`" + (" (orphaned)" if item.orphaned else "")]
        if b.note:
            lines.append(f"\nNote: {b.note}")
        if b.tags:
            lines.append(f"\nTags: {', '.join(b.tags)}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
