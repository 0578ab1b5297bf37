"""Who a speaker is: a name kept apart from its role, and descriptions resolved.

The attribution rules in quotes.py find the words that name a speaker as written
("Russian Foreign Minister Sergei Lavrov", "the ministry", "Ortiz"). This module
turns those words into one person or body:

- split_speaker: "Russian Foreign Minister Sergei Lavrov" -> name "Sergei Lavrov",
  role "Russian Foreign Minister".
- resolve: "the ministry" or "The prime minister" -> the nearest earlier named
  speaker or mention in the same article that fits; "Ortiz" -> "Ray Ortiz". When
  nothing fits, the words stay as written and the quote is marked unresolved.
- speaker_key: one key for the spellings of one name across articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reader.folding import fold
from reader.frozen import quick_init
from reader.wordlists import in_order, word_alternation


PRONOUNS = frozenset("he she they it we i you".split())
_DETERMINERS = frozenset(("the", "a", "an"))

_TITLES = frozenset(
    """minister president premier secretary spokesperson spokesman spokeswoman director
    commander general gen. chief ambassador senator sen. rep. governor mayor king queen prince
    sheikh dr. professor prof. chairman chairwoman chair ceo leader envoy officer colonel col.
    major captain capt. lt. sgt. judge justice mr. mrs. ms. pope cardinal bishop imam rabbi
    analyst researcher fighter resident witness official head founder adviser advisor
    counterpart member""".split()
)
_HONORIFICS = frozenset("mr. mrs. ms. miss dr. mr mrs ms dr".split())
_NAME_PARTICLES = frozenset("al al- el bin ibn abu abdel abdul de da di van von der la le du".split())
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|al-\w+|el-\w+)$")

ORGANISATION_WORDS = frozenset(
    """ministry council department centre center observatory forces army command office house
    agency committee group organization organisation party defense defence union nations court
    government police media reuters news military brigade front units service services
    establishment administration embassy commission authority authorities association institute
    company corporation bank fund federation network networks""".split()
)

# Words that say how a body spoke, not which body: "a spokesperson", "A military statement".
_VOICE_WORDS = frozenset(
    """statement spokesperson spokesman spokeswoman spokespeople official officials representative
    source sources post communiqué release""".split()
)


@lru_cache(maxsize=8192)
def split_speaker(np: str) -> tuple[str, str | None]:
    """'NSC spokesperson Sean Savett' -> ('Sean Savett', 'NSC spokesperson')."""
    # "A spokesperson for the US State Department": the body speaks, through its spokesperson.
    voice = _VOICE_OF.match(np) or _BODY_VOICE.match(np)
    if voice:
        return voice.group("body"), _person_voice(voice.group("voice"))
    tokens = np.split()
    # The trailing run of capitalised tokens (with particles such as al-, bin) is a name.
    cut = len(tokens)
    while cut > 0 and (_NAME_TOKEN.match(tokens[cut - 1]) or tokens[cut - 1].lower() in _NAME_PARTICLES):
        cut -= 1
    run = tokens[cut:]
    # "the Reconciliation of Enemy Parties": capitals after "of" or "the" end an organisation's name.
    if cut > 0 and tokens[cut - 1].lower() in ("of", "for", "the", "on", "and"):
        return _strip_determiner(np), None
    # Titles inside the run belong to the role: "Russian Foreign Minister Sergei Lavrov".
    last_title = max((i for i, t in enumerate(run) if t.lower() in _TITLES), default=-1)
    name = run[last_title + 1 :]
    if len(name) == 1 and last_title >= 0 and cut == 0 and name[0][:1].isupper():
        # "Mr. Obama", "Sen. Grassley": the name is the surname; an honorific is no role.
        role = " ".join(t for t in run[: last_title + 1] if t.lower() not in _HONORIFICS)
        return name[0], role or None
    if len(name) >= 2 and (cut > 0 or last_title >= 0) and not any(t.lower() in ORGANISATION_WORDS for t in name):
        return " ".join(name), _clean_role(" ".join(tokens[: cut + last_title + 1]))
    return _strip_determiner(np), None


_VOICE_OF = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?P<voice>(?:[a-z]+\s+)?(?:spokes\w+|official|representative|statement))\s+(?:for|of|from)\s+(?:the\s+)?(?P<body>[A-Z].*)$"
)


_PERSON_VOICES = frozenset("spokesperson spokesman spokeswoman official representative".split())


# "A Kremlin spokesman", "a Pentagon official": the body speaks.
_BODY_VOICE = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?P<body>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?P<voice>spokes\w+|official|representative)$"
)


def _person_voice(words: str) -> str | None:
    """'spokesperson' is a role; 'statement' is not."""
    return words if words and words.split()[-1].lower() in _PERSON_VOICES else None


_DATELINE_TAIL = re.compile(r"^.*[—–]\s*")
_LIKE_TAIL = re.compile(r"^\S+\s+(?:like|including|such as)$")


def _clean_role(role: str) -> str | None:
    # "(AP) — Mayor": a dateline's tail is no part of the role.
    role = _DATELINE_TAIL.sub("", role).strip(" ,")
    # "Residents like Abdulkafi Alhamdo": the words before the name are no role.
    role = _LIKE_TAIL.sub("", role)
    return role or None


@lru_cache(maxsize=8192)
def is_person_name(np: str) -> bool:
    name, _role = split_speaker(np)
    tokens = np.split()
    return (name != np and not _VOICE_OF.match(np) and not _BODY_VOICE.match(np)) or (
        len(tokens) >= 2
        and all(_NAME_TOKEN.match(t) or t.lower() in _NAME_PARTICLES for t in tokens)
        and not any(t.lower() in ORGANISATION_WORDS for t in tokens)
        and tokens[0].lower() not in _DETERMINERS
    )


def is_description(speaker: str) -> bool:
    """'the ministry', 'The prime minister', 'a spokesperson': words that stand for a name."""
    tokens = speaker.split()
    return (
        1 < len(tokens) <= 4
        and tokens[0].lower() in _DETERMINERS
        and all(t[:1].islower() for t in tokens[1:])
    )


def is_unresolved(speaker: str | None) -> bool:
    """A pronoun or description that no earlier name in the article fits."""
    return speaker is not None and (speaker.lower() in PRONOUNS or is_description(speaker))


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text.replace("’s", "").replace("'s", "")))


@quick_init  # tens an article that resolves speakers: a quicker __init__, the same frozen object
@dataclass(frozen=True, slots=True)
class Mention:
    """A person or body named in an article: at position, with a role where the text gives one."""

    position: int
    name: str
    role: str | None
    is_body: bool


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted((re.escape(w.rstrip(".")) for w in words), key=len, reverse=True))


_CAP = r"[A-Z][\w'’-]+"
# Searched from the title or body word outward: a pattern that opens with the capitalised
# words before a title would be tried at every capital in the article.
# Both cases listed rather than re.I, which would slow the scan of whole articles; _word_spans
# finds them where they stand as words.
# One trie for "Gen." and "general\b": no title without its stop begins one with it ("gen" and
# "gen."), so no two can match at one place, and the order the trie tries them in does not matter.
_TITLE_FORMS = {f for t in _TITLES for f in (t, t.capitalize())}
_PLAIN_TITLES = {t for t in _TITLE_FORMS if not t.endswith(".")}
assert not any(d.startswith(w) for d in _TITLE_FORMS - _PLAIN_TITLES for w in _PLAIN_TITLES)
_NAME_AFTER = re.compile(rf"[ \t]+({_CAP}(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von)[- ])?{_CAP}){{0,3}})")
_CAPS_BEFORE = re.compile(rf"(?:{_CAP}[ \t]+){{1,5}}$")
_BODY_FORMS_SET = {w.capitalize() for w in ORGANISATION_WORDS}
_BODY_FORMS = word_alternation(_BODY_FORMS_SET)
# Title and body words in one scan (each scan of an article costs re a try at every space):
# one trie of both, the word in group 1, then the run of body words after it
# ("Defense Ministry", "Minister Army Command": the run is a body of its own after a title;
# "Gen.Ministry": after a title's full stop, a body may follow with no space, and this scan has
# taken the stop the scan after other characters would start from).
# No word is both, and every plain word ends at "\b": one word at most matches at a place.
assert not _TITLE_FORMS & _BODY_FORMS_SET
assert not any(d.startswith(w) for d in _TITLE_FORMS - _PLAIN_TITLES for w in _BODY_FORMS_SET)
_MENTION_BODY = (
    "("
    + word_alternation(_TITLE_FORMS | _BODY_FORMS_SET, bounded=_PLAIN_TITLES | _BODY_FORMS_SET)
    + rf")(?:(?:[ \t]+|(?<=\.))(?:{_BODY_FORMS})\b)*"
)
# One pattern "(?<!\w)(?:words)" would make re try the lists at every character. Nearly every
# word follows a space, and a pattern that opens with a literal space lets re jump from space to
# space; a second scan takes the words after any other character that is not part of a word
# ("(Defence", "“Gen."), a third the text's start. Tests hold what _word_spans finds to the
# plain patterns' matches.
_MENTION_AFTER_SPACE = re.compile(" " + _MENTION_BODY)
_MENTION_AFTER_OTHER = re.compile("[^A-Za-z0-9 _]" + _MENTION_BODY)
_MENTION_AT_START = re.compile(_MENTION_BODY)
_CHAIN_START = re.compile(r"[ \t]*")


def _word_spans(text: str, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of the titles and of the bodies' runs of words in text[:end], each where it
    stands as a word: in order, none overlapping, a title not after "." (not "U.S.Gen.")."""
    titles: list[tuple[int, int]] = []
    bodies: list[tuple[int, int]] = []
    matches = [(1, m) for m in _MENTION_AFTER_SPACE.finditer(text, 0, end)]
    matches += [(2, m) for m in _MENTION_AFTER_OTHER.finditer(text, 0, end)]
    first = _MENTION_AT_START.match(text, 0, end)
    if first:
        matches.append((0, first))
    for kind, m in matches:
        start = m.start(1)
        word_end = m.end(1)
        before = text[start - 1] if kind == 2 else " "
        # "é" or "٣" before a word is part of it, though outside the ASCII class above.
        inside_word = before.isalnum()
        if text[start:word_end] in _TITLE_FORMS or inside_word:
            if not (inside_word or before == "."):  # "U.S.Gen.": no title
                titles.append((start, word_end))
            if m.end() > word_end:
                # The run of body words after a title, or after a word that is part of another:
                # a body, found where it starts.
                bodies.append((_CHAIN_START.match(text, word_end).end(), m.end()))
        else:
            bodies.append((start, m.end()))
    return in_order(titles), in_order(bodies)


_BODY_TAIL = re.compile(rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,4}}){{1,2}}")
# "Britain-based Syrian Observatory", "US-backed Syrian Democratic Forces": the body's name follows.
_LEADING_MODIFIER = re.compile(r"^[A-Z][\w'’]*-(?:based|backed|led|run|funded|owned|aligned)\s+")


# A title's "name" holding one of these is no person's name ("Minister Defence Council").
_NOT_NAME_WORDS = ORGANISATION_WORDS | _TITLES
_POSSESSIVE_S = re.compile(r"[’']s$")


def _caps_before(text: str, start: int, width: int) -> re.Match[str] | None:
    """_CAPS_BEFORE's match ending at start, searched from width characters before it.

    The search tries the pattern at every capital of the window; most titles and bodies
    follow "the", "said" or a quote mark, and then no capitalised word can end there: the
    word before the spaces holds no capital letter.
    """
    floor = max(0, start - width)
    if start > 0 and text[start - 1] == "\n":
        return _CAPS_BEFORE.search(text, floor, start)  # "$" also matches before a last "\n"
    if start == 0 or text[start - 1] not in " \t":
        return None
    tail = text[floor:start].rstrip(" \t")
    word = tail[max(tail.rfind(" "), tail.rfind("\t")) + 1 :]
    if word.islower():
        return None  # no [A-Z] in the word before the spaces
    return _CAPS_BEFORE.search(text, floor, start)


def mentions(text: str, end: int | None = None) -> tuple[Mention, ...]:
    """People and bodies named in text (those starting before end), in order.

    Run only for articles that need them, and only as far as they need.

    "Prime Minister Benjamin Netanyahu", "Council member Ray Ortiz": a title, then a name.
    "Energy Networks Association", "Ministry of Defence": capitals ending in a body's word.
    """
    found = []
    end = len(text) if end is None else end
    titles, bodies = _word_spans(text, end)
    for title_start, title_end in titles:
        name = _NAME_AFTER.match(text, title_end)
        if name is None or not _NOT_NAME_WORDS.isdisjoint(name.group(1).lower().split()):
            continue
        caps = _caps_before(text, title_start, 60)
        role_start = caps.start() if caps else title_start
        person = _POSSESSIVE_S.sub("", name.group(1))  # "Bashar al-Assad’s government"
        found.append(Mention(name.start(1), person, _clean_role(text[role_start:title_end]), False))
    body_end = 0
    for body_start, body_word_end in bodies:
        if body_start < body_end:
            continue  # "Kurdish People’s Defense Units": one body, not two
        caps = _caps_before(text, body_start, 80)
        tail = _BODY_TAIL.match(text, body_word_end)
        if caps is None and tail is None:
            continue  # "Ministry" alone names no body
        start = caps.start() if caps else body_start
        body_end = tail.end() if tail else body_word_end
        name = _LEADING_MODIFIER.sub("", _strip_determiner(text[start:body_end]))
        found.append(Mention(start, name, None, True))
    return tuple(sorted(found, key=lambda m: m.position))


def resolve(
    speaker: str,
    position: int,
    earlier: list[tuple[int, str, str | None]],
    named: tuple[Mention, ...],
) -> tuple[str, str | None] | None:
    """The nearest earlier named speaker or mention that fits a description or a lone surname.

    earlier holds (position, name, role) of the quotes' speakers already known.
    """
    candidates = [(p, n, r, _looks_like_body(n)) for p, n, r in earlier if p < position and not is_unresolved(n)]
    candidates += [(m.position, m.name, m.role, m.is_body) for m in named if m.position < position]
    candidates.sort(key=lambda c: c[0], reverse=True)
    tokens = speaker.split()
    if len(tokens) == 1:
        # "Ortiz" after "Council member Ray Ortiz".
        for _p, name, role, is_body in candidates:
            if not is_body and len(name.split()) > 1 and name.split()[-1] == speaker:
                return name, role
        return None
    key = _words(speaker) - _DETERMINERS - _VOICE_WORDS
    voice = _person_voice(" ".join(t for t in tokens[1:] if t.lower() in _VOICE_WORDS))
    for _p, name, role, is_body in candidates:
        if key:
            # "The prime minister" -> "Israeli Prime Minister Benjamin Netanyahu"; "the ministry" ->
            # "the Russian Foreign Ministry". Every word of the description must be there.
            if key <= _words(name) | _words(role or ""):
                return _strip_determiner(name), role if role else voice
        elif is_body:
            # "a spokesperson" speaks for the body named last.
            return _strip_determiner(name), voice
    return None


def looks_like_body(name: str) -> bool:
    """'the Senate Judiciary Committee', 'the campaign': a body, not a person."""
    return _looks_like_body(name) or name.lower().split()[-1:] in (["campaign"], ["administration"], ["newspaper"])


def _looks_like_body(name: str) -> bool:
    return bool(_words(name) & ORGANISATION_WORDS)


def _strip_determiner(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if first.lower() in _DETERMINERS and rest[:1].isupper() else name


@lru_cache(maxsize=4096)
def speaker_key(name: str) -> str:
    """One key for 'the Russian Foreign Ministry' and 'Russian Foreign Ministry', 'Bashar Assad' and 'Bashar al-Assad'."""
    folded = fold(name)
    # "Bashar al-Assad" and "Bashar Assad": the particle is spelled or dropped by house style.
    folded = re.sub(r"\b(?:al|el)-", "", folded)
    words = re.findall(r"[\w']+", folded)
    if words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)
