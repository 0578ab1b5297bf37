"""Separate an article from the web page it was saved with.

A saved page holds the article and the site around it: menus above the
headline, view counters, newsletter prompts, cookie notices, "READ ALSO"
links, author bios, copyright lines and share buttons. The rules below work on
lines and paragraphs; each family of patterns sits in one place with the
example it exists for. No rule names a particular site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.dates import find_date

# -- Boilerplate: a paragraph that matches any of these is not the article. --
# Families whose lines start a certain way: tried at the start of the line only.
_AT_START: dict[str, str] = {
    # "Stay updated with the latest news!", "Subscribe to ..."
    "newsletter": r"stay (?:updated|informed|connected|tuned)\b|(?:subscribe|sign up|get our|get the latest|join our)\b",
    # "Accept", "Accept all cookies"
    "cookies": r"accept(?: all)?(?: cookies)?$",
    # "READ ALSO :Israeli airstrikes kill 23 pro-Iran fighters in Syria"
    "related link": r"(?:read (?:also|more|next)|also read|related(?: stories| articles| news)?"
    r"|see also|more on this|recommended(?: for you)?|you may also like|trending)\b\s*[:\-–—|]",
    # "Load Next Story"
    "next story": r"(?:(?:load|show|view) (?:next|more) (?:story|stories|articles?|news)"
    r"|(?:next|previous) (?:story|article|post))$",
    # "Comments are closed.", "We appreciate your thoughts. Please leave a comment."
    "comments": r"comments? (?:are|is) (?:closed|disabled)|we appreciate your thoughts|\d+ comments?$"
    r"|share your (?:thoughts|views)|add (?:a )?comment$|(?:show|view|load) comments$",
    # "Copyright 2024 ..."
    "copyright": r"copyright\b",
    # "Source: Al Jazeera and news agencies"
    "source credit": r"source:\s*[A-Z][\w .&'’-]{1,40}$",
    # "Reporting by Omar Fahmy; Editing by Alex Richardson": a wire story's credit line
    "credit line": r"(?:additional )?(?:reporting|writing|editing)(?: and \w+)? by\b[^.!?]{0,160}$",
    # "Adam Liptak covers the Supreme Court for The New York Times.": the author's one-line bio
    "author bio": r"(?-i:(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+ (?:covers|reports on|writes about|is (?:a|an|the) [\w ]{0,40}"
    r"(?:correspondent|reporter|editor|writer|journalist))\b[^.!?]{0,120}\b(?:for|at) (?:The )?[A-Z][^.!?]{0,60}\.?$)",
    # "Related topics", "More on this story": what follows are links, not the article
    "related links": r"(?:related topics|more on this story|related stories|more stories|topics)$",
    # "Connect with us", "Follow us on Twitter", "Skip to content", "Advertisement"
    "site chrome": r"(?:connect with us|follow us(?: on .*)?|skip to (?:main )?content"
    r"|advertisement|sponsored(?: content)?|click here\b.*|tap here\b.*|download (?:our|the) app\b.*"
    r"|share (?:this|on)\b.*|print this (?:article|page)|listen to (?:this )?article"
    r"|(?:home|menu|search|log ?in|sign in|register)(?: [|/·] .*)?)$",
}
# Families that can stand anywhere in the line, each with words that must be there for it to match.
_ANYWHERE: dict[str, tuple[tuple[str, ...], str]] = {
    # "Subscribe to The Jerusalem Post Newsletter"
    "newsletter": (("newsletter",), r"\bnewsletters?\b"),
    # "This website uses cookies to improve your experience. ... Accept Read More"
    "cookies": (("cookie",), r"\bcookies?\b.*\b(?:consent|accept|experience|policy|opt[- ]out|settings)\b"),
    # "For the latest news, follow us on WhatsApp"
    "social": (("follow us",), r"\bfollow us on (?:[\w-]+\s?){1,3}[.!]?$"),
    # "... Please leave a comment."
    "comments": (("leave a",), r"\bleave a (?:comment|reply)\b"),
    # "© 2018- 2024 PlatinumPost Multimedia Limited. All Rights Reserved."
    "copyright": (("©", "(c)", "all rights reserved"), r"©|\(c\)\s*\d{4}|\ball rights reserved\b"),
}

_ANYWHERE_PATTERNS = [(name, words, re.compile(rx, re.I)) for name, (words, rx) in _ANYWHERE.items()]
# Any of their words: most paragraphs hold none and are done with after this test.
_ANYWHERE_WORDS = tuple(word for words, _ in _ANYWHERE.values() for word in words)
_LONGEST_BOILERPLATE = 1000  # characters: past this a paragraph is prose, whatever it mentions

# "X whatsapp", "Share Tweet Email": a line made of nothing but share buttons.
_SHARE_WORDS = (
    "share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|telegram|linkedin|reddit"
    "|pinterest|messenger|copy link|copy|link|threads|bluesky|flipboard|pocket|sms"
)
_SHARE_ONLY = rf"(?:(?:{_SHARE_WORDS})[\s,|·/]*)+$"

# Share buttons first: "Share" alone is a button, not a "share (this|on)" link.
_AT_START_PATTERN = re.compile(
    "|".join(f"(?P<{n.replace(' ', '_')}>{rx})" for n, rx in {"share buttons": _SHARE_ONLY, **_AT_START}.items()), re.I
)

# The words the families above start with (their first run of a-z, lower-cased): a line that
# starts with none of them, nor with share buttons, a digit or a capitalised byline, is not
# tried against the pattern, whose case-blind branches re tries one by one.
_START_WORDS = frozenset(
    "stay subscribe sign get join accept read also related see more recommended you trending load show view"
    " next previous comments comment we share add copyright source additional reporting writing editing"
    " topics connect follow skip advertisement sponsored click tap download print listen home menu search"
    " log login register".split()
)
_SHARE_STARTS = tuple(w.split("-")[0].split()[0] for w in _SHARE_WORDS.split("|"))
_LEAD = re.compile(r"[a-z]*")
# The opening of the "author bio" family below, as it is written there (capitals as written).
_BIO_OPENING = re.compile(r"(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+ (?:covers|reports on|writes about|is (?:a|an|the) )")


_LEAD_STARTS: dict[str, bool] = {}  # a line's first word -> whether a family starts with it


def _may_start(line: str, lowered: str) -> bool:
    """Whether _AT_START_PATTERN can match line (lowered: line.lower()); never False where it would."""
    lead = _LEAD.match(lowered).group()
    if not lead:
        # Only "12 comments" starts with no letter; re.I also reads "ſ" as s and "ı" as i.
        return lowered[:1].isdigit() or lowered[:1] in "ſı"
    starts = _LEAD_STARTS.get(lead)
    if starts is None:
        starts = lead in _START_WORDS or lead.startswith(_SHARE_STARTS)
        if len(_LEAD_STARTS) < 50_000:  # the words sentences start with: a bounded set
            _LEAD_STARTS[lead] = starts
    if starts:
        return True
    after = lowered[len(lead) : len(lead) + 1]
    if after and not after.isascii():
        return True  # a letter re.I may fold ("ſ", "ı", "İ"): tried as before
    # "Jane Doe covers ... for The Times.": the one family that starts with any capital; its
    # opening (a name, then the verb) read at once, before the whole pattern is tried.
    return _BIO_OPENING.match(line) is not None


# "Author profile" or "About the author": what follows is a bio, not the article.
_BIO_HEADING = re.compile(
    r"^(?:author(?:'s)? (?:profile|bio)|about the (?:author|writer|reporter)|author)\s*:?$", re.I
)

# Header chrome: section names, "Published", "on", view counters ("0", "122").
_HEADER_WORDS = re.compile(
    r"^(?:published|updated|posted|last updated|on|by|world|news|home|latest|breaking(?: news)?"
    r"|politics|business|opinion|middle east|international|local|sports?|share|\d[\d,.]*[km]?"
    r"|\d+ (?:views?|reads?|comments?|min(?:ute)?s? read))\s*:?$",
    re.I,
)

# A dateline opens the first paragraph: "ALEPPO, Syria. Rebel forces..." or
# stands alone: "AMMAN:". Capitals name the place; "(Reuters) -" may follow.
_DATELINE = re.compile(
    r"^(?P<dateline>(?P<place>[A-Z][A-Z'’.\- ]{1,40}[A-Z.])(?:,\s*[A-Z][\w'’.\- ]{1,30}?)?"
    r"(?:\s*\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?\s*(?:[.:]|\s[-–—]))(?:\s+|$)"
)

# "© 2018- 2024 PlatinumPost Multimedia Limited": the name before the company suffix.
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*)*(?P<owner>[A-Z][\w&.'’ -]*?)"
    r"(?=\s+(?:multimedia|media|limited|ltd|inc|llc|plc|group|corporation|corp|company"
    r"|holdings|publishing|publications|newspapers?)\b|\s*[.,|]|\s+all rights|\s*$)",
    re.I,
)

_TERMINAL = ".?!\"”’:;)…。！？」"
_TERMINAL_ENDINGS = tuple(_TERMINAL)
_SUBHEAD_ENDINGS = (*_TERMINAL, ",")
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def boilerplate_kind(paragraph: str, lowered: str | None = None) -> str | None:
    """Name the boilerplate family a paragraph belongs to, or None for article text.

    lowered: paragraph.lower(), when the caller has it already.
    """
    return _kind(paragraph, lowered, _ANYWHERE_WORDS, _ANYWHERE_PATTERNS)


def boilerplate_kinds(paragraphs: list[str], lowered: list[str]) -> list[str | None]:
    """boilerplate_kind of each paragraph of a page (lowered: each one lower-cased).

    The words the anywhere-families need are looked for in the whole page once: most pages
    hold none of them, and then no paragraph is searched for any.
    """
    page = "\n".join(lowered)
    present = tuple(word for word in _ANYWHERE_WORDS if word in page)
    families = [family for family in _ANYWHERE_PATTERNS if any(word in present for word in family[1])]
    return [_kind(p, low, present, families) for p, low in zip(paragraphs, lowered)]


def _kind(paragraph: str, lowered: str | None, anywhere_words: tuple[str, ...], anywhere: list) -> str | None:
    line = paragraph.strip()  # strip() takes "\u00a0" too (it is whitespace): nothing else to strip
    if not line:
        return "blank"
    if len(line) > _LONGEST_BOILERPLATE:
        return None
    if lowered is None or line is not paragraph:  # stripping made a new string: lower that one
        lowered = line.lower()
    match = _AT_START_PATTERN.match(line) if _may_start(line, lowered) else None
    if match:
        return match.lastgroup.replace("_", " ")
    if not anywhere_words or not any(map(lowered.__contains__, anywhere_words)):
        return None
    for name, words, pattern in anywhere:
        if any(word in lowered for word in words) and pattern.search(line):
            return name
    return None


def is_bio_heading(paragraph: str) -> bool:
    # The longest heading, "About the reporter:", is 20 characters: prose is not looked at.
    return len(paragraph) <= 40 and bool(_BIO_HEADING.match(paragraph.strip()))


# _HEADER_WORDS' words, for lines that are one of them as they are: a set lookup, not the pattern.
_HEADER_WORD_SET = frozenset(
    "published updated posted on by world news home latest breaking politics business opinion"
    " international local sport sports share".split()
) | {"last updated", "breaking news", "middle east"}


def is_header_chrome(line: str) -> bool:
    stripped = line.strip()
    head = stripped[:-1].rstrip() if stripped.endswith(":") else stripped
    if head.isascii() and not head[:1].isdigit():
        # A word of the list and an optional colon, nothing else: re.I folds only "ſ", "ı" and
        # "K" (Kelvin) beyond lower(), and an ASCII line holds none of them.
        return head.lower() in _HEADER_WORD_SET
    return bool(_HEADER_WORDS.match(stripped))


def looks_like_headline(line: str) -> bool:
    """A headline has four or more words and is not a sentence of the body."""
    stripped = line.strip()
    if is_header_chrome(stripped) or boilerplate_kind(stripped):
        return False
    count = len(words(stripped))
    return 4 <= count <= 30 and not stripped.endswith((".", ":", ";", ","))


def is_short_line(paragraph: str) -> bool:
    """Short and unpunctuated: a slogan, a signature or a heading, not prose."""
    if len(paragraph) > 120:
        return False
    stripped = paragraph.strip()
    return not stripped.endswith(_TERMINAL_ENDINGS) and len(words(stripped)) <= 5


def is_subhead(paragraph: str) -> bool:
    """A heading inside the body: "A Turning Point in Aleppo"."""
    if len(paragraph) > 200:  # twelve words never take this much
        return False
    stripped = paragraph.strip()
    return not stripped.endswith(_SUBHEAD_ENDINGS) and 1 <= len(words(stripped)) <= 12


def signature_outlet(paragraph: str) -> str | None:
    """A lone name after the body, as "JPost" or "Al Jazeera", is the outlet signing off."""
    stripped = paragraph.strip()
    tokens = stripped.split()
    if not 1 <= len(tokens) <= 3 or not all(t[:1].isupper() for t in tokens):
        return None
    if not all(re.fullmatch(r"[\w&.'’-]+", t) for t in tokens):
        return None
    return stripped


def copyright_owner(paragraph: str) -> str | None:
    match = _COPYRIGHT_OWNER.search(paragraph)
    if not match:
        return None
    owner = match.group("owner").strip(" -.,")
    return owner if owner and len(owner) <= 60 and words(owner) else None


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str
    agency: str | None


# "SPRINGFIELD, Ill. (AP) —": with an agency the region may hold full stops; tried first.
_DATELINE_AGENCY = re.compile(
    r"^(?P<dateline>(?P<place>[A-Z][A-Z'’.\- ]{1,40}[A-Z.])(?:,\s*[A-Z][\w'’.\- ]{1,30})?"
    r"\s*\((?P<agency>[A-Za-z][\w .&-]{1,30})\)\s*[-–—:])(?:\s+|$)"
)


_PLACE_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ'’.- ")


def find_dateline(paragraph: str) -> Dateline | None:
    # Both patterns open with a capital and then a capital, an apostrophe, a dot, a hyphen or a space.
    if not ("A" <= paragraph[:1] <= "Z" and paragraph[1:2] in _PLACE_SECOND):
        return None
    match = _DATELINE_AGENCY.match(paragraph) or _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place")
    # Capitals at the start may be an acronym opening a sentence ("HTS, which...").
    if len(words(place)) == 0 or any(len(w) < 2 for w in words(place)):
        return None
    if place.isupper() and len(place.replace(" ", "")) <= 3 and not match.group("dateline").endswith(":"):
        return None
    return Dateline(match.group("dateline").strip(), match.group("agency"))


def publication_date(lines: list[str]) -> str | None:
    """A date in the header ("Published on November 30, 2024"), as ISO when complete."""
    for line in lines:
        if len(line) > 400 or len(words(line)) > 12:
            continue  # a paragraph that mentions a date is not a date line
        found = find_date(line)
        if found is not None:
            return found
    return None


_SOURCE_CREDIT = re.compile(r"^source:\s*(?P<name>[A-Z][\w .&'’-]*?)(?:\s+and\s+(?:news\s+)?agencies)?\s*$", re.I)


def source_credit_outlet(paragraph: str) -> str | None:
    """'Source: Al Jazeera and news agencies' -> 'Al Jazeera'."""
    match = _SOURCE_CREDIT.match(paragraph.strip())
    return match.group("name").strip() if match else None


def outlet_hints(paragraph: str, kind: str | None, hints: list[tuple[str, str]]) -> None:
    """'Source: Al Jazeera' goes first, copyright owners after: (name, where it came from)."""
    if kind == "source credit" and source_credit_outlet(paragraph):
        hints.insert(0, (source_credit_outlet(paragraph), "source credit"))
    elif kind == "copyright":
        owner = copyright_owner(paragraph)
        if owner:
            hints.append((owner, "copyright"))


_NEWSLETTER_OUTLET = re.compile(r"^subscribe to (?P<name>(?:[A-Z][\w'’&.-]*\s?){1,4}?)\s*newsletter", re.I)


def newsletter_outlet(lines: Iterable[str]) -> str | None:
    """"Subscribe to The Jerusalem Post Newsletter": the site names itself."""
    for line in lines:
        match = _NEWSLETTER_OUTLET.match(line)
        if match and match.group("name").strip()[:1].isupper():
            return match.group("name").strip()
    return None


_BYLINE = re.compile(r"^by\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von|al-?\w*)){0,5})", re.I)


def byline(header: list[str]) -> str | None:
    """"By Jane Doe" under the headline: the author."""
    for line in header[:8]:
        if len(line) <= 120:
            match = _BYLINE.match(line)
            if match and match.group("name")[:1].isupper():
                return match.group("name").strip()
    return None
