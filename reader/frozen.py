"""Frozen dataclasses that are quick to make.

`dataclass(frozen=True)` writes each field in `__init__` through `object.__setattr__`,
a slow general call; parsing one article makes a few hundred such objects (its
paragraphs, figures, quotes), and that alone was a few percent of the parse.
`quick_init` gives a frozen dataclass with slots an `__init__` that stores each
field through its slot's descriptor instead. The object is the same in every other
way: its fields, defaults, equality, hash and repr are the dataclass's own, and any
assignment after `__init__` still raises FrozenInstanceError.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass a faster `__init__` with the same signature."""
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    if not (params.frozen and "__slots__" in cls.__dict__) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init is for frozen dataclasses with slots and no __post_init__")
    namespace: dict[str, object] = {}
    arguments, lines = [], []
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: quick_init takes plain positional fields only")
        if f.default is dataclasses.MISSING:
            arguments.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            arguments.append(f"{f.name}=_default_{f.name}")
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__  # the slot's own descriptor
        lines.append(f"    _set_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(arguments)}):\n" + ("\n".join(lines) or "    pass") + "\n"
    exec(source, namespace)  # noqa: S102 - built from the field names above, as dataclasses does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[misc]
    return cls
