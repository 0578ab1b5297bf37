import codecs

import pytest

from reader.decoding import NotText, decode_bytes, strip_controls

TEXT = "“We are ready,” said Zoë, in Aleppo’s café.\nSecond line."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_common_encodings(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_utf16_without_bom() -> None:
    assert decode_bytes(TEXT.encode("utf-16-le")).text == TEXT


def test_latin1_accents() -> None:
    assert decode_bytes("Zoë à Genève".encode("latin-1")).text == "Zoë à Genève"


def test_crlf_and_lone_cr_become_newlines() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_binary_is_not_text() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(NotText):
        decode_bytes(png)


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("a\x1b[2Jb", "ab"),  # clear screen
        ("a\x1b]0;pwned\x07b", "ab"),  # set window title
        ("a\x1b]52;c;aGVsbG8=\x07b", "ab"),  # OSC 52 clipboard write
        ("a\x07b\x08c", "abc"),  # bell, backspace
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("zero\u200bwidth \u202eRLO", "zerowidth RLO"),
    ],
)
def test_control_characters_are_stripped(raw: str, clean: str) -> None:
    assert strip_controls(raw) == clean
