"""Pages saved as HTML: the article's text and metadata, and the page as a browser renders it.

trafilatura finds the main text and reads the page's metadata (title, author,
date, site name). Nothing of a script, a style sheet or a template reaches the
article: trafilatura drops them, and so does the renderer here, which gives the
page's text as a browser would show it (for `o`, and as the text route's input
when trafilatura finds nothing or the page is too large to hand it). Text that
looks like markup once the page is read (an escaped "&lt;b&gt;") stays literal,
as in a text file. Terminal control characters, typed in as entities, are
stripped like a text file's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.decoding import strip_controls

# Past this many characters a page goes to the renderer and the text route only:
# trafilatura's tree passes take seconds a megabyte on some pages (the largest real
# page seen is 1.4 MB).
MAX_EXTRACT_CHARS = 4_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# Strong signs of a document in HTML at the start of a file, whatever its name.
_HTML_START = re.compile(r"\A(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|\?xml[^>]*>\s*(?:<!doctype\s+html|<html))", re.I | re.S)
# Weaker ones, enough for a file named .html: any of a page's usual tags near the start.
_HTML_TAG = re.compile(r"<(?:html|head|body|meta|title|div|p|article|section|span|a|br|table|ul|h[1-6]|script|style|link)\b[^>]*>", re.I)

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select", "option", "button", "head"})
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr html legend li main nav ol p pre section summary table tbody td tfoot th thead title tr ul".split()
)
_SPACES = re.compile(r"\s+")
_EMPTY_CHECK = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>|&nbsp;|&#160;", re.I | re.S)


class EmptyPage(ValueError):
    """An HTML page with no text in it at all."""


@dataclass(frozen=True, slots=True)
class Page:
    """What was read from an HTML page. text is empty when trafilatura found no article."""

    text: str
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    rendered: str


def looks_like_html(text: str, name: str = "") -> bool:
    """A page in HTML: by its first characters, or by its name and tags near its start."""
    head = text[:2048]
    if _HTML_START.match(head):
        return True
    if name.lower().endswith(HTML_SUFFIXES):
        stripped = head.lstrip()
        return stripped.startswith("<") and _HTML_TAG.search(head) is not None
    return False


def is_empty(html: str) -> bool:
    """No text at all once tags, scripts, styles and comments are gone."""
    sample = html if len(html) <= 2_000_000 else html[:2_000_000]
    return not _EMPTY_CHECK.sub(" ", sample).strip() and len(html) == len(sample)


def _tree(html: str):
    from lxml import etree, html as lxml_html

    try:
        parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
        root = lxml_html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError, TypeError):
        return None
    return root


def render(html: str) -> str:
    """The page's text, one block a line, list items marked "* ": what a browser shows, no script or style."""
    from lxml import etree

    root = _tree(html)
    if root is None:
        return strip_controls(_SPACES.sub(" ", _EMPTY_CHECK.sub(" ", html)).strip())
    out: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if tag in _SKIP_TAGS and tag != "head":
                walker.skip_subtree()
                out.append(_tail(element))
                continue
            if tag == "head":
                title = element.find(".//title")
                if title is not None and title.text:
                    out.append("\n" + title.text + "\n")
                walker.skip_subtree()
                out.append(_tail(element))
                continue
            if tag in _BLOCK_TAGS:
                out.append("\n* " if tag == "li" else "\n")
            if element.text:
                out.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                out.append("\n")
            out.append(_tail(element))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(out).split("\n"))
    text = "\n".join(line for line in lines if line and line != "*")
    return strip_controls(text)


def _tail(element) -> str:
    return element.tail or ""


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", strip_controls(value)).strip()
    return value or None


def read_page(html: str) -> Page:
    """The article and metadata of an HTML page. Never raises."""
    rendered = render(html)
    if len(html) > MAX_EXTRACT_CHARS or not rendered:
        return Page("", None, None, None, None, rendered)
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, with_metadata=True, deduplicate=False, favor_precision=False
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read goes to the text route
        return Page("", None, None, None, None, rendered)
    if document is None:
        return Page("", None, None, None, None, rendered)
    get = document.get if isinstance(document, dict) else (lambda key: getattr(document, key, None))
    text = strip_controls(get("text") or "")
    date = get("date")
    return Page(
        text=text,
        title=_clean(get("title")),
        author=_clean(get("author")),
        date=date if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None,
        sitename=_clean(get("sitename")),
        rendered=rendered,
    )


_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+")


def page_title(title: str | None, sitename: str | None) -> str | None:
    """The page's title without the site's name: "Headline | Site" -> "Headline"."""
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and sitename:
        site = sitename.lower().replace(" ", "")
        squeezed = [p.lower().replace(" ", "") for p in parts]
        # "... | The Guardian", "... - guardian.com": the site's name; "The Guardian view on ..." stays.
        kept = [p for p, q in zip(parts, squeezed) if not (q in site or site in q and len(q) <= len(site) + 6)]
        if kept and len(kept) < len(parts):
            separator = _TITLE_SEPARATORS.search(title).group(0)
            return separator.join(kept)
    return title
