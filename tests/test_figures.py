from pathlib import Path

import pytest

from reader.figure_blocks import Taken
from reader.figures import extract_figures, number_value
from reader.index import build_index


def figures_of(text: str):
    return extract_figures(text, [(0, len(text))])


def one(text: str):
    found = figures_of(text)
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def index():
    return build_index(Path(__file__).resolve().parent.parent / "seeds")


def test_seed_figures(index) -> None:
    figures = {(f.text, f.kind, f.value, f.counts) for f in index.article("000_96b56c3d77251b90.txt").figures}
    assert ("300", "count", 300, "rebels killed") in figures
    assert ("four", "count", 4, "civilians killed") in figures
    assert ("six", "count", 6, "civilians injured") in figures
    assert ("72 hours", "duration", 72, "Russian reinforcements") in figures
    assert ("eight years", "duration", 8, "displaced") in figures
    assert ("2016", "year", 2016, None) in figures


def test_seed_figures_002(index) -> None:
    figures = [(f.text, f.kind, f.value, f.counts) for f in index.article("002_498ac0c67ef683ba.txt").figures]
    assert figures == [
        ("second", "ordinal", 2, "largest city"),
        ("301", "count", 301, "people killed"),
        ("28", "count", 28, "civilians killed"),
        ("14,000", "count", 14000, "residents fled"),
        ("two-thirds", "fraction", 0.6667, "country"),
        ("2011", "year", 2011, None),
    ]


def test_offsets_point_at_the_figure(index) -> None:
    for article in index.articles:
        for figure in article.figures:
            assert article.text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize(
    "text, figure, kind, value",
    [
        ("The deal is worth $3bn over a decade.", "$3bn", "money", 3_000_000_000),
        ("About 1.5 million people were displaced.", "1.5 million", "count", 1_500_000),
        ("Turnout fell to 15% this year.", "15%", "percent", 15),
        ("Prices rose 4.5 percent in March.", "4.5 percent", "percent", 4.5),
        ("The vote was held on November 29, 2024 in the capital.", "November 29, 2024", "date", "2024-11-29"),
        ("Dozens of homes burned.", "Dozens", "vague", None),
        ("It has killed hundreds of thousands of people.", "hundreds of thousands", "vague", None),
        ("Roughly two-thirds of the land is held.", "two-thirds", "fraction", 0.6667),
        ("One in five children is hungry.", "One in five", "fraction", 0.2),
        ("A third of the land is held.", "A third", "fraction", 0.3333),
        ("They approved a third runway.", "third", "ordinal", 3),
        ("Prices rose at 10:45 a.m. on Monday.", "10:45 a.m.", "date", "10:45"),
        ("Winds reached 96mph overnight.", "96mph", "measure", 96),
        ("It is the second-largest city.", "second", "ordinal", 2),
        ("Reinforcements will arrive within 72 hours.", "72 hours", "duration", 72),
        ("Twenty-five soldiers were hurt.", "Twenty-five", "count", 25),
        ("Between 20-30 people gathered.", "20-30", "count", 20),
    ],
)
def test_figure_kinds(text: str, figure: str, kind: str, value) -> None:
    found = [f for f in figures_of(text) if f.text == figure]
    assert found, figures_of(text)
    assert (found[0].kind, found[0].value) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "Call the hotline on +44 20 7946 0958 for help.",
        "They met at 10 Downing Street in the morning.",
        "Jets such as the F-16 flew overhead.",
        "No one of them spoke.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures_of(text) == ()


def test_a_year_before_a_noun_is_a_year() -> None:
    figure = one("They broke a 2019 agreement.")
    assert (figure.kind, figure.value, figure.counts) == ("year", 2019, "agreement")


def test_number_value() -> None:
    assert number_value("14,000") == 14000
    assert number_value("two million") == 2_000_000
    assert number_value("a dozen") == 12


def test_a_paragraph_of_thousands_of_numbers() -> None:
    # Each figure once checked every span taken before it: 20,000 numbers took ~9 s.
    text = "5 " * 20000
    found = figures_of(text)
    assert len(found) == 20000
    assert all((f.value, f.kind, f.end - f.start) == (5, "count", 1) for f in found)


class _NoScan(Taken):
    def __iter__(self):
        raise AssertionError("the spans were scanned")


def test_taken_spans_answer_without_a_scan() -> None:
    # What keeps the case above linear: free() and floor() read marks, not every span so far.
    # Past _MARKED_FROM spans the marks answer: 40 one-character spans, then the odd ones.
    spans = [(60 + i, 61 + i) for i in range(0, 80, 2)] + [(12, 15), (3, 5), (20, 20), (5, 8), (30, 40), (33, 36)]
    taken = _NoScan(spans)
    taken.window = (2, 150)
    for start in range(2, 150):
        expected_floor = max((b for a, b in spans if b <= start), default=2)
        assert taken.floor(start, 2) == expected_floor
        for end in range(start + 1, 151):
            expected = all(not (start < b and end > a) for a, b in spans)
            assert taken.free(start, end) == expected, (start, end)
