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


class WordScan:
    """Words of a list where they stand as words, found with scans re can run fast.

    One pattern "(?<!\\w)(?:words)" makes re try the word list at every position of the
    text. Nearly every word follows a space, and a pattern that opens with a literal
    space lets re jump from space to space; a second scan takes the words after any other
    character that is not part of a word ("(one", "“Two", "-five"), a third the text's start.
    `body` is the pattern from the word's first character on; `not_after` names characters
    that, before the word, also rule it out ("." for titles: not "U.S.Gen.").
    """

    def __init__(self, body: str, not_after: str = "") -> None:
        self._after_space = re.compile(" " + body)
        self._after_other = re.compile(f"[^A-Za-z0-9 _{re.escape(not_after)}]" + body)
        self._at_start = re.compile(body)
        self._not_after = not_after

    def spans(self, text: str, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each match in text[:end], in order, none overlapping."""
        end = len(text) if end is None else end
        found = [(m.start() + 1, m.end()) for m in self._after_space.finditer(text, 0, end)]
        others = [
            (m.start() + 1, m.end())
            for m in self._after_other.finditer(text, 0, end)
            # "é" or "٣" is part of a word, though outside the ASCII class above.
            if not (text[m.start()].isalnum() or text[m.start()] in self._not_after)
        ]
        first = self._at_start.match(text, 0, end)
        if not others and not first:
            return found  # one scan's matches: in order, none overlapping
        found += others
        if first:
            found.append(first.span())
        return in_order(found)


def in_order(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, each dropped that starts inside the one kept before it."""
    found.sort()
    kept: list[tuple[int, int]] = []
    for span in found:
        # A match that starts inside another ("(Defence Ministry" and " Ministry") is part of it.
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
