"""End to end, in a real terminal: a folder big enough for the worker processes, the
cache at the second start, and a terminal that goes away under the reader."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from bench.corpus import make_corpus, write_corpus
from tests.tmux_session import Tmux, command_line, descendants, pane_pid, reader_env, running

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sessions():
    started: list[Tmux] = []
    yield started
    for session in started:
        session.close()


def start(sessions: list[Tmux], command: list[str], home: Path, width: int = 120, height: int = 40, **options) -> Tmux:
    session = Tmux(command, cwd=ROOT, env=reader_env(home), width=width, height=height, **options)
    sessions.append(session)
    return session


def test_two_hundred_articles_fill_the_list_and_open_again_from_the_cache(sessions, user_folders: Path, tmp_path: Path) -> None:
    folder = tmp_path / "two-hundred"
    write_corpus(folder, make_corpus(200))
    tmux = start(sessions, [sys.executable, "-m", "reader", str(folder)], user_folders, 160, 50)
    screen = tmux.wait_for_text("200 articles", timeout=90)
    assert "Syrian rebels" in screen  # headlines in the source list
    assert "skipped" not in screen and "Worker processes" not in screen
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")
    assert any((user_folders / "xdg_cache_home").rglob("*.sqlite3"))
    again = start(sessions, [sys.executable, "-m", "reader", str(folder)], user_folders, 80, 24)
    again.wait_for_text("200 articles", timeout=30)
    again.send("q")
    again.wait_for_text("READER-EXITED-0")


def _reader_pid(tmux: Tmux) -> int:
    top = pane_pid(tmux)
    pids = [p for p in [top, *descendants(top)] if "reader" in command_line(p) and "python" in command_line(p)]
    assert pids, "the reader's process was not found"
    return pids[-1]


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not running(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("how", ["directly", "by make run"])
def test_the_reader_ends_when_its_terminal_goes_away(sessions, user_folders: Path, how: str) -> None:
    command = [sys.executable, "-m", "reader", "seeds"] if how == "directly" else ["make", "run"]
    # make as the terminal's own process: when it goes, the reader under it hears nothing
    tmux = start(sessions, command, user_folders, as_pane_process=True)
    tmux.wait_for_text("5 articles", timeout=60)
    pid = _reader_pid(tmux)
    tmux.close()  # the tmux server killed: the terminal is gone
    assert _gone_within(pid, 8), f"the reader ({pid}) still runs after its terminal went away"
