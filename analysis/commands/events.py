"""Extract dated, typed events from articles (URLs, files, folders) into a .csv/.parquet/.jsonl."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

#: Columns added to the contract's for the command's output: where each event's article came from.
EXTRA_COLUMNS = ("url", "raw_path")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help="articles to read")
    parser.add_argument(
        "--published",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="publication day for documents that state none (e.g. plain-text pages)",
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="output file (.csv/.parquet/.jsonl)"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="merge one event reported by several articles into one row (default: one row per "
        "article and sentence, as evaluate-events expects)",
    )
    parser.add_argument("--no-cache", action="store_true", help="parse every input again")
    parser.add_argument(
        "--no-screen",
        action="store_true",
        help="keep every candidate the rules find, without the learned screen "
        "(analysis/events/screen.py) that drops previews, standing rates and background",
    )


def run(args: argparse.Namespace) -> int:
    import polars as pl

    from analysis.events import extract_events
    from analysis.sources.news import read_articles
    from analysis.tables_io import check_format, write_frame

    check_format(args.out)
    articles, errors = read_articles(
        list(args.inputs), published=args.published, use_cache=not args.no_cache
    )
    failures = [str(e) for e in errors]
    parts = []
    with Progress(articles.height, "events") as bar:
        for row in articles.iter_rows(named=True):
            one = pl.DataFrame([row], schema=articles.schema)
            where = row["raw_path"] or row["url"]
            if row["published"] is None:
                failures.append(f"{where}: no publication day; pass --published")
            else:
                try:
                    frame = extract_events(one, merge=False, screened=not args.no_screen)
                except Exception as exc:  # one bad article must not stop the batch
                    failures.append(f"{where}: {type(exc).__name__}: {exc}")
                else:
                    parts.append(
                        frame.with_columns(
                            pl.lit(row["url"], pl.String).alias("url"),
                            pl.lit(row["raw_path"], pl.String).alias("raw_path"),
                        )
                    )
            bar.step()
    frame = pl.concat(parts, how="vertical") if parts else _empty()
    if args.merge and frame.height:
        frame = _merged(frame)
    write_frame(frame.sort(["date", "event_type", "event_id"]), args.out)
    for f in failures:
        print(f"failed: {f}", file=sys.stderr)
    print(
        f"events: {frame.height} event(s) from {articles.height} article(s) → {args.out}; "
        f"{len(failures)} item(s) failed",
        file=sys.stderr,
    )
    return 1 if failures else 0


def _empty():
    import polars as pl

    from analysis.contracts.news import EVENTS

    return EVENTS.empty().with_columns(pl.lit(None, pl.String).alias(c) for c in EXTRA_COLUMNS)


def _merged(frame):
    """Merge reports across articles; url/raw_path are those of the first article kept."""
    from analysis.contracts.news import EVENTS
    from analysis.events import merge_reports

    where = frame.select("article_id", *EXTRA_COLUMNS).unique("article_id", keep="first")
    merged = merge_reports(frame.select(EVENTS.names))
    return merged.join(where, on="article_id", how="left")


class Progress:
    """A one-line progress bar on stderr for runs of more than 20 items (no dependency)."""

    def __init__(self, total: int, label: str) -> None:
        self.total, self.label, self.done = total, label, 0
        self.show = total > 20
        self.tty = sys.stderr.isatty()

    def __enter__(self) -> Progress:
        return self

    def step(self) -> None:
        self.done += 1
        every = max(1, self.total // (100 if self.tty else 10))
        if self.show and (self.done % every == 0 or self.done == self.total):
            width = 30
            filled = int(width * self.done / self.total)
            bar = "#" * filled + "-" * (width - filled)
            end = "" if self.tty else "\n"
            lead = "\r" if self.tty else ""
            print(f"{lead}{self.label} [{bar}] {self.done}/{self.total}", end=end, file=sys.stderr)

    def __exit__(self, *exc: object) -> None:
        if self.show and self.tty:
            print(file=sys.stderr)
