"""The cache of parsed articles: what it returns is what a fresh read returns, and no
state of the cache (corrupt, locked, unwritable) stops the reader."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader import index as index_module
from reader.cache import FILE_NAME, ArticleCache, cache_dir
from reader.cli import figure_rows, list_rows, quote_rows
from reader.index import build_index

ROOT = Path(__file__).resolve().parent.parent


def rows(index) -> tuple:
    return list_rows(index), quote_rows(index), figure_rows(index)


def cached_index(folder: Path, **options):
    cache = ArticleCache(folder)
    try:
        return build_index(folder, cache=cache, **options), cache.problem
    finally:
        cache.close()


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    real = index_module.load_source

    def counting(source):
        read.append(source.id)
        return real(source)

    monkeypatch.setattr(index_module, "load_source", counting)
    return read


def test_the_cache_returns_exactly_what_a_fresh_read_returns(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = rows(build_index(seed_copy))
    first, problem = cached_index(seed_copy)
    assert problem is None and rows(first) == fresh
    read = count_reads(monkeypatch)
    second, problem = cached_index(seed_copy)
    assert read == []  # every article came from the cache
    assert problem is None and rows(second) == fresh
    assert second.articles == first.articles


def test_an_edited_file_is_read_again_and_the_others_are_not(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached_index(seed_copy)
    edited = seed_copy / "002_498ac0c67ef683ba.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + '\n\n"A new last line," the editor said.\n', encoding="utf-8")
    os.utime(edited, ns=(edited.stat().st_atime_ns, edited.stat().st_mtime_ns + 1_000_000_000))
    read = count_reads(monkeypatch)
    index, _ = cached_index(seed_copy)
    assert read == ["002_498ac0c67ef683ba.txt"]
    assert "A new last line" in index.article("002_498ac0c67ef683ba.txt").text
    assert rows(index) == rows(build_index(seed_copy))


def test_a_deleted_file_is_dropped_from_the_cache(seed_copy: Path) -> None:
    cached_index(seed_copy)
    gone = seed_copy / "004_1f12a4c88092379e.txt"
    gone.unlink()
    index, _ = cached_index(seed_copy)
    assert index.article(gone.name) is None
    with sqlite3.connect(cache_dir() / FILE_NAME) as connection:
        paths = [p for (p,) in connection.execute("SELECT path FROM articles")]
    assert len(paths) == 4 and str(gone) not in paths


def test_no_cache_writes_nothing(seed_copy: Path) -> None:
    build_index(seed_copy)
    assert not (cache_dir() / FILE_NAME).exists()


def test_a_corrupt_cache_is_said_and_read_around(seed_copy: Path) -> None:
    database = cache_dir() / FILE_NAME
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a database" * 100)
    seen: list = []
    index, problem = cached_index(seed_copy, on_problem=seen.append)
    assert len(index.articles) == 5
    assert problem and "not a database" in problem
    assert [p.file for p in seen] == ["(cache)"]
    assert rows(index) == rows(build_index(seed_copy))


def test_a_cache_that_cannot_be_created_is_said_and_read_around(seed_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    index, problem = cached_index(seed_copy)
    assert len(index.articles) == 5 and problem and "cannot be opened" in problem


def test_a_locked_cache_is_said_and_the_folder_still_loads(seed_copy: Path) -> None:
    cached_index(seed_copy)  # the database exists
    holder = sqlite3.connect(cache_dir() / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process writing, and not letting go
    try:
        (seed_copy / "new.txt").write_text("A new headline\n\nSomething happened on Tuesday, officials said.\n", encoding="utf-8")
        index, problem = cached_index(seed_copy)
    finally:
        holder.rollback()
        holder.close()
    assert len(index.articles) == 6
    assert problem and "locked" in problem


def test_a_damaged_row_is_read_from_the_file(seed_copy: Path) -> None:
    cached_index(seed_copy)
    with sqlite3.connect(cache_dir() / FILE_NAME) as connection:
        connection.execute("UPDATE articles SET blob = X'00FF'")
    index, _ = cached_index(seed_copy)
    assert rows(index) == rows(build_index(seed_copy))


def test_two_readers_at_once_agree(seed_copy: Path) -> None:
    command = [sys.executable, "-m", "reader", "quotes", str(seed_copy), "--json"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [run.communicate(timeout=60) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert all(err == b"" for _, err in outputs), [err for _, err in outputs]
    fresh = subprocess.run([*command, "--no-cache"], cwd=ROOT, capture_output=True, check=True).stdout
    assert {out for out, _ in outputs} == {fresh}


def test_a_new_version_of_the_extractors_reads_again(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached_index(seed_copy)
    monkeypatch.setattr("reader.cache.code_version", lambda: "another-release")
    read = count_reads(monkeypatch)
    cached_index(seed_copy)
    assert len(read) == 5
