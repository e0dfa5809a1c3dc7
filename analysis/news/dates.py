"""Publication day of a page: JSON-LD, meta tags, `<time>`, URL, byline, then htmldate.

The day is the publisher's local calendar day as written, never shifted by a UTC conversion. When
the best source gives only a UTC instant (`…Z` / `+00:00`), a source that states the local day
(a date-only meta tag, an offset timestamp, the URL, the byline) within a day of it wins: a page
published 00:30 in Beijing carries `2025-05-02T16:30:00Z` in JSON-LD but is a 3 May story.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from lxml.html import HtmlElement

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/.]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
    r"(?:[T ](?P<H>[0-2]\d):?(?P<M>[0-5]\d)(?::?(?P<S>[0-5]\d)(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-][01]\d:?[0-5]\d|[+-][01]\d)?)?"
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_HUMAN = re.compile(
    rf"\b(?:{_MON}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MON.replace('mon', 'mon2')}\s*,?\s+"
    r"(?P<y2>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_URL = re.compile(
    r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:[/-]|$|\.)|/((?:19|20)\d\d)([01]\d)([0-3]\d)/"
)


@dataclass(frozen=True)
class Stamp:
    """One date found on a page: its local day, UTC instant (if timed and zoned), where from."""

    day: date
    instant: datetime | None
    source: str
    utc_only: bool = False


def parse_stamp(value: str, source: str) -> Stamp | None:
    """Parse ISO 8601 / RFC 3339 / 'May 3, 2025' text; the day is the one written, not UTC's."""
    value = (value or "").strip()
    if not value:
        return None
    m = _ISO.search(value)
    if m:
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        if not m["H"]:
            return Stamp(day, None, source)
        tz = _zone(m["tz"])
        if tz is None:
            return Stamp(day, None, source)
        try:
            local = datetime(
                day.year, day.month, day.day, int(m["H"]), int(m["M"]), int(m["S"] or 0), tzinfo=tz
            )
        except ValueError:
            return Stamp(day, None, source)
        return Stamp(
            day, local.astimezone(UTC), source, utc_only=tz.utcoffset(None) == timedelta(0)
        )
    return _rfc2822(value, source) or human_date(value, source)


def _rfc2822(value: str, source: str) -> Stamp | None:
    """'Sat, 03 May 2025 00:30:00 +0800' (RSS and HTTP style)."""
    if not re.match(r"^[A-Za-z]{3},\s+\d", value):
        return None
    try:
        dt = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if dt.tzinfo is None:
        return Stamp(dt.date(), None, source)
    return Stamp(dt.date(), dt.astimezone(UTC), source, utc_only=dt.utcoffset() == timedelta(0))


def human_date(text: str, source: str) -> Stamp | None:
    """'May 3, 2025', 'Sept. 3 2025' or '3 May 2025' anywhere in `text`."""
    m = _HUMAN.search(text)
    if not m:
        return None
    mon = (m["mon"] or m["mon2"]).lower().rstrip(".")
    try:
        day = date(int(m["y1"] or m["y2"]), _MONTHS[mon], int(m["d1"] or m["d2"]))
    except (ValueError, KeyError):
        return None
    return Stamp(day, None, source)


def _zone(tz: str | None) -> timezone | None:
    if not tz:
        return None
    if tz.upper() in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def url_date(url: str | None) -> Stamp | None:
    """/2025/05/03/, /2025-05-03- or /20250503/ in a URL path."""
    if not url:
        return None
    m = _URL.search(url)
    if not m:
        return None
    y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    try:
        return Stamp(date(int(y), int(mo), int(d)), None, "url")
    except ValueError:
        return None


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


_NUMERIC = re.compile(r"\b([01]?\d|[23]\d)[/.]([0-3]?\d)[/.]((?:19|20)\d\d)\b")
_POSTED = re.compile(r"\b(?:posted|published|dated)\s*(?:on)?\s*:?\s*(.{6,40})", re.IGNORECASE)


def numeric_date(text: str, source: str) -> Stamp | None:
    """'11/12/2025' read month-first as in US usage, day-first when the first number exceeds 12."""
    m = _NUMERIC.search(text)
    if not m:
        return None
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return Stamp(date(y, month, day), None, source)
    except ValueError:
        return None


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
