"""What a figure counts or measures: "300 rebels killed", "the talks" for "lasted six hours".

A count names its noun and what happened to it; a duration the event it measures
("detained for three days": detained); money what it pays or costs; a measure what it
measures ("the 3-inch thickness"). Where a figure's text writes its unit as a symbol or
an abbreviation ("15%", "70 mph", "40 deg c"), the unit's name follows in brackets:
"winds (mile per hour)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.figure_events import _EVENTS, _event
from reader.units import UNITS

_QUALIFIERS = (
    "approximately", "about", "around", "nearly", "almost", "roughly", "some", "over", "more than", "less than",
    "fewer than", "at least", "at most", "up to", "an estimated", "as many as", "just over", "just under",
    "close to", "upwards of", "under", "below", "above", "circa", "estimated",
)  # fmt: skip
_QUALIFIER = "(?:" + "|".join(_QUALIFIERS) + ")"


_STOP = frozenset(
    """the a an its their his her our of and or but to in on at by for with from as than
    were was are is be been being have has had will would could should may might that which who
    who's whose while when where this these those it they he she we you there here not
    no also into over under about after before during since until per each between against
    among across within without amid near back ago later earlier""".split()
)
_NOUN_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(slots=True)
class Found:
    start: int
    end: int
    value: float | int | str | None
    kind: str
    unit: str | None = None  # as written: "mph", "$", "%"
    unit_name: str | None = None  # normalised: "mile per hour", "US dollar", "percent"
    low: float | int | None = None
    high: float | int | None = None


_NOUN_LEAD = re.compile(r"^\s+(?:(?:a|an|per)\s+(?=[a-z])|(?:of\s+)?(?:(?:its|their|the|his|her|our|those|these)\s+)?(?:\d[\d,.]*\s+)?)")


_ENDS_NOUN = _STOP | frozenset(_EVENTS)  # a word of either ends a noun phrase
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _noun_after(text: str, end: int, limit: int) -> str | None:
    """'300 rebels', 'dozens of its soldiers', 'Two rebel sources' -> the counted noun phrase."""
    following = text[end : min(limit, end + 60)]
    if following[:1].isspace():
        # "dozens of its soldiers", "45 of the 73 drones", "$74.20 a barrel": the lead is skipped
        # (it always matches after a space; split() below ignores the space it leaves).
        following = following[_NOUN_LEAD.match(following).end() :]
    words: list[str] = []
    for token in following.split(maxsplit=4)[:4]:
        word = token.strip(",.;:!?)”\"’")
        lower = word.lower()
        # _NOUN_TOKEN.fullmatch(word), without re for the plain words most are
        if lower in _ENDS_NOUN or word[:1] not in _ASCII_LETTERS or not (word.isalnum() or _NOUN_TOKEN.fullmatch(word)):
            break
        # A verb after the noun ends the phrase: "One strike caused", "two airstrikes targeting".
        if words and lower.endswith(("ed", "ing")) and word[0].islower():
            break
        words.append(word)
        if word != token:
            break  # punctuation ends the phrase
    while words and words[-1].lower().endswith("ly"):
        words.pop()
    return " ".join(words[:3]) or None


# Where the words before a number stop belonging to it: "after a renovation that took two years and cost".
_CLAUSE_START = re.compile(r"^.*(?:[,;:—–(]|\b(?:and|but|that|which|who|while|when|after|because)\b)", re.S | re.I)
_BEFORE_STOP = frozenset("up down below above around by back just only even still".split())


def _words_before(before: str, most: int = 2) -> str | None:
    """No noun after the number: the words that lead to it. 'Shares rose 4.5 percent', 'cost $4.2 million'."""
    clause = _CLAUSE_START.sub("", before)
    words = [w for w in _NOUN_TOKEN.findall(clause) if w.lower() not in _STOP and w.lower() not in _BEFORE_STOP]
    return " ".join(words[-most:]) or None


# "a de-escalation agreement in 2020", not "frozen since 2020" or "a war which began in 2011":
# a year names an event only after one of the nouns news uses for agreed or dated events.
_YEAR_OF = re.compile(
    r"(?:\b(?!the\b|a\b|an\b|its\b|their\b)([a-z][\w-]*)\s+)?"
    r"\b(agreement|deal|accord|treaty|ceasefire|truce|election|vote|referendum|offensive|summit|census)\s+in\s*$"
)
_YEAR_NOUNS = ("agreement", "deal", "accord", "treaty", "ceasefire", "truce", "election", "vote", "referendum", "offensive", "summit", "census")
_AGE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")


_QUALIFIER_AT_END = re.compile(rf"\s*(?:\b{_QUALIFIER}|~|≈|c\.)\s*$", re.I)


# re tries each branch of a case-blind alternation in full; a case-sensitive one it skips by
# its first letter. A case-blind pattern whose letters are all lower case matches a text as
# its case-sensitive twin matches the lower-cased text, at the same offsets, unless the text
# holds one of the three characters re folds onto a-z that lower() does not ("İ" also changes
# the text's length): then the case-blind pattern is searched as written.
_FOLD_TRAPS = ("İ", "ı", "ſ")


def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert not re.search(r"(?<!\\)[A-Z]", pattern.pattern), pattern.pattern  # its letters in lower case
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _search_folded(pattern: re.Pattern[str], twin: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """pattern.search(text, pos) for a case-blind pattern, through its case-sensitive twin when it can
    (the match is then one of the lower-cased text: same offsets, its groups in lower case)."""
    for trap in _FOLD_TRAPS:
        if trap in text:
            return pattern.search(text, pos)
    return twin.search(text.lower(), pos)


_QUALIFIER_AT_END_LOWER = _lower_twin(_QUALIFIER_AT_END)
_QUALIFIER_ENDINGS = frozenset(q.split()[-1] for q in _QUALIFIERS) | {"~", "≈", "c."}  # "than", "least", "as", ...
# Searched for only where before ends so: the pattern would be tried at each of its positions.
_AND_AT_END = re.compile(r"\band\s*$")
_INCLUDING_AT_END = re.compile(r"\bincluding\s*$")
_COMMA_NEXT = re.compile(r"\s*,")
# What a number counts is said within a few words of it. Looking no further keeps a
# figure's cost the same in a 300-character sentence and in a 1 MB paragraph with no full stop.
_LOOK_BACK, _LOOK_AHEAD = 100, 120


def qualifier_before(before: str) -> re.Match[str] | None:
    """'killed approximately 300', 'more than $5bn', '~10': the qualifier ending before, if any."""
    last = before[-16:].rsplit(None, 1)  # empty when the tail is all space
    if not last:
        return None
    word = last[-1].lower()
    if word not in _QUALIFIER_ENDINGS and not word.endswith(("~", "≈")):
        return None
    return _search_folded(_QUALIFIER_AT_END, _QUALIFIER_AT_END_LOWER, before, max(0, len(before) - 30))


def counts_of(text: str, item: Found, sentence: tuple[int, int], previous_noun: tuple[int, str] | None) -> tuple[str | None, str | None]:
    """What the figure counts, and the qualifier before it ("about", "more than"), if any."""
    if item.kind == "date":
        return None, None
    s_start, s_end = sentence
    start = s_start
    if item.start - s_start > _LOOK_BACK:
        start = item.start - _LOOK_BACK
        space = text.find(" ", start, item.start)  # from a word's start, never from its middle
        start = item.start if space == -1 else space + 1
    before = text[start : item.start]
    # "killed approximately 300": the qualifier is in the last 30 characters if anywhere.
    qualifier = qualifier_before(before)
    said = None
    if qualifier:
        said = " ".join(qualifier.group(0).split()).lower()
        before = before[: qualifier.start()].rstrip() + " "
    counts = _counts(text, item, before, s_start, s_end, previous_noun)
    return _with_unit(counts, item, text), said


def _with_unit(counts: str | None, item: Found, text: str) -> str | None:
    """'15%' counts 'turnout (percent)': the unit's name where the figure's text abbreviates it."""
    if not item.unit_name:
        return counts
    written = f"{text[item.start : item.end]} {counts or ''}".lower()
    if all(word[:5].lower() in written for word in item.unit_name.split() if word not in ("per", "of")):
        return counts
    return f"{counts} ({item.unit_name})" if counts else item.unit_name


def _counts(text: str, item: Found, before: str, s_start: int, s_end: int, previous_noun: tuple[int, str] | None) -> str | None:
    after = text[item.end : min(s_end, item.end + _LOOK_AHEAD)]
    if item.kind == "duration":
        if len(before) > 80:
            before = before[before.find(" ", len(before) - 80) + 1 :]  # from a word's start
        return duration_event(text, item, before, after[:80], s_end)
    if item.unit_name and item.unit_name.endswith(" of age"):
        return "age"
    noun = _noun_after(text, item.end, s_end)
    if item.kind == "year":
        if noun and noun[0].islower():
            return noun  # "a 2020 de-escalation agreement"
        # "reached a de-escalation agreement in 2020"
        # The noun must stand right before "in": checked before the pattern is searched for.
        stripped = before.rstrip()
        named = _YEAR_OF.search(before) if stripped.endswith(" in") and stripped[:-3].rstrip().endswith(_YEAR_NOUNS) else None
        return " ".join(w for w in named.groups() if w) if named else None
    if item.kind == "percent":
        return noun or _words_before(before)
    if item.kind == "measure":
        return noun or _words_before(before, 3)
    if item.kind == "money" and noun is None:
        # "will invest $40m to retrofit a manufacturing plant", "paid £2m for the site"
        purpose = _PURPOSE.match(after)
        if purpose:
            words = [w for w in _NOUN_TOKEN.findall(purpose.group(1)) if w.lower() not in _STOP][:3]
            if words:
                return " ".join(words)
    if item.kind == "count" and before.rstrip().endswith(",") and _AGE.search(before) and _COMMA_NEXT.match(after):
        return "age"  # "Grace Mensah, 54, a market trader"
    if item.kind == "ordinal":
        return _noun_after(text, item.end + 1, s_end) if text[item.end : item.end + 1] == "-" else noun
    same_sentence = previous_noun is not None and previous_noun[0] == s_start
    # "killing four civilians and wounding six others", "four were killed and six injured":
    # the second number counts the same noun as the first.
    if same_sentence and (noun in ("others", "more") or (noun is None and before.rstrip().endswith("and") and _AND_AT_END.search(before))):
        noun = previous_noun[1]
    event = _event(before, after)
    if noun is None:
        return event or _words_before(before)
    if event is None and previous_noun and previous_noun[0] == s_start and before.rstrip().endswith("including") and _INCLUDING_AT_END.search(before):
        # "301 people have been killed ..., including 28 civilians": the same event.
        earlier = [w for w in re.findall(r"[A-Za-z]+", text[s_start : item.start]) if w.lower() in _EVENTS]
        event = _EVENTS[earlier[-1].lower()] if earlier else None
    return f"{noun} {event}" if event else noun


# What money pays for: "to retrofit a manufacturing plant", "for the site", "in a new production line".
_PURPOSE = re.compile(r"^\s+(?:to|for|on|towards|in)\s+([^,.;:!?()]{3,60})", re.I)


# -- Durations: the event they measure ---------------------------------------------------------

# "the talks lasted six hours": the subject of the verb is what lasted.
_LASTED = re.compile(
    r"\b(?:lasted|lasting|lasts|(?:will|would|could|can|may|might|should|to|did|and)\s+(?:last|take)|took|taken|taking|takes|"
    r"spanned|spanning|ran)\s+(?:for\s+)?$",
    re.I,
)
# "in the next 72 hours", "within", "for", "over the past": how the clause leads to the duration.
_TIME_LEAD = re.compile(
    r"(?:\s+(?:for|in|within|after|over|during|since|than|by|of|the|next|past|last|first|coming|nearly|almost|about|some|around|"
    r"more|less|least|at|up|to|just|only|another|further|a|an|least|roughly|approximately|barely|than)\b)+\s*$",
    re.I,
)
_LASTED_LOWER, _TIME_LEAD_LOWER = _lower_twin(_LASTED), _lower_twin(_TIME_LEAD)
_LASTED_STEMS = ("last", "tak", "took", "span", "ran")  # of each verb _LASTED names
_TIME_LEAD_WORDS = frozenset(
    "for in within after over during since than by of the next past last first coming nearly almost about some around "
    "more less least at up to just only another further a an roughly approximately barely".split()
)
# "to Damascus", "from it", "near the exposition": where, not what.
_TRAILING_PLACE = re.compile(
    r"(?:\s+(?:to|from|in|at|on|into|with|near|across|around|outside|inside|toward|towards)\s+"
    r"(?:(?:the|a|an|its|their|his|her|our)\s+[\w'’-]+|it|him|her|them|us|me|[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)*)+\s*$"
)
_PLACE_WORDS = frozenset("to from in at on into with near across around outside inside toward towards".split())
# "three years in prison", "six months in custody": where the time was spent names it.
_SPENT_IN = re.compile(
    r"^\s+(?:in|under|behind|on)\s+(prison|jail|custody|detention|office|power|exile|captivity|hospital|hiding|orbit|space|court|"
    r"Congress|Parliament|the Senate|the House|the job|the post|the role|house arrest|bars|death row|strike)\b",
    re.I,
)
_SINCE_AFTER = re.compile(r"^\s+(?:after|since|before|into|until)\s+", re.I)
_OF_AFTER = re.compile(r"^\s+(?:of|after)\s+")
_TO_VERB = re.compile(r"^\s+to\s+([a-z]{3,})\b")
_DURATION_SKIP = frozenset(
    """would could should will shall may might must can cannot start started starting begin began begins continue continued
    expected is are was were be been being has have had do does did just now only my your our us me i you it this that
    there then still so very not also some least more most than""".split()
) | _STOP - {"first"}
# Where a clause opens: after punctuation or one of these words. Found with rfind, from the end:
# a pattern "^.*(?:...)" tried the words at every position of the text, back from its end.
_CLAUSE_PUNCTUATION = ",;:—–(“”\""
_CLAUSE_WORDS = tuple(f" {w} " for w in "and but that which who while when because as if with".split())
_RELATIVE_WORDS = frozenset({" that ", " which ", " who "})


def _clause_start(before: str) -> tuple[int, int | None]:
    """Where the last clause of before begins, and where its relative pronoun stands if it opens with one."""
    cut = max(map(before.rfind, _CLAUSE_PUNCTUATION)) + 1
    padded = f" {before.lower()} "
    begin, relative = cut, None
    for word in _CLAUSE_WORDS:
        at = padded.rfind(word, cut)
        if at >= 0 and at + len(word) - 1 > begin:
            begin, relative = at + len(word) - 1, (at if word in _RELATIVE_WORDS else None)
    return begin, relative


_CONTRACTION = re.compile(r"['’](?:ve|re|ll|d|m)$", re.I)


def _content(words: str, skip: frozenset[str] = _DURATION_SKIP) -> list[str]:
    """The telling words: no auxiliaries, contractions or units ("kph", "mph")."""
    kept = []
    for word in _NOUN_TOKEN.findall(words):
        lower = word.lower()
        if lower not in skip and lower not in UNITS and not (("'" in word or "’" in word) and _CONTRACTION.search(word)):
            kept.append(word)
    return kept


_FOLLOWING_LEAD = re.compile(r"^\s*(?:ago|later|earlier|after|since|before|of|into)\b", re.I)
_PUNCTUATION = re.compile(r"[,;:.!?(]")


def _strip_end(pattern: re.Pattern[str], text: str, reach: int = 40, twin: re.Pattern[str] | None = None) -> str:
    """text without what pattern, anchored at the end, matches in its last reach characters.
    Searching only there keeps a pattern that ends in $ from being tried at every position.
    twin: a case-blind pattern's case-sensitive twin (see _search_folded)."""
    pos = max(0, len(text) - reach)
    match = pattern.search(text, pos) if twin is None else _search_folded(pattern, twin, text, pos)
    return text[: match.start()] if match else text



def _without_trailing_places(clause: str) -> str:
    """Up to three places or times off the clause's end ("in Aleppo on Saturday"), never all of it."""
    for _ in range(3):
        if _PLACE_WORDS.isdisjoint(clause[-40:].split()):
            break  # the pattern opens with one of these words standing alone in the clause's last 40 characters
        stripped = _strip_end(_TRAILING_PLACE, clause)
        if stripped == clause or not _content(stripped):
            break
        clause = stripped
    return clause

def duration_event(text: str, item: Found, before: str, after: str, s_end: int) -> str | None:
    """What a duration measures: 'two months of intense fighting' -> intense fighting,
    'the talks lasted six hours' -> talks, 'detained for three days' -> detained,
    'reinforcements expected in the next 72 hours' -> reinforcements expected."""
    # "two months of intense fighting", "a six-hour meeting", "after three days of talks"
    lead = _OF_AFTER.match(after)
    if lead:
        words = []
        for token in after[lead.end() :].split(maxsplit=3)[:3]:
            word = token.strip(",.;:!?)”\"’")
            if not _NOUN_TOKEN.fullmatch(word) or word.lower() in _STOP:
                break
            words.append(word)
            if word != token:
                break
        if words:
            return " ".join(words)
    if "-" in text[item.start : item.end]:
        noun = _noun_after(text, item.end, s_end)
        if noun:
            return noun
    spent = _SPENT_IN.match(after)
    if spent:
        return spent.group(1)
    # The verb stands just before: "lasted six hours". Looked for only where the end of before holds
    # one of the verbs' stems (casefold() folds "ſ" and "K" as re's IGNORECASE does; no stem has an "i").
    tail = before[-30:].casefold()
    lasted = None
    for stem in _LASTED_STEMS:
        if stem in tail:
            lasted = _search_folded(_LASTED, _LASTED_LOWER, before, max(0, len(before) - 30))
            break
    purpose = _TO_VERB.match(after) if lasted else None
    if purpose:
        return purpose.group(1)  # "take nine years to build"
    if lasted:
        head = before[: lasted.start()]
        subject = _content(head[_clause_start(head)[0] :])
        if not subject:
            # "The tentative deal, announced Friday, would last four years": the sentence's subject
            subject = _content(before.split(",")[0])
        if subject:
            return " ".join(subject[-2:])
    since = _SINCE_AFTER.match(after)
    if since:
        # "six years after she was released from house arrest", "nine months into her tenure"
        words = [w for w in _content(_PUNCTUATION.split(after[since.end() :], maxsplit=1)[0]) if not w.endswith("ly")]
        if words:
            return " ".join(words[:3])
    begin, relative = _clause_start(before)
    clause = before[begin:]
    last = clause.rsplit(None, 1)[-1:]
    if last and last[0].lower() in _TIME_LEAD_WORDS:
        clause = _strip_end(_TIME_LEAD, " " + clause, twin=_TIME_LEAD_LOWER)
    clause = _without_trailing_places(clause)
    words = _content(clause)
    if relative is not None and len(words) <= 1:
        # "aid that would start arriving in the next 72 hours": the aid, arriving
        head = before[:relative]
        antecedent = _content(head[_clause_start(head)[0] :])
        words = antecedent[-2:] + words[-1:]
    if words:
        return " ".join(words[-2:])
    if begin and before[:begin].rstrip().endswith(","):
        # "The monsoon reached Kerala on Thursday, three days ahead of its normal date"
        previous = before[:begin].rstrip().rstrip(",")
        previous = " " + previous[_clause_start(previous)[0] :]
        previous = _without_trailing_places(previous)
        words = _content(previous)
        if words:
            return " ".join(words[-3:])
    # "Two years after the war began": the duration opens its clause, the event follows.
    following = _FOLLOWING_LEAD.sub("", after.split(",", 1)[0], count=1)
    words = _content(following)
    return " ".join(words[:3]) or None
