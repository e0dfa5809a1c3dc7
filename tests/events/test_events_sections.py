"""Where a date comes from beyond its sentence: month-by-month section headings, wire datelines,
a start "taking effect" at a time on a weekday, and a yearless day opening a past-tense
sentence in a story published late in the year."""

from datetime import date

from rule_checks import events

from analysis.events.dates import find_dates
from analysis.events.text import paragraphs, strip_markup

ANALYSIS = """\
Followed month by month, the levy's path shows how both governments used it.

## February: the opening shot

On Feb. 1, a Saturday, President Donald Trump signed an order putting a 10 percent tariff
on all Chinese imports.

Beijing answered with levies of its own on American coal and farm machinery.

## April to October 2025: overshadowed

Even when the reciprocal duties were cut back in May, the 20 percent levy stayed.

## November: the exchange

On Nov. 10, China began requiring export licences for 13 precursor chemicals.
"""


def test_section_headings_are_kept_marked_and_dated_ones_only():
    got = paragraphs(ANALYSIS)
    assert "## February: the opening shot" in got
    assert "## April to October 2025: overshadowed" in got
    # an HTML heading arrives without its hashes; a timeline line with a day is no section
    assert paragraphs("March: doubling down\n\nText.") == ["## March: doubling down", "Text."]
    assert paragraphs("## Background\n\nText.") == ["Text."]
    assert "## " not in "".join(paragraphs("March 4, 2025: Trump doubles the tariff\n\nText."))


def test_a_month_section_dates_what_it_holds():
    got = {(e[0], e[1], e[2]) for e in events(ANALYSIS, date(2025, 12, 20))}
    assert ("trade_policy", date(2025, 2, 1), "day") in got  # not next February
    assert ("trade_policy", date(2025, 2, 1), "month") in got  # Beijing answered: in February
    assert ("trade_policy", date(2025, 5, 1), "month") in got  # May of the range, not 2024
    assert ("enforcement", date(2025, 11, 10), "day") in got


def test_a_wire_dateline_moves_the_day_weekdays_count_from():
    text = (
        "Items appear in the order they moved on the wire.\n\n"
        "BUSAN, South Korea, Oct. 30 (14:40 KST) -- Donald Trump and Xi Jinping met for less "
        "than two hours at Gimhae Air Base on Thursday.\n\n"
        "BEIJING, Nov. 10 (09:25 CST) -- China began requiring export licences on Monday for "
        "13 fentanyl precursor chemicals."
    )
    got = {(e[0], e[1]) for e in events(text, date(2025, 11, 10))}
    assert got == {("diplomatic", date(2025, 10, 30)), ("enforcement", date(2025, 11, 10))}


def test_a_start_at_a_time_on_a_weekday_lies_ahead():
    said = (
        "Trump said he was lifting the tariff on Chinese imports to 125 percent, with the new "
        "rate taking effect at 12:01 a.m. Thursday."
    )
    assert [r.date for r in find_dates(said, date(2025, 4, 9))] == [date(2025, 4, 10)]
    # a day opening a sentence about the future stays ahead
    assert [r.date for r in find_dates("On Jan. 1, tariffs will rise.", date(2025, 12, 20))] == [
        date(2026, 1, 1)
    ]


def test_a_past_clause_and_an_effective_day_keep_their_years():
    pub = date(2025, 11, 6)
    said = (
        "China will remove the tariffs of up to 15% it imposed on American farm goods in March, "
        "with effect from Nov. 10, the commission said on Wednesday."
    )
    assert [(r.phrase, r.date) for r in find_dates(said, pub)][:2] == [
        ("in March", date(2025, 3, 1)),
        ("Nov. 10", date(2025, 11, 10)),
    ]
    # "effective Nov. 10" with no tense of its own, three months later: last November's
    halved = "Washington halved its tariff on Chinese goods to 10 percent, effective Nov. 10."
    assert [r.date for r in find_dates(halved, date(2026, 2, 5))] == [date(2025, 11, 10)]


def test_a_start_the_same_day_is_the_day_the_act_before_took_effect():
    text = (
        "After the leaders met in Busan on Oct. 30, Washington halved its fentanyl-related "
        "tariff on Chinese goods to 10 percent, effective Nov. 10.\n\nChina began requiring "
        "export licences the same day for 13 precursor chemicals."
    )
    got = {(e[0], e[1]) for e in events(text, date(2026, 2, 5))}
    assert ("enforcement", date(2025, 11, 10)) in got


def test_a_date_inside_a_had_clause_dates_the_earlier_act_only():
    pub = date(2025, 11, 13)
    lifted = (
        "Washington halved its fentanyl tariff to 10 percent on Monday.\n\nAt the same time, "
        "Beijing lifted the extra tariffs of up to 15 percent that it had placed on American "
        "soybeans, pork and other farm products in March."
    )
    got = [(e[0], e[1]) for e in events(lifted, pub)]
    assert got == [("trade_policy", date(2025, 11, 10))] * 2
    # a later clause with its own day keeps that day
    scrapped = (
        "Beijing, in turn, scrapped the tariffs of up to 15% it had put on American farm goods "
        "in March, a change that also took effect on Monday."
    )
    assert [e[1] for e in events(scrapped, pub)] == [date(2025, 11, 10)]


def test_a_week_of_heading_dates_the_weekdays_under_it():
    text = (
        "THE WEEKS THAT MADE 2025\n\n"
        "WEEK OF MARCH 3\n\n"
        "On Tuesday, the fentanyl tariff on Chinese goods doubled to 20 percent.\n\n"
        "WEEK OF JUNE 2\n\n"
        "On Thursday, Trump and Xi spoke by phone for about an hour and a half.\n"
    )
    found = {(e[0], e[1]) for e in events(text, date(2025, 12, 19))}
    assert ("trade_policy", date(2025, 3, 4)) in found
    assert ("diplomatic", date(2025, 6, 5)) in found


def test_list_items_led_by_a_weekday_or_same_day_take_their_day():
    weeks = (
        "Week of June 2\n\n"
        "- Thursday: Trump and Xi Jinping spoke by phone for about an hour and a half.\n\n"
        "Week of June 9\n\n"
        "- Monday: Treasury Secretary Scott Bessent sat down with Vice Premier He Lifeng in "
        "London.\n"
    )
    assert [(e[0], e[1]) for e in events(weeks, date(2025, 6, 20))] == [
        ("diplomatic", date(2025, 6, 5)),
        ("diplomatic", date(2025, 6, 9)),
    ]
    timeline = (
        "How we got here\n\n"
        "- Nov. 10 — The fentanyl tariff on Chinese goods fell from 20 percent to 10 percent.\n\n"
        "- Same day — Beijing began requiring export licences for 13 precursor chemicals.\n"
    )
    assert [(e[0], e[1]) for e in events(timeline, date(2025, 12, 16))] == [
        ("trade_policy", date(2025, 11, 10)),
        ("enforcement", date(2025, 11, 10)),
    ]


def test_a_list_of_dates_ahead_takes_the_coming_day():
    pub = date(2025, 4, 3)  # a Thursday
    ahead = (
        "Key dates ahead\n\n"
        "- May 2 — Duty-free de minimis entry ends for parcels from China and Hong Kong.\n\n"
        "- Wednesday: The 34 percent tariff on Chinese goods takes effect.\n\n"
        "Looking back\n\n"
        "- March 4 — The fentanyl tariff doubled to 20 percent.\n"
    )
    assert [e[1] for e in events(ahead, pub)] == [
        date(2025, 5, 2),
        date(2025, 4, 9),
        date(2025, 3, 4),
    ]
    # an item already past keeps its last day
    assert [e[1] for e in events("- Oct. 30 — Trump and Xi met in Busan.", pub)] == [
        date(2024, 10, 30)
    ]


def test_a_past_act_days_after_publication_is_last_years():
    pub = date(2026, 3, 2)
    doubled = "The White House doubled the fentanyl tariff to 20 percent on March 4."
    assert [e[1] for e in events(doubled, pub)] == [date(2025, 3, 4)]
    # a start after a past act lies ahead, and so does a future
    for text in (
        "Trump signed an order on Saturday imposing a tariff effective March 4.",
        "The White House will raise the tariff to 20 percent on March 4.",
    ):
        assert date(2026, 3, 4) in {e[1] for e in events(text, pub)}, text


def test_years_ago_tomorrow_counts_from_the_next_day():
    found = find_dates("Two years ago tomorrow, Biden and Xi met.", date(2025, 11, 14))
    assert [(r.date, r.precision) for r in found] == [(date(2023, 11, 15), "day")]
    found = find_dates("A year ago yesterday, the talks began.", date(2025, 3, 1))
    assert [(r.date, r.precision) for r in found] == [(date(2024, 2, 28), "day")]


def test_weeks_and_days_ago_today_are_days():
    found = find_dates("A fact sheet released two weeks ago today said so.", date(2025, 11, 15))
    assert [(r.date, r.precision) for r in found] == [(date(2025, 11, 1), "day")]
    found = find_dates("Three days ago yesterday, the talks began.", date(2025, 3, 5))
    assert [(r.date, r.precision) for r in found] == [(date(2025, 3, 1), "day")]
    # without "today" it stays a week
    found = find_dates("The fact sheet came out two weeks ago.", date(2025, 11, 15))
    assert [(r.date, r.precision) for r in found] == [(date(2025, 10, 27), "week")]


def test_late_or_early_before_a_weekday_is_that_weekday():
    found = find_dates("Late Friday the administration exempted electronics.", date(2025, 4, 14))
    assert [r.date for r in found] == [date(2025, 4, 11)]
    found = find_dates("The envoys will meet early Monday in Geneva.", date(2025, 5, 8))
    assert [r.date for r in found] == [date(2025, 5, 12)]


def test_a_sentence_led_by_from_a_weekday_looks_ahead():
    found = find_dates("From Wednesday, the duty falls from 125% to 10%.", date(2025, 5, 12))
    assert [r.date for r in found] == [date(2025, 5, 14)]
    # a state that has begun: the last such day
    found = find_dates("From Monday, exporters need a licence.", date(2025, 11, 12))
    assert [r.date for r in found] == [date(2025, 11, 10)]


def test_a_start_after_a_list_takes_the_future_of_its_sentence():
    pub = date(2024, 8, 6)
    will = (
        "China will place three chemicals used to make fentanyl, 4-AP, 1-boc-4-AP and "
        "norfentanyl, under national control from Sept. 1, the ministry said on Monday."
    )
    assert date(2024, 9, 1) in {r.date for r in find_dates(will, pub)}
    # "would" tells a future seen from the past: the nearest reading stays
    would = (
        "In August 2023, Beijing said three chemicals, 4-AP, 1-boc-4-AP and norfentanyl, "
        "would come under control from Sept. 1."
    )
    assert date(2024, 9, 1) not in {r.date for r in find_dates(would, pub)}


def test_changes_that_take_effect_on_a_weekday_look_ahead():
    pub = date(2025, 5, 13)  # a Tuesday
    found = find_dates("The cuts take effect on Wednesday, the statement said.", pub)
    assert [r.date for r in found] == [date(2025, 5, 14)]
    # what has already taken effect lies behind
    found = find_dates("The car tariff had already come into force on Thursday.", pub)
    assert [r.date for r in found] == [date(2025, 5, 8)]


def test_the_same_afternoon_right_after_a_day_restates_that_day():
    signed = (
        "Trump ordered the change in an executive order signed on April 2, the same afternoon "
        "he unveiled his reciprocal tariff plan."
    )
    text = f"The White House said on Friday that parcels lose their exemption. {signed}"
    assert (date(2025, 4, 2), "day") in {(e[1], e[2]) for e in events(text, date(2025, 5, 5))}


def test_a_duty_taking_hold_at_a_time_on_a_weekday_is_the_nearest_such_day():
    found = find_dates("with the duty taking hold at 12:01 a.m. Tuesday", date(2025, 2, 3))
    assert [r.date for r in found] == [date(2025, 2, 4)]


def test_a_contact_clause_dates_its_own_act_not_the_trigger():
    lift = (
        "On Wednesday, China's State Council Tariff Commission said it would lift the tariffs of "
        "up to 15 percent it imposed in March on American chicken and soybeans from Nov. 10."
    )
    assert [(e[0], e[1]) for e in events(lift, date(2025, 11, 6))] == [
        ("trade_policy", date(2025, 11, 10))
    ]


def test_a_year_alone_on_its_line_dates_the_timeline_entries_under_it():
    text = (
        "Here is how the dispute unfolded:\n\n2018\n\n"
        "In March: Trump directs the U.S. Trade Representative to propose 25% tariffs on about "
        "$50 billion of Chinese imports.\n\n"
        "In July: The first 25% tariffs, on $34 billion of goods, take effect on July 6.\n\n"
        "2020\n\nThe fentanyl tariff on Chinese goods doubled on March 4.\n"
    )
    assert [(e[1], e[2]) for e in events(text, date(2025, 6, 1))] == [
        (date(2018, 3, 1), "month"),
        (date(2018, 7, 6), "day"),
        (date(2020, 3, 4), "day"),
    ]
    assert paragraphs("Intro line here.\n\n2018\n\nText.")[1] == "## 2018"


def test_the_weekday_after_an_event_and_the_same_moment_as_a_counted_day():
    text = (
        "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in Geneva on May 10 "
        "and 11.\n\n"
        "On the Monday after the talks, the two governments issued a joint statement. The cuts "
        "took effect two days later, taking the American tariff on Chinese goods to 10 percent. "
        "Beijing lowered its retaliatory tariff to 10 percent at the same moment."
    )
    got = [(e[0], e[1]) for e in events(text, date(2025, 5, 31))]
    assert ("diplomatic", date(2025, 5, 12)) in got
    assert got[-2:] == [("trade_policy", date(2025, 5, 14))] * 2
    # "the Monday" alone is no weekday counted from publication
    assert not find_dates("On the Monday after the talks, they met.", date(2025, 5, 31))


def test_factbox_entries_take_the_day_of_their_label():
    html = (
        "<html><body><article><h1>Factbox: the leaders' meetings</h1>"
        "<p>Trump arrives in Beijing on Wednesday for a state visit.</p><dl>"
        "<dt>June 29, 2019 &middot; Osaka</dt>"
        "<dd>Trump and Xi meet on the sidelines of the G20.</dd>"
        "<dt>November 2017 &middot; Beijing</dt><dd>Trump makes a state visit to China.</dd>"
        "</dl></article></body></html>"
    )
    found = {(e[0], e[1], e[2]) for e in events(strip_markup(html), date(2026, 5, 12))}
    assert ("diplomatic", date(2019, 6, 29), "day") in found
    assert ("diplomatic", date(2017, 11, 1), "month") in found
