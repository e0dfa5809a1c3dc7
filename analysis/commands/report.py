"""Build the tables, execute the notebooks, export every figure and write reports/index.html."""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="execute every notebook and export every figure again"
    )


def run(args: argparse.Namespace) -> int:
    from analysis.report import run as run_report

    result = run_report(force=args.force)
    print(
        f"report: {len(result.executed)} notebook(s) executed, {len(result.skipped)} unchanged; "
        f"{len(result.figures)} figure(s); {result.index}",
        file=sys.stderr,
    )
    return 0
