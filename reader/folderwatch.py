"""Following a folder while it is read: which changes matter, and what they amount to.

The watching itself is watchfiles' (inotify and its kin, or polling); this module
turns a burst of reported paths into articles to re-read and ids to drop, with
the same rules discovery uses (.txt and .md files, nothing hidden), and tells
which filesystems report no changes to a watcher (network and shared folders) so
they are polled instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.index import Loaded, load_source
from reader.sources import ARTICLE_SUFFIXES, SourceFile, discover

# Filesystems where inotify sees only this machine's own writes, or nothing at all.
POLLED_FILESYSTEMS = frozenset(
    "nfs nfs4 cifs smb smb3 smbfs ncpfs afs 9p virtiofs vboxsf vmhgfs fuse.vmhgfs-fuse fuse.sshfs fuse.rclone fuse.s3fs davfs fuse.davfs2".split()
)


@dataclass(frozen=True, slots=True)
class FolderChanges:
    """What a burst of changes amounts to: files read again (or for the first time), ids gone."""

    loaded: tuple[Loaded, ...]
    removed: tuple[str, ...]


def same_article(a, b) -> bool:
    """The same text, headline and metadata (quotes and figures follow from them); the file's
    path may be written differently."""
    return (a.text, a.title, a.outlet, a.dateline, a.date) == (b.text, b.title, b.outlet, b.dateline, b.date)


def relative_id(root: Path, path: str) -> str | None:
    """The article id of path under root, or None when it is outside or hidden."""
    relative = os.path.relpath(path, root)
    if relative == "." or relative.startswith(".."):
        return None
    parts = Path(relative).parts
    if any(part.startswith(".") for part in parts):
        return None
    return Path(relative).as_posix()


def may_matter(root: Path, path: str) -> bool:
    """An article file, or something that may be a folder of them (watchfiles' filter)."""
    identifier = relative_id(root, path)
    if identifier is None:
        return False
    name = identifier.rsplit("/", 1)[-1].lower()
    return name.endswith(ARTICLE_SUFFIXES) or "." not in name or os.path.isdir(path)


def read_changes(root: Path, paths: Iterable[str], known: Iterable[str], only: str | None = None) -> FolderChanges:
    """Each changed path as it is now: a file read again, a folder's files read, a path gone
    (with the articles under it when it was a folder). known: the ids the reader has.
    only: when the reader was opened on one file, the id of that file."""
    known = set(known)
    loaded: dict[str, Loaded] = {}
    removed: set[str] = set()
    for path in sorted(set(paths)):
        identifier = relative_id(root, path)
        if identifier is None or (only is not None and identifier != only):
            continue
        if os.path.isdir(path):
            try:
                found = discover(Path(path))
            except OSError:
                continue
            for source in found.files:
                full = SourceFile(f"{identifier}/{source.id}", root / identifier / source.id)
                loaded[full.id] = load_source(full)
        elif os.path.lexists(path):
            if identifier.lower().endswith(ARTICLE_SUFFIXES):
                loaded[identifier] = load_source(SourceFile(identifier, root / identifier))  # the path as discovery writes it
        else:
            prefix = identifier + "/"
            removed.update(i for i in known if i == identifier or i.startswith(prefix))
            if identifier.lower().endswith(ARTICLE_SUFFIXES):
                removed.add(identifier)  # a file that failed to load has its Problem dropped too
    removed -= set(loaded)
    return FolderChanges(tuple(loaded[i] for i in sorted(loaded)), tuple(sorted(removed)))


def missed_while_indexing(root: Path, known: Iterable[str]) -> set[str]:
    """Paths of articles added or removed since the index was built (between its discovery and
    the start of the watch), to be read as changes."""
    try:
        now = {source.id: source.path for source in discover(root).files}
    except OSError:
        return set()
    known = set(known)
    added = {str(path) for identifier, path in now.items() if identifier not in known}
    return added | {str(root / identifier) for identifier in known - set(now)}


def filesystem_type(path: Path, mounts: str | None = None) -> str | None:
    """The type of the filesystem holding path, from /proc/self/mounts (None elsewhere)."""
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = os.path.realpath(path)
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def needs_polling(path: Path, mounts: str | None = None) -> str | None:
    """Why path must be polled rather than watched (a network or shared folder), or None."""
    kind = filesystem_type(path, mounts)
    if kind in POLLED_FILESYSTEMS:
        return f"the folder is on {kind}, which does not report changes"
    return None
