"""Worker processes: a failure of the pool is said, and the work is done in-process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import index as index_module
from reader import workers
from reader.index import build_index

ROOT = Path(__file__).resolve().parent.parent


def _square(n: int) -> int:
    return n * n


def failing_pool(*args, **kwargs):
    raise OSError("no processes can be started here")


def test_results_come_back_in_order_from_the_pool() -> None:
    told: list[str] = []
    assert list(workers.map_in_workers(_square, list(range(50)), 2, told.append)) == [n * n for n in range(50)]
    assert told == []


def test_a_pool_that_cannot_start_falls_back_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "ProcessPoolExecutor", failing_pool)
    told: list[str] = []
    assert list(workers.map_in_workers(_square, [1, 2, 3], 2, told.append)) == [1, 4, 9]
    assert len(told) == 1 and "OSError: no processes can be started here" in told[0]


def test_an_unforeseen_error_falls_back_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def odd_pool(*args, **kwargs):
        raise ValueError("bad value(s) in fds_to_keep")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", odd_pool)
    told: list[str] = []
    assert list(workers.map_in_workers(_square, [4], 2, told.append)) == [16]
    assert "ValueError" in told[0]


def test_the_index_lists_a_failed_pool_as_a_problem(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "ProcessPoolExecutor", failing_pool)
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 2)
    index = build_index(seed_copy, workers=2)
    assert len(index.articles) == 5
    assert [p.file for p in index.problems] == ["(worker processes)"]


def test_stderr_standing_in_without_a_descriptor_still_starts_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """What Textual does while it runs: sys.stderr is an object whose fileno() is -1."""
    code = (
        "import sys\n"
        "class Capture:\n"
        "    def write(self, text): return len(text)\n"
        "    def flush(self): pass\n"
        "    def fileno(self): return -1\n"
        "if __name__ == '__main__':\n"
        "    from reader import workers\n"
        "    sys.stderr = Capture()\n"
        "    told = []\n"
        "    out = list(workers.map_in_workers(abs, [-1, -2, -3], 2, told.append))\n"
        "    sys.stderr = sys.__stderr__\n"
        "    print(out, told)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[1, 2, 3] []"
    assert result.stderr == ""


def test_headless_list_of_a_big_folder_prints_nothing_on_stderr(tmp_path: Path) -> None:
    from bench.corpus import make_corpus, write_corpus

    folder = tmp_path / "big"
    write_corpus(folder, make_corpus(80))
    result = subprocess.run([sys.executable, "-m", "reader", "list", str(folder), "--json", "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.count('"id"') == 80
