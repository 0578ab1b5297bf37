"""Big folders: a corpus of 10,000 articles (~45 MB), written to a temporary folder at
run time, then indexed as the reader and the CLI do. (The 30 MB article is
bench_startup's: opened and scrolled.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import make_corpus, seed_texts, write_corpus
from reader.articles import parse_article
from reader.index import build_index, worker_count

ARTICLES = 10_000
LARGEST_MB = 30
ROOT = Path(__file__).resolve().parent.parent


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


def extraction_rate(sample: int = 1000, rounds: int = 3) -> float:
    """MB of article text parsed a second, on one core: every article cleaned, its headline,
    quotes, speakers and figures extracted. The best of a few rounds of CPU time, as timeit
    does: on a shared machine a slower round measures the neighbours, not the code."""
    corpus = make_corpus(sample, seed=5)
    size = sum(len(text.encode()) for _, text in corpus) / 1e6
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for article_id, text in corpus:
            parse_article(article_id, text)
        best = min(best, time.process_time() - started)
    return size / best


def index_in_fresh_process(folder: Path, cache_home: Path | None = None) -> dict[str, float]:
    """Index as `reader list` does, in a process of its own: its peak memory is the index's.
    With cache_home, through the cache kept there (XDG_CACHE_HOME)."""
    code = (
        "import json, resource, sys, time\n"
        "from pathlib import Path\n"
        "from reader.cache import ArticleCache\n"
        "from reader.index import build_index\n"
        "if __name__ == '__main__':\n"
        "    started = time.perf_counter()\n"
        "    cache = ArticleCache(Path(sys.argv[1])) if sys.argv[2] == 'cache' else None\n"
        "    index = build_index(Path(sys.argv[1]), cache=cache)\n"
        "    elapsed = time.perf_counter() - started\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "    print(json.dumps({'index_s': elapsed, 'peak_rss_mb': peak, 'articles': len(index.articles)}))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)} if cache_home else None
    argv = [sys.executable, "-c", code, str(folder), "cache" if cache_home else "none"]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def terminal_indexed(folder: Path, cache_home: Path) -> float | None:
    """Seconds from launch to "N articles" on screen in a real terminal (tmux), as a user
    meets it: ../shared/tools/first_frame.py, when it is there."""
    tool = ROOT.parent / "shared" / "tools" / "first_frame.py"
    if not tool.exists():
        return None
    count = sum(1 for _ in folder.rglob("*.txt"))
    command = [sys.executable, str(tool), "--runs", "3", "--size", "160x50", "--cwd", str(ROOT), "--env", f"XDG_CACHE_HOME={cache_home}",
               f"{count} articles", "--", str(ROOT / ".venv" / "bin" / "reader"), str(folder)]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, timeout=600).stdout
    for line in out.splitlines():
        if line.startswith("A: median"):
            return float(line.split()[2])
    return None


def run(folder: Path | None = None) -> dict[str, float]:
    made = folder is None
    if made:
        folder, size = make_folder()
    else:
        size = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
    cache_home = Path(tempfile.mkdtemp(prefix="seed-reader-bench-cache-"))
    try:
        measured = index_in_fresh_process(folder)
        filled = index_in_fresh_process(folder, cache_home)  # a cold cache: read, parsed and written
        warm = index_in_fresh_process(folder, cache_home)
        results = {
            "corpus_mb": round(size, 1),
            "corpus_articles": measured["articles"],
            "index_workers": worker_count(),
            "index_s": round(measured["index_s"], 2),
            "index_filling_cache_s": round(filled["index_s"], 2),
            "index_warm_cache_s": round(warm["index_s"], 2),
            "warm_per_cold": round(warm["index_s"] / measured["index_s"], 2),
            "extract_mb_per_s": round(extraction_rate(), 2),
            "peak_rss_mb": round(measured["peak_rss_mb"]),
            "peak_rss_per_corpus_mb": round(measured["peak_rss_mb"] / size, 2),
            "warm_peak_rss_per_corpus_mb": round(warm["peak_rss_mb"] / size, 2),
        }
        in_terminal = terminal_indexed(folder, cache_home)
        if in_terminal is not None:
            results["terminal_indexed_warm_s"] = round(in_terminal, 2)
        return results
    finally:
        shutil.rmtree(cache_home, ignore_errors=True)
        if made:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
