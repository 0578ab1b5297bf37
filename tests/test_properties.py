"""Properties over arbitrary input: nothing raises, offsets always point at their text."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import figures, sentences, speakers
from reader.articles import parse_article
from reader.decoding import NotText, decode_bytes
from reader.wordlists import word_alternation
from reader.wrapping import wrap_spans

# Text that looks like news: quote marks, digits, number words, newlines, controls.
news_alphabet = st.sampled_from(
    list("abcXYZ .,;:!?-—\n\t“”\"'’0123456789%$#[]/\\") + ["\x1b", "\x07", "\x00", "\u202e", " said ", " two ", "hundreds", " 2016 ", "\n\n", "November 29, 2024"]
)
newsy = st.lists(news_alphabet, max_size=300).map("".join)
any_text = st.one_of(st.text(max_size=400), newsy)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_without_controls_or_raises_not_text(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except NotText:
        return
    assert not any(ord(c) < 32 and c not in "\n\t" for c in decoded.text)
    assert "\x1b" not in decoded.text and "\r" not in decoded.text


@SETTINGS
@given(any_text)
def test_parsing_never_raises_and_offsets_point_at_their_text(text: str) -> None:
    article = parse_article("x.txt", text)
    for quote in article.quotes:
        assert 0 <= quote.start < quote.end <= len(article.text)
        assert article.text[quote.start : quote.end] == quote.text
    for figure in article.figures:
        assert 0 <= figure.start < figure.end <= len(article.text)
        assert article.text[figure.start : figure.end] == figure.text
    for paragraph in article.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(article.text)
    # The word count is worked out from the spaces; it must be what splitting would give.
    assert article.words == len(article.text.split())


@SETTINGS
@given(st.binary(max_size=2000))
def test_parsing_decoded_bytes_never_raises(data: bytes) -> None:
    try:
        text = decode_bytes(data).text
    except NotText:
        return
    parse_article("x.txt", text)


@SETTINGS
@given(any_text, st.integers(min_value=1, max_value=120))
def test_wrapping_covers_the_text_in_order(text: str, width: int) -> None:
    spans = wrap_spans(text, 0, len(text), width)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


@SETTINGS
@given(any_text, st.text(max_size=60), st.lists(st.text(min_size=1, max_size=10), max_size=4))
def test_bookmark_file_round_trips_any_text(text: str, note: str, tags: list[str]) -> None:
    from reader.bookmarks import dump_bookmarks, make_bookmark, parse_bookmarks

    if not text:
        return
    made = make_bookmark("a b/ü.txt", text[:50], None, text, 0, len(text), note=note, tags=tuple(tags))
    assert parse_bookmarks(dump_bookmarks([made])) == [made]


# The figure extractor finds its anchors with three fast scans; they must find exactly what one
# plain scan finds: runs of digits, and number words standing as words.
anchor_alphabet = st.sampled_from(list("ab é_(“-—\n5٣.\u0301") + ["one", "two", "million", "first", "half", "may", "tens"])


@SETTINGS
@given(st.one_of(st.text(max_size=200), st.lists(anchor_alphabet, max_size=60).map("".join)))
def test_figure_anchors_are_the_digit_runs_and_number_words(text: str) -> None:
    lowered = text.lower()
    plain = re.compile(r"\d+|\b(?:" + word_alternation(figures._ANCHOR_WORDS) + r")\b")
    assert figures._anchors(lowered) == [match.span() for match in plain.finditer(lowered)]


speaker_alphabet = st.sampled_from(list("aB .(“-\n,é’") + ["Minister", "minister", "Gen.", "U.S.", "Ministry", "Defence", "Council", "Sergei Lavrov"])


@SETTINGS
@given(st.one_of(st.text(max_size=200), st.lists(speaker_alphabet, max_size=40).map("".join)))
def test_title_and_body_scans_match_one_plain_scan(text: str) -> None:
    titles = r"(?<![\w.])" + word_alternation(speakers._TITLE_FORMS, bounded=speakers._PLAIN_TITLES)
    bodies = rf"(?<!\w)(?:{speakers._BODY_FORMS})\b(?:[ \t]+(?:{speakers._BODY_FORMS})\b)*"
    for end in (len(text), len(text) // 2):
        found = speakers._word_spans(text, end)
        assert found == tuple([m.span() for m in re.compile(p).finditer(text, 0, end)] for p in (titles, bodies))


# The word a full stop ends is read by stepping back over the text; this is the pattern it replaced.
_LAST_WORD = re.compile(r"([\w.]+)[.!?…]+[\"”’')\]]*\s+$")


def _boundary_by_pattern(text: str, match: re.Match[str]) -> bool:
    word = _LAST_WORD.search(text[max(0, match.start() - 30) : match.end()])
    if word is None or text[match.start()] != ".":
        return True
    token = word.group(1).rstrip(".")
    return not (token.lower() in sentences._ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token)


sentence_alphabet = st.sampled_from(list("aZ .!?…”’)_\n5é") + ["U.S.", "Gen.", " Dr. ", "etc.", "... ", "A. ", "x" * 40 + "."])


@SETTINGS
@given(st.one_of(st.text(max_size=200), st.lists(sentence_alphabet, max_size=50).map("".join)))
def test_sentence_boundaries_read_the_word_before_as_the_pattern_did(text: str) -> None:
    for match in sentences._BOUNDARY.finditer(text):
        real = text[match.start()] != "." or not sentences._ends_abbreviation(text, match.start())
        assert real == _boundary_by_pattern(text, match)


def _spans_by_one_pattern(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """sentence_spans as it was before its shortcuts: one pattern, whatever marks the text holds."""
    spans, position = [], start
    for match in sentences._BOUNDARY.finditer(text, start, end):
        if not _boundary_by_pattern(text, match):
            continue
        if match.end(1) > position:
            spans.append((position, match.end(1)))
        position = match.end()
    tail = text[position:end].rstrip()
    if position < end and tail:
        spans.append((position, position + len(tail)))
    return spans


@SETTINGS
@given(st.lists(st.lists(sentence_alphabet, max_size=30).map("".join), min_size=1, max_size=4))
def test_sentence_spans_shortcuts_split_as_one_pattern_does(paragraphs: list[str]) -> None:
    # Paragraphs of one text split one after another (the text's marks are read once for it).
    text = "\n\n".join(paragraphs)
    start = 0
    for paragraph in paragraphs:
        end = start + len(paragraph)
        assert sentences.sentence_spans(text, start, end) == _spans_by_one_pattern(text, start, end)
        start = end + 2
