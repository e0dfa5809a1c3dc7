"""Plain-text articles like the seed: title on the first line, byline and boilerplate dropped."""

from __future__ import annotations

import re
from typing import Any

from analysis.news import stamps
from analysis.news.raw import ItemFailure
from analysis.news.text import (
    BOILERPLATE,
    ROLE,
    clean_line,
    drop_boilerplate,
    join_paragraphs,
    list_items,
    word_count,
)

_BY = re.compile(r"^(?:by|written by)\s+(.+)$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")
_DATELINE = re.compile(r"^(?:published|posted|updated|date)?\s*:?\s*.{0,40}$", re.IGNORECASE)
#: A line that opens a list item ("* Feb. 4 - ...", "- ...", "• ...", "2. ...").
_ITEM = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: hard-wrapped blocks are joined, one-line-per-paragraph kept."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [clean_line(x) for x in block.split("\n") if x.strip()]
        if not lines:
            continue
        if len(lines) > 1 and sum(bool(_ITEM.match(x)) for x in lines) >= 2:
            out.extend(list_items(lines, _ITEM))  # a list: one paragraph per item, however long
        elif len(lines) > 1 and all(len(x) >= 50 for x in lines[:-1]):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def extract_plain(text: str) -> dict[str, Any]:
    """Title, authors, a byline date (if the text states one) and the cleaned body."""
    paras = text_paragraphs(text)
    if not paras:
        msg = "text file has no lines"
        raise ItemFailure(msg)
    title, rest = paras[0], paras[1:]
    authors: list[str] = []
    stamp = None
    body_start = 0
    for i, p in enumerate(rest[:6]):
        if word_count(p) > 12 or (p.endswith((".", "?", "!", "”", '"')) and word_count(p) > 6):
            break
        body_start = i + 1
        if m := _BY.match(p):
            authors += [a.strip() for a in re.split(r",\s*|\s+and\s+", m.group(1)) if a.strip()]
        elif stamp is None and _DATELINE.match(p) and (s := stamps.parse_stamp(p, "byline")):
            stamp = s
        elif BOILERPLATE.match(p):
            continue
        elif _NAME.match(p) and not authors and not ROLE.search(p):
            authors.append(p)
    body = drop_boilerplate(rest[body_start:])
    if word_count(" ".join(body)) < 10:
        msg = "text file has a title but no article body"
        raise ItemFailure(msg)
    return {
        "title": title,
        "authors": authors,
        "text": join_paragraphs(body),
        "published": stamp.day if stamp else None,
        "published_at": stamp.instant if stamp else None,
        "date_source": "byline" if stamp else None,
        "extractor": "plain-text",
    }
