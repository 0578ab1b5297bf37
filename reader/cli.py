"""The `reader` command: the terminal reader, and headless commands over the same index.

    reader [PATH]                     open the reader (default: the project's seeds/)
    reader list [PATH] [--json]       articles
    reader quotes [PATH] [--json]     every quote with its speaker
    reader figures [PATH] [--json]    every figure with what it counts
    reader text ID [PATH] [--json]    an article's clean text, which all offsets index
    reader search QUERY [PATH] [--json] [--full-text]   quotes (or sentences) matching QUERY
    reader themes [--json]            the themes and where each came from
    reader bookmarks list|add|export|path   the bookmarks file

Headless commands never import textual: they start fast and run without a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__

if TYPE_CHECKING:  # the extractors load when a command needs them: `reader PATH` paints its first frame first
    from reader.index import Index

EXIT_USAGE = 2


def default_path() -> Path:
    """The project's seeds/ when run from a checkout, else ./seeds."""
    project_seeds = Path(__file__).resolve().parent.parent / "seeds"
    return project_seeds if project_seeds.is_dir() else Path("seeds")


class UsageError(Exception):
    """A bad argument: one line on stderr, exit code 2."""


def _load(path: str | None, use_cache: bool = True) -> Index:
    from reader.index import build_index

    target = Path(path) if path else default_path()
    if not target.exists():
        raise UsageError(f"no such file or folder: {target}")
    if not use_cache:
        return build_index(target)
    from reader.cache import ArticleCache

    cache = ArticleCache(target if target.is_dir() else target.parent)
    try:
        return build_index(target, cache=cache)
    finally:
        cache.close()


# -- JSON shapes: the keys are a contract with scripts and tests. --------------


def list_rows(index: Index) -> list[dict]:
    return [
        {
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            # Where the outlet was read: "site name" (an HTML page's metadata), "dateline" (an agency),
            # "signature", "source credit", "copyright" or "newsletter"; None with no outlet.
            "outlet_source": a.outlet_source,
            "author": a.author,
            "dateline": a.dateline,
            "date": a.date,
            "words": a.words,
            "quotes": len(a.quotes),
            "figures": len(a.figures),
        }
        for a in index.articles
    ]


def quote_rows(index: Index) -> list[dict]:
    from reader.speakers import is_unresolved

    return [
        {
            "article": a.id,
            "text": q.text,
            "speaker": q.speaker,
            "speaker_role": q.speaker_role,
            "resolved": q.resolved,
            "unresolved": is_unresolved(q.speaker),  # a pronoun or description no earlier name fits
            "start": q.start,
            "end": q.end,
        }
        for a, q in index.quotes()
    ]


def figure_rows(index: Index) -> list[dict]:
    return [
        {
            "article": a.id,
            "text": f.text,
            "value": f.value,
            "kind": f.kind,
            "counts": f.counts,
            "unit": f.unit,
            "unit_name": f.unit_name,
            "low": f.low,
            "high": f.high,
            "qualifier": f.qualifier,
            "start": f.start,
            "end": f.end,
        }
        for a, f in index.figures()
    ]


def text_row(index: Index, article_id: str) -> dict:
    article = index.article(article_id)
    if article is None:
        known = ", ".join(a.id for a in index.articles[:5])
        raise UsageError(f"no article with id {article_id!r} (ids look like: {known})")
    return {"id": article.id, "title": article.title, "text": article.text}


# -- Output ---------------------------------------------------------------------


def _print_json(data: object) -> None:
    # One write: json.dump wrote 3 million pieces for 100,000 figures (4 s of a 10 s command).
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _print_table(rows: list[dict], columns: list[str], title: str) -> None:
    # Cells are Text objects: article text is never parsed as Rich markup.
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, expand=False)
    for column in columns:
        # ids and numbers stay on one line; prose folds.
        short = column in ("id", "article", "words", "quotes", "figures", "value", "kind", "score")
        table.add_column(column, overflow="fold", no_wrap=short)
    for row in rows:
        table.add_row(*(Text("" if row[c] is None else str(row[c])) for c in columns))
    Console().print(table)


def _print_problems(index: Index) -> None:
    for problem in index.problems:
        # "(cache)", "(worker processes)": not a file, a part of the reader that it went on without.
        what = problem.file if problem.file.startswith("(") else f"skipped {problem.file}"
        print(f"reader: {what}: {problem.reason}", file=sys.stderr)


def _command(name: str, rows: Callable[[Index], list[dict]], columns: list[str]):
    def run(args: argparse.Namespace) -> int:
        index = _load(args.path, not getattr(args, "no_cache", False))
        _print_problems(index)
        data = rows(index)
        if args.json:
            _print_json(data)
        else:
            _print_table(data, columns, f"{name} ({len(data)})")
        return 0

    return run


def _compare(args: argparse.Namespace) -> int:
    from reader.compare import compare

    index = _load(args.path, not getattr(args, "no_cache", False))
    _print_problems(index)
    comparison = compare(index)
    if args.json:
        _print_json(comparison.to_json())
        return 0
    groups = [
        {"outlets": len(g.articles), "speaker": g.members[0].speaker, "text": g.members[0].text,
         "articles": ", ".join(g.articles)}
        for g in comparison.quote_groups
    ]  # fmt: skip
    _print_table(groups, ["outlets", "speaker", "text", "articles"], f"quotes carried by several articles ({len(groups)})")
    claims = [
        {"status": c.status, "counts": c.counts,
         "values": "; ".join(f"{v.text} ({v.article}{', ' + v.attributed_to if v.attributed_to else ''})" for v in c.values)}
        for c in comparison.claims if c.status != "single"
    ]  # fmt: skip
    singles = sum(c.status == "single" for c in comparison.claims)
    _print_table(claims, ["status", "counts", "values"], f"claims in several articles ({len(claims)}; {singles} in one only: --json lists them)")
    people = [
        {"name": p.name, "role": p.role, "quotes": p.quotes, "articles": len(p.articles)} for p in comparison.people
    ]
    _print_table(people, ["name", "role", "quotes", "articles"], f"people and bodies ({len(people)})")
    return 0


def _text(args: argparse.Namespace) -> int:
    index = _load(args.path, not getattr(args, "no_cache", False))
    row = text_row(index, args.id)
    if args.json:
        _print_json(row)
    else:
        print(row["title"], end="\n\n")
        print(row["text"])
    return 0


def search_rows(index: Index, query: str, full_text: bool = False) -> list[dict]:
    from reader.search import SearchIndex

    engine = SearchIndex.of_sentences(index) if full_text else SearchIndex.of_quotes(index)
    return [
        {
            "article": hit.entry.article,
            "text": hit.entry.text,
            "speaker": hit.entry.speaker,
            "start": hit.entry.start,
            "end": hit.entry.end,
            "score": hit.score,
        }
        for hit in engine.search(query).hits
    ]


def _search(args: argparse.Namespace) -> int:
    index = _load(args.path, not getattr(args, "no_cache", False))
    _print_problems(index)
    rows = search_rows(index, args.query, args.full_text)
    if args.json:
        _print_json(rows)
    else:
        _print_table(rows, ["article", "speaker", "score", "text"], f"results for {args.query!r} ({len(rows)})")
    return 0


def _bookmark_rows(anchored) -> list[dict]:
    rows = []
    for item in anchored:
        row = {key: getattr(item.bookmark, key) for key in ("id", "created", "article", "title", "outlet", "passage", "note")}
        row["tags"] = list(item.bookmark.tags)
        row["start"], row["end"] = (item.start, item.end) if not item.orphaned else (item.bookmark.start, item.bookmark.end)
        row["orphaned"] = item.orphaned
        row["anchored_by"] = item.how
        rows.append(row)
    return rows


def _bookmarks(args: argparse.Namespace) -> int:
    from reader.bookmarks import BookmarkFileError, BookmarkStore, anchor_all, bookmarks_path, dump_bookmarks, make_bookmark, to_markdown

    path = bookmarks_path(args.bookmarks)
    if args.action == "path":
        print(path)
        return 0
    store = BookmarkStore.open(path)
    if store.error:
        raise UsageError(f"the bookmarks file cannot be used, and is left as it is: {store.error}")
    if args.action == "add":
        index = _load(args.path, not getattr(args, "no_cache", False))
        article = index.article(args.article)
        if article is None:
            raise UsageError(f"no article with id {args.article!r}")
        try:
            bookmark = make_bookmark(article.id, article.title, article.outlet, article.text, args.start, args.end, args.note or "", tuple(args.tag or ()), store.ids())
            bookmark = store.add(bookmark)
        except ValueError as error:
            raise UsageError(str(error)) from error
        except BookmarkFileError as error:
            raise UsageError(f"not saved: {error}") from error
        print(bookmark.id)
        return 0
    index = _load(getattr(args, "path", None), not getattr(args, "no_cache", False))
    anchored = anchor_all(store.bookmarks, lambda article_id: (a.text if (a := index.article(article_id)) else None))
    if args.action == "export":
        if args.format == "md":
            sys.stdout.write(to_markdown(anchored))
        elif args.format == "yaml":
            sys.stdout.write(dump_bookmarks(store.bookmarks))
        else:
            _print_json(_bookmark_rows(anchored))
        return 0
    rows = _bookmark_rows(anchored)
    if args.json:
        _print_json(rows)
    else:
        _print_table(rows, ["id", "article", "orphaned", "note", "passage"], f"bookmarks ({len(rows)}) in {path}")
    return 0


def _bookmarks_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader bookmarks", description="Bookmarks of passages, kept in a YAML file.")
    parser.add_argument("--bookmarks", metavar="FILE", help=f"the bookmarks file (default: ${'{'}SEED_READER_BOOKMARKS{'}'} or the data folder's)")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every bookmark, re-anchored against the articles in PATH")
    listing.add_argument("path", nargs="?")
    listing.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="bookmark text[START:END] of ARTICLE (offsets as in `reader text`)")
    add.add_argument("article")
    add.add_argument("start", type=int)
    add.add_argument("end", type=int)
    add.add_argument("path", nargs="?")
    add.add_argument("--note")
    add.add_argument("--tag", action="append")
    export = actions.add_parser("export", help="all bookmarks as Markdown, YAML or JSON")
    export.add_argument("--format", choices=("md", "yaml", "json"), default="md")
    export.add_argument("path", nargs="?")
    actions.add_parser("path", help="the bookmarks file in use")
    for sub in actions.choices.values():
        sub.add_argument("--bookmarks", metavar="FILE", default=argparse.SUPPRESS, help="the bookmarks file")
    return parser


def _eval(args: argparse.Namespace) -> int:
    from reader.evaluation import evaluate

    gold_dir = Path(args.gold_dir) if args.gold_dir else Path(__file__).resolve().parent.parent / "tests" / "gold"
    if not gold_dir.is_dir():
        raise UsageError(f"no such gold folder: {gold_dir}")
    scores, overall = evaluate(gold_dir)
    rows = [{"article": s.article, **{k: round(v, 3) for k, v in s.metrics().items()}, "headline": s.headline_right, "outlet": s.outlet_right} for s in [*scores, overall]]
    if args.json:
        _print_json({"articles": rows[:-1], "overall": rows[-1], "boilerplate_leaks": overall.boilerplate_leaks})
        return 0
    columns = ["article", "quote_precision", "quote_recall", "quote_f1", "speaker_accuracy", "figure_precision", "figure_recall", "figure_f1", "value_accuracy", "counts_accuracy", "headline", "outlet"]
    _print_table(rows, columns, f"extraction against {len(scores)} gold articles in {gold_dir}")
    if args.verbose:
        for score in scores:
            for miss in score.misses:
                print(f"{score.article}: {miss}")
    for leak in overall.boilerplate_leaks:
        print(f"boilerplate left in the text: {leak}")
    return 0


def _themes(args: argparse.Namespace) -> int:
    from reader.themes import load_themes

    themes = load_themes()
    rows = [{"name": t.name, "source": t.source} for t in themes.themes]
    for problem in themes.problems:
        print(f"reader: theme file {problem.file} skipped: {problem.reason}", file=sys.stderr)
    if args.json:
        _print_json(rows)
    else:
        _print_table(rows, ["name", "source"], f"themes ({len(rows)})")
    return 0


def _check_theme(name: str) -> None:
    from reader.themes import load_themes

    names = load_themes().names()
    if name not in names:
        raise UsageError(f"unknown theme {name!r}; themes: {', '.join(names)}")


COMMANDS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "list": ("articles: id, title, outlet, dateline, date, words, counts", _command("articles", list_rows, ["id", "title", "outlet", "words", "quotes", "figures"])),
    "quotes": ("every quote with its speaker and offsets", _command("quotes", quote_rows, ["article", "speaker", "text"])),
    "figures": ("every figure with its value, kind, unit and what it counts", _command("figures", figure_rows, ["article", "text", "value", "kind", "unit_name", "counts"])),
    "text": ("an article's clean text (the text every offset refers to)", _text),
    "compare": ("quotes carried by several articles, claims agreed or disputed, and people", _compare),
    "search": ("quotes (or with --full-text, sentences) matching QUERY, best first", _search),
    "themes": ("the themes, and the file each came from", _themes),
    "eval": ("score extraction against hand-written gold files (default: tests/gold)", _eval),
}


def _main_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<9} {help_}" for name, (help_, _) in COMMANDS.items())
    commands += "\n  bookmarks list|add|export|path   bookmarks (see 'reader bookmarks --help')"
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read a folder of news articles with every quote and figure beside the text.",
        epilog=f"headless commands (each takes [PATH] and --json):\n{commands}\n\nrun 'reader COMMAND --help' for one command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", help="a folder of .txt/.md articles, or one file (default: seeds/)")
    parser.add_argument("--theme", metavar="NAME", help="the theme to use (see `reader themes`); remembered")
    parser.add_argument("--bookmarks", metavar="FILE", help="the bookmarks file (default: $SEED_READER_BOOKMARKS or the data folder's)")
    parser.add_argument("--no-cache", action="store_true", help="read every file afresh and write nothing to the cache")
    parser.add_argument("--version", action="version", version=f"seed-reader {__version__}")
    return parser


def _command_parser(name: str) -> argparse.ArgumentParser:
    help_, _ = COMMANDS[name]
    parser = argparse.ArgumentParser(prog=f"reader {name}", description=help_)
    if name == "text":
        parser.add_argument("id", help="the article id, as `reader list` shows it")
    if name == "search":
        parser.add_argument("query", help="words, a phrase, @speaker or by:speaker, in:outlet")
        parser.add_argument("--full-text", action="store_true", help="search every sentence, not only quotes")
    if name == "eval":
        parser.add_argument("gold_dir", nargs="?", help="a folder of gold .yaml files (default: tests/gold)")
        parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    elif name != "themes":
        parser.add_argument("path", nargs="?", help="a folder or file (default: seeds/)")
        parser.add_argument("--no-cache", action="store_true", help="read every file afresh and write nothing to the cache")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "bookmarks":
            return _bookmarks(_bookmarks_parser().parse_args(argv[1:]))
        if argv and argv[0] in COMMANDS:
            args = _command_parser(argv[0]).parse_args(argv[1:])
            return COMMANDS[argv[0]][1](args)
        args = _main_parser().parse_args(argv)
        target = Path(args.path) if args.path else default_path()
        if not target.exists():
            raise UsageError(f"no such file or folder: {target}")
        if args.theme:
            _check_theme(args.theme)
        from reader.ui.app import ReaderApp  # the UI only when it is asked for

        app = ReaderApp(target, theme=args.theme, bookmarks=args.bookmarks, use_cache=not args.no_cache)
        app.run()
        return app.return_code or 0
    except UsageError as error:
        print(f"reader: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `reader quotes --json | head`
        sys.stderr.close()
        return 0
