"""The side panel: the open article's quotes and figures, and the story's people, in tabs.

Rows are built from the index's Quote and Figure objects as rich Text, never
markup. Moving the highlight onto a row selects that passage: the panel posts
PassageSelected and the app scrolls the article to it and marks it. Option ids
name the item ("q3" is article.quotes[3]), so rows can be grouped by speaker or
filtered to one person without losing their place in the index.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option, OptionDoesNotExist

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.compare import Comparison, Person
    from reader.figures import Figure
    from reader.quotes import Quote


MAX_ROWS = 100  # rows per tab: a huge article's 500 rows took 0.4 s to wrap on opening


class PassageList(OptionList):
    """An OptionList of passages with vim keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="side.down", tooltip="Next row"),
        Binding("k", "cursor_up", "Up", show=False, id="side.up", tooltip="Previous row"),
        Binding("g", "first", "First", show=False, id="side.first", tooltip="First row"),
        Binding("G", "last", "Last", show=False, id="side.last", tooltip="Last row"),
    ]


def quote_prompt(quote: Quote, others: int = 0) -> Text:
    """A quote row; others is how many other outlets carry the same statement."""
    from reader.speakers import is_unresolved  # the core's name rules load after the first frame
    text = Text()
    text.append("“", style="dim")
    text.append(quote.text.replace("\n\n", " ¶ "))
    text.append("”", style="dim")
    text.append("\n— ", style="dim")
    if quote.speaker:
        text.append(quote.speaker, style="bold")
        if quote.speaker_role:
            text.append(f", {quote.speaker_role}", style="dim")
        if is_unresolved(quote.speaker):
            text.append(" (unresolved)", style="dim italic")
    else:
        text.append("unattributed", style="dim italic")
    if others:
        text.append(f"\n  ↔ in {others} other outlet{'s' if others != 1 else ''} (x)", style="italic")
    return text


def person_prompt(person: Person, here: bool, outlets: list[str]) -> Text:
    """A person or body: role, quotes, and the outlets that quote or name them."""
    text = Text()
    text.append("• " if here else "  ", style="bold")
    text.append(person.name, style="bold")
    if person.role:
        text.append(f", {person.role}", style="dim")
    quotes = f"{person.quotes} quote{'s' if person.quotes != 1 else ''}" if person.quotes else "named only"
    shown = ", ".join(outlets[:4]) + (f" +{len(outlets) - 4}" if len(outlets) > 4 else "")
    text.append(f"\n  {quotes} · {shown}", style="dim")
    return text


def format_value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.4g}" if value < 1 else f"{value:,.10g}"
    if isinstance(value, int):
        return f"{value:,}" if value >= 10000 else str(value)
    return str(value)


def figure_prompt(figure: Figure) -> Text:
    text = Text()
    text.append(figure.text, style="bold")
    counts, unit = figure.counts, figure.unit_name
    if counts and unit:
        counts = None if counts == unit else counts.removesuffix(f" ({unit})")  # the unit is on the line below
    # "two months" counting "months" says nothing new: show counts only when they add words.
    if counts and not set(counts.lower().split()) <= set(figure.text.lower().split()):
        text.append(f"  {counts}")
    details = figure.kind
    if figure.value is not None:
        details += f" · {format_value(figure.value)}"
        if figure.high is not None:
            details += f"–{format_value(figure.high)}"
    if unit and unit.split()[0][:5].lower() not in figure.text.lower():
        details += f" {unit}"  # "70 mph": mile per hour; "72 hours" says its unit itself
    text.append(f"\n{details}", style="dim")
    return text


class SidePanel(Vertical):
    """Quotes and Figures of the open article."""

    BINDINGS = [
        Binding("left,h", "tab(-1)", "Tab", show=False, id="side.previous_tab", tooltip="Previous tab (Quotes, Figures, People)"),
        Binding("right,l", "tab(1)", "Tabs", key_display="←→", id="side.next_tab", tooltip="Next tab (Quotes, Figures, People)"),
        Binding("s", "toggle_by_speaker", "By speaker", id="side.by_speaker", tooltip="Group the Quotes tab by speaker, or list quotes in article order"),
        Binding("x", "other_outlets", "Other outlets", id="side.other_outlets", tooltip="List the other outlets that carry the highlighted quote, with the wording compared"),
    ]
    TABS = ("quotes-tab", "figures-tab", "people-tab")

    class PassageSelected(Message):
        """A quote or figure row was highlighted: show it in the article."""

        def __init__(self, article_id: str, start: int, end: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.start = start
            self.end = end

    class OtherOutlets(Message):
        """x on a quote: list the other articles that carry it."""

        def __init__(self, article_id: str, number: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.number = number

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.comparison: Comparison | None = None
        self.outlet_names: dict[str, str] = {}
        self.by_speaker = False
        self.person: Person | None = None  # the Quotes tab shows only this person's quotes

    def compose(self) -> ComposeResult:
        with TabbedContent(id="side-tabs"):
            with TabPane("Quotes", id="quotes-tab"):
                yield PassageList(id="quotes")
            with TabPane("Figures", id="figures-tab"):
                yield PassageList(id="figures")
            with TabPane("People", id="people-tab"):
                yield PassageList(id="people")

    def on_mount(self) -> None:
        # Tabs switch with ←/→ from the lists; tab stops stay three: sources, article, panel.
        self.query_one(TabbedContent).query_one("Tabs").can_focus = False

    def show(self, article: Article | None) -> None:
        self.article = article
        figures = self.query_one("#figures", PassageList)
        figures.clear_options()
        self._show_quotes()
        self._show_people()
        if article is None:
            return
        empty = Text("None found in this article.", style="dim italic")
        # A None after each option draws a divider; it does not count as an option.
        shown = article.figures[:MAX_ROWS]
        options = [o for i, item in enumerate(shown) for o in (Option(figure_prompt(item), id=f"f{i}"), None)]
        if len(article.figures) > MAX_ROWS:
            options.append(self._more(len(article.figures) - MAX_ROWS))
        figures.add_options(options or [Option(empty, disabled=True)])
        self.query_one(TabbedContent).get_tab("figures-tab").label = Text(f"Figures {len(article.figures)}")
        figures.highlighted = None

    @staticmethod
    def _more(count: int) -> Option:
        # A huge article: the list stays fast; search (/) reaches every quote.
        return Option(Text(f"…and {count:,} more; / searches them all.", style="dim italic"), disabled=True)

    def _show_quotes(self) -> None:
        """The Quotes tab: article order, or grouped by speaker, or one person's quotes only."""
        quotes = self.query_one("#quotes", PassageList)
        quotes.clear_options()
        article = self.article
        if article is None:
            return
        from reader.speakers import speaker_key

        numbered = list(enumerate(article.quotes))
        options: list[Option | None] = []
        if self.person is not None:
            options.append(Option(Text.assemble(("Only quotes by ", "italic"), (self.person.name, "bold"), ("  · enter: show all", "dim")), id="all"))
            options.append(None)
            numbered = [(i, q) for i, q in numbered if q.speaker and self._is_person(q.speaker)]
            if not numbered:
                elsewhere = self.person.quotes
                note = f"None in this article ({elsewhere} in the folder: ] opens the next article)." if elsewhere else "Named, never quoted."
                options.append(Option(Text(note, style="dim italic"), disabled=True))
        counts: Counter[str] = Counter()
        if self.by_speaker:
            numbered.sort(key=lambda item: (speaker_key(item[1].speaker or "~"), item[0]))
            counts.update(speaker_key(q.speaker or "~") for _, q in numbered)
        heading = None
        for i, quote in numbered[:MAX_ROWS]:
            if self.by_speaker and speaker_key(quote.speaker or "~") != heading:
                heading = speaker_key(quote.speaker or "~")
                count = counts[heading]
                options.append(Option(Text.assemble((quote.speaker or "Unattributed", "bold reverse"), (f" {count}", "dim")), disabled=True))
            options += [Option(quote_prompt(quote, self._others(article.id, i)), id=f"q{i}"), None]
        if len(numbered) > MAX_ROWS:
            options.append(self._more(len(numbered) - MAX_ROWS))
        quotes.add_options(options or [Option(Text("None found in this article.", style="dim italic"), disabled=True)])
        self.query_one(TabbedContent).get_tab("quotes-tab").label = Text(f"Quotes {len(article.quotes)}")
        quotes.highlighted = None

    def _is_person(self, speaker: str) -> bool:
        from reader.compare import speakers_compatible
        from reader.speakers import speaker_key

        person = self.person
        return person is not None and (
            speaker_key(speaker) == speaker_key(person.name)
            or (not person.is_body and " " not in speaker and speakers_compatible(speaker, person.name))
        )

    def _others(self, article_id: str, number: int) -> int:
        if self.comparison is None:
            return 0
        group = self.comparison.group_of(article_id, number)
        return len(group.articles) - 1 if group else 0

    def _show_people(self) -> None:
        people = self.query_one("#people", PassageList)
        people.clear_options()
        tab = self.query_one(TabbedContent).get_tab("people-tab")
        if self.comparison is None:
            people.add_option(Option(Text("Comparing the articles…", style="dim italic"), disabled=True))
            tab.label = Text("People")
            return
        here = self.article.id if self.article else None
        found = self.comparison.people
        # The open article's people first, then the rest of the folder's.
        ordered = sorted(range(len(found)), key=lambda i: (here not in found[i].articles, i))[:MAX_ROWS]
        outlets = self.outlet_names
        options = [
            o
            for i in ordered
            for o in (Option(person_prompt(found[i], here in found[i].articles, list(dict.fromkeys(outlets.get(a, a) for a in found[i].articles))), id=f"p{i}"), None)
        ]
        people.add_options(options or [Option(Text("Nobody quoted or named.", style="dim italic"), disabled=True)])
        tab.label = Text(f"People {sum(here in p.articles for p in found)}")
        people.highlighted = None

    def set_comparison(self, comparison: Comparison, outlet_names: dict[str, str]) -> None:
        """The cross-article comparison is ready: show outlet counts and people.

        outlet_names maps an article id to the outlet shown for it (the id when none is known).
        """
        self.comparison = comparison
        self.outlet_names = outlet_names
        self._show_quotes()
        self._show_people()

    def action_toggle_by_speaker(self) -> None:
        self.by_speaker = not self.by_speaker
        self._show_quotes()
        self.query_one(TabbedContent).active = "quotes-tab"
        self.focus_list()
        self.notify("Quotes grouped by speaker" if self.by_speaker else "Quotes in article order", timeout=2)

    def filter_to(self, person: Person | None) -> None:
        self.person = person
        self._show_quotes()
        self.query_one(TabbedContent).active = "quotes-tab"
        self.focus_list()

    def action_other_outlets(self) -> None:
        listing = self.query_one("#quotes", PassageList)
        option = listing.highlighted_option if self.query_one(TabbedContent).active == "quotes-tab" else None
        if self.article is None or option is None or not (option.id or "").startswith("q"):
            self.notify("Highlight a quote in the Quotes tab first.", timeout=3)
            return
        self.post_message(self.OtherOutlets(self.article.id, int(option.id[1:])))

    def select_quote_at(self, offset: int) -> bool:
        """Highlight the quote or figure covering offset; True if there was one."""
        if self.article is None:
            return False
        for prefix, items in (("f", self.article.figures), ("q", self.article.quotes)):
            for index, item in enumerate(items):
                if item.start <= offset < item.end:
                    self.select_item(prefix, index)
                    return True
        return False

    def highlighted_item(self) -> tuple[int, int] | None:
        """The offsets of the highlighted quote or figure in the active tab."""
        if self.article is None:
            return None
        tabs = self.query_one(TabbedContent)
        if tabs.active == "people-tab":
            return None
        listing = self.query_one("#quotes" if tabs.active == "quotes-tab" else "#figures", PassageList)
        item = self._item(listing.highlighted_option.id if listing.highlighted_option else None)
        return (item.start, item.end) if item else None

    def _item(self, option_id: str | None):
        if self.article is None or not option_id or option_id[0] not in "qf" or not option_id[1:].isdigit():
            return None
        items = self.article.quotes if option_id[0] == "q" else self.article.figures
        number = int(option_id[1:])
        return items[number] if number < len(items) else None

    def select_item(self, kind: str, index: int) -> None:
        """Show the quotes ("q") or figures ("f") tab with item index highlighted."""
        self.query_one(TabbedContent).active = "quotes-tab" if kind == "q" else "figures-tab"
        listing = self.query_one("#quotes" if kind == "q" else "#figures", PassageList)
        try:
            listing.highlighted = listing.get_option_index(f"{kind}{index}")
        except OptionDoesNotExist:  # filtered out or past the shown rows: the article still marks the passage
            pass

    def focus_list(self) -> None:
        tabs = self.query_one(TabbedContent)
        self.query_one("#" + tabs.active.removesuffix("-tab"), PassageList).focus()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        position = self.TABS.index(tabs.active) if tabs.active in self.TABS else 0
        tabs.active = self.TABS[(position + step) % len(self.TABS)]
        self.focus_list()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        item = self._item(event.option.id)
        if item is not None and self.article is not None:
            self.post_message(self.PassageSelected(self.article.id, item.start, item.end))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id == "all":
            self.filter_to(None)
        elif option_id.startswith("p") and self.comparison is not None:
            person = self.comparison.people[int(option_id[1:])]
            self.filter_to(None if person == self.person else person)
        else:
            self._highlighted(OptionList.OptionHighlighted(event.option_list, event.option, event.option_index))
