"""Rule classes for Mexican and Canadian copy in the fentanyl-tariff file: one side's tariff
reprieve agreed in a call (trade policy) against a pause the two sides agree (diplomatic), goods
spared under the USMCA, a fentanyl czar named, border bills tabled, FinCEN orders, handovers of
cartel figures, and a legislature voting tariffs; and the dates such copy gives ("set to start
at 12:01 a.m. on Tuesday", "the deadline is Aug. 29", "extended ... to Nov. 10").

Sentences are made up for the rules (not gold sentences); each class has negative cases.
"""

from datetime import date

import pytest
from rule_checks import events, labels, no_events, types

from analysis.events.dates import find_dates

PUB = date(2025, 2, 5)  # a Wednesday


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump agreed on Monday to hold off for a month on the tariffs he had ordered on Mexico.",
        "After a call with Sheinbaum, Trump agreed to keep tariffs on Mexican goods at 25 percent.",
        "Trump agreed to give Mexico another 90 days of talks, keeping the 25 percent tariff.",
        "Hours before the duties were to start, Trump agreed to put them on hold for 30 days.",
    ],
)
def test_one_side_agreeing_to_hold_off_on_its_tariffs_is_a_tariff_step(sentence):
    assert "tariff pause agreed" in labels(sentence)
    assert "agreement to cooperate" not in labels(sentence)


def test_a_pause_the_two_sides_agree_stays_diplomatic():
    sentence = "The two delegations agreed to keep the tariffs on hold for another 90 days."
    assert labels(sentence) & {"agreement to cooperate"}
    assert "tariff pause agreed" not in labels(sentence)
    # and an agreement with no tariff in it is no tariff step
    assert "tariff pause agreed" not in labels("Sheinbaum agreed to hold off on the vote.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump signed orders sparing goods that meet the USMCA's rules of origin from the tariffs.",
        "Trump signed orders exempting goods that qualify under the U.S.-Mexico-Canada Agreement "
        "from the tariffs.",
        "The White House said vehicles from Canada would be spared the new 25 percent duties.",
        "Trump said Mexico would get another 90 days at the existing 25% rate.",
        "Mexico's Senate voted 76 to 5 on Wednesday to approve tariffs of up to 50 percent on "
        "goods from China.",
    ],
)
def test_reprieves_exemptions_and_voted_tariffs_are_trade_policy(sentence):
    assert types(sentence) == {"trade_policy"}


def test_meeting_the_rules_of_origin_is_no_meeting():
    assert "meeting or talks" not in labels("Goods that meet the USMCA's rules stay tariff-free.")
    assert "meeting or talks" in labels("Trudeau will meet Trump in Washington on Friday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Trudeau named Kevin Brosseau, a former RCMP officer, as the country's fentanyl czar.",
        "Kevin Brosseau was named Canada's first fentanyl czar on Feb. 11.",
        "Public Safety Minister Gary Anandasangaree tabled the Strong Borders Act in the House of "
        "Commons on June 3.",
        "The minister introduced Bill C-12 on Oct. 8.",
        "The Financial Crimes Enforcement Network on Wednesday named two Mexican banks as primary "
        "money laundering concerns.",
        "The first handover came on Feb. 27, when 29 cartel figures were flown north.",
        "Her deputy had already been ordered to serve 15 years.",
    ],
)
def test_czars_bills_fincen_orders_and_handovers_are_enforcement(sentence):
    assert "enforcement" in types(sentence)


def test_a_promise_to_name_a_czar_is_not_the_naming():
    assert "fentanyl czar named" not in labels("Trudeau said Canada would appoint a fentanyl czar.")
    assert "fentanyl czar named" not in labels("Ottawa committed to naming a czar.")


def test_a_start_time_does_not_cut_the_clause_that_says_it_is_ahead():
    # the colon of "12:01" used to end the clause before "set to start": Tuesday was last week's
    text = (
        "President Donald Trump on Saturday signed orders placing a 25 percent tariff on goods "
        "from Canada, with the levies set to start at 12:01 a.m. on Tuesday."
    )
    dates = {e[1] for e in events(text, date(2025, 2, 2))}
    assert date(2025, 1, 28) not in dates


def test_a_day_named_in_the_present_is_the_coming_one():
    text = "The bigger worry is Aug. 29, when an order ends duty-free treatment for parcels."
    assert [r.date for r in find_dates(text, date(2025, 8, 12))] == [date(2025, 8, 29)]


def test_the_new_end_of_an_extended_pause_is_not_the_day_of_the_extension():
    text = (
        "President Trump signed an executive order extending the pause on higher tariffs for "
        "Chinese goods by another 90 days, to Nov. 10."
    )
    assert date(2024, 11, 10) not in {e[1] for e in events(text, date(2025, 8, 12))}
    assert date(2025, 11, 10) not in {e[1] for e in events(text, date(2025, 8, 12))}


def test_north_american_background_is_no_event():
    assert not no_events(
        PUB,
        "Canadian officials have long argued that little fentanyl crosses the northern border.",
        "Mexico's president said she hoped the talks would go well.",
    )


def test_what_a_fact_sheet_says_china_will_do_is_one_statement():
    text = (
        "A White House fact sheet issued Nov. 1 said China would stop shipments of designated "
        "precursor chemicals bound for North America."
    )
    assert [e[0] for e in events(text, date(2025, 11, 5))] == ["diplomatic"]
    # China's own act, reported as done, stays enforcement
    assert "enforcement" in types("China stopped shipments of designated precursor chemicals.")


def test_a_rate_cut_back_is_a_tariff_step():
    sentence = "After the summit, it was cut back to 10 percent on Nov. 10."
    assert "tariff rate changed" in labels(sentence)


@pytest.mark.parametrize(
    ("text", "pub", "day"),
    [
        # a weekday after a clock time or "with effect from" is a date phrase
        ("The tariff fell to 10 percent at 12:01 a.m. Monday.", date(2025, 11, 12), 10),
        ("Beijing lifted its farm tariffs, with effect from Monday.", date(2025, 11, 11), 10),
        # "effective at 12:01 a.m. Eastern time on Tuesday" is a start ahead of a Sunday story
        (
            "A third order added 10 per cent to the duties on goods from China, effective at "
            "12:01 a.m. Eastern time on Tuesday.",
            date(2025, 2, 2),
            4,
        ),
    ],
)
def test_clock_times_and_effect_phrases_before_a_weekday(text, pub, day):
    assert day in {r.date.day for r in find_dates(text, pub)}
