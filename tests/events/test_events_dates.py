"""Date resolution against the publication day (analysis.events.dates)."""

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from text_strategies import joined, texts

from analysis.events.dates import find_dates, monday, resolve
from analysis.events.text import fold_exact

SAT = date(2025, 5, 3)  # the seed's publication day, a Saturday


@pytest.mark.parametrize(
    ("sentence", "pub", "expected"),
    [
        ("the administration on Friday eliminated it", SAT, (date(2025, 5, 2), "day", "relative")),
        ("Earlier this week, China confirmed", SAT, (date(2025, 4, 28), "week", "relative")),
        ("China last week said", SAT, (date(2025, 4, 21), "week", "relative")),
        ("they will meet next week", SAT, (date(2025, 5, 5), "week", "relative")),
        ("the two will meet on Thursday", SAT, (date(2025, 5, 8), "day", "relative")),
        ("he spoke last Tuesday", SAT, (date(2025, 4, 29), "day", "relative")),
        ("talks this Thursday went well", SAT, (date(2025, 5, 1), "day", "relative")),
        ("the CDC said yesterday", SAT, (date(2025, 5, 2), "day", "relative")),
        ("the CDC said today", SAT, (date(2025, 5, 3), "day", "relative")),
        ("last month the CDC released data", SAT, (date(2025, 4, 1), "month", "relative")),
        ("China scheduled the drugs in 2019", SAT, (date(2019, 1, 1), "year", "explicit")),
        ("talks on May 12, 2025", SAT, (date(2025, 5, 12), "day", "explicit")),
        ("talks on 12 May 2025", SAT, (date(2025, 5, 12), "day", "explicit")),
        ("talks on May 12", SAT, (date(2025, 5, 12), "day", "explicit")),
        ("talks in May 2024", SAT, (date(2024, 5, 1), "month", "explicit")),
        ("On Monday, May 12, 2025, talks began", SAT, (date(2025, 5, 12), "day", "explicit")),
        ("it was renewed in March", date(2025, 5, 14), (date(2025, 3, 1), "month", "explicit")),
        ("he plans to visit in April", date(2025, 10, 30), (date(2026, 4, 1), "month", "explicit")),
        ("On December 20, they met", date(2025, 1, 6), (date(2024, 12, 20), "day", "explicit")),
    ],
)
def test_phrases(sentence, pub, expected):
    r = resolve(sentence, pub)
    assert (r.date, r.precision, r.basis) == expected


def test_default_is_publication_day_and_hedged_is_its_week():
    r = resolve("China is talking", SAT)
    assert (r.date, r.precision, r.basis) == (SAT, "day", "published")
    r = resolve("China is reportedly weighing a visit", SAT, hedged=True)
    assert (r.date, r.precision, r.basis) == (date(2025, 4, 28), "week", "published")


def test_week_convention_is_monday():
    assert monday(date(2025, 5, 4)) == date(2025, 4, 28)
    assert monday(date(2025, 4, 28)) == date(2025, 4, 28)


def test_clause_local_future():
    s = "He said he would cut the tariff, and the reduction took effect on Monday."
    assert find_dates(s, date(2025, 11, 11))[0].date == date(2025, 11, 10)
    s = "She said she would speak with Trump on Monday."
    assert find_dates(s, date(2025, 2, 2))[0].date == date(2025, 2, 3)


def test_numbers_are_not_dates():
    assert find_dates("tariffs rose to 145 percent, and 450,000 deaths", SAT) == []
    assert find_dates("prices in 2024-25 rose", SAT) == []


WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(
    pub=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    wd=st.integers(0, 6),
)
def test_weekday_phrases_land_on_that_weekday(pub, wd):
    name = WEEKDAY_NAMES[wd]
    past = resolve(f"China said on {name} it agreed.", pub).date
    future = resolve(f"They will meet on {name}.", pub).date
    last = resolve(f"They met last {name}.", pub).date
    assert past.weekday() == future.weekday() == last.weekday() == wd
    assert 0 <= (pub - past).days <= 6
    assert 0 <= (future - pub).days <= 6
    assert 1 <= (pub - last).days <= 7
    week = resolve("Earlier this week they talked.", pub)
    assert week.date.weekday() == 0 and 0 <= (pub - week.date).days <= 6


def test_day_phrase_preferred_over_nearby_period():
    s = (
        "Overdose deaths fell by 27 percent in 2024, according to provisional figures released "
        "by the CDC on Wednesday."
    )
    anchor = s.index("provisional")
    assert resolve(s, date(2025, 5, 14), anchor=anchor).date == date(2025, 5, 14)


def test_deadlines_are_not_event_dates_and_later_phrases_win():
    s = (
        "A companion order keeps the tariff at 10 percent until November 10, 2026, carrying out "
        "the truce reached when Trump met Xi in South Korea last week."
    )
    r = resolve(s, date(2025, 11, 4), anchor=s.index("met"))
    assert (r.date, r.precision) == (date(2025, 10, 27), "week")


def test_a_start_without_future_tense_is_the_nearest_such_day():
    tuesday = date(2025, 11, 11)
    # "effective Monday" in Tuesday's paper, with a past or present main verb: the day before
    for s in (
        "Beijing also scrapped, effective Monday, the extra duties on American farm goods.",
        "Beginning Monday, Chinese exporters need a licence to ship 13 precursors.",
    ):
        assert [r.date for r in find_dates(s, tuesday)] == [date(2025, 11, 10)], s
    # a future tense anywhere before the start keeps it ahead
    ahead = (
        "Beijing will add 15% to its tariffs on American chicken, wheat and corn, starting Monday."
    )
    assert [r.date for r in find_dates(ahead, tuesday)] == [date(2025, 11, 17)]
    # further back, the coming one ("signed a proclamation ..., starting Tuesday")
    friday = date(2026, 2, 20)
    signed = "Trump signed a proclamation imposing a 10% surcharge, starting Tuesday."
    assert [r.date for r in find_dates(signed, friday)] == [date(2026, 2, 24)]


def test_a_span_of_days_is_dated_by_its_first():
    s = "Bessent and Greer spent Saturday and Sunday in closed-door talks with He Lifeng."
    r = resolve(s, date(2025, 5, 12), anchor=s.index("talks"))
    assert (r.date, r.phrase) == (date(2025, 5, 10), "Saturday")


def test_a_weekday_of_last_week_and_a_state_begun_on_a_start_day():
    thursday = date(2026, 2, 5)
    got = find_dates("The CDC released its final count on Thursday of last week.", thursday)
    assert [(r.phrase, r.date) for r in got] == [("on Thursday of last week", date(2026, 1, 29))]
    # "Starting Monday, exporters need ...": the state has begun, on the last Monday
    state = "Starting Monday, Chinese exporters need a licence to ship 13 chemicals."
    assert [r.date for r in find_dates(state, date(2025, 11, 13))] == [date(2025, 11, 10)]


_PIECES = [
    "Last week",
    "the WEEKEND talks",
    "week before last",
    "month",
    "Year",
    "this year",
    "May 12",
    "12 May",
    "Sept.",
    "2019",
    "20٢٥",
    "1999 ",
    "day of",
    "in 2019",
    "May 2024",
    "Jan. 5, 2020",
    "5 March 2021",
    "in March",
    "since May",
    "on Friday",
    "over the weekend",
    "next month",
    "last year",
    "on the 3rd",
    "the last day of May",
    "2025-05-03",
    "on the 14th",
    "12:01 a.m.",
    "ago",
    "two",
    "following",
    "Monday",
    "of last week",
    "said",
    "tonight",
    "Yesterday",
    "since",
    "until",
    "the first day of June",
    "mid-",
    "İ",
    "ı",
    "ſ",
    "K",
    "é",
    "_",
    "3",
    "—",
    "'s",
]


#: Sentences of date-like pieces between varied separators.
_SENTENCES = texts(_PIECES, [" ", ", ", "-", "", ".", "x"], 12)


@settings(max_examples=400, deadline=None)
@given(_SENTENCES)
def test_the_cheap_pretest_never_skips_a_pattern_that_matches(sentence):
    """The cue words are the sentence's words among them; every pattern with a match is tried."""
    import re

    from analysis.events import dates

    words, cues = dates._cues(sentence)
    assert words == set(re.findall(r"[a-z]+", fold_exact(sentence))) & set(dates._CUES_OF)
    plan = dates._plan(cues)
    for pattern, kind in dates.PATTERNS:
        if pattern.search(sentence):
            assert (pattern, kind) in plan, (kind, sentence)


#: Each kind of `_TENSED` read differently in the past and the future (published 2025-01-08).
_TENSED_EXAMPLE = [
    "in March",
    "May 12",
    "12 May",
    "on the 14th",
    "the first day of June",
    "on Friday",
    "said Friday",
    "this weekend",
]


@settings(max_examples=300, deadline=None)
@given(_SENTENCES, st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
@example(sentence=joined(_TENSED_EXAMPLE, [", "] * 12), pub=date(2025, 1, 8))
def test_untensed_kinds_resolve_alike_in_every_tense(sentence, pub):
    """`_find_dates` looks for a clause's tense only for the kinds in `_TENSED`."""
    from analysis.events import dates

    for pattern, kind in dates.PATTERNS:
        if kind in dates._TENSED:
            continue
        for m in pattern.finditer(sentence):
            got = {
                repr(dates._one(m, kind, pub, f)) for f in (False, True, "near", "since", "would")
            }
            assert len(got) == 1, (kind, sentence)
