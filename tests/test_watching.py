"""A folder that stays current: files added, changed and removed while the reader is open."""

import shutil
from pathlib import Path

import pytest

from reader.folderwatch import needs_polling, read_changes, relative_id
from reader.ui.article_view import ArticleView
from reader.ui.source_list import SourceList
from tests.ui_helpers import make_app, wait_for_comparison, wait_for_index

NEW_ARTICLE = """Ferry service resumes after storm

The Coastal Herald

Ferries to the islands ran again on Tuesday after a three-day halt. "We are back on the water," said Tom Reyes, the operator's director.
"""


async def wait_until(pilot, condition, seconds: float = 15.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


def test_read_changes_follows_the_discovery_rules(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NEW_ARTICLE)
    (tmp_path / ".hidden.txt").write_text(NEW_ARTICLE)
    (tmp_path / "notes.pdf").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(NEW_ARTICLE)
    paths = [str(tmp_path / n) for n in ("a.txt", ".hidden.txt", "notes.pdf", "sub", "gone.txt", "old")]
    found = read_changes(tmp_path, paths, known=["gone.txt", "old/c.txt", "older.txt"])
    assert [l.source.id for l in found.loaded] == ["a.txt", "sub/b.md"]
    assert found.loaded[0].article.title == "Ferry service resumes after storm"
    assert found.removed == ("gone.txt", "old/c.txt")
    assert relative_id(tmp_path, str(tmp_path / "x" / ".git" / "y.txt")) is None
    only = read_changes(tmp_path, paths, known=[], only="a.txt")  # the reader opened on one file
    assert [l.source.id for l in only.loaded] == ["a.txt"] and not only.removed


def test_network_folders_are_polled(tmp_path: Path) -> None:
    mounts = f"server:/export {tmp_path} nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
    assert "nfs4" in needs_polling(tmp_path / "articles", mounts)
    assert needs_polling(Path("/usr"), mounts) is None


async def test_added_changed_and_removed_files_follow(seed_copy: Path) -> None:
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        await wait_until(pilot, lambda: app.watch_state == "watching")
        (seed_copy / "002a_ferry.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        await wait_until(pilot, lambda: "002a_ferry.txt" in app._by_id)
        assert [a.id for a in app.articles][2:4] == ["002_498ac0c67ef683ba.txt", "002a_ferry.txt"]
        sources = app.query_one(SourceList)
        assert sources.get_option_at_index(3).id == "002a_ferry.txt"
        assert any(a.id == "002a_ferry.txt" for a in app.index.articles)
        await wait_until(pilot, lambda: app.comparison is not None and "002a_ferry.txt" in str(app.comparison.people))
        engine = app.search_engine("quotes")
        assert engine.search("back on the water")  # the search index follows

        (seed_copy / "004_1f12a4c88092379e.txt").unlink()
        await wait_until(pilot, lambda: "004_1f12a4c88092379e.txt" not in app._by_id)
        assert len(app.articles) == 5 and sources.option_count == 5
        assert "5 articles" in str(sources.border_subtitle)
    import threading
    import time

    assert app._watch_stop.is_set()  # the reader closed: the watcher is told to stop, and does
    for _ in range(100):
        if not any(t.name == "folder-watcher" and t.is_alive() for t in threading.enumerate()):
            break
        time.sleep(0.05)
    assert not any(t.name == "folder-watcher" and t.is_alive() for t in threading.enumerate())


async def test_the_open_article_removed_stays_until_the_reader_moves(seed_copy: Path) -> None:
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("right_square_bracket")
        gone = app.current
        await wait_until(pilot, lambda: app.watch_state == "watching")
        (seed_copy / gone.id).unlink()
        await wait_until(pilot, lambda: gone.id not in app._by_id)
        assert app.current is gone
        view = app.query_one(ArticleView)
        assert "removed" in view.border_title
        assert "Syrian army said on Saturday" in view.visible_text()
        assert any("removed from the folder" in n.message for n in app._notifications)
        await pilot.press("right_square_bracket")  # the article that took its place
        assert app.current.id == "002_498ac0c67ef683ba.txt"


async def test_a_changed_file_is_read_again_and_bookmarks_re_anchor(seed_copy: Path) -> None:
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("tab", "right_parenthesis", "b", "enter")  # bookmark the second sentence
        (anchored,) = app.anchored_bookmarks()
        passage = anchored.bookmark.passage
        await wait_until(pilot, lambda: app.watch_state == "watching")
        path = seed_copy / app.current.id
        text = path.read_text(encoding="utf-8")
        first_paragraph_end = text.index("\n\n", text.index("ALEPPO"))
        path.write_text(text[:first_paragraph_end] + "\n\nA new paragraph written later, before the rest." + text[first_paragraph_end:], encoding="utf-8")
        await wait_until(pilot, lambda: "A new paragraph written later" in app.current.text)
        (anchored,) = app.anchored_bookmarks()
        assert not anchored.orphaned
        assert app.current.text[anchored.start : anchored.end] == passage
        assert app.query_one(ArticleView).bookmarked == [(anchored.start, anchored.end)]


async def test_a_folder_that_cannot_be_watched_is_polled(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import watchfiles

    real = watchfiles.watch

    def watch(*args, force_polling=None, **kwargs):
        if not force_polling:
            raise OSError(28, "OS file watch limit reached")
        kwargs["poll_delay_ms"] = 200
        return real(*args, force_polling=True, **kwargs)

    monkeypatch.setattr(watchfiles, "watch", watch)
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await wait_until(pilot, lambda: app.watch_state == "polling")
        assert any("every 2 seconds" in n.message for n in app._notifications)
        shutil.copy(seed_copy / "000_96b56c3d77251b90.txt", seed_copy / "005_copy.txt")
        await wait_until(pilot, lambda: "005_copy.txt" in app._by_id)


async def test_a_folder_that_cannot_be_followed_says_so(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import watchfiles

    def watch(*args, **kwargs):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(watchfiles, "watch", watch)
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await wait_until(pilot, lambda: app.watch_state == "off")
        assert any("will not follow changes" in n.message for n in app._notifications)


def test_files_added_or_removed_before_the_watch_began_are_found(tmp_path: Path) -> None:
    from reader.folderwatch import missed_while_indexing

    (tmp_path / "kept.txt").write_text(NEW_ARTICLE)
    (tmp_path / "new.txt").write_text(NEW_ARTICLE)
    missed = missed_while_indexing(tmp_path, ["kept.txt", "deleted.txt"])
    assert missed == {str(tmp_path / "new.txt"), str(tmp_path / "deleted.txt")}


async def test_a_file_saved_unchanged_changes_nothing(seed_copy: Path) -> None:
    import os

    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await wait_until(pilot, lambda: app.watch_state == "watching")
        before = app.current
        path = seed_copy / before.id
        path.write_bytes(path.read_bytes())  # saved again as it was
        os.utime(path)
        (seed_copy / "zz_marker.txt").write_text(NEW_ARTICLE)  # a change to wait for, after the first
        await wait_until(pilot, lambda: "zz_marker.txt" in app._by_id)
        assert app.current is before  # not re-opened
        assert not any("read again" in n.message for n in app._notifications)
