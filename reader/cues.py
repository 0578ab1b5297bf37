"""The verbs that attribute words to a speaker, in every form news copy uses.

Reporters attribute speech with a few hundred verbs: "said" most of all, then
"told", "added", "wrote", "tweeted", and the verbs that say how: "joked",
"lamented", "interjected", "fired back". The list is of lemmas; their forms
(says, said, saying) are made here by English spelling rules, the irregular
ones listed. One regex over all forms is built with shared prefixes factored
out (wordlists.word_alternation), so a look for a cue costs one scan.
"""

from __future__ import annotations

import re

from reader.wordlists import word_alternation

# Verbs of saying, writing and reporting, and the verbs that say how words were said.
_LEMMAS = """
say tell add state claim note explain declare announce insist argue ask reply respond continue
urge allege recall concede admit stress emphasize emphasise caution vow promise pledge predict
suggest describe call accuse deny agree estimate warn acknowledge confirm report joke lament
interject reiterate quip exclaim shout yell scream chant mutter whisper murmur boast brag complain
grumble protest object counter retort rebut observe remark comment mention reveal disclose confide
concur conclude contend assert affirm maintain repeat remind elaborate clarify testify charge
blast slam criticize criticise praise hail laud applaud tout defend dismiss mock ridicule scoff
sneer taunt tease chide scold rebuke lecture plead beg implore demand challenge question wonder
muse ponder speculate reason blog tweet retweet post email text message inform advise recommend
propose offer volunteer summarize summarise begin open close introduce proclaim pronounce decree
rule order instruct command threaten alert forecast project reassure assure guarantee swear
confess grant apologize apologise thank congratulate greet welcome laugh chuckle sigh groan gasp
cry sob holler bellow roar thunder snap snarl growl hiss bark recount relate narrate characterize
characterise label dub term brand nickname cite quote paraphrase read interrupt intervene chime
answer rejoin contradict dispute reject refute inquire enquire query press probe encourage appeal
dare invite notify crow gloat bristle fume rage rant rail vent gripe moan whine mourn regret
bemoan decry deplore condemn denounce rip bash hammer torch savage skewer deride jeer jest giggle
spit sniff huff verify attest hint imply indicate signal signal point detail reflect remember
caution counsel underscore underline highlight restate echo write pen scrawl wire cable find
determine sing recite preach pray sum push hit fire shoot write go speak think believe
""".split()

# Forms English spelling rules do not make.
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "think": ("thinks", "thought", "thinking"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "begin": ("begins", "began", "begun", "beginning"),
    "sing": ("sings", "sang", "sung", "singing"),
    "read": ("reads", "read", "reading"),
    "find": ("finds", "found", "finding"),
    "go": ("goes", "went", "going"),
    "hit": ("hits", "hitting"),
    "shoot": ("shoots", "shot", "shooting"),
    "spit": ("spits", "spat", "spitting"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "cable": ("cables", "cabled", "cabling"),
    "wire": ("wires", "wired", "wiring"),
    "signal": ("signals", "signaled", "signalled", "signaling", "signalling"),
    "counsel": ("counsels", "counseled", "counselled", "counseling"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
    "rebut": ("rebuts", "rebutted", "rebutting"),
}
# Short verbs ending consonant-vowel-consonant double it: quip -> quipped.
_DOUBLING = frozenset("quip snap slam rip admit regret commit dub jab chat prod plug scrap stop drop nod sob".split())
# Forms that are not verbs often enough near a quote to stay out: "the report", "a post", "a note".
_NOUN_LIKE = frozenset(
    "report post note comment question quote text message order charge call answer state read rule cable wire "
    "find project signal offer open close point press appeal dare rage vent query mention".split()
)


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma in _DOUBLING:
        last = lemma[-1]
        return (lemma + "s", lemma + last + "ed", lemma + last + "ing")
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("ee"):
        return (lemma + "s", lemma + "d", lemma + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma + "s", lemma + "ed", lemma + "ing")


def _all_forms() -> frozenset[str]:
    forms: set[str] = set()
    for lemma in _LEMMAS:
        made = _forms(lemma)
        forms.update(made)
        if lemma not in _NOUN_LIKE:
            forms.add(lemma)
    # The bare lemma is a verb only after "to", "will", "did": those few that stand so in copy.
    return frozenset(forms)


CUE_FORMS = _all_forms()
# The forms that name an act of saying without more words (not "hit", "go", "push", "fire":
# those are cues only as "hit back", "went on", "pushed back", "fired back").
_PHRASAL = {"push": "back", "hit": "back", "fire": "back", "shoot": "back", "go": "on", "write": "back"}
_NEEDS_PARTICLE = frozenset(f for lemma in ("push", "hit", "fire", "shoot", "go") for f in (*_forms(lemma), lemma))

CUE = re.compile(rf"(?<![\w’'-])(?:{word_alternation(set(CUE_FORMS))})(?![\w’'-])")
PARTICLE = re.compile(r"\s+(?:back|on|out|in|up)\b")


_LEMMA_SET = frozenset(_LEMMAS)


def is_bare(word: str) -> bool:
    """'say', 'warn': the plain form, a verb only after a plural subject ("critics say")."""
    return word in _LEMMA_SET


def is_cue(word: str) -> bool:
    return word in CUE_FORMS


def needs_particle(word: str) -> bool:
    """'went', 'fired': cues only with their particle ("went on", "fired back")."""
    return word in _NEEDS_PARTICLE


def is_participle(word: str) -> bool:
    """'saying', 'adding': the cue of a clause whose subject stands earlier in the sentence."""
    return word.endswith("ing") and word in CUE_FORMS


# Verbs that name or label rather than report: 'called it a "framework"' quotes a word, not speech.
LABELS = frozenset(
    f for lemma in "call describe dub label term brand nickname characterize characterise name title".split()
    for f in (*_forms(lemma), lemma)
)

# Forms in -s that are plural nouns as often as verbs: "tweets", "reports", "questions".
_PLURAL_NOUNS = frozenset(
    f"{lemma}s"
    for lemma in """tweet report claim note post comment quote question call remark answer charge demand promise
    pledge text message blog email rule order offer signal point plea detail echo warning statement vow reply
    appeal protest complaint objection counter comment estimate project forecast alert threat rant vent""".split()
) | frozenset(("replies", "estimates"))


def is_plural_noun(word: str) -> bool:
    return word in _PLURAL_NOUNS
