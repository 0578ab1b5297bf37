import io
from pathlib import Path

import pytest
from rich.console import Console

from reader.ui.article_view import ArticleView
from reader.ui.help_screen import HelpScreen, bindings_table
from reader.ui.problems_screen import ProblemsScreen
from reader.ui.side_panel import PassageList, SidePanel
from reader.ui.source_list import SourceList
from tests.ui_helpers import hold_index, make_app, wait_for_index


async def test_first_frame_does_not_wait_for_the_index(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = hold_index(monkeypatch)  # the index stays unfinished until the screen has been checked
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert "Indexing" in view.visible_text()
        assert app.query_one(SourceList).border_subtitle.startswith("indexing")
        release.set()
        await wait_for_index(pilot)
        assert app.query_one(SourceList).border_subtitle == "5 articles"


async def test_opens_the_first_article_and_lists_all(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert app.query_one(SourceList).option_count == 5
        view = app.query_one(ArticleView)
        assert view.article.id == "000_96b56c3d77251b90.txt"
        assert "Syrian rebels overrun Aleppo" in view.visible_text()
        assert "482 words" in view.visible_text()  # as `wc -w` counts the clean text


async def test_brackets_and_enter_open_articles(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("right_square_bracket")
        assert app.current.id == "001_9fe83e35984676be.txt"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.current.id == "000_96b56c3d77251b90.txt"
        await pilot.press("G", "enter")  # in the source list: last article, open
        assert app.current.id == "004_1f12a4c88092379e.txt"
        assert app.query_one(ArticleView).border_title == "PlatinumPost"


async def test_selecting_a_quote_scrolls_to_it_and_marks_it(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("right_square_bracket")  # JPost: its later quotes are below the fold
        await pilot.press("tab", "tab")
        quotes = app.query_one("#quotes", PassageList)
        assert app.focused is quotes
        await pilot.press("G")
        await pilot.pause()
        last = app.current.quotes[-1]
        view = app.query_one(ArticleView)
        assert view.mark == (last.start, last.end)
        assert view.scroll_y > 0
        assert "Both sides expressed serious concerns" in view.visible_text()


async def test_figures_tab_and_selection(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("tab", "tab", "right", "j", "j")  # the first j highlights row 0
        await pilot.pause()
        figures = app.query_one("#figures", PassageList)
        assert app.focused is figures
        second = app.current.figures[1]
        assert app.query_one(ArticleView).mark == (second.start, second.end)


async def test_clicking_a_quote_in_the_article_selects_it(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        view = app.query_one(ArticleView)
        quote = app.current.quotes[1]
        row = view.row_of(quote.start + 5) - round(view.scroll_y)
        column = 1 + (quote.start + 5 - view._lines[view.row_of(quote.start + 5)].start)
        await pilot.click(ArticleView, offset=(column, row))
        await pilot.pause()
        assert app.query_one("#quotes", PassageList).highlighted == 1
        assert view.mark == (quote.start, quote.end)


async def test_original_text_toggle(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("G", "enter", "o")
        view = app.query_one(ArticleView)
        assert "Connect with us" in view.visible_text()
        await pilot.press("o")
        assert "Connect with us" not in view.visible_text()


async def test_side_panel_hides_and_focus_moves_on(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("tab", "tab")
        await pilot.press("p")
        await pilot.pause()
        assert not app.query_one(SidePanel).display
        assert isinstance(app.focused, ArticleView)
        await pilot.press("p")
        assert app.query_one(SidePanel).display


async def test_help_lists_every_binding_and_closes(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(bindings_table(app.screen.sections))
        shown = console.export_text()
        for binding in app.BINDINGS + SourceList.BINDINGS + ArticleView.BINDINGS + SidePanel.BINDINGS:
            assert binding.id and binding.tooltip, binding
            assert binding.tooltip in shown, binding  # every key is on the help screen
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_problems_view_and_notification(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A headline that is long enough here\n\nBody text.\n")
    (tmp_path / "[bold]bad[b].txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert app.problems and app.problems[0].file == "[bold]bad[b].txt"
        assert any("[bold]bad[b].txt" in n.message for n in app._notifications)
        assert "1 skipped" in app.query_one(SourceList).border_subtitle
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, ProblemsScreen)


async def test_markup_in_an_article_is_shown_as_typed_and_does_nothing(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text(
        "A [bold red]headline[/] with [@click=app.quit]markup[/]\n\n"
        "“[link=file:///etc/passwd]Click[/link] here,” said [b]Eve[/b] Smith.\n"
    )
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        view = app.query_one(ArticleView)
        assert "A [bold red]headline[/] with [@click=app.quit]markup[/]" in view.visible_text()
        assert "[link=file:///etc/passwd]Click[/link]" in view.visible_text()
        await pilot.click(ArticleView, offset=(3, 0))
        await pilot.click(SourceList, offset=(3, 0))
        await pilot.pause()
        assert app.is_running


async def test_empty_folder_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_index(pilot)
        assert "No articles" in app.query_one(ArticleView).visible_text()
