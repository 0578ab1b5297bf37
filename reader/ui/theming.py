"""Turn the core's ThemeSpecs into Textual themes, with the reader's own colour variables."""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

from reader.themes import ThemeSpec

# CSS variables the stylesheet uses; every theme gets a value for each.
READER_VARIABLES = ("quote", "figure", "mark", "bookmark", "search", "cursor")


def _parse(value: str) -> Color:
    return Color.parse(value if not value.lower().startswith("ansi_") else value.lower())


def reader_colors(spec: ThemeSpec) -> dict[str, str]:
    """The reader's colours: the file's, else mixed from the theme's own colours."""
    background = _parse(spec.colors.get("background", "#1e1e1e" if spec.dark else "#f5f5f5"))
    primary = _parse(spec.colors["primary"])
    accent = _parse(spec.colors.get("accent", spec.colors.get("secondary", spec.colors["primary"])))
    warning = _parse(spec.colors.get("warning", "#e0af68"))
    derived = {
        "quote": background.blend(primary, 0.25),
        "figure": background.blend(accent, 0.25),
        "mark": background.blend(warning, 0.45),
        "bookmark": accent,
        "search": background.blend(warning, 0.6),
        "cursor": background.blend(primary, 0.15),
    }
    return {name: spec.reader.get(name) or derived[name].hex for name in READER_VARIABLES}


# Textual's stylesheet needs these in an ANSI theme; without them it will not parse.
ANSI_DEFAULTS = {"ansi-background": "ansi_black", "ansi-foreground": "ansi_white"}


def to_textual(spec: ThemeSpec) -> Theme:
    variables = {
        **(ANSI_DEFAULTS if spec.ansi else {}),
        **spec.variables,
        **{f"reader-{name}": value for name, value in reader_colors(spec).items()},
    }
    return Theme(name=spec.name, dark=spec.dark, ansi=spec.ansi, variables=variables, **spec.colors)


def variable_defaults(dark: bool = True) -> dict[str, str]:
    """For Textual's built-in themes, which know nothing of the reader's colours."""
    spec = ThemeSpec("default", {"primary": "#0178d4", "background": "#121212" if dark else "#efefef"}, {}, dark)
    return {f"reader-{name}": value for name, value in reader_colors(spec).items()}
