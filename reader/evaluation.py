"""Score the extractor against hand-written gold files (`reader eval`, `make eval`).

A gold file (YAML) names an article file and gives what a careful reader finds
in it: the headline, the outlet, the boilerplate lines, every quote with its
speaker, every figure with its value, kind and what it counts.

Matching: a quote matches when its text, folded (case, accents, quote marks),
is at least 90% alike (rapidfuzz ratio); a figure when its text is the same,
taken in order. Speakers match when one names the other ("Lavrov" and "Sergei
Lavrov"); `counts` when the two phrases share a word. Scores are summed over
articles (micro-averaged) for the overall line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from reader.articles import Article, parse_article
from reader.search import fold
from reader.sources import SourceFile, read_source

QUOTE_MATCH = 90.0
_STOPWORDS = frozenset("the a an of in on at to for and or by with from".split())


@dataclass
class Score:
    article: str
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    speaker_right: int = 0
    speaker_total: int = 0
    figure_tp: int = 0
    figure_fp: int = 0
    figure_fn: int = 0
    value_right: int = 0
    value_total: int = 0
    counts_right: int = 0
    counts_total: int = 0
    headline_right: bool = True
    outlet_right: bool = True
    boilerplate_leaks: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # what went wrong, for a person to read

    def add(self, other: Score) -> None:
        for name in ("quote_tp", "quote_fp", "quote_fn", "speaker_right", "speaker_total", "figure_tp", "figure_fp",
                     "figure_fn", "value_right", "value_total", "counts_right", "counts_total"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.headline_right &= other.headline_right
        self.outlet_right &= other.outlet_right
        self.boilerplate_leaks += other.boilerplate_leaks

    def metrics(self) -> dict[str, float]:
        def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)

        qp, qr, qf = f1(self.quote_tp, self.quote_fp, self.quote_fn)
        fp_, fr, ff = f1(self.figure_tp, self.figure_fp, self.figure_fn)
        ratio = lambda right, total: right / total if total else 1.0  # noqa: E731
        return {
            "quote_precision": qp, "quote_recall": qr, "quote_f1": qf,
            "speaker_accuracy": ratio(self.speaker_right, self.speaker_total),
            "figure_precision": fp_, "figure_recall": fr, "figure_f1": ff,
            "value_accuracy": ratio(self.value_right, self.value_total),
            "counts_accuracy": ratio(self.counts_right, self.counts_total),
        }  # fmt: skip


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s%$.,'-]", " ", fold(text)).split()).strip(" .,")


def _content_words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[\w-]+", fold(text or "")) if w not in _STOPWORDS}


def speakers_match(gold: str | None, found: str | None) -> bool:
    if not gold or not found:
        return gold == found
    g = re.sub(r"^(?:the|a|an) ", "", _norm(gold))
    f = re.sub(r"^(?:the|a|an) ", "", _norm(found))
    return g == f or re.search(rf"\b{re.escape(g)}\b", f) is not None or re.search(rf"\b{re.escape(f)}\b", g) is not None


def values_match(gold: object, found: object) -> bool:
    if isinstance(gold, int | float) and isinstance(found, int | float) and not isinstance(gold, bool):
        return abs(float(gold) - float(found)) <= 1e-3 * max(1.0, abs(float(gold)))
    return str(gold) == str(found) if gold is not None and found is not None else gold is found


def load_gold(path: Path) -> tuple[dict, Article]:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = (path.parent / gold["article"]).resolve()
    text, encoding = read_source(SourceFile(source.name, source))
    return gold, parse_article(source.name, text, encoding)


def score_article(gold: dict, article: Article) -> Score:
    score = Score(article.id)
    score.headline_right = article.title == gold.get("title")
    score.outlet_right = article.outlet == gold.get("outlet")
    if not score.headline_right:
        score.misses.append(f"headline: {article.title!r}, gold {gold.get('title')!r}")
    if not score.outlet_right:
        score.misses.append(f"outlet: {article.outlet!r}, gold {gold.get('outlet')!r}")
    paragraphs = {_norm(article.text[p.start : p.end]) for p in article.paragraphs}
    body = _norm(article.text)
    for line in gold.get("boilerplate") or []:
        wanted = _norm(str(line))
        # A short line ("0", "on") leaks only as a paragraph of its own, a long one anywhere.
        if wanted and (wanted in paragraphs or (len(wanted) >= 20 and wanted in body)):
            score.boilerplate_leaks.append(f"{article.id}: {line}")

    unmatched = list(article.quotes)
    for expected in gold.get("quotes") or []:
        best = max(unmatched, key=lambda q: fuzz.ratio(_norm(q.text), _norm(expected["text"])), default=None)
        if best is not None and fuzz.ratio(_norm(best.text), _norm(expected["text"])) >= QUOTE_MATCH:
            unmatched.remove(best)
            score.quote_tp += 1
            score.speaker_total += 1
            if speakers_match(expected.get("speaker"), best.speaker):
                score.speaker_right += 1
            else:
                score.misses.append(f"speaker of {expected['text'][:40]!r}: {best.speaker!r}, gold {expected.get('speaker')!r}")
        else:
            score.quote_fn += 1
            score.misses.append(f"quote missed: {expected['text'][:60]!r}")
    score.quote_fp += len(unmatched)
    score.misses += [f"quote not in gold: {q.text[:60]!r}" for q in unmatched]

    remaining = list(article.figures)
    for expected in gold.get("figures") or []:
        found = next((f for f in remaining if _norm(f.text) == _norm(str(expected["text"]))), None)
        if found is None:
            score.figure_fn += 1
            score.misses.append(f"figure missed: {expected['text']!r}")
            continue
        remaining.remove(found)
        score.figure_tp += 1
        score.value_total += 1
        if values_match(expected.get("value"), found.value):
            score.value_right += 1
        else:
            score.misses.append(f"value of {found.text!r}: {found.value!r}, gold {expected.get('value')!r}")
        if expected.get("counts"):
            score.counts_total += 1
            if _content_words(expected["counts"]) & _content_words(found.counts):
                score.counts_right += 1
            else:
                score.misses.append(f"counts of {found.text!r}: {found.counts!r}, gold {expected['counts']!r}")
    score.figure_fp += len(remaining)
    score.misses += [f"figure not in gold: {f.text!r}" for f in remaining]
    return score


def evaluate(gold_dir: Path) -> tuple[list[Score], Score]:
    scores = [score_article(*load_gold(path)) for path in sorted(Path(gold_dir).glob("*.yaml"))]
    overall = Score("overall")
    for score in scores:
        overall.add(score)
    return scores, overall
