"""Drive the reader in a real terminal: a private tmux server per test."""

from __future__ import annotations

import os
import shlex
import subprocess
import time
import uuid
from pathlib import Path


class Tmux:
    def __init__(
        self, command: list[str], *, cwd: Path, env: dict[str, str], width: int = 120, height: int = 40, as_pane_process: bool = False
    ) -> None:
        self.socket = f"seed-reader-test-{uuid.uuid4().hex[:10]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # The exit code is printed when the reader ends so a test can check it.
        # -u COLUMNS -u LINES: pytest's environment sets 80x24, which would win over the pane's size.
        script = f"cd {shlex.quote(str(cwd))} && env -u COLUMNS -u LINES {exports} {shlex.join(command)}; echo READER-EXITED-$?; sleep 600"
        if as_pane_process:  # the command is the pane's own process, as when a terminal runs it: no shell around it
            script = f"cd {shlex.quote(str(cwd))} && exec env -u COLUMNS -u LINES {exports} {shlex.join(command)}"
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), script)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10)
        if result.returncode != 0:
            raise RuntimeError(f"tmux {args[0]} failed: {result.stderr.strip()}")
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p")

    def send(self, *keys: str) -> None:
        for key in keys:  # one at a time: "Escape" then "o" sent together reads as alt+o
            self._tmux("send-keys", key)

    def wait_for(self, predicate, timeout: float = 20.0, what: str = "") -> str:
        """Poll the screen until predicate(screen) holds; fail with the last screen otherwise."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what or predicate}; the screen was:\n{screen}")

    def wait_for_text(self, text: str, timeout: float = 20.0) -> str:
        return self.wait_for(lambda s: text in s, timeout, repr(text))

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


def reader_env(home: Path) -> dict[str, str]:
    env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "HOME": str(home)}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = os.environ[name]
    return env


def column_of(screen: str, text: str) -> int:
    for line in screen.splitlines():
        if text in line:
            return line.index(text)
    return -1


def pane_pid(tmux: Tmux) -> int:
    return int(tmux._tmux("list-panes", "-F", "#{pane_pid}").split()[0])


def descendants(pid: int) -> list[int]:
    """Every process below pid, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def running(pid: int) -> bool:
    """True while pid is a live process (a zombie waiting for its parent is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
