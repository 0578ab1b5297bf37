"""Every binding of the reader in one list, and the user's keymap applied to them.

The help screen, the README's list of binding ids and the keymap's check of ids
all read binding_sections(), so a new binding is listed everywhere at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import BindingType


def binding_groups() -> list[tuple[str, list[type]]]:
    """(heading, the classes whose bindings it lists) for every pane and screen; imports the
    screens (they load lazily)."""
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
        ("Everywhere", [ReaderApp]),
        ("Sources (left)", [SourceList]),
        ("Article (middle)", [ArticleView]),
        ("Quotes, figures and people (right)", [SidePanel, PassageList]),
        ("Compare (c) and other outlets (x)", [CompareScreen, OtherOutletsScreen]),
        ("Search (/)", [SearchScreen]),
        ("Bookmarks (B)", [BookmarksScreen, BookmarkDialog]),
        ("Questions, problems and help", [ConfirmScreen, ProblemsScreen, HelpScreen]),
    ]


def binding_sections() -> list[tuple[str, list[BindingType]]]:
    """(heading, bindings) for every pane and screen, as the help screen lists them."""
    return [(heading, [b for owner in owners for b in owner.BINDINGS]) for heading, owners in binding_groups()]


def clashes(keymap: dict[str, str]) -> list[str]:
    """Keys the keymap gives to a binding when another binding of the same pane or screen keeps
    them: the keymap's wins (as Textual applies it) and the other loses that key; said."""
    from textual.binding import Binding
    from textual.keys import _normalize_key_list

    found: list[str] = []
    for heading, owners in binding_groups():
        for owner in owners:
            holders: dict[str, list[str]] = {}
            for binding in owner.BINDINGS:
                if not isinstance(binding, Binding):
                    continue
                keys = keymap.get(binding.id or "") or _normalize_key_list(binding.key)
                for key in keys.split(","):
                    holders.setdefault(key, []).append(binding.id or binding.action)
            for key, ids in holders.items():
                mapped = [i for i in ids if i in keymap]
                for other in (i for i in ids if i not in keymap):
                    if mapped:
                        found.append(f"{mapped[0]}: {key} was also {other}'s key ({heading}); {mapped[0]} takes it")
    return found


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
        problems += clashes(keymap)
    if problems:
        applied = f"\n{len(keymap)} of the keymap's settings applied." if keymap else "\nNone of the keymap applied."
        app.notify("\n".join(problems) + applied, title="config.yaml keymap", severity="warning", timeout=12, markup=False)
    return problems
