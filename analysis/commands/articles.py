"""Read articles (URLs, HTML, text, Markdown, JSON lines, folders) into .csv, .parquet or .jsonl."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help="articles to read")
    parser.add_argument(
        "--out", type=Path, required=True, help="output file (.csv, .parquet or .jsonl)"
    )
    parser.add_argument(
        "--published",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="publication day for documents that state none and have no sidecar date",
    )
    parser.add_argument(
        "--errors",
        type=Path,
        metavar="FILE",
        help="also write failed items as JSON lines {item, line, reason} to FILE",
    )
    parser.add_argument("--no-cache", action="store_true", help="parse every input again")


def run(args: argparse.Namespace) -> int:
    from analysis.provenance import atomic_write_text
    from analysis.sources.news import read_articles
    from analysis.tables_io import check_format, write_frame

    check_format(args.out)
    bar = ProgressBar("articles")
    frame, errors = read_articles(
        list(args.inputs), published=args.published, use_cache=not args.no_cache, progress=bar
    )
    bar.close()
    write_frame(frame, args.out)
    for err in errors:
        print(f"failed: {err}", file=sys.stderr)
    if args.errors is not None:
        lines = [
            json.dumps({"item": e.item, "line": e.line, "reason": e.reason}, ensure_ascii=False)
            for e in errors
        ]
        atomic_write_text(args.errors, "".join(f"{x}\n" for x in lines))
    undated = frame.filter(frame["published"].is_null()).height
    note = f"; {undated} without a publication day (pass --published)" if undated else ""
    print(
        f"articles: {frame.height} article(s) → {args.out}; {len(errors)} item(s) failed{note}",
        file=sys.stderr,
    )
    return 1 if errors else 0


class ProgressBar:
    """`progress(done, total)` callback drawing one stderr line, for runs of more than 20 items."""

    def __init__(self, label: str) -> None:
        self.label, self.start, self.drawn = label, time.monotonic(), False

    def __call__(self, done: int, total: int) -> None:
        tty = sys.stderr.isatty()
        if total <= 20 or (done % max(1, total // (50 if tty else 10)) and done != total):
            return
        width = 30
        filled = width * done // total
        rate = done / max(time.monotonic() - self.start, 1e-9)
        line = f"{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f}/s"
        sys.stderr.write(f"\r{line}" if tty else f"{line}\n")
        sys.stderr.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn and sys.stderr.isatty():
            sys.stderr.write("\n")
