"""End to end: the reader in a real terminal, driven as a user would."""

import sys
from pathlib import Path

import pytest

from tests.tmux_session import Tmux, column_of, reader_env

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def reader(user_folders: Path):
    sessions: list[Tmux] = []

    def start(*args: str, width: int = 120, height: int = 40) -> Tmux:
        session = Tmux([sys.executable, "-m", "reader", *args], cwd=ROOT, env=reader_env(user_folders), width=width, height=height)
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.close()


def test_select_a_quote_and_the_article_shows_it(reader) -> None:
    tmux = reader("seeds")
    tmux.wait_for_text("Syrian rebels overrun Aleppo")
    tmux.wait_for_text("5 articles")
    tmux.send("]")
    tmux.wait_for(lambda s: "JPost" in s.splitlines()[0], what="the JPost article open")
    passage = "Both sides expressed serious concerns"
    assert column_of(tmux.screen(), passage) < 0  # below the fold before it is selected
    tmux.send("Tab", "Tab")
    tmux.wait_for_text("←→ Tabs")  # the footer shows the side panel's keys
    tmux.send("G")
    screen = tmux.wait_for(lambda s: "the ministry said" in s, what="the passage in the article pane")
    # The passage is in the article pane (the middle column), not only in the side panel.
    article_line = next(line for line in screen.splitlines() if "the ministry said" in line)
    sources_width = screen.splitlines()[0].index("╮") + 1
    assert sources_width < article_line.index("the ministry said") < 90
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")


def test_small_terminal_help_and_hidden_panel(reader) -> None:
    tmux = reader("seeds", width=80, height=24)
    tmux.wait_for_text("5 articles")
    tmux.send("?")
    tmux.wait_for_text("Show every key")
    tmux.send("Escape")
    tmux.wait_for(lambda s: "Show every key" not in s, what="help to close")
    tmux.send("p")
    screen = tmux.wait_for(lambda s: "In this article" not in s, what="the side panel to hide")
    assert "Syrian rebels overrun" in screen
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")


def test_missing_folder_exits_2(reader) -> None:
    tmux = reader("no-such-folder")
    screen = tmux.wait_for_text("READER-EXITED-2")
    assert "no such file or folder: no-such-folder" in screen


def test_search_typed_a_letter_at_a_time_lands_on_the_passage(reader) -> None:
    tmux = reader("seeds")
    tmux.wait_for_text("5 articles")
    tmux.send("/")
    tmux.wait_for_text("Search quotes")
    for letter in "serious conc":
        tmux.send(letter)
    tmux.wait_for_text("1 result")
    tmux.send("Enter")
    screen = tmux.wait_for(lambda s: "Search quotes" not in s and "the ministry said" in s, what="the article at the passage")
    assert "JPost" in screen.splitlines()[0]
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")


def test_bookmark_a_sentence_with_a_note_and_find_it_in_the_file(reader, user_folders: Path) -> None:
    import yaml

    from reader.bookmarks import bookmarks_path

    tmux = reader("seeds")
    tmux.wait_for_text("5 articles")
    tmux.send("Tab", ")")
    tmux.send("b")
    tmux.wait_for_text("enter save")
    tmux.send("compare with JPost")
    tmux.wait_for_text("compare with JPost")
    tmux.send("Enter")
    tmux.wait_for_text("Bookmarked in bookmarks.yaml")
    (entry,) = yaml.safe_load(bookmarks_path().read_text())["bookmarks"]
    assert entry["note"] == "compare with JPost"
    assert entry["passage"].startswith("The offensive has resulted in heavy casualties")
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")


def test_a_folder_of_hostile_files_in_a_real_terminal(reader, tmp_path: Path) -> None:
    from tests.hostile import make_hostile_folder

    files = make_hostile_folder(tmp_path / "hostile")
    tmux = reader(str(tmp_path / "hostile"))
    loaded = sum(1 for expect in files.values() if expect == "load")
    screen = tmux.wait_for(lambda s: f"{loaded} articles" in s, what=f"{loaded} articles indexed")
    assert "A file name with spaces and accents here" in screen  # "Zoë’s report — draft 1.txt" sorts first
    title_before = tmux._tmux("display-message", "-p", "#{pane_title}").strip()
    for _ in range(loaded):  # every article, one after the other, through the escapes file
        tmux.send("]")
    tmux.send("!")
    screen = tmux.wait_for_text("Problems (")
    assert "binary.txt" in screen and "empty.txt" in screen and "loop.txt" in screen
    tmux.send("Escape")
    tmux.wait_for(lambda s: "Problems (" not in s, what="the Problems view to close")
    assert "pwned" not in tmux._tmux("display-message", "-p", "#{pane_title}")  # OSC 0 never reached the terminal
    assert tmux._tmux("display-message", "-p", "#{pane_title}").strip() == title_before
    assert "Sources" in tmux.screen()  # nothing cleared the screen
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")


def test_compare_goes_from_a_disputed_claim_to_the_article(reader) -> None:
    tmux = reader("seeds")
    tmux.wait_for_text("5 articles")
    tmux.send("c")
    screen = tmux.wait_for_text("DISPUTED")
    lines = screen.splitlines()
    # Disputed first: the Russian strikes' toll, 300 in one article and 200 in another.
    heading = next(i for i, line in enumerate(lines) if "DISPUTED" in line)
    assert "rebels killed" in lines[heading]
    assert "300" in lines[heading + 1] and "200" in lines[heading + 3]
    assert "PlatinumPost" in lines[heading + 3] and "State television" in lines[heading + 3]
    tmux.send("Down")  # from 300 to 200
    tmux.send("Enter")
    # The PlatinumPost article, scrolled to the figure: its sentence is in the article pane.
    screen = tmux.wait_for(lambda s: "PlatinumPost" in s.splitlines()[0], what="the PlatinumPost article open")
    assert "DISPUTED" not in screen
    tmux.wait_for(lambda s: any("killed 200 militants" in line[:92] for line in s.splitlines()), what="the figure in the article pane")
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")


def test_other_outlets_at_80_columns(reader) -> None:
    tmux = reader("seeds", width=80, height=24)
    tmux.wait_for_text("5 articles")
    tmux.send("Tab", "Tab")
    tmux.wait_for_text("x Other outlets")
    tmux.send("Down", "Down")  # Ali Jumaa's words: JPost carries them too
    tmux.send("x")
    screen = tmux.wait_for_text("Carried by 1 other outlet")
    assert "JPost" in screen and "word for word" in screen
    tmux.send("Enter")
    tmux.wait_for(lambda s: "JPost" in s.splitlines()[0] and "Carried by" not in s, what="the JPost article open")
    tmux.send("q")
    tmux.wait_for_text("READER-EXITED-0")
