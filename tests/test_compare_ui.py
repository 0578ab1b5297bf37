"""Across outlets in the reader: other outlets (x), Compare (c), People, quotes by speaker (s)."""

from pathlib import Path

from textual.widgets import TabbedContent

from reader.ui.article_view import ArticleView
from reader.ui.compare_screens import CompareScreen, OtherOutletsScreen
from reader.ui.side_panel import PassageList, SidePanel
from tests.ui_helpers import make_app, wait_for_comparison


def option_texts(listing: PassageList) -> list[str]:
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_quote_row_says_how_many_other_outlets_carry_it(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        rows = option_texts(app.query_one("#quotes", PassageList))
        jumaa = next(r for r in rows if "Ali Jumaa" in r)
        assert "in 1 other outlet (x)" in jumaa
        savett = next(r for r in rows if "Sean Savett" in r)
        assert "other outlet" not in savett


async def test_x_lists_the_other_outlet_and_opens_it_at_the_quote(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        side = app.query_one(SidePanel)
        side.focus_list()
        quotes = app.query_one("#quotes", PassageList)
        quotes.highlighted = quotes.get_option_index("q2")  # Syrian army officials' statement
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, OtherOutletsScreen)
        [row] = option_texts(app.screen.query_one("#outlets", PassageList))
        assert "001_9fe83e35984676be.txt" in row and "redeployment" in row
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, OtherOutletsScreen)
        assert app.current.id == "001_9fe83e35984676be.txt"
        start, end = side.highlighted_item()
        assert app.current.text[start:end].startswith("our armed forces to carry out a redeployment")
        assert app.query_one(ArticleView).mark == (start, end)


async def test_x_on_a_quote_no_one_else_carries_says_so(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        app.query_one(SidePanel).focus_list()
        quotes = app.query_one("#quotes", PassageList)
        quotes.highlighted = quotes.get_option_index("q4")  # Sean Savett
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, OtherOutletsScreen)
        assert any("No other article" in str(n.message) for n in app._notifications)


async def test_compare_lists_disputed_first_and_opens_the_article_at_the_figure(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        claims = app.screen.query_one("#claims", PassageList)
        rows = option_texts(claims)
        assert rows[0].strip().startswith("DISPUTED")
        assert "rebels killed" in rows[0]
        # The first value row is highlighted: 300, in the article that says it.
        assert "300" in str(claims.highlighted_option.prompt)
        await pilot.press("down")  # 200, State television
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        assert app.current.id == "004_1f12a4c88092379e.txt"
        start, end = app.query_one(ArticleView).mark
        assert app.current.text[start:end] == "200"
        assert app.query_one(TabbedContent).active == "figures-tab"


async def test_people_tab_filters_the_quotes_tab(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        side = app.query_one(SidePanel)
        side.focus_list()
        await pilot.press("right", "right")
        assert app.query_one(TabbedContent).active == "people-tab"
        people = app.query_one("#people", PassageList)
        rows = option_texts(people)
        assert any("Sergei Lavrov, Russian Foreign Minister" in r for r in rows)
        jumaa = next(r for r in rows if "Ali Jumaa" in r)
        assert "2 quotes · 000_96b56c3d77251b90.txt, JPost" in jumaa  # the outlets, by name where known
        people.highlighted = next(i for i, r in enumerate(rows) if "Ali Jumaa" in r)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "quotes-tab"
        shown = [r for r in option_texts(app.query_one("#quotes", PassageList)) if r.startswith("“")]
        assert len(shown) == 1 and "Ali Jumaa" in shown[0]
        await pilot.press("g", "enter")  # the "Only quotes by" row: enter shows all again
        await pilot.pause()
        assert len([r for r in option_texts(app.query_one("#quotes", PassageList)) if r.startswith("“")]) == 5


async def test_s_groups_quotes_by_speaker(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Council vote nears\n\n"
        "\u201cWe are ready,\u201d said Mayor Laura Chen.\n\n"
        "\u201cThe numbers do not add up,\u201d said Ray Ortiz.\n\n"
        "\u201cNot one branch will close,\u201d Chen said.\n",
        encoding="utf-8",
    )
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        app.query_one(SidePanel).focus_list()
        await pilot.press("s")
        rows = option_texts(app.query_one("#quotes", PassageList))
        assert rows[0].startswith("Laura Chen 2")
        assert "We are ready" in rows[1] and "Not one branch" in rows[2]
        assert rows[3].startswith("Ray Ortiz 1")
        await pilot.press("s")
        rows = option_texts(app.query_one("#quotes", PassageList))
        assert "We are ready" in rows[0] and "numbers" in rows[1]


async def test_x_after_a_search_jump_uses_the_quote_jumped_to(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        await pilot.press("slash", *"redeployment operation aimed")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not app.query_one(SidePanel).has_focus_within  # the article has focus, not the panel
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, OtherOutletsScreen)


async def test_over_compare_the_article_keys_are_not_offered(seeds: Path) -> None:
    from reader.ui.bookmark_screens import BookmarkDialog

    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_comparison(pilot)
        await pilot.press("c")
        await pilot.pause()
        shown = {key for key, b in app.screen.active_bindings.items() if b.binding.show and b.enabled}
        assert "b" not in shown and "slash" not in shown and "p" not in shown
        await pilot.press("b")  # would bookmark the article hidden behind the Compare screen
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and not isinstance(app.screen, BookmarkDialog)
