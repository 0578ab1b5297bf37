"""Across outlets on screen: the Compare screen (c) and a quote's other outlets (x).

Both list passages of other articles; enter dismisses the screen with a Target
and the app opens that article at the passage. Everything shown is built as
rich Text from the comparison, which the core derives from the index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from reader.compare import word_diff
from reader.ui.side_panel import PassageList, format_value

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.compare import Claim, Comparison, QuoteGroup, QuoteRef

MAX_SINGLE = 300  # claims made by one article only: listed last, and not all of a huge folder's
CONTEXT = 50  # characters of the article shown either side of a figure


@dataclass(frozen=True)
class Target:
    """Where to open: an article, a passage in it, and the side panel row ("q"/"f", number)."""

    article: str
    start: int
    end: int
    kind: str
    number: int


def outlet_of(article: Article | None, article_id: str) -> str:
    return (article.outlet if article and article.outlet else None) or article_id


def wording(article: Article | None, start: int, end: int) -> Text:
    """The words around a passage, the passage in bold: how this outlet put it."""
    text = Text()
    if article is None:
        return text
    before = article.text[max(0, start - CONTEXT) : start].replace("\n\n", " ")
    after = article.text[end : end + CONTEXT].replace("\n\n", " ")
    text.append(("…" if start > CONTEXT else "") + before.lstrip(), style="dim")
    text.append(article.text[start:end], style="bold")
    text.append(after.rstrip() + ("…" if end + CONTEXT < len(article.text) else ""), style="dim")
    return text


class PickTarget:
    """A screen whose list rows are targets: enter (or a click) on one dismisses with it."""

    LIST_ID = ""
    targets: dict[str, Target]

    def on_mount(self) -> None:
        listing = self.query_one(f"#{self.LIST_ID}", PassageList)
        listing.focus()
        listing.action_first()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_open(self) -> None:
        option = self.query_one(f"#{self.LIST_ID}", PassageList).highlighted_option
        if option is not None and option.id in self.targets:
            self.dismiss(self.targets[option.id])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A named handler, not @on: Textual collects @on handlers on widget classes, not on mixins.
        event.stop()
        if event.option.id in self.targets:
            self.dismiss(self.targets[event.option.id])


_STATUS_STYLE = {"disputed": "bold reverse", "agreed": "bold", "single": "dim"}


def claim_heading(claim: Claim) -> Text:
    text = Text()
    text.append(f" {claim.status.upper()} ", style=_STATUS_STYLE[claim.status])
    text.append(f"  {claim.counts}", style="bold")
    outlets = len({v.article for v in claim.values})
    if claim.status != "single":
        values = sorted({v.text for v in claim.values})
        text.append(f"  · {outlets} outlets: {' / '.join(values)}", style="dim")
    return text


class CompareScreen(PickTarget, Screen[Target | None]):
    """The story's claims, disputed first, each with its values by outlet."""

    LIST_ID = "claims"

    BINDINGS = [
        Binding("escape,c", "close", "Close", id="compare.close", tooltip="Back to the article"),
        Binding("enter", "open", "Open at figure", id="compare.open", tooltip="Open the highlighted value's article at the figure"),
    ]

    def __init__(self, comparison: Comparison, articles: dict[str, Article]) -> None:
        super().__init__()
        self.comparison = comparison
        self.articles = articles
        self.targets: dict[str, Target] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        claims = self.comparison.claims
        disputed = sum(c.status == "disputed" for c in claims)
        agreed = sum(c.status == "agreed" for c in claims)
        single = sum(c.status == "single" for c in claims)
        summary = Text.assemble(
            (f"{disputed} disputed", "bold"), f", {agreed} agreed, {single} reported by one article only. ",
            ("enter opens the article at the figure; escape returns.", "dim"),
        )  # fmt: skip
        yield Static(summary, id="compare-summary")
        yield PassageList(*self._options(claims), id="claims")
        yield Footer()

    def _options(self, claims: tuple[Claim, ...]) -> list[Option | None]:
        options: list[Option | None] = []
        shown_single = 0
        for number, claim in enumerate(claims):
            if claim.status == "single":
                shown_single += 1
                if shown_single > MAX_SINGLE:
                    options.append(Option(Text(f"…and {sum(c.status == 'single' for c in claims) - MAX_SINGLE} more single claims (reader compare --json lists all).", style="dim italic"), disabled=True))
                    break
            options.append(Option(claim_heading(claim), disabled=True))
            for v_number, value in enumerate(claim.values):
                article = self.articles.get(value.article)
                row = Text("   ")
                row.append(value.text, style="bold")
                if value.value is not None and format_value(value.value) not in value.text:
                    row.append(f" ({format_value(value.value)})", style="dim")
                row.append(f"  {outlet_of(article, value.article)}")
                if value.attributed_to:
                    row.append(f" · according to {value.attributed_to}", style="italic")
                row.append("\n   ")
                row.append_text(wording(article, value.start, value.end))
                option_id = f"c{number}v{v_number}"
                self.targets[option_id] = Target(value.article, value.start, value.end, "f", value.number)
                options.append(Option(row, id=option_id))
            options.append(None)
        if not options:
            options.append(Option(Text("No figure here counts anything the reader could name.", style="dim italic"), disabled=True))
        return options

    def on_mount(self) -> None:
        super().on_mount()
        self.sub_title = "Compare claims across outlets"


def diff_text(base: str, other: str) -> Text:
    """other's wording against base's, word by word: removed words struck, added ones underlined."""
    text = Text()
    for kind, words in word_diff(base, other):
        if text:
            text.append(" ")
        if kind == "same":
            text.append(words)
        elif kind == "removed":
            text.append(words, style="strike dim")
        else:
            text.append(words, style="bold underline")
    return text


class OtherOutletsScreen(PickTarget, ModalScreen[Target | None]):
    """The other articles that carry a quote, each with its wording compared."""

    LIST_ID = "outlets"

    BINDINGS = [
        Binding("escape,x", "close", "Close", id="outlets.close", tooltip="Back to the article"),
        Binding("enter", "open", "Open at quote", id="outlets.open", tooltip="Open the highlighted article at its copy of the quote"),
    ]

    def __init__(self, group: QuoteGroup, this: QuoteRef, articles: dict[str, Article]) -> None:
        super().__init__()
        self.group = group
        self.this = this
        self.articles = articles
        self.targets: dict[str, Target] = {}

    def compose(self) -> ComposeResult:
        others = [m for m in self.group.members if m != self.this]
        outlets = len({m.article for m in others})
        with Vertical(id="outlets-dialog"):
            heading = Text.assemble(
                (f"Carried by {outlets} other outlet{'s' if outlets != 1 else ''}", "bold"),
                ("  struck: words this article has and they do not; underlined: their own words", "dim"),
            )
            yield Static(heading, id="outlets-heading")
            options: list[Option | None] = []
            for number, member in enumerate(others):
                article = self.articles.get(member.article)
                row = Text()
                row.append(outlet_of(article, member.article), style="bold")
                row.append(f"  {member.article}", style="dim")
                if member.speaker:
                    row.append(f"\n— {member.speaker}", style="italic")
                row.append("\n“")
                if member.text == self.this.text:
                    row.append(member.text)
                    row.append("”  (word for word)", style="dim")
                else:
                    row.append_text(diff_text(self.this.text, member.text))
                    row.append("”")
                option_id = f"m{number}"
                self.targets[option_id] = Target(member.article, member.start, member.end, "q", member.number)
                options += [Option(row, id=option_id), None]
            yield PassageList(*options, id="outlets")
            yield Static(Text("enter opens that article at the quote · escape returns", style="dim"), id="outlets-keys")
