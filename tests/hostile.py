"""A folder of every kind of file the reader must survive, made fresh for each test."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

GOOD_HEADLINE = "Rebels enter the city after a long siege"
ESCAPES = "\x1b[2J\x1b[H\x1b]0;pwned-title\x07\x1b]52;c;cHduZWQ=\x07\a\b\b"


def make_hostile_folder(root: Path) -> dict[str, str]:
    """Write the files; returns {file name: what the reader must do with it}."""
    root.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}

    def write(name: str, data: bytes | str, expect: str) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        files[name] = expect

    body = "“We are home,” said Omar Haddad, a teacher. About 300 people returned.\n"
    write("a-good.txt", f"{GOOD_HEADLINE}\n\n{body}", "load")
    write("markup [bold red]x[/] [@click=app.quit]q[/].txt",
          "The [bold red]headline[/] with [@click=app.quit]markup[/] inside\n\n"
          "“[link=file:///etc/passwd]Click[/link] now,” said [b]Eve[/b] Smith.\n", "load")  # fmt: skip
    write("escapes.txt", f"Control sequences hide in this headline{ESCAPES}\n\nBefore{ESCAPES}after, the text reads on.\n", "load")
    write("bom-utf8.txt", codecs.BOM_UTF8 + f"A UTF-8 file with a byte order mark\n\n{body}".encode(), "load")
    write("utf16.txt", codecs.BOM_UTF16_LE + f"A UTF-16 file from a Windows tool\n\n{body}".encode("utf-16-le"), "load")
    write("cp1252.txt", f"A Windows-1252 file with curly quotes\r\n\r\n{body}".replace("\n", "\r\n").encode("cp1252"), "load")
    write("latin1.md", "# Un article en Latin-1 à Genève\n\nZoë a écrit: «déjà vu».\n".encode("latin-1"), "load")
    write("lone-cr.txt", b"An old Mac file with lone carriage returns\r\rIt still reads.\r", "load")
    write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16, "skip")
    write("binary.txt", os.urandom(4096).replace(b"\xef\xbb\xbf", b"") + b"\x00" * 64, "skip")
    write("empty.txt", b"", "skip")
    write("blank-lines.txt", b"\n\n   \n\t\n\n", "skip")
    write("one-line-1mb.txt", ("word " * 200_000).encode(), "load")
    write("unbalanced.txt", "Quotes that never close in this article\n\nHe said “this never closes and goes on.\n\n"
          "A middle paragraph with “a real quote” in it.\n\nThe end, where “it opens again and stops", "load")  # fmt: skip
    write("Zoë’s report — draft 1.txt", f"A file name with spaces and accents here\n\n{body}", "load")
    deep = "/".join(f"d{n}" for n in range(20))
    write(f"{deep}/deep.txt", f"An article twenty folders deep in the tree\n\n{body}", "load")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    files["loop.txt"] = "skip"
    (root / "back").symlink_to(root)  # a folder link back to the top
    return files
