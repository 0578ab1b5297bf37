"""Screens as a person sees them, at 120x40 and 80x24. Update with `pytest --snapshot-update`."""

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui_helpers import make_app, wait_for_comparison

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SIZES = [(120, 40), (80, 24)]


def after(*keys: str):
    async def run_before(pilot: Pilot) -> None:
        await wait_for_comparison(pilot)  # outlet counts and people are on screen: wait for them
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, size) -> None:
    assert snap_compare(make_app(SEEDS), terminal_size=size, run_before=after())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quote_selected(snap_compare, size) -> None:
    assert snap_compare(make_app(SEEDS), terminal_size=size, run_before=after("right_square_bracket", "tab", "tab", "j", "j"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_side_panel_hidden(snap_compare, size) -> None:
    assert snap_compare(make_app(SEEDS), terminal_size=size, run_before=after("G", "enter", "p", "tab"))


def test_figures_tab(snap_compare) -> None:
    assert snap_compare(make_app(SEEDS), terminal_size=(120, 40), run_before=after("tab", "tab", "right", "j"))


def test_help_screen(snap_compare) -> None:
    assert snap_compare(make_app(SEEDS), terminal_size=(80, 24), run_before=after("question_mark"))


@pytest.mark.parametrize("theme", ["seed-dark", "seed-light", "seed-contrast", "seed-paper", "seed-ansi"])
def test_main_screen_in_each_theme(snap_compare, theme: str) -> None:
    app = make_app(SEEDS, theme=theme)  # the theme is chosen as the app is built, as --theme does
    assert snap_compare(app, terminal_size=(120, 40), run_before=after("tab", "tab", "j", "j"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_compare_screen(snap_compare, size) -> None:
    assert snap_compare(make_app(SEEDS), terminal_size=size, run_before=after("c"))


def test_other_outlets(snap_compare) -> None:
    assert snap_compare(make_app(SEEDS), terminal_size=(120, 40), run_before=after("tab", "tab", "j", "j", "j", "x"))


def test_people_tab(snap_compare) -> None:
    assert snap_compare(make_app(SEEDS), terminal_size=(120, 40), run_before=after("tab", "tab", "left"))
