import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object]:
    code = main(list(args))
    out = capsys.readouterr().out
    return code, (json.loads(out) if "--json" in args else out)


def test_list_json(capsys, seeds: Path) -> None:
    code, rows = run(capsys, "list", str(seeds), "--json")
    assert code == 0
    assert len(rows) == 5
    assert set(rows[0]) >= {"id", "title", "outlet", "dateline", "date", "words", "quotes", "figures"}
    assert rows[1]["outlet"] == "JPost"


def test_default_path_is_the_seeds(capsys) -> None:
    code, rows = run(capsys, "list", "--json")
    assert code == 0 and len(rows) == 5


def test_offsets_index_the_text_command(capsys, seeds: Path) -> None:
    _, quotes = run(capsys, "quotes", str(seeds), "--json")
    _, figures = run(capsys, "figures", str(seeds), "--json")
    assert quotes and figures
    texts = {}
    for item in quotes + figures:
        if item["article"] not in texts:
            _, texts[item["article"]] = run(capsys, "text", item["article"], str(seeds), "--json")
        text = texts[item["article"]]["text"]
        assert text[item["start"] : item["end"]] == item["text"]
    assert set(quotes[0]) >= {"article", "text", "speaker", "start", "end"}
    assert set(figures[0]) >= {"article", "text", "value", "kind", "counts", "start", "end"}


def test_text_json_shape(capsys, seeds: Path) -> None:
    _, row = run(capsys, "text", "002_498ac0c67ef683ba.txt", str(seeds), "--json")
    assert set(row) == {"id", "title", "text"}
    assert row["title"] == "Russian and Syrian Airstrikes Target Aleppo Amid Rebel Offensive"


def test_tables_without_json(capsys, seeds: Path) -> None:
    code, out = run(capsys, "quotes", str(seeds))
    assert code == 0 and "Ali Jumaa" in out


def test_markup_in_articles_is_printed_as_typed(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # no wrapping inside the table cell
    (tmp_path / "m.txt").write_text("A [bold red]headline[/] with [link=file:///etc/passwd]markup[/link] in it\n\nBody.\n")
    code, out = run(capsys, "list", str(tmp_path))
    assert code == 0
    assert "A [bold red]headline[/] with [link=file:///etc/passwd]markup[/link] in it" in out


@pytest.mark.parametrize("args", [["nope-missing"], ["list", "nope-missing"], ["text", "x.txt", "nope-missing"]])
def test_missing_path_exits_2_with_one_line(capsys, args: list[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope-missing" in err


def test_unknown_article_id_exits_2(capsys, seeds: Path) -> None:
    assert main(["text", "nope.txt", str(seeds)]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_version_and_help() -> None:
    for flag, expected in (("--version", "seed-reader"), ("--help", "quotes")):
        result = subprocess.run([sys.executable, "-m", "reader", flag], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0 and expected in result.stdout


def test_skipped_files_are_reported_on_stderr(capsys, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("A headline for the only good file\n\nBody.\n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, rows = run(capsys, "list", str(tmp_path), "--json")
    assert code == 0 and [r["id"] for r in rows] == ["ok.txt"]
