from pathlib import Path

from reader.history import load_history
from reader.ui.article_view import ArticleView
from reader.ui.search_screen import SearchScreen
from reader.ui.side_panel import PassageList
from tests.ui_helpers import make_app, wait_for_index


async def type_query(pilot, text: str) -> None:
    await pilot.press(*list(text))
    await pilot.app.screen.workers.wait_for_complete()
    await pilot.pause()


async def test_search_jumps_to_the_quote_and_selects_it(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_query(pilot, "serious concerns")
        assert len(app.screen.results.hits) == 1
        await pilot.press("enter")
        assert not isinstance(app.screen, SearchScreen)
        assert app.current.id == "001_9fe83e35984676be.txt"
        quote = app.current.quotes[5]
        assert app.query_one(ArticleView).mark == (quote.start, quote.end)
        assert app.query_one("#quotes", PassageList).highlighted == 5
        assert "Both sides expressed serious concerns" in app.query_one(ArticleView).visible_text()


async def test_n_and_shift_n_step_through_results(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        await type_query(pilot, "aleppo")
        hits = app.screen.results.hits
        assert len(hits) >= 3
        await pilot.press("enter")
        await pilot.press("n")
        assert app.query_one(ArticleView).mark == (hits[1].entry.start, hits[1].entry.end)
        assert app.current.id == hits[1].entry.article
        await pilot.press("n", "N", "N")
        assert app.query_one(ArticleView).mark == (hits[0].entry.start, hits[0].entry.end)


async def test_escape_returns_to_where_you_were(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("right_square_bracket", "tab")
        before = (app.current.id, app.focused)
        await pilot.press("slash")
        await type_query(pilot, "fire")
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)
        assert (app.current.id, app.focused) == before
        assert app.search_outcome is None


async def test_full_text_mode_opens_the_sentence(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash", "ctrl+f")
        await type_query(pilot, "lavrof turkish")
        hits = app.screen.results.hits
        assert hits and "Lavrov" in hits[0].entry.text
        await pilot.press("enter")
        view = app.query_one(ArticleView)
        assert view.mark == (hits[0].entry.start, hits[0].entry.end)
        assert app.current.text[view.mark[0] : view.mark[1]] == hits[0].entry.text


async def test_up_recalls_earlier_searches_across_runs(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        await type_query(pilot, "feeling")
        await pilot.press("enter")
    assert load_history()[-1] == "feeling"
    again = make_app(seeds)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash", "up")
        await pilot.pause()
        assert again.screen.query_one("#search-input").value == "feeling"


async def test_results_highlight_the_matched_words(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        await type_query(pilot, "fire")
        hit = next(h for h in app.screen.results.hits if "playing with fire" in h.entry.text)
        assert [hit.entry.text[s:e].lower() for s, e in hit.spans] == ["fire"]


async def test_markup_in_a_query_is_searched_as_typed(tmp_path: Path) -> None:
    (tmp_path / "m.txt").write_text("A headline long enough for a title\n\n“Press [bold]here[/bold] now,” said Ana Ruiz.\n")
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash")
        await type_query(pilot, "[bold]")
        assert len(app.screen.results.hits) == 1
