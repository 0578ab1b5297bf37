"""Regular expressions over word lists.

Python's re tries each branch of an alternation in turn at every position; a
list of 60 titles or 80 number words written as "a|b|c" makes a scan of an
article slow. Shared prefixes factored into a trie make it fast.
"""

from __future__ import annotations

import re


def word_alternation(words: set[str], bounded: set[str] | frozenset[str] = frozenset()) -> str:
    """'ministry|minister' -> 'minist(?:ry|er)': an alternation with shared prefixes factored out.

    The words in `bounded` match only where a word ends ("\\b" after each): one trie for
    "Gen." and "general\\b" lets re try a title once at each space, not once a list.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node["\\b" if word in bounded else ""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if len(char) == 1]
        if "\\b" in node:
            branches.append("\\b")  # last: a longer word is tried first, as "(?:words)\\b" would
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def in_order(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, each dropped that starts inside the one kept before it."""
    found.sort()
    kept: list[tuple[int, int]] = []
    for span in found:
        # A match that starts inside another ("(Defence Ministry" and " Ministry") is part of it.
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
