"""Search every quote (or every sentence) of the index as the user types.

Matching ignores case, accents and the style of quote marks and apostrophes.
Results come in tiers: the exact phrase; all words in order; all words in any
order; close spellings ("alepo" finds Aleppo). Within a tier the longer match
wins, then corpus order. Filters go in the same box: `@name` or `by:name`
(speaker), `in:outlet`.

Speed: all entries are folded once into one text, one entry a line, so a
phrase or word is found by `str.find`, which runs in C; only the entries that
hold the rarest word are looked at one by one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from reader.articles import article_sentences
from reader.folding import fold
from reader.index import Index

TIER_PHRASE, TIER_ORDERED, TIER_ALL_WORDS, TIER_CLOSE = 4, 3, 2, 1
DEFAULT_LIMIT = 200
EXACT_CAP = 2000  # exact hits looked at before the rest are left unranked
SCAN_CAP = 20000  # entries looked at for a query of several words
CLASSIFY_CAP = 600  # entries holding every word that are ranked (three pages' worth)
FUZZY_WHEN_FEWER_THAN = 20  # close spellings are looked for when exact tiers find little


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_FILTER = re.compile(r'(?:^|\s)(?:(?P<at>@)|(?P<key>by|in):)(?:"(?P<quoted>[^"]*)"?|(?P<bare>\S*))')


@dataclass(frozen=True, slots=True)
class Query:
    words: tuple[str, ...]
    phrase: str
    speaker: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()


def parse_query(text: str) -> Query:
    """'@lavrov in:jpost the situation' -> words, phrase and filters, all folded."""
    speaker: list[str] = []
    outlet: list[str] = []

    def take(match: re.Match[str]) -> str:
        value = fold((match.group("quoted") if match.group("quoted") is not None else match.group("bare")) or "").strip()
        if value:
            (outlet if match.group("key") == "in" else speaker).append(value)
        return " "

    rest = fold(_FILTER.sub(take, text))
    words = tuple(_WORD.findall(rest))
    phrase = " ".join(rest.split())
    return Query(words, phrase, tuple(speaker), tuple(outlet))


@dataclass(frozen=True, slots=True)
class Entry:
    """One searchable passage: a quote, or a sentence in full-text mode."""

    article: str
    start: int
    end: int
    text: str
    speaker: str | None
    outlet: str | None
    quote_index: int | None  # the quote's place in its article, to select it in the side panel


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    score: float
    tier: int
    spans: tuple[tuple[int, int], ...]  # matched parts of entry.text


@dataclass(frozen=True, slots=True)
class Results:
    hits: tuple[Hit, ...]
    more: bool = False  # there were more hits than the limit


@dataclass
class SearchIndex:
    entries: list[Entry]
    _folded: list[str] = field(init=False, repr=False)
    _blob: str = field(init=False, repr=False)
    _starts: list[int] = field(init=False, repr=False)
    _vocabulary: list[str] | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self._folded = [fold(e.text) for e in self.entries]
        self._blob = "\n".join(self._folded)
        starts, position = [], 0
        for text in self._folded:
            starts.append(position)
            position += len(text) + 1
        self._starts = starts
        # Filters look at distinct speakers and outlets, not at every entry.
        self._by_speaker: dict[str, list[int]] = {}
        self._by_outlet: dict[str, list[int]] = {}
        for number, entry in enumerate(self.entries):
            self._by_speaker.setdefault(fold(entry.speaker or ""), []).append(number)
            self._by_outlet.setdefault(fold(f"{entry.outlet or ''} {entry.article}"), []).append(number)
        self._filter_cache: dict[tuple, frozenset[int]] = {}
        self._sorted_allowed: dict[frozenset[int], list[int]] = {}
        self._last_words: tuple | None = None  # (words, allowed, entries holding all, complete)

    @classmethod
    def of_quotes(cls, index: Index) -> SearchIndex:
        return cls(
            [
                Entry(a.id, q.start, q.end, q.text, q.speaker, a.outlet, n)
                for a in index.articles
                for n, q in enumerate(a.quotes)
            ]
        )

    @classmethod
    def of_sentences(cls, index: Index) -> SearchIndex:
        return cls(
            [
                Entry(article.id, start, end, article.text[start:end], None, article.outlet, None)
                for article in index.articles
                for start, end, _ in article_sentences(article)
            ]
        )

    # -- Finding -----------------------------------------------------------

    def _ids_containing(self, needle: str, allowed: frozenset[int] | None, cap: int | None = None) -> list[int]:
        """Entries whose folded text holds needle, in corpus order; at most cap of them."""
        if allowed is not None and len(allowed) < len(self.entries) // 2:
            # A narrow filter: look only at the entries it keeps.
            folded = self._folded
            hits = [e for e in self._sorted_allowed[allowed] if needle in folded[e]]
            return hits[:cap] if cap is not None else hits
        blob, starts = self._blob, self._starts
        found: list[int] = []
        position = blob.find(needle)
        while position != -1:
            entry = bisect_right(starts, position) - 1
            if allowed is None or entry in allowed:
                found.append(entry)
                if cap is not None and len(found) >= cap:
                    break
            line_end = blob.find("\n", position)
            if line_end == -1:
                break
            position = blob.find(needle, line_end + 1)
        return found

    def _allowed(self, query: Query) -> frozenset[int] | None:
        """Entries that pass the @speaker and in:outlet filters, worked out once per filter."""
        if not query.speaker and not query.outlet:
            return None
        key = (query.speaker, query.outlet)
        if key not in self._filter_cache:
            allowed: set[int] | None = None
            for wanted in query.speaker:
                names = {name for name in self._by_speaker if _names_match(wanted, name)}
                ids = {i for name in names for i in self._by_speaker[name]}
                allowed = ids if allowed is None else allowed & ids
            for wanted in query.outlet:
                names = {name for name in self._by_outlet if wanted in name}
                ids = {i for name in names for i in self._by_outlet[name]}
                allowed = ids if allowed is None else allowed & ids
            if len(self._filter_cache) > 64:
                self._filter_cache.clear()
                self._sorted_allowed.clear()
            kept = frozenset(allowed or ())
            self._filter_cache[key] = kept
            self._sorted_allowed[kept] = sorted(kept)
        return self._filter_cache[key]

    def _all_words(self, words: tuple[str, ...], allowed: frozenset[int] | None) -> tuple[list[int], bool]:
        """Entries holding every word, in corpus order, and whether the list is complete.

        Typing only narrows the set: when the new words contain the last search's
        words, the last set is filtered instead of the whole corpus scanned again.
        """
        last = self._last_words
        if (
            last is not None
            and last[1] is allowed
            and last[3]
            and len(words) >= len(last[0])
            and all(old in new for old, new in zip(last[0], words))
        ):
            source = last[2]
        else:
            source, complete = self._ids_containing(max(words, key=len), allowed, cap=SCAN_CAP), True
            if len(source) >= SCAN_CAP:
                complete = False
            found = [e for e in source if all(w in self._folded[e] for w in words)]
            self._last_words = (words, allowed, found, complete)
            return found, complete
        folded = self._folded
        found = [e for e in source if all(w in folded[e] for w in words)]
        self._last_words = (words, allowed, found, True)
        return found, True

    def vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = sorted(set(_WORD.findall(self._blob)))
        return self._vocabulary

    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> Results:
        query = parse_query(text)
        allowed = self._allowed(query)
        if not query.words:
            if allowed is None:
                return Results(())
            ordered = sorted(allowed)
            return Results(tuple(Hit(self.entries[i], 0.0, 0, ()) for i in ordered[:limit]), len(ordered) > limit)

        found: dict[int, tuple[int, int]] = {}  # entry -> (tier, matched characters)
        folded = self._folded
        phrase = query.phrase
        if len(query.words) == 1 and phrase == query.words[0]:
            # One word: the phrase is the word. The more of the entry it covers, the
            # better; past EXACT_CAP hits (a one-letter query) the rest are not ranked.
            exact = self._ids_containing(phrase, allowed, cap=EXACT_CAP)
            for entry in exact:
                found[entry] = (TIER_PHRASE, len(phrase) * folded[entry].count(phrase))
            more = len(exact) >= EXACT_CAP
        else:
            # The exact phrase first, found in C; when it fills the page, no lower tier can show.
            exact = self._ids_containing(phrase, allowed, cap=EXACT_CAP)
            for entry in exact:
                found[entry] = (TIER_PHRASE, len(phrase) * folded[entry].count(phrase))
            more = len(exact) >= limit
            if not more:
                candidates, complete = self._all_words(query.words, allowed)
                more = not complete
                classified = 0
                for entry in candidates:
                    if entry in found:
                        continue
                    text_ = folded[entry]
                    tier = TIER_ORDERED if _in_order(text_, query.words) else TIER_ALL_WORDS
                    found[entry] = (tier, sum(len(w) * text_.count(w) for w in query.words))
                    classified += 1
                    if classified >= CLASSIFY_CAP:  # ranked among the first CLASSIFY_CAP, the rest unranked
                        more = True
                        break
        # Close spellings, when the exact tiers found little.
        if len(found) < FUZZY_WHEN_FEWER_THAN:
            for entry, matched in self._close(query, allowed, found).items():
                found[entry] = (TIER_CLOSE, matched)
        ranked = sorted(found.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
        more = more or len(ranked) > limit
        hits = tuple(
            Hit(self.entries[e], round(tier + min(matched, 999) / 1000, 3), tier, self._spans(e, query, tier))
            for e, (tier, matched) in ranked[:limit]
        )
        return Results(hits, more)

    def _close(self, query: Query, allowed: frozenset[int] | None, found: dict) -> dict[int, int]:
        """Entries where every word is there or spelled closely ('lavrof' -> 'lavrov')."""
        vocabulary = self.vocabulary()
        candidates: set[int] | None = None
        variants_of: list[tuple[str, set[str]]] = []
        for word in query.words:
            variants = {word}
            if len(word) >= 4:  # a short word has too many neighbours to guess at
                cutoff = 75 if len(word) >= 5 else 70
                variants.update(m[0] for m in process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8))
            variants_of.append((word, variants))
            ids: set[int] = set()
            # One word: a page of candidates per variant is enough; several: enough to intersect.
            cap = 2 * DEFAULT_LIMIT if len(query.words) == 1 else 5000
            for variant in variants:
                ids.update(self._ids_containing(variant, allowed, cap=cap))
            candidates = ids if candidates is None else candidates & ids
            if not candidates:
                return {}
        close: dict[int, int] = {}
        for entry in sorted(candidates or ()):
            if entry in found:
                continue
            if len(close) > DEFAULT_LIMIT:
                break  # close matches tie on length: corpus order, and a page is enough
            # Whole words only: "of" inside "offensive" is no close spelling of anything.
            words = set(_WORD.findall(self._folded[entry]))
            # A word still being typed counts as the start of a word ("airpo" -> "airport").
            if all(variants & words or any(w.startswith(word) for w in words) for word, variants in variants_of):
                close[entry] = len(query.phrase)
        return close

    def _spans(self, entry: int, query: Query, tier: int) -> tuple[tuple[int, int], ...]:
        """Where the query's words stand in the entry's text, for highlighting."""
        folded = self._folded[entry]
        if tier == TIER_PHRASE:
            start = folded.find(query.phrase)
            return ((start, start + len(query.phrase)),) if start >= 0 else ()
        spans: list[tuple[int, int]] = []
        for word in query.words:
            needles = [word] if tier != TIER_CLOSE else _close_words(folded, word)
            for needle in needles:
                for match in re.finditer(re.escape(needle), folded):
                    spans.append(match.span())
        return tuple(sorted(set(spans)))


def _in_order(text: str, words: tuple[str, ...]) -> bool:
    """Every word in text, each after the one before (a chain of finds, faster than a regex)."""
    position = 0
    for word in words:
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def _names_match(wanted: str, speaker: str) -> bool:
    """'@lavrov' and '@lavrof' both keep Sergei Lavrov's quotes."""
    if wanted in speaker:
        return True
    return len(wanted) >= 4 and bool(speaker) and fuzz.partial_ratio(wanted, speaker) >= 80


def _close_words(folded: str, word: str) -> list[str]:
    words = set(_WORD.findall(folded))
    return [w for w in words if w == word or (len(word) >= 3 and fuzz.ratio(word, w) >= 70)]

