"""Search speed: one search step per keystroke, queries typed a letter at a time.

The corpus is ~30,000 articles holding ~100,000 quotes, made at run time from
the seeds' quotes with light variations (bench/corpus.py's made-up words and
places), and searched through the same SearchIndex the reader uses.
"""

from __future__ import annotations

import gc
import random
import re
import statistics
import time
import tracemalloc

from bench.corpus import PLACES, seed_texts
from reader.articles import parse_article
from reader.search import Entry, SearchIndex

QUERIES = [
    "aleppo",
    "son of aleppo",
    "redeployment operation",
    "indescribable feeling",
    "@jumaa returned",
    "in:jpost situation",
    "serious concerns dangerous",
    "alepo",  # a close spelling
    "redeploymnt",
    "terrorist organization",
    "monitoring the situation",
    "god willing",
    "armed forces civilian lives",
    "x",  # one letter: many hits
]


def make_entries(articles: int = 30000, seed: int = 11) -> list[Entry]:
    rng = random.Random(seed)
    seeds = [parse_article(f"seed{n}.txt", text) for n, text in enumerate(seed_texts())]
    quotes = [(q.text, q.speaker, a.outlet) for a in seeds for q in a.quotes]
    syllables = ["ka", "lo", "mi", "ran", "tes", "bu", "dor", "el", "fi", "gan", "hu", "jor", "ze", "qu", "vas"]
    pool = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(20000)]
    outlets = ["JPost", "PlatinumPost", "Reuters", "AP", "Al Jazeera", None]
    entries = []
    for number in range(articles):
        article = f"{number // 1000:03}/{number:06}.txt"
        outlet = rng.choice(outlets)
        for quote_number in range(rng.choice((2, 3, 3, 4, 5))):
            text, speaker, _ = rng.choice(quotes)
            text = text.replace("Aleppo", rng.choice(PLACES))
            text = re.sub(r"\b[a-z]{4,}\b", lambda m: rng.choice(pool) if rng.random() < 0.08 else m.group(0), text)
            entries.append(Entry(article, 0, len(text), text, speaker, outlet, quote_number))
    return entries


def run() -> dict[str, float]:
    entries = make_entries()
    tracemalloc.start()
    engine = SearchIndex(entries)
    engine.vocabulary()  # built on the first close-spelling search; counted here
    index_bytes, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.freeze()  # as the reader does once its index is built: long-lived objects leave the GC's scans
    engine.search("warm up")
    steps = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            engine.search(query[:end])
            steps.append((time.perf_counter() - started) * 1000)
    steps.sort()
    return {
        "search_quotes": len(entries),
        "search_steps": len(steps),
        "search_p50_ms": round(statistics.median(steps), 2),
        "search_p95_ms": round(steps[int(0.95 * (len(steps) - 1))], 2),
        "search_max_ms": round(steps[-1], 2),
        "search_index_mb": round(index_bytes / 1e6, 1),
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
