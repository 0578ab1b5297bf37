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


# -- keymap: binding ids to keys, as Textual's App.set_keymap takes them -----------

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(
    "escape enter tab space backspace delete insert home end pageup pagedown up down left right"
    " minus plus slash backslash at underscore".split()
    + [f"f{n}" for n in range(1, 25)]
)


def key_problem(key: str) -> str | None:
    """Why one key ("ctrl+k", "?", "f5", "question_mark") cannot be bound, or None."""
    import unicodedata

    if not key or key != key.strip():
        return "an empty key" if not key.strip() else f"{key!r} has spaces around it"
    *modifiers, name = key.split("+") if len(key) > 1 else [key]
    unknown = [m for m in modifiers if m.lower() not in MODIFIERS]
    if unknown:
        return f"{key!r}: {unknown[0]!r} is not a modifier (ctrl, shift, alt, meta, super, hyper)"
    if not name:
        return f"{key!r} has no key after its modifier"
    if len(name) == 1:
        return None if name.isprintable() and not name.isspace() else f"{key!r} is not a key"
    if name.lower() in NAMED_KEYS:
        return None
    try:  # a character by its name, as Textual writes them: question_mark, left_square_bracket
        unicodedata.lookup(name.replace("_", " ").upper())
    except KeyError:
        return f"{key!r}: {name!r} is not a key name"
    return None


def parse_keymap(raw: object) -> tuple[dict[str, str], list[str]]:
    """The keymap setting as {binding id: "key,key"}, and what was wrong with the rest.

    A value is one key, several joined by commas, or a list of keys. Ids are checked by
    the UI, which knows its bindings; here, the shape and the keys."""
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, ["keymap: expected a mapping of binding ids to keys (app.search: ctrl+k)"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in raw.items():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            keys = [v.strip() for v in value]
        elif isinstance(value, str):
            keys = [k.strip() for k in value.split(",")]  # the comma key is written "comma"
        else:
            problems.append(f"{binding_id}: {value!r} is not a key")
            continue
        bad = next((p for p in map(key_problem, keys) if p), None)
        if bad:
            problems.append(f"{binding_id}: {bad}")
            continue
        keymap[str(binding_id)] = ",".join(keys)
    return keymap, problems
