"""Print the seconds from BENCH_T0 (set by the parent just before starting this process)
to the first frame of the reader, or of a bare app with the same three panes, then exit."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.scroll_view import ScrollView
from textual.widgets import Footer, OptionList

T0 = float(os.environ["BENCH_T0"])


def report_first_frame(app: App) -> None:
    def done() -> None:
        print(f"{time.time() - T0:.4f}", flush=True)
        app.exit()

    app.call_after_refresh(done)


class BareApp(App[None]):
    """The same layout with nothing behind it: what any Textual app of three panes costs."""

    CSS = "OptionList, ScrollView { width: 1fr; height: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList("a", "b")
            yield ScrollView()
            yield OptionList("c", "d")
        yield Footer()

    def on_mount(self) -> None:
        report_first_frame(self)


def main() -> None:
    kind, path = sys.argv[1], Path(sys.argv[2])
    if kind == "bare":
        BareApp().run(headless=True, size=(120, 40))
        return
    from reader.ui.app import ReaderApp

    class Timed(ReaderApp):
        def on_mount(self) -> None:
            # Queued before the reader's own after-the-first-frame work (bookmarks, indexing),
            # which runs once the frame is painted and so does not delay it.
            report_first_frame(self)
            super().on_mount()

    Timed(path).run(headless=True, size=(120, 40))


if __name__ == "__main__":
    main()
