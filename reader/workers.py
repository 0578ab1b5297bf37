"""Worker processes for big folders: started safely from any thread, never failing silently.

`map_in_workers` runs a function over items in a pool of processes and yields the
results in order. Whatever goes wrong with the pool (it cannot start, a worker dies,
an error no one foresaw), the remaining items are run in this process and
`on_failure` is told once what failed: the caller shows it. The pool is shut down
before the generator ends, so nothing is left to print at exit.

Why the helpers are started here: multiprocessing starts a resource tracker process
the first time a pool is made, handing it `sys.stderr.fileno()`. Under a running
Textual app `sys.stderr` is a capture whose fileno() is -1, and the start fails with
"ValueError: bad value(s) in fds_to_keep". `_ensure_helpers` starts the tracker with
the process's real stderr first (or /dev/null when there is none).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_helpers_lock = threading.Lock()


def worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _usable_fileno(stream: object) -> bool:
    try:
        return stream is not None and stream.fileno() >= 0  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return False


def _ensure_helpers() -> None:
    """Start multiprocessing's resource tracker where it can start: with a real stderr."""
    from multiprocessing import resource_tracker

    with _helpers_lock:
        current = sys.stderr
        if current is None or _usable_fileno(current) or not hasattr(current, "fileno"):
            resource_tracker.ensure_running()
            return
        # stderr is a stand-in (Textual's capture): the tracker inherits a real descriptor
        # for the moment it takes to start it.
        stand_in = sys.__stderr__ if _usable_fileno(sys.__stderr__) else open(os.devnull, "w")  # noqa: SIM115
        sys.stderr = stand_in
        try:
            resource_tracker.ensure_running()
        finally:
            if sys.stderr is stand_in:  # unless the host restored its own meanwhile
                sys.stderr = current
            if stand_in is not sys.__stderr__:
                stand_in.close()


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean process, safe to ask for from a thread (the UI's worker).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def map_in_workers(
    function: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    on_failure: Callable[[str], None],
    *,
    start: Callable[..., ProcessPoolExecutor] | None = None,
) -> Iterator[R]:
    """function(item) for every item, in order, computed in `workers` processes.

    On any failure of the pool the rest is computed here, and on_failure(reason) is
    called once. `start` makes the pool (ProcessPoolExecutor; a test patches in one that fails).
    """
    done = 0
    executor: ProcessPoolExecutor | None = None
    try:
        _ensure_helpers()
        executor = (start or ProcessPoolExecutor)(max_workers=workers, mp_context=_context())
        chunk = max(1, min(64, len(items) // (workers * 8)))
        for result in executor.map(function, items, chunksize=chunk):
            yield result
            done += 1
    except GeneratorExit:
        raise
    except Exception as error:  # noqa: BLE001 - any failure of the pool: fall back, and say so
        on_failure(f"worker processes failed ({describe(error)}); the rest was read in this process")
        _shutdown(executor, cancel=True)
        executor = None
        for item in items[done:]:
            yield function(item)
    finally:
        _shutdown(executor, cancel=True)


def _shutdown(executor: ProcessPoolExecutor | None, *, cancel: bool) -> None:
    """Wait for the pool's processes to end: one left running prints at interpreter exit."""
    if executor is None:
        return
    try:
        executor.shutdown(wait=True, cancel_futures=cancel)
    except Exception:  # noqa: BLE001 - a broken pool has nothing more to give
        pass
