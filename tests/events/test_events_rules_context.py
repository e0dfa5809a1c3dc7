"""Dates an act takes from its neighbours and from the clause it sits in: spans counted on from
the date named before ("Two days later", "Fifteen months later"), "the next day" inside a
sentence, anaphora ("At that meeting", "The same step", "Afterward"), a date followed by
", when" and the act in that clause, subordinate and past-perfect clauses whose dates belong to
another act, and the effective day after a fronted date.

Sentences are made up for the rules (not gold sentences); each class has a negative case.
"""

from datetime import date

from rule_checks import events

from analysis.events import extract_from_text
from analysis.events.dates import find_dates, resolve


def dated(text: str, pub: date, title: str = "US and China") -> list[tuple]:
    return [
        (e.event_type, e.date, e.date_precision) for e in extract_from_text(text, pub, title=title)
    ]


def test_days_later_count_on_from_the_day_named_before():
    text = (
        "Trump and Xi met at an air base in Busan on Oct. 30.\n\n"
        "Two days later, a White House fact sheet said China would buy soybeans this year."
    )
    assert ("diplomatic", date(2025, 11, 1), "day") in dated(text, date(2025, 11, 10))


def test_months_later_count_on_from_a_month_and_years_from_a_year():
    text = (
        "China placed NPP and 4-ANPP under national control in February 2018.\n\n"
        "Fifteen months later, Beijing brought every fentanyl-related substance under control."
    )
    assert ("enforcement", date(2019, 5, 1), "month") in dated(text, date(2023, 9, 14))


def test_a_date_given_right_after_the_span_wins():
    text = (
        "China placed two precursors under control in February 2017.\n\n"
        "Two years later, in May 2019, the whole class of fentanyl-related substances was "
        "brought under control."
    )
    got = dated(text, date(2023, 9, 14))
    assert ("enforcement", date(2019, 5, 1), "month") in got
    assert ("enforcement", date(2019, 1, 1), "year") not in got


def test_the_next_day_inside_a_sentence_counts_from_the_day_before():
    text = (
        "China widened its rare-earth export controls on Oct. 9.\n\n"
        "Trump hit back the next day, threatening an extra 100 percent tariff on Chinese goods."
    )
    assert ("diplomatic", date(2025, 10, 10), "day") in dated(text, date(2025, 10, 27))


def test_at_that_meeting_takes_the_date_of_the_meeting_named_before():
    text = (
        "Biden and Xi met for four hours in Woodside, California, on Wednesday.\n\n"
        "At that meeting, the two leaders agreed to resume counternarcotics cooperation."
    )
    got = dated(text, date(2023, 11, 17))
    assert got.count(("diplomatic", date(2023, 11, 15), "day")) == 2


def test_a_date_followed_by_when_dates_the_act_in_that_clause():
    text = (
        "The current calm dates back to May, when negotiators in Geneva agreed to roll back "
        "tariffs on each other's goods."
    )
    got = dated(text, date(2025, 10, 11))
    assert ("diplomatic", date(2025, 5, 1), "month") in got
    text = "The trade office has been examining the policy since Aug. 18, when it opened a probe."
    got = [r.date for r in find_dates(text, date(2017, 11, 9))]
    assert got == [date(2017, 8, 18)]
    assert resolve(text, date(2017, 11, 9), anchor=text.index("opened")).date == date(2017, 8, 18)


def test_a_phrase_across_a_subordinate_clause_dates_the_other_act():
    text = (
        "Owners of metal shops were rewriting quotes this week after federal tariffs on imported "
        "steel and aluminum doubled to 50% on Wednesday for every country except Britain."
    )
    assert resolve(text, date(2025, 6, 5), anchor=text.index("tariffs")).date == date(2025, 6, 4)


def test_a_past_perfect_or_past_relative_clause_is_never_read_as_future():
    pub = date(2025, 6, 11)
    text = "They would suspend most of the tariffs they had imposed on each other in April."
    assert [r.date for r in find_dates(text, pub)] == [date(2025, 4, 1)]
    text = "Negotiators would resume the talks that broke down in May."
    assert [r.date for r in find_dates(text, pub)] == [date(2025, 5, 1)]
    text = "Negotiators would resume the talks in May."  # still the future
    assert [r.date for r in find_dates(text, date(2025, 6, 11))] == [date(2026, 5, 1)]


def test_an_effective_day_after_a_fronted_date_counts_from_that_date():
    text = (
        "In August, China's Ministry of Public Security said it would bring three fentanyl "
        "precursors under national control starting Sept. 1."
    )
    assert ("enforcement", date(2024, 9, 1), "day") in dated(text, date(2024, 11, 17))


def test_the_same_step_takes_the_date_of_the_step_before():
    text = (
        "Tariffs on Chinese lithium-ion batteries rose to 25% on Thursday under the schedule.\n\n"
        "The same step lifted the duty on Chinese medical gloves to 100%."
    )
    got = dated(text, date(2026, 1, 2))
    assert got.count(("trade_policy", date(2026, 1, 1), "day")) == 2


def test_a_weekday_after_a_statement_noun_is_the_day_of_the_statement():
    text = "Greer defended the use of the law in a statement Friday."
    assert [r.date for r in find_dates(text, date(2026, 2, 21))] == [date(2026, 2, 20)]


def test_a_passive_health_emergency_and_an_actorless_tariff_still_get_an_actor():
    got = events(
        "The opioid crisis was declared a nationwide public health emergency in 2017.",
        date(2023, 9, 14),
    )
    assert got == [("public_health", date(2017, 1, 1), "year", "United States")]
    text = (
        "DETROIT - A 25 percent tariff on imported auto parts took effect on Saturday.\n\n"
        "President Donald Trump signed the proclamation in March."
    )
    got = extract_from_text(text, date(2025, 5, 4), title="Auto parts")
    assert [(e.event_type, e.date, e.actor) for e in got][:1] == [
        ("trade_policy", date(2025, 5, 3), "White House")
    ]
    # an actorless sentence of another kind does not borrow the article's first actor
    text = "Here are the turning points of the year.\n\nPresident Donald Trump spoke on Friday."
    assert extract_from_text(text, date(2025, 5, 4), title="Timeline") == []


def test_a_write_through_slug_line_dates_the_story_as_rewritten():
    text = (
        "UPDATE 1 - Nov. 16, 2023, 9:20 a.m. ET: Adds Commerce decision in paragraph 3.\n\n"
        "WOODSIDE, Calif. (Wire) - Biden and Xi agreed on Wednesday to restart drug cooperation "
        "with China.\n\n"
        "On Thursday, the Commerce Department removed China's police forensic institute from its "
        "Entity List."
    )
    got = dated(text, date(2023, 11, 15))
    assert ("diplomatic", date(2023, 11, 15), "day") in got
    assert ("enforcement", date(2023, 11, 16), "day") in got


def test_a_state_abbreviation_in_a_dateline_ends_no_sentence():
    from analysis.events.text import split_sentences

    text = "WOODSIDE, Calif. (Wire) - Biden and Xi met on Wednesday. They agreed to talk again."
    assert len(split_sentences(text)) == 2


def test_a_clock_time_with_before_or_after_is_the_story_day():
    got = find_dates("Trump met Liu He there shortly before 3 p.m.", date(2019, 10, 11))
    assert [(r.date, r.precision) for r in got] == [(date(2019, 10, 11), "day")]


def test_days_earlier_count_back_and_with_clauses_date_their_own_act():
    text = (
        "Trump signed the surcharge proclamation on Tuesday, Feb. 24.\n\n"
        "Four days earlier, the Supreme Court had ruled that the emergency law does not "
        "authorize tariffs."
    )
    assert ("trade_policy", date(2026, 2, 20), "day") in dated(text, date(2026, 2, 25))
    text = (
        "On March 11, the trade office opened Section 301 investigations into excess capacity, "
        "with hearings scheduled from May 5."
    )
    assert dated(text, date(2026, 3, 20)) == [("trade_policy", date(2026, 3, 11), "day")]


def test_months_after_count_back_from_the_story_or_on_from_the_event_before():
    text = "The probe comes four months after Trump hosted Xi at Mar-a-Lago for talks."
    assert dated(text, date(2017, 8, 19)) == [("diplomatic", date(2017, 4, 1), "month")]
    text = (
        "China listed carfentanil and three other analogues in March 2017.\n\n"
        "Four months after the carfentanil listing, Beijing added U-47700 and MT-45 to its "
        "controlled substances."
    )
    assert ("enforcement", date(2017, 7, 1), "month") in dated(text, date(2026, 2, 27))
    text = (
        "A week after Biden and Xi agreed at Woodside to resume cooperation against fentanyl, "
        "officials are still working out what it means."
    )
    assert dated(text, date(2023, 11, 22)) == [("diplomatic", date(2023, 11, 15), "day")]


def test_a_yearless_day_takes_the_year_named_before_it_or_of_a_past_verb():
    got = find_dates(
        "In April 2019, China said all fentanyl-related substances would be controlled from May 1.",
        date(2020, 1, 16),
    )
    assert [r.date for r in got] == [date(2019, 4, 1), date(2019, 5, 1)]
    got = find_dates("The retaliatory tariffs took effect March 10.", date(2026, 2, 27))
    assert [r.date for r in got] == [date(2025, 3, 10)]
    got = find_dates("The tariffs will take effect March 10.", date(2026, 2, 27))
    assert [r.date for r in got] == [date(2026, 3, 10)]
    got = find_dates("The controls took effect Sept. 1 last year.", date(2025, 6, 1))
    assert [(r.date, r.precision) for r in got] == [(date(2024, 9, 1), "day")]
    got = find_dates(
        "They agreed in November 2023, and the group met the following January.", date(2025, 1, 1)
    )
    assert [(r.date, r.precision) for r in got] == [
        (date(2023, 11, 1), "month"),
        (date(2024, 1, 1), "month"),
    ]


def test_the_day_before_and_from_the_same_day():
    text = (
        "Negotiators ended their talks in Madrid on Monday.\n\n"
        "The delegations first sat down for talks with China the day before in the Spanish "
        "capital."
    )
    assert ("diplomatic", date(2025, 9, 14), "day") in dated(text, date(2025, 9, 16))
    text = (
        "BEIJING, Nov. 5 (Wire) -- China will stop collecting the extra tariffs on US farm goods "
        "starting from Nov. 10, the tariff commission said on Wednesday.\n\n"
        "From the same day, the 24 percent additional tariff on U.S. goods will stay suspended."
    )
    got = dated(text, date(2025, 11, 5))
    assert got.count(("trade_policy", date(2025, 11, 10), "day")) == 2


def test_a_start_with_a_weekday_is_an_effective_day_and_an_act_that_ended_on_a_day_is_dated():
    text = (
        "Signed last Saturday, that order imposed an additional 10% tariff on all imports from "
        "China starting Tuesday."
    )
    assert dated(text, date(2025, 2, 8)) == [("trade_policy", date(2025, 2, 4), "day")]
    text = "That duty-free exemption ended last Friday for goods shipped from mainland China."
    assert dated(text, date(2025, 5, 6)) == [("trade_policy", date(2025, 5, 2), "day")]
    # the period a figure covers is still no date of an act
    got = resolve("Deaths in the 12 months ended Sept. 30 fell.", date(2025, 2, 1), anchor=0)
    assert got.basis == "published"


def test_a_phrase_after_a_reference_leaves_a_dated_act_alone():
    text = (
        "Trump unveiled reciprocal tariffs on April 2.\n\n"
        "A week after unveiling them, Trump lifted the rate on Chinese goods to 125%, a step "
        "that took effect on April 10."
    )
    assert ("trade_policy", date(2025, 4, 10), "day") in dated(text, date(2025, 5, 12))


def test_spans_inside_a_sentence_and_same_evening_and_following_month():
    text = (
        "Geneva negotiators announced the cuts on May 12.\n\n"
        "The reductions kick in two days later, leaving the reciprocal rate at 10% on each side."
    )
    assert ("trade_policy", date(2025, 5, 14), "day") in dated(text, date(2025, 5, 20))
    text = (
        "In August last year the ministry announced controls on three more fentanyl precursors, "
        "which took effect the following month."
    )
    assert ("enforcement", date(2024, 9, 1), "month") in dated(text, date(2025, 6, 20))
    text = (
        "The Supreme Court ruled on Friday that the law does not authorize tariffs.\n\n"
        "Greer issued a statement on China the same evening defending the tariffs."
    )
    assert ("diplomatic", date(2026, 2, 20), "day") in dated(text, date(2026, 2, 25))


def test_an_effective_day_months_ahead_of_a_past_act_is_last_years():
    text = (
        "Washington lowered the fentanyl tariff on Chinese goods to 10 percent, effective Nov. 10."
    )
    assert dated(text, date(2026, 2, 5)) == [("trade_policy", date(2025, 11, 10), "day")]
    # a start days ahead of a past announcement still looks ahead
    text = "Trump signed a proclamation imposing a 10% surcharge, starting Tuesday."
    assert dated(text, date(2025, 6, 12)) == [("trade_policy", date(2025, 6, 17), "day")]


def test_the_change_after_a_long_subject_is_dated_by_its_own_phrase():
    text = (
        "The 15 percent tariff that Washington has charged since September on $120 billion of "
        "Chinese imports was cut in half, to 7.5 percent, on Friday."
    )
    assert dated(text, date(2020, 2, 15)) == [("trade_policy", date(2020, 2, 14), "day")]


def test_last_month_name_is_the_year_before_and_spans_after_that_count_from_a_day():
    got = find_dates("Last March, China added carfentanil to its list.", date(2018, 4, 2))
    assert [r.date for r in got] == [date(2017, 3, 1)]
    text = (
        "China began requiring licences for 13 precursors on Nov. 10, after months of talks "
        "since March.\n\n"
        "Two days after that, FBI Director Kash Patel said China had agreed to bring seven "
        "chemical companies under control."
    )
    assert ("enforcement", date(2025, 11, 12), "day") in dated(text, date(2025, 12, 16))


def test_dated_headings_of_a_factbox_date_the_entries_under_them():
    text = (
        "Following are key moments in the dispute this year:\n\n"
        "MARCH 22 - SECTION 301 FINDINGS\n\n"
        "* Trump signed a memorandum on March 22 directing USTR to propose tariffs on Chinese "
        "goods.\n\n"
        "* Global duties of 25 percent on steel took hold the following day.\n\n"
        "APRIL 2 - FIRST CHINESE RETALIATION\n\n"
        "* China's tariff commission put extra duties of 15 to 25 percent on 128 U.S. products."
    )
    got = dated(text, date(2018, 12, 2))
    assert got == [
        ("trade_policy", date(2018, 3, 22), "day"),
        ("trade_policy", date(2018, 3, 23), "day"),
        ("trade_policy", date(2018, 4, 2), "day"),
    ]


def test_a_ban_in_force_is_dated_by_its_start_and_a_possessive_day_by_its_act():
    text = (
        "A ban on all fentanyl-related substances, which Chinese officials announced in April, "
        "came into force on May 1."
    )
    assert dated(text, date(2019, 6, 29)) == [("enforcement", date(2019, 5, 1), "day")]
    got = resolve(
        "Beijing's move answered Friday's U.S. increase of duties on Chinese imports.",
        date(2019, 5, 14),
        anchor=40,
    )
    assert got.date == date(2019, 5, 10)
    got = find_dates(
        "The CDC released provisional numbers Wednesday estimating 80,391 deaths.",
        date(2025, 5, 15),
    )
    assert [r.date for r in got] == [date(2025, 5, 14)]


def test_the_following_unit_counts_on_from_the_act_before():
    pub = date(2025, 12, 3)
    text = (
        "Bessent met He Lifeng in Geneva on May 10. The following Monday, the United States and "
        "China released a joint statement suspending most of their tariff increases. The "
        "following month the negotiators met again in London."
    )
    found = [(e.event_type, e.date, e.date_precision) for e in extract_from_text(text, pub)]
    assert ("diplomatic", date(2025, 5, 12), "day") in found
    assert ("diplomatic", date(2025, 6, 1), "month") in found
    # from the date named before when no act precedes; a year rolls over
    text = (
        "In March 2018, tariffs on steel took effect. Beijing hit back the following month with "
        "duties of 15% on 128 American products."
    )
    found = [(e.event_type, e.date, e.date_precision) for e in extract_from_text(text, pub)]
    assert ("trade_policy", date(2018, 4, 1), "month") in found
    # with a date of its own before the phrase, the sentence counts from that date instead
    text = "Washington raised tariffs in November 2023 and Beijing answered the following January."
    dates = {e.date for e in extract_from_text(text, pub)}
    assert date(2024, 1, 1) in dates or date(2023, 11, 1) in dates
    assert not any(d.year == 2026 for d in dates)


def test_a_sentence_that_joins_talks_and_a_measure_reports_one_of_them():
    pub = date(2025, 11, 13)

    def kinds(text: str) -> set[str]:
        return {e.event_type for e in extract_from_text(text, pub)}

    # what was agreed is the agreement's content
    text = (
        "The leaders met in Busan on Oct. 30, where Trump agreed to halve the tariff he had "
        "imposed on Chinese goods over fentanyl."
    )
    assert kinds(text) == {"diplomatic"}
    # a reported act is the act, not a statement about it
    text = (
        "FBI Director Kash Patel said on Wednesday that China had placed 13 fentanyl precursor "
        "chemicals on its control lists."
    )
    assert kinds(text) == {"enforcement"}
    # (an agreement reported is both: "said China had agreed to bring ... under control")
    text = "Kash Patel said China had agreed to bring seven chemical companies under control."
    assert "enforcement" in kinds(text)
    # a pause agreed is the pause itself
    text = (
        "Trump agreed on Monday to hold off for 30 days on the 25% tariffs he had threatened "
        "against Mexico and Canada after a call with Claudia Sheinbaum."
    )
    assert "trade_policy" in kinds(text)
    # a measure taken before the agreement named after it stays
    text = (
        "The Commerce Department on Thursday removed the Institute of Forensic Science from its "
        "Entity List, a day after the United States and China agreed to resume cooperation."
    )
    assert "enforcement" in kinds(text)


def test_a_day_after_the_ruling_counts_from_the_ruling_named_before():
    text = (
        "The Supreme Court ruled 6-3 on Feb. 20 that the emergency law does not give the "
        "president power to impose tariffs. Within hours of the ruling, importers asked for "
        "refunds on entries made on Feb. 24. Stocks rose. Analysts cheered.\n\n"
        "A day after the ruling, Trump said he would lift the surcharge to 15%.\n\n"
        "U.S. Trade Representative Jamieson Greer said on the day of the ruling that the "
        "administration would open new Section 301 investigations."
    )
    found = {e.evidence[:12]: e.date for e in extract_from_text(text, date(2026, 2, 26))}
    assert found["A day after "] == date(2026, 2, 21)
    assert found["U.S. Trade R"] == date(2026, 2, 20)


def test_the_same_day_known_to_its_month_and_a_weekday_that_names_it():
    text = (
        "In March, the Justice Department charged four Chinese chemical companies.\n\n"
        "Treasury sanctioned 12 people and firms the same day, officials said."
    )
    assert ("enforcement", date(2025, 3, 1), "month") in dated(text, date(2025, 6, 2))
    # "That same Monday": the day named before, when it is a Monday (Nov. 10, 2025 was one)
    text = (
        "The tariff cut took effect on Nov. 10.\n\n"
        "That same Monday, China began requiring export licences for 13 precursor chemicals."
    )
    assert ("enforcement", date(2025, 11, 10), "day") in dated(text, date(2026, 4, 6))
    # a weekday in apposition names the explicit day before it, not a day near publication
    assert [
        r.date for r in find_dates("It took effect on September 1, a Sunday.", date(2020, 3, 15))
    ] == [date(2019, 9, 1)]
    # "That same day, ... deaths in 2024": the day named before, not the statistic's year
    text = (
        "The Geneva cut took effect on May 14.\n\n"
        "That same day, the CDC released provisional figures showing 80,391 overdose deaths in "
        "2024."
    )
    assert ("public_health", date(2025, 5, 14), "day") in dated(text, date(2025, 6, 2))


def test_a_day_said_from_the_past_takes_the_nearest_year():
    text = "Trump first said he would make the trip during a Feb. 4 phone call with Xi."
    assert ("diplomatic", date(2026, 2, 4), "day") in dated(text, date(2026, 5, 16))
    # a plain future still looks ahead
    text = "Trump will meet Xi on Feb. 4, the White House said."
    assert ("diplomatic", date(2027, 2, 4), "day") in dated(text, date(2026, 5, 16))


def test_weeks_before_last_weekends_of_a_date_and_the_first_day_of_a_month():
    pub = date(2024, 9, 30)
    assert [(r.date, r.precision) for r in find_dates("It came the week before last.", pub)] == [
        (date(2024, 9, 16), "week")
    ]
    assert [r.date for r in find_dates("They met over the weekend of May 10 and 11.", pub)] == [
        date(2024, 5, 10)
    ]
    assert [r.date for r in find_dates("The rate rose on the first day of June 2019.", pub)] == [
        date(2019, 6, 1)
    ]
    # a yearless day takes the year of "March 4 of last year" before it
    found = find_dates("On March 4 of last year, Beijing set duties to start March 10.", pub)
    assert [r.date for r in found] == [date(2023, 3, 4), date(2023, 3, 10)]


def test_days_of_the_month_by_ordinal_and_a_release_not_dated_by_its_counts_year():
    pub = date(2025, 5, 16)
    assert [r.date for r in find_dates("The rate fell to 10% on the 14th.", pub)] == [
        date(2025, 5, 14)
    ]
    # a day later in the month than publication is last month's
    assert [r.date for r in find_dates("It rose on the 28th.", pub)] == [date(2025, 4, 28)]
    text = (
        "Last week, the CDC published final figures showing 79,384 overdose deaths in 2024, "
        "the steepest decline on record."
    )
    assert ("public_health", date(2026, 1, 19), "week") in dated(text, date(2026, 1, 30))


def test_years_ago_today_is_that_day():
    pub = date(2025, 1, 15)
    found = find_dates("Five years ago today, Trump and Liu He signed the deal.", pub)
    assert [(r.date, r.precision) for r in found] == [(date(2020, 1, 15), "day")]
    found = find_dates("Two years ago, it happened.", pub)
    assert [(r.date, r.precision) for r in found] == [(date(2023, 1, 1), "year")]


def test_the_same_day_as_a_named_event_is_that_events_day():
    text = (
        "On Feb. 20, the Supreme Court ruled that the emergency law does not authorize tariffs.\n\n"
        "On March 2, customs officers stopped collecting the emergency tariffs.\n\n"
        "The same day as the ruling, Trump imposed a 10 percent surcharge on imports from all "
        "countries."
    )
    got = extract_from_text(text, date(2026, 3, 4))
    surcharge = [e for e in got if e.evidence.startswith("The same day as the ruling")]
    assert [(e.date, e.date_precision) for e in surcharge] == [(date(2026, 2, 20), "day")]


def test_a_timeline_entry_led_by_its_date_and_a_colon_is_dated_by_it():
    text = "March 4: Trump doubles the fentanyl tariff on Chinese goods to 20 percent."
    assert dated(text, date(2025, 11, 10)) == [("trade_policy", date(2025, 3, 4), "day")]


def test_the_same_day_of_a_past_act_is_not_a_start_still_to_come():
    text = (
        "On Tuesday, Trump's increase of the fentanyl tariff to 20 percent took effect.\n\n"
        "China's tariff commission announced extra duties on American farm goods, to be "
        "collected from March 10.\n\n"
        "The same day, China's commerce ministry put 15 American companies under export controls."
    )
    got = extract_from_text(text, date(2025, 3, 5))
    same = [e for e in got if e.evidence.startswith("The same day")]
    assert [(e.date, e.date_precision) for e in same] == [(date(2025, 3, 4), "day")]
