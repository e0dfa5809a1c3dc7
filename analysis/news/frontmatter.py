"""Markdown with YAML front matter (the White House Briefing Room archive format)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import yaml

from analysis.news import stamps
from analysis.news.raw import ItemFailure
from analysis.news.text import clean_line, clean_lines, list_items

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

_TAG = re.compile(r"</?[A-Za-z][^>]{0,500}>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_PREFIX = re.compile(r"^[ \t]*(?:#{1,6}|>+)[ \t]*", re.MULTILINE)
_RULE = re.compile(r"[-*_=\s]{3,}")
#: The characters other than whitespace that `_RULE` allows.
_RULE_CHARS = "-*_="
#: A line after the first that may start a list item (superset of LIST_ITEM on such lines).
_LATER_ITEM = re.compile(r"\n\s*(?:[-*+]|\d{1,3}[.)])\s")
_BLANK_LINE = re.compile(r"\n\s*\n")
_HIDDEN_STAR, _HIDDEN_UNDERSCORE = "\ufdd0", "\ufdd1"
_HIDDEN = {"*": _HIDDEN_STAR, "_": _HIDDEN_UNDERSCORE}


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter mapping, body); raises ItemFailure on bad YAML."""
    if not text.startswith("---"):
        return {}, text
    end = re.search(r"^---\s*$", text[3:], re.MULTILINE)
    if not end:
        msg = "front matter opened with '---' is never closed"
        raise ItemFailure(msg)
    head, body = text[3 : 3 + end.start()], text[3 + end.end() :]
    try:
        meta = yaml.load(head, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at front-matter line {mark.line + 1}" if mark else ""
        msg = f"front matter is not valid YAML{where}"
        raise ItemFailure(msg) from None
    return (meta if isinstance(meta, dict) else {}), body


def markdown_paragraphs(body: str) -> list[str]:
    """Plain paragraphs from Markdown: tags, images, link targets, emphasis and escapes removed."""
    # these checks skip whole-text scans that cannot match (a one-character `in` is much faster)
    if "\r" in body:
        body = body.replace("\r\n", "\n")
    if "<" in body:
        body = _TAG.sub("", body)
    if "]" in body:  # in every image and link
        body = _LINK.sub(r"\1", _IMAGE.sub("", body))
    escaped = "\\" in body
    if escaped:
        body = _ESCAPE.sub(_unescape, body)
    if "*" in body or "_" in body:
        body = _EMPH.sub(r"\2", body)
    if escaped:
        body = body.replace(_HIDDEN_STAR, "*").replace(_HIDDEN_UNDERSCORE, "_")
    if "#" in body or ">" in body:
        body = _PREFIX.sub("", body)
    blocks = _BLANK_LINE.split(body)
    if any(map(_LATER_ITEM.search, blocks)):
        out = [p for block in blocks for p in _block_paragraphs(block)]
    else:  # the usual case: each block is one paragraph
        out = clean_lines(blocks)
    # (speed) a rule starts with one of its characters: most paragraphs skip the regex
    rule = _RULE.fullmatch
    return [p for p in out if p and not ((p[0] in _RULE_CHARS or p[0].isspace()) and rule(p))]


def _unescape(m: re.Match[str]) -> str:
    """Escaped `*` and `_` hidden from _EMPH as Unicode noncharacters; other escapes dropped."""
    return _HIDDEN.get(m.group(1), m.group(1))


def _block_paragraphs(block: str) -> list[str]:
    """Cleaned paragraphs of one block: lines joined, a new paragraph at each later list item.

    Blocks with no item line past their first line (the usual case) skip the per-line loop.
    """
    if not _LATER_ITEM.search(block):
        return [clean_line(block)]
    return [clean_line(item) for item in list_items(block.split("\n"))]


def _as_stamp(value: object) -> stamps.Stamp | None:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return stamps.Stamp(value.date(), None, "front-matter")
        return stamps.Stamp(value.date(), value.astimezone(UTC), "front-matter")
    if isinstance(value, date):
        return stamps.Stamp(value, None, "front-matter")
    if isinstance(value, str):
        return stamps.parse_stamp(value, "front-matter")
    return None


#: Front-matter keys of the publication day, by preference: the White House archive's `date`,
#: then the names static-site generators and CMS exports use (Hugo `publishDate`, Astro
#: `pubDate`, Jekyll-style `published` when it holds a date rather than true/false).
_DAY_KEYS = (
    "date",
    "published",
    "publishDate",
    "publish_date",
    "pubDate",
    "datePublished",
    "date_published",
)
_INSTANT_KEYS = ("published_time", "published_at", "publishedAt")


def _first_stamp(meta: dict, keys: tuple[str, ...]) -> stamps.Stamp | None:
    """The first of `keys` holding a date (a Jekyll `published: true` flag is no date)."""
    for key in keys:
        stamp = _as_stamp(meta.get(key))
        if stamp is not None:
            return stamp
    return None


def extract_markdown(text: str) -> dict[str, Any]:
    """Fields of one front-matter document: the day from `date` (or `published`, `pubDate`,
    ...), the instant from `published_time` (or `published_at`)."""
    meta, body = split_front_matter(text)
    paras = markdown_paragraphs(body)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        title = paras[0] if paras and len(paras[0]) < 200 else None
    if not paras:
        msg = "Markdown document has no body"
        raise ItemFailure(msg)
    day_stamp = _first_stamp(meta, _DAY_KEYS)
    instant_stamp = _first_stamp(meta, _INSTANT_KEYS)
    day = day_stamp.day if day_stamp else (instant_stamp.day if instant_stamp else None)
    authors = meta.get("authors") or meta.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    return {
        "url": meta.get("source_url") or meta.get("url"),
        "title": clean_line(title) if title else None,
        "authors": [clean_line(str(a)) for a in authors],
        "outlet": meta.get("outlet") or meta.get("publisher"),
        "text": "\n\n".join(paras),  # already cleaned: join_paragraphs would redo it
        "published": day,
        "published_at": instant_stamp.instant if instant_stamp else None,
        "date_source": "front-matter" if day else None,
        "language": meta.get("lang") or meta.get("language"),
        "extractor": "front-matter",
    }
