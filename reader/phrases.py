"""Noun phrases and cue verbs in the words around a quotation, read as tokens.

The words are cut into tokens (a parenthesis such as "(D-Mo.)" is one; a full stop
that ends a sentence is one of its own) and read with a few rules of English, not a
model: a cue verb's subject is the noun phrase just before it, over adverbs and
auxiliaries, with its appositives ("Scott Reed, a strategist for the group, said");
a name is a run of capitalised words with its particles and titles; a clause's
subject stands past its lead-ins ("In a statement, ..."; clauses.py). attribution.py puts
these together into the shapes of attribution.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from reader.cues import CUE_FORMS, is_bare, is_cue, is_participle, is_plural_noun, needs_particle

_TOKEN = re.compile(r"\((?:[^()\s]{1,14}\s?){1,3}\)|[^\s,;:()“”\"—–―]+|[,;:—–―]")
DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your another one some each every both several many".split()
)
PRONOUNS = frozenset("he she they it we i you".split())
STOPS = frozenset(
    """and but or nor so yet because although though while when whenever where after before since until
    unless if as than that which who whom whose what whether how why in on at to from with without about into
    onto over under between among against through during despite unlike like including via by per amid
    is was are were be been being has have had do does did will would can could may might must should shall
    not also later then again once still just even never already only now here there too
    meanwhile however moreover instead yesterday today tonight tomorrow""".split()
)
_INNER = frozenset(("of", "for", "at", "from", "in", "outside", "inside", "near", "across", "around"))  # "the leader of the party", "Mr. Morgan of the Sierra Club"
ADVERBS = frozenset(
    """also later then again once previously recently earlier repeatedly reportedly since further
    has have had would will did does do was were is are had been just then quickly simply often
    long finally first last next once always never""".split()
)
_DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month year night morning afternoon evening".split()
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm sen sens rep reps gov pres st jr sr rev hon gov lt".split()
)
PASSIVE_AUX = frozenset("was were is are been be being".split())
_PARTICLES = frozenset("al al- el bin ibn abu de da di van von der la le du del dos st.".split())


class Found(NamedTuple):
    """A speaker as written, and a role where an appositive gives one (a tuple: made often, cheaply)."""

    speaker: str
    role: str | None = None
    cue: str | None = None  # the verb before the quote that named the speaker


def tokenize(text: str) -> list[str]:
    """Words, with a full stop that ends a sentence split off ("said." -> "said", ".").

    A stop followed by a comma or a lower-case word ends nothing: "R-Ky., said".
    """
    found = _TOKEN.findall(text)
    if "." not in text and "!" not in text and "?" not in text and "…" not in text:
        return found  # no stop to split off
    tokens = []
    last = len(found) - 1
    for n, token in enumerate(found):
        if token[-1] in ".!?…" and len(token) > 1 and not _keeps_stop(token):
            following = found[n + 1] if n < last else ""
            if token[-1] == "." and (following == "," or following[:1].islower()):
                tokens.append(token)
                continue
            word = token.rstrip(".!?…")
            if word:
                tokens.append(word)
            tokens.append(".")
        else:
            tokens.append(token)
    return tokens


def _bare(token: str) -> str:
    """'Obama.' -> 'Obama'; 'Mr.' and 'U.S.' keep their stops."""
    if token.endswith(".") and not _keeps_stop(token):
        return token[:-1]
    return token


@lru_cache(maxsize=8192)
def _keeps_stop(token: str) -> bool:
    core = token.rstrip(".").lower().lstrip("(")
    return core in _ABBREVIATIONS or len(core) == 1 or "." in core or token.endswith(".)")


def is_full_stop(token: str) -> bool:
    return token == "."


@lru_cache(maxsize=16384)
def is_name(token: str) -> bool:
    """A word of a name: capitalised (not "The", "But"), a parenthesis, a number or a particle (a
    token's class, asked of the same words again and again: cached)."""
    first = token[0] if token[0] not in "‘'" else token.lstrip("‘'")[:1]
    if first.isupper():
        low = token.lower()
        return low not in STOPS and low not in DETERMINERS
    return first == "(" or first.isdigit() or token.lower() in _PARTICLES


def is_possessive(token: str) -> bool:
    return token.endswith(("’s", "'s", "s’", "s'")) and token[:1].isupper()


def is_word(token: str) -> bool:
    return bool(token) and token not in _NON_WORDS


def _is_verb(token: str) -> bool:
    """A cue that cannot be a noun: 'said', 'argued' (not 'command', 'reports')."""
    return token in CUE_FORMS and not token[0].isupper() and not is_bare(token) and not token.endswith("s")


def np_back(tokens: list[str], last: int, limit: int = 10) -> int | None:
    """The first token of the noun phrase that ends at tokens[last], or None."""
    j = last
    start = None
    floor = last - limit
    while j >= 0 and j > floor:
        token = tokens[j]
        if token in _NON_WORDS or not token or (token in CUE_FORMS and _is_verb(token)):
            break
        low = token.lower()
        possessive = token.endswith(_POSSESSIVE_ENDS) and token[0].isupper()
        if possessive or low in DETERMINERS:
            start = j
            if possessive:
                # "Hillary Clinton's spokesman": the owner's whole name.
                while j - 1 >= 0 and is_name(tokens[j - 1]) and tokens[j - 1].lower() not in STOPS:
                    j -= 1
                    start = j
            if j - 1 >= 0 and tokens[j - 1].lower() in _INNER:
                j -= 1
                continue
            break
        if low in _INNER and start is not None:
            j -= 1
            continue
        if low in STOPS:
            break
        start = j
        j -= 1
    if start is None:
        return None
    while start <= last and tokens[start].lower() in _INNER:
        start += 1
    if start > last:
        return None
    # Lower-case words with no determiner and no name: "voters", "senior officials"; at most three.
    if last - start >= 3 and not any(is_name(t) or t.lower() in DETERMINERS or is_possessive(t) for t in tokens[start : last + 1]):
        start = last - 2
    return start


_NON_WORDS = frozenset((",", ";", ":", ".", "—", "–", "―"))
_POSSESSIVE_ENDS = ("’s", "'s", "s’", "s'")


def skip_adverbs_back(tokens: list[str], i: int) -> int:
    """Over 'also', 'has', 'on Tuesday', 'last week' before a cue."""
    while i >= 0:
        low = tokens[i].lower()
        if low in ADVERBS or (low.endswith("ly") and tokens[i][:1].islower() and len(low) > 4):
            i -= 1
        elif low in _DAYS and i >= 1 and tokens[i - 1].lower() in ("on", "last", "this", "late", "early"):
            i -= 2
        elif low in _DAYS and tokens[i][:1].isupper():
            i -= 1
        else:
            # "Beck, who has in the past described", "X on Twitter wrote": over a short phrase.
            k = next((k for k in range(i - 1, max(-1, i - 4), -1) if tokens[k].lower() in _PP_STARTS), None)
            if k is None or k == 0 or not all(is_word(t) for t in tokens[k : i + 1]):
                break
            i = k - 1
    return i


_PP_STARTS = frozenset("in on at during over via through".split())


def _join(tokens: list[str]) -> str:
    if not tokens:
        return ""
    return " ".join([*tokens[:-1], _bare(tokens[-1])]).strip(" ,;:")


def is_proper(words: list[str]) -> bool:
    return bool(words) and is_name(words[-1]) and not words[-1].startswith("(")


def subject_before(tokens: list[str], cue: int) -> Found | None:
    """The subject of the cue at tokens[cue], with its appositives."""
    i = skip_adverbs_back(tokens, cue - 1)
    if i < 0:
        return None
    if tokens[i].lower() in PRONOUNS:
        return Found(tokens[i])
    if tokens[i].lower() in ("that", "which", "who") and i >= 1:
        # "a headline that said", "the report, which notes": the antecedent speaks.
        k = i - 1 if tokens[i - 1] != "," else i - 2
        first = np_back(tokens, k) if k >= 0 else None
        return choose(tokens[first : k + 1], []) if first is not None else None
    appositives: list[list[str]] = []
    while tokens[i] == ",":
        # "Scott Reed, a strategist for the group, said": chunks back to the head.
        j = i - 1
        while j >= 0 and tokens[j] not in (",", ";", ":") and i - j <= 30 and not is_full_stop(tokens[j]):
            j -= 1
        chunk = tokens[j + 1 : i]
        if not chunk:
            return None
        if appositives and (chunk[0].lower() in LEAD_WORDS or chunk[0].lower() in CONNECTIVES):
            # "After winning Ohio, Gov. John Kasich (R-OH), said": a lead-in, not an appositive.
            head = appositives.pop()
            return choose(head, list(reversed(appositives)))
        if j >= 0 and tokens[j] == "," and len(appositives) < 3:
            appositives.append(chunk)
            i = j
            continue
        # The chunk opens its clause: it is the head when it is a noun phrase throughout.
        first = np_back(tokens, i - 1)
        if first != j + 1:
            return None
        return choose(chunk, list(reversed(appositives)))
    first = np_back(tokens, i)
    if first is None:
        return None
    return choose(tokens[first : i + 1], list(reversed(appositives)))


RELATIVE = frozenset("who which whose whom where when".split())


def choose(head: list[str], appositives: list[list[str]]) -> Found | None:
    """Of a head and its appositives, the name is the speaker and the rest its role."""
    if not head:
        return None
    # "X's spokeswoman, Y, said" and "the company's founder, Y, said": the name is the speaker.
    if not is_proper(head) or head[0].lower() in DETERMINERS or is_possessive(head[0]):
        for n, chunk in enumerate(appositives):
            if chunk and all(is_name(t) for t in chunk) and chunk[0][:1].isupper() and len(chunk) <= 5:
                return Found(_join(chunk), _join(head))
    if len(head) > 10 or head[0].lower() in STOPS:
        return None
    roles = [c for c in appositives if c and c[0].lower() not in RELATIVE and len(c) <= 30 and not c[0].endswith(("ing", "ed"))]
    role = _join(roles[0]) if roles else None
    if appositives and not roles and not is_proper(head) and head[0].lower() not in DETERMINERS:
        return None
    return Found(_join(head), role)


def np_forward(tokens: list[str], i: int) -> int:
    """The index after the noun phrase that starts at tokens[i] (i itself when none does)."""
    j = i
    determiner = seen_name = False
    while j < len(tokens) and j - i < 10:
        token = tokens[j]
        low = token.lower()
        if not is_word(token) or (is_cue(low) and not token[:1].isupper()):
            break
        if low in DETERMINERS or is_possessive(token):
            determiner = True
        elif low in _INNER and j + 1 < len(tokens) and (tokens[j + 1].lower() in DETERMINERS or tokens[j + 1][:1].isupper()) and j > i:
            pass
        elif low in STOPS or low in _DAYS:
            break
        elif not is_name(token):
            if low.endswith("ed") and j > i and (seen_name or tokens[j - 1].lower() not in DETERMINERS):
                break  # "The White House distanced", "the town released": the verb begins
            if not determiner and not leads_to_name(tokens, j):
                break  # "said campaign manager Kellyanne Conway": lower-case words lead only into a name
        else:
            seen_name = True
        j += 1
        if is_full_stop(token):
            break
    return j


def leads_to_name(tokens: list[str], j: int) -> bool:
    """tokens[j] starts a run of up to three lower-case words that ends in a name."""
    for k in range(j, min(len(tokens), j + 4)):
        token = tokens[k]
        if is_name(token):
            return k > j
        if not is_word(token) or token.lower() in STOPS or token.lower() in DETERMINERS:
            return False
    return False


_QUANTIFIERS = frozenset(
    "few series number lot couple dozen dozens bunch flurry string barrage volley several many some more other such".split()
)


def _verb_after(tokens: list[str], n: int) -> bool:
    """'tweets' is a verb after a name, a pronoun or 'the statement', not after 'late-night'."""
    if n == 0:
        return False
    before = tokens[n - 1]
    low = before.lower()
    if low in PRONOUNS or (is_name(before) and not before.startswith("(")) or low in ADVERBS:
        return True
    # "the statement reads": a lower-case noun right after its determiner.
    return n >= 2 and (tokens[n - 2].lower() in DETERMINERS or is_possessive(tokens[n - 2])) and before[:1].islower() and before not in _QUANTIFIERS


def cues_in(tokens: list[str]) -> list[int]:
    """Indices of the cue verbs among tokens (not nouns: "the report", "a post")."""
    found = []
    for n, token in enumerate(tokens):
        if token not in CUE_FORMS or token[0].isupper():
            continue
        before = tokens[n - 1].lower() if n else ""
        if before in DETERMINERS or before in _QUANTIFIERS or before.endswith(("’s", "'s", "s’")):
            continue  # "the report", "a series of tweets", "the woman's quotes": nouns
        if is_plural_noun(token) and not _verb_after(tokens, n):
            continue
        if needs_particle(token) and not (n + 1 < len(tokens) and tokens[n + 1] in ("back", "on", "out")):
            continue
        if n + 1 < len(tokens) and is_cue(tokens[n + 1]) and not is_participle(tokens[n + 1]):
            continue  # "the military command said": a noun before the verb
        if is_bare(token) and not (before in ("they", "we", "i", "you") or before in ADVERBS or (before.endswith("s") and not before.endswith("'s") and not before.endswith("’s"))):
            continue  # "say" is a verb after "critics", not after "the"
        found.append(n)
    return found

LEAD_WORDS = frozenset(
    """in at on after before during following when while as since unlike like despite with without amid
    according asked speaking by for from to over under if because though although once until upon""".split()
)
CONNECTIVES = frozenset("but and so yet still also then now meanwhile however instead later earlier indeed".split())
