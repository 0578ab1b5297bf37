"""Every binding of the reader in one list, and the user's keymap applied to them.

The help screen, the README's list of binding ids and the keymap's check of ids
all read binding_sections(), so a new binding is listed everywhere at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import BindingType


def binding_sections() -> list[tuple[str, list[BindingType]]]:
    """(heading, bindings) for every pane and screen; imports the screens (they load lazily)."""
    from reader.ui.app import ReaderApp
    from reader.ui.article_view import ArticleView
    from reader.ui.bookmark_screens import BookmarkDialog, BookmarksScreen, ConfirmScreen
    from reader.ui.compare_screens import CompareScreen, OtherOutletsScreen
    from reader.ui.help_screen import HelpScreen
    from reader.ui.problems_screen import ProblemsScreen
    from reader.ui.search_screen import SearchScreen
    from reader.ui.side_panel import PassageList, SidePanel
    from reader.ui.source_list import SourceList

    return [
        ("Everywhere", ReaderApp.BINDINGS),
        ("Sources (left)", SourceList.BINDINGS),
        ("Article (middle)", ArticleView.BINDINGS),
        ("Quotes, figures and people (right)", SidePanel.BINDINGS + PassageList.BINDINGS),
        ("Compare (c) and other outlets (x)", CompareScreen.BINDINGS + OtherOutletsScreen.BINDINGS),
        ("Search (/)", SearchScreen.BINDINGS),
        ("Bookmarks (B)", BookmarksScreen.BINDINGS + BookmarkDialog.BINDINGS),
        ("Questions, problems and help", ConfirmScreen.BINDINGS + ProblemsScreen.BINDINGS + HelpScreen.BINDINGS),
    ]


def binding_ids() -> dict[str, str]:
    """Every binding id, with what it does."""
    from textual.binding import Binding

    ids: dict[str, str] = {}
    for _, bindings in binding_sections():
        for binding in bindings:
            if isinstance(binding, Binding) and binding.id:
                ids.setdefault(binding.id, binding.tooltip or binding.description)
    return ids


def apply_user_keymap(app: App, raw: object) -> list[str]:
    """Set the keymap from config.yaml's keymap: what applies is set, the rest is named in
    one notification. Returns the problems."""
    from reader.config import parse_keymap

    keymap, problems = parse_keymap(raw)
    known = binding_ids()
    for binding_id in list(keymap):
        if binding_id not in known:
            problems.append(f"{binding_id}: no such binding (the README lists them)")
            del keymap[binding_id]
    if keymap:
        app.set_keymap(keymap)
    if problems:
        applied = f"\nThe other {len(keymap)} appl{'y' if len(keymap) != 1 else 'ies'}." if keymap else ""
        app.notify("\n".join(problems) + applied, title="config.yaml keymap", severity="warning", timeout=12, markup=False)
    return problems
