import os
from pathlib import Path

import pytest

from reader.index import build_index
from reader.sources import discover

ARTICLE = "Rebels enter the city after a long siege\n\n“We are home,” said Omar Haddad, a teacher.\n"


def problems(index) -> dict[str, str]:
    return {p.file: p.reason for p in index.problems}


def test_folder_recursive_txt_and_md(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "b.md").write_text("# A markdown article about the siege\n\nText here.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    index = build_index(tmp_path)
    assert [a.id for a in index.articles] == ["a.txt", "sub/deeper/b.md"]
    assert index.article("sub/deeper/b.md").title == "A markdown article about the siege"


def test_single_file(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE)
    index = build_index(path)
    assert [a.id for a in index.articles] == ["one.txt"]


def test_bad_files_are_skipped_with_a_reason_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    index = build_index(tmp_path)
    assert [a.id for a in index.articles] == ["good.txt"]
    reasons = problems(index)
    assert reasons["image.txt"].startswith("not a text file")
    assert reasons["empty.txt"] == "empty file"
    assert reasons["loop.txt"] == "symlink loop"
    assert reasons["dangling.txt"].startswith("missing")
    assert reasons["fifo.txt"] == "not a regular file"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "secret.txt").write_text(ARTICLE)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":  # tests may run as root, where chmod 000 does not stop a read
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    index = build_index(tmp_path)
    assert [a.id for a in index.articles] == ["good.txt"]
    assert problems(index) == {"secret.txt": "permission denied"}


def test_folder_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path)
    discovery = discover(tmp_path)
    assert [f.id for f in discovery.files] == ["a.txt"]
    assert any("symlink loop" in p.reason for p in discovery.problems)


def test_nested_twenty_levels(tmp_path: Path) -> None:
    folder = tmp_path
    for level in range(20):
        folder = folder / f"level{level}"
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text(ARTICLE)
    index = build_index(tmp_path)
    assert len(index.articles) == 1 and index.articles[0].id.endswith("level19/deep.txt")


def test_names_with_spaces_and_accents(tmp_path: Path) -> None:
    (tmp_path / "Zoë’s report — draft 1.txt").write_text(ARTICLE)
    assert [a.id for a in build_index(tmp_path).articles] == ["Zoë’s report — draft 1.txt"]


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        discover(tmp_path / "nope")


def test_windows_1252_quotes_are_found(tmp_path: Path) -> None:
    (tmp_path / "cp.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1252"))
    (article,) = build_index(tmp_path).articles
    assert article.encoding == "cp1252"
    assert [(q.text, q.speaker) for q in article.quotes] == [("We are home", "Omar Haddad")]
