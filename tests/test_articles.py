from pathlib import Path

import pytest

from reader.articles import parse_article, split_paragraphs
from reader.index import build_index

EXPECTED = {
    "000_96b56c3d77251b90.txt": ("Syrian rebels overrun Aleppo amid Russian airstrikes backing Assad", None, "ALEPPO, Syria."),
    "001_9fe83e35984676be.txt": ("Syrian rebels sweep into Aleppo, Russia conducts strikes in support of Assad", "JPost", None),
    "002_498ac0c67ef683ba.txt": ("Russian and Syrian Airstrikes Target Aleppo Amid Rebel Offensive", None, None),
    "003_852a91abeef946a7.txt": ("Russia backs Assad with airstrikes as rebels advance in Aleppo", None, "AMMAN:"),
    "004_1f12a4c88092379e.txt": ("Big blow for Assad regime as Syrian rebels gain upper hand in Aleppo", "PlatinumPost", None),
}


@pytest.fixture(scope="module")
def index():
    return build_index(Path(__file__).resolve().parent.parent / "seeds")


def test_every_seed_loads(index) -> None:
    assert [a.id for a in index.articles] == sorted(EXPECTED)
    assert index.problems == ()


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_headline_outlet_dateline(index, article_id: str) -> None:
    article = index.article(article_id)
    title, outlet, dateline = EXPECTED[article_id]
    assert (article.title, article.outlet, article.dateline) == (title, outlet, dateline)


@pytest.mark.parametrize(
    "junk",
    [
        "Connect with us", "Published", "122", "Jesus' Coming Back", "Jesus Christ is King",
        "Stay updated with the latest news!", "Subscribe to The Jerusalem Post Newsletter",
        "This website uses cookies", "READ ALSO", "Load Next Story", "Author profile",
        "We appreciate your thoughts", "All Rights Reserved", "X whatsapp", "Comments are closed",
        "editor-in-chief ng Newsworld",
    ],
)  # fmt: skip
def test_boilerplate_is_not_in_the_clean_text(index, junk: str) -> None:
    for article in index.articles:
        assert junk not in article.text, article.id


def test_repeated_headline_is_removed(index) -> None:
    article = index.article("004_1f12a4c88092379e.txt")
    assert article.title not in article.text
    assert any(r.reason == "repeated headline" for r in article.removed)


def test_the_original_stays_available(index, seeds: Path) -> None:
    for article in index.articles:
        assert article.original == (seeds / article.id).read_text(encoding="utf-8")


def test_subheads_are_kept_as_paragraphs(index) -> None:
    article = index.article("004_1f12a4c88092379e.txt")
    subheads = [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "subhead"]
    assert subheads == ["A Turning Point in Aleppo", "Scenes from the Ground", "Humanitarian Concerns"]


def test_paragraph_spans_match_the_text(index) -> None:
    for article in index.articles:
        rebuilt = "\n\n".join(article.text[p.start : p.end] for p in article.paragraphs)
        assert rebuilt == article.text


def test_numbers_in_boilerplate_are_not_figures(index) -> None:
    values = {f.text for a in index.articles for f in a.figures}
    # "#305", "640,000" (author bio), "2018- 2024" (copyright), "23" (READ ALSO), "0"/"122" (counters)
    assert not values & {"305", "640,000", "2018", "23", "0", "122"}


def test_publication_date_from_the_header() -> None:
    article = parse_article("x.txt", "Site\n\nRebels take the city after a week of fighting\n\nPublished on November 30, 2024\n\nThe body starts here and goes on.\n")
    assert article.date == "2024-11-30"
    assert article.text == "The body starts here and goes on."


def test_agency_in_the_dateline_names_the_outlet() -> None:
    article = parse_article("x.txt", "Rebels take the city after a week of fighting\n\nBEIRUT (Reuters) - Rebels took the city on Friday.\n")
    assert article.dateline == "BEIRUT (Reuters) -"
    assert article.outlet == "Reuters"


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = (
        "A headline for the wrapped article\n\n"
        "This paragraph was saved from an e-mail, so its lines were cut\n"
        "at a fixed width of about seventy characters, and each of them\n"
        "belongs to the same paragraph.\n"
    )
    assert split_paragraphs(text)[1].startswith("This paragraph was saved from an e-mail, so its lines were cut at a fixed")


def test_a_file_of_blank_lines_has_a_title_and_no_text() -> None:
    article = parse_article("blank.txt", "\n\n   \n\n")
    assert article.title == "blank.txt"
    assert article.text == ""
