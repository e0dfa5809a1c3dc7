"""Resolve the date phrases of a sentence against the article's publication day.

Conventions (documented in the README section of analysis.events):
- week precision: `date` is the Monday of that week ("earlier this week", "next week");
- month precision: the 1st of the month ("last month", "in May 2025");
- year precision: 1 January ("in 2019");
- a bare weekday is the most recent such day on or before publication ("on Friday"), or the next one
  on or after publication when the sentence speaks of the future ("will meet on Thursday");
  "last Tuesday" is strictly before publication, "next Tuesday" strictly after, "this Thursday"
  inside the publication week;
- a month and day without a year ("May 12") takes the year that puts it nearest the publication day
  (past unless the sentence speaks of the future);
- no phrase: the publication day, basis "published" (hedged reports: its week, see `resolve`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from analysis.events.text import fold_exact, trie_regex, with_first_chars

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = {
    d: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for d in names
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
COUNTS = {
    w: i
    for i, w in enumerate(
        (
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ),
        start=1,
    )
}
COUNTS["a"] = COUNTS["an"] = 1
_COUNT = "|".join(COUNTS)

#: (pattern, kind) tried in order; the first kind that matches a span wins over later ones there.
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"), "iso"),
    (re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b", re.I), "mdy"),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I), "dmy"),
    # "Five years ago today", "Two years ago tomorrow", "two weeks ago today": before "today"
    # can take its end
    (
        re.compile(
            rf"\b(?P<n>{_COUNT}|\d{{1,2}})\s+(?P<agounit>year|month|week|day)s?\s+ago\s+"
            r"(?P<agotoday>today|tomorrow|yesterday)\b",
            re.I,
        ),
        "ago",
    ),
    # "on the 14th": a day of the month of publication (or of the month before, if later)
    (
        re.compile(
            r"\bon the (?P<nth>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of|century))", re.I
        ),
        "nth",
    ),
    # "on the first day of June": the month's first (or last) day
    (
        re.compile(rf"\bthe (?P<edge>first|last) day of {_MON}(?:,?\s+{_YEAR})?\b", re.I),
        "edge_day",
    ),
    # "effective Sept. 1 last year"
    (
        re.compile(rf"\b{_MON}\s+{_DAY},?\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year\b", re.I),
        "md_rel",
    ),
    (
        re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:%|percent|million|billion|,\s*\d{{3}}))", re.I),
        "md",
    ),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}\b", re.I), "dm"),
    (
        re.compile(
            rf"\b(?:(?:in|since|during|by|until|early|late|mid-?|from)\s+)?"
            rf"(?:early |late |mid-)?{_MON}\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year\b",
            re.I,
        ),
        "m_rel",
    ),
    (
        re.compile(
            rf"\b(?:in|since|during|by|until|early|late|mid-?|from|last|next|this|that|for|back to|"
            rf"(?:at |by |until |before )?the (?:end|beginning|start|middle) of)\s+"
            rf"(?:early |late |mid-)?{_MON}(?!\s*\d)\b",
            re.I,
        ),
        "m",
    ),
    (re.compile(rf"\b(?:early|mid|late|mid-)?\s*{_MON},?\s+(?:of\s+)?{_YEAR}\b", re.I), "my"),
    (
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|tomorrow|this morning|this afternoon|"
            r"this evening|earlier today)\b",
            re.I,
        ),
        "rel_day",
    ),
    (
        # "ended at 12:01 a.m.": a clock time alone names the day the story is about
        re.compile(
            r"\b(?:at|before|after|around|about|by) (?P<clock>\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?)"
            r"(?:\s+[A-Z]{2,4}\b)?"
            r"(?![^;]{0,30}?\b(?:on|the next|the following|next|this|last|monday|tuesday|"
            r"wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
            r"dec)\b)",
            re.I,
        ),
        "clock",
    ),
    (
        # "on Thursday of last week": that week's Thursday (not the last Thursday before today)
        re.compile(rf"\b(?:on\s+)?{_WD}\s+of\s+(?P<which>last|this|next)\s+week\b", re.I),
        "weekday_of_week",
    ),
    (
        re.compile(
            r"\b(?P<mod>last|this|next|on|this past|this coming|earlier on|late on|early on|by|"
            rf"during|since|until|late|early)\s+{_WD}\b",
            re.I,
        ),
        "weekday",
    ),
    (
        re.compile(
            r"(?:(?<=said )|(?<=says )|(?<=announced )|(?<=released )|(?<=published )|"
            r"(?<=reported )|(?<=issued )|(?<=signed )|(?<=ordered )|(?<=unveiled )|(?<=imposed )|"
            r"(?<=told )|(?<=statement )|(?<=interview )|(?<=briefing )|(?<=remarks )|"
            r"(?<=numbers )|(?<=figures )|(?<=data )|(?<=estimates )|"
            r"(?<=speech )|(?<=conference )|(?<=starting )|(?<=effective )|"
            # "fell to 10 percent at 12:01 a.m. Monday"
            r"(?<=a\.m\. )|(?<=p\.m\. )|(?<=midnight )|(?<=noon )|(?<=effect from ))"
            rf"{_WD}\b",
            re.I,
        ),
        "weekday_bare",
    ),
    (
        re.compile(
            # not "the Monday after the talks": a Monday counted from another day
            rf"(?<!\bthe )\b{_WD}\b(?=\s*(?:,|\.|\s+(?:morning|afternoon|evening|night)|"
            r"\s+(?:that|when|after|in|at|to|on|against|with|for|over|from|and)\b|['’]s\b))",
            re.I,
        ),
        "weekday_bare",
    ),
    (
        # "eight years ago this month", "two weeks ago"
        re.compile(
            rf"\b(?P<n>{_COUNT}|\d{{1,2}})\s+(?P<agounit>year|month|week|day)s?\s+ago"
            r"(?:\s+this\s+(?P<agothis>month|week))?\b",
            re.I,
        ),
        "ago",
    ),
    # "the week before last": two weeks back (before "last week" can take its end)
    (re.compile(r"\bthe (?P<unit>week|month|year) before last\b", re.I), "before_last"),
    (
        re.compile(
            r"\b(?P<wmod>earlier this|later this|this|last|next|the past|the previous|the coming|"
            r"over the|at the)\s+(?P<unit>week(?:end)?)\b(?!\s+of\s+(?:\w+\.?\s+)?\d)",
            re.I,
        ),
        "week",
    ),
    (
        # "weekend talks": the weekend just past
        re.compile(
            r"\b(?P<unit>weekend)(?=\s+(?:talks|meetings?|negotiations|summit|visit|call)\b)",
            re.I,
        ),
        "week",
    ),
    (
        re.compile(
            r"\b(?P<wmod>earlier this|later this|this|last|next|the past|the previous|the coming)"
            r"\s+(?P<unit>month)\b",
            re.I,
        ),
        "month",
    ),
    (
        re.compile(
            r"\b(?P<wmod>earlier this|later this|this|last|next|that|later that|earlier that|"
            r"the same)\s+(?P<unit>year)\b",
            re.I,
        ),
        "year_rel",
    ),
    (
        re.compile(
            r"\b(?P<prep>in|during|since|by|early|late|mid|mid-)\s*(?:early |late |mid-?)?"
            rf"{_YEAR}\b(?!\s*(?:%|percent|-\d))",
            re.I,
        ),
        "year",
    ),
]
#: Each pattern behind a test of the characters its match can start with (speed).
PATTERNS = [(re.compile(with_first_chars(p.pattern), p.flags), kind) for p, kind in PATTERNS]
FUTURE = re.compile(
    r"\b(?:will|shall|plans? to|planned to|planning to|is set to|are set to|is scheduled|"
    r"are scheduled|scheduled to|is expected to|are expected to|is due|are due|"
    r"intends? to|would|upcoming|"
    r"going to|next|enters into force|takes effect|goes into effect|comes into force|kicks in|"
    # "The cuts take effect on Wednesday" (not "had already come into force on Thursday")
    r"(?<!\bnot )(?<!n't )(?<!\bhad )(?<!already )(?<!\bcould )"
    r"(?:enter into force|take effect|go into effect|come into force|kick in)"
    r"(?=\s+(?:on|at|from|next)\b|\s*$)|"
    # a scheduled step in the present: "the per-item charge rises to $200 on June 1"
    r"(?:rises|falls|drops|climbs|increases|doubles) to|"
    # "with the levies set to start on Tuesday"
    r"set to (?:start|begin|take|go|kick|rise|fall|climb|double|triple|expire|end|lapse|apply|"
    r"resume|return))\b",
    re.I,
)


@dataclass(frozen=True)
class Resolved:
    """A calendar date with its precision and basis, and the text span it came from."""

    date: date
    precision: str
    basis: str
    start: int = -1
    end: int = -1
    phrase: str = ""


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_end(day: date) -> date:
    """The last day of `day`'s month."""
    return _month_start(day, 1) - timedelta(days=1)


def _month_start(day: date, shift: int = 0) -> date:
    m = day.year * 12 + day.month - 1 + shift
    return date(m // 12, m % 12 + 1, 1)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, pub: date, future: bool | str) -> date | None:
    cand = _safe(pub.year, month, day)
    if cand is None:
        return None
    if future == "near":  # "effective Nov. 10" with no tense of its own: the nearest such day
        options = [d for y in (-1, 0, 1) if (d := _safe(pub.year + y, month, day)) is not None]
        return min(options, key=lambda d: abs((d - pub).days))
    if not future and cand > pub + timedelta(days=14):
        cand = _safe(pub.year - 1, month, day) or cand
    elif future and cand < pub - timedelta(days=183 if future == "would" else 60):
        cand = _safe(pub.year + 1, month, day) or cand
    elif cand < pub - timedelta(days=300):
        # "January 1" in a December story is the coming one: a day almost a year back would
        # be written with its year
        ahead = _safe(pub.year + 1, month, day)
        if ahead is not None and ahead <= pub + timedelta(days=45):
            cand = ahead
    return cand


def _weekday(wd: int, mod: str, pub: date, future: bool | str) -> date:
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    mod = fold_exact(mod)
    if mod in ("last", "this past"):
        return pub - timedelta(days=back or 7)
    if mod in ("next", "this coming"):
        return pub + timedelta(days=ahead or 7)
    if mod == "this":
        return monday(pub) + timedelta(days=wd)
    if future == "since":  # "Starting Monday, exporters need ...": the last such day
        return pub - timedelta(days=back)
    if future == "near":  # "effective Monday" in Tuesday's paper: the day before
        return pub - timedelta(days=back) if back <= 1 else pub + timedelta(days=ahead)
    return pub + timedelta(days=ahead) if future else pub - timedelta(days=back)


def _weekend(mod: str, pub: date, future: bool | str) -> date:
    """Monday of the week holding the weekend meant ("over the weekend" = the last one)."""
    last_sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
    next_sat = pub + timedelta(days=(5 - pub.weekday()) % 7)
    if mod in ("next", "the coming"):
        return monday(next_sat) + timedelta(weeks=1 if pub.weekday() >= 5 else 0)
    if mod in ("this", "later this") and future:
        return monday(next_sat)
    if mod == "last" and pub.weekday() >= 5:
        return monday(last_sat) - timedelta(weeks=1)
    return monday(last_sat)


def _one(m: re.Match[str], kind: str, pub: date, future: bool | str) -> Resolved | None:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    span = (m.start(), m.end(), m.group(0))
    if kind == "iso":
        y, mo, d = (int(x) for x in g["iso"].split("-"))
        day = _safe(y, mo, d)
        return Resolved(day, "day", "explicit", *span) if day else None
    if kind in ("mdy", "dmy"):
        day = _safe(int(g["year"]), MONTHS[fold_exact(g["mon"])], int(g["day"]))
        return Resolved(day, "day", "explicit", *span) if day else None
    if kind == "nth":
        n = int(g["nth"])
        day = _safe(pub.year, pub.month, n)
        if day is None or (day > pub + timedelta(days=3) and not future):
            prev = _month_start(pub, -1)
            day = _safe(prev.year, prev.month, n)
        return Resolved(day, "day", "relative", *span) if day else None
    if kind == "edge_day":
        month = MONTHS[fold_exact(g["mon"])]
        first = fold_exact(g["edge"]) == "first"
        if "year" in g:
            year = int(g["year"])
            last = calendar.monthrange(year, month)[1]
            return Resolved(date(year, month, 1 if first else last), "day", "explicit", *span)
        near = _nearest_year(month, 1, pub, future)
        if near is None:
            return None
        last = calendar.monthrange(near.year, month)[1]
        return Resolved(near if first else near.replace(day=last), "day", "explicit", *span)
    if kind == "md_rel":
        shift = {"last": -1, "next": 1}.get(fold_exact(g["yrel"]), 0)
        day = _safe(pub.year + shift, MONTHS[fold_exact(g["mon"])], int(g["day"]))
        return Resolved(day, "day", "relative", *span) if day else None
    if kind in ("md", "dm"):
        day = _nearest_year(MONTHS[fold_exact(g["mon"])], int(g["day"]), pub, future)
        return Resolved(day, "day", "explicit", *span) if day else None
    if kind == "m":
        month = MONTHS[fold_exact(g["mon"])]
        lead = fold_exact(m.group(0).split()[0])
        year = pub.year
        if lead == "next" or (future and lead != "last" and month < pub.month):
            year += 1 if month <= pub.month else 0
        elif lead == "last" or (not future and month > pub.month):
            year -= 1  # "last March", said in April: March of the year before
        return Resolved(date(year, month, 1), "month", "explicit", *span)
    if kind == "m_rel":
        shift = {"last": -1, "next": 1}.get(fold_exact(g["yrel"]), 0)
        return Resolved(
            date(pub.year + shift, MONTHS[fold_exact(g["mon"])], 1), "month", "relative", *span
        )
    if kind == "my":
        return Resolved(
            date(int(g["year"]), MONTHS[fold_exact(g["mon"])], 1), "month", "explicit", *span
        )
    if kind == "clock":
        return Resolved(pub, "day", "relative", *span)
    if kind == "rel_day":
        rel = fold_exact(g["rel"])
        shift = _DAY_SHIFT.get(rel, 0)
        return Resolved(pub + timedelta(days=shift), "day", "relative", *span)
    if kind == "weekday_of_week":
        weeks = {"last": -1, "this": 0, "next": 1}[fold_exact(g["which"])]
        day = monday(pub) + timedelta(weeks=weeks, days=WEEKDAYS[fold_exact(g["wd"])])
        return Resolved(day, "day", "relative", *span)
    if kind in ("weekday", "weekday_bare"):
        day = _weekday(WEEKDAYS[fold_exact(g["wd"])], g.get("mod", "on"), pub, future)
        return Resolved(day, "day", "relative", *span)
    if kind == "before_last":
        unit = fold_exact(g["unit"])
        if unit == "week":
            return Resolved(monday(pub) - timedelta(weeks=2), "week", "relative", *span)
        if unit == "month":
            return Resolved(_month_start(pub, -2), "month", "relative", *span)
        return Resolved(date(pub.year - 2, 1, 1), "year", "relative", *span)
    if kind in ("week", "month", "year_rel"):
        mod = fold_exact(g.get("wmod", "over the"))
        shift = (
            -1
            if mod in ("last", "the past", "the previous")
            else 1
            if mod in ("next", "the coming")
            else 0
        )
        if kind == "week":
            if fold_exact(g["unit"]) == "weekend":
                return Resolved(_weekend(mod, pub, future), "week", "relative", *span)
            if mod == "the past":
                shift = 0
            return Resolved(monday(pub) + timedelta(weeks=shift), "week", "relative", *span)
        if kind == "month":
            return Resolved(_month_start(pub, shift), "month", "relative", *span)
        return Resolved(date(pub.year + shift, 1, 1), "year", "relative", *span)
    if kind == "year":
        year = int(g["year"])
        return Resolved(date(year, 1, 1), "year", "explicit", *span)
    if kind == "ago":
        n = COUNTS.get(fold_exact(g["n"])) or int(g["n"])
        unit = fold_exact(g["agounit"])
        if "agotoday" in g:
            # "Five years ago today": that day of the month, so many years (months) back;
            # "ago tomorrow" from the day after publication; "two weeks ago today": 14 days back
            then = pub + timedelta(days=_DAY_SHIFT[fold_exact(g["agotoday"])])
            if unit in ("week", "day"):
                days = n * (7 if unit == "week" else 1)
                return Resolved(then - timedelta(days=days), "day", "relative", *span)
            back = _month_start(then, -n * (12 if unit == "year" else 1))
            day = _safe(back.year, back.month, then.day)
            return Resolved(day, "day", "relative", *span) if day else None
        if unit == "year":
            if fold_exact(g.get("agothis", "")) == "month":
                return Resolved(date(pub.year - n, pub.month, 1), "month", "relative", *span)
            return Resolved(date(pub.year - n, 1, 1), "year", "relative", *span)
        if unit == "month":
            return Resolved(_month_start(pub, -n), "month", "relative", *span)
        if unit == "week":
            return Resolved(monday(pub) - timedelta(weeks=n), "week", "relative", *span)
        return Resolved(pub - timedelta(days=n), "day", "relative", *span)
    return None


_DAY_SHIFT = {"today": 0, "tomorrow": 1, "yesterday": -1}
_DIGIT = re.compile(r"\d")
_RELATIVE_WORDS = frozenset(
    [
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "morning",
        "afternoon",
        "evening",
        "week",
        "weekend",
        "month",
        "year",
    ]
)
#: Cues by name: a sentence has a cue when one of its lower-cased words is one of the cue's.
#: The cues after "ago" hold no "i" or "s" (case-insensitive matching also reads those letters
#: in "ı" and "ſ", which lower-case to no ASCII letter), so a pattern's match always shows them.
_CUES: dict[str, frozenset[str]] = {
    "month": frozenset(MONTHS),
    "weekday": frozenset(WEEKDAYS),
    "relative": _RELATIVE_WORDS,
    "ago": frozenset(["ago"]),
    "week": frozenset(["week", "weekend"]),
    "month_unit": frozenset(["month"]),
    "year_unit": frozenset(["year"]),
    "before": frozenset(["before"]),
    "day": frozenset(["day"]),
}
#: Cheap conditions a sentence must meet before a pattern is tried (speed only): cues, "digit"
#: for any digit and "year" for the digits of a year (`_YEAR_DIGITS`).
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("year",),
    "mdy": ("month", "year"),
    "dmy": ("month", "year"),
    "md": ("month", "digit"),
    "md_rel": ("month", "digit", "year_unit"),
    "edge_day": ("month", "day"),
    "nth": ("digit",),
    "dm": ("month", "digit"),
    "m_rel": ("month", "year_unit"),
    "m": ("month",),
    "my": ("month", "year"),
    "rel_day": ("relative",),
    "clock": ("digit",),
    "weekday": ("weekday",),
    "weekday_of_week": ("weekday", "week"),
    "weekday_bare": ("weekday",),
    "before_last": ("relative", "before"),
    "week": ("week",),
    "month": ("month_unit",),
    "year_rel": ("year_unit",),
    "year": ("year",),
    "ago": ("ago",),
}
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
#: The kinds whose resolution reads the tense of the phrase's clause (`_one`'s `future`); the
#: others do not, so their tense is not looked for (speed).
_TENSED = frozenset(["nth", "edge_day", "md", "dm", "m", "weekday", "weekday_bare", "week"])
#: The cue words (and "following") of a lower-cased sentence, each a whole [a-z] word (speed:
#: one scan instead of splitting the sentence into every word).
_CUE_WORD = re.compile(
    r"(?<![a-z])(?:" + trie_regex(set().union(*_CUES.values(), ["following"])) + r")(?![a-z])"
)
_CUES_OF: dict[str, frozenset[str]] = {
    w: frozenset(c for c, words in _CUES.items() if w in words)
    for w in set().union(*_CUES.values(), ["following"])
}


def _cues(sentence: str) -> tuple[set[str], frozenset[str]]:
    """The sentence's cue words (and "following") and the cues it has (see `_NEEDS`)."""
    words = set(_CUE_WORD.findall(fold_exact(sentence)))
    cues = {c for w in words for c in _CUES_OF[w]}
    if _DIGIT.search(sentence):
        cues.add("digit")
        if _YEAR_DIGITS.search(sentence):
            cues.add("year")
    return words, frozenset(cues)


def has_date_cue(sentence: str) -> bool:
    """Could the sentence hold a date phrase: a digit, a month, a weekday or a relative word
    ("week", "yesterday", "ago")? Cheap; false means `find_dates` finds nothing."""
    return bool(_cues(sentence)[1])


@cache
def _plan(cues: frozenset[str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The (pattern, kind) pairs whose `_NEEDS` the sentence's `cues` meet, in order."""
    return tuple((p, kind) for p, kind in PATTERNS if cues.issuperset(_NEEDS[kind]))


_CLAUSE = re.compile(r"[,;—–]|:(?!\d)|\band\b|\bbut\b")  # not the colon of "12:01 a.m."
#: A verb in the past tense right before a month-day: the day is not after the story's.
_PAST_BEFORE = re.compile(
    r"\b(?:took effect|took hold|kicked in|went into effect|came into force|entered into force|"
    r"imposed|announced|signed|unveiled|released|published|issued)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
#: "..., starting Tuesday": a start named right before the phrase looks ahead.
_STARTING = re.compile(
    # "with the new rate taking effect at 12:01 a.m. Thursday", "effective at 12:01 a.m. Eastern
    # time on Tuesday", "with effect from Monday"
    # "with the duty taking hold at 12:01 a.m. Tuesday"
    r"\b(?:starting|beginning|effective|taking effect|taking hold|with effect from)\s+"
    r"(?:(?:at|from)\s+\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\.?\s+"
    r"(?:(?:[A-Z]{2,4}|Eastern|Pacific|Central|Beijing)\s+(?:time\s+)?)?)?(?:on\s+)?$",
    re.I,
)


#: "under national control from Sept. 1": a start named by "from" right before the phrase.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
#: "From Wednesday, the duty falls to 10%": a sentence led by the day a change starts.
_FROM_LEAD = re.compile(r"\W*from\s+$", re.IGNORECASE)
#: "held what is expected to be their last meeting": a nominal clause, not the verb's tense.
_NOMINAL = re.compile(
    r"\bwhat (?:is|are|was|were) (?:expected|likely|set|due|going) to be\b", re.IGNORECASE
)


#: A main verb in the past tense ("lowered", "began") before an effective day.
_PAST_MAIN = re.compile(
    r"\b(?:lowered|raised|cut|imposed|lifted|began|started|signed|announced|ordered|set|"
    r"reduced|increased|suspended|extended|hit back|struck back|retaliated|responded|answered|"
    r"agreed|decided|halved|doubled|tripled|slashed|scrapped|removed|eliminated|paused)\b",
    re.IGNORECASE,
)
#: A present-tense state after a start ("Starting Monday, exporters need a licence").
_PRESENT_STATE = re.compile(
    r"\b(?:need|needs|must|require|requires|face|faces|pay|pays|is|are|has|have)\b", re.I
)
#: A relative clause in the past tense right before the phrase.
_PAST_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+(?:[\w-]+\s+){0,2}?(?:\w+ed|broke|began|took|came|went|met|fell|"
    r"rose|struck|made|held|set|won|lost)\b(?:\s+[\w-]+){0,2}\s*$|"
    # "will remove the tariffs it imposed on American farm goods in March": a contact clause
    r"\b(?:it|they)\s+(?:\w+ed|put|set|cut|slapped)\s+(?:on|against|upon)\b(?:\s+[\w-]+){0,4}\s*$",
    re.IGNORECASE,
)


#: A copula in the present right before the phrase ("the deadline is Aug. 29").
_IS_ON = re.compile(r"\b(?:is|are)\s+(?:on\s+)?$", re.IGNORECASE)


def _future_near(sentence: str, start: int) -> bool | str:
    """Future tense in the clause holding a date phrase ("will speak ... on Monday"); "would"
    when "would" is its only mark (a future seen from the past: truthy, but a yearless day
    takes the nearest year, not the next one)."""
    head = sentence[max(0, start - 120) : start]
    if _IS_ON.search(head):
        return "near"  # "The bigger worry is Aug. 29, when ...": a day named in the present
    if _STARTING.search(head) or _FROM_LEAD.match(sentence, 0, start):
        # "Beijing scrapped, effective Monday, ...", "Beginning Monday, exporters need ...": a
        # start with no future tense of its own is the nearest such day, before or after
        if FUTURE.search(sentence, 0, start):
            return True
        # "Starting Monday, exporters need a licence": a state in the present has begun
        if _PRESENT_STATE.search(sentence, start, start + 100) and not _PAST_MAIN.search(head):
            return "since"
        return "near"
    if _FROM_BEFORE.search(head) and any(
        fold_exact(m.group()) != "would" for m in FUTURE.finditer(sentence, 0, start)
    ):  # "will place 4-AP, 1-boc-4-AP and norfentanyl under control from Sept. 1"
        return True
    if _PERFECT.search(head) or _PAST_RELATIVE.search(head):
        return False  # "the tariffs they had imposed in April", "the talks that broke down in May"
    cuts = list(_CLAUSE.finditer(head))
    clause = head[cuts[-1].end() :] if cuts and head[cuts[-1].end() :].strip() else head
    if cuts and len(clause.split()) < 2 and len(cuts) > 1:
        clause = head[cuts[-2].end() :]
    said = {fold_exact(m.group()) for m in FUTURE.finditer(_NOMINAL.sub(" ", clause))}
    if said == {"would"}:
        return "would"  # a future seen from the past ("said he would ... during a Feb. 4 call")
    return bool(said)


def find_dates(sentence: str, pub: date) -> list[Resolved]:
    """Every date phrase in the sentence, resolved; overlapping phrases keep the most precise."""
    return list(_find_dates(sentence, pub))


@lru_cache(maxsize=256)  # bounded: a sentence is looked at a few times while it is extracted
def _find_dates(sentence: str, pub: date) -> tuple[Resolved, ...]:
    found: list[Resolved] = []
    taken: list[tuple[int, int]] = []
    words, cues = _cues(sentence)
    for pattern, kind in _plan(cues):
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            future = _future_near(sentence, m.start()) if kind in _TENSED else False
            r = _one(m, kind, pub, future)
            if (
                r is not None
                and r.date > pub
                and kind in ("md", "dm")
                and (
                    _PAST_BEFORE.search(sentence, max(0, m.start() - 24), m.start())
                    # "lowered the tariff to 10 percent, effective Nov. 10" in a story of
                    # February: an effective day months ahead of a past act is last year's
                    or (
                        r.date > pub + timedelta(days=90)
                        and _STARTING.search(sentence, max(0, m.start() - 16), m.start())
                        and _PAST_MAIN.search(sentence, max(0, m.start() - 120), m.start())
                    )
                    # "On Feb. 1, a Saturday, Trump signed ..." in a December story: the day
                    # that opens a past-tense sentence is this year's, not the coming one
                    or (
                        _OPENS.match(sentence, 0, m.start())
                        and _PAST_MAIN.search(sentence, m.end(), m.end() + 80)
                        and not FUTURE.search(sentence)
                    )
                    # "The rate doubled to 20 percent on March 4" in a story of March 2: a
                    # past act of its own clause, days ahead, is last year's
                    or _past_in_clause(sentence, m.start())
                )
            ):  # "which took effect March 10" (published in February): last year's
                r = Resolved(
                    _safe(r.date.year - 1, r.date.month, r.date.day) or r.date,
                    r.precision,
                    r.basis,
                    r.start,
                    r.end,
                    r.phrase,
                )
            if r is not None:
                found.append(r)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    if "month" in cues and len(found) > 1:
        found = _anchor_years(found, pub)
    if "following" in words and found:
        found = _following(sentence, found)
    # "on Monday, May 12": the explicit date right after a weekday names the same day, and so
    # does a weekday in apposition after it ("took effect on September 1, a Sunday").
    return tuple(
        r
        for i, r in enumerate(found)
        if not (
            r.basis == "relative"
            and i + 1 < len(found)
            and found[i + 1].basis == "explicit"
            and found[i + 1].start - r.end <= 3
        )
        and not (
            r.basis == "relative"
            and i > 0
            and found[i - 1].basis == "explicit"
            and found[i - 1].precision == "day"
            and sentence[found[i - 1].end : r.start] in (", a ", " (a ", ", ")
            and fold_exact(r.phrase) in WEEKDAYS
        )
    )


_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: Nothing but "On" before a date phrase: it opens the sentence.
_OPENS = re.compile(r"\W*(?:on\s+)?$", re.IGNORECASE)
#: Words between a past verb and a later date that make the date a start or a bound of
#: something else ("signed an order imposing tariffs effective March 4").
_NOT_ITS_DAY = re.compile(
    r"\b(?:that|which|effective|starting|beginning|from|until|through|by|as of|to take|to start|"
    r"to begin|due|set to|deadline|when)\b",
    re.IGNORECASE,
)


def _past_in_clause(sentence: str, start: int) -> bool:
    """Whether the clause ending at `start` has a past act of its own right before the phrase
    and the sentence no future ("doubled to 20 percent on March 4")."""
    head = sentence[max(0, start - 60) : start]
    cuts = list(_CLAUSE.finditer(head))
    clause = head[cuts[-1].end() :] if cuts else head
    ends = [m.end() for m in _PAST_MAIN.finditer(clause)]
    return bool(ends) and not _NOT_ITS_DAY.search(clause, ends[-1]) and not FUTURE.search(sentence)


_OF_LAST_YEAR = re.compile(r"\b(?:last|this) year\b", re.IGNORECASE)


def _anchor_years(found: list[Resolved], pub: date) -> list[Resolved]:
    """A month or day without a year ("In April 2019, China said the rule would apply from
    May 1", "On March 4 of last year, ... to start March 10") takes the year nearest the dated
    phrase before it instead of one read from the publication day."""
    out: list[Resolved] = []
    anchor: Resolved | None = None
    for r in found:
        if (
            anchor is not None
            and (r.date > pub or r.date.year != anchor.date.year)
            and r.basis == "explicit"
            and r.precision in ("day", "month")
            and not _HAS_YEAR.search(r.phrase)
        ):
            options = [
                d
                for y in (anchor.date.year - 1, anchor.date.year, anchor.date.year + 1)
                if (d := _safe(y, r.date.month, r.date.day)) is not None
            ]
            best = min(options, key=lambda d: abs((d - anchor.date).days))
            r = Resolved(best, r.precision, r.basis, r.start, r.end, r.phrase)
        if (
            r.precision in ("day", "month")
            and r.date <= pub
            and (
                (r.basis == "explicit" and _HAS_YEAR.search(r.phrase))
                or _OF_LAST_YEAR.search(r.phrase)  # "On March 4 of last year, ..."
            )
        ):
            anchor = r
        out.append(r)
    return out


_FOLLOWING = re.compile(
    r"\bthe following (?:(?P<mon>january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|(?P<unit>month|year))\b",
    re.IGNORECASE,
)


def _following(sentence: str, found: list[Resolved]) -> list[Resolved]:
    """ "in November 2023, and ... the following January": the first such month after the date
    named before it in the sentence."""
    out = list(found)
    for m in _FOLLOWING.finditer(sentence):
        before = [r for r in found if r.end <= m.start()]
        if not before or any(r.start < m.end() and m.start() < r.end for r in found):
            continue
        base = before[-1].date
        if m.group("unit") and fold_exact(m.group("unit")) == "year":
            out.append(
                Resolved(date(base.year + 1, 1, 1), "year", "relative", m.start(), m.end(), m[0])
            )
            continue
        if m.group("unit"):  # the following month
            month, year = (1, base.year + 1) if base.month == 12 else (base.month + 1, base.year)
        else:
            month = MONTHS[fold_exact(m.group("mon"))]
            year = base.year + (1 if month <= base.month else 0)
        out.append(Resolved(date(year, month, 1), "month", "relative", m.start(), m.end(), m[0]))
    out.sort(key=lambda r: r.start)
    return out


_POSSESSIVE = re.compile(r"['’]s\b")
#: Extra distance (characters) for a coarse phrase: "fell 27% in 2024, figures released on
#: Wednesday" dates the release by its day, not by the period it describes.
COARSE_PENALTY = 15
#: Phrases before the trigger count this much farther ("X met Y last week" is the usual order).
BEFORE_FACTOR = 1.5
#: A date after "until"/"through" is a deadline or an expiry, after "since" the start of a
#: period: neither is when something happened.
_DEADLINE = re.compile(
    r"\b(?:until|till|through|expires?|expiring|extended to|runs? to|since|first since|"
    r"ending|(?:months?|year|period|quarter|weeks?|days?) ended|prior to)\s*"
    r"(?:early\s+|late\s+|mid-?)?$",
    re.I,
)
#: A date in the alternative not taken ("kept the rate at 10% rather than lift it to 25% on
#: January 1") is not when anything happened.
_ALTERNATIVE = re.compile(r"\b(?:rather than|instead of)\b[^,;.]{0,50}$", re.IGNORECASE)
#: A standing act in the perfect tense, dated by the day after "since" ("... have needed an
#: export licence since 10 November 2025").
SINCE_ACT = re.compile(
    r"\b(?:has|have|had) (?:been )?(?:\w+ )?(?:scheduled|controlled|listed|required|needed|subject|"
    r"declared|carried|"
    r"banned|restricted|applied|imposed|charged|collected|in force|in effect|under)\b",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
#: The new end of something extended or delayed ("extended the truce to November 10"), or the
#: old and new days of something moved ("shifted the increase from Jan. 1 to March 2"), are not
#: when the extension or the move happened.
_EXTENDED_TO = re.compile(
    r"\b(?:extend|prolong|push|delay|postpon|defer|shift|moved\b|moving\b|reschedul)\w*\b[^;]{0,90}?"
    r"\b(?:from|to|until|till)\s*$",
    re.IGNORECASE,
)
#: Nouns naming an event: "Thursday's call" dates the call, and what was said during it.
_EVENT_NOUN = re.compile(
    r"['’]s\s+(?:[\w.]+\s+){0,2}?(?:call|meeting|talks|summit|visit|announcement|decision|"
    r"agreement|deal|ruling|order|statement|release|vote|session|increase|cut|hike|tariffs?|"
    r"duties|move|step)\b",
    re.IGNORECASE,
)


#: A clause boundary between a date phrase and the trigger ("Earlier this month, Beijing widened
#: its controls, and Trump responded by threatening a tariff from November 1"): the phrase of the
#: trigger's own clause wins over a nearer one across the boundary (CLAUSE_PENALTY characters).
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\b|\s(?:while|whereas)\s")
CLAUSE_PENALTY = 200
#: A phrase before the trigger, with "after"/"when"/"because" between them, dates the main
#: clause, not the act in the subordinate one ("rewrote quotes this week after tariffs doubled
#: on Wednesday").
_SUBORDINATE = re.compile(r"\s(?:after|when|because|as soon as)\s", re.IGNORECASE)
#: A past-perfect clause before the phrase is background ("agreed to roll back the tariffs the
#: two countries had piled on each other in April").
_PERFECT = re.compile(
    r"\bhad (?:been )?(?:\w+(?:ed|en|wn|ung|ught|id)|put|set|cut|hit|let)\b[^;]{0,80}$",
    re.IGNORECASE,
)


#: An object relative clause with a subject of its own between the trigger and a later phrase
#: ("stopped collecting the tariffs that the Supreme Court struck down last Friday"): the
#: phrase dates the clause's act, not the trigger's.
_OBJECT_RELATIVE = re.compile(
    r"(?<!said )(?<!says )(?<!announced )(?<!stated )(?<!confirmed )(?<!added )"
    r"\b(?:that|which)\s+(?:the\s+)?(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}"
    r"\s+(?:had\s+|has\s+)?(?:\w+ed|struck|put|set|took|made|won|cut|laid|began|brought)\b|"
    # a reduced passive with its agent: "the duties struck down by the Supreme Court last week"
    # (not "figures released by the CDC on Wednesday": a release is itself the act dated)
    r"\b(?!(?:released|published|issued|posted|reported)\b)"
    r"(?:\w+ed|struck(?:\s+down)?|set|put|cut|made|taken|given|laid|brought)\s+by\s+(?:the\s+)?"
    r"(?-i:[A-Z])[^,;]{0,40}$|"
    # a contact clause: "would suspend the measures it imposed in April"
    r"\b(?<!said )(?<!says )(?:it|they)\s+(?:had\s+)?(?:\w+ed|put|set|cut|laid|brought)\s*$",
    re.IGNORECASE,
)


#: An effective day ("under control starting Sept. 1") is not when the act was made when the
#: sentence opens with a date phrase ("In August, the ministry said it would ...").
_EFFECT_BEFORE = re.compile(r"\b(?:starting|effective|beginning|as of)\s+(?:on\s+)?$", re.I)


#: A with-clause naming other proceedings ("opened the probes on March 11, with hearings
#: scheduled from May 5"): its date is theirs, not the act's.
WITH_OTHER = re.compile(
    r",\s+with\s+(?:public\s+|further\s+)?(?:hearings|comments|talks|meetings|consultations|"
    r"sessions|negotiations)\b",
    re.IGNORECASE,
)


def _distance(r: Resolved, anchor: int, sentence: str = "") -> float:
    gap = r.start - anchor if r.start >= anchor else (anchor - r.start) * BEFORE_FACTOR
    lo, hi = (anchor, r.start) if r.start >= anchor else (r.end, anchor)
    crossed = sentence and (
        CLAUSE_BREAK.search(sentence, lo, hi)
        or (r.start < anchor and _SUBORDINATE.search(sentence, lo, hi))
        or (r.start > anchor and _PERFECT.search(sentence, max(anchor, r.start - 60), r.start))
        # "opened investigations on March 11, with hearings scheduled from May 5"
        or (r.start > anchor and WITH_OTHER.search(sentence, lo, hi))
        or (r.start > anchor and _OBJECT_RELATIVE.search(sentence, lo, hi))
    )
    return (
        gap + (0 if r.precision == "day" else COARSE_PENALTY) + (CLAUSE_PENALTY if crossed else 0)
    )


def is_bound(sentence: str, r: Resolved) -> bool:
    """True when the phrase bounds a period ("until May 14", "a window that runs to Aug. 12",
    "their first encounter since 2019"): not a day anything happened on. ("Since Monday,
    exporters have needed licences" is the day a standing act began: not a bound.)"""
    low = fold_exact(r.phrase)
    if low.startswith("since"):
        return bool(_FIRST_SINCE.search(sentence, max(0, r.start - 48), r.start))
    return low.startswith(("until", "till", "through")) or bool(
        _RUNS_TO.search(sentence, max(0, r.start - 24), r.start)
    )


_FIRST_SINCE = re.compile(r"\b(?:first|\w+est)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


_RUNS_TO = re.compile(
    r"\b(?:runs?|running|ran|lasts?|lasting|expires?|expiring|ends?|ending|until|through|till)"
    r"\s+(?:to\s+|on\s+)?$",
    re.IGNORECASE,
)


def is_possessive(sentence: str, r: Resolved) -> bool:
    """True when the date phrase modifies the noun after it ("last week's talks")."""
    return bool(_POSSESSIVE.match(sentence, r.end))


def resolve(
    sentence: str, pub: date, *, anchor: int = 0, hedged: bool = False, prefer_day: bool = False
) -> Resolved:
    """The event date of a sentence: the date phrase nearest `anchor` (the trigger's offset),
    phrases after it preferred (BEFORE_FACTOR), phrases of its own clause preferred
    (CLAUSE_PENALTY), deadlines ("until May 14") ignored,
    day-precise phrases preferred over coarse ones a little farther away (COARSE_PENALTY), and
    over any coarse one when `prefer_day` (a statistic's period: "died last year, data published
    on Wednesday show").

    A possessive phrase ("last year's progress") dates only the trigger right after it ("last
    week's commitments"). Without a phrase: the publication day ("published"), or its week for
    hedged/ongoing reports ("is reportedly weighing", "has recently been seeking").
    """
    phrases = find_dates(sentence, pub)
    if not phrases:  # (speed) nothing to weigh
        return _published(pub, hedged)
    standing = bool(SINCE_ACT.search(sentence))
    found = [
        r
        for r in phrases
        if (
            not is_possessive(sentence, r)
            or (anchor >= r.end and len(sentence[r.end : anchor].split()) <= 2)
            or _EVENT_NOUN.match(sentence, r.end)
        )
        and (
            not _DEADLINE.search(sentence, max(0, r.start - 16), r.start)
            or (standing and _SINCE_BEFORE.search(sentence, 0, r.start))
            # "since Aug. 18, when it opened an investigation": the day of the act
            or sentence.startswith(", when", r.end)
        )
        and not _ALTERNATIVE.search(sentence, max(0, r.start - 60), r.start)
        and (
            not _EXTENDED_TO.search(sentence, max(0, r.start - 80), r.start)
            or sentence.startswith(", when", r.end)
        )
        and (
            not fold_exact(r.phrase).startswith(("since", "until", "till", "through"))
            # "have been scheduled since May 1, 2019": the day the standing act began
            or (standing and fold_exact(r.phrase).startswith("since"))
            or sentence.startswith(", when", r.end)
        )
    ]
    # "spent Saturday and Sunday in talks": a span of days starts on its first
    found = [
        r
        for i, r in enumerate(found)
        if not (
            i > 0
            and sentence[found[i - 1].end : r.start] in (" and ", " through ", " to ")
            and found[i - 1].precision == r.precision == "day"
        )
    ]
    if prefer_day and any(r.precision == "day" for r in found):
        found = [r for r in found if r.precision == "day"]
    if found:
        best = min(found, key=lambda r: (_distance(r, anchor, sentence), r.start))
        for r in found:
            if r.end < anchor and sentence.startswith(", when", r.end) and r is not best:
                return r  # "The calm dates back to May, when negotiators agreed ..."
        if (
            found[0].start <= 3
            and found[0].end < anchor
            and best is not found[0]
            and _EFFECT_BEFORE.search(sentence, max(0, best.start - 16), best.start)
        ):
            return found[0]  # the act's day; the effective day is found again later
        return best
    return _published(pub, hedged)


def _published(pub: date, hedged: bool) -> Resolved:
    """The date of a sentence with no phrase to go by: its publication day, or week if hedged."""
    if hedged:
        return Resolved(monday(pub), "week", "published")
    return Resolved(pub, "day", "published")
