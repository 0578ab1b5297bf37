import json
from pathlib import Path

import yaml

from reader.articles import parse_article
from reader.cli import main
from reader.evaluation import evaluate, score_article, speakers_match, values_match

GOLD = Path(__file__).resolve().parent / "gold"
TEXT = 'A headline about the talks in the city\n\n“We are ready,” said Ana Ruiz. About 300 people came, and 2 left.\n\nRead more: an unrelated link\n'


def test_scores_count_hits_misses_and_extras() -> None:
    gold = {
        "title": "A headline about the talks in the city",
        "outlet": None,
        "boilerplate": ["Read more: an unrelated link"],
        "quotes": [{"text": "We are ready", "speaker": "Ruiz"}, {"text": "A quote the extractor never sees", "speaker": None}],
        "figures": [{"text": "300", "value": 300, "kind": "count", "counts": "people came"}, {"text": "2", "value": 3, "kind": "count", "counts": "left"}],
    }
    score = score_article(gold, parse_article("x.txt", TEXT))
    metrics = score.metrics()
    assert (score.quote_tp, score.quote_fn, score.quote_fp) == (1, 1, 0)
    assert metrics["quote_recall"] == 0.5 and metrics["speaker_accuracy"] == 1.0
    assert (score.figure_tp, score.value_right, score.value_total) == (2, 1, 2)  # "2" is right, its gold value is not
    assert score.headline_right and score.boilerplate_leaks == []


def test_matching_rules() -> None:
    assert speakers_match("Sergei Lavrov", "Lavrov") and speakers_match("the ministry", "Ministry")
    assert not speakers_match("Sergei Lavrov", "Hakan Fidan")
    assert values_match(0.6667, 0.66667) and values_match("2024-11-29", "2024-11-29") and values_match(None, None)
    assert not values_match(300, 200)


def test_headline_and_outlet_right_and_no_boilerplate_left_on_every_seed() -> None:
    scores, _ = evaluate(GOLD)
    seeds = [s for s in scores if s.article.startswith(("000_", "001_", "002_", "003_", "004_"))]
    assert len(seeds) == 5
    assert all(s.headline_right and s.outlet_right for s in seeds), [s.misses for s in seeds]
    assert not [leak for s in seeds for leak in s.boilerplate_leaks]


def test_numbers_in_boilerplate_are_never_figures() -> None:
    for path in GOLD.glob("00*.yaml"):  # the seeds; the written articles are issue 3's, still being scored
        gold = yaml.safe_load(path.read_text())
        source = (path.parent / gold["article"]).resolve()
        article = parse_article(source.name, source.read_text())
        figures = {f.text for f in article.figures}
        for line in gold["boilerplate"]:
            for number in __import__("re").findall(r"\d[\d,]*", str(line)):
                assert number not in figures or number in article.text.replace(str(line), ""), (path.name, number)


def test_eval_command(capsys) -> None:
    assert main(["eval", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["articles"]) >= 5 and {"quote_f1", "speaker_accuracy", "figure_f1", "value_accuracy", "counts_accuracy"} <= set(report["overall"])
    assert main(["eval", "/nonexistent-gold"]) == 2


def test_floors_on_the_whole_gold_set() -> None:
    """Issue 3's floors, over the seeds and at least 20 articles of our own writing."""
    scores, overall = evaluate(GOLD)
    assert len(scores) >= 25
    metrics = overall.metrics()
    floors = {"quote_f1": 0.95, "speaker_accuracy": 0.90, "figure_f1": 0.95, "value_accuracy": 0.95, "counts_accuracy": 0.80}
    below = {name: round(metrics[name], 3) for name, floor in floors.items() if metrics[name] < floor}
    assert not below, below


def test_no_regression_below_what_the_extractor_reached() -> None:
    """Scores of 2026-11-22 (speaker 1.000, counts 0.974), less one article's worth of slack."""
    _, overall = evaluate(GOLD)
    metrics = overall.metrics()
    reached = {"quote_f1": 0.98, "speaker_accuracy": 0.97, "figure_f1": 0.98, "value_accuracy": 0.98, "counts_accuracy": 0.94}
    below = {name: round(metrics[name], 3) for name, floor in reached.items() if metrics[name] < floor}
    assert not below, below
