"""y and Y: copy with attribution (the citation text, and the keys in the reader)."""

from pathlib import Path

from reader.articles import article_sentences, parse_article
from reader.citation import cite_article, cite_figure, cite_passage, cite_quote, quoted, source_line
from reader.ui.article_view import ArticleView
from reader.ui.bookmark_screens import BookmarkDialog, BookmarksScreen
from tests.ui_helpers import make_app, wait_for_index

STORY = """Harbour bridge to close for repairs

The Evening Ledger

The council said on Monday that the bridge would close for 14 weeks. "We have no choice, the cables are worn," said Maria Okafor, the council's chief engineer, at a briefing.

Traders fear the loss of 2,000 visitors a day.
"""


def story() -> object:
    return parse_article("news/bridge.txt", STORY, "utf-8")


def test_quoted_uses_curly_quotes_and_nests_inner_ones() -> None:
    assert quoted('the "new" plan\n\nstarts') == "“the 'new' plan starts”"
    assert quoted("the “new” plan") == "“the ‘new’ plan”"
    assert quoted("“already quoted”") == "“already quoted”"


def test_a_quote_is_cited_with_speaker_role_and_source() -> None:
    article = story()
    quote = next(q for q in article.quotes if q.speaker)
    lines = cite_quote(article, quote).split("\n")
    assert lines[0] == f"“{quote.text}”"
    assert lines[1] == f"— {quote.speaker}" + (f", {quote.speaker_role}" if quote.speaker_role else "")
    assert lines[2] == source_line(article)
    assert article.title in lines[2]


def test_source_line_falls_back_to_the_file_name() -> None:
    article = story()
    bare = type(article).__new__(type(article))
    for name in type(article).__slots__:
        object.__setattr__(bare, name, getattr(article, name))
    for name in ("outlet", "title", "date"):
        object.__setattr__(bare, name, None if name != "title" else "")
    assert source_line(bare) == "bridge.txt"


def test_a_figure_is_cited_in_its_sentence() -> None:
    article = story()
    figure = next(f for f in article.figures if "14" in f.text)
    text = cite_figure(article, figure)
    assert text.startswith("“The council said on Monday that the bridge would close for 14 weeks.”")
    assert text.endswith(source_line(article))


def test_a_passage_and_an_article_citation() -> None:
    article = story()
    start = article.text.index("Traders")
    end = article.text.index("day.") + 4
    assert cite_passage(article, start, end) == f"“Traders fear the loss of 2,000 visitors a day.”\n{source_line(article)}"
    citation = cite_article(article)
    assert "“Harbour bridge to close for repairs”" in citation
    assert citation.endswith("news/bridge.txt")


async def test_y_copies_the_reading_cursor_sentence_with_its_source(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("tab", "right_parenthesis", "y")
        start, end, _ = article_sentences(app.current)[1]
        assert app.clipboard == f"{quoted(app.current.text[start:end])}\n{source_line(app.current)}"
        assert any("Copied" in (n.title or "") for n in app._notifications)


async def test_y_copies_a_selection(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("tab", "v", "right_parenthesis", "v", "y")
        sentences = article_sentences(app.current)
        assert app.clipboard.startswith(quoted(app.current.text[sentences[0][0] : sentences[1][1]]))


async def test_y_on_a_quote_and_on_a_figure_in_the_side_panel(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("tab", "tab", "j", "j", "y")  # the second quote: Ali Jumaa
        quote = app.current.quotes[1]
        assert app.clipboard == cite_quote(app.current, quote)
        assert "— Ali Jumaa, a rebel fighter" in app.clipboard
        await pilot.press("right", "j", "y")
        figure = app.current.figures[0]
        assert app.clipboard == cite_figure(app.current, figure)
        assert figure.text in app.clipboard


async def test_capital_y_cites_the_whole_article(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("right_square_bracket", "Y")
        assert app.clipboard == cite_article(app.current)
        assert app.clipboard.startswith("JPost, “Syrian rebels sweep into Aleppo")


async def test_y_in_the_bookmarks_view(seeds: Path) -> None:
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("b")
        assert isinstance(app.screen, BookmarkDialog)
        await pilot.press("enter")
        await pilot.press("B")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("y")
        assert isinstance(app.screen, BookmarksScreen)  # y copied; it did not start a filter
        view = app.query_one(ArticleView)
        start, end = view.cursor
        assert app.clipboard == f"{quoted(app.current.text[start:end])}\n{source_line(app.current)}"
