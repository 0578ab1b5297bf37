"""The core never imports textual: it runs headless, from the CLI and in benchmarks."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reader"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def core_files() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


def test_core_modules_never_import_textual_or_the_ui() -> None:
    assert core_files()
    for path in core_files():
        for module in imported_modules(path):
            if path.name == "cli.py" and module == "reader.ui.app":
                continue  # the one lazy import that starts the UI
            assert not module.startswith(("textual", "reader.ui")), f"{path.name} imports {module}"


def test_headless_command_does_not_load_textual() -> None:
    code = "import sys; from reader.cli import main; main(['list', '--json']); assert 'textual' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
