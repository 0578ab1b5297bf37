"""Earlier searches, kept across runs in the user's data folder (at most 100)."""

from __future__ import annotations

import json
from pathlib import Path

from reader.userfiles import atomic_write_text, data_dir

MAX_ENTRIES = 100


def history_path() -> Path:
    return data_dir() / "search-history.json"


def load_history(path: Path | None = None) -> list[str]:
    """Oldest first. A missing or unreadable file is an empty history."""
    try:
        data = json.loads((path or history_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, str)][-MAX_ENTRIES:]


def add_to_history(query: str, path: Path | None = None) -> list[str]:
    """Append query (moving an earlier copy to the end) and save; returns the new history."""
    query = query.strip()
    history = load_history(path)
    if not query:
        return history
    history = [item for item in history if item != query] + [query]
    history = history[-MAX_ENTRIES:]
    try:
        atomic_write_text(path or history_path(), json.dumps(history, ensure_ascii=False, indent=0))
    except OSError:
        pass  # a read-only data folder costs the history, never the search
    return history
