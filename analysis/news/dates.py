"""Publication day of a page: JSON-LD, meta tags, `<time>`, URL, byline, then htmldate.

The day is the publisher's local calendar day as written, never shifted by a UTC conversion. When
the best source gives only a UTC instant (`…Z` / `+00:00`), a source that states the local day
(a date-only meta tag, an offset timestamp, the URL, the byline) within a day of it wins: a page
published 00:30 in Beijing carries `2025-05-02T16:30:00Z` in JSON-LD but is a 3 May story.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from lxml.html import HtmlElement

from analysis.news.stamps import Stamp, numeric_date, parse_stamp, url_date

__all__ = [
    "Stamp",
    "choose",
    "htmldate_day",
    "json_ld_objects",
    "parse_stamp",
    "stamps",
    "url_date",
]

META_NAMES = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
)
_META_RANK = {n: i for i, n in enumerate(META_NAMES)}
_SKIP = re.compile(r"comment|related|sidebar|footer|aside|nav|promo|recommend|newsletter", re.I)
_BYLINE = re.compile(
    r"byline|dateline|date|posted|published|meta|timestamp|(?:^|[\s_-])(?:time|info|source)(?:$|[\s_-])",
    re.I,
)


def json_ld_objects(root: HtmlElement) -> list[dict]:
    """Every JSON object in ld+json scripts, flattening lists and `@graph` (bad JSON skipped)."""
    out: list[dict] = []
    for script in root.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    return out


def stamps(root: HtmlElement, url: str | None, ld: list[dict]) -> list[Stamp]:
    """Every publication date on the page, best source first."""
    found: list[Stamp] = []
    for obj in ld:
        value = obj.get("datePublished") or obj.get("dateCreated") or obj.get("uploadDate")
        if isinstance(value, str) and (s := parse_stamp(value, "json-ld")):
            found.append(s)
    metas = []
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _META_RANK and (s := parse_stamp(el.get("content") or "", "meta")):
            metas.append((_META_RANK[key], s))
    found += [s for _, s in sorted(metas, key=lambda p: p[0])]
    found += _time_stamps(root)
    if s := url_date(url):
        found.append(s)
    found += _byline_stamps(root)
    found += _posted_stamps(root)
    return found


def _skipped(el: HtmlElement) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("aside", "nav", "footer") or _SKIP.search(
            f"{anc.get('class', '')} {anc.get('id', '')}"
        ):
            return True
    return False


def _time_stamps(root: HtmlElement) -> list[Stamp]:
    marked, plain = [], []
    for el in root.iter("time"):
        if _skipped(el):
            continue
        value = el.get("datetime") or el.text_content()
        s = parse_stamp(value, "time")
        if s is None:
            continue
        attrs = f"{el.get('itemprop', '')} {el.get('class', '')} {el.get('pubdate', '')}"
        if "pubdate" in el.attrib or re.search(r"publish|created", attrs, re.I):
            marked.append(s)
        elif not re.search(r"modif|updat", attrs, re.I):
            plain.append(s)
    return marked + plain[:1]


def _byline_stamps(root: HtmlElement) -> list[Stamp]:
    out = []
    for el in root.xpath("//*[@class or @id]"):
        if el.tag in ("html", "body", "script", "style") or not _BYLINE.search(
            f"{el.get('class', '')} {el.get('id', '')}"
        ):
            continue
        text = el.text_content()
        if len(text) > 300 or _skipped(el) or re.search(r"updated", text[:12], re.I):
            continue
        if s := parse_stamp(text, "byline"):
            out.append(Stamp(s.day, s.instant, "byline", s.utc_only))
            break
    return out


_POSTED = re.compile(r"\b(?:posted|published|dated)\s*(?:on)?\s*:?\s*(.{6,40})", re.IGNORECASE)


def _posted_stamps(root: HtmlElement) -> list[Stamp]:
    """'Posted: 11/12/2025' or 'Published May 3, 2025' in the first part of the page text."""
    body = root.find("body")
    text = " ".join((body if body is not None else root).text_content()[:6000].split())
    for m in _POSTED.finditer(text):
        if s := parse_stamp(m.group(1), "byline") or numeric_date(m.group(1), "byline"):
            return [s]
    return []


def choose(found: list[Stamp]) -> tuple[date | None, datetime | None, str | None]:
    """(local day, UTC instant, source): the best stamp, with the UTC-midnight trap avoided."""
    if not found:
        return None, None, None
    best = found[0]
    instant = next((s.instant for s in found if s.instant is not None), None)
    if best.utc_only:
        for s in found[1:]:
            if not s.utc_only and abs((s.day - best.day).days) <= 1:
                return s.day, instant, s.source
    return best.day, instant, best.source


def htmldate_day(html: str | HtmlElement) -> date | None:
    """htmldate's original-date guess (the fallback when the page declares nothing we read)."""
    from htmldate import find_date

    try:
        found = find_date(html, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except Exception:
        return None
    return date.fromisoformat(found) if found else None
