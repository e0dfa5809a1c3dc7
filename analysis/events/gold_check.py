"""Checks a new batch of the events gold set before it joins `tests/data/events/gold`.

A batch is a folder with `pages/` (HTML, Markdown with front matter, or plain text with a
`.meta.json` sidecar) and `gold.jsonl` (the fields of `tests/data/events/README.md`). Every
problem is one line naming the gold line or page, the field and what to change:

    python -m analysis.events.gold_check BATCH_DIR PREFIX SPLIT
"""

from __future__ import annotations

import argparse
import html
import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from pathlib import Path

from analysis.contracts.news import EVENT_TYPES

FIELDS = frozenset(
    ["doc", "published", "split", "event_type", "date", "precision", "actor", "evidence"]
)
PRECISIONS = frozenset(["day", "week", "month", "year"])
PAGES = "tests/data/events/pages/"
MIN_EVIDENCE = 15
_MARKUP = re.compile(r"(?s)<(script|style)\b.*?</\1>|<[^>]+>")
_EMPHASIS = re.compile(r"[*_`]+")
_SPACE = re.compile(r"\s+")
_TYPOGRAPHY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"}
)


def visible(text: str) -> str:
    """Text as a reader sees it, folded for comparison: tags dropped, entities and typographic
    quotes and dashes made plain, white space collapsed, lower case."""
    plain = html.unescape(text).translate(_TYPOGRAPHY).replace("\u00a0", " ")
    return _SPACE.sub(" ", plain).strip().lower()


def page_text(page: Path) -> str:
    raw = page.read_text(encoding="utf-8")
    if page.suffix in (".html", ".htm"):
        raw = _MARKUP.sub(" ", raw)
    elif page.suffix == ".md":
        raw = _EMPHASIS.sub("", raw)
    return visible(raw)


def shows_day(page: Path, day: date) -> bool:
    """Does the page give its publication day: in the sidecar of a text page, else written out
    anywhere in it (ISO, "March 3, 2025", "3 March 2025", "Mar. 3, 2025", "/2025/03/03/")?"""
    if page.suffix == ".txt":
        sidecar = page.with_name(page.name + ".meta.json")
        if not sidecar.is_file():
            return False
        return json.loads(sidecar.read_text(encoding="utf-8")).get("published") == day.isoformat()
    raw = page.read_text(encoding="utf-8")
    forms = (
        day.isoformat(),
        f"{day:%B} {day.day}, {day.year}",
        f"{day.day} {day:%B} {day.year}",
        f"{day:%b}. {day.day}, {day.year}",
        f"{day:%b} {day.day}, {day.year}",
        f"{day:%Y/%m/%d}",
    )
    return any(form in raw for form in forms)


def check(batch: Path, prefix: str, split: str) -> list[str]:
    """Every problem of the batch, one line each (empty: the batch may join the gold set)."""
    folder = batch / "pages"
    pages = {p.name: p for p in folder.iterdir() if not p.name.endswith(".meta.json")}
    problems = [
        f"{folder / name}: the name must start with {prefix!r}; rename it"
        for name in sorted(pages)
        if not name.startswith(prefix)
    ]
    gold_file = batch / "gold.jsonl"
    marked: set[str] = set()
    # each page read once for its text and once for its day, however many lines name it
    text_of, gives_day = cache(page_text), cache(shows_day)
    for n, line in enumerate(gold_file.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            where = f"{gold_file}:{n}"
            problems += _check_line(where, line, pages, split, marked, text_of, gives_day)
    problems += [
        f"{folder / name}: no gold line; give a page without events one line with event_type null"
        for name in sorted(pages)
        if name not in marked
    ]
    return problems


def _check_line(
    where: str,
    line: str,
    pages: dict[str, Path],
    split: str,
    marked: set[str],
    text_of: Callable[[Path], str],
    gives_day: Callable[[Path, date], bool],
) -> Iterable[str]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        yield f"{where}: not a JSON object ({exc.msg}); repair the line"
        return
    if not isinstance(row, dict) or set(row) != FIELDS:
        got = sorted(row) if isinstance(row, dict) else type(row).__name__
        yield f"{where}: fields {got}; give exactly {sorted(FIELDS)}"
        return
    name = str(row["doc"]).removeprefix(PAGES)
    if not str(row["doc"]).startswith(PAGES) or name not in pages:
        yield f"{where}: column doc {row['doc']!r} names no page; write {PAGES}<a file in pages/>"
        return
    marked.add(name)
    page = pages[name]
    if row["split"] != split:
        yield f"{where}: column split {row['split']!r}; write {split!r}"
    try:
        published = date.fromisoformat(row["published"])
    except (TypeError, ValueError):
        yield f"{where}: column published {row['published']!r}; write the day as YYYY-MM-DD"
    else:
        if not gives_day(page, published):
            yield (
                f"{where}: column published {row['published']}: {name} does not give that day; "
                "put it in the page (or the .txt page's sidecar) or correct the line"
            )
    kind = row["event_type"]
    if kind is not None and kind not in EVENT_TYPES:
        yield f"{where}: column event_type {kind!r}; use one of {sorted(EVENT_TYPES)} or null"
        return
    if kind is None:
        return
    yield from _check_date(where, row["date"], row["precision"])
    evidence = row["evidence"] or ""
    if len(evidence) < MIN_EVIDENCE:
        yield f"{where}: column evidence is shorter than {MIN_EVIDENCE} characters; quote more"
    elif visible(evidence) not in text_of(page):
        yield f"{where}: column evidence {evidence[:60]!r}… is not in {name}; copy it verbatim"


def _check_date(where: str, value: object, precision: object) -> Iterable[str]:
    if value is None or precision is None:
        if value is not precision:
            yield f"{where}: columns date and precision: both null or both set"
        return
    if precision not in PRECISIONS:
        yield f"{where}: column precision {precision!r}; use one of {sorted(PRECISIONS)}"
        return
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        yield f"{where}: column date {value!r}; write it as YYYY-MM-DD"
        return
    first = {
        "week": ("a Monday", day.weekday() == 0),
        "month": ("the 1st", day.day == 1),
        "year": ("1 January", (day.month, day.day) == (1, 1)),
    }.get(str(precision))
    if first is not None and not first[1]:
        yield f"{where}: column date {value} at {precision} precision must be {first[0]}"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.events.gold_check", description=__doc__
    )
    parser.add_argument("batch", type=Path, help="folder with pages/ and gold.jsonl")
    parser.add_argument("prefix", help="what every page name starts with (e.g. mo)")
    parser.add_argument("split", help="the batch's split (e.g. blind349)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    problems = check(args.batch, args.prefix, args.split)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
