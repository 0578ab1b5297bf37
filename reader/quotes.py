"""Direct quotations and who said them.

Quotation marks are paired in marks.py (curly, straight, '' and ``, single inside
double, a quotation running over paragraphs). Offsets point inside the marks:
`text[start:end] == quote.text`. A word or two in quote marks that no cue verb
attributes ('called it a "framework"') is a scare quote or a title, and is left
out of the quotes.

Each quotation's speaker is read in one pass over its paragraph:
1. its own words (attribution.py): the cue and its subject after the quote or
   before it in its sentence; failing a cue, the subject of its sentence;
2. else its paragraph's: another quotation's speaker in the paragraph, the
   sentence before it, or, for a paragraph that opens with a quotation, the
   quotation run (or the "X wrote:" paragraph) just before;
3. then pronouns, descriptions and lone surnames resolve to the nearest earlier
   name that fits (gender, person or body), marked resolved; nothing near that
   fits, and the speaker stays as written. A quotation nothing attributes has
   speaker None.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from reader.attribution import Found, speaker_after, speaker_as_puts, speaker_before, subject_of
from reader.coreference import Genders, full_name, resolve_pronoun
from reader.cues import LABELS
from reader.frozen import quick_init
from reader.marks import quote_spans, trim
from reader.sentences import sentence_spans
from reader.sourcing import attribution_of
from reader.speakers import (
    PRONOUNS,
    Mention,
    is_description,
    mentions,
    resolve,
    split_speaker,
)

__all__ = ["Quote", "attribution_of", "extract_quotes"]



@quick_init  # ~18 an article: a quicker __init__, the same frozen object
@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_role: str | None = None
    resolved: bool = False  # the speaker came from an earlier sentence


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
@dataclass
class _Context:
    text: str
    paragraphs: list[tuple[int, int]]
    sentences: dict[int, list[tuple[int, int]]]
    subjects: dict[int, tuple[str, str | None] | None] = field(default_factory=dict)
    named: tuple[Mention, ...] | None = None
    last_quote: int = 0
    starts: list[int] = field(default_factory=list)  # each paragraph's start, for bisect

    def __post_init__(self) -> None:
        self.starts = [start for start, _end in self.paragraphs]

    def paragraph_of(self, position: int) -> int:
        return max(0, bisect_right(self.starts, position) - 1)

    def sentences_of(self, index: int) -> list[tuple[int, int]]:
        if index not in self.sentences:
            self.sentences[index] = sentence_spans(self.text, *self.paragraphs[index])
        return self.sentences[index]

    def subject(self, start: int, end: int) -> tuple[str, str | None] | None:
        """The subject of the sentence text[start:end] as (name, role), once per sentence."""
        if start not in self.subjects:
            found = subject_of(self.text[start:end])
            name = None
            if found and found.speaker.split()[0].lower() not in PRONOUNS:
                tail = _LIKE_NAME.search(found.speaker)
                name, role = (tail.group("name"), None) if tail else _as_speaker(found)
            self.subjects[start] = (name, role) if name else None
        return self.subjects[start]

    def named_before(self, position: int) -> tuple[Mention, ...]:
        """People and bodies named in the text up to the last quotation, found once an article:
        only articles whose speakers need resolving pay for the scan."""
        if self.named is None:
            self.named = mentions(self.text, self.last_quote)
        return self.named

    def sentence_at(self, position: int) -> tuple[int, int]:
        index = self.paragraph_of(position)
        for span in self.sentences_of(index):
            if span[0] <= position < span[1] + 1:
                return span
        return self.paragraphs[index]



_OPENING_MARK = re.compile(r"[“\"‘]|''|``")
_CLOSING_MARKS = re.compile(r"[”\"]|''")
_ENDS = (".", "!", "?", "…")


@lru_cache(maxsize=8192)
def _as_speaker(found: Found | None) -> tuple[str | None, str | None]:
    """A speaker as written -> (name, role): titles and "(D-Mo.)" go to the role."""
    if found is None:
        return None, None
    np = found.speaker
    if np in _PRONOUN_FORMS:
        return np, found.role
    party = _PARTY.search(np)
    if party:
        np = (np[: party.start()] + np[party.end() :]).strip()
    if not np or np.lower() in _NOT_SPEAKERS:
        return None, None
    name, role = split_speaker(np)
    if party:
        role = f"{role} {party.group(0).strip()}" if role else party.group(0).strip()
    if found.role:
        role = f"{role}, {found.role}" if role else found.role
    return name, role


_PARTY = re.compile(r"\s*\((?:[DRI]-)?[A-Z][\w.]*(?:[ -][A-Z][\w.]*)?\)")
_PRONOUN_FORMS = frozenset("he she they it we I He She They It We".split())
_NOT_SPEAKERS = frozenset("this that there it's here what which".split())


def _attribute(ctx: _Context, start: int, close_mark: int, closing: int) -> tuple[Found | None, str]:
    """The speaker of one quotation (text[start:close_mark], closed in paragraph `closing`) from the
    words around it, as written, and where they stood: "after" ('"Nonsense," she said'), "before"
    in its sentence, or "follows" (another quotation comes earlier in the sentence, and its speaker carries)."""
    text = ctx.text
    paragraph_end = ctx.paragraphs[closing][1]
    width = 2 if text.startswith("''", close_mark) else 1
    after = text[close_mark + width : min(paragraph_end, close_mark + 160)]
    opening = _OPENING_MARK.search(after)
    after = after[: opening.start()] if opening else after
    quoted = text[start:close_mark].rstrip()
    found = speaker_after(after, quoted.endswith(_ENDS), opening is not None)
    if found is not None:
        return found, "after"
    sentence_start = ctx.sentence_at(start - 1)[0]
    before = text[sentence_start:start].rstrip("“\"‘'` ")
    cut = "”" in before or '"' in before or "''" in before
    if cut:
        before = _CLOSING_MARKS.split(before)[-1]
    # After an earlier quotation in the sentence, its speaker carries, not the words between.
    found = speaker_before(before, fallback=not cut)
    if found is None:
        found = speaker_as_puts(before + " " + after[:80])
    return found, "follows" if cut else "before"


def _run_in(ctx: _Context, paragraph: int) -> Found | None:
    """A paragraph that hands its speaker to a quotation in the next: 'The senator wrote:'."""
    if paragraph < 0:
        return None
    sentences = ctx.sentences_of(paragraph)
    if not sentences:
        return None
    s_start, s_end = sentences[-1]
    sentence = ctx.text[s_start:s_end]
    if '“' in sentence or '"' in sentence or "''" in sentence:
        return None
    if sentence.endswith(":"):
        return speaker_before(sentence[:-1])
    return speaker_before(sentence, fallback=True)


def _sentence_before(ctx: _Context, position: int, paragraph: int) -> Found | None:
    """The speaker named by the sentence just before the one a quotation opens, in its paragraph."""
    previous = None
    for span in ctx.sentences_of(paragraph):
        if span[1] >= position - 1:
            break
        previous = span
    if previous is None:
        return None
    sentence = ctx.text[previous[0] : previous[1]]
    if "“" in sentence or '"' in sentence or "''" in sentence:
        return None
    return speaker_before(sentence.rstrip(":"), fallback=True)


_LIKE_NAME = re.compile(r"(?:like|including|such as)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})$")

def _is_lone_name(speaker: str) -> bool:
    """'Ortiz': a surname alone, to be matched with a full name given earlier."""
    return " " not in speaker and speaker[:1].isupper() and speaker.lower() not in PRONOUNS


def _is_scare(quoted: str, named_as_title) -> bool:
    """A word or two in quote marks with no cue, or a title where the words before say it is one
    ('the film "Rivers of Salt"', 'a report titled "..."'): not speech. A capitalised slogan
    with nothing to say it is a title ("Make Rivers Clean Again") stays a quotation."""
    if quoted.endswith(_ENDS):
        return False
    words = quoted.split()
    if len(words) <= 2:
        return True
    return len(words) <= 12 and all(w[:1].isupper() or w in _TITLE_SMALL or not w[:1].isalpha() for w in words) and named_as_title()


# The words that announce a title: 'the film', 'his book', 'a report titled'.
_TITLE_BEFORE = re.compile(
    r"\b(?:titled|entitled|film|book|movie|show|series|song|album|documentary|program|programme|play|novel|memoir"
    r"|column|editorial|op-ed|podcast|episode|bill|act|headline|report|magazine|newspaper|sitcom|musical|opera)"
    r"[,:]?\s*[“\"‘'`]*$",
    re.I,
)


_TITLE_SMALL = frozenset("a an the of and or in on at to for with from by as but nor".split())


def extract_quotes(
    text: str, paragraphs: list[tuple[int, int]], sentences: dict[int, list[tuple[int, int]]] | None = None
) -> tuple[Quote, ...]:
    """Every quotation in text, with its speaker where the text gives one.

    sentences: each paragraph's sentence spans by paragraph index, filled as needed
    (shared with the figure extractor, so a paragraph is split once).
    """
    ctx = _Context(text, list(paragraphs), {} if sentences is None else sentences)
    spans = quote_spans(text, ctx.paragraphs)
    # First pass: each quotation's own attribution.
    # [t_start, t_end, paragraph, speaker, role, resolved, first_in_paragraph, scare]
    rows: list[list] = []
    for start, end, closing in spans:
        t_start, t_end = trim(text, start, end)
        if t_end <= t_start:
            continue
        found, where = _attribute(ctx, start, end, closing)
        # 'called it a "framework"': a quoted word in the writer's sentence, left out of the
        # quotes (its sentence may still name the paragraph's speaker).
        scare = (
            where != "after"
            and (found is None or found.cue is None or found.cue in LABELS)
            and _is_scare(text[t_start:t_end], lambda: _TITLE_BEFORE.search(text, max(0, start - 40), start) is not None)
        )
        if scare and found is None:
            continue
        speaker, role = _as_speaker(found)
        paragraph = ctx.paragraph_of(start)
        opens = start - ctx.paragraphs[paragraph][0] <= 2
        rows.append([t_start, t_end, paragraph, speaker, role, False, opens, scare])
    # Second pass: quotations with no words of their own take the speaker of their paragraph,
    # or, when they open it, of the quotation run before them.
    by_paragraph: dict[int, list[list]] = {}
    for row in rows:
        by_paragraph.setdefault(row[2], []).append(row)
    for paragraph, members in by_paragraph.items():
        named = [r for r in members if r[3] is not None]
        for row in members:
            if row[3] is not None or row[7]:
                continue
            source = next((r for r in reversed(named) if r[0] < row[0]), None) or next(iter(named), None)
            if source is None and row[6] and members[0] is row:
                previous = [r for r in by_paragraph.get(paragraph - 1, ()) if not r[7]] or None
                if previous and previous[-1][3] is not None:
                    source = previous[-1]
                elif previous is None:
                    found = _run_in(ctx, paragraph - 1)
                    if found:
                        row[3], row[4] = _as_speaker(found)
                        row[5] = row[3] is not None
                        named = [r for r in members if r[3] is not None]
                        continue
            if source is None and not named:
                # 'Schiff said. "The other factor ..."': the sentence before names the speaker.
                found = _sentence_before(ctx, row[0], paragraph)
                if found:
                    row[3], row[4] = _as_speaker(found)
                    row[5] = row[3] is not None
            if source is not None:
                row[3], row[4], row[5] = source[3], source[4], True
                named = [r for r in members if r[3] is not None]
    # Third pass: pronouns, descriptions and lone surnames to the names they stand for.
    quotes: list[Quote] = []
    ctx.last_quote = rows[-1][0] if rows else 0
    earlier: list[tuple[int, str, str | None]] = []  # position, speaker, role
    acronyms = None  # read from the text the first time a speaker could be one
    genders = None
    for t_start, t_end, _paragraph, speaker, role, resolved, _opens, scare in rows:
        if scare:
            continue
        if speaker and speaker.lower() in PRONOUNS and speaker.lower() not in ("i", "we", "you"):
            if genders is None:
                genders = Genders(text)
            found = resolve_pronoun(ctx, t_start - 1, speaker, earlier, genders)
            if found:
                (speaker, role), resolved = found, True
        bare = speaker.removeprefix("the ").removeprefix("The ") if speaker else ""
        if 2 <= len(bare) <= 6 and bare.isupper() and f"({bare})" in text:
            # "the IMD" after "India Meteorological Department (IMD)"
            if acronyms is None:
                acronyms = _acronyms(text)
            if bare in acronyms:
                speaker, resolved = acronyms[bare], True
        if speaker and (is_description(speaker) or _is_lone_name(speaker)):
            found = resolve(speaker, t_start - 1, earlier, ctx.named_before(len(text)))
            if found is None and _is_lone_name(speaker):
                found = full_name(text, speaker, t_start)
            if found:
                (speaker, role), resolved = found, True
        if speaker and speaker.lower() not in PRONOUNS:
            earlier.append((t_start, speaker, role))
        # Speakers and roles recur across a story's articles: interned, one copy each.
        speaker, role = (sys.intern(speaker) if speaker else None), (sys.intern(role) if role else None)
        quotes.append(Quote(t_start, t_end, text[t_start:t_end], speaker, role, resolved))
    return tuple(quotes)
