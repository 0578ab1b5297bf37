from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's user files (config, data, cache) live in its own temporary folder."""
    home = tmp_path / "home"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A copy of the seeds that a test may add files to."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target
