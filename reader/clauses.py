"""The subject of a clause: the noun phrase that opens it, past its lead-ins.

"In a speech on Tuesday, Trump attacked ...", "SPRINGFIELD, Ill. (AP) — Mayor Laura
Chen said ...": the one who acts, read with phrases.py's noun phrases. It names the
speaker of a quotation no cue verb attributes, and the names pronouns stand for.
"""

from __future__ import annotations

from functools import lru_cache

from reader.cues import is_cue
from reader.phrases import (
    CONNECTIVES,
    DETERMINERS,
    LEAD_WORDS,
    PASSIVE_AUX,
    STOPS,
    Found,
    choose,
    is_proper,
    is_word,
    np_forward,
    tokenize,
)

_NOT_VERBS = frozenset("and or but nor who which whose whom that where when of in on at to for with from by as".split())


def sentence_subject(tokens: list[str]) -> Found | None:
    """The noun phrase that opens a clause, past its lead-ins: 'In a speech, Trump attacked ...' -> Trump."""
    # "SPRINGFIELD, Ill. (AP) — Mayor Laura Chen": past a dateline.
    dash = next((k for k in range(min(len(tokens), 10)) if tokens[k] in ("—", "–", "―")), None)
    i = dash + 1 if dash is not None and all(t.isupper() or not t[:1].islower() for t in tokens[:dash]) else 0
    while i < len(tokens):
        low = tokens[i].lower()
        if low in CONNECTIVES:
            i += 2 if i + 1 < len(tokens) and tokens[i + 1] == "," else 1
        elif low in LEAD_WORDS or (low.endswith("ing") and tokens[i][:1].isupper()):
            comma = next((k for k in range(i + 1, min(len(tokens), i + 25)) if tokens[k] in (",", ".", ";", ":")), None)
            if comma is None or tokens[comma] != ",":
                return None
            i = comma + 1
            # "Speaking in Salem, New Hampshire, Trump went": a place's second half is still lead-in.
            nxt = next((k for k in range(i, min(len(tokens), i + 4)) if tokens[k] == ","), None)
            if nxt is not None and nxt > i and nxt + 1 < len(tokens) and tokens[nxt + 1][:1].isupper():
                if all(t[:1].isupper() and not t.endswith(".") for t in tokens[i:nxt]):
                    i = nxt + 1
        else:
            break
    end = np_forward(tokens, i)
    # "Syrian army officials acknowledged": common nouns after a name's adjective, up to the verb.
    k = end
    while k < min(len(tokens), end + 2) and tokens[k][:1].islower() and is_word(tokens[k]) and tokens[k].lower() not in STOPS and not _verb_like(tokens[k]):
        k += 1
    if k > end and k < len(tokens) and _verb_like(tokens[k]):
        end = k
    head = tokens[i:end]
    if not head:
        return None
    if end < len(tokens) and tokens[end] in ("like", "including"):
        # "Residents like Abdulkafi Alhamdo, who fled ...": the one named.
        named = np_forward(tokens, end + 1)
        if named > end + 1 and is_proper(tokens[end + 1 : named]):
            head, end = tokens[end + 1 : named], named
    appositives: list[list[str]] = []
    j = end
    while j < len(tokens) and tokens[j] == "," and len(appositives) < 3:
        k = j + 1
        while k < len(tokens) and tokens[k] not in (",", ";", ":", ".") and k - j < 30:
            k += 1
        if k >= len(tokens) or tokens[k] != ",":
            return None  # not an appositive closed by a comma
        appositives.append(tokens[j + 1 : k])
        j = k
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        if following[:1].islower() and following.lower() not in _NOT_VERBS and following.lower() not in DETERMINERS:
            break  # "..., described the moment": the verb
    verb = j + 1 if j < len(tokens) and tokens[j] == "," else j
    if verb >= len(tokens) or not tokens[verb][:1].islower() or tokens[verb].lower() in _NOT_VERBS:
        return None
    if tokens[verb].lower() in PASSIVE_AUX and verb + 1 < len(tokens) and tokens[verb + 1].endswith("ed"):
        return None  # "The complaint is based on ...": no one speaks
    return choose(head, appositives)


def _verb_like(token: str) -> bool:
    low = token.lower()
    return low.endswith("ed") or is_cue(low) or low in ("has", "have", "had", "is", "are", "was", "were", "will", "would")


@lru_cache(maxsize=4096)
def subject_of(sentence: str) -> Found | None:
    """The subject of a sentence, as written (for pronouns to find the names they stand for)."""
    return sentence_subject(tokenize(sentence[:400]))
