"""The user's config.yaml: small settings the reader remembers (the theme).

A file the reader cannot parse is never overwritten: it is reported and the
settings are not saved until the person fixes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from reader.userfiles import atomic_write_text, config_dir


def config_path() -> Path:
    return config_dir() / "config.yaml"


@dataclass(frozen=True, slots=True)
class Config:
    values: dict
    error: str | None = None  # why the file could not be read; saving is then refused


# The safe loader with libyaml's parser when PyYAML was built with it: the same
# SafeConstructor (a !!python tag is an error, never code), seven times faster; the themes
# are read before the first frame.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load_yaml(text: str) -> object:
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader, as yaml.safe_load


def describe_yaml_error(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"{where}{problem}"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config({})
    except (OSError, UnicodeDecodeError) as error:
        return Config({}, f"cannot read {path}: {error}")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return Config({}, f"{path}: {describe_yaml_error(error)}")
    if data is None:
        return Config({})
    if not isinstance(data, dict):
        return Config({}, f"{path}: expected a mapping of settings")
    return Config(data)


def save_setting(key: str, value: object, path: Path | None = None) -> str | None:
    """Set one value, keeping the others. Returns why it was not saved, or None."""
    path = path or config_path()
    current = load_config(path)
    if current.error:
        return f"not saved, the file is kept as it is: {current.error}"
    values = dict(current.values)
    values[key] = value
    atomic_write_text(path, yaml.safe_dump(values, sort_keys=True, allow_unicode=True))
    return None
