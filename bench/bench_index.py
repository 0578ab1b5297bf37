"""Big folders: a corpus of 10,000 articles (~45 MB), written to a temporary folder at
run time, then indexed as the reader and the CLI do. (The 30 MB article is
bench_startup's: opened and scrolled.)"""

from __future__ import annotations

import resource
import shutil
import tempfile
import time
from pathlib import Path

from bench.corpus import make_corpus, seed_texts, write_corpus
from reader.articles import parse_article
from reader.index import build_index, worker_count

ARTICLES = 10_000
LARGEST_MB = 30


def large_article(megabytes: int = LARGEST_MB) -> str:
    """One article of about `megabytes` MB: a headline, then the seeds' bodies over and over."""
    bodies = "\n\n".join(parse_article("seed", text).text for text in seed_texts())
    copies = megabytes * 1_000_000 // len(bodies.encode()) + 1
    return "A very long article assembled from the seeds for the benchmark\n\n" + "\n\n".join([bodies] * copies)


def make_folder(with_largest: bool = False) -> tuple[Path, float]:
    folder = Path(tempfile.mkdtemp(prefix="seed-reader-bench-"))
    write_corpus(folder, make_corpus(ARTICLES))
    if with_largest:
        (folder / "zz-largest.txt").write_text(large_article(), encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
    return folder, size


def extraction_rate(sample: int = 2000) -> float:
    """MB of article text parsed a second, on one core."""
    corpus = make_corpus(sample, seed=5)
    size = sum(len(text.encode()) for _, text in corpus) / 1e6
    started = time.perf_counter()
    for article_id, text in corpus:
        parse_article(article_id, text)
    return size / (time.perf_counter() - started)


def run(folder: Path | None = None) -> dict[str, float]:
    made = folder is None
    if made:
        folder, size = make_folder()
    else:
        size = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
    try:
        started = time.perf_counter()
        index = build_index(folder)
        index_s = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {
            "corpus_mb": round(size, 1),
            "corpus_articles": len(index.articles),
            "index_workers": worker_count(),
            "index_s": round(index_s, 2),
            "extract_mb_per_s": round(extraction_rate(), 2),
            "peak_rss_mb": round(peak, 0),
            "peak_worker_rss_mb": round(children, 0),
        }
    finally:
        if made:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
