import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from reader.bookmarks import (
    BookmarkFileError,
    BookmarkStore,
    anchor,
    bookmarks_path,
    dump_bookmarks,
    make_bookmark,
    parse_bookmarks,
    start_new_file_beside,
)
from reader.cli import main
from reader.config import save_setting
from reader.index import build_index

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "The first paragraph sets the scene in the city.\n\n"
    "“We are ready to talk about a ceasefire,” said Omar Haddad, a negotiator. The talks start on Monday.\n\n"
    "A last paragraph closes the story."
)
PASSAGE = "We are ready to talk about a ceasefire"


def bookmark(text: str = TEXT, passage: str = PASSAGE, **extra):
    start = text.index(passage)
    return make_bookmark("a.txt", "A title", "Outlet", text, start, start + len(passage), **extra)


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    store = BookmarkStore.open(tmp_path / "b.yaml")
    first = store.add(bookmark(note="compare with JPost", tags=("quotes", "aleppo")))
    long_passage = TEXT[TEXT.index("“") :]
    second = store.add(bookmark(passage=long_passage))
    again = BookmarkStore.open(tmp_path / "b.yaml")
    assert again.bookmarks == [first, second]
    data = yaml.safe_load((tmp_path / "b.yaml").read_text())
    assert data["version"] == 1 and data["bookmarks"][0]["tags"] == ["quotes", "aleppo"]
    assert set(data["bookmarks"][0]) == {"id", "created", "article", "title", "outlet", "passage", "prefix", "suffix", "start", "end", "note", "tags"}
    assert "passage: |" in (tmp_path / "b.yaml").read_text()  # long, multi-line text as a block scalar


def test_prefix_suffix_and_id() -> None:
    made = bookmark(now=datetime(2026, 11, 21, 10, 15, 3, tzinfo=timezone.utc))
    assert made.id == "2026-11-21T10-15-03-a"
    assert made.prefix == TEXT[: TEXT.index(PASSAGE)][-32:]
    assert made.suffix == TEXT[TEXT.index(PASSAGE) + len(PASSAGE) :][:32]
    twin = bookmark(now=datetime(2026, 11, 21, 10, 15, 3, tzinfo=timezone.utc), existing={made.id})
    assert twin.id == made.id + "-2"


def test_anchoring_survives_edits() -> None:
    saved = bookmark()
    assert anchor(saved, TEXT).how == "offsets"
    inserted = "A new first paragraph, added after the bookmark was made.\n\n" + TEXT
    moved = anchor(saved, inserted)
    assert moved.how == "exact" and inserted[moved.start : moved.end] == PASSAGE
    edited = inserted.replace("about a ceasefire", "about a cease-fire")
    fuzzy = anchor(saved, edited)
    assert fuzzy.how == "fuzzy" and "ready to talk about a cease-fire" in edited[fuzzy.start : fuzzy.end]
    deleted = TEXT.replace("“" + PASSAGE + ",” said Omar Haddad, a negotiator. ", "")
    assert anchor(saved, deleted).orphaned
    assert anchor(saved, None).orphaned  # the article is gone


def test_exact_passage_twice_takes_the_one_nearest_the_old_offset() -> None:
    text = "x" * 50 + " the same words " + "y" * 500 + " the same words " + "z" * 50
    saved = make_bookmark("a.txt", "t", None, text, text.rindex("the same"), text.rindex("the same") + 14)
    shifted = "w" * 20 + text
    placed = anchor(saved, shifted)
    assert placed.how == "exact" and placed.start == shifted.rindex("the same")


def test_a_bookmark_of_a_removed_article_is_kept_and_listed_orphaned(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A headline long enough for a title\n\n" + TEXT)
    file = tmp_path / "b.yaml"
    article = build_index(corpus).article("a.txt")
    start = article.text.index(PASSAGE)
    assert main(["bookmarks", "--bookmarks", str(file), "add", "a.txt", str(start), str(start + len(PASSAGE)), str(corpus), "--note", "n1"]) == 0
    (corpus / "a.txt").unlink()
    (corpus / "b.txt").write_text("Another headline long enough here\n\nBody.\n")
    capsys.readouterr()
    assert main(["bookmarks", "--bookmarks", str(file), "list", str(corpus), "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["orphaned"] is True and row["passage"] == PASSAGE and row["note"] == "n1"
    assert len(BookmarkStore.open(file).bookmarks) == 1


ADDER = """
import sys
from reader.bookmarks import BookmarkStore, make_bookmark
store = BookmarkStore.open(sys.argv[1])
text = "abcdefghij" * 10
for n in range(int(sys.argv[3])):
    store.add(make_bookmark("a.txt", sys.argv[2], None, text, n, n + 5, note=f"{sys.argv[2]}-{n}"))
"""


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    file = tmp_path / "b.yaml"
    runs = [subprocess.Popen([sys.executable, "-c", ADDER, str(file), name, "25"], cwd=ROOT) for name in ("one", "two")]
    assert [run.wait(60) for run in runs] == [0, 0]
    notes = sorted(b.note for b in BookmarkStore.open(file).bookmarks)
    assert notes == sorted([f"one-{n}" for n in range(25)] + [f"two-{n}" for n in range(25)])
    assert len({b.id for b in BookmarkStore.open(file).bookmarks}) == 50


SLOW_SAVER = """
import os, sys, time
from reader.bookmarks import BookmarkStore, make_bookmark
real_fsync = os.fsync
def slow_fsync(fd):
    open(sys.argv[2], "w").close()  # tell the test the new file is half written
    time.sleep(60)
os.fsync = slow_fsync
store = BookmarkStore.open(sys.argv[1])
store.add(make_bookmark("a.txt", "t", None, "some text to bookmark", 0, 4, note="never saved"))
"""


def test_a_save_killed_halfway_leaves_the_old_file_whole(tmp_path: Path) -> None:
    file = tmp_path / "b.yaml"
    BookmarkStore.open(file).add(bookmark(note="kept"))
    before = file.read_bytes()
    flag = tmp_path / "writing"
    run = subprocess.Popen([sys.executable, "-c", SLOW_SAVER, str(file), str(flag)], cwd=ROOT)
    deadline = time.monotonic() + 30
    while not flag.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert flag.exists(), "the saver never reached its write"
    run.send_signal(signal.SIGKILL)
    run.wait(10)
    assert file.read_bytes() == before
    assert [b.note for b in BookmarkStore.open(file).bookmarks] == ["kept"]


@pytest.mark.parametrize(
    "content, where",
    [
        (b"version: 1\nbookmarks:\n  - id: x\n    passage: [unclosed\n", "line 5"),
        (b"- just\n- a list\n", "expected 'version: 1'"),
        (b"version: 1\nbookmarks:\n  - !!python/object/apply:os.system ['echo pwned']\n", "python"),
        (b"version: 1\nbookmarks:\n  - id: x\n    article: a.txt\n    passage: p\n    start: one\n    end: 2\n", "start is not a whole number"),
    ],
)
def test_a_malformed_file_is_never_overwritten(tmp_path: Path, content: bytes, where: str) -> None:
    file = tmp_path / "b.yaml"
    file.write_bytes(content)
    store = BookmarkStore.open(file)
    assert store.error and where in store.error
    with pytest.raises(BookmarkFileError):
        store.add(bookmark())
    with pytest.raises(BookmarkFileError):
        store.delete("x")
    assert file.read_bytes() == content


def test_cli_refuses_to_add_to_a_malformed_file(tmp_path: Path, capsys) -> None:
    file = tmp_path / "b.yaml"
    file.write_bytes(b"bookmarks: [oops\n")
    assert main(["bookmarks", "--bookmarks", str(file), "add", "000_96b56c3d77251b90.txt", "0", "10"]) == 2
    assert "line" in capsys.readouterr().err
    assert file.read_bytes() == b"bookmarks: [oops\n"


def test_a_new_file_beside_a_broken_one(tmp_path: Path) -> None:
    broken = tmp_path / "bookmarks.yaml"
    broken.write_bytes(b": : :\n")
    new = start_new_file_beside(broken)
    assert new.parent == tmp_path and new != broken and broken.read_bytes() == b": : :\n"
    assert BookmarkStore.open(new).error is None


def test_hand_edits_are_picked_up(tmp_path: Path) -> None:
    file = tmp_path / "b.yaml"
    store = BookmarkStore.open(file)
    store.add(bookmark(note="before"))
    edited = file.read_text().replace("note: before", "note: edited by hand")
    time.sleep(0.01)  # a distinct modification time
    file.write_text(edited)
    assert store.reload_if_changed()
    assert store.bookmarks[0].note == "edited by hand"
    # A hand-added bookmark survives the next save from a store that had not seen it.
    other = BookmarkStore.open(file)
    other.add(bookmark(note="second"))
    store.add(bookmark(note="third"))
    assert [b.note for b in BookmarkStore.open(file).bookmarks] == ["edited by hand", "second", "third"]


def test_which_file_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    assert bookmarks_path().name == "bookmarks.yaml" and "seed-reader" in str(bookmarks_path())
    save_setting("bookmarks_file", str(tmp_path / "from-config.yaml"))
    assert bookmarks_path() == tmp_path / "from-config.yaml"
    monkeypatch.setenv("SEED_READER_BOOKMARKS", str(tmp_path / "from-env.yaml"))
    assert bookmarks_path() == tmp_path / "from-env.yaml"
    assert bookmarks_path(tmp_path / "flag.yaml") == tmp_path / "flag.yaml"
    assert main(["bookmarks", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "from-env.yaml")


def test_export_formats(tmp_path: Path, capsys, seeds: Path) -> None:
    file = tmp_path / "b.yaml"
    assert main(["bookmarks", "--bookmarks", str(file), "add", "001_9fe83e35984676be.txt", "0", "20", "--note", "a note", "--tag", "x"]) == 0
    capsys.readouterr()
    main(["bookmarks", "--bookmarks", str(file), "export", "--format", "md"])
    markdown = capsys.readouterr().out
    assert markdown.count("\n> ") == 1 and "JPost" in markdown and "a note" in markdown and "x" in markdown
    main(["bookmarks", "--bookmarks", str(file), "export", "--format", "yaml"])
    assert len(parse_bookmarks(capsys.readouterr().out)) == 1
    main(["bookmarks", "--bookmarks", str(file), "export", "--format", "json"])
    assert json.loads(capsys.readouterr().out)[0]["tags"] == ["x"]


def test_cli_add_checks_offsets(tmp_path: Path, capsys) -> None:
    assert main(["bookmarks", "--bookmarks", str(tmp_path / "b.yaml"), "add", "000_96b56c3d77251b90.txt", "10", "999999"]) == 2
    assert "not inside the article" in capsys.readouterr().err


def test_dump_round_trips_awkward_text() -> None:
    made = make_bookmark("a.txt", "t: [x]", None, "  lead\tspaces: # and ‘marks’ \n\n  " * 5, 0, 60, note="x: y # z")
    assert parse_bookmarks(dump_bookmarks([made])) == [made]
