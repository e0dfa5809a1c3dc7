"""JSON lines: one article per line with title/text/url/published (authors, outlet optional)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from analysis.news import stamps
from analysis.news.raw import MAX_BYTES, ItemFailure
from analysis.news.text import clean_line, join_paragraphs, paragraphs


def iter_lines(text: str) -> Iterator[tuple[int, dict[str, Any] | ItemFailure]]:
    """(1-based line number, fields or the reason the line is unusable) per non-blank line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, extract_record(json.loads(line))
        except json.JSONDecodeError as exc:
            yield number, ItemFailure(f"line is not valid JSON ({exc.msg} at column {exc.colno})")
        except ItemFailure as exc:
            yield number, exc


def iter_file_lines(
    fh: BinaryIO,
) -> Iterator[tuple[int, bytes, dict[str, Any] | ItemFailure]]:
    """Stream an open JSON-lines file: (line number, raw bytes, fields or failure) per line."""
    for number, raw in enumerate(fh, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        if len(raw) > MAX_BYTES:
            yield number, raw, ItemFailure(f"line is {len(raw) / 1e6:.1f} MB, above the cap")
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, raw, ItemFailure(f"line is not UTF-8 (byte offset {exc.start})")
            continue
        try:
            yield number, raw, extract_record(json.loads(text))
        except json.JSONDecodeError as exc:
            yield (
                number,
                raw,
                ItemFailure(f"line is not valid JSON ({exc.msg} at column {exc.colno})"),
            )
        except ItemFailure as exc:
            yield number, raw, exc


def iter_json(text: str) -> Iterator[tuple[int | None, dict[str, Any] | ItemFailure]]:
    """A .json file: one article object or a list of them (item number as the 'line')."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield exc.lineno, ItemFailure(f"file is not valid JSON ({exc.msg} at column {exc.colno})")
        return
    items = data if isinstance(data, list) else [data]
    for number, obj in enumerate(items, start=1):
        try:
            yield (number if isinstance(data, list) else None), extract_record(obj)
        except ItemFailure as exc:
            yield (number if isinstance(data, list) else None), exc


def extract_record(obj: object) -> dict[str, Any]:
    if not isinstance(obj, dict):
        msg = f"line holds a JSON {type(obj).__name__}, expected an object"
        raise ItemFailure(msg)
    text = obj.get("text") or obj.get("body") or obj.get("content")
    if not isinstance(text, str) or not text.strip():
        msg = "record has no 'text'"
        raise ItemFailure(msg)
    title = obj.get("title") or obj.get("headline")
    if not isinstance(title, str) or not title.strip():
        msg = "record has no 'title'"
        raise ItemFailure(msg)
    stamp = None
    for key in ("published", "date", "published_at", "datePublished"):
        value = obj.get(key)
        if isinstance(value, str) and (stamp := stamps.parse_stamp(value, "jsonl")):
            break
    instant = stamp.instant if stamp else None
    if isinstance(obj.get("published_at"), str) and (
        s := stamps.parse_stamp(obj["published_at"], "")
    ):
        instant = s.instant or instant
    authors = obj.get("authors") or obj.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    return {
        "url": obj.get("url") if isinstance(obj.get("url"), str) else None,
        "urls": [u for u in obj.get("urls", []) if isinstance(u, str)]
        if isinstance(obj.get("urls"), list)
        else [],
        "title": clean_line(title),
        "authors": [clean_line(str(a)) for a in authors if str(a).strip()],
        "outlet": obj.get("outlet") if isinstance(obj.get("outlet"), str) else None,
        "language": obj.get("language") if isinstance(obj.get("language"), str) else None,
        "text": join_paragraphs(paragraphs(text)),
        "published": stamp.day if stamp else None,
        "published_at": instant,
        "date_source": "jsonl" if stamp else None,
        "extractor": "jsonl",
    }
