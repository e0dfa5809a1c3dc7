"""Date strings → `Stamp` (local day as written, UTC instant when zoned): ISO 8601, RFC 2822,
'May 3, 2025', '3 May 2025', '11/12/2025' and dates in URL paths."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

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


_NUMERIC = re.compile(r"\b([01]?\d|[23]\d)[/.]([0-3]?\d)[/.]((?:19|20)\d\d)\b")


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
