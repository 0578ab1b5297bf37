"""Files people did not write: each loads or is skipped with a reason; nothing leaks or runs."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.index import Index, build_index
from reader.search import SearchIndex
from reader.ui.article_view import ArticleView
from reader.ui.side_panel import PassageList
from reader.ui.source_list import SourceList
from tests.hostile import make_hostile_folder
from tests.ui_helpers import make_app, wait_for_index


def test_every_hostile_file_loads_or_is_skipped_with_a_reason(tmp_path: Path) -> None:
    expected = make_hostile_folder(tmp_path / "h")
    index = build_index(tmp_path / "h")
    loaded = {a.id for a in index.articles}
    skipped = {p.file: p.reason for p in index.problems}
    for name, expect in expected.items():
        if expect == "load":
            assert name in loaded, (name, skipped.get(name))
        else:
            assert name in skipped and skipped[name], name
    assert any("symlink loop" in reason for reason in skipped.values())
    for article in index.articles:  # no control character survives anywhere
        for text in (article.title, article.text, article.original):
            assert not any(ord(c) < 32 and c not in "\n\t" for c in text), article.id


def test_text_around_control_sequences_reads_normally(tmp_path: Path) -> None:
    make_hostile_folder(tmp_path / "h")
    article = build_index(tmp_path / "h").article("escapes.txt")
    assert article.title == "Control sequences hide in this headline"
    assert article.text == "Beforeafter, the text reads on."


def test_encodings_find_their_quotes(tmp_path: Path) -> None:
    make_hostile_folder(tmp_path / "h")
    index = build_index(tmp_path / "h")
    for name in ("bom-utf8.txt", "utf16.txt", "cp1252.txt", "a-good.txt"):
        article = index.article(name)
        assert [(q.text, q.speaker) for q in article.quotes] == [("We are home", "Omar Haddad")], name
        assert [f.value for f in article.figures] == [300], name
    assert index.article("latin1.md").title == "Un article en Latin-1 à Genève"
    assert index.article("lone-cr.txt").text == "It still reads."


def test_unbalanced_quote_marks_make_no_runaway_quote(tmp_path: Path) -> None:
    make_hostile_folder(tmp_path / "h")
    article = build_index(tmp_path / "h").article("unbalanced.txt")
    assert [q.text for q in article.quotes] == ["a real quote"]
    one_paragraph = build_index(tmp_path / "h").article("one-line-1mb.txt")
    assert one_paragraph.quotes == () and len(one_paragraph.text) > 900_000


async def test_the_reader_opens_every_hostile_file_and_stays_responsive(tmp_path: Path) -> None:
    make_hostile_folder(tmp_path / "h")
    app = make_app(tmp_path / "h")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert any("binary" in n.message for n in app._notifications)  # the skipped files, named
        view = app.query_one(ArticleView)
        for article in app.articles:
            app.open_article(article)
            await pilot.pause()
            shown = view.visible_text()
            assert "\x1b" not in shown and "\x07" not in shown
            await pilot.press("tab", "tab", "j", "shift+tab", "shift+tab")  # through every pane
        assert app.is_running


async def test_markup_in_headline_quote_speaker_and_query_is_shown_as_typed(tmp_path: Path) -> None:
    make_hostile_folder(tmp_path / "h")
    app = make_app(tmp_path / "h")
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_index(pilot)
        article = next(a for a in app.articles if a.id.startswith("markup"))
        app.open_article(article)
        await pilot.pause()
        assert article.title == "The [bold red]headline[/] with [@click=app.quit]markup[/] inside"
        assert article.title in app.query_one(ArticleView).visible_text()
        (quote,) = article.quotes
        assert (quote.text, quote.speaker) == ("[link=file:///etc/passwd]Click[/link] now", "[b]Eve[/b] Smith")
        prompt = str(app.query_one("#quotes", PassageList).get_option_at_index(0).prompt)
        assert "[link=file:///etc/passwd]Click[/link] now" in prompt and "[b]Eve[/b] Smith" in prompt
        row = app.articles.index(article)
        assert article.title in str(app.query_one(SourceList).get_option_at_index(row).prompt)
        for offset in range(0, 60, 3):  # clicking over the markup does nothing but select text
            await pilot.click(ArticleView, offset=(offset, 0))
        assert app.is_running


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _engine() -> SearchIndex:
    from reader.articles import parse_article

    texts = ["A headline for quotes\n\n“Élysée [bold] ‘x’ 300,” said Zoë.", "Another headline here\n\n“the talks” said he."]
    return SearchIndex.of_quotes(Index(Path("."), tuple(parse_article(f"{n}.txt", t) for n, t in enumerate(texts)), ()))


ENGINE = _engine()


@SETTINGS
@given(st.text(max_size=60))
def test_search_never_raises_and_spans_stay_inside(query: str) -> None:
    for hit in ENGINE.search(query).hits:
        assert all(0 <= start <= end <= len(hit.entry.text) for start, end in hit.spans)
