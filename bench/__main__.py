"""`make bench`: every benchmark, one figure a line as `name: value`.

Corpora are made from the seeds at run time; nothing large is committed.
"""

from __future__ import annotations

import sys

from bench import bench_html, bench_index, bench_search, bench_startup

SECTIONS = {"index": bench_index.run, "startup": bench_startup.run, "search": bench_search.run, "html": bench_html.run}


def main(names: list[str]) -> None:
    for name in names or list(SECTIONS):
        for key, value in SECTIONS[name]().items():
            print(f"{key}: {value}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
