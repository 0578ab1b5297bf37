"""Who a figure or a claim is attributed to, from the sentence before it.

'According to the Observatory, 301 people ...', 'State television alleged that
Russian airstrikes killed 200 militants': the source of a figure, as written.
(Quotations have their own grammar in attribution.py.)
"""

from __future__ import annotations

import re

from reader.speakers import PRONOUNS, split_speaker

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

