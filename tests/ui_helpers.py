"""Shared helpers for driving the reader in tests."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from reader.ui.app import ReaderApp

ROOT = Path(__file__).resolve().parent.parent


def make_app(path: Path, theme: str | None = None) -> ReaderApp:
    return ReaderApp(path, theme=theme, theme_folders=[ROOT / "themes"])


async def wait_for_index(pilot: Pilot) -> None:
    """Until the worker has delivered the whole index and the screen has caught up."""
    for _ in range(600):  # the worker starts after the first frame; worker processes take a moment
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if pilot.app.index is not None:
            break
        await pilot.pause(0.05)
    assert pilot.app.index is not None


async def wait_for_comparison(pilot: Pilot) -> None:
    """Until the articles have been compared (a worker started once the index is in)."""
    await wait_for_index(pilot)
    for _ in range(100):
        if pilot.app.comparison is not None:
            break
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert pilot.app.comparison is not None
    await pilot.pause()


def hold_index(monkeypatch) -> "threading.Event":
    """Keep the index worker from reading until the returned event is set: what a test checks
    meanwhile is the screen before the index is in."""
    import threading

    from reader import index as index_module

    release = threading.Event()
    real = index_module.load_articles

    def held(discovery, workers=None, **options):
        release.wait(10)
        yield from real(discovery, workers, **options)

    monkeypatch.setattr(index_module, "load_articles", held)
    return release
