"""End to end, in a real terminal: copy with y, a folder that changes, reopening where you were, your own keys."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.config import config_path
from tests.tmux_session import Tmux, reader_env

ROOT = Path(__file__).resolve().parent.parent
FIRST = "Syrian rebels overrun"  # the first seed's headline
THIRD = "Russian and Syrian Airstrikes Target"  # the third's


def headline_shown(screen: str, headline: str) -> bool:
    """The article pane's first line (right of the Sources column) holds headline."""
    lines = screen.splitlines()
    return len(lines) > 1 and headline in lines[1][30:]


@pytest.fixture
def reader(user_folders: Path):
    sessions: list[Tmux] = []

    def start(*args: str, width: int = 120, height: int = 40) -> Tmux:
        session = Tmux([sys.executable, "-m", "reader", *args], cwd=ROOT, env=reader_env(user_folders), width=width, height=height)
        session._tmux("set-option", "-s", "set-clipboard", "on")  # OSC 52 from the reader fills tmux's buffer
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.close()


def buffer(tmux: Tmux) -> str:
    result = subprocess.run(["tmux", "-L", tmux.socket, "show-buffer"], capture_output=True, text=True, timeout=10)
    return result.stdout if result.returncode == 0 else ""


def wait_for_buffer(tmux: Tmux, text: str) -> str:
    tmux.wait_for(lambda _: text in buffer(tmux), what=f"{text!r} in tmux's buffer")
    return buffer(tmux)


def test_y_copies_a_quote_with_its_speaker_and_source(reader) -> None:
    tmux = reader("seeds")
    tmux.wait_for_text("5 articles")
    tmux.send("Tab", "Tab", "j", "j")  # the side panel: Ali Jumaa's quote
    tmux.wait_for_text("Ali Jumaa")
    tmux.send("y")
    copied = wait_for_buffer(tmux, "“I am a son of Aleppo")
    assert "— Ali Jumaa, a rebel fighter" in copied
    assert copied.splitlines()[-1] == "Syrian rebels overrun Aleppo amid Russian airstrikes backing Assad"
    tmux.wait_for_text("Copied the quote by Ali Jumaa")
    tmux.send("Y")
    wait_for_buffer(tmux, "000_96b56c3d77251b90.txt")
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")


def test_a_file_added_and_one_removed_while_the_reader_is_open(reader, seed_copy: Path) -> None:
    tmux = reader(str(seed_copy))
    tmux.wait_for_text("5 articles")
    shutil.copy(ROOT / "seeds" / "002_498ac0c67ef683ba.txt", seed_copy / "000a_added.txt")
    (seed_copy / "003_852a91abeef946a7.txt").unlink()
    screen = tmux.wait_for(lambda s: "The folder changed" in s and "5 articles" in s and "1 added" in s, what="the change picked up")
    assert "000a_added.txt" in screen and "003_852a91abeef946a7.txt" in screen
    # In order: the added copy (000a) between the first article and JPost's (001) in the Sources column.
    sources = "\n".join(line[:30] for line in screen.splitlines())
    assert sources.index("Syrian rebels overrun") < sources.index("Russian and Syrian") < sources.index("Syrian rebels sweep")
    assert "Russia backs Assad" not in sources  # the removed one is gone
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")


def test_reopens_on_the_article_left_open(reader, seed_copy: Path) -> None:
    tmux = reader(str(seed_copy))
    tmux.wait_for_text("5 articles")
    tmux.send("]", "]")
    tmux.wait_for(lambda s: headline_shown(s, THIRD), what="the third article open")
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")
    tmux.close()

    again = reader(str(seed_copy))
    screen = again.wait_for(lambda s: "5 articles" in s and headline_shown(s, THIRD), what="reopened on the third article")
    assert FIRST in screen  # the list is there too; the article pane shows the third
    again.send("q")
    again.wait_for_text("READER-EXITED-0")


def test_a_remapped_key(reader) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("keymap:\n  app.search: ctrl+k\n  app.nosuch: z\n", encoding="utf-8")
    tmux = reader("seeds", width=160, height=50)
    tmux.wait_for_text("5 articles")
    screen = tmux.wait_for_text("app.nosuch: no such binding")
    assert "^k Search" in screen  # the footer shows the key in force
    tmux.send("/")
    tmux.send("C-k")
    tmux.wait_for_text("Search quotes")
    tmux.send("Escape")
    tmux.wait_for(lambda s: "Search quotes" not in s, what="search to close")
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")
