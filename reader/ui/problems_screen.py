"""The Problems view: each file that was skipped, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from reader.sources import Problem


def problems_table(problems: list[Problem]) -> Table | Text:
    if not problems:
        return Text("Every file loaded.", style="dim")
    table = Table(expand=True, show_edge=False)
    table.add_column("file", ratio=1, overflow="fold")
    table.add_column("why it was skipped", ratio=1, overflow="fold")
    for problem in problems:
        table.add_row(Text(problem.file), Text(problem.reason))  # names are untrusted: Text, not markup
    return table


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,exclamation_mark", "dismiss", "Close", id="problems.close", tooltip="Close the Problems view")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems-body") as body:
            body.border_title = f"Problems ({len(self.problems)})"
            body.border_subtitle = "escape to close"
            yield Static(problems_table(self.problems), id="problems-table")

    def action_dismiss(self) -> None:
        self.dismiss(None)
