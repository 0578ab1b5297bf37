"""Time to the first frame on a big folder, against a bare Textual app; opening and
scrolling the largest article."""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_index import large_article, make_folder

ROOT = Path(__file__).resolve().parent.parent


def first_frames(folder: Path, runs: int = 5) -> tuple[float, float]:
    """Median seconds to the first frame, the reader's and a bare app's, runs interleaved."""
    times: dict[str, list[float]] = {"reader": [], "bare": []}
    for _ in range(runs):
        for kind in times:
            env = {**os.environ, "BENCH_T0": repr(time.time())}
            out = subprocess.run([sys.executable, "-m", "bench.first_frame", kind, str(folder)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
            times[kind].append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times["reader"]), statistics.median(times["bare"])


async def open_largest() -> dict[str, float]:
    from reader.ui.app import ReaderApp
    from reader.ui.article_view import ArticleView

    folder = Path(tempfile.mkdtemp(prefix="seed-reader-large-"))
    try:
        (folder / "aa-small.txt").write_text("A small article that opens first\n\nIt has one paragraph.\n")
        (folder / "zz-largest.txt").write_text(large_article(), encoding="utf-8")
        app = ReaderApp(folder)
        async with app.run_test(size=(120, 40)) as pilot:
            while app.index is None:
                await asyncio.sleep(0.1)
            # What the index sets going (the quote search index, the comparison) runs in threads
            # that share the interpreter: opening is timed once they are done, as a reader meets it.
            await app.workers.wait_for_complete()
            await pilot.pause()
            largest = max(app.articles, key=lambda a: len(a.text))
            started = time.perf_counter()
            app.open_article(largest)
            await pilot.pause()  # until the screen has been painted with it
            opened = time.perf_counter() - started
            view = app.query_one(ArticleView)
            view.focus()
            await pilot.pause()

            def page(action) -> float:
                # The reader's own work for one key: scroll, then render every line on screen.
                # (pilot.press adds ~65 ms of waiting of its own, on any article.)
                started = time.perf_counter()
                action()
                for y in range(view.size.height):
                    view.render_line(y)
                return time.perf_counter() - started

            pages = [page(view.action_page_down) for _ in range(40)]
            to_end = page(view.action_scroll_end)
        return {
            "largest_mb": round(len(largest.text.encode()) / 1e6, 1),
            "open_largest_s": round(opened, 3),
            "page_down_max_ms": round(max(pages) * 1000, 1),
            "page_down_median_ms": round(statistics.median(pages) * 1000, 1),
            "jump_to_end_ms": round(to_end * 1000, 1),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def tmux_first_frames(runs: int = 7) -> dict[str, float]:
    """Launch to the seeds' headlines on screen in a real terminal, against the bare app of
    ../shared/tools (the way the first frame is judged), when those tools are there."""
    tools = ROOT.parent / "shared" / "tools"
    if not (tools / "first_frame.py").exists():
        return {}
    pattern = "Syrian rebels|Big blow"
    with tempfile.TemporaryDirectory() as home:
        envs = [arg for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME") for arg in ("--env", f"{name}={home}")]
        command = [sys.executable, str(tools / "first_frame.py"), "--runs", str(runs), "--size", "160x50", *envs, pattern, "--",
                   str(ROOT / ".venv" / "bin" / "reader"), "seeds", "--vs", pattern, "--",
                   sys.executable, str(tools / "bare_app.py"), "seeds"]  # fmt: skip
        out = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600).stdout
    results: dict[str, float] = {}
    for line in out.splitlines():
        if line.startswith(("A: median", "B: median")):
            results["tmux_first_frame_s" if line[0] == "A" else "tmux_bare_first_frame_s"] = float(line.split()[2])
        elif line.startswith("ratio A/B"):
            results["tmux_first_frame_ratio"] = float(line.split("=")[1])
    return results


def run() -> dict[str, float]:
    folder, _ = make_folder(with_largest=False)
    try:
        reader, bare = first_frames(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    results = {"first_frame_s": round(reader, 3), "bare_first_frame_s": round(bare, 3), "first_frame_ratio": round(reader / bare, 2)}
    results.update(tmux_first_frames())
    results.update(asyncio.run(open_largest()))
    return results


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value}")
