"""Who a quotation is attributed to: the grammar of attribution as reporters write it.

The words around a quote are cut into tokens (a parenthesis such as "(D-Mo.)" is
one) and read with a few rules, not a model:

- a cue verb (reader.cues) has a subject: the noun phrase just before it, over
  adverbs and auxiliaries ("also said", "has repeatedly argued"), with its
  appositives ("Scott Reed, a strategist for the group, said");
- after the quote the order may be inverted ("..., said Rep. Ann Cole (D-Ore.)");
- "according to X", "quoted X as saying", "as X put it", "X: ...", "― X" under a quote;
- a participle ("..., adding, ...") takes the subject of its sentence;
- a passive cue names no speaker unless "by X" says who.

The result is the speaker as written (name, pronoun or description) and a role
when an appositive gives one; speakers.py separates titles and resolves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.clauses import sentence_subject, subject_of
from reader.cues import is_cue, is_participle
from reader.phrases import (
    DETERMINERS,
    PASSIVE_AUX,
    PRONOUNS,
    RELATIVE,
    STOPS,
    Found,
    choose,
    cues_in,
    is_full_stop,
    is_name,
    is_possessive,
    is_proper,
    leads_to_name,
    np_back,
    np_forward,
    skip_adverbs_back,
    subject_before,
    tokenize,
)

__all__ = ["Found", "speaker_after", "speaker_as_puts", "speaker_before", "subject_of"]


_NOT_INVERTED = frozenset(("read", "reads", "thought", "believed", "found"))


def _inverted(tokens: list[str], cue: int) -> Found | None:
    """'..., said Rep. Ann Cole (D-Ore.), the panel's chair, in a statement.'"""
    if tokens[cue] in _NOT_INVERTED:
        return None  # "read a banner": a thing written, not a speaker
    start = cue + 1
    if start < len(tokens) and tokens[start].lower() in PRONOUNS:
        return Found(tokens[start])
    end = np_forward(tokens, start)
    head = tokens[start:end]
    if not head or not (head[0][:1].isupper() or head[0].lower() in DETERMINERS or is_possessive(head[0]) or is_proper(head)):
        return None
    appositives = []
    j = end
    while j < len(tokens) and tokens[j] == "," and len(appositives) < 2:
        k = j + 1
        while k < len(tokens) and tokens[k] not in (",", ";", ":", "."):
            k += 1
        chunk = tokens[j + 1 : k]
        if not chunk or chunk[0].lower() in STOPS - DETERMINERS and chunk[0].lower() not in RELATIVE:
            break
        appositives.append(chunk)
        j = k
    return choose(head, appositives)


_AS_SAYING = re.compile(r"\bquoted\s+(?P<np>[^,;:“”\"]{2,80}?)\s+as\s+(?:saying|telling|writing|adding)\b")
_AS_PUTS = re.compile(r"\b[Aa]s\s+(?P<np>[^,;:“”\"]{2,60}?)\s+(?:puts?|said|says|wrote|writes|noted|notes|observed|argued|told)\s+it\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,;:“”\"]{2,120})")
_CLOSING_WORDS = re.compile(r"[.!?;]\s")
_BY = re.compile(r"\bby\s+(?P<np>[^,;:“”\"]{2,80})")
_DASH_NAME = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<np>[A-Z][^,;:“”\"\n]{1,60}?)\s*(?:[,.]|$)")
_COLON_NP = re.compile(r"(?:^|[.!?]\s+|,\s+)(?P<np>[A-Z][^:;“”\"—–]{1,60}?)\s*(?::|[—–])\s*$")


def _np_of(words: str) -> Found | None:
    tokens = tokenize(words)
    end = np_forward(tokens, 0)
    if end == 0:
        return None
    return choose(tokens[:end], [])



# The commonest attribution of all, read without tokens: a pronoun or a capitalised name of up
# to four words (after an honorific or title), then the commonest verbs, then the sentence goes on.
_QUICK_AFTER = re.compile(
    r"[ ,]*(?P<np>he|she|they|we|I|(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\. )?[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,3})"
    r" (?:said|says|added|asked|told|wrote|explained|continued|noted)(?=[ .,;:!?]|$)"
)


_NOT_QUICK = frozenset("monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr sen rep gov".split())
_QUICK_INVERTED = re.compile(
    r"[ ,]*(?:said|says|added|asked|wrote) (?P<np>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\. )?[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,3})"
    r"(?:\.\s|\.?\s*$)"
)


# speaker_after and speaker_before are pure functions of the words around a quotation, and those
# words recur: a story's versions from several outlets share wire copy, a quotation ending its
# paragraph has none, and one article repeats "said the ministry". Cached, each is read once.
@lru_cache(maxsize=4096)
def speaker_after(after: str, ends_sentence: bool, runs_on: bool = False) -> Found | None:
    """The speaker named after a quote: '," she said', '," said Ana Ruiz, a nurse'.

    ends_sentence: the quotation closed its sentence; runs_on: another quotation follows
    in the paragraph, so words that do not end before it introduce that one instead.
    """
    if not after or after.isspace():
        return None  # the quotation ends its paragraph
    quick = None if ends_sentence and runs_on else _QUICK_AFTER.match(after) or _QUICK_INVERTED.match(after)
    if quick and quick.group("np").split()[0].lower() not in STOPS and quick.group("np").lower() not in _NOT_QUICK:
        return Found(quick.group("np"))  # '," Ana Ruiz said.' and '," he said': most quotes, at once
    dash = _DASH_NAME.match(after)
    if dash:
        return _np_of(dash.group("np"))
    tokens = tokenize(after[:240])
    while tokens and tokens[0] in (",", ";"):
        tokens.pop(0)
    if not tokens:
        return None
    according = _ACCORDING.match(after.lstrip(" ,"))
    if according:
        return _np_of(according.group("np"))
    if (tokens[0].lower() in ("as", "while", "when") or (tokens[0][:1].islower() and not is_cue(tokens[0]) and tokens[0].lower() not in PRONOUNS and tokens[0].lower() not in DETERMINERS)) and "," in tokens[:12]:
        # '," as his father dreamed, Mr. Turry said': past the clause between.
        tokens = tokens[tokens.index(",") + 1 :]
        if not tokens:
            return None
    cues = cues_in(tokens[:20])
    if not cues:
        return None
    cue = cues[0]
    if ends_sentence and (cue > 6 or (runs_on and "." not in tokens)):
        return None  # a new sentence, not an attribution
    if any(is_full_stop(t) for t in tokens[:cue]):
        return None
    if cue == 0:
        if tokens[0].endswith("ing"):
            return None
        return _inverted(tokens, 0)
    if tokens[cue - 1].lower() in PASSIVE_AUX:
        # '" was written by Jo Marr': the agent, or no one.
        by = _BY.search(" ".join(tokens[cue + 1 : cue + 12]))
        return _np_of(by.group("np")) if by and by.start() == 0 else None
    first = tokens[0]
    if not (is_name(first) or first.lower() in DETERMINERS or first.lower() in PRONOUNS or is_possessive(first) or leads_to_name(tokens, 0)):
        return None  # '— declined to give details': the sentence goes on, with no subject here
    found = subject_before(tokens, cue)
    if found is None:
        return None
    # The subject must be all that stands between the quote and its verb.
    return found


_QUICK_BEFORE = re.compile(
    r"(?P<np>he|she|they|we|I|(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\. )?[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,3})"
    r" (?P<cue>said|says|added|asked|wrote|explained|continued|noted|told reporters)(?: that)?[,:]?\s*$"
)


_QUICK_CUES = frozenset("said says added asked wrote explained continued noted reporters".split())


@lru_cache(maxsize=4096)
def speaker_before(before: str, fallback: bool = True) -> Found | None:
    """The speaker named before a quote in its sentence: 'Ana Ruiz said, "' or 'according to X, "'."""
    tail = before[-120:]
    as_puts = _AS_PUTS.search(tail) if " it" in tail else None
    if as_puts and not _CLOSING_WORDS.search(tail, as_puts.end()):
        return _np_of(as_puts.group("np"))  # "the vote is, as Ben Orr puts it, ..."
    has_according = "ccording" in before
    has_quoted = "quoted" in before
    last = before.rstrip(" ,:").rsplit(None, 2)
    if last and last[-1] == "that":
        last.pop()
    quick = _QUICK_BEFORE.search(before, max(0, len(before) - 90)) if last and last[-1] in _QUICK_CUES else None
    if quick and before[max(0, quick.start() - 2) : quick.start()] in ("", ", ", ": ", ". ", "— ") and not has_according:
        if quick.group("np").split()[0].lower() not in STOPS and not has_quoted:
            return Found(quick.group("np"), None, quick.group("cue"))
    quoted = _AS_SAYING.search(before) if has_quoted else None
    if quoted:
        return _np_of(quoted.group("np"))
    according = None
    if has_according:
        for according in _ACCORDING.finditer(before):
            pass
    tokens = tokenize(before[-400:])
    cues = cues_in(tokens)
    if according is not None and (not cues or before.rfind("ccording") > len(before) - len(" ".join(tokens[cues[-1]:])) - 2):
        found = _np_of(according.group("np"))
        if found:
            return found
    if len(tokens) >= 2 and tokens[-1] in (":", "—", "–", "--") and is_name(tokens[-2]):
        # "... doesn't surprise Republican pollster Daron Shaw:" and "Stated Stone:": the name before the colon.
        first = np_back(tokens, len(tokens) - 2)
        if first is not None and is_proper(tokens[first:-1]):
            found = choose(tokens[first:-1], [])
            if found:
                return found
    if not cues:
        colon = _COLON_NP.search(before)
        if colon:
            found = _np_of(colon.group("np"))
            if found and len(colon.group("np").split()) <= 6:
                return found
        return sentence_subject(tokens) if fallback else None
    for cue in reversed(cues):
        token = tokens[cue]
        aux = tokens[cue - 1].lower() if cue else ""
        if aux in PASSIVE_AUX and not token.endswith("ing"):
            if token == "quoted" and cue + 2 < len(tokens) and tokens[cue + 1] == "as":
                found = subject_before(tokens, cue - 1)
                if found:
                    return found
            by = _BY.search(" ".join(tokens[cue + 1 :]))
            return _np_of(by.group("np")) if by else None
        if is_participle(token):
            # "Hillary Clinton asking, ..." or "..., the group said, adding ...".
            i = skip_adverbs_back(tokens, cue - 1)
            if i >= 0 and tokens[i] == "," and fallback:
                found = sentence_subject(tokens)  # "X went after Bush, calling him ...": the clause's subject
                if found:
                    return found
            if i >= 0 and is_name(tokens[i]) and tokens[i] not in (",",):
                first = np_back(tokens, i)
                if first is not None:
                    return choose(tokens[first : i + 1], [])
            if i >= 1 and tokens[i].lower() in _WRITTEN:
                # "held up a sign saying", "a headline reading": the thing written speaks.
                first = np_back(tokens, i)
                if first is not None and (tokens[first].lower() in DETERMINERS or is_possessive(tokens[first])):
                    return choose(tokens[first : i + 1], [])
            continue
        if cue >= 1 and tokens[cue - 1].lower() in ("who", "that", "which") and cue + 1 < len(tokens) and tokens[cue + 1] not in (",", ":", "that"):
            continue  # "anybody who complains about a microphone “is not ...”": not this cue's words
        found = subject_before(tokens, cue)
        if found:
            if found.speaker.lower() in ("he", "she", "they"):
                # "X told reporters that he had spoken to ...": the pronoun is X, named by an outer cue.
                outer = next((o for o in (subject_before(tokens, c) for c in cues if c < cue) if o and is_proper(o.speaker.split())), None)
                if outer:
                    return Found(outer.speaker, outer.role, token)
            return Found(found.speaker, found.role, token)
    # A participle alone, or a verb of no list ("Reid has gone after Trump as a ..."): the
    # subject that opens the sentence.
    return sentence_subject(tokens) if fallback else None


# Things issued in someone's name: "sent a statement saying" quotes the sender.
# Things that carry words of their own: "held up a sign saying", "a hat reading".
_WRITTEN = frozenset(
    """sign signs banner banners headline headlines poster posters placard placards shirt shirts t-shirt
    t-shirts hat hats cap caps ad ads advertisement billboard billboards caption slogan sticker stickers
    button buttons card cards mug plaque graffiti message messages""".split()
)
_ISSUED = frozenset("statement statements release email emails tweet tweets post message memo letter note video".split())

def speaker_as_puts(text: str) -> Found | None:
    """'as X put it' / 'as X says' near a quote."""
    match = _AS_PUTS.search(text)
    return _np_of(match.group("np")) if match else None
