"""Where you left off, in the app: reopen the article and the place in it; remember them.

A mixin of ReaderApp. The index handlers call open_at_start while no article is
open: the saved article opens as soon as it arrives (the first one when it is no
longer in the folder). The position is saved every few seconds when it changed,
and when the reader closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.article_view import ArticleView
from reader.ui.source_list import SourceList

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.positions import Position

SAVE_EVERY = 3.0  # seconds: a reader killed outright loses at most this much


class Resuming:
    """The App's side of reopening where the reader was (uses the app's attributes)."""

    _resume_loaded = False
    _resume_target: Position | None = None
    _resume_written: Position | None = None
    _resume_view: ArticleView | None = None
    _resume_failed = False

    def open_at_start(self, final: bool = False) -> None:
        """Open the article left open last time once it has arrived, else (final: the index is
        in and it is not) the first one."""
        if self.current is not None or not self.articles:
            return
        if not self._resume_loaded:
            from reader.positions import load_position

            self._resume_loaded = True
            self._resume_target = load_position(self.path)
        target = self._resume_target
        article = self._by_id.get(target.article) if target else None
        if target is not None and article is None and not final:
            return  # it may be in a later batch
        self._resume_target = None
        self._open_and_track(article or self.articles[0], target.offset if article is not None else 0)
        if target is not None and article is None:
            self.notify(f"{target.article} is no longer in the folder: opened the first article.", title="Where you left off", timeout=6, markup=False)

    def _open_and_track(self, article: Article, offset: int) -> None:
        self.open_article(article)
        self.query_one(SourceList).highlighted = self._row[article.id]
        view = self.query_one(ArticleView)
        if offset:
            view.scroll_to_offset(offset)
        self._resume_view = view
        self.set_interval(SAVE_EVERY, self.save_position)

    def _position_now(self) -> Position | None:
        from reader.positions import Position

        view = self._resume_view
        article = view.article if view is not None else None
        if article is None:
            return None
        offset = view.top_offset()
        if offset is None:  # the original file is shown: keep the last place in the clean text
            written = self._resume_written
            offset = written.offset if written is not None and written.article == article.id else 0
        return Position(article.id, offset)

    def save_position(self) -> None:
        """Write the position if it changed since the last write."""
        from reader.positions import save_position

        position = self._position_now()
        if position is None or position == self._resume_written:
            return
        try:
            save_position(self.path, position)
        except OSError as error:
            if not self._resume_failed and self.is_running:
                self.notify(f"Cannot save where you are: {error}", title="Where you left off", severity="warning", markup=False)
            self._resume_failed = True
            return
        self._resume_written = position

    def on_unmount(self) -> None:
        # The widgets are closed by now, the view object and its article are still readable.
        self.save_position()
