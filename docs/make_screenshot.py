"""Save docs/screenshot.svg: the reader on the seeds with a quote selected (`make screenshot`).

The reader runs with its user folders in a temporary folder: the picture never depends on this
machine's config, theme choice, bookmarks or the article left open last time.
"""

import asyncio
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def main() -> None:
    from reader.ui.app import ReaderApp

    app = ReaderApp(ROOT / "seeds", theme="seed-dark", theme_folders=[ROOT / "themes"])
    async with app.run_test(size=(140, 42)) as pilot:
        for _ in range(400):  # the index, then the comparison (the People tab and outlet counts)
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.index is not None and app.comparison is not None:
                break
        await pilot.press("right_square_bracket", "tab", "tab", "j", "j")
        await pilot.pause(0.2)
        app.save_screenshot(filename="screenshot.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="seed-reader-screenshot-") as home:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[name] = str(Path(home, name.lower()))
        asyncio.run(main())
