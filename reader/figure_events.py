"""What happened to what a figure counts: "300 rebels killed", "four civilians were killed and six injured".

The word right before the number ("killing four") or one of the six after it, up to the
next clause, names the event; verbs are mapped to one past form ("killing" -> "killed").
"""

from __future__ import annotations

import re

# What happened to the counted: verbs mapped to one past form ("killing" -> "killed").
_EVENTS = {
    "killed": "killed", "kill": "killed", "killing": "killed", "kills": "killed",
    "dead": "killed", "died": "died", "die": "died", "dying": "died",
    "injured": "injured", "injuring": "injured", "injure": "injured",
    "wounded": "wounded", "wounding": "wounded", "wound": "wounded",
    "fled": "fled", "flee": "fled", "fleeing": "fled",
    "displaced": "displaced", "displacing": "displaced", "displace": "displaced",
    "captured": "captured", "capturing": "captured", "capture": "captured",
    "arrested": "arrested", "detained": "detained", "evacuated": "evacuated",
    "missing": "missing", "rescued": "rescued", "deployed": "deployed", "deploying": "deployed",
    "suspended": "suspended", "destroyed": "destroyed", "damaged": "damaged",
    "treated": "treated", "hospitalised": "hospitalised", "hospitalized": "hospitalised",
}  # fmt: skip
_EVENT_WORDS = frozenset(_EVENTS.values())


_LETTERS = re.compile(r"[A-Za-z]+")


def _event(before: str, after: str) -> str | None:
    """What happened to the counted: 'killed approximately 300', '14,000 residents to flee'."""
    # Only the word right before the number: "killed approximately 300", "killing four".
    # Read from the end, token by token: the last token with letters is nearly always the last one.
    rest = before
    while rest:
        parts = rest.rsplit(None, 1)
        if not parts:
            break
        token = parts[-1]
        letters = [token] if token.isascii() and token.isalpha() else _LETTERS.findall(token)
        if letters:
            event = _EVENTS.get(letters[-1].lower())
            if event is not None:
                return event
            break
        rest = parts[0] if len(parts) == 2 else ""
    # After the number, up to the next clause: "four civilians were killed and six injured".
    # The first six words, read until a comma or a clause word ("and", "but", "while") standing as a word.
    seen = 0
    for match in _WORD_OR_COMMA.finditer(after):
        word = match.group()
        if word[0] == ",":
            return None
        if word in _CLAUSE_END_WORDS:
            start, end = match.span()
            if (start == 0 or not _is_word_char(after[start - 1])) and (end == len(after) or not _is_word_char(after[end])):
                return None
        event = _EVENTS.get(word.lower())
        if event is not None:
            return event
        seen += 1
        if seen == 6:
            return None
    return None


_WORD_OR_COMMA = re.compile(r"[,A-Za-z][A-Za-z]*")  # a comma ends the clause: what follows it is not read
_CLAUSE_END_WORDS = frozenset({"and", "but", "while"})  # clause words, in lower case as news writes them mid-sentence


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
