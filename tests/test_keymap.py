"""keymap: in config.yaml: the user's own keys, checked, applied, shown."""

import io
from pathlib import Path

from rich.console import Console

from reader.config import config_path, key_problem, parse_keymap
from reader.ui.help_screen import HelpScreen, bindings_table
from reader.ui.keys import binding_ids
from tests.ui_helpers import make_app, wait_for_index

ROOT = Path(__file__).resolve().parent.parent


def write_config(text: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(text, encoding="utf-8")


def test_keys_are_checked() -> None:
    for good in ("k", "K", "?", "ctrl+k", "ctrl+shift+f5", "question_mark", "left_square_bracket", "pagedown", "comma"):
        assert key_problem(good) is None, good
    for bad in ("", " k", "ctrl+", "hyperdrive+k", "bogus", "ctrl+nokey"):
        assert key_problem(bad), bad


def test_parse_keymap_keeps_the_good_and_names_the_bad() -> None:
    keymap, problems = parse_keymap({"app.search": "ctrl+k", "app.help": ["f1", "?"], "app.quit": "ctrl+nokey", "app.panel": 3})
    assert keymap == {"app.search": "ctrl+k", "app.help": "f1,?"}
    assert len(problems) == 2 and "app.quit" in problems[0] and "app.panel" in problems[1]
    assert parse_keymap("ctrl+k")[1]  # not a mapping
    assert parse_keymap(None) == ({}, [])


def test_the_readme_lists_every_binding_id() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [i for i in binding_ids() if f"`{i}`" not in readme]
    assert not missing, missing


async def test_a_remapped_key_works_and_shows_in_footer_and_help(seeds: Path) -> None:
    write_config("keymap:\n  app.search: ctrl+k\n  app.compare: ctrl+nokey\n  app.nonesuch: z\n  app.panel: P\n")
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        notes = [n for n in app._notifications if n.title == "config.yaml keymap"]
        assert len(notes) == 1  # every problem in one notification
        assert "app.compare" in notes[0].message and "app.nonesuch" in notes[0].message
        assert "2 of the keymap's settings applied" in notes[0].message
        from reader.ui.search_screen import SearchScreen

        await pilot.press("slash")
        assert not isinstance(app.screen, SearchScreen)  # the old key is gone
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.press("P")
        assert app.has_class("-hide-side")
        keys = {b.binding.action: key for key, b in app.active_bindings.items()}
        assert keys["search"] == "ctrl+k" and keys["compare"] == "c"  # a key that cannot be parsed leaves the default
        from textual.widgets import Footer

        await pilot.pause()
        footer = app.query_one(Footer)
        shown_keys = [(item.key_display, item.description) for item in footer.query("FooterKey")]
        assert ("^k", "Search") in shown_keys, shown_keys
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(bindings_table(app.screen.sections, app.screen.keymap))
        shown = console.export_text()
        search_line = next(line for line in shown.splitlines() if "Search every quote" in line)
        assert "ctrl+k" in search_line and "/" not in search_line.split("Search")[0]


def test_a_key_taken_from_another_binding_is_said() -> None:
    from reader.ui.keys import clashes

    (clash,) = clashes({"app.copy": "b"})
    assert "app.bookmark" in clash and clash.startswith("app.copy: b")
    assert clashes({"app.copy": "b", "app.bookmark": "ctrl+b"}) == []
    assert clashes({"side.next_tab": "right"}) == []  # its own other key dropped: no clash


async def test_without_a_keymap_nothing_is_imported_early(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app._keymap == {}
