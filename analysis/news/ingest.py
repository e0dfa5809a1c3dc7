"""Inputs (URLs, files, folders) → article records or per-item errors, streamed one at a time."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from analysis import config
from analysis.news import cache, fetch
from analysis.news.dedupe import remember, signature
from analysis.news.frontmatter import extract_markdown
from analysis.news.html import extract_html
from analysis.news.jsonl import iter_file_lines, iter_json
from analysis.news.meta import host
from analysis.news.plain import extract_plain
from analysis.news.raw import ItemFailure, decode_html, decode_utf8, read_capped
from analysis.news.stamps import parse_stamp
from analysis.news.text import article_id, guess_language, normalized
from analysis.provenance import SUFFIX as SIDECAR_SUFFIX

KINDS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}


@dataclass(frozen=True)
class ItemError:
    """An input that did not become an article: what it was, where (line for JSON lines), why."""

    item: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.item}:{self.line}" if self.line else self.item
        return f"{where}: {self.reason}"


def expand(inputs: Iterable[str | Path]) -> Iterator[str | Path]:
    """URLs as given; folders walked (sorted, sidecars and hidden files skipped); files as given."""
    for item in inputs:
        if isinstance(item, str) and fetch.is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                rel = p.relative_to(path).parts
                if (
                    p.is_file()
                    and not p.name.endswith(SIDECAR_SUFFIX)
                    and not any(x.startswith(".") for x in rel)
                    and p.suffix.lower() in KINDS
                ):
                    yield p
        else:
            yield path


def iter_articles(
    inputs: Iterable[str | Path],
    *,
    published: date | None = None,
    use_cache: bool = True,
    timeout: float = fetch.TIMEOUT,
) -> Iterator[dict[str, Any] | ItemError]:
    """One record (contract columns except `urls`/`article_id` ready) or ItemError per item."""
    for item in expand(inputs):
        if isinstance(item, str):
            yield _from_url(item, published, timeout)
            continue
        yield from _from_file(item, published, use_cache)


def _from_url(url: str, published: date | None, timeout: float) -> dict[str, Any] | ItemError:
    try:
        html, final = fetch.download(url, timeout=timeout)
        data = html.encode("utf-8")
        fields = extract_html(html, final)
    except ItemFailure as exc:
        return ItemError(url, str(exc))
    except (RecursionError, MemoryError) as exc:
        return ItemError(url, f"page too complex to parse ({type(exc).__name__})")
    fields.setdefault("urls", [])
    if url not in fields["urls"]:
        fields["urls"] = [url, *fields["urls"]]
    return _finish(fields, None, hashlib.sha256(data).hexdigest(), published, None)


def _from_file(
    path: Path, published: date | None, use_cache: bool
) -> Iterator[dict[str, Any] | ItemError]:
    if not path.exists():
        yield ItemError(str(path), "no such file or folder")
        return
    kind = KINDS.get(path.suffix.lower())
    if kind == "jsonl":
        yield from _from_jsonl(path, published, _sidecar_fields(path))
        return
    try:
        data = read_capped(path)
    except ItemFailure as exc:
        yield ItemError(str(path), str(exc))
        return
    except OSError as exc:
        yield ItemError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if kind is None:
        kind = "html" if data.lstrip()[:1] == b"<" else None
        if kind is None:
            yield ItemError(str(path), f"unknown file type '{path.suffix}' (html, md, txt, jsonl)")
            return
    sha = hashlib.sha256(data).hexdigest()
    side = _sidecar_fields(path)
    if kind == "json":
        yield from _from_json(path, data, sha, published, side)
        return
    result = cache.get(sha, kind) if use_cache else None
    if result is None:
        result = _parse(kind, data)
        if "error" not in result:
            derive(result)
        if use_cache:
            cache.put(sha, kind, result)
    if "error" in result:
        yield ItemError(str(path), result["error"])
        return
    yield _finish(dict(result), path, sha, published, side)


def _parse(kind: str, data: bytes) -> dict[str, Any]:
    try:
        if kind == "html":
            return extract_html(decode_html(data))
        text = decode_utf8(data)
        return extract_markdown(text) if kind == "markdown" else extract_plain(text)
    except ItemFailure as exc:
        return {"error": str(exc)}
    except (RecursionError, MemoryError) as exc:
        return {"error": f"document too complex to parse ({type(exc).__name__})"}


def _from_jsonl(
    path: Path, published: date | None, side: dict
) -> Iterator[dict[str, Any] | ItemError]:
    """Stream a JSON-lines file line by line (any size); raw_sha256 is that of the line."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, generator-friendly
    except OSError as exc:
        yield ItemError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        for line, raw, result in iter_file_lines(fh):
            if isinstance(result, ItemFailure):
                yield ItemError(str(path), str(result), line)
            else:
                sha = hashlib.sha256(raw).hexdigest()
                yield _finish(result, path, sha, published, side)


def _from_json(
    path: Path, data: bytes, sha: str, published: date | None, side: dict
) -> Iterator[dict[str, Any] | ItemError]:
    try:
        text = decode_utf8(data)
    except ItemFailure as exc:
        yield ItemError(str(path), str(exc))
        return
    for line, result in iter_json(text):
        if isinstance(result, ItemFailure):
            yield ItemError(str(path), str(result), line)
        else:
            yield _finish(result, path, sha, published, side)


def _sidecar_fields(path: Path) -> dict[str, Any]:
    """Optional article fields from `<file>.meta.json`: published, article_url, outlet, authors."""
    meta = path.with_name(path.name + SIDECAR_SUFFIX)
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def derive(rec: dict[str, Any]) -> dict[str, Any]:
    """Content-derived fields, from one tokenization: id, word count, language, MinHash."""
    text = rec["text"]
    joined = normalized(text)
    rec["article_id"] = article_id(text, joined)
    rec["word_count"] = joined.count(" ") + 1 if joined else 0
    first_words = joined.split(" ", 700)[:700] if joined else []
    rec["language"] = rec.get("language") or guess_language(text, first_words)
    rec["minhash"] = signature(text, joined=joined).tolist()  # Python ints, for the cache
    return rec


def _finish(
    rec: dict[str, Any],
    path: Path | None,
    sha: str,
    published: date | None,
    side: dict | None,
) -> dict[str, Any]:
    """Fill the date from sidecar or caller when the document has none; add ids and provenance."""
    side = side or {}
    if rec.get("published") is None:
        stamp = parse_stamp(str(side.get("published") or ""), "sidecar")
        if stamp:
            rec["published"], rec["date_source"] = stamp.day, "sidecar"
            rec["published_at"] = rec.get("published_at") or stamp.instant
        elif published is not None:
            rec["published"], rec["date_source"] = published, "caller"
    if not rec.get("url") and isinstance(side.get("article_url"), str):
        rec["url"] = side["article_url"]
    if not rec.get("outlet"):
        rec["outlet"] = (
            side.get("outlet") if isinstance(side.get("outlet"), str) else host(rec.get("url"))
        )
    if not rec.get("authors") and isinstance(side.get("authors"), list):
        rec["authors"] = [str(a) for a in side["authors"]]
    text = rec["text"]
    urls = [u for u in [rec.get("url"), *rec.get("urls", [])] if u]
    rec["urls"] = list(dict.fromkeys(urls))
    if "article_id" not in rec:
        derive(rec)
    remember(rec["article_id"], np.array(rec["minhash"], dtype=np.uint64))
    rec["title"] = rec.get("title") or text.split("\n", 1)[0][:120]
    rec["authors"] = rec.get("authors") or []
    rec["raw_path"] = _display(path) if path else None
    rec["raw_sha256"] = sha
    return rec


def _display(path: Path) -> str:
    """Path relative to the project home when inside it (stable across machines), else absolute."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(config.home()).as_posix()
    except ValueError:
        return resolved.as_posix()
