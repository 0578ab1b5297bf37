"""Pages saved as HTML: how many a second one core reads, from the bytes on disk to the article.

The folder is made at run time: copies of ../shared/corpora/web-pages/html when
that corpus is there (real pages, 10 KB to 1.4 MB), else pages generated around
the seeds' text with the menus, scripts and footers a news site wraps an article
in. Nothing large is committed. Each page is read as the index's workers read
it (decoding by the declared charset, trafilatura, the rendered text, quotes and
figures); the figure is the best of a few rounds of CPU time, as
bench_index.extraction_rate is.
"""

from __future__ import annotations

import html
import shutil
import tempfile
import time
from pathlib import Path

from bench.corpus import make_corpus
from reader.index import load_source
from reader.sources import discover

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "web-pages" / "html"
GENERATED = 100


def _generated_page(number: int, text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title, body = html.escape(lines[0]), "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    menu = "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(40))
    related = "".join(f"<li><a href='/story/{number}-{i}'>Another story number {i} about the region</a></li>" for i in range(15))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Bench Gazette</title>
<meta property="og:site_name" content="The Bench Gazette"><meta name="author" content="Bench Writer">
<style>body {{ font-family: serif }} .ad {{ display: none }}</style>
<script>window.dataLayer = [{{"page": {number}, "quote": "“not a quote,” said Script"}}];</script></head>
<body><header><nav><ul>{menu}</ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Bench Writer</p>{body}</article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>© 2024 The Bench Gazette. All rights reserved.</p></footer></body></html>"""


def make_folder() -> tuple[Path, int]:
    """A temporary folder of HTML pages; (folder, bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="seed-reader-bench-html-"))
    if CORPUS.is_dir() and any(CORPUS.glob("*.html")):
        for page in sorted(CORPUS.glob("*.html")):
            shutil.copyfile(page, folder / page.name)
    else:
        for number, (_, text) in enumerate(make_corpus(GENERATED, seed=11)):
            (folder / f"page-{number:04}.html").write_text(_generated_page(number, text), encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.glob("*.html"))
    return folder, size


def pages_per_second(folder: Path, rounds: int = 2) -> tuple[float, int]:
    """Pages read a second of CPU time on one core (the best of `rounds`), and the pages read."""
    sources = discover(folder).files
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for source in sources:
            load_source(source)
        best = min(best, time.process_time() - started)
    return len(sources) / best, len(sources)


def run() -> dict[str, float]:
    folder, size = make_folder()
    try:
        rate, pages = pages_per_second(folder)
        return {
            "html_pages_per_s_per_core": round(rate, 1),
            "html_pages": pages,
            "html_mb": round(size / 1e6, 1),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
