"""Where you left off: the open article and how far down it you were, per folder.

Kept in the data folder as positions.json, written atomically (reader.userfiles).
The position is a character offset into the article's clean text (the first
line on screen), not a screen row, so it holds at any terminal width. The file
is the reader's own memory, not something a person edits: one that cannot be
read is treated as empty and replaced at the next save, the other folders'
entries with it. Only the most recent folders are kept.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from reader.userfiles import atomic_write_text, data_dir

MAX_FOLDERS = 500


@dataclass(frozen=True, slots=True)
class Position:
    article: str  # the article's id: its path relative to the folder
    offset: int = 0  # the clean-text offset of the first line on screen


def positions_path() -> Path:
    return data_dir() / "positions.json"


def folder_key(folder: Path) -> str:
    return os.path.abspath(os.path.realpath(folder))


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("folders"), dict) else {}


def load_position(folder: Path, path: Path | None = None) -> Position | None:
    """Where the reader was in folder at its last session, or None."""
    entry = _read(path or positions_path()).get("folders", {}).get(folder_key(folder))
    if not isinstance(entry, dict) or not isinstance(entry.get("article"), str):
        return None
    offset = entry.get("offset")
    return Position(entry["article"], offset if isinstance(offset, int) and offset >= 0 else 0)


def save_position(folder: Path, position: Position, path: Path | None = None) -> None:
    """Record position for folder, keeping the other folders' (the file is re-read first, so two
    readers on two folders keep both). Raises OSError when the data folder cannot be written."""
    path = path or positions_path()
    folders = _read(path).get("folders", {})
    folders[folder_key(folder)] = {"article": position.article, "offset": position.offset, "saved": time.time()}
    if len(folders) > MAX_FOLDERS:
        recent = sorted(folders.items(), key=lambda item: item[1].get("saved", 0) if isinstance(item[1], dict) else 0)
        folders = dict(recent[-MAX_FOLDERS:])
    atomic_write_text(path, json.dumps({"version": 1, "folders": folders}, ensure_ascii=False, indent=1) + "\n")
