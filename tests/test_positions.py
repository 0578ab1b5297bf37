"""Where you left off: saved per folder, atomically; reopened at the next start."""

import json
from pathlib import Path

from reader.positions import Position, load_position, positions_path, save_position
from reader.ui.article_view import ArticleView
from reader.ui.source_list import SourceList
from tests.ui_helpers import make_app, wait_for_index


def test_positions_per_folder(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    assert load_position(a) is None
    save_position(a, Position("x.txt", 120))
    save_position(b, Position("sub/y.md", 0))
    assert load_position(a) == Position("x.txt", 120)
    assert load_position(b) == Position("sub/y.md", 0)
    assert positions_path().parent.name == "seed-reader"
    assert not [p for p in positions_path().parent.iterdir() if p.name.endswith(".tmp")]


def test_a_damaged_file_is_no_position_and_is_replaced(tmp_path: Path) -> None:
    positions_path().parent.mkdir(parents=True, exist_ok=True)
    for junk in ("{not json", "[1, 2]", '{"folders": {"%s": {"article": 3}}}' % tmp_path):
        positions_path().write_text(junk)
        assert load_position(tmp_path) is None
    save_position(tmp_path, Position("a.txt", -0))
    assert json.loads(positions_path().read_text())["version"] == 1
    assert load_position(tmp_path) == Position("a.txt", 0)


async def test_reopens_on_the_article_and_place_left_open(seed_copy: Path) -> None:
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("right_square_bracket", "tab")
        for _ in range(12):
            await pilot.press("j")
        view = app.query_one(ArticleView)
        left_at = view.top_offset()
        assert left_at > 0
        article = app.current.id
    assert load_position(seed_copy) == Position(article, left_at)

    again = make_app(seed_copy)
    async with again.run_test(size=(100, 30)) as pilot:  # another width: the same passage on top
        await wait_for_index(pilot)
        assert again.current.id == article
        assert again.query_one(SourceList).highlighted == 1
        view = again.query_one(ArticleView)
        assert view.scroll_y > 0
        line = view._lines[round(view.scroll_y)]
        assert line.start <= left_at <= line.end
        assert view.cursor[0] >= left_at  # reading goes on from the top of the screen


async def test_an_article_that_is_gone_opens_the_first(seed_copy: Path) -> None:
    save_position(seed_copy, Position("no-longer-here.txt", 500))
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert app.current.id == "000_96b56c3d77251b90.txt"
        assert app.query_one(ArticleView).scroll_y == 0
        assert any("no longer in the folder" in n.message for n in app._notifications)
