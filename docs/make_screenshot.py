"""Save docs/screenshot.svg: the reader on the seeds with a quote selected (`make screenshot`)."""

import asyncio
from pathlib import Path

from reader.ui.app import ReaderApp

ROOT = Path(__file__).resolve().parent.parent


async def main() -> None:
    app = ReaderApp(ROOT / "seeds")
    async with app.run_test(size=(140, 42)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("right_square_bracket", "tab", "tab", "j", "j")
        await pilot.pause()
        app.save_screenshot(filename="screenshot.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
