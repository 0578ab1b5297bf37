"""The help screen: every key, from the same Binding lists the footer uses."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

# Keys Textual itself provides, listed so the help is complete.
BUILTIN_KEYS = [
    ("tab / shift+tab", "Next / previous pane"),
    ("ctrl+p", "Command palette: every command, themes, quit"),
    ("ctrl+q", "Quit"),
    ("↑ ↓ pgup pgdn home end", "Move and scroll, in every pane"),
]


def _key_text(binding: Binding, keymap: Mapping[str, str] | None = None) -> str:
    """The keys in force: the user's keymap where it names the binding, else the defaults."""
    mapped = keymap.get(binding.id) if keymap and binding.id else None
    if mapped:
        return " / ".join(format_key(k.strip()) for k in mapped.split(","))
    return binding.key_display or " / ".join(k.strip() for k in binding.key.split(","))


def bindings_table(sections: list[tuple[str, list[BindingType]]], keymap: Mapping[str, str] | None = None) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for title, bindings in sections:
        table.add_row(Text(title, style="bold underline"), Text(""))
        for binding in bindings:
            if not isinstance(binding, Binding) or binding.system:
                continue
            table.add_row(Text(_key_text(binding, keymap)), Text(binding.tooltip or binding.description))
        table.add_row(Text(""), Text(""))
    table.add_row(Text("Everywhere", style="bold underline"), Text(""))
    for key, what in BUILTIN_KEYS:
        table.add_row(Text(key), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close the help"),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]], keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "escape to close"
            yield Static(bindings_table(self.sections, self.keymap), id="help-table")

    def action_dismiss(self) -> None:
        self.dismiss(None)
