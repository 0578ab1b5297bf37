"""A large corpus made from the seeds at run time: nothing large is committed.

Each generated article is a seed with light variations: place names and
numbers changed, and a few words in each paragraph swapped for made-up words
drawn from a pool, so the vocabulary grows as a real corpus's does and no
two quotes are all alike. Quote marks and sentence shapes are left alone.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PLACES = ["Aleppo", "Idlib", "Homs", "Hama", "Latakia", "Raqqa", "Deir ez-Zor", "Daraa", "Tartus", "Qamishli"]
_SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "bu", "dor", "el", "fi", "gan", "hu", "jor", "ze", "qu", "vas", "nel", "op", "ris", "sul", "tam"]
_WORD = re.compile(r"\b[a-z]{4,}\b")
_NUMBER = re.compile(r"\b\d{2,3}\b")


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def make_corpus(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(id, text) pairs: count articles varied from the seeds, the same for the same seed."""
    rng = random.Random(seed)
    pool = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(20000)]
    seeds = seed_texts()
    corpus = []
    for number in range(count):
        text = seeds[number % len(seeds)]
        place = rng.choice(PLACES)
        text = text.replace("Aleppo", place)

        def swap(match: re.Match[str]) -> str:
            return rng.choice(pool) if rng.random() < 0.06 else match.group(0)

        text = _WORD.sub(swap, text)
        text = _NUMBER.sub(lambda m: str(rng.randint(10, 999)), text)
        corpus.append((f"{number // 1000:03}/{number:06}.txt", text))
    return corpus


def write_corpus(folder: Path, corpus: list[tuple[str, str]]) -> None:
    for article_id, text in corpus:
        path = folder / article_id
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
