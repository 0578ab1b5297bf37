"""Pages saved as HTML: the article, its metadata, the page as rendered, and pages built to break things."""

import pickle
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import html_pages
from reader.articles import parse_article
from reader.cli import list_rows
from reader.decoding import NotText, decode_bytes, declared_charset
from reader.index import build_index
from reader.sources import SourceFile, discover, read_source

PARAGRAPHS = [
    "The city council voted on Monday to close the old river bridge to cars from next spring, after engineers "
    "found that two of its supports had worn far faster than expected.",
    "“We cannot ask people to drive over a bridge we would not stand under,” said Mayor Lena Ortiz, who called the "
    "vote the hardest of her term. About 14,000 vehicles cross the bridge each day.",
    "Cyclists and people on foot will still be allowed to use it while a replacement is designed, the council said, "
    "and a temporary ferry will run every twenty minutes during the morning and evening rush.",
    "Shop owners on both banks said they feared losing customers. “Half of my trade comes across that bridge,” "
    "said Tom Reyes, who has run a hardware store near the river for thirty years.",
    "The replacement is expected to cost about $85 million and to open in four years.",
]


def page(
    title: str = "Council closes the old river bridge to cars | The Riverside Courier",
    head_extra: str = "",
    body_extra: str = "",
    paragraphs: list[str] | None = None,
) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in (PARAGRAPHS if paragraphs is None else paragraphs))
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{title}</title>
<meta property="og:site_name" content="The Riverside Courier">
<meta name="author" content="Ada Brennan">
<meta property="article:published_time" content="2024-03-11T09:30:00Z">
<style>p {{ color: red }} .quote::before {{ content: "“Styled quote,” said Nobody." }}</style>
<script>var headline = "“This script is not a quote,” said Mallory Script."; document.write(headline);</script>
{head_extra}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><p>Subscribe to our newsletter</p></header>
<article>
<h1>Council closes the old river bridge to cars</h1>
<p class="byline">By Ada Brennan</p>
{body}
{body_extra}
<script>console.log("“Another script line,” said Mallory Script.")</script>
</article>
<footer><p>© 2024 The Riverside Courier. All rights reserved.</p><ul><li>Privacy</li><li>Terms</li></ul></footer>
</body></html>"""


def test_the_html_route_reads_text_title_outlet_author_and_date() -> None:
    article = parse_article("bridge.html", page())
    assert article.title == "Council closes the old river bridge to cars"
    assert article.outlet == "The Riverside Courier" and article.outlet_source == "site name"
    assert article.author == "Ada Brennan"
    assert article.date == "2024-03-11"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "Home" not in article.text.split("\n\n") and "Privacy" not in article.text


def test_quotes_from_an_html_page_have_exact_offsets() -> None:
    article = parse_article("bridge.html", page())
    speakers = {q.speaker for q in article.quotes}
    assert {"Lena Ortiz", "Tom Reyes"} <= speakers
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text
    for figure in article.figures:
        assert article.text[figure.start : figure.end] == figure.text


def test_no_script_or_style_text_reaches_the_article_or_the_rendered_page() -> None:
    article = parse_article("bridge.html", page())
    for text in (article.text, article.original, article.title):
        assert "Mallory" not in text and "Styled quote" not in text and "color: red" not in text
    assert all("Mallory" not in q.speaker for q in article.quotes if q.speaker)


def test_o_shows_the_page_as_rendered_not_its_markup() -> None:
    article = parse_article("bridge.html", page(), path="/nonexistent/bridge.html")
    assert "<p>" not in article.original and "Council closes the old river bridge to cars" in article.original
    assert "* Home" in article.original  # list items as a text browser shows them


def test_markup_looking_text_stays_literal_and_controls_are_stripped() -> None:
    extra = "<p>Readers asked what &lt;b&gt;bold&lt;/b&gt; and [bold red]this[/] mean in the council&#x27;s notes, a question the clerk answered at length on Monday.</p>"
    extra += "<p>A bell &#7; and an escape &#27;[2J hid in this sentence, which the council clerk read aloud at the meeting.</p>"
    article = parse_article("bridge.html", page(body_extra=extra))
    assert "<b>bold</b>" in article.text and "[bold red]this[/]" in article.text
    for text in (article.text, article.original):
        assert "\x1b" not in text and "\x07" not in text


def test_windows_1252_page_with_a_meta_charset(tmp_path: Path) -> None:
    html = page().replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    (tmp_path / "cp1252.htm").write_bytes(html.encode("cp1252"))
    assert declared_charset(html.encode("cp1252")) == "cp1252"
    text, encoding = read_source(SourceFile("cp1252.htm", tmp_path / "cp1252.htm"))
    assert encoding == "cp1252" and "“We cannot ask people" in text
    article = build_index(tmp_path).article("cp1252.htm")
    assert article is not None and any(q.speaker == "Lena Ortiz" for q in article.quotes)


def test_a_declaration_the_bytes_contradict_is_not_believed() -> None:
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>Zoë said “hello”.</p></body></html>'.encode("utf-8")
    assert decode_bytes(data).text.count("Zoë") == 1


def test_html_suffixes_are_found_recursively(tmp_path: Path) -> None:
    for name in ("a.html", "sub/b.htm", "sub/deeper/c.xhtml", "sub/d.HTML"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(page())
    assert [f.id for f in discover(tmp_path).files] == ["a.html", "sub/b.htm", "sub/d.HTML", "sub/deeper/c.xhtml"]


def test_html_named_txt_and_text_named_html(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(page())
    (tmp_path / "notes.html").write_text("A plain note saved with the wrong name\n\n“It still reads,” said Ana Ruiz. The <b> stays as typed.\n")
    index = build_index(tmp_path)
    html_as_txt = index.article("page.txt")
    assert html_as_txt.title == "Council closes the old river bridge to cars" and "<p>" not in html_as_txt.text
    text_as_html = index.article("notes.html")
    assert text_as_html.title == "A plain note saved with the wrong name" and "The <b> stays as typed." in text_as_html.text


def test_broken_and_truncated_html_loads_what_it_has(tmp_path: Path) -> None:
    html = page()
    (tmp_path / "truncated.html").write_text(html[: html.index(PARAGRAPHS[3][:30]) + 10])
    (tmp_path / "broken.html").write_text(
        "<html><body><div><p>" + PARAGRAPHS[0] + "<p><b><i>" + PARAGRAPHS[1] + "</div></span></table><p " + PARAGRAPHS[2]
    )
    index = build_index(tmp_path)
    assert not index.problems
    assert "supports had worn far faster" in index.article("truncated.html").text
    assert "supports had worn far faster" in index.article("broken.html").text


def test_empty_pages_are_problems_with_a_reason_and_do_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<!DOCTYPE html><html><head><title></title><script>var x = 1;</script></head><body>&nbsp;</body></html>")
    (tmp_path / "nothing.html").write_text("")
    (tmp_path / "good.html").write_text(page())
    index = build_index(tmp_path)
    reasons = {p.file: p.reason for p in index.problems}
    assert "empty page" in reasons["empty.html"] and reasons["nothing.html"]
    assert [a.id for a in index.articles] == ["good.html"]


def test_a_page_of_only_navigation_loads_without_inventing_an_article() -> None:
    html = "<html><head><title>Site map | The Riverside Courier</title></head><body><ul>" + "".join(
        f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(60)
    ) + "</ul></body></html>"
    article = parse_article("map.html", html)
    assert "Mallory" not in article.text and len(article.text) < 400


def test_a_30_mb_page_does_not_hang(tmp_path: Path) -> None:
    filler = "<div class='ad-slot' data-tracking='" + "x" * 900 + "'><span>Advert</span></div>\n"
    html = page(body_extra=filler * (30_000_000 // len(filler)))
    assert len(html) > html_pages.MAX_EXTRACT_CHARS
    (tmp_path / "huge.html").write_text(html)
    started = time.monotonic()
    index = build_index(tmp_path)
    article = index.article("huge.html")
    assert article is not None and "supports had worn far faster" in article.text
    assert time.monotonic() - started < 120  # generous: it must end, not be fast


def test_articles_from_html_pickle_and_list_says_where_the_outlet_came_from(tmp_path: Path) -> None:
    (tmp_path / "bridge.html").write_text(page())
    (tmp_path / "wire.txt").write_text("Storm closes the port for a second day\n\nHALIFAX, Nova Scotia (AP) — The port stayed shut on Tuesday.\n")
    index = build_index(tmp_path)
    rows = {r["id"]: r for r in list_rows(index)}
    assert rows["bridge.html"]["outlet"] == "The Riverside Courier" and rows["bridge.html"]["outlet_source"] == "site name"
    assert rows["wire.txt"]["outlet"] == "AP" and rows["wire.txt"]["outlet_source"] == "dateline"
    article = index.article("bridge.html")
    assert pickle.loads(pickle.dumps(article)) == article


def test_title_without_the_sites_name() -> None:
    assert html_pages.page_title("Bridge closes | The Courier", "The Courier") == "Bridge closes"
    assert html_pages.page_title("Bridge closes - courier.com", "Courier") == "Bridge closes"
    assert html_pages.page_title("The Courier view on bridges: close them", "The Courier") == "The Courier view on bridges: close them"
    assert html_pages.page_title("Bridge closes", None) == "Bridge closes"


# -- Properties: any HTML, any text, never raises; offsets hold. --------------------------------------------------

_PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<br>", "<li>", "<ul>", "</ul>", "<!--", "-->",
        "<html>", "<body>", "<title>", "</title>", "&amp;", "&lt;", "&#27;", "&#0;", "&#xD800;", "“", "”", " said ", "Ana Ruiz",
        "300", " people", ". ", "\n", "<", ">", "\"", "'", "<meta charset='cp1252'>", "\x00", "\x1b[2J",
    ]
)
_HTML = st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=60).map(lambda parts: "<!DOCTYPE html>" + "".join(parts))
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _offsets_hold(article) -> None:
    for item in (*article.quotes, *article.figures):
        assert article.text[item.start : item.end] == item.text
    for paragraph in article.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(article.text)
    assert article.words == len(article.text.split())
    assert not any(ord(c) < 32 and c not in "\n\t" for c in article.text + article.title + article.original)


@SETTINGS
@given(_HTML)
def test_any_html_parses_and_offsets_hold(html: str) -> None:
    _offsets_hold(parse_article("x.html", html))


@SETTINGS
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_html_bytes_decode_and_parse(text: str) -> None:
    try:
        decoded = decode_bytes(("<html>" + text).encode("utf-8", "surrogatepass"))
    except NotText:
        return  # binary bytes are skipped with a reason, as for any file
    _offsets_hold(parse_article("x.htm", decoded.text))
