"""quick_init: a frozen dataclass made faster stays the same dataclass."""

import dataclasses
import pickle

import pytest

from reader.frozen import quick_init


@quick_init
@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str = "body"


def test_fields_defaults_and_equality_are_the_dataclass_own():
    assert Span(1, 2) == Span(1, 2, "body") == Span(start=1, end=2)
    assert Span(1, 2, "subhead").kind == "subhead"
    assert hash(Span(1, 2)) == hash(Span(1, 2, "body"))
    assert repr(Span(1, 2)) == "Span(start=1, end=2, kind='body')"
    assert dataclasses.replace(Span(1, 2), end=5) == Span(1, 5)
    assert pickle.loads(pickle.dumps(Span(3, 4))) == Span(3, 4)


def test_still_frozen_after_init():
    span = Span(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 5  # type: ignore[misc]


def test_arguments_checked_as_before():
    with pytest.raises(TypeError):
        Span(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(1, 2, "body", "extra")  # type: ignore[call-arg]


def test_refuses_what_it_cannot_copy():
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        start: int

    with pytest.raises(TypeError):
        quick_init(NoSlots)
