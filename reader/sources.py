"""Finding and reading article files, and saying why one was skipped.

One bad file never stops the others: every failure becomes a Problem with the
file's name and a reason a person can act on.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from reader import html_pages
from reader.decoding import NotText, decode_bytes

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xhtml")
# Larger than any article; reading it would stall the index for nothing.
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that was not loaded, or loaded with a caveat."""

    file: str
    reason: str


@dataclass(frozen=True, slots=True)
class SourceFile:
    id: str  # the path relative to the folder, with forward slashes
    path: Path


@dataclass(frozen=True, slots=True)
class Discovery:
    root: Path
    files: tuple[SourceFile, ...]
    problems: tuple[Problem, ...]


def discover(path: Path) -> Discovery:
    """Every .txt, .md, .html, .htm and .xhtml file under path (or path itself), sorted by id.

    Raises FileNotFoundError when path does not exist.
    """
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(path)
    if not path.is_dir():
        root = path.parent
        return Discovery(root, (SourceFile(path.name, path),), ())
    files: list[SourceFile] = []
    problems: list[Problem] = []
    seen_dirs: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        name = os.path.relpath(error.filename, path) if error.filename else str(path)
        problems.append(Problem(name, _reason(error)))

    for folder, dirnames, filenames in os.walk(path, onerror=on_error, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError as error:
            problems.append(Problem(os.path.relpath(folder, path), _reason(error)))
            dirnames.clear()
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            # A link back to a folder already walked: following it would never end.
            problems.append(Problem(os.path.relpath(folder, path) + "/", "symlink loop: folder already indexed"))
            dirnames.clear()
            continue
        seen_dirs.add(key)
        dirnames.sort()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            full = Path(folder, name)
            files.append(SourceFile(full.relative_to(path).as_posix(), full))
    files.sort(key=lambda f: f.id)
    return Discovery(path, tuple(files), tuple(problems))


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ENOENT:
        return "missing (a broken link?)"
    if error.errno == errno.EISDIR:
        return "is a folder"
    return error.strerror or type(error).__name__


def read_source(source: SourceFile) -> tuple[str, str]:
    """The decoded text and encoding of one file. Raises Problem-worthy errors as ValueError."""
    try:
        info = source.path.stat()  # follows links: a loop or a dangling link fails here
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device would block or never end; a folder is walked, not read.
            raise ValueError("not a regular file")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise ValueError(f"too large ({size // (1024 * 1024)} MB)")
        data = source.path.read_bytes()
    except OSError as error:
        raise ValueError(_reason(error)) from error
    try:
        decoded = decode_bytes(data)
    except NotText as error:
        raise ValueError(f"not a text file ({error})") from error
    if html_pages.looks_like_html(decoded.text, source.path.name) and html_pages.is_empty(decoded.text):
        raise ValueError("empty page (the HTML holds no text)")
    return decoded.text, decoded.encoding
