"""Turn the bytes of a saved web page into safe, normalised text.

Files come from anywhere: UTF-8 with or without a BOM, UTF-16, Windows-1252
from old newsroom systems, Latin-1, CRLF or lone CR line endings, and now and
then a binary file with a .txt name. Everything here is plain Python.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass



class NotText(ValueError):
    """The bytes are not a text file (an image or other binary named .txt)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


# C0 and C1 control characters except tab and newline, and DEL. ESC, BEL and
# backspace among them: left in, they would reach the terminal and could clear
# the screen, set its title or write to the clipboard (OSC 52).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A whole escape sequence (CSI ... final byte, OSC ... BEL/ST) goes, not only
# its ESC: otherwise "[2J" or "]0;title" would be left in the prose.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, clipboard, links
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# Unicode line and paragraph separators and NEL act as newlines in some readers.
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
# Zero-width and bidi-control characters: invisible, they can hide or reorder
# text on screen (the "Trojan Source" trick) without changing what is read.
_INVISIBLE = re.compile(r"[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


# Anything strip_controls would change: one search finds out that a text is already clean.
_ANYTHING_TO_STRIP = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters, keep \\n and \\t."""
    if _ANYTHING_TO_STRIP.search(text) is None:
        return text
    text = _LINE_BREAKS.sub("\n", text)
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _INVISIBLE.sub("", text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    # UTF-16/32 text has NUL bytes; its BOM says so and it is handled before.
    if b"\x00" in sample:
        return True
    # ESC, BEL and backspace come with terminal text: stripped later, not a sign of binary.
    controls = len(sample.translate(None, _NOT_BINARY_BYTES))  # counted in C, not a Python loop
    return controls / len(sample) > 0.05


_ASCII_BYTES = bytes(range(0x80))
_NOT_BINARY_BYTES = bytes(b for b in range(256) if not (b < 7 or 13 < b < 27 or 27 < b < 32))
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: every other byte is NUL in Latin text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2][:4096], data[1::2][:4096]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.4 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


# <meta charset="windows-1252">, <meta http-equiv="Content-Type" content="text/html; charset=...">,
# <?xml version="1.0" encoding="..."?>: what a page says it is, in its first bytes.
_DECLARED = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*(?P<meta>[A-Za-z0-9_.:-]{2,40})|<\?xml[^>]{0,100}?encoding\s*=\s*[\"'](?P<xml>[A-Za-z0-9_.:-]{2,40})",
    re.I,
)
# As browsers do: Latin-1 and ASCII labels mean Windows-1252, which is a superset of their printable text.
_AS_BROWSERS_READ = {"latin1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, as a Python codec name; None if none or unknown."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    label = (match.group("meta") or match.group("xml")).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # a page read as bytes that are ASCII here is not UTF-16, whatever it says
    return _AS_BROWSERS_READ.get(name, name)


def decode_bytes(data: bytes) -> Decoded:
    """Decode file bytes to text with normalised newlines and no control characters.

    Raises NotText for binary data.
    """
    text, encoding = _decode(data)
    if _mostly_controls(text):
        raise NotText("binary data")
    return Decoded(strip_controls(text), encoding)


# Controls that turn up in text pasted from terminals (escape sequences, bells,
# backspaces) are stripped, not taken as a sign of binary data.
_BINARY_C0 = re.compile(r"[\x00-\x06\x0e-\x1a\x1c-\x1f]")


def _mostly_controls(text: str) -> bool:
    """Whatever decoded it, text that is more than 3% binary control characters is binary."""
    sample = _ESCAPE_SEQUENCE.sub("", text[:8192])
    return bool(sample) and len(_BINARY_C0.findall(sample)) > 0.03 * len(sample)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: let detection decide
    declared = declared_charset(data)
    if declared is not None and declared != "utf-8":
        # Valid UTF-8 with bytes past ASCII is never an accident: a page saved again as UTF-8
        # often keeps its old declaration.
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the page says one thing and holds another: detection decides
    guessed16 = _utf16_without_bom(data)
    if guessed16 is not None:
        return guessed16, "utf-16"
    if _looks_binary(data):
        raise NotText("binary data")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8. Windows-1252 is what newsroom exports and Windows editors
    # write, and a superset of Latin-1's printable text. In Western prose high
    # bytes stand alone between ASCII letters (curly quotes, "Zoë", "Genève");
    # runs of them mean another script (Cyrillic, Greek...), which
    # charset-normalizer tells apart.
    sample = data[:65536]
    high = len(sample.translate(None, _ASCII_BYTES))
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(sample))
    if in_runs <= 0.5 * high:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # 40 ms to load: only for a file that is not UTF-8 or UTF-16

    best = from_bytes(data[:262144]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("latin-1"), "latin-1"
