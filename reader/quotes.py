"""Direct quotations and who said them.

A quote is text between double quote marks, straight or curly. Offsets point
inside the marks: `text[start:end] == quote.text`. A quote that runs over
several paragraphs (an opening mark, no closing mark, the next paragraph
reopening) is one quote. An opening mark never closed within its paragraph,
and not continued, is dropped rather than allowed to swallow the article.

The speaker comes from the sentence around the quote, never from a guess: a
quote with no attribution has speaker None.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.sentences import sentence_spans
from reader.speakers import PRONOUNS, is_description, is_person_name, mentions, resolve, split_speaker

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_role: str | None = None
    resolved: bool = False  # the speaker came from an earlier sentence


# -- Speech verbs: the words that attribute a quotation. ------------------------
_SAY_WORDS = (
    "said|says|say|stated|states|told|tells|added|adds|warned|warns|acknowledged|acknowledges"
    "|confirmed|confirms|reported|reports|claimed|claims|noted|notes|explained|explains"
    "|declared|declares|announced|announces|insisted|insists|argued|argues|wrote|writes"
    "|tweeted|posted|asked|asks|replied|replies|continued|urged|urges|alleged|alleges"
    "|recalled|recalls|conceded|admitted|admits|stressed|emphasi[sz]ed|cautioned|vowed"
    "|promised|pledged|predicted|suggested|described|called|accused|denied|agreed|estimates|estimated"
)
_PARTICIPLES = "saying|stating|adding|calling|warning|noting|telling|describing|declaring|insisting|arguing|acknowledging|claiming"
_SAY = rf"(?:{_SAY_WORDS})"

# A noun phrase naming a speaker: no quote marks, no sentence punctuation.
_NP = r"[^,.;:!?“”\"()]{1,90}?"

# After the quote, verb first: '..., ” said Ali Jumaa, a rebel fighter, in televised remarks.'
_AFTER_INVERTED = re.compile(
    rf"^\s*,?\s*(?:{_SAY})\s+(?P<np>{_NP})(?:,\s*(?!which\b|who\b|that\b|where\b|when\b|whose\b)(?P<role>(?:an?|the)\s[^,.;“”\"]{{2,80}}|[a-z][^,.;“”\"]{{2,80}}?))?(?=\s*[,.;]|\s+(?:in|on|at|during|after|from|to|via)\b|$)"
)
# After the quote, speaker first: '..., ” the ministry said.' / '” he said, recalling...'
_AFTER_NORMAL = re.compile(rf"^\s*,?\s*(?P<np>{_NP})\s+(?:also\s+|later\s+|then\s+)?(?:{_SAY})\b")
# "according to X", "a statement from X" anywhere in the attribution.
_ACCORDING = re.compile(
    r"\baccording to (?:a statement (?:from|by) |remarks by |comments by )?(?P<np>[^,.;“”\"]{2,90}?)(?=\s*[,.;]|$|\s+(?:about|on|in|at|after|during)\b)",
    re.I,
)
_STATEMENT_FROM = re.compile(
    r"\ba (?:statement|post|communiqué|press release) (?:from|by) (?P<np>[^,.;“”\"]{2,90}?)(?=\s*[,.;]|$|\s+(?:about|on|in|at|after|during|said)\b)",
    re.I,
)
# Before the quote: 'NSC spokesperson Sean Savett stated, “...' or 'X said that Y was “...'
# Lower case only: "the United States" holds no verb.
_ACRONYM_MARK = re.compile(r"\(([A-Z]{2,6})\)")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,5}[A-Z][\w'’-]*)\s*$")


def _acronyms(text: str) -> dict[str, str]:
    """'India Meteorological Department (IMD)' -> {'IMD': 'India Meteorological Department'}.

    The "(IMD)" is found first and the name looked for just before it: a scan for
    capitalised runs over the whole article would cost more than the rest of attribution.
    """
    found = {}
    for mark in _ACRONYM_MARK.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, mark.start() - 80), mark.start())
        if name:
            found[mark.group(1)] = name.group(1)
    return found
_COLON_OR_DASH = re.compile(r"^(?P<np>[A-Z][^:;“”\"—–]{1,60}?)\s*(?::|\s[—–-])$")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+$")


def _is_passive(text: str, verb_start: int) -> bool:
    """'was called': the auxiliary stands just before the verb (looked for there only)."""
    return _PASSIVE.search(text, max(0, verb_start - 16), verb_start) is not None


_BEFORE_VERB = re.compile(rf"\b(?:{_SAY})\b|\b(?:{_PARTICIPLES})\b")

# Openings that are not the subject: "Meanwhile,", "In response to the advance,".
_LEAD_IN = re.compile(
    r"^(?:(?:meanwhile|however|separately|later|earlier|moreover|still|instead|concurrently"
    r"|also|then|but|and|yet|so|in turn|in addition|on (?:\w+day|the other hand)|overnight)\b,?\s+"
    r"|(?:in|on|at|after|before|during|following|amid|despite|with|as|while|when|since|acknowledging)\b[^,]{0,80},\s+)+",
    re.I,
)
# Where a subject noun phrase stops: its finite verb or a relative clause.
_SUBJECT_END = re.compile(
    rf"\s+(?:also\s+|later\s+|earlier\s+|previously\s+|separately\s+|\w+ly\s+)?(?:{_SAY}|is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do|[a-z]+ed)\b|,",
)
# Words that end a name inside a longer phrase: "the Russian Foreign Ministry about the call".
_NP_STOP = re.compile(
    r"\s+(?:about|on|in|at|over|during|after|before|with|from|to|via|into|through|while|who|which|that|when|as|because|earlier|later|this|last|on)\b.*$"
)



@dataclass(frozen=True, slots=True)
class _Mark:
    position: int
    opening: bool


def _marks(text: str, start: int, end: int, positions: list[int]) -> list[_Mark]:
    """The quote marks of one paragraph (at positions), each read as opening or closing."""
    marks: list[_Mark] = []
    is_open = False
    for position in positions:
        char = text[position]
        if char == OPENING:
            opening = True
        elif char == CLOSING:
            opening = False
        else:
            before = text[position - 1] if position > start else " "
            after = text[position + 1] if position + 1 < end else " "
            if before.isspace() or before in "([{—–-/":
                opening = not after.isspace()
            elif after.isspace() or after in ".,;:!?)]}—–-":
                opening = False
            else:
                opening = not is_open
        marks.append(_Mark(position, opening))
        is_open = opening
    return marks


def _spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index of the closing mark) of each quotation."""
    found: list[tuple[int, int, int]] = []
    open_at: int | None = None
    # Every mark of the article, found with str.find (faster than re for three characters);
    # each paragraph takes its own.
    positions = []
    for mark in (OPENING, CLOSING, STRAIGHT):
        at = text.find(mark)
        while at != -1:
            positions.append(at)
            at = text.find(mark, at + 1)
    positions.sort()
    first = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        first = bisect_left(positions, p_start, first)
        last = bisect_left(positions, p_end, first)
        marks = _marks(text, p_start, p_end, positions[first:last]) if last > first else []
        continuing = open_at is not None
        if continuing and not (marks and marks[0].opening and marks[0].position == p_start):
            open_at = None  # the previous paragraph's quote was never closed: drop it
            continuing = False
        for number, mark in enumerate(marks):
            if continuing and number == 0:
                continue  # the mark that reopens a quote running on from the paragraph before
            if mark.opening:
                open_at = mark.position + 1  # an earlier unclosed mark is dropped
            elif open_at is not None:
                if mark.position > open_at:
                    found.append((open_at, mark.position, index))
                open_at = None
        # A quote left open continues only if the next paragraph reopens it.
        if open_at is not None:
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is None or text[following : following + 1] not in (OPENING, STRAIGHT):
                open_at = None
    return found


# British style and quotes inside headlines: ‘We will’ or 'We will'. An apostrophe
# (don't, union's, rebels') never opens or closes one: the marks must stand at word edges.
_SINGLE_QUOTED = re.compile(
    r"‘(?P<curly>(?:[^‘’\n]|’(?=\w))+?)’(?!\w)"
    r"|(?<![\w'’])'(?=[A-Za-z0-9])(?P<straight>(?:[^'\n]|'(?=\w))+?)(?<=[\w.,!?;:…])'(?!\w)"
)


def _single_spans(text: str, paragraphs: list[tuple[int, int]], taken: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Single-quoted quotations outside every double-quoted one (nested ones stay inside it)."""
    found = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        paragraph = text[p_start:p_end]
        if "‘" not in paragraph and " '" not in paragraph and not paragraph.startswith("'"):
            continue  # no opening single quote can stand here
        for match in _SINGLE_QUOTED.finditer(text, p_start, p_end):
            group = "curly" if match.group("curly") is not None else "straight"
            start, end = match.span(group)
            if sum(c.isalpha() for c in text[start:end]) < 3:
                continue
            if any(s - 1 <= start and end <= e + 1 for s, e, _ in taken):
                continue  # 'betrayal of the nation' inside a double-quoted quote
            found.append((start, end, index))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and a trailing comma that belongs to the sentence, not the speaker."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _clean_np(np: str) -> str | None:
    np = _LEAD_IN.sub("", np.strip())
    np = _NP_STOP.sub("", np).strip(" ,;:-—–")
    if not np or len(np.split()) > 12:
        return None
    return np


def _subject(sentence: str) -> str | None:
    """The noun phrase that opens a sentence: 'Syrian army officials acknowledged ...'."""
    body = _LEAD_IN.sub("", sentence.strip().lstrip("“\"‘"))
    match = _SUBJECT_END.search(body)
    if match is None or match.start() == 0:
        return None
    return _clean_np(body[: match.start()])


@dataclass
class _Context:
    text: str
    paragraphs: list[tuple[int, int]]
    sentences: dict[int, list[tuple[int, int]]]

    def paragraph_of(self, position: int) -> int:
        return max(0, bisect_right(self.paragraphs, (position, sys.maxsize)) - 1)

    def sentences_of(self, index: int) -> list[tuple[int, int]]:
        if index not in self.sentences:
            self.sentences[index] = sentence_spans(self.text, *self.paragraphs[index])
        return self.sentences[index]

    def sentence_at(self, position: int) -> tuple[int, int]:
        index = self.paragraph_of(position)
        for span in self.sentences_of(index):
            if span[0] <= position < span[1] + 1:
                return span
        return self.paragraphs[index]


_OPENING_MARK = re.compile(r"[“\"‘]")
_CAPITAL_NEXT = re.compile(r"\s*[A-Z]")
_SENTENCE_END = re.compile(r"[.!?]")
_ADVERB_AT_END = re.compile(r"\s+(?:also|later|earlier|previously|separately|\w+ly)\s*$")


def _attribute(ctx: _Context, open_mark: int, close_mark: int) -> tuple[str | None, str | None]:
    """Speaker and role from the words around one quotation, as written."""
    text = ctx.text
    paragraph_end = ctx.paragraphs[ctx.paragraph_of(close_mark)][1]
    after = text[close_mark + 1 : min(paragraph_end, close_mark + 200)]
    opening = _OPENING_MARK.search(after)
    after = after[: opening.start()] if opening else after
    quoted = text[open_mark + 1 : close_mark].rstrip()
    if quoted.endswith((".", "!", "?")) and _CAPITAL_NEXT.match(after):
        after = ""  # the quotation ended its sentence: what follows is another sentence
    match = _AFTER_INVERTED.match(after)
    if match:
        np = _clean_np(match.group("np"))
        if np:
            role = match.group("role")
            name, title = split_speaker(np)
            return name, (role.strip() if role else title)
    match = _AFTER_NORMAL.match(after)
    if match:
        np = _clean_np(match.group("np"))
        if np and len(np.split()) <= 8:
            return split_speaker(np)
    for pattern in (_ACCORDING, _STATEMENT_FROM):
        match = pattern.search(after[:120])
        if match and not _SENTENCE_END.search(after, 0, match.start()):
            np = _clean_np(match.group("np"))
            if np:
                return split_speaker(np)
    # Before the quote, within its sentence.
    sentence_start = ctx.sentence_at(open_mark)[0]
    before = text[sentence_start:open_mark]
    before = re.split(r"[”\"]", before)[-1] if "”" in before or before.count('"') else before
    for pattern in (_ACCORDING, _STATEMENT_FROM):
        match = pattern.search(before)
        if match:
            np = _clean_np(match.group("np"))
            if np:
                return split_speaker(np)
    # 'Lavrov: "We are ready"' and 'A Kremlin spokesman — "No decisions" — declined'
    match = _COLON_OR_DASH.match(before.strip())
    if match:
        np = _clean_np(match.group("np"))
        if np and len(np.split()) <= 6:
            return split_speaker(np)
    # "was called “a disaster”": a passive verb names no speaker.
    verb = next((v for v in reversed(list(_BEFORE_VERB.finditer(before))) if not _is_passive(before, v.start())), None)
    if verb:
        subject = None
        if not verb.group(0).lower().endswith("ing"):
            clause = before[: verb.start()]
            clause = re.split(r",\s+(?=[a-zA-Z])", clause)[-1] if len(clause.split()) > 10 else clause
            clause = _ADVERB_AT_END.sub("", clause)
            subject = _clean_np(clause)
        if subject is None or len(subject.split()) > 10:
            subject = _subject(text[sentence_start:open_mark])
        if subject:
            return split_speaker(subject)
    return None, None


def _resolve(ctx: _Context, position: int, pronoun: str) -> tuple[str, str | None] | None:
    """The nearest earlier named person for 'he' or 'she', from the subjects of earlier sentences."""
    if pronoun.lower() not in ("he", "she"):
        return None
    index = ctx.paragraph_of(position)
    for p in range(index, max(-1, index - 3), -1):
        for s_start, s_end in reversed(ctx.sentences_of(p)):
            if s_start >= position:
                continue
            subject = _subject(ctx.text[s_start:s_end])
            if subject and subject.split()[0].lower() not in PRONOUNS:
                if is_person_name(subject):
                    return split_speaker(subject)
                # "Residents like Abdulkafi Alhamdo": the name inside the subject.
                tail = re.search(r"(?:like|including|such as)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})$", subject)
                if tail:
                    return tail.group("name"), None
    return None


def _is_lone_name(speaker: str) -> bool:
    """'Ortiz': a surname alone, to be matched with a full name given earlier."""
    return " " not in speaker and speaker[:1].isupper() and speaker.lower() not in PRONOUNS


def extract_quotes(
    text: str, paragraphs: list[tuple[int, int]], sentences: dict[int, list[tuple[int, int]]] | None = None
) -> tuple[Quote, ...]:
    """Every quotation in text, with its speaker where the text gives one.

    sentences: each paragraph's sentence spans by paragraph index, filled as needed
    (shared with the figure extractor, so a paragraph is split once).
    """
    ctx = _Context(text, list(paragraphs), {} if sentences is None else sentences)
    quotes: list[Quote] = []
    last_speaker: tuple[int, str, str | None] | None = None  # paragraph, speaker, role
    acronyms = _acronyms(text)
    earlier: list[tuple[int, str, str | None]] = []  # position, speaker, role
    named = None
    doubles = _spans(text, ctx.paragraphs)
    spans = sorted(doubles + _single_spans(text, ctx.paragraphs, doubles))
    for start, end, _closing_paragraph in spans:
        t_start, t_end = _trim(text, start, end)
        if t_end <= t_start:
            continue
        speaker, role = _attribute(ctx, start - 1, end)
        resolved = False
        paragraph = ctx.paragraph_of(start)
        if speaker and speaker.lower() in PRONOUNS:
            found = _resolve(ctx, start - 1, speaker)
            if found:
                (speaker, role), resolved = found, True
            elif last_speaker and paragraph - last_speaker[0] <= 1 and (
                speaker.lower() in ("it", "they")
                or (speaker.lower() in ("he", "she") and is_person_name(last_speaker[1]))
            ):
                # "..., it added", "he said": the body or person quoted just before.
                speaker, role, resolved = last_speaker[1], last_speaker[2], True
        if (speaker is None or speaker.lower() in ("we", "i")) and last_speaker and last_speaker[0] == paragraph:
            # A second quotation in the same paragraph with no attribution of its own continues
            # the speaker the paragraph already named ('"We are ready," said X, "to talk."').
            speaker, role, resolved = last_speaker[1], last_speaker[2], True
        quoted = text[t_start:t_end]
        if speaker is None and len(quoted.split()) <= 2 and not quoted.endswith((".", "!", "?")):
            continue  # a scare-quoted word ("framework"), not a quotation
        if speaker and speaker.removeprefix("the ").removeprefix("The ") in acronyms:
            # "the IMD" after "India Meteorological Department (IMD)"
            speaker, resolved = acronyms[speaker.removeprefix("the ").removeprefix("The ")], True
        if speaker and (is_description(speaker) or _is_lone_name(speaker)):
            if named is None:
                # Only articles that need them pay for the scan, and only up to the last quote:
                # a name after it resolves nothing. (No name crosses a quote mark.)
                named = mentions(text, spans[-1][0])
            found = resolve(speaker, start - 1, earlier, named)
            if found:
                (speaker, role), resolved = found, True
        if speaker:
            last_speaker = (paragraph, speaker, role)
            earlier.append((start, speaker, role))
        # Speakers and roles recur across a story's articles: interned, one copy each.
        speaker, role = (sys.intern(speaker) if speaker else None), (sys.intern(role) if role else None)
        quotes.append(Quote(t_start, t_end, text[t_start:t_end], speaker, role, resolved))
    return tuple(quotes)


# "the Russian Centre ..., which claimed the strikes killed approximately 300 rebels"
_WHICH_SAID = re.compile(rf"(?P<np>[A-Z][^,;“”\"]{{2,90}}),\s+(?:which|who)\s+(?:also\s+)?(?:{_SAY})\b[^,;]*$")


_CLAIMED_LIVES = re.compile(r"claim\w*\s+(?:the\s+)?(?:lives|hundreds|thousands|millions|\d)")  # a war "claimed lives"


def attribution_of(text: str, sentence_start: int, position: int) -> str | None:
    """Who the words at position are attributed to, from the sentence before them.

    'According to the Observatory, 301 people ...', 'State television alleged that
    Russian airstrikes killed 200 militants': the source of a figure, as written.
    """
    before = text[sentence_start:position]
    for pattern in (_ACCORDING, _STATEMENT_FROM):
        match = pattern.search(before)
        if match:
            np = _clean_np(match.group("np"))
            if np:
                return split_speaker(np)[0]
    match = _WHICH_SAID.search(before)
    if match:
        np = _clean_np(match.group("np").split(", ")[-1])
        if np:
            return split_speaker(np)[0]
    # Only the figure's own clause: "X reported four killed, while Russia promised aid within 72 hours".
    clause = re.split(r",\s+(?:while|but|and|although|though|whereas|as)\s+", before)[-1]
    clause_start = position - len(clause)
    verbs = [
        v for v in _BEFORE_VERB.finditer(clause)
        if not _is_passive(clause, v.start()) and not _CLAIMED_LIVES.match(text, clause_start + v.start())
    ]
    if not verbs:
        return None
    subject = _subject(clause)
    if subject is None or subject.split()[0].lower() in PRONOUNS:
        return None
    return split_speaker(subject)[0]
