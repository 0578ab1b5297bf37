"""The index worker in the app: big folders through worker processes, failures said."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import index as index_module
from reader import workers
from reader.ui.problems_screen import ProblemsScreen
from reader.ui.source_list import SourceList
from tests.ui_helpers import hold_index, make_app, wait_for_index


async def test_a_folder_read_in_worker_processes_under_the_app(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a running app sys.stderr has no descriptor: the pool must start all the same."""
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 2)
    monkeypatch.setattr(index_module, "worker_count", lambda: 2)
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert app.query_one(SourceList).border_subtitle == "5 articles"
        assert app.problems == []


async def test_a_pool_that_fails_is_said_and_the_folder_still_loads(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_pool(*args, **kwargs):
        raise OSError("no processes can be started here")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", failing_pool)
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 2)
    monkeypatch.setattr(index_module, "worker_count", lambda: 2)
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert len(app.index.articles) == 5  # read in this process instead
        notices = [n for n in app._notifications if "no processes can be started here" in n.message]
        assert notices and notices[0].title == "Worker processes"
        assert [p.file for p in app.problems] == ["(worker processes)"]
        assert "1 skipped" in app.query_one(SourceList).border_subtitle
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)


async def test_an_index_worker_that_raises_is_said(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("something no one foresaw")
        yield

    monkeypatch.setattr(index_module, "load_articles", broken)
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one(SourceList).border_subtitle == "failed"
        assert any("something no one foresaw" in n.message for n in app._notifications)


async def test_a_comparison_that_raises_is_said(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.compare

    def broken(index):
        raise ValueError("no claims today")

    monkeypatch.setattr(reader.compare, "compare", broken)
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("no claims today" in n.message for n in app._notifications)
        assert any(p.file == "(compare)" for p in app.problems)


async def test_the_second_start_comes_from_the_cache(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(seed_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
    read: list[str] = []
    real = index_module.load_source
    monkeypatch.setattr(index_module, "load_source", lambda source: read.append(source.id) or real(source))
    again = make_app(seed_copy)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        assert len(again.index.articles) == 5
    assert read == []


async def test_a_search_that_raises_is_said_and_the_reader_goes_on(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.search import SearchIndex
    from reader.ui.search_screen import SearchScreen

    def broken(self, query):
        raise KeyError("an index no one built")

    monkeypatch.setattr(SearchIndex, "search", broken)
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        await pilot.press("slash", "a")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert any("an index no one built" in n.message for n in app._notifications)
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


def test_source_rows_wrap_by_words_and_measure_what_they_draw() -> None:
    from reader.ui.source_list import SourceRow, wrap_words

    assert wrap_words("Rebels take the city", 10) == ["Rebels", "take the", "city"]
    assert wrap_words("https://example.org/a-very-long-address", 12) == ["https://exam", "ple.org/a-ve", "ry-long-addr", "ess"]
    assert wrap_words("短い見出しです", 6) == ["短い見", "出しで", "す"]  # wide characters count two cells
    row = SourceRow("Rebels take the city after a week of fighting", "Outlet · 300 words")
    for width in (8, 12, 20, 80):
        lines, _ = row._lines(width)
        assert row.get_height(None, width) == len(lines)
        assert all(len(line) <= width for line in lines)
        assert " ".join(" ".join(lines).split()) == "Rebels take the city after a week of fighting Outlet · 300 words"


async def test_a_folder_read_before_has_its_headlines_in_the_first_frame(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_app(seed_copy)
    async with first.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
    release = hold_index(monkeypatch)  # the index is not in when the first frame is checked
    again = make_app(seed_copy)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sources = again.query_one(SourceList)
        assert again.index is None and sources.option_count == 5
        assert "Syrian rebels overrun Aleppo" in str(sources.get_option_at_index(0).prompt)
        release.set()
        await wait_for_index(pilot)
        assert sources.option_count == 5  # the articles took the rows drawn ahead, none twice
        assert again.current is not None and again.current.id == "000_96b56c3d77251b90.txt"


async def test_a_row_drawn_ahead_whose_file_fails_is_dropped(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.index import Loaded
    from reader.sources import Problem

    first = make_app(seed_copy)
    async with first.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
    real = index_module.load_articles

    def one_fails(discovery, workers=None, **options):
        for loaded in real(discovery, workers, **options):
            if loaded.source.id == "001_9fe83e35984676be.txt":
                loaded = Loaded(loaded.source, None, Problem(loaded.source.id, "permission denied"))
            yield loaded

    monkeypatch.setattr(index_module, "load_articles", one_fails)
    # The file is readable in fact: the folder watcher would rightly list it once the index is in.
    monkeypatch.setattr(type(first), "start_watching", lambda self: None)
    again = make_app(seed_copy)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for_index(pilot)
        sources = again.query_one(SourceList)
        assert sources.option_count == 4
        ids = [sources.get_option_at_index(i).id for i in range(4)]
        assert "001_9fe83e35984676be.txt" not in ids
        assert all(again._row[article_id] == row for row, article_id in enumerate(ids))
