"""Across outlets: the same quote in several articles, the same figure reported differently.

A folder is usually several outlets telling one story. compare() sets their
quotes and figures side by side:

- quote groups: one statement carried by several articles, verbatim or reworded
  at the edges ("Bassel"/"Bassil", a dropped clause, changed punctuation);
- claims: figures that count the same thing ("300 rebels killed" and "200
  militants killed" by Russian strikes), agreed when the numbers match and
  disputed when they differ;
- people: every person and body quoted or named, with role, quotes and articles.

Everything here is derived from the index, never stored: the index stays the one
source of truth. Pairs are only ever compared across articles and only when they
share something cheap to look up (a run of words, a counted noun), so a folder of
10,000 articles is not compared pair by pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from reader.folding import fold as fold_text
from reader.quotes import attribution_of
from reader.sentences import sentence_spans
from reader.speakers import ORGANISATION_WORDS, is_person_name, is_unresolved, mentions, speaker_key

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.figures import Figure
    from reader.index import Index


@dataclass(frozen=True, slots=True)
class QuoteRef:
    article: str
    number: int  # the quote's place in article.quotes
    text: str
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    members: tuple[QuoteRef, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.members))


@dataclass(frozen=True, slots=True)
class ClaimValue:
    article: str
    number: int  # the figure's place in article.figures
    text: str
    value: float | int | str | None
    start: int
    end: int
    attributed_to: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    counts: str
    kind: str
    status: str  # "agreed", "disputed" or "single"
    values: tuple[ClaimValue, ...]


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str | None
    quotes: int
    articles: tuple[str, ...]
    is_body: bool


@dataclass(frozen=True)
class Comparison:
    quote_groups: tuple[QuoteGroup, ...]
    claims: tuple[Claim, ...]
    people: tuple[Person, ...]

    def group_of(self, article: str, number: int) -> QuoteGroup | None:
        """The group holding an article's quote, if other articles carry it."""
        return self._groups_by_quote.get((article, number))

    def __post_init__(self) -> None:
        lookup = {(m.article, m.number): g for g in self.quote_groups for m in g.members}
        object.__setattr__(self, "_groups_by_quote", lookup)

    def to_json(self) -> dict:
        return {
            "quote_groups": [
                {"members": [{"article": m.article, "text": m.text, "speaker": m.speaker, "start": m.start, "end": m.end} for m in g.members]}
                for g in self.quote_groups
            ],
            "claims": [
                {
                    "counts": c.counts,
                    "kind": c.kind,
                    "status": c.status,
                    "values": [
                        {"article": v.article, "text": v.text, "value": v.value, "start": v.start, "end": v.end, "attributed_to": v.attributed_to}
                        for v in c.values
                    ],
                }
                for c in self.claims
            ],
            "people": [{"name": p.name, "role": p.role, "quotes": p.quotes, "articles": list(p.articles)} for p in self.people],
        }


def compare(index: Index) -> Comparison:
    return Comparison(quote_groups(index.articles), claims(index.articles), people(index.articles))


# -- Quotes ---------------------------------------------------------------------------------

_SHINGLE = 3  # words: two quotes of one statement share at least one run this long
_RAREST_RUNS = 3  # of a quote's runs of words, the ones looked up: the rarest say most
_NEIGHBOURS = 8  # earlier quotes compared per run: a statement in 500 articles is still one group
_SAME_STATEMENT = 82  # rapidfuzz token_set_ratio of folded words, 0-100
_SAME_SURNAME = 80  # rapidfuzz ratio: "bassel"/"bassil" 83, "ruiz"/"ortega" 20


def fold(text: str) -> str:
    """Folded words only: what two outlets' copies of a quote share, punctuation aside."""
    return " ".join(_FOLDED_WORD.findall(fold_text(text)))


_FOLDED_WORD = re.compile(r"[^\W_]+")


def quote_groups(articles: tuple[Article, ...]) -> tuple[QuoteGroup, ...]:
    refs: list[QuoteRef] = []
    folded: list[list[str]] = []
    for article in articles:
        for number, quote in enumerate(article.quotes):
            refs.append(QuoteRef(article.id, number, quote.text, quote.speaker, quote.start, quote.end))
            folded.append(fold(quote.text).split())

    runs_of = [{tuple(words[k : k + _SHINGLE]) for k in range(max(1, len(words) - _SHINGLE + 1))} for words in folded]
    shingles: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, runs in enumerate(runs_of):
        for run in runs:
            shingles[run].append(i)

    parent = list(range(len(refs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Each quote is compared with the few quotes just before it that share its rarest runs of
    # words: a copy of a statement shares those, and the work grows with the folder, not its square.
    for i, runs in enumerate(runs_of):
        shared = [r for r in runs if len(shingles[r]) > 1]  # a run only this quote has finds nothing
        for run in sorted(shared, key=lambda r: len(shingles[r]))[:_RAREST_RUNS]:
            members = shingles[run]
            position = bisect_left(members, i)
            for j in members[max(0, position - _NEIGHBOURS) : position]:
                if refs[i].article == refs[j].article or root(i) == root(j):
                    continue
                if _same_statement(folded[i], folded[j], refs[i].speaker, refs[j].speaker):
                    parent[root(i)] = root(j)

    groups: dict[int, list[QuoteRef]] = defaultdict(list)
    for i, ref in enumerate(refs):
        groups[root(i)].append(ref)
    found = [QuoteGroup(tuple(m)) for m in groups.values() if len({r.article for r in m}) > 1]
    found.sort(key=lambda g: (-len(g.articles), g.members[0].article, g.members[0].start))
    return tuple(found)


def _same_statement(a: list[str], b: list[str], speaker_a: str | None, speaker_b: str | None) -> bool:
    shorter = min(len(a), len(b))
    if shorter < _SHINGLE:
        return a == b
    # "Bassel"/"Bassil", a clause dropped: most words in common, in a similar order.
    if fuzz.token_set_ratio(" ".join(a), " ".join(b)) < _SAME_STATEMENT:
        return False
    return speakers_compatible(speaker_a, speaker_b)


def speakers_compatible(a: str | None, b: str | None) -> bool:
    """Could two attributions name one speaker? 'Ali Jumaa'/'Jumaa' yes; 'Ali Jumaa'/'Ali Hassan' no.

    Outlets name a body differently ("Syrian army officials", "The Syrian military
    command"), so bodies need only share a word; people must share a surname.
    Unknown or unresolved speakers ("he", "the ministry") rule nothing out.
    """
    if not a or not b or is_unresolved(a) or is_unresolved(b):
        return True
    key_a, key_b = speaker_key(a), speaker_key(b)
    if key_a == key_b:
        return True
    if is_person_name(a) and is_person_name(b):
        # "Bassel"/"Bassil": one surname transliterated two ways.
        return fuzz.ratio(key_a.split()[-1], key_b.split()[-1]) >= _SAME_SURNAME
    return bool(_content(key_a) & _content(key_b))


_GENERIC = frozenset("the of for and a an in on official officials spokesperson spokesman source sources statement".split())


def _content(key: str) -> set[str]:
    return set(key.split()) - _GENERIC


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """How b words a quote differently from a, word by word: ("same"|"removed"|"added", words)."""
    words_a, words_b = a.split(), b.split()
    matcher = SequenceMatcher(None, [fold(w) for w in words_a], [fold(w) for w in words_b], autojunk=False)
    parts: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(("same", " ".join(words_b[j1:j2])))
            continue
        if i2 > i1:
            parts.append(("removed", " ".join(words_a[i1:i2])))
        if j2 > j1:
            parts.append(("added", " ".join(words_b[j1:j2])))
    return parts


# -- Figures --------------------------------------------------------------------------------

# Outlets name one side of a war or one kind of harm differently: these count the same people.
_NOUN_CLASSES = {
    "combatants": "rebels rebel militants militant fighters fighter insurgents insurgent jihadists terrorists gunmen",
    "soldiers": "soldiers soldier troops servicemen",
    "civilians": "civilians civilian",
    "people": "people persons lives residents inhabitants",
    "children": "children child",
}
_EVENT_CLASSES = {
    "killed": "killed died dead lives",
    "injured": "injured wounded hurt",
    "displaced": "displaced fled evacuated",
}
_CLASS_OF = {w: name for name, words in {**_NOUN_CLASSES, **_EVENT_CLASSES}.items() for w in words.split()}
_CLASS_OF["lives"] = "people killed"  # "claimed hundreds of thousands of lives"
_STOP = frozenset(
    """the a an of and or but to in on at by for with from as that which who this these those it its
    their his her they he she we was were is are be been has have had will would said says say
    after before during about over more than some all also not no into up out one two three next
    stated states told reported reports claimed claims alleged alleges announced confirmed added
    estimated estimates according""".split()
)
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_MIN_CONTEXT = 1.5  # weighted shared words: a proper name weighs 2, a word found everywhere a quarter
_MIN_DURATION_CONTEXT = 3.0
_SAME_NUMBER = 1.5  # two outlets giving the same specific number is itself a sign
_EVERYWHERE = 1.0  # a word in every article (the story’s city) says little
_MAGNITUDE = 10  # numbers further apart than this count different things: 301 is not "hundreds of thousands"
_VAGUE_SIZE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "billions": 2e9}


@dataclass
class _Reading:
    """One figure with what comparison needs: what it counts, in words, and the sentence's words."""

    article: str
    number: int
    kind: str
    unit: str | None  # money and measures join only in one unit: 300 miles is not 300 km
    value: float | int | str | None
    text: str
    start: int
    end: int
    counts: str
    nouns: frozenset[str]
    context: dict[str, float]
    attributed_to: str | None


def _counted(counts: str) -> frozenset[str]:
    return frozenset(c for w in counts.split() for c in _CLASS_OF.get(w.lower(), w.lower()).split())


def _context(sentence: str, figure_text: str, counts: str) -> dict[str, float]:
    """The sentence's telling words, minus what the figure counts: 'Russian airstrikes' -> russian, strikes."""
    counted = {w.lower() for w in counts.split()} | set(_CLASS_OF)
    words: dict[str, float] = {}
    for word in _WORDS.findall(sentence.replace(figure_text, " ")):
        lower = word.lower().strip("’'").removesuffix("’s").removesuffix("'s")
        if lower in _STOP or lower in counted or len(lower) < 3:
            continue
        if lower.startswith("air") and len(lower) > 7:
            lower = lower[3:]  # "airstrikes" are "strikes"
        weight = 2.0 if word[0].isupper() else 1.0
        words[lower] = max(words.get(lower, 0.0), weight)
    return words


def _size(reading: _Reading) -> float | None:
    """The number, or a vague figure's rough size: "hundreds of thousands" is about 200,000."""
    if isinstance(reading.value, (int, float)):
        return float(reading.value)
    words = fold(reading.text).split()
    if not words or words[-1] not in _VAGUE_SIZE:
        return None
    size = float(_VAGUE_SIZE[words[-1]])
    return size * 1_000 if words[-1] == "thousands" and "hundreds" in words else size


def _named(figure: Figure) -> str | None:
    """What a figure counts, without the unit's name figures add in brackets: '15%' counts
    'turnout (percent)', a claim about turnout. A figure named by its unit alone ('72 hours'
    once counted 'hours') says nothing a claim could be joined on."""
    counts = figure.counts
    if not counts:
        return None
    name = figure.unit_name
    if name:
        if counts == name:
            return None
        counts = counts.removesuffix(f" ({name})")
    return counts


def _readings(article: Article) -> list[_Reading]:
    found = []
    sentences: dict[int, list[tuple[int, int]]] = {}
    starts = [p.start for p in article.paragraphs]
    quote_starts = [q.start for q in article.quotes]  # quotes are in text order and do not overlap
    for number, figure in enumerate(article.figures):
        counts = _named(figure)
        if not counts or figure.kind in ("date", "ordinal"):
            continue
        p = max(0, bisect_right(starts, figure.start) - 1)
        if p not in sentences:
            paragraph = article.paragraphs[p]
            sentences[p] = sentence_spans(article.text, paragraph.start, paragraph.end)
        s_start, s_end = next((s for s in sentences[p] if s[0] <= figure.start < s[1] + 1), (figure.start, figure.end))
        sentence = article.text[s_start:s_end]
        found.append(
            _Reading(
                article.id,
                number,
                "count" if figure.kind == "vague" else figure.kind,
                figure.unit_name if figure.kind in ("money", "measure", "percent") else None,
                figure.value,
                figure.text,
                figure.start,
                figure.end,
                counts,
                _counted(counts),
                _context(sentence, figure.text, counts),
                _attributed_to(article, quote_starts, s_start, figure.start),
            )
        )
    return found


def _attributed_to(article: Article, quote_starts: list[int], sentence_start: int, position: int) -> str | None:
    """Who gives the figure: the quote it stands in, or the sentence's source."""
    before = bisect_right(quote_starts, position) - 1
    if before >= 0 and position < article.quotes[before].end:
        return article.quotes[before].speaker
    return attribution_of(article.text, sentence_start, position)


def _same_thing(a: _Reading, b: _Reading, weight: dict[str, float]) -> float:
    """How surely two figures count the same thing: 0 when they cannot, else the evidence."""
    if a.kind != b.kind or a.unit != b.unit or a.nouns != b.nouns:
        return 0.0
    if a.kind == "year" and a.value != b.value:
        return 0.0  # a 2019 agreement and a 2020 one are two agreements
    size_a, size_b = _size(a), _size(b)
    if size_a and size_b and max(size_a, size_b) > _MAGNITUDE * min(size_a, size_b):
        return 0.0
    shared = sum(min(a.context[w], b.context[w]) * weight.get(w, 1.0) for w in a.context.keys() & b.context.keys())
    if a.value is not None and a.value == b.value and not (isinstance(a.value, int) and a.value <= 3):
        shared += _SAME_NUMBER
    return shared


def claims(articles: tuple[Article, ...]) -> tuple[Claim, ...]:
    readings = [r for article in articles for r in _readings(article)]
    by_nouns: dict[tuple[str, str | None, frozenset[str]], list[int]] = defaultdict(list)
    for i, reading in enumerate(readings):
        by_nouns[(reading.kind, reading.unit, reading.nouns)].append(i)

    # A word in every article ("Aleppo" in a story about Aleppo) weighs a quarter.
    holders: dict[str, set[str]] = defaultdict(set)
    for reading in readings:
        for word in reading.context:
            holders[word].add(reading.article)
    total = len({r.article for r in readings})
    weight = {w: 0.25 for w, arts in holders.items() if total >= 3 and len(arts) >= _EVERYWHERE * total}

    # Candidates share what they count and a telling word or the same number: looked up, not
    # every pair of a group compared, so a folder of 10,000 articles is not squared.
    pairs: list[tuple[float, int, int]] = []
    for members in by_nouns.values():
        holders_of: dict[object, list[int]] = defaultdict(list)
        for i in members:
            reading = readings[i]
            keys: list[object] = [w for w in reading.context if w not in weight]
            if reading.value is not None:
                keys.append(("value", reading.value))
            candidates: set[int] = set()
            for key in keys:
                earlier = holders_of[key]
                candidates.update(earlier[-_NEIGHBOURS:])
                earlier.append(i)
            for j in candidates:
                if readings[i].article == readings[j].article:
                    continue
                score = _same_thing(readings[j], readings[i], weight)
                # "years" says little of what lasted: a duration needs more of its sentence in common.
                if score >= (_MIN_DURATION_CONTEXT if readings[i].kind == "duration" else _MIN_CONTEXT):
                    pairs.append((score, j, i))

    # Best pairs first; a claim takes at most one figure from each article.
    cluster_of = list(range(len(readings)))
    clusters: dict[int, list[int]] = {i: [i] for i in range(len(readings))}
    cluster_articles: dict[int, set[str]] = {i: {r.article} for i, r in enumerate(readings)}
    for _score, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or not cluster_articles[ci].isdisjoint(cluster_articles[cj]):
            continue
        if len(clusters[ci]) < len(clusters[cj]):
            ci, cj = cj, ci  # the smaller joins the larger: merging stays cheap in a big folder
        for k in clusters[cj]:
            cluster_of[k] = ci
        clusters[ci] += clusters.pop(cj)
        cluster_articles[ci] |= cluster_articles.pop(cj)

    found = []
    for members in clusters.values():
        values = tuple(
            ClaimValue(r.article, r.number, r.text, r.value, r.start, r.end, r.attributed_to)
            for r in sorted((readings[k] for k in members), key=lambda r: (r.article, r.start))
        )
        reading = readings[members[0]]
        counts = _claim_words([readings[k] for k in members])
        found.append(Claim(counts, reading.kind, _status(values), values))
    order = {"disputed": 0, "agreed": 1, "single": 2}
    found.sort(key=lambda c: (order[c.status], -len(c.values), c.values[0].article, c.values[0].start))
    return tuple(found)


def _claim_words(members: list[_Reading]) -> str:
    """The claim's name: its members' 'counts' phrases, the most common first."""
    phrases = Counter(r.counts for r in members)
    return " / ".join(p for p, _ in phrases.most_common(3))


def _status(values: tuple[ClaimValue, ...]) -> str:
    if len({v.article for v in values}) < 2:
        return "single"
    numbers = {v.value if v.value is not None else fold(v.text).split()[-1] for v in values}
    return "agreed" if len(numbers) == 1 else "disputed"


# -- People ---------------------------------------------------------------------------------


def people(articles: tuple[Article, ...]) -> tuple[Person, ...]:
    """Every person and body quoted or named; a surname alone joins the full name it belongs to."""
    names: dict[str, Counter[str]] = defaultdict(Counter)  # key -> spellings
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    quoted: Counter[str] = Counter()
    seen_in: dict[str, dict[str, None]] = defaultdict(dict)
    bodies: set[str] = set()

    def note(name: str, role: str | None, article: str, is_body: bool) -> str:
        key = speaker_key(name)
        names[key][name] += 1
        if role:
            roles[key][role] += 1
        seen_in[key][article] = None
        if is_body:
            bodies.add(key)
        return key

    for article in articles:
        for quote in article.quotes:
            if quote.speaker and not is_unresolved(quote.speaker):
                quoted[note(quote.speaker, quote.speaker_role, article.id, not is_person_name(quote.speaker))] += 1
        if article.quotes:  # a story's other names matter where someone speaks; skip the scan otherwise
            for mention in mentions(article.text):
                note(mention.name, mention.role, article.id, mention.is_body)

    # "Lavrov" -> "sergei lavrov" when exactly one full name ends that way.
    full_by_surname: dict[str, list[str]] = defaultdict(list)
    for key in names:
        if " " in key and key not in bodies:
            full_by_surname[key.split()[-1]].append(key)
    for key in list(names):
        if " " not in key and len(full_by_surname.get(key, [])) == 1:
            target = full_by_surname[key][0]
            names[target].update(names.pop(key))
            roles[target].update(roles.pop(key, Counter()))
            quoted[target] += quoted.pop(key, 0)
            seen_in[target].update(seen_in.pop(key))

    found = [
        Person(
            max(spellings, key=lambda s: (len(s), spellings[s])),
            roles[key].most_common(1)[0][0] if roles.get(key) else None,
            quoted.get(key, 0),
            tuple(seen_in[key]),
            key in bodies or bool(set(key.split()) & ORGANISATION_WORDS),
        )
        for key, spellings in names.items()
    ]
    found.sort(key=lambda p: (-p.quotes, -len(p.articles), p.name.casefold()))
    return tuple(found)
