"""Extract dated, typed events from one article, sentence by sentence (no state across articles)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import polars as pl

from analysis.events.classify import (
    Hit,
    classify,
    gate_matches,
    is_hedged,
    is_statistic,
    sentence_stems,
)
from analysis.events.dates import (
    CLAUSE_BREAK,
    COUNTS,
    FUTURE,
    MONTHS,
    WEEKDAYS,
    WITH_OTHER,
    Resolved,
    find_dates,
    is_bound,
    is_possessive,
    month_end,
    resolve,
)
from analysis.events.gazetteer import KIND_RANK, Entity, Mention, mentions
from analysis.events.text import (
    MONTH_HEADING,
    STAMP,
    fold_exact,
    holds,
    minimal_needs,
    paragraphs,
    required_words,
    split_sentences,
    with_first_chars,
)

_COORD = re.compile(r"^\s*,?\s*and\s+(?:the\s+|its\s+)?$")
_PREP = re.compile(
    r"\b(?:from|with|to|against|on|of|for|by|in|between|toward|towards|at|over|into|than|about|"
    r"across|under|like|including)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Event:
    """One extracted event, before it becomes a row of the `events` table."""

    event_type: str
    date: date
    date_precision: str
    date_basis: str
    actor: str
    counterpart: str | None
    summary: str
    evidence: str
    confidence: float
    article_id: str | None = None
    sentence_index: int = 0
    date_phrase: str = ""
    #: the publication day, for an event dated after it (announced now, effective later)
    announced: date | None = None
    #: the gazetteer entity behind `actor` (lets later sentences inherit it)
    actor_entity: Entity | None = field(default=None, compare=False, repr=False)
    #: the day the act was made when `date` is the later day it takes effect ("that day" in a
    #: following sentence means this one)
    made: date | None = field(default=None, compare=False, repr=False)
    #: where in `evidence` the trigger starts (the learned screen reads the words around it)
    trigger: int = field(default=-1, compare=False, repr=False)
    #: the label of the rule that found it ("tariff pause agreed"; the summary names it too)
    label: str = field(default="", compare=False, repr=False)

    @property
    def event_id(self) -> str:
        key = (
            f"{self.article_id}|{self.sentence_index}|{self.event_type}|{self.date}|"
            f"{self.actor}|{self.evidence}"
        )
        return "ev_" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _pick_actor(found: list[Mention], anchor: int) -> tuple[Entity | None, Entity | None]:
    """Actor = last gazetteer mention before the trigger (first of "X and Y"); counterpart = the
    first mention of another country (after the trigger by preference)."""
    text = _TEXT[0]
    before = [
        m
        for m in found
        if m.end <= anchor
        and m.entity.kind != "adjective"
        and not _PREP.search(text[max(0, m.start - 20) : m.start])
    ]
    actor = None
    if before:
        i = len(before) - 1
        while (
            i > 0
            and before[i].entity.country != before[i - 1].entity.country
            and _COORD.match(_between(found, before[i - 1], before[i]))
        ):
            i -= 1
        actor = before[i].entity
    else:
        after = [m for m in found if m.start >= anchor and m.entity.kind != "adjective"]
        actor = after[0].entity if after else None
    if actor is None:
        return None, None
    others = [m for m in found if m.entity.country != actor.country]
    others.sort(
        key=lambda m: (m.start < anchor, -KIND_RANK[m.entity.kind] if m.start < anchor else 0)
    )
    counterpart = others[0].entity if others else None
    return actor, counterpart


_TEXT: list[str] = [""]


def _between(found: list[Mention], a: Mention, b: Mention) -> str:
    return _TEXT[0][a.end : b.start]


def _summary(actor: Entity, hit: Hit, counterpart: str | None, hedged: bool) -> str:
    """ "Who: what (with/on country)"; an official is named, an institution by its short name."""
    who = actor.name.split(" (")[0] if actor.kind == "official" else actor.actor
    text = f"{who}: {hit.label}"
    if counterpart:
        text += f" (with/on {counterpart})"
    return text + (" [reported]" if hedged else "")


#: Sentences that are diplomatic by nature even without a named foreign counterpart.
_DIPLOMATIC_NOUN = re.compile(
    r"\b(?:summit|visit|talks|sessions?|consultations|negotiat\w*|dialogue|invit\w*|overture|"
    r"bilateral|working group|"
    r"delegations?|agreement|accord|deal|cooperation|ceasefire|peace|hostages?|"
    r"release of|countries|nations|sides|leaders|participants|partners|counterparts?|embassy|"
    r"envoys?|ambassadors?|presidents|premiers|governments|truce|teams|framework|"
    r"countermeasures?)\b",
    re.IGNORECASE,
)
#: Sentences after a dated event within which an undated event of the same type is taken to
#: elaborate it (news put the event and its date first, then the details).
LEDE_SPAN = 8
#: Phrases pointing back to the date of the previous event ("On the same day", "also").
#: A future act with no date of its own ("Washington will lower its tariff") is dated by a
#: following sentence of its paragraph that says when things take effect.
_FUTURE_ACT = re.compile(r"\b(?:will|shall|would|is to|are to|is set to|are set to)\b", re.I)
_TAKES_EFFECT = re.compile(
    r"\b(?:take|takes|took|go|goes|come|comes) (?:into )?(?:effect|force)\b|\beffective\b|"
    r"\bstarting\b|\b(?:take|takes) (?:these|those|the) (?:actions|steps|measures) by\b",
    re.I,
)
_SAME_DAY_LEAD = re.compile(r"\W*same (?:day|date)\b", re.I)  # "- Same day — Beijing began"
_SAME_DAY = re.compile(
    "^" + _SAME_DAY_LEAD.pattern + "|"
    r"\b(?:on the same (?:day|date)|the same (?:day|date|evening|morning|afternoon|night)|that day|"
    r"(?:at )?the same (?:moment|minute|hour)|"
    r"that same (?:day|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"on the day(?! (?:after|before)))\b",
    re.I,
)
#: A count right before the year phrase of its period ("79,384 overdose deaths | in 2024").
_PERIOD_OF_COUNT = re.compile(
    r"\b(?:deaths|overdoses|fatalities|died|toll)\s+(?:[\w-]+\s+)?(?:(?:in|for|during)\s+)?$",
    re.IGNORECASE,
)
#: "came out the same day Washington cut its tariff": a day the sentence itself names.
_SAME_DAY_THAT = re.compile(
    r"\bthe same day (?:that |as |when )?(?:the |its |his |her )?[A-Z]?[\w'’]+ "
    r"(?:[\w'’]+ )?(?:\w+ed|cut|set|put|hit|met|began|took|came|struck)\b"
)
_SAME_MONTH = re.compile(r"\b(?:in )?(?:the same month|that same month|that month)\b", re.I)
#: "three days after the US lifted duties": the act in the clause after it is that long before
#: the day named just before (or the publication day).
_N_AFTER = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+after\b",
    re.IGNORECASE,
)


#: "Two days later, ...", "Fifteen months later, Beijing ...", "Four days earlier, ...": counted
#: on (or back) from the date named just before; the phrase leads the sentence, so it dates the
#: act over any phrase inside it.
_LATER = re.compile(
    rf"\b(?:about |some |nearly |almost |just |only )?(?P<n>{'|'.join(COUNTS)}|\d{{1,2}})\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<way>later|earlier)\b",
    re.IGNORECASE,
)


#: A date phrase that points to a day from another ("two days later", "the following Monday",
#: "the Monday after the talks").
_POINTED = re.compile(r"\b(?:later|earlier|following|after)\b", re.IGNORECASE)


def _follows_pointed(
    base: Resolved | None,
    last_when: Resolved | None,
    counted: bool,
    last_act: tuple[str, int] | None,
    idx: int,
) -> bool:
    """Whether a pointer back ("two days later", "at the same moment") should count from the
    day of the act just before rather than `base`, the day named last: that act, in the
    sentence before, was itself dated by a pointer to a later day than any named."""
    return (
        counted
        and last_act is not None
        and idx - last_act[1] == 1
        and last_when is not None
        and last_when.precision == "day"
        and (base is None or last_when.date > base.date)
    )


def _span_base(
    m: re.Match[str], sents: list[str], day: date, last_when: Resolved | None
) -> Resolved | None:
    """The date a counted span starts from: days and weeks count from the last day named in
    `sents` (else the last event's date), months and years from the last date of any precision."""
    if fold_exact(m.group("unit")[0]) in "dw":
        return _last_day(sents, day) or last_when or _last_date(sents, day)
    return _last_date(sents, day) or last_when


def _counted_on(m: re.Match[str], base: Resolved, *, back: bool = False) -> Resolved:
    """`base` moved on (or `back`) by the span of a `_LATER` or `_N_AFTER` match, at the
    coarser of the two precisions (days and weeks from a day stay a day, from a week give the
    week; months give the month, years the year)."""
    n = COUNTS.get(fold_exact(m.group("n"))) or int(m.group("n"))
    way = m.groupdict().get("way") or ""
    if back or fold_exact(way) == "earlier":  # "Four days earlier, the court had ruled ..."
        n = -n
    unit = fold_exact(m.group("unit"))[0]
    start, end, phrase = base.date, m.end(), m.group(0).strip()
    if unit in "dw" and base.precision in ("day", "week"):
        day = start + timedelta(days=n if unit == "d" else 7 * n)
        if base.precision == "day":
            return Resolved(day, "day", "relative", 0, end, phrase)
        return Resolved(day - timedelta(days=day.weekday()), "week", "relative", 0, end, phrase)
    if unit == "y" or base.precision == "year":
        year = start.year + (n if unit == "y" else 0)
        return Resolved(date(year, 1, 1), "year", "relative", 0, end, phrase)
    total = start.year * 12 + start.month - 1 + (n if unit == "m" else 0)
    return Resolved(date(total // 12, total % 12 + 1, 1), "month", "relative", 0, end, phrase)


#: "the following Monday / week / month / year / January", with no date before it in its
#: sentence (the dates module counts on from one that is).
_FOLLOWING_ON = re.compile(
    r"\bthe following (?P<what>monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|"
    r"month|year|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b|"
    # "On the Monday after the talks, the two governments issued a joint statement"
    r"\bthe (?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:after|following) "
    r"(?:the|that|those|this|its|his|her|their)\b",
    re.IGNORECASE,
)


def _following_on(m: re.Match[str], base: Resolved) -> Resolved | None:
    """The first weekday, week, month or year of `m` after `base` (None: a weekday after a date
    coarser than a day)."""
    what = fold_exact(m.group("what") or m.group("wd"))
    start, end, phrase = base.date, m.end(), m.group(0)
    if what in WEEKDAYS:
        if base.precision != "day":
            return None
        ahead = (WEEKDAYS[what] - start.weekday() - 1) % 7 + 1
        return Resolved(start + timedelta(days=ahead), "day", "relative", 0, end, phrase)
    if what == "week":
        monday = start - timedelta(days=start.weekday()) + timedelta(days=7)
        return Resolved(monday, "week", "relative", 0, end, phrase)
    if what == "year":
        return Resolved(date(start.year + 1, 1, 1), "year", "relative", 0, end, phrase)
    month = start.month % 12 + 1 if what == "month" else MONTHS[what]
    year = start.year + (1 if month <= start.month else 0)
    return Resolved(date(year, month, 1), "month", "relative", 0, end, phrase)


_SAME_TIME = re.compile(
    r"\b(?:on the same day|the same day|that day|at the same time|also|later|meanwhile|"
    r"within days|days later|shortly after(?:wards)?|soon after(?:wards)?|"
    r"(?:over|in|during) the same period)\b",
    re.IGNORECASE,
)


def extract_from_text(
    text: str, published: date, *, article_id: str | None = None, title: str | None = None
) -> list[Event]:
    """Events of one article body; `published` anchors relative dates ("on Friday").

    A live-blog stamp, an update line ("Tue 19:30 CEST", "UPDATE, May 15:") or a factbox's dated
    heading ("JULY 6 - THE FIRST SHOTS") moves that anchor for the paragraphs after it; "that
    July" or "in April that year" counts from the year named before, and "Two days later", "Four
    months after the listing," or "the day before" from the date named before. An act is dated
    by the effective day its clause gives ("due to take effect on September 1"), a timeline
    entry by its lead date, an act after "three days after" by counting back; "The following
    Monday" counts on from the act just before, "A day after the ruling" and "on the day of the
    ruling" from the day named beside the ruling earlier in the article. A future act
    without a date phrase takes the day a following sentence of its paragraph says things take
    effect. Otherwise a sentence without a date phrase takes the last date named earlier in its
    paragraph, or the previous event's date when it points back to it ("on the same day", "the
    next day", "the same month", "also"), or the date of an event of the same type dated in the
    LEDE_SPAN sentences before it; otherwise the publication day (its week for hedged reports).
    In a look-back story whose lede sets it on a past day ("Five years ago today, ..."), a day
    or month without a year ("On Sept. 1") is the first such on or after that day, until a
    sentence dates something near publication ("on Tuesday", "last month").
    A sentence without an actor, or with a pronoun subject, takes the one of the sentences just
    before it, else the one named in the title.

    Speed: a paragraph none of whose words starts like a trigger is skipped without being split;
    dates and actors of earlier sentences are looked up only when a sentence needs them.
    """
    events: list[Event] = []
    history: list[tuple[str, Entity | None]] = []  # (sentence, actor of its first event)
    last_when: Resolved | None = None
    made_day: Resolved | None = None  # the act's own day when the last event was dated later
    last_dated: Resolved | None = None  # the date of the last event (its effective day)
    counted = False  # whether the last event was dated by a pointer ("two days later")
    last_act: tuple[str, int] | None = None  # type and sentence of the last event
    hit_sents: list[str] = []  # sentences with events so far: "the same day" looks back here
    lede: dict[str, tuple[Resolved, int]] = {}  # type -> last dated event of it, sentence index
    idx = 0
    entry_day = published  # the day relative dates count from: a live blog's stamp moves it
    title_key = _key(title) if title else ""
    title_len = len(title_key)

    def recent() -> list[str]:
        return [s for s, _ in history[-2:]]

    frame: Resolved | None = None  # the past day a look-back story is set on (`_frame_of`)
    section: Resolved | None = None  # the month a heading names ("## March: doubling down")
    para_no = -1
    for para in paragraphs(text):
        para_no += 1
        if para.startswith("## "):  # a dated section heading (`paragraphs` marks those)
            section, entry_day = _section(para.lstrip("#").strip(), published)
            lede.clear()
            idx += 1
            history.append((para, None))
            continue
        stamp = _stamp_day(para, published) if len(para) <= _STAMP_MAX else None
        if stamp is not None:
            entry_day = stamp
            section = None
            lede.clear()  # an entry's acts are of its own day, not of the entry before
            idx += 1
            history.append((para, None))
            continue
        lead = _UPDATE_LEAD.match(para) or _DATELINE.match(para)
        if lead is not None:  # "UPDATE, May 15, 2026: Trump and Xi concluded their talks on Friday"
            entry_day = _stamp_day(lead.group("when"), published) or entry_day
        gate = gate_matches(para)
        if not gate:
            idx += 1 + para.count(". ")  # about its sentence count (no split needed)
            history.append((para, None))
            continue
        para_start = len(history)
        para_sents = split_sentences(para)
        sent_words = sentence_stems(para, para_sents, gate)
        for j, sent in enumerate(para_sents):
            idx += 1
            if j == 0 and title_key and len(para) < title_len + 8 and _key(para) == title_key:
                history.append((sent, None))
                break  # the headline repeated as the body's first paragraph
            hits = classify(sent, sent_words[j]) if len(sent) < 5000 else []
            if not hits and last_act is not None and idx - last_act[1] <= 2:
                hits = _anaphoric_effect(sent, last_act[0])
            if not hits:
                named = (
                    _frame_of(sent, entry_day) if para_no <= 1 and _FRAME_CUE.search(sent) else None
                )
                frame = named or frame
                history.append((sent, None))
                continue
            day = entry_day
            folded = fold_exact(sent)
            cue = _search(_ANY_CUE, sent, folded) is not None  # spares the cue regexes below
            # "in April that year": the year named before
            if cue and _search(_THAT_TIME, sent, folded):
                year = _year_named(history[-_YEAR_LOOKBACK:], sent, published)
                if year is None and frame is not None:
                    year = frame.date.year  # "Five years ago today, ... on May 1 that year"
                day = date(year, 12, 31) if year is not None and year < day.year else day
            context = _paragraph_date(history[para_start:], day)
            next_day = cue and (_NEXT_DAY.match(sent) or _search(_NEXT_DAY_IN, sent, folded))
            day_before = cue and _search(_DAY_BEFORE, sent, folded)
            same_day = cue and not next_day and not day_before and _search(_SAME_DAY, sent, folded)
            # "... to be collected from March 10. The same day, the State Council published a
            # white paper" (in a March 5 story): a past act's same day is no start still to come
            ahead = not same_day or bool(_FUTURE_ACT.search(sent))
            # "... halved its tariff, effective Nov. 10. China began requiring licences the same
            # day": a start on the same day is the day the act before took effect
            started = (
                same_day
                and made_day is not None
                and last_dated is not None
                and last_dated.precision == "day"
                and _STARTED.search(sent)
            )
            last_day = (
                (
                    (last_dated if started else made_day)
                    or _same_year(_last_day(recent(), day, ahead=ahead), last_when)
                    # "In October, ... unsealed indictments. Treasury blacklisted 28 firms the
                    # same day": the same day, known to its month
                    or (
                        last_when
                        if same_day
                        and last_when is not None
                        and last_when.precision == "month"
                        and last_act is not None
                        and idx - last_act[1] == 1
                        and not _SAME_DAY_THAT.search(sent)
                        else None
                    )
                    or _last_day(hit_sents, day, ahead=ahead)
                    # a quote or a heading in between: the day of the last dated act
                    or (
                        last_when
                        if last_when is not None and last_when.precision == "day"
                        else None
                    )
                )
                if cue and (next_day or day_before or same_day)
                else None
            )
            if (
                same_day
                and last_day is not None
                and not _SAME_DAY_THAT.search(sent[:1].lower() + sent[1:])
                and _follows_pointed(last_day, last_when, counted, last_act, idx)
            ):  # "The cuts took effect two days later ... Beijing cut its rate at the same
                # moment": the day the act just before was counted to, not a day named earlier
                last_day = last_when
            from_same = cue and last_dated is not None and _search(_FROM_SAME_DAY, sent, folded)
            if from_same or (same_day and last_dated is not None and _SAME_DAY_LEAD.match(sent)):
                # "From the same day, ...": the day the act before starts; "- Same day: China
                # starts ...": a list item's act on the day of the item before
                last_day = last_dated
            if last_day is not None and next_day and not from_same:  # "The next day, ..."
                context = Resolved(last_day.date + timedelta(days=1), "day", "relative")
            elif last_day is not None and day_before:  # "first sat down the day before"
                context = Resolved(last_day.date - timedelta(days=1), "day", "relative")
            elif last_day is not None:
                context = last_day  # "on the same day": the day named last
            elif context is None and (
                (cue and _search(_SAME_TIME, sent, folded))
                or _AT_THAT.match(sent)  # "At that meeting, ..."
            ):
                context = last_when
            of_day = _ON_THE_DAY_OF.search(sent) if "day of" in sent or "day as" in sent else None
            if of_day is not None:  # "said on the day of the ruling that ...": that event's day
                context = _named_event(of_day.group("ref"), history, day) or context
            if context is None and cue and _search(_SAME_MONTH, sent, folded):  # "the same month"
                named = _last_date(recent(), day) or _last_date(hit_sents, day)
                if named is not None:
                    context = Resolved(named.date.replace(day=1), "month", "relative")
            later = _search(_LATER, sent, folded) if cue else None
            opening = None
            if later is not None:  # "Two days later, ...": from the date named before
                base = _span_base(later, recent(), day, last_when)
                if _follows_pointed(base, last_when, counted, last_act, idx):
                    base = last_when  # "On the Monday after the talks, ... Two days later, ..."
                opening = _counted_on(later, base) if base is not None else None
                if opening is not None and later.start() > 3:
                    opening = replace(opening, end=0)  # "The cuts kick in two days later"
                own = find_dates(sent, day)
                if any(0 <= r.start - later.end() <= 15 for r in own) or (
                    later.start() > 3 and own
                ):
                    opening = None  # "Two years later, in May 2019, ...": the date given
            follow = _search(_FOLLOWING_ON, sent, folded) if cue and opening is None else None
            if follow is not None and not find_dates(sent[: follow.start()], day):
                # "The following Monday, ...", "hit back the following month": on from the date
                # of the act just before, else from the date named last
                near = last_act is not None and idx - last_act[1] <= 2
                base = (last_when if near else None) or _last_date(recent(), day) or last_when
                opening = _following_on(follow, base) if base is not None else None
                if opening is not None and follow.start() > 3:
                    opening = replace(opening, end=0)
            after = _search(_N_AFTER, sent, folded) if cue else None
            after_day = None
            reference_end = -1
            if after is not None and after.start() <= 3 and opening is None:
                # "Four months after the carfentanil listing, Beijing added ...", "Four days
                # after those talks ended, Trump and Xi met": the act after the comma is
                # counted on from the event named before, which the phrase only refers to
                comma = sent.find(",", after.end(), after.end() + 120)
                named = _named_event(sent[after.end() : comma], history, day) if comma > 0 else None
                base = named or _span_base(after, recent(), day, last_when)
                if (
                    base is not None
                    and comma > 0
                    and not any(r.start > comma for r in find_dates(sent, day))
                ):
                    opening = replace(_counted_on(after, base), end=comma)
                    reference_end = comma
            if after is not None:  # "three days after the US lifted duties": counted back
                if fold_exact(after.group("unit")[0]) in "dw":
                    base = _last_day(recent(), day) or (
                        last_when
                        if last_when is not None and last_when.precision == "day"
                        else None
                    )
                else:
                    base = None  # "The probe comes four months after ...": from the story's day
                start = base or Resolved(day, "day", "published")
                after_day = (after.end(), _counted_on(after, start, back=True))
            if (
                context is not None
                and context.date > max(day, published)
                and not (cue and _search(_SAME_DAY, sent, folded))
            ):
                context = None  # a later effective date is not when this sentence's act happened
            new = _sentence_events(
                sent,
                hits,
                idx,
                mentions(sent),
                day,
                article_id,
                lambda: _recent_actor(history) or _default_actor(title or ""),
                context=context if context is not None else section,
                after_day=after_day,
                opening=opening,
                reference_end=reference_end,
                doc_actor=lambda: _first_actor(text),
                effective=lambda j=j, ps=para_sents, d=day: _effective_date(ps[j + 1 : j + 3], d),
                lede={t: r for t, (r, i) in lede.items() if idx - i <= LEDE_SPAN},
            )
            if day == entry_day != published:  # a stamp's or a label's day, not publication
                new = [_stamped(ev) for ev in new]
            if frame is not None:
                new = [_in_frame(ev, frame, day) for ev in new]
            if para_no <= 1 and _FRAME_CUE.search(sent):
                frame = _frame_of(sent, day) or frame
            if frame is not None and any(_is_recent(r, day) for r in find_dates(sent, day)):
                frame = None  # back to the story's own days
            events.extend(new)
            seen: set[str] = set()
            for ev in new:
                if ev.event_type in seen:
                    continue  # a later event of the type is an earlier act named in passing
                seen.add(ev.event_type)
                if ev.date_basis != "published" and not ev.date_phrase.startswith("("):
                    lede[ev.event_type] = (Resolved(ev.date, ev.date_precision, "relative"), idx)
                    if "diplomatic" not in seen and ev.label == "tariff pause agreed":
                        # "Trump agreed Monday to hold off on the tariffs": a step agreed in
                        # talks also dates the talks reported after it
                        lede["diplomatic"] = lede[ev.event_type]
            made_day = Resolved(new[0].made, "day", "relative") if new and new[0].made else None
            if new:
                last_act = (new[0].event_type, idx)
            if new:
                last_dated = Resolved(new[0].date, new[0].date_precision, "relative")
                counted = _POINTED.search(new[0].date_phrase) is not None
            if made_day is not None:
                last_when = made_day
            elif new and new[0].date_basis != "published":
                last_when = Resolved(new[0].date, new[0].date_precision, new[0].date_basis)
            hit_sents.append(sent)
            history.append((sent, new[0].actor_entity if new else None))
    return events


#: A phrase that may name a year: digits, "five years ago", "last year".
_FRAME_CUE = re.compile(r"\b(?:19|20)\d\d\b|\bago\b|\blast year\b", re.IGNORECASE)
_FRAME_MIN_AGE = timedelta(days=180)
_FRAME_SLACK = timedelta(days=31)
#: "Five years ago today", "a year ago this week", "April 2025", "Dec. 1, 2018": a past day
#: or month the lede can set a story in (not a bare year, which dates statistics as often).
_FRAME_PHRASE = re.compile(
    r"\b(?:years?|months?) ago\b",
    re.IGNORECASE,
)
_YEARLESS_DAY = re.compile(
    r"^(?:on\s+|in\s+|by\s+|from\s+|effective\s+|early\s+|late\s+|mid-?)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?$|"
    r"^(?:on\s+)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$",
    re.IGNORECASE,
)


def _stamped(ev: Event) -> Event:
    """An event dated by the entry's stamp or label ("Dec. 1, 2018 · Buenos Aires") where its
    sentence has no date phrase: the date is written in the text, so its basis is explicit."""
    if ev.date_basis != "published":
        return ev
    return replace(ev, date_basis="explicit", date_phrase="(entry)")


def _frame_of(sent: str, day: date) -> Resolved | None:
    """The last date phrase of `sent` naming its year ("April 2025", "Five years ago today")
    when it lies half a year or more before `day`: the past the story is then telling."""
    found = [r for r in find_dates(sent, day) if _FRAME_PHRASE.search(r.phrase)]
    if not found or found[-1].date > day - _FRAME_MIN_AGE:
        return None
    return found[-1]


def _is_recent(r: Resolved, day: date) -> bool:
    """A phrase dating something near the story's own day ("on Tuesday", "last month")."""
    return r.basis == "relative" and abs((r.date - day).days) <= 62


def _in_frame(ev: Event, frame: Resolved, day: date) -> Event:
    """An event dated by a day or month without a year ("On Sept. 1") in a story told in an
    earlier year takes the year nearest the story's date, not the publication's."""
    phrase = ev.date_phrase
    if (
        ev.date_basis != "explicit"
        or ev.date_precision not in ("day", "month")
        or not _YEARLESS_DAY.match(phrase)
        or abs((ev.date - frame.date).days) <= 183
    ):
        return ev
    # the story moves on from its frame: the first such day on or after it (a month's slack)
    options = [
        d
        for y in (frame.date.year, frame.date.year + 1)
        if (d := _safe_day(y, ev.date.month, ev.date.day)) is not None
        and d >= frame.date - _FRAME_SLACK
    ]
    best = min(options, default=ev.date)
    if best >= ev.date or any(int(y) > best.year for y in _YEAR_DIGITS.findall(ev.evidence)):
        # "figures released in May put deaths in 2024": a later year named beside the day
        return ev
    return replace(ev, date=best, announced=day if best > day else None)


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_STAMP_MAX = 60
#: An update line leading a paragraph, its date then a colon or dash.
_UPDATE_LEAD = re.compile(
    r"^\W*(?:update[ds]?|correction|write-through)(?:\s+\d{1,2})?\b[\s,:.\u2014\u2013-]*(?:on\s+)?"
    r"(?P<when>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,?\s+\d{4})?)(?:,?\s+\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?(?:\s+[A-Z]{2,4})?)?"
    r"\s*[:\u2014\u2013-]",
    re.IGNORECASE,
)


#: A wire dateline: "BEIJING, Nov. 5 (17:10 CST) -- China's State Council Tariff Commission said".
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,30}(?:,\s+[A-Z][\w.'’ -]{1,30})?,\s+"
    r"(?P<when>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,?\s+\d{4})?)(?:\s*\([^)]{1,24}\))?\s*(?:--|\u2014|\u2013|-)\s"
)


def _heading_month(para: str, pub: date) -> Resolved | None:
    """The month a section heading names, as a month-precision date: the latest such month up
    to publication unless the heading gives its year."""
    m = MONTH_HEADING.fullmatch(para)
    if m is None:
        return None
    month = MONTHS[fold_exact(m.group("mon"))]
    year = int(m.group("year")) if m.group("year") else pub.year - (month > pub.month)
    return Resolved(date(year, month, 1), "month", "heading", phrase=para)


def _last_day_of(r: Resolved) -> date:
    """The last day a date phrase covers (its day, its month's end, 31 December)."""
    if r.precision == "day":
        return r.date
    return month_end(r.date) if r.precision == "month" else date(r.date.year, 12, 31)


def _section(head: str, pub: date) -> tuple[Resolved | None, date]:
    """The month a section heading names, if one, and the day relative dates in the section
    count from: the end of the latest time it names ("April to October 2025": Oct. 31),
    never after publication."""
    month = _heading_month(head, pub)
    if month is not None:
        return month, min(month_end(month.date), pub)
    ends = [
        _last_day_of(r) for r in find_dates(head, pub) if r.precision in ("day", "month", "year")
    ]
    year = _YEAR_DIGITS.match(head)  # "2019: the first listing"
    if year is not None:
        ends.append(date(int(year.group()), 12, 31))
    return None, min(max(ends), pub) if ends else pub


def _stamp_day(para: str, pub: date) -> date | None:
    """The day a live-blog entry stamp or an update line names (a weekday stamp: the last such
    day up to the publication day, as entries precede the page's last update; a "week of" heading:
    the last day of that week); None when `para` is no stamp."""
    m = STAMP.match(para)
    if m is None:
        return None
    if m.group("wd"):
        back = (pub.weekday() - WEEKDAYS[fold_exact(m.group("wd"))[:3]]) % 7
        return pub - timedelta(days=back)
    found = [r for r in find_dates(m.group("date"), pub) if r.precision == "day"]
    if found and m.group("week"):  # "WEEK OF MARCH 3": its weekdays count back from its end
        return found[0].date + timedelta(days=6)
    return found[0].date if found else None


#: A time named by reference to a year given earlier ("in April that year", "that July").
_THAT_TIME = re.compile(
    r"\b(?:that|later that|earlier that|the same) (?:year|spring|summer|autumn|fall|winter|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_YEAR_LOOKBACK = 6
_YEAR_DIGITS = re.compile(r"\b(?:19|20)\d\d\b")


def _year_named(previous: list[tuple[str, Entity | None]], sent: str, pub: date) -> int | None:
    """The year of the last date phrase with its year spelled out, in `sent` before "that ..."
    or in the sentences before it."""
    head = sent[: _THAT_TIME.search(sent).start()]
    for text in [head, *(s for s, _ in reversed(previous))]:
        years = [r.date.year for r in find_dates(text, pub) if _YEAR_DIGITS.search(r.phrase)]
        if years:
            return years[-1]
    return None


#: "It took effect on Tuesday": the act of the sentence before, taking effect.
_IT_TOOK_EFFECT = re.compile(
    r"\W*(?:it|they|the (?:[\w-]+ )?(?:increase|cut|measures?|order|change|move|rules?|ban|levy|"
    r"levies|rate|controls?|requirement|listing|suspension|pause|extension)s?) (?:took|takes|"
    r"will take|went|goes|will go|came|comes|will come) (?:effect|into effect|into force)\b|"
    r"\W*(?:it|they) (?:is|are|was|were) (?:scheduled|set|due|slated) to "
    r"(?:rise|fall|increase|drop|double|take effect)\b",
    re.IGNORECASE,
)


#: A pronoun as the subject of the trigger.
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they|we)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: A timeline entry: a date, then a dash, then what happened on it.
_LEAD = re.compile(r"\W*(?P<when>[\w.,' ]{3,24}?)(?:\s+[—–-]|:)\s+")


#: An entry that tells what is still to come ("May 2 — Duty-free entry ends ..."): the present
#: of a scheduled step, or a future.
_AHEAD = re.compile(
    r"\b(?:ends|begins|starts|expires|lapses|resumes|opens|is due|are due|kicks in|goes to|"
    r"go to)\b",
    re.I,
)


def _lead_date(sent: str, pub: date) -> Resolved | None:
    """The date an entry opens with ("Oct. 30 — Trump and Xi met", "Thursday: Trump and Xi
    spoke"); a day without its year, or a weekday, whose entry tells what is still to come is
    the nearest such day ahead ("May 2 — ... ends", "Wednesday: duties go to 25 percent", in a
    list of dates ahead), not the last one."""
    m = _LEAD.match(sent)
    if m is None:
        return None
    weekday = WEEKDAYS.get(fold_exact(m.group("when")))
    if weekday is not None:
        if _AHEAD.search(sent, m.end()) or FUTURE.search(sent, m.end()):
            day = pub + timedelta(days=(weekday - pub.weekday()) % 7)
        else:
            day = pub - timedelta(days=(pub.weekday() - weekday) % 7)
        return Resolved(day, "day", "relative", m.start("when"), m.end("when"), m.group("when"))
    found = find_dates(m.group("when"), pub)
    if len(found) != 1 or found[0].end < len(m.group("when")) - 1:
        return None
    r = found[0]
    if (
        r.precision == "day"
        and r.date < pub
        and not _YEAR_DIGITS.search(r.phrase)
        and (_AHEAD.search(sent, m.end()) or FUTURE.search(sent, m.end()))
    ):
        ahead = _safe_day(pub.year, r.date.month, r.date.day)
        if ahead is not None and abs((ahead - pub).days) < (pub - r.date).days:
            return replace(r, date=ahead)
    return r


def _anaphoric_effect(sent: str, last_type: str) -> list[Hit]:
    """A trade or enforcement act of the sentence before, said to take effect in this one."""
    if last_type not in _TAKES_EFFECT_TYPES:
        return []
    m = _IT_TOOK_EFFECT.match(sent)
    return [Hit(last_type, "took effect", m.end() - 1, 0.6)] if m else []


#: Any of the cues that point to a date named elsewhere (speed: one scan before the others).
_ANY_CUE = re.compile(
    with_first_chars(
        "|".join(f"(?:{p.pattern})" for p in (_THAT_TIME, _SAME_DAY, _SAME_TIME, _SAME_MONTH))
        + r"|\b(?:next|following|day|days|week|weeks|months|years|earlier)\b"
        + r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) after\b"
    ),
    re.IGNORECASE,
)


def _key(text: str) -> str:
    return " ".join(fold_exact(text).split())


#: "The next day, ...": the day after the one named last.
_NEXT_DAY = re.compile(r"\W*(?:the (?:next|following) day|a day later|the day after)\b", re.I)
#: "Trump hit back the next day, ...": inside the sentence too (not "the next day after ...").
_NEXT_DAY_IN = re.compile(
    r"\b(?:the (?:next|following) day|a day later)\b(?!\s+(?:after|before|of))", re.I
)
#: "The delegations first sat down the day before": the day before the one named last.
_DAY_BEFORE = re.compile(
    r"\b(?:the day before|the previous day|a day earlier)\b(?!\s+(?:the|a|an|his|her|its|their)\b)",
    re.IGNORECASE,
)
#: A start ("China began requiring licences the same day"): on the day the act before took effect.
_STARTED = re.compile(
    r"\b(?:began|started|took effect|went into effect|kicked in|came into force)\b", re.IGNORECASE
)
#: "From the same day, the 24% tariff will stay suspended": the day the act before takes effect.
_FROM_SAME_DAY = re.compile(
    r"\b(?:from|starting|effective|beginning)(?: on)? (?:the same (?:day|date)|that day|"
    r"that same day)\b",
    re.IGNORECASE,
)
#: "At that meeting, the two leaders agreed ...": the date of the event named before.
_AT_THAT = re.compile(
    r"\W*(?:(?:at|during|after|following|on the sidelines of) (?:that|the|this) (?:meeting|summit|"
    r"session|call|dinner|talks|encounter|visit|trip)\b|afterwards?,|"
    r"(?:the same|that|this) (?:step|move|decision|order|action|round|change)\b)",
    re.IGNORECASE,
)
#: "... effective at 12:01 a.m. the next day": the day after the act's own.
_NEXT_DAY_CUE = re.compile(
    r"\b(?:effective|starting|from|(?:take|takes|taking|took) effect)\s+(?:at [\d:.]+\s*"
    r"[ap]\.?\s?m\.?\s+)?(?:on\s+)?the (?:next|following) day\b",
    re.IGNORECASE,
)


def _last_date(
    sents: list[str], pub: date, *, day_only: bool = False, ahead: bool = True
) -> Resolved | None:
    """The last date phrase named in `sents`, of day precision when `day_only`, and not a start
    after `pub` ("from March 10") unless `ahead` (looked up only when a sentence asks)."""
    for sent in reversed(sents):
        found = [
            r
            for r in find_dates(sent, pub)
            if (not day_only or r.precision == "day")
            and not is_bound(sent, r)
            and (
                ahead
                or r.date <= pub
                or not _EFFECT_CUE.search(sent, max(0, r.start - 64), r.start)
            )
        ]
        if found:
            return found[-1]
    return None


def _blanked(sent: str, phrase: Resolved) -> str:
    """`sent` with the date phrase blanked out (same length: offsets stay), to date it again."""
    return sent[: phrase.start] + " " * (phrase.end - phrase.start) + sent[phrase.end :]


def _last_day(sents: list[str], pub: date, *, ahead: bool = True) -> Resolved | None:
    return _last_date(sents, pub, day_only=True, ahead=ahead)


#: "on the day of the ruling": the day of an event named earlier in the article.
_ON_THE_DAY_OF = re.compile(
    r"\b(?:on the (?:same )?day of|the same day as) "
    r"(?P<ref>the (?:[\w-]+ )?[\w-]+)(?![\w-]| (?!that\b|which\b)[a-z])",
    re.IGNORECASE,
)
#: Strings every match of a cue regex holds (`required_words`), tested on the folded sentence
#: before the regex is run (speed: most triggered sentences name no cue).
_NEEDS = {
    p: minimal_needs(required_words(p.pattern))
    for p in (
        _ANY_CUE,
        _THAT_TIME,
        _NEXT_DAY_IN,
        _DAY_BEFORE,
        _SAME_DAY,
        _FROM_SAME_DAY,
        _SAME_TIME,
        _SAME_MONTH,
        _LATER,
        _FOLLOWING_ON,
        _N_AFTER,
    )
}


def _search(pattern: re.Pattern[str], sent: str, folded: str) -> re.Match[str] | None:
    """`pattern.search(sent)` (one of `_NEEDS`), None at once when `folded` (`fold_exact(sent)`)
    lacks a string every match holds."""
    return pattern.search(sent) if holds(_NEEDS[pattern], folded) else None


_REF_NOUN = re.compile(r"^\s*the (?:[\w-]+ )?(?P<noun>[a-z]{4,})\s*$", re.IGNORECASE)
_NOUN_END = re.compile(r"(?:ing|ion|ment|s)$")
#: How many sentences back a referred event is looked for.
_REFERENT_LOOKBACK = 40
#: ... and how far (characters) its date may be from the word that names it.
_REFERENT_REACH = 60


def _named_event(
    phrase: str, history: list[tuple[str, Entity | None]], pub: date
) -> Resolved | None:
    """The day of the event that `phrase` ("the ruling", "the carfentanil listing") refers to:
    the date named nearest a word of the same stem in the latest earlier sentence that has both."""
    m = _REF_NOUN.match(phrase)
    if m is None:
        return None
    stem = _NOUN_END.sub("", fold_exact(m.group("noun")))
    if len(stem) < 3:
        return None
    # the event itself, not another reference to it ("Within hours of the ruling, ...")
    word = re.compile(rf"(?<!\bthe )(?<!\bthat )\b{re.escape(stem)}", re.IGNORECASE)
    for text, _ in reversed(history[-_REFERENT_LOOKBACK:]):
        hit = word.search(text)
        if hit is None:
            continue
        dates = [
            r
            for r in find_dates(text, pub)
            if r.precision == "day" and abs(r.start - hit.start()) <= _REFERENT_REACH
        ]
        if dates:
            return min(dates, key=lambda r: abs(r.start - hit.start()))
    return None


def _effective_date(following: list[str], pub: date) -> Resolved | None:
    """The day the next sentences say things take effect ("The cuts take effect on May 14")."""
    for sent in following:
        if _TAKES_EFFECT.search(sent):
            later = [r for r in find_dates(sent, pub) if r.date >= pub]
            if later:
                return later[0]
    return None


def _same_year(named: Resolved | None, dated: Resolved | None) -> Resolved | None:
    """The day named last, in the year the last event was given when it is that event's day
    ("On Oct. 3 of that year, ... sanctioned 28 people the same day": 2023, not this year)."""
    if (
        named is not None
        and dated is not None
        and dated.precision == "day"
        and (named.date.month, named.date.day) == (dated.date.month, dated.date.day)
    ):
        return dated
    return named


def _paragraph_date(previous: list[tuple[str, Entity | None]], pub: date) -> Resolved | None:
    """The last date phrase named in the paragraph's earlier sentences."""
    for sent, _ in reversed(previous):
        # "last year's progress" dates its noun, not the paragraph: skip possessive phrases.
        found = [
            r for r in find_dates(sent, pub) if not is_possessive(sent, r) and not is_bound(sent, r)
        ]
        if found:
            return found[-1]
    return None


def _recent_actor(history: list[tuple[str, Entity | None]], depth: int = 3) -> Entity | None:
    """The actor of one of the last few sentences (an event's actor, else its first name)."""
    for sent, actor in reversed(history[-depth:]):
        if actor is not None:
            return actor
        subject = _last_subject(mentions(sent)) if len(sent) < 5000 else None
        if subject is not None:
            return subject
    return None


def _sentence_events(
    sent: str,
    hits: list[Hit],
    idx: int,
    found: list[Mention],
    published: date,
    article_id: str | None,
    fallback: Callable[[], Entity | None],
    *,
    context: Resolved | None,
    lede: dict[str, Resolved] | None = None,
    effective: Callable[[], Resolved | None] = lambda: None,
    after_day: tuple[int, Resolved] | None = None,
    opening: Resolved | None = None,
    reference_end: int = -1,
    doc_actor: Callable[[], Entity | None] = lambda: None,
) -> list[Event]:
    """Events of one sentence: the first valid trigger of each type, plus later triggers of that
    type that carry a different date phrase of their own ("agreed on Monday ... talks over the
    weekend")."""
    _TEXT[0] = sent
    out: list[Event] = []
    kept: dict[str, list[Resolved]] = {}
    labels: dict[str, set[str]] = {}
    last: dict[str, int] = {}  # type -> trigger offset of its latest event
    actors: dict[str, set[str]] = {}  # type -> countries of its events' actors
    statistic = is_statistic(sent)
    quote = _opening_quote(sent)
    for hit in hits:
        if hit.start < reference_end:
            continue  # "after the carfentanil listing, ...": an event named before
        # '"Every precursor that gets listed raises the cost," Liao said.': speech of someone
        # the gazetteer does not know is no report of an act
        if (
            quote is not None
            and quote[0] <= hit.start < quote[1]
            and not any(m.start >= quote[1] or m.end <= quote[0] for m in found)
        ):
            continue
        taken = kept.get(hit.event_type)
        hedged = is_hedged(sent, hit.start)
        actor, counterpart = _pick_actor(found, hit.start)
        if (
            actor is not None
            and not any(m.end <= hit.start for m in found)
            and _PRONOUN_SUBJECT.search(sent, max(0, hit.start - 40), hit.start)
        ):
            # "he accused Xi of ...": the subject is the one named before, not the object
            subject = fallback()
            if subject is not None and subject.country != actor.country:
                actor, counterpart = subject, actor
        # "Washington will lower its duties ..., while Beijing will cut its levies ...": a later
        # trigger of a type already taken is a second event when its own subject, of another
        # country, is named after the previous trigger; it shares the first one's date.
        own_subject = (
            taken is not None
            and actor is not None
            and actor.country not in actors[hit.event_type]
            and _named_between(found, actor, last[hit.event_type], hit.start)
        )
        confidence = hit.strength
        if actor is None:
            actor = fallback()
            confidence -= 0.2
            if actor is None and hit.event_type == "public_health":
                actor = _united_states()  # "was declared a public health emergency"
            elif actor is None and hit.event_type == "diplomatic" and _BOTH_SIDES.search(sent):
                actor = _united_states()  # "The two governments announced ...": the US and China
            elif actor is None and hit.label in _IMPLICIT_ACTOR:
                actor = doc_actor()  # "A 25 percent tariff on auto parts took effect"
            if actor is None:
                continue
            others = [m.entity for m in found if m.entity.country != actor.country]
            counterpart = others[0] if others else None
        reaction = hit.label == "statement or demand" and bool(
            _REACTION_OBJECT.match(sent, hit.start)
            or _VOW.match(sent, hit.start)
            or _REBUTTAL.match(sent, hit.start)
        )
        if (
            hit.event_type == "diplomatic"
            and counterpart is None
            and not _DIPLOMATIC_NOUN.search(sent)
            and not reaction
            and hit.label not in ("commitment to deploy forces", "point man named")
        ):
            continue
        if hit.label == "statement or demand" and (
            (not reaction and not _addressed(found, actor, hit.start, sent))
            # "Under the joint statement, ...": a document referred to, not an act
            or (
                _PREP.search(sent, max(0, hit.start - 20), hit.start)
                and not _SAID_IN.search(sent, max(0, hit.start - 70), hit.start)
            )
        ):
            continue
        # a release is a day's act: "deaths fell last year, according to figures the CDC
        # released Wednesday" is dated by the day, not by the period the figures count
        release = hit.label == "overdose data release"
        when = resolve(
            sent, published, anchor=hit.start, hedged=hedged, prefer_day=statistic or release
        )
        if (
            hit.event_type == "public_health"
            and when.precision == "year"
            and _PERIOD_OF_COUNT.search(sent, max(0, when.start - 40), when.start)
        ):  # "Last week, the CDC published figures showing 79,384 deaths in 2024": the count's
            # year is not the release's date
            masked = _blanked(sent, when)
            when = resolve(masked, published, anchor=hit.start, hedged=hedged)
        if after_day is not None and hit.start >= after_day[0] and when.basis == "published":
            when = after_day[1]
        lead = opening or _lead_date(sent, published)
        if lead is not None and lead.end <= hit.start:
            when = lead  # "Aug. 11, 2025 — Following talks in July, Trump signs an order ..."
        if hit.label == "threatened tariffs" and _START_PHRASE.search(
            sent, max(0, when.start - 14), when.start
        ):
            masked = _blanked(sent, when)
            when = resolve(masked, published, anchor=hit.start, hedged=hedged)
        # "cut its tariff on the same day, carrying out a pledge made last month": the pointer
        # back to the day named before is nearer the trigger than the sentence's own phrase.
        same = _SAME_DAY.search(sent) if context is not None else None
        if (
            same is not None
            and when.basis != "published"
            # "signed on April 2, the same afternoon he unveiled ...": the pointer restates the
            # day just named
            and not (when.precision == "day" and 0 <= same.start() - when.end <= 2)
            and (
                abs(same.start() - hit.start) < abs(when.start - hit.start)
                # "That same Monday, ...": the day named before, when it is a Monday
                or (
                    same.start() <= when.start < same.end()
                    and WEEKDAYS.get(fold_exact(when.phrase)) == context.date.weekday()
                )
                # "That same day, the CDC released figures showing ... deaths in 2024"
                or (same.start() <= 3 and when.precision in ("month", "year"))
            )
        ):
            when = Resolved(context.date, context.precision, "relative", phrase="(same day)")
        # "will suspend its 34% tariff imposed on April 2": the date belongs to the relative
        # clause (an earlier act of the same kind, kept as its own event); the main act is
        # dated as if the phrase were absent.
        earlier = None
        rel = (
            _RELATIVE_ACT.search(sent, max(hit.start + 15, when.start - 40), when.start)
            if when.basis != "published" and when.start > hit.start + 15
            else None
        )
        if (
            rel is not None
            and (
                _PASSIVE_AUX.search(sent, max(0, rel.start() - 12), rel.start())
                # "a joint statement issued Monday": the participle of the trigger's own noun
                or (
                    hit.event_type == "diplomatic"
                    and len(sent[hit.start : rel.start()].split()) <= 2
                )
            )
        ):
            rel = None  # "The outline was announced on Dec. 13": the main verb, not a clause
        if (
            rel is None
            and when.basis != "published"
            and when.start > hit.start + 15
            and _HAD_CLAUSE.search(sent, hit.start, when.start)
        ):
            # "lifted the tariffs that it had placed on farm goods in March": the phrase dates
            # the earlier act of the clause; the main act is dated as if it were absent
            masked = _blanked(sent, when)
            when = resolve(masked, published, anchor=hit.start, hedged=hedged, prefer_day=statistic)
        if rel is not None and (taken is None or own_subject):
            # the participle is past: "announced in April" is not next April
            past = find_dates(sent[rel.start() : when.end], published)
            earlier = past[-1] if past and past[-1].date <= published else when
            if hit.event_type == "diplomatic":
                earlier = None  # "agreed to pause the controls it unveiled on Oct. 9": no talks
            verb = rel.group(0).split()[0]
            masked = _blanked(sent, when)
            when = resolve(masked, published, anchor=hit.start, hedged=hedged, prefer_day=statistic)
        # A second event of one type needs its own label and its own date phrase after its
        # trigger ("... visit to Taiwan this week"), not one borrowed from another clause.
        if (
            own_subject
            and taken is not None
            and (when.basis == "published" or any(when.phrase == t.phrase for t in taken))
        ):
            when = taken[0]  # no date of its own: the first event's
        elif taken is not None and (
            when.basis == "published"
            or when.start < hit.start
            or any(when.phrase == t.phrase or t.basis == "published" for t in taken)
            or any(when.date == t.date and when.precision == t.precision for t in taken)
            or hit.label in labels[hit.event_type]
        ):
            continue
        if when.basis == "published" and not hedged:
            ahead = effective() if _FUTURE_ACT.search(sent) else None
            if ahead is not None:
                when = Resolved(ahead.date, ahead.precision, "relative", phrase="(effective)")
            elif context is not None:
                when = Resolved(context.date, context.precision, "relative", phrase="(context)")
            elif (
                lede
                and hit.event_type in lede
                # a later (effective) day only carries over to a sentence in the future tense
                and (lede[hit.event_type].date <= published or _FUTURE_ACT.search(sent))
            ):
                old = lede[hit.event_type]
                when = Resolved(old.date, old.precision, "relative", phrase="(lede)")
        made = None
        if hit.event_type in _TAKES_EFFECT_TYPES and hit.label != "threatened tariffs":
            later = _effective_in(sent, published, when, hit.start)
            if later is not None:  # announced now, dated by the day it takes effect
                made, when = when, later
                if not own_subject and any(when.date == t.date for t in taken or ()):
                    continue  # the same act named twice ("unveiled tariffs ... due to take effect")
        kept.setdefault(hit.event_type, []).append(when)
        last[hit.event_type] = hit.start
        actors.setdefault(hit.event_type, set()).add(actor.country)
        labels.setdefault(hit.event_type, set()).add(hit.label)
        if hedged:
            confidence -= 0.15
        if when.basis == "published":
            confidence -= 0.1
        if statistic:
            confidence -= 0.1
        cp = counterpart.as_counterpart if counterpart else None
        out.append(
            Event(
                event_type=hit.event_type,
                date=when.date,
                date_precision=when.precision,
                date_basis=when.basis,
                actor=actor.actor,
                counterpart=cp,
                summary=_summary(actor, hit, cp, hedged),
                evidence=sent,
                confidence=round(min(max(confidence, 0.05), 0.99), 2),
                article_id=article_id,
                sentence_index=idx,
                date_phrase=when.phrase,
                announced=published if when.date > published else None,
                actor_entity=actor,
                made=made.date if made is not None and made.precision == "day" else None,
                trigger=hit.start,
                label=hit.label,
            )
        )
        if earlier is not None:
            kept[hit.event_type].append(earlier)
            earlier_hit = replace(hit, label=f"{verb} earlier")
            out.append(
                replace(
                    out[-1],
                    date=earlier.date,
                    date_precision=earlier.precision,
                    date_basis=earlier.basis,
                    summary=_summary(actor, earlier_hit, cp, hedged=False),
                    label=earlier_hit.label,
                    confidence=round(max(out[-1].confidence - 0.1, 0.05), 2),
                    date_phrase=earlier.phrase,
                    announced=None,
                )
            )
    return _one_report(sent, out) if len(out) > 1 else out


#: "agreed to halve the tariff": the act agreed to is the agreement's content, not done yet.
_AGREED_TO = re.compile(
    r"\bagree(?:d|s|ment)?\s+(?:to|on)\b"
    # a pause agreed is the pause itself ("agreed on Monday to hold off for 30 days on tariffs")
    r"(?!(?:\W+\w+){0,3}?\W+(?:hold off|put off|postpone|delay|pause|suspend|cut))",
    re.IGNORECASE,
)
_PERFECT_BEFORE = re.compile(r"\b(?:had|has|have)\s+(?:also\s+)?$", re.IGNORECASE)
#: "Patel said China had listed 13 chemicals": the report of an act, which is the event.
_SAID_HAD = re.compile(r"\b(?:said|says|announced)\b(?:\W+\w+){1,6}?\W+had\b", re.IGNORECASE)


def _one_report(sent: str, out: list[Event]) -> list[Event]:
    """A sentence that joins a diplomatic act and a measure reports one of them: the agreement
    when the measure is what was agreed ("agreed to halve the tariff"), the measure when the
    diplomatic trigger only says that it was taken ("Patel said China had listed ...")."""
    if len({e.event_type for e in out}) < 2 or all(e.event_type != "diplomatic" for e in out):
        return out
    said = _SAID_HAD.search(sent)
    if said is not None and any(
        e.event_type != "diplomatic" and e.trigger >= said.end() for e in out
    ):
        return [e for e in out if e.event_type != "diplomatic" or e.trigger >= said.end()]
    agreed = _AGREED_TO.search(sent)
    if agreed is not None and not _PERFECT_BEFORE.search(
        sent, max(0, agreed.start() - 12), agreed.start()
    ):
        return [e for e in out if e.event_type == "diplomatic" or e.trigger < agreed.start()]
    return out


#: "The two governments announced the outline": the two sides of this kit's file.
_BOTH_SIDES = re.compile(
    r"^\W*(?:[^,]{0,40},\s+)?(?:the|both) (?:two )?"
    r"(?:governments|sides|countries|nations|capitals)\b",
    re.IGNORECASE,
)
#: "announced the outcome in a joint statement": the statement is how the act was made.
_SAID_IN = re.compile(
    r"\b(?:announced|said|declared|pledged|agreed|vowed|committed|affirmed|confirmed|stated|"
    r"laid out|set out)\b[^,;]{0,40}\bin\s+(?:a|an|their)\s+$",
    re.IGNORECASE,
)
#: A statement whose object is a measure reacts to an act ("condemned the measures", "welcomed
#: the move"): diplomatic even when no other country is named in the sentence.
_REACTION_OBJECT = re.compile(
    r"(?:welcomed|condemned|denounced|criticized|protested|rejected|opposed)\s+"
    r"(?:the|this|that|these|those|its|their|[A-Z][\w.]*'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:move|moves|measures?|decision|step|sanctions|tariffs?|duties|ruling|agreement|deal|"
    r"announcement|actions?|restrictions|controls|charges|indictments?|designation|listing|"
    r"accusations?|allegations?|claims?|criticism|remarks|comments|report|characteri[sz]ation)\b"
)
#: Answers that need no named addressee: a rebuttal ("hit back") or a policy paper.
_REBUTTAL = re.compile(
    r"(?:hit|hits|struck|fired|pushed) back\b(?=[^.]{0,40}?\b(?:calling|saying|accusing|"
    r"describing|denouncing|statement|said|says)\b)|"
    r"\w+ (?:a |an |its )?(?:[\w-]+ ){0,2}white paper",
    re.IGNORECASE,
)


#: A government's vow to respond ("would take necessary measures"): a reaction
#: to the act the article reports, diplomatic without another country named.
_VOW = re.compile(
    r"(?:take|taking|took)\b|(?:vowed|pledged|promised|threatened|warned)\b(?=[^.]{0,40}?"
    r"\b(?:countermeasures|retaliat\w*|respond|response|reciprocal)\b)",
    re.IGNORECASE,
)

#: Types whose acts are dated by the day they take effect when the sentence gives it.
_TAKES_EFFECT_TYPES = frozenset({"trade_policy", "enforcement"})
#: The words right before a date phrase that make it the day an act takes effect.
_EFFECT_CUE = re.compile(
    r"(?:(?:take|takes|took|taking) effect|(?:come|comes|came|go|goes|went) into (?:effect|force)|"
    r"kick(?:s|ed)? in|took hold|(?:entered|enters) into force|"
    r"effective|starting|beginning|from|as of|due(?: to take effect)?|in force from)"
    r"\s+(?:at [\d:.]+\s*[ap]\.?\s?m\.?\s+(?:\w+\s+(?:time\s+)?)?)?(?:on\s+)?"
    # "to take effect next Monday, Feb. 10": the weekday in apposition before the day
    r"(?:(?:next\s+|this\s+|on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.IGNORECASE,
)


def _new_clause(sent: str, lo: int, hi: int) -> bool:
    """A clause break between `lo` and `hi` that starts a new subject ("..., and Trump
    threatened"), not one that goes on with the same subject ("..., and applied them from")."""
    for m in CLAUSE_BREAK.finditer(sent, lo, hi):
        nxt = sent[m.end() : m.end() + 40]
        words = nxt.split()
        same_subject = (
            m.group().startswith(",")
            and words
            and ((words[0].islower() and words[0].endswith("ed")) or _SAME_ACT.match(nxt))
        )
        if not same_subject:
            return True
    return False


#: The act itself named again after a comma ("..., and the controls took effect on ...").
_SAME_ACT = re.compile(
    r"\s*(?:it|they|the (?:[\w-]+ )?(?:controls?|increases?|cuts?|changes?|rates?|hikes?|"
    r"reductions?|tariffs?|duties|duty|levy|levies|orders?|measures?|rules?|ban|suspension|"
    r"requirements?|listing))\b",
    re.IGNORECASE,
)


def _effective_in(sent: str, pub: date, when: Resolved, anchor: int) -> Resolved | None:
    """A day in `sent` after the act's own date that a cue marks as its effective day ("...
    unveiled tariffs on Friday, with the first batch due to take effect on September 1"), in the
    clause of the trigger at `anchor` (not another act's start: "..., and Trump threatened a
    tariff from November 1")."""
    for r in find_dates(sent, pub):
        # a phrase read before the act's own day counts from the act instead
        if (
            r.basis == "relative"
            and when.basis != "published"
            and (r.date < when.date or r.date > when.date + timedelta(days=7))
        ):
            r = _weekday_after(r, when.date)  # "announced on Wednesday ... from Thursday"
        elif (
            r.basis == "explicit"
            and not _YEAR_DIGITS.search(r.phrase)
            and when.basis != "published"
            and (r.date < when.date or r.date > when.date + timedelta(days=366))
        ):
            r = _day_after(r, when.date)  # "announced on April 1, 2019, ... from May 1"
        if (
            r.precision == "day"
            and r.date > when.date
            and r.phrase != when.phrase
            and _EFFECT_CUE.search(sent, max(0, r.start - 64), r.start)
            # "shifted the increase from Jan. 1 to March 2": a move, not a start
            and not (
                _RANGE_TO.match(sent, r.end)
                and _SHIFTED.search(sent, max(0, r.start - 80), r.start)
            )
            and not _new_clause(sent, min(anchor, r.start), max(anchor, r.start))
            and not WITH_OTHER.search(sent, min(anchor, r.start), max(anchor, r.start))
        ):
            return r
    nxt = _NEXT_DAY_CUE.search(sent, anchor) if when.precision == "day" else None
    if nxt is not None and not _new_clause(sent, anchor, nxt.start()):
        day = when.date + timedelta(days=1)
        return Resolved(day, "day", "relative", nxt.start(), nxt.end(), nxt.group())
    return None


_RANGE_TO = re.compile(r",?\s+(?:to|until|through)\s", re.IGNORECASE)
_SHIFTED = re.compile(
    r"\b(?:shift|mov|push|postpon|delay|defer|chang|reschedul)\w*\b", re.IGNORECASE
)


def _day_after(r: Resolved, day: date) -> Resolved:
    """A month and day without a year read as the first such date after `day`."""
    for year in (day.year, day.year + 1):
        try:
            cand = date(year, r.date.month, r.date.day)
        except ValueError:
            continue
        if cand > day:
            return Resolved(cand, r.precision, r.basis, r.start, r.end, r.phrase)
    return r


def _weekday_after(r: Resolved, day: date) -> Resolved:
    """A weekday phrase read as the first such day after `day` (the act it follows)."""
    words = [w for w in fold_exact(r.phrase).split() if w in WEEKDAYS]
    if not words:
        return r
    ahead = (WEEKDAYS[words[-1]] - day.weekday()) % 7 or 7
    return Resolved(day + timedelta(days=ahead), "day", r.basis, r.start, r.end, r.phrase)


#: A threat's own date is when it was made, not the day the threatened tariff would start.
_START_PHRASE = re.compile(
    r"\b(?:from|starting|beginning|effective|as of|(?:to|would|will) (?:begin|start|take effect))"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)


#: A participle or relative clause stating an earlier act, right before a date phrase
#: ("the controls it announced on October 9", "its tariff imposed on April 2, 2025").
_RELATIVE_ACT = re.compile(
    r"\b(?:announced|imposed|introduced|adopted|unveiled|levied|declared|enacted|issued|"
    r"placed|put in place)\s+(?:earlier\s+)?(?:(?:on|in)\b\s*)?$"
)
#: "... the tariffs that it had placed on farm goods in March": an earlier act's clause between
#: the trigger and the date phrase (the phrase dates that act, not the trigger's).
_HAD_CLAUSE = re.compile(
    r"\b(?:it|they)\s+had\s+(?:\w+ed|put|set|cut|slapped|rolled out)\b"
    # up to the phrase, within the clause (a list's commas, not ", a change that ...")
    r"(?:(?!,\s+(?:a|an|the|with|which|and|while|as|after|also)\b)[^;.]){0,120}$",
    re.IGNORECASE,
)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|be)\s+$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;]\s|\s(?:and|while|whereas|but)\s")


def _named_between(found: list[Mention], actor: Entity, lo: int, hi: int) -> bool:
    """True when `actor` is mentioned between offsets `lo` and `hi` at the start of a new clause
    (after a comma, semicolon or conjunction), not as an object ("invited Trump to visit")."""
    text = _TEXT[0]
    return any(
        m.entity == actor
        and lo < m.start
        and m.end <= hi
        and _CLAUSE_START.search(text, lo, m.start) is not None
        for m in found
    )


def _addressed(found: list[Mention], actor: Entity, start: int, sent: str) -> bool:
    """A statement counts when it is joint or aimed at another country named right after it."""
    low = fold_exact(sent)
    if "joint statement" in low or "each other" in low or "one another" in low:
        return True
    return any(m.entity.country != actor.country and start <= m.start <= start + 60 for m in found)


def _last_subject(found: list[Mention]) -> Entity | None:
    real = [m.entity for m in found if m.entity.kind != "adjective"]
    return real[0] if real else None


#: Acts worded without their maker ("the tariff took effect"): the article's first actor made them.
_IMPLICIT_ACTOR = frozenset(
    [
        "tariffs took effect",
        "tariffs changed",
        "tariff rate changed",
        "tariff change took effect",
        "ended duty-free treatment",  # "Duty-free treatment for parcels ended on May 2"
    ]
)


def _opening_quote(sent: str) -> tuple[int, int] | None:
    """The span of a quotation that opens the sentence, if any."""
    if sent[:1] not in ('"', "“"):
        return None
    close = sent.find("”" if sent[0] == "“" else '"', 1)
    return (0, close) if close > 0 else None


def _first_actor(text: str) -> Entity | None:
    """The first government, agency or official the article names ("DETROIT - A 25 percent
    tariff on auto parts took effect on Saturday" acts for the one named further on)."""
    found = [m for m in mentions(text[:4000]) if m.entity.kind != "adjective"]
    return found[0].entity if found else None


def _united_states() -> Entity | None:
    """The US government: the actor of health acts (the emergencies and overdose data this kit
    reads are American) and, with China, of "the two governments"."""
    found = mentions("United States")
    return found[0].entity if found else None


def _default_actor(title: str) -> Entity | None:
    return _last_subject(mentions(title))


def to_rows(
    events: Iterable[Event], *, citation: str = "", origin: str = "extracted"
) -> list[dict]:
    """Events as `events` table rows (dicts), to build one frame for many articles at once."""
    return [
        {
            "event_id": ev.event_id,
            "date": ev.date,
            "date_precision": ev.date_precision,
            "date_basis": ev.date_basis,
            "announced": ev.announced,
            "event_type": ev.event_type,
            "actor": ev.actor,
            "counterpart": ev.counterpart,
            "summary": ev.summary,
            "evidence": ev.evidence,
            "article_id": ev.article_id,
            "origin": origin,
            "citation": citation or f"article {ev.article_id}",
            "confidence": float(ev.confidence),
            "n_sources": 1,
        }
        for ev in events
    ]


def iter_article_events(articles: pl.DataFrame) -> Iterator[tuple[dict, list[Event]]]:
    """(article row, its events) for each article with a publication day; streaming-friendly."""
    cols = [
        c
        for c in ("article_id", "title", "text", "published", "url", "outlet", "raw_path")
        if c in articles.columns
    ]
    for row in articles.select(cols).iter_rows(named=True):
        pub = row.get("published")
        if pub is None or not row.get("text"):
            yield row, []
            continue
        yield (
            row,
            extract_from_text(
                row["text"], pub, article_id=row.get("article_id"), title=row.get("title")
            ),
        )


def citation_for(row: dict) -> str:
    """ "Outlet, "Title", URL (published YYYY-MM-DD)" from an articles row."""
    parts = [
        p
        for p in (
            row.get("outlet"),
            f'"{row["title"]}"' if row.get("title") else None,
            row.get("url") or row.get("raw_path"),
        )
        if p
    ]
    pub = row.get("published")
    return ", ".join(parts) + (f" (published {pub.isoformat()})" if pub else "")
