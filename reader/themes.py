"""Themes from YAML files: one theme a file, validated before use.

A broken file (bad YAML, a missing `primary`, a colour that does not parse, a
`!!python` tag) becomes a ThemeProblem naming the file and what is wrong; the
others load. The UI turns ThemeSpecs into Textual themes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rich.color import Color, ColorParseError

from reader.config import describe_yaml_error, safe_load_yaml
from reader.userfiles import config_dir

DEFAULT_THEME = "seed-dark"
PROJECT_THEMES = Path(__file__).resolve().parent.parent / "themes"


def user_themes() -> Path:
    return config_dir() / "themes"


def theme_folders() -> list[Path]:
    """Shipped themes first, then the user's: a user theme replaces a shipped one of its name."""
    return [PROJECT_THEMES, user_themes()]
BASE_FIELDS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel", "warning", "error", "success")
# The reader's own colours: quote and figure highlights, bookmarks, search matches, reading cursor.
READER_FIELDS = ("quote", "figure", "mark", "bookmark", "search", "cursor")


@dataclass(frozen=True, slots=True)
class ThemeSpec:
    name: str
    colors: dict[str, str]  # BASE_FIELDS that the file sets
    reader: dict[str, str]  # READER_FIELDS that the file sets
    dark: bool = True
    source: str = ""
    ansi: bool = False  # use the terminal's own palette, as Textual's ansi themes do
    variables: dict[str, str] = field(default_factory=dict)  # more Textual CSS variables


@dataclass(frozen=True, slots=True)
class ThemeProblem:
    file: str
    reason: str


@dataclass(frozen=True, slots=True)
class ThemeSet:
    themes: tuple[ThemeSpec, ...]
    problems: tuple[ThemeProblem, ...] = field(default=())

    def names(self) -> list[str]:
        return [t.name for t in self.themes]


_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_FUNCTION = re.compile(r"^(?:rgb|rgba|hsl|hsla)\(\s*[\d.%]+\s*,\s*[\d.%]+\s*,\s*[\d.%]+\s*(?:,\s*[\d.%]+\s*)?\)$")


def valid_color(value: object) -> bool:
    """Hex, rgb()/hsl(), or a named or ANSI colour ("ansi_red" as Textual names them)."""
    if not isinstance(value, str) or not value.strip():
        return False
    text = value.strip()
    if _HEX.match(text) or _FUNCTION.match(text):
        return True
    name = text.lower().removeprefix("ansi_")
    try:
        Color.parse(name)
    except ColorParseError:
        return False
    return True


def parse_theme(data: object, source: str) -> ThemeSpec:
    """Validate one theme's mapping. Raises ValueError with what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("a theme file holds a mapping (name: ..., primary: ...)")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' is missing")
    if "primary" not in data:
        raise ValueError("'primary' is missing")
    colors: dict[str, str] = {}
    for key in BASE_FIELDS:
        if key in data and data[key] is not None:
            if not valid_color(data[key]):
                raise ValueError(f"{key}: {data[key]!r} is not a colour")
            colors[key] = str(data[key]).strip()
    reader = data.get("reader") or {}
    if not isinstance(reader, dict):
        raise ValueError("'reader' holds a mapping of colours")
    reader_colors: dict[str, str] = {}
    for key, value in reader.items():
        if key not in READER_FIELDS:
            raise ValueError(f"reader.{key}: unknown (known: {', '.join(READER_FIELDS)})")
        if not valid_color(value):
            raise ValueError(f"reader.{key}: {value!r} is not a colour")
        reader_colors[key] = str(value).strip()
    flags = {}
    for key, default in (("dark", True), ("ansi", False)):
        flags[key] = data.get(key, default)
        if not isinstance(flags[key], bool):
            raise ValueError(f"'{key}' is true or false")
    variables = data.get("variables") or {}
    if not isinstance(variables, dict):
        raise ValueError("'variables' holds a mapping of Textual colour variables")
    for key, value in variables.items():
        # Only colours: any other value could stop Textual's stylesheet from parsing.
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9-]*", key) or not valid_color(value):
            raise ValueError(f"variables.{key}: {value!r} is not a colour")
    unknown = set(data) - {"name", "dark", "ansi", "reader", "variables", *BASE_FIELDS}
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")
    return ThemeSpec(name.strip(), colors, reader_colors, flags["dark"], source, flags["ansi"], dict(variables))


def load_theme_file(path: Path) -> ThemeSpec:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read: {error}") from error
    try:
        data = safe_load_yaml(text)  # a safe loader: a !!python tag is an error, never code
    except yaml.YAMLError as error:
        raise ValueError(f"bad YAML at {describe_yaml_error(error)}") from error
    return parse_theme(data, str(path))


def load_themes(*folders: Path) -> ThemeSet:
    folders = folders or tuple(theme_folders())
    """Themes from each folder's *.yaml; a later folder's theme replaces one of the same name."""
    themes: dict[str, ThemeSpec] = {}
    problems: list[ThemeProblem] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            try:
                spec = load_theme_file(path)
            except ValueError as error:
                problems.append(ThemeProblem(path.name, str(error)))
                continue
            themes[spec.name] = spec
    return ThemeSet(tuple(themes.values()), tuple(problems))
