"""Rule classes added after the blind5 round: noun and future forms of acts ("a pledge X made to
Y", "will place ... under control", "stop shipments of precursors", "agreed that", "a meeting
of", "another round of trade talks"), hedged reports naming their act, habitual and period
phrases that are no events, and the date phrases "in November last year", "at the end of
July", "weekend talks", "12 months ending in September", "what is expected to be", "is due".

Sentences are made up for the rules (not gold sentences); each class has negative cases.
"""

from datetime import date

from rule_checks import events as rule_events
from rule_checks import labels, types

from analysis.events.dates import find_dates, resolve
from analysis.events.gazetteer import mentions

PUB = date(2024, 11, 17)  # a Sunday


def events(text: str, pub: date = PUB) -> list[tuple]:
    return rule_events(text, pub)


# --- noun and future forms of acts ---------------------------------------------------------


def test_pledge_made_to_someone_is_an_agreement():
    got = events(
        "The step honours a pledge Xi Jinping made to Joe Biden in Woodside last November."
    )
    assert ("diplomatic", date(2023, 11, 1), "month", "China") in got
    assert "agreement to cooperate" in labels("Mexico kept the promise it made to Canada in May.")


def test_promises_without_an_addressee_are_no_agreement():
    assert "agreement to cooperate" not in labels("He is delivering on the promises he made.")
    assert "agreement to cooperate" not in labels("A pledge made after the summit was kept.")


def test_future_placing_under_control_is_enforcement():
    got = events(
        "China will place two chemicals used to make fentanyl under national control from "
        "September 1, the ministry said on Monday.",
        date(2024, 8, 6),
    )
    assert got == [("enforcement", date(2024, 9, 1), "day", "China")]
    # "place" without "under ..." is not a scheduling verb
    assert "enforcement" not in types("The meeting will take place near the chemicals plant.")


def test_stopping_shipments_of_precursors_is_enforcement():
    assert types("China will stop shipments of listed precursor chemicals to Mexico.") == {
        "enforcement"
    }
    assert types("Beijing halted exports of several chemicals to North America.") == {"enforcement"}
    # a purpose, not an act
    assert types("Officials worked hard to stop the flow of precursor chemicals.") == set()
    # a heading about a topic
    assert types("On stopping precursors: a priority for the administration.") == set()


def test_voted_to_control_is_not_a_purpose():
    assert types("The commission voted to place international controls on three chemicals.") == {
        "enforcement"
    }


def test_agreed_that_is_an_agreement():
    assert "agreement to cooperate" in labels("The two sides agreed that talks should resume.")
    assert "agreement to cooperate" not in labels("They disagreed that talks should resume.")


def test_meeting_of_and_rounds_of_talks():
    assert types("The plan was agreed at a meeting of the working group in Washington.") == {
        "diplomatic"
    }
    assert "meeting or talks" in labels(
        "Liu He is due in Washington for another round of trade talks."
    )
    assert types("The meeting room of the ministry was renovated.") == set()


# --- hedged reports and non-events ---------------------------------------------------------


def test_hedged_report_keeps_only_the_act_it_names():
    got = events("The Treasury is said to be considering new sanctions on brokers in China.")
    assert [g[0] for g in got] == ["enforcement"]
    # a hedged overture with no act of another type stays diplomatic
    assert types("Beijing is reportedly weighing sending an envoy to Washington.") == {"diplomatic"}


def test_until_now_and_had_long_are_no_events():
    assert (
        types("Until now, analogues were added to the list of controlled chemicals one by one.")
        == set()
    )
    assert types("It was a concession Beijing had long demanded from Washington.") == set()


def test_over_the_past_year_is_an_aggregate():
    assert types("Agents seized millions of pills over the past year.") == set()
    assert types("Agents seized a million pills on Tuesday.") == {"enforcement"}


# --- dates ---------------------------------------------------------------------------------


def test_month_last_year_and_next_year():
    r = find_dates("They last met in Woodside in November last year.", PUB)
    assert [(x.date, x.precision) for x in r] == [(date(2023, 11, 1), "month")]
    r = find_dates("A review is due in March next year.", PUB)
    assert [(x.date, x.precision) for x in r] == [(date(2025, 3, 1), "month")]


def test_end_of_month_is_month_precision():
    r = resolve("The group held a meeting at the end of July.", PUB)
    assert (r.date, r.precision) == (date(2024, 7, 1), "month")
    r = resolve("The rules apply from the beginning of March.", PUB)
    assert (r.date, r.precision) == (date(2024, 3, 1), "month")


def test_weekend_talks_are_the_weekend_just_past():
    r = resolve("A joint statement followed weekend talks in Geneva.", date(2025, 5, 12))
    assert (r.date, r.precision) == (date(2025, 5, 5), "week")
    assert find_dates("Plans for the weekend were cancelled.", PUB) == []


def test_period_end_is_not_the_event_date():
    s = "Deaths fell 24% in the 12 months ending in September, figures posted on Wednesday show."
    r = resolve(s, date(2025, 2, 27), anchor=s.index("figures"))
    assert (r.date, r.precision) == (date(2025, 2, 26), "day")


def test_nominal_expected_clause_does_not_make_the_verb_future():
    s = "Biden and Xi held what is expected to be their last meeting on Saturday."
    assert resolve(s, PUB).date == date(2024, 11, 16)
    # a real future keeps the next Saturday
    assert resolve("Biden is expected to meet Xi on Saturday.", date(2024, 11, 14)).date == date(
        2024, 11, 16
    )


def test_is_due_speaks_of_the_future():
    s = "Vice Premier Liu He is due in Washington on Wednesday for another round of trade talks."
    assert resolve(s, date(2019, 4, 1)).date == date(2019, 4, 3)
    got = events(s, date(2019, 4, 1))
    assert ("diplomatic", date(2019, 4, 3), "day", "China") in got


# --- gazetteer -----------------------------------------------------------------------------


def test_officials_of_the_first_trade_war():
    assert [m.entity.actor for m in mentions("Liu He met Robert Lighthizer and Mnuchin.")] == [
        "China",
        "USTR",
        "Treasury",
    ]
    assert [m.entity.actor for m in mentions("the National Health Commission said")] == [
        "National Health Commission"
    ]
