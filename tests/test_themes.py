import json
from pathlib import Path

import pytest
import yaml
from textual.color import Color

from reader.cli import main
from reader.config import config_path
from reader.themes import PROJECT_THEMES, READER_FIELDS, load_themes, user_themes
from reader.ui.app import ReaderApp
from reader.ui.theming import reader_colors
from tests.ui_helpers import make_app, wait_for_index

SHIPPED = sorted(PROJECT_THEMES.glob("*.yaml"))


def luminance(color: str) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = Color.parse(color).rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_function_matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey


def test_five_themes_of_the_kinds_promised() -> None:
    themes = {t.name: t for t in load_themes(PROJECT_THEMES).themes}
    assert {"seed-dark", "seed-light", "seed-contrast", "seed-paper", "seed-ansi"} <= set(themes)
    assert themes["seed-dark"].dark and not themes["seed-light"].dark and not themes["seed-paper"].dark
    ansi = themes["seed-ansi"]
    assert ansi.ansi and all(v.startswith("ansi_") for v in [*ansi.colors.values(), *ansi.reader.values()])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_theme_contrast_reaches_wcag_aa(path: Path) -> None:
    spec = next(t for t in load_themes(PROJECT_THEMES).themes if t.source == str(path))
    foreground, background = spec.colors["foreground"], spec.colors["background"]
    ratios = {"body": contrast(foreground, background), "headline": contrast(spec.colors["primary"], background)}
    for name, color in reader_colors(spec).items():
        ratios[name] = contrast(foreground, color)
    assert set(ratios) == {"body", "headline", *READER_FIELDS}
    failing = {k: round(v, 2) for k, v in ratios.items() if v < 4.5}
    assert not failing, f"{spec.name}: below 4.5:1: {failing}"


BROKEN = {
    "bad-yaml.yaml": "name: x\nprimary: [unclosed\n",
    "no-primary.yaml": "name: nope\nbackground: '#000000'\n",
    "bad-colour.yaml": "name: badcolour\nprimary: not-a-colour\n",
    "python-tag.yaml": "name: evil\nprimary: !!python/object/apply:os.system ['echo pwned']\n",
    "bad-reader.yaml": "name: badreader\nprimary: '#123456'\nreader:\n  quote: 12\n",
}


@pytest.fixture
def broken_user_themes() -> Path:
    folder = user_themes()
    folder.mkdir(parents=True)
    for name, text in BROKEN.items():
        (folder / name).write_text(text)
    (folder / "mine.yaml").write_text("name: mine\nprimary: '#ff8800'\n")
    (folder / "seed-light.yaml").write_text("name: seed-light\nprimary: '#003366'\ndark: false\n")
    return folder


def test_broken_theme_files_are_named_and_the_others_load(broken_user_themes: Path) -> None:
    themes = load_themes()
    problems = {p.file: p.reason for p in themes.problems}
    assert set(problems) == set(BROKEN)
    assert "line 3, column 1" in problems["bad-yaml.yaml"]
    assert "'primary' is missing" in problems["no-primary.yaml"]
    assert "not a colour" in problems["bad-colour.yaml"]
    assert "python" in problems["python-tag.yaml"]
    assert "mine" in themes.names() and "seed-dark" in themes.names()


def test_a_user_theme_replaces_a_shipped_one(broken_user_themes: Path) -> None:
    light = next(t for t in load_themes().themes if t.name == "seed-light")
    assert light.colors["primary"] == "#003366"
    assert light.source.startswith(str(broken_user_themes))


async def test_broken_themes_make_one_notification(broken_user_themes: Path, seeds: Path) -> None:
    app = ReaderApp(seeds, theme_folders=[PROJECT_THEMES, broken_user_themes])
    async with app.run_test() as pilot:
        await wait_for_index(pilot)
        notes = [n.message for n in app._notifications if n.title == "Some themes did not load"]
        assert len(notes) == 1 and all(name in notes[0] for name in BROKEN)
        assert app.theme == "seed-dark"


async def test_theme_is_cycled_remembered_and_restored(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test() as pilot:
        await wait_for_index(pilot)
        assert app.theme == "seed-dark"
        await pilot.press("t")
        assert app.theme == "seed-light"
    assert yaml.safe_load(config_path().read_text()) == {"theme": "seed-light"}
    again = make_app(seeds)
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "seed-light"


async def test_remembered_theme_that_no_longer_loads_falls_back(seeds: Path) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("theme: gone-theme\n")
    app = make_app(seeds)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "seed-dark"
        assert any("gone-theme" in n.message for n in app._notifications)


async def test_a_broken_config_is_never_overwritten(seeds: Path) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    broken = b"theme: [seed-light\n"
    config_path().write_bytes(broken)
    app = make_app(seeds)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("t")
        assert any(n.title == "Theme not remembered" for n in app._notifications)
    assert config_path().read_bytes() == broken


async def test_theme_option_picks_the_theme(seeds: Path) -> None:
    app = make_app(seeds, theme="seed-paper")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "seed-paper"


def test_unknown_theme_option_exits_2_listing_names(capsys) -> None:
    assert main(["--theme", "nope"]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "seed-dark" in err and "seed-paper" in err


def test_themes_command_lists_names_and_sources(capsys) -> None:
    assert main(["themes", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in rows} >= {"seed-dark", "seed-ansi"}
    assert all(r["source"].endswith(".yaml") for r in rows)
