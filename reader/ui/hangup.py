"""A terminal that goes away ends the reader.

Closing the window or losing an ssh connection sends SIGHUP, but not always to the
reader (under `make run` it goes to make), and Textual's input thread spins once its
stdin is at end of file (Textualize/textual pull request 6690). So the reader ends
itself on SIGHUP and when its terminal reports a hang-up, checked once a second: a
poll of standard input for POLLHUP, one system call. Nothing the user made is lost:
bookmarks and settings are written atomically as they are made.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import threading

from textual.app import App

CHECK_SECONDS = 1.0
GRACE_SECONDS = 3.0  # then the process ends even if shutting down the screen hangs on a dead terminal
EXIT_HANGUP = 129  # 128 + SIGHUP, as a shell reports it


def terminal_gone(fd: int) -> bool:
    """True when fd is a terminal, a pipe or a socket whose other end has gone."""
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLPRI)
    try:
        events = poller.poll(0)
    except OSError:
        return True
    return any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, mask in events)


def _input_fd() -> int | None:
    stream = sys.__stdin__
    try:
        return stream.fileno() if stream is not None and os.isatty(stream.fileno()) else None
    except (OSError, ValueError):
        return None


def watch_terminal(app: App) -> None:
    """From on_mount: end the app on SIGHUP or when its terminal hangs up."""
    try:
        import asyncio

        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, lambda: hang_up(app, "SIGHUP"))
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
        pass
    fd = _input_fd()
    if fd is None:  # headless (tests): no terminal to lose
        return

    def check() -> None:
        if terminal_gone(fd):
            hang_up(app, "terminal closed")

    app.set_interval(CHECK_SECONDS, check, name="terminal check")


def hang_up(app: App, why: str) -> None:
    """Exit as `q` does; if the dead terminal stalls that, end the process after a grace period."""
    if getattr(app, "_hung_up", False):
        return
    app._hung_up = True  # type: ignore[attr-defined]
    timer = threading.Timer(GRACE_SECONDS, os._exit, args=(EXIT_HANGUP,))
    timer.daemon = True
    timer.start()
    app.exit(return_code=EXIT_HANGUP, message=None)
