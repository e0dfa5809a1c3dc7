"""`python -m analysis.contracts [--write README.md]`: the data dictionary generated from contracts.

Prints the Markdown tables; with `--write`, replaces the block between the README's
`<!-- tables:start -->` and `<!-- tables:end -->` markers so the README never drifts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.contracts import TABLES, describe

START, END = "<!-- tables:start -->", "<!-- tables:end -->"


def dictionary() -> str:
    return describe(list(TABLES.values())).strip() + "\n"


def with_dictionary(readme: str) -> str:
    """`readme` with its tables block replaced by the generated data dictionary."""
    head, sep, rest = readme.partition(START)
    _, sep2, tail = rest.partition(END)
    if not sep or not sep2:
        msg = f"README lacks the {START} … {END} markers"
        raise SystemExit(msg)
    return f"{head}{START}\n{dictionary()}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m analysis.contracts")
    p.add_argument("--write", type=Path, metavar="README", help="update the README's block")
    args = p.parse_args(argv)
    if args.write:
        args.write.write_text(with_dictionary(args.write.read_text(encoding="utf-8")), "utf-8")
    else:
        sys.stdout.write(dictionary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
