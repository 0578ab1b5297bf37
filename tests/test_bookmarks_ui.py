from pathlib import Path

import yaml

from reader.articles import article_sentences
from reader.bookmarks import BookmarkStore, bookmarks_path
from reader.ui.article_view import ArticleView
from reader.ui.bookmark_screens import BookmarkDialog, BookmarksScreen, ConfirmScreen
from reader.ui.source_list import SourceList
from tests.ui_helpers import make_app, wait_for_index


def saved() -> list[dict]:
    return yaml.safe_load(bookmarks_path().read_text())["bookmarks"]


async def bookmark(pilot, note: str = "", tags: str = "") -> None:
    await pilot.press("b")
    assert isinstance(pilot.app.screen, BookmarkDialog)
    await pilot.press(*list(note))
    if tags:
        await pilot.press("tab", *list(tags))
    await pilot.press("enter")
    await pilot.pause()


async def test_b_bookmarks_the_first_sentence_of_a_just_opened_article(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await bookmark(pilot, "first", "a, b")
        (entry,) = saved()
        article = app.current
        assert entry["passage"] == article.text[: article.text.index("years.") + 6]
        assert (entry["note"], entry["tags"], entry["article"]) == ("first", ["a", "b"], article.id)
        assert "1 bookmark" in str(app.query_one(SourceList).get_option(article.id).prompt)
        assert app.query_one(ArticleView).bookmarked == [(entry["start"], entry["end"])]


async def test_reading_cursor_and_selection_by_sentence(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        view = app.query_one(ArticleView)
        sentences = [(start, end) for start, end, _ in article_sentences(app.current)]
        assert view.cursor == sentences[0]
        await pilot.press("tab", "right_parenthesis", "right_parenthesis")
        assert view.passage() == sentences[2]
        await pilot.press("left_parenthesis")
        assert view.cursor == sentences[1]
        await pilot.press("right_parenthesis", "v", "right_parenthesis", "right_parenthesis")
        assert view.selection == (sentences[2][0], sentences[4][1])
        await bookmark(pilot, "three sentences")
        (entry,) = saved()
        assert (entry["start"], entry["end"]) == (sentences[2][0], sentences[4][1])
        assert view.selection is None  # a saved selection is cleared
        paragraph = view.sentence_map.paragraph_at(view.cursor[0])
        await pilot.press("right_curly_bracket")
        assert view.cursor[0] == app.current.paragraphs[paragraph + 1].start
        await pilot.press("left_curly_bracket")  # at a paragraph's start: back to the one before
        assert view.cursor[0] == app.current.paragraphs[paragraph].start


async def test_b_in_the_side_panel_bookmarks_the_selected_quote(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("tab", "tab", "j", "j")
        await bookmark(pilot, "jumaa")
        quote = app.current.quotes[1]
        assert [(e["start"], e["end"], e["passage"]) for e in saved()] == [(quote.start, quote.end, quote.text)]


async def test_mouse_drag_selects_a_passage(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        view = app.query_one(ArticleView)
        row = view.row_of(app.current.paragraphs[0].start)
        await pilot.mouse_down(ArticleView, offset=(1, row))
        await pilot.hover(ArticleView, offset=(20, row))
        await pilot.mouse_up(ArticleView, offset=(20, row))
        await pilot.pause()
        assert view.selection == (0, 19)


async def test_escape_in_the_dialog_saves_nothing(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("b", "x", "escape")
        assert not bookmarks_path().exists()


async def test_bookmarks_view_filter_jump_edit_delete_undo(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await bookmark(pilot, "alpha")
        await pilot.press("right_square_bracket")
        await bookmark(pilot, "beta")
        await pilot.press("B")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen) and len(screen.shown) == 2
        await pilot.press(*list("alph"))
        assert [i.bookmark.note for i in screen.shown] == ["alpha"]
        await pilot.press("enter")
        assert app.current.id == "000_96b56c3d77251b90.txt"
        await pilot.press("B", "down", "e")
        assert isinstance(app.screen, BookmarkDialog)
        await pilot.press(*list(" edited"), "enter")
        await pilot.pause()
        assert [e["note"] for e in saved()] == ["alpha", "beta edited"]
        await pilot.press("d")
        assert [e["note"] for e in saved()] == ["alpha"]
        await pilot.press("u")
        assert [e["note"] for e in saved()] == ["alpha", "beta edited"]
        await pilot.press("escape")
        assert not isinstance(app.screen, BookmarksScreen)


async def test_hand_edits_show_when_the_view_opens(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await bookmark(pilot, "mine")
        bookmarks_path().write_text(bookmarks_path().read_text().replace("note: mine", "note: changed by hand"))
        await pilot.press("B")
        assert [i.bookmark.note for i in app.screen.shown] == ["changed by hand"]


async def test_a_broken_file_is_reported_kept_and_a_new_one_offered(seeds: Path) -> None:
    path = bookmarks_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = b"version: 1\nbookmarks:\n  - {id: x, passage: [\n"
    path.write_bytes(broken)
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert any("line 4" in n.message for n in app._notifications)
        await pilot.press("b")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert app.store.path != path and app.store.error is None
        await bookmark(pilot, "in the new file")
        assert [b.note for b in BookmarkStore.open(app.store.path).bookmarks] == ["in the new file"]
    assert path.read_bytes() == broken
    assert bookmarks_path() != path  # the next start uses the new file


async def test_bookmark_option_and_environment(seeds: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SEED_READER_BOOKMARKS", str(tmp_path / "env.yaml"))
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert app.store.path == tmp_path / "env.yaml"
    app = make_app(seeds)
    app.bookmarks_override = tmp_path / "flag.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert app.store.path == tmp_path / "flag.yaml"


async def test_b_after_a_search_jump_bookmarks_the_passage_jumped_to(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash", *list("serious concerns"))
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await bookmark(pilot, "from search")
        quote = app.current.quotes[5]
        assert [(e["start"], e["end"]) for e in saved()] == [(quote.start, quote.end)]
        view = app.query_one(ArticleView)
        assert view.cursor[0] <= quote.start < view.cursor[1]  # reading goes on from the hit
        await pilot.press("tab", "right_parenthesis")  # in the article, moving the cursor: b takes its sentence again
        assert view.passage() == view.cursor
