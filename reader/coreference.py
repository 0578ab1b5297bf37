"""Who "he", "she", "it" and a lone surname stand for: the nearest earlier name that fits.

A pronoun takes the nearest earlier quotation's speaker or sentence's subject (or,
failing both, a person or body a sentence names in passing) within two paragraphs,
of the pronoun's kind: "he" and "she" a person of that gender where the article's
honorifics or a common given name tell it, "it" a body. "Mr. Lindqvist" takes the
full name of the nearest earlier mention that ends in it. Nothing near that fits,
and the words stay as written.
"""

from __future__ import annotations

import re
from typing import Protocol

from reader.names import first_name_gender
from reader.speakers import PRONOUNS, Mention, is_person_name, is_unresolved, looks_like_body, split_speaker


class _Article(Protocol):
    text: str
    paragraphs: list[tuple[int, int]]

    def paragraph_of(self, position: int) -> int: ...
    def sentences_of(self, index: int) -> list[tuple[int, int]]: ...
    def subject(self, start: int, end: int) -> tuple[str, str | None] | None: ...
    def named_before(self, position: int) -> tuple[Mention, ...]: ...


class Genders(dict):
    """Surnames' genders as the article's honorifics give them ("Mr. Ortiz", "Ms. Ruiz"), looked up
    as asked: a plain substring search, not a scan of the article for every honorific."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, surname: str) -> str | None:
        # What stands before each place the surname stands: one pass over the text, not one
        # for each honorific ("Mr. Ortiz" in text is "Mr. " before some "Ortiz").
        text = self.text
        befores = []
        at = text.find(surname)
        while at >= 0:
            befores.append(text[max(0, at - 5) : at])
            at = text.find(surname, at + 1)
        if any(b.endswith(_MALE) for b in befores):
            found = "m"
        elif any(b.endswith(_FEMALE) for b in befores):
            found = "f"
        else:
            found = None
        self[surname] = found
        return found


_MALE = ("Mr. ", "Mr ")
_FEMALE = ("Mrs. ", "Ms. ", "Ms ", "Mrs ", "Miss ")


def _gender(name: str, genders: dict[str, str | None]) -> str | None:
    words = name.split()
    if not words:
        return None
    return genders[words[-1]] or first_name_gender(words[0])


_PLACE_WORDS = frozenset(
    """street avenue road city county state states hill square university college center centre island river
    valley coast bay park hall church school hospital airport station times post journal news press magazine
    tribune herald street media""".split()
)


def _compatible(pronoun: str, name: str, role: str | None, genders: dict[str, str]) -> bool:
    pronoun = pronoun.lower()
    if pronoun in ("it", "they"):
        return looks_like_body(name) or pronoun == "they"
    if looks_like_body(name) or is_unresolved(name) or name.lower() in PRONOUNS:
        return False
    if not name[:1].isupper() or name.isupper() or len(name.split()) > 4:
        return False  # "CONGRESS", a headline's words: no person
    if name.split()[-1].lower() in _PLACE_WORDS:
        return False  # "Wall Street", "The Times"
    gender = _gender(name, genders)
    return gender is None or gender == ("f" if pronoun == "she" else "m")


def resolve_pronoun(
    ctx: _Article,
    position: int,
    pronoun: str,
    earlier: list[tuple[int, str, str | None]],
    genders: dict[str, str | None],
) -> tuple[str, str | None] | None:
    """The nearest earlier person (he, she) or body (it, they) that fits, within two paragraphs:
    a quotation's speaker, a sentence's subject, or else a person or body the sentence names
    ("Ms. Vera Lusk met Mr. Aldo Pinter."), whichever stands nearer."""
    index = ctx.paragraph_of(position)
    floor = ctx.paragraphs[max(0, index - 2)][0]
    # The nearest earlier speaker that fits (earlier is in text order; each name tried once).
    nearest = None
    tried: set[str] = set()
    for candidate in reversed(earlier):
        if candidate[0] >= position:
            continue
        if candidate[0] < floor:
            break
        if candidate[1] not in tried:
            tried.add(candidate[1])
            if _fits(pronoun, candidate[1], genders):
                nearest = candidate
                break
    for p in range(index, max(-1, index - 3), -1):
        for s_start, s_end in reversed(ctx.sentences_of(p)):
            if s_start >= position:
                continue
            if nearest and nearest[0] >= s_start:
                return nearest[1], nearest[2]
            subject = ctx.subject(s_start, s_end)
            if subject and _fits(pronoun, subject[0], genders):
                return subject
    if nearest:
        return nearest[1], nearest[2]
    # No quotation's speaker or sentence's subject fits: a person or body named in passing.
    for mention in reversed(ctx.named_before(position)):
        if mention.position >= position:
            continue
        if mention.position < floor:
            break
        if _fits(pronoun, mention.name, genders) and (mention.is_body or pronoun.lower() in ("he", "she")):
            return mention.name, mention.role
    return None


def _fits(pronoun: str, name: str, genders: dict[str, str]) -> bool:
    return _compatible(pronoun, name, None, genders) and (
        pronoun.lower() not in ("he", "she") or is_person_name(name) or " " not in name
    )


_SENTENCE_STOP = re.compile(r"(?<=[a-z]{2})\.\s+")
_NAME_RUN_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,6}$")


def full_name(text: str, surname: str, position: int) -> tuple[str, str | None] | None:
    """'Lindqvist' -> 'Rupert Lindqvist', from the nearest earlier mention with a given name
    ("The operator's chief executive, Rupert Lindqvist, ..."); its title, if any, is the role."""
    at = text.rfind(surname, 0, position)
    while at > 0:
        end = at + len(surname)
        if not text[end : end + 1].isalnum() and not text[at - 1 : at].isalnum():
            run = _NAME_RUN_BEFORE.search(text, max(0, at - 80), at)
            if run:
                # "George H.W. Bush. Mr. Burman": the run starts after the last sentence's end.
                words = _SENTENCE_STOP.split(text[run.start() : end])[-1]
                name, role = split_speaker(words)
                if " " in name and name.endswith(surname):
                    return name, role
        at = text.rfind(surname, 0, at)
    return None
