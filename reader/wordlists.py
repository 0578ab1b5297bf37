"""Regular expressions over word lists.

Python's re tries each branch of an alternation in turn at every position; a
list of 60 titles or 80 number words written as "a|b|c" makes a scan of an
article slow. Shared prefixes factored into a trie make it fast.
"""

from __future__ import annotations

import re


def word_alternation(words: set[str]) -> str:
    """'ministry|minister' -> 'minist(?:ry|er)': an alternation with shared prefixes factored out."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
