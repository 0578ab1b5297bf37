"""How the index holds an article: its text as compressed UTF-8, its removed lines found again
from the file. Nothing a caller reads changes."""

from __future__ import annotations

import pickle
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.articles import parse_article
from reader.index import build_index


def test_an_indexed_article_reads_as_the_parsed_one(seed_copy: Path) -> None:
    name = "001_9fe83e35984676be.txt"
    indexed = build_index(seed_copy).article(name)
    parsed = parse_article(name, (seed_copy / name).read_text(encoding="utf-8"))
    assert indexed.packed and not parsed.packed
    assert indexed.text == parsed.text
    assert len(indexed.utf8) < len(parsed.text.encode()) * 0.7  # compressed
    assert indexed.quotes == parsed.quotes and indexed.figures == parsed.figures
    for quote in indexed.quotes:
        assert indexed.text[quote.start : quote.end] == quote.text


def test_removed_lines_are_found_again_from_the_file(seed_copy: Path) -> None:
    name = "001_9fe83e35984676be.txt"
    indexed = build_index(seed_copy).article(name)
    parsed = parse_article(name, (seed_copy / name).read_text(encoding="utf-8"))
    assert indexed._removed is None  # not held in the index
    assert indexed.removed == parsed.removed and parsed.removed


def test_a_packed_article_pickles_and_compares(seed_copy: Path) -> None:
    article = build_index(seed_copy).article("000_96b56c3d77251b90.txt")
    again = pickle.loads(pickle.dumps(article))
    assert again == article and hash(again) == hash(article) and again.text == article.text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=2000))
def test_any_text_round_trips_through_storage(text: str) -> None:
    article = parse_article("any.txt", "A headline for the page\n\n" + text)
    packed = article.packed_for_index()
    assert packed.text == article.text  # lone surrogates included
