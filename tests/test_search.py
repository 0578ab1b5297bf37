import json
from pathlib import Path

import pytest

from reader.articles import parse_article
from reader.cli import main
from reader.history import MAX_ENTRIES, add_to_history, history_path, load_history
from reader.index import Index, build_index
from reader.search import (
    TIER_ALL_WORDS,
    TIER_CLOSE,
    TIER_ORDERED,
    TIER_PHRASE,
    SearchIndex,
    fold,
    parse_query,
)


def corpus(*quotes: tuple[str, str, str | None]) -> SearchIndex:
    """Articles of one quote each: (article id, quote, speaker)."""
    articles = []
    for article_id, text, speaker in quotes:
        said = f", said {speaker or 'Ana Ruiz'}."  # attributed: a two-word unattributed quote would be a scare quote
        articles.append(parse_article(article_id, f"A headline for the article {article_id}\n\n“{text}”{said}\n"))
    return SearchIndex.of_quotes(Index(Path("."), tuple(articles), ()))


def order(engine: SearchIndex, query: str) -> list[tuple[str, int]]:
    return [(hit.entry.article, hit.tier) for hit in engine.search(query).hits]


def test_fold_keeps_length_and_ignores_case_accents_and_marks() -> None:
    text = "“Él dijo: ‘Ça va’” — İstanbul’s café"
    assert len(fold(text)) == len(text)
    assert fold(text) == "\"el dijo: 'ca va'\" - istanbul's cafe"


def test_ranking_tiers_in_order() -> None:
    engine = corpus(  # listed in the reverse of the expected order: rank, not corpus order, decides
        ("e.txt", "the peeace tallks", None),  # close spellings only
        ("d.txt", "the talks, in short, bring peace", None),  # all words, any order
        ("c.txt", "talks about peace will go on", None),  # all words, any order
        ("b.txt", "we want the peace and the talks", None),  # all words in order
        ("a.txt", "now the peace talks begin", None),  # the exact phrase
    )
    assert order(engine, "peace talks") == [
        ("a.txt", TIER_PHRASE),
        ("b.txt", TIER_ORDERED),
        ("d.txt", TIER_ALL_WORDS),  # a tie with c.txt: corpus order
        ("c.txt", TIER_ALL_WORDS),
        ("e.txt", TIER_CLOSE),
    ]


def test_ties_go_to_the_longer_match_then_corpus_order() -> None:
    engine = corpus(
        ("a.txt", "Aleppo fell", None),
        ("b.txt", "Aleppo, Aleppo, always Aleppo", None),
        ("c.txt", "back in Aleppo", None),
        ("d.txt", "from Aleppo to Aleppo", None),
    )
    assert [h.entry.article for h in engine.search("aleppo").hits] == ["b.txt", "d.txt", "a.txt", "c.txt"]
    words = corpus(("x.txt", "city under siege", None), ("y.txt", "the city, the city, then siege", None))
    assert [(h.entry.article, h.tier) for h in words.search("siege city").hits] == [("y.txt", TIER_ALL_WORDS), ("x.txt", TIER_ALL_WORDS)]


def test_scores_fall_with_rank() -> None:
    engine = corpus(("a.txt", "peace talks", None), ("b.txt", "talks of peace", None))
    scores = [hit.score for hit in engine.search("peace talks").hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[1]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("ÉLYSÉE", "a.txt"),  # accents and case
        ("elysee", "a.txt"),
        ("don't stop", "b.txt"),  # straight apostrophe finds a curly one
        ("don’t stop", "b.txt"),
        ('"we', "c.txt"),  # straight quote mark finds a curly one inside the quote
    ],
)
def test_case_accents_and_quote_marks(query: str, expected: str) -> None:
    engine = corpus(("a.txt", "The Élysée said no", None), ("b.txt", "Don’t stop now", None), ("c.txt", "he said “we won” today", None))
    assert [h.entry.article for h in engine.search(query).hits][:1] == [expected]


@pytest.mark.parametrize("query", ["alepo", "Alleppo", "aleppoo"])
def test_close_spellings(query: str) -> None:
    engine = corpus(("a.txt", "I am a son of Aleppo", None), ("b.txt", "Nothing here", None))
    assert order(engine, query) == [("a.txt", TIER_CLOSE)]


def test_filters_by_speaker_and_outlet(seeds: Path) -> None:
    engine = SearchIndex.of_quotes(build_index(seeds))
    assert {h.entry.speaker for h in engine.search("@jumaa").hits} == {"Ali Jumaa"}
    assert {h.entry.speaker for h in engine.search("by:jumaa").hits} == {"Ali Jumaa"}
    assert {h.entry.outlet for h in engine.search("in:jpost").hits} == {"JPost"}
    combined = engine.search("@jumaa in:jpost aleppo").hits
    assert [(h.entry.article, h.entry.speaker) for h in combined] == [("001_9fe83e35984676be.txt", "Ali Jumaa")]
    assert engine.search("@savett situation").hits == ()
    assert [h.entry.speaker for h in engine.search("@savet syria").hits] == ["Sean Savett"]  # a typo in the name


def test_parse_query() -> None:
    query = parse_query('@lavrov in:"jerusalem post" The Situation')
    assert (query.words, query.speaker, query.outlet) == (("the", "situation"), ("lavrov",), ("jerusalem post",))


def test_full_text_finds_sentences(seeds: Path) -> None:
    engine = SearchIndex.of_sentences(build_index(seeds))
    hits = engine.search("lavrof").hits
    assert hits and all("Lavrov" in h.entry.text for h in hits)
    first = hits[0]
    assert first.entry.speaker is None and first.entry.quote_index is None


def test_limit_marks_more() -> None:
    engine = corpus(*[(f"{n:03}.txt", "the same words", None) for n in range(30)])
    results = engine.search("same", limit=10)  # equal matches: corpus order
    assert len(results.hits) == 10 and results.more
    assert [h.entry.article for h in results.hits] == [f"{n:03}.txt" for n in range(10)]


def test_history_is_kept_deduplicated_and_capped() -> None:
    for n in range(MAX_ENTRIES + 20):
        add_to_history(f"query {n}")
    add_to_history("query 150")
    history = load_history()
    assert len(history) == MAX_ENTRIES and history[-1] == "query 150" and history.count("query 150") == 1
    assert history_path().is_relative_to(Path.home())


def test_a_broken_history_file_is_an_empty_history() -> None:
    history_path().parent.mkdir(parents=True, exist_ok=True)
    history_path().write_text("{not json")
    assert load_history() == []


def test_cli_search_json_matches_the_engine(capsys, seeds: Path) -> None:
    assert main(["search", "aleppo", str(seeds), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    engine = SearchIndex.of_quotes(build_index(seeds))
    assert [(r["article"], r["start"]) for r in rows] == [(h.entry.article, h.entry.start) for h in engine.search("aleppo").hits]
    assert set(rows[0]) == {"article", "text", "speaker", "start", "end", "score"}
    assert main(["search", "lavrov", str(seeds), "--json", "--full-text"]) == 0
    sentences = json.loads(capsys.readouterr().out)
    assert sentences and all("Lavrov" in r["text"] for r in sentences)
