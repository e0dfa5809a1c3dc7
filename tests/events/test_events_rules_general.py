"""General rule classes: passive voice, nominal and relative-clause acts, threats vs acts,
negation inside a match, reaction objects, hedged/ongoing reports, periodic data, officials.

Sentences here are made up for the rules (not gold sentences); each class has negative cases.
"""

from datetime import date

import pytest
from rule_checks import events as rule_events
from rule_checks import labels, types

from analysis.events.classify import classify
from analysis.events.gazetteer import mentions

PUB = date(2025, 6, 12)  # a Thursday


def events(text: str, pub: date = PUB) -> list[tuple]:
    return rule_events(text, pub)


# --- passive voice -------------------------------------------------------------------------


def test_passive_tariff_changes_are_trade_policy():
    assert types("The duty on steel was raised to 50% on Wednesday.") == {"trade_policy"}
    assert types("Levies on solar panels have been halved.") == {"trade_policy"}
    assert types("The tariff on Canadian lumber will be lowered in July.") == {"trade_policy"}


def test_passive_sanctions_are_enforcement():
    assert types("Six firms in Hong Kong were placed under sanctions by the Treasury.") == {
        "enforcement"
    }
    assert types("Sanctions were imposed on two chemical brokers on Monday.") == {"enforcement"}
    assert types("The State Department blacklisted a pill-press supplier.") == {"enforcement"}


def test_designating_as_is_enforcement_but_not_without_as():
    assert types("An order designating two cartels as terrorist groups was signed.") == {
        "enforcement"
    }
    assert "enforcement" not in types("Officials are designating a new spokesperson.")
    assert types("A proclamation designating the third week of March as Poison Week.") == set()


# --- trade-policy vocabulary -------------------------------------------------------------------


def test_surcharges_are_tariffs():
    assert types("Canada imposed a 25% surcharge on American steel.") == {"trade_policy"}
    ev = events("Canada's 15% surcharge on US steel took effect on Tuesday.")
    assert [(t, d) for t, d, *_ in ev] == [("trade_policy", date(2025, 6, 10))]


def test_court_voids_tariffs_but_a_voided_duty_is_only_named():
    assert "trade_policy" in types("The appeals court voided the duties on Canadian goods.")
    assert types("Refunds of voided duties are slow, importers say.") == set()


def test_stop_collecting_duties():
    assert types("Customs will stop collecting the emergency duties next week.") == {"trade_policy"}


def test_tariff_acted_on_in_a_relative_clause():
    ev = events("The duty, which Ottawa doubled in January, still covers most steel.")
    assert ("trade_policy", date(2025, 1, 1), "month") in [e[:3] for e in ev]
    assert types("The tariff, which economists dislike, is still in force.") == set()


def test_trade_investigations_opened():
    assert types("Commerce launched a Section 232 investigation into drones.") == {"trade_policy"}
    assert types("The USTR opened a new Section 301 probe on Tuesday.") == {"trade_policy"}


def test_export_blacklists():
    assert types("Washington added nine Chinese labs to its trade blacklist on Friday.") == {
        "trade_policy"
    }
    assert types("The lab was removed from the Entity List in 2023.") == {"trade_policy"}


def test_licence_requirement_in_any_tense_including_future():
    for s in (
        "China will require export licences for six chemicals bound for Mexico.",
        "India began requiring licences for shipments of precursor chemicals.",
    ):
        assert "enforcement" in types(s), s
    # a purpose is still not an act
    assert "enforcement" not in types("The rules aim to help seize more chemicals.")


# --- threat vs act -------------------------------------------------------------------------


def test_threatened_tariff_is_diplomatic_not_trade_policy():
    s = "Trump threatened an additional 50% tariff on Chinese goods."
    assert types(s) == {"diplomatic"}
    assert labels(s) == {"threatened tariffs"}
    assert types("Trump imposed an additional 50% tariff on Chinese goods.") == {"trade_policy"}


def test_threat_dated_when_made_not_when_it_would_start():
    text = "Last week, Trump responded by threatening a 100% tariff on Chinese goods from July 1."
    ev = events(text)
    assert ev and ev[0][0] == "diplomatic"
    assert (ev[0][1], ev[0][2]) == (date(2025, 6, 2), "week")


# --- negation ------------------------------------------------------------------------------


def test_negation_inside_the_matched_span():
    assert "diplomatic" not in types(
        "Rubio will raise drug cooperation, which Beijing has not restored since 2022."
    )
    assert "diplomatic" in types("Beijing restored drug cooperation with Washington in 2023.")


# --- reactions and statements -----------------------------------------------------------------


def test_reaction_object_is_not_the_act():
    s = "A Chinese embassy spokesperson condemned the indictments as a pretext."
    assert "enforcement" not in types(s)
    assert "diplomatic" in types(s)
    assert "enforcement" in types("Prosecutors unsealed two indictments on Friday.")


def test_vow_of_countermeasures_is_a_diplomatic_reaction():
    text = "The Commerce Ministry said on Thursday it would take necessary measures in response."
    ev = events(text)
    assert [(t, d, a) for t, d, _, a in ev] == [("diplomatic", PUB, "MOFCOM")]


def test_evaluating_or_being_planned_is_a_hedged_report():
    assert "diplomatic" in types("China's Commerce Ministry is evaluating the US proposal.")
    assert "diplomatic" in types("A summit is reportedly being planned for the autumn.")


def test_evaluations_of_talks_are_opinions():
    assert types("Bessent said the talks with He Lifeng had been very productive.") == set()
    assert "diplomatic" in types("Bessent held talks with He Lifeng on Monday.")


def test_reached_a_qualified_consensus_and_joined_delegations():
    assert "diplomatic" in types("The two sides reached a basic consensus on soybeans.")
    assert "diplomatic" in types("The minister joined the Chinese delegation in London.")
    # deepening cooperation is mostly rhetoric in briefings, not an act
    assert types("We will continue to deepen our cooperation with Mexico.") == set()


# --- aggregates ----------------------------------------------------------------------------


def test_since_month_aggregate_is_not_an_event():
    assert types("Police say they have seized 4 tons of drugs since early March.") == set()
    assert types("Police seized 4 tons of drugs on Monday.") == {"enforcement"}


# --- public health -------------------------------------------------------------------------


def test_treatment_approval_is_public_health():
    ev = events("The FDA approved a nalmefene nasal spray in May 2023.")
    assert [(t, d, p) for t, d, p, _ in ev] == [("public_health", date(2023, 5, 1), "month")]
    assert types("Naloxone is sold in most pharmacies.") == set()


def test_data_release_about_deaths_needs_no_named_publisher():
    assert types("Provisional figures released in March put the death toll at 81,000.") == {
        "public_health"
    }
    assert types("New figures released on Monday show exports fell.") == set()
    assert types("The CDC will publish its next monthly update in July.") == {"public_health"}


# --- dates ---------------------------------------------------------------------------------


def test_at_the_weekend_is_the_last_weekend():
    ev = events("Wang Xiaohong joined the talks with US officials at the weekend.")
    assert (ev[0][0], ev[0][1], ev[0][2]) == ("diplomatic", date(2025, 6, 2), "week")


def test_starting_weekday_looks_ahead():
    ev = events("Trump signed a proclamation imposing a 10% surcharge, starting Tuesday.")
    assert (ev[0][0], ev[0][1]) == ("trade_policy", date(2025, 6, 17))


def test_same_day_beats_a_farther_date_phrase():
    text = (
        "Mexico lifted its retaliatory duties on Monday. "
        "Canada cut its tariff on US steel on the same day, honouring a pledge made last month."
    )
    ev = events(text)
    assert ("trade_policy", date(2025, 6, 9), "day", "Canada") in ev


# --- gazetteer -----------------------------------------------------------------------------


def test_title_and_name_are_one_mention():
    found = mentions("FBI Director Kash Patel met Minister Wang Xiaohong")
    assert [m.entity.actor for m in found] == ["FBI", "Ministry of Public Security"]
    assert [m.entity.actor for m in mentions("He Yadong said")] == ["MOFCOM"]


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The cut, to 10 percent from 20 percent, took effect on Nov. 10.", "trade_policy"),
        (
            "The U.S. increase on $200 billion of Chinese products, from 10% to 25%, took effect "
            "on Friday.",
            "trade_policy",
        ),
        ("Beijing trimmed its own tariff on American goods from 125% to 10%.", "trade_policy"),
        ("A 10 percent baseline on imports took effect three days later.", "trade_policy"),
        ("The Commerce Ministry slapped export controls on tungsten.", "trade_policy"),
        ("China banned the entire family of fentanyl-like drugs as a class.", "enforcement"),
    ],
)
def test_more_wordings_of_tariff_steps_and_bans(sentence, event_type):
    assert event_type in types(sentence)


def test_trimmed_forecasts_and_generic_bans_are_no_acts():
    assert not types("Economists have trimmed their forecasts for growth, citing the tariffs.")
    assert not types("Suppliers moved to chemical cousins of whatever had just been banned.")


def test_the_unreliable_entity_list_is_a_penalty_not_an_export_control():
    sentence = "Beijing put 11 U.S. defense and drone firms on its unreliable entity list."
    assert types(sentence) == {"enforcement"}
    assert "export controls" in labels("China added gallium to its export control list.")


def test_calling_off_an_increase_and_calling_a_truce():
    assert "trade_policy" in types("Trump called off a planned increase to 30 percent.")
    assert "agreement to cooperate" in labels("At dinner the two sides called a 90-day truce.")
    assert not types('The council\'s director called the truce "a reprieve, not a rescue."')


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The reduced 10 percent fentanyl rate took effect on Monday.", "trade_policy"),
        ("The levies had taken effect at 12:01 a.m. Tuesday.", "trade_policy"),
        ("Mexican authorities put 29 prisoners wanted in the US on planes north.", "enforcement"),
        (
            "The Supreme Court held 6-3 in Learning Resources v. Trump that the law does not "
            "authorize tariffs.",
            "trade_policy",
        ),
    ],
)
def test_rates_named_by_purpose_perfect_effects_handovers_by_plane_and_holdings(
    sentence, event_type
):
    assert event_type in types(sentence)


# --- round 11 wordings ---------------------------------------------------------------------


def test_agreed_with_an_object_visits_begun_and_statements_issued():
    assert labels('The two sides said they had agreed a "framework" in London.') == {
        "agreement to cooperate"
    }
    assert labels("Trump landed in Beijing to begin a three-day state visit.") == {"visit"}
    assert labels(
        "In a statement issued late Tuesday, China's Commerce Ministry said talks went well."
    ) == {"statement or demand"}
    assert labels('The commerce ministry has said it is "evaluating" the ruling.') == {
        "reported overture"
    }
    assert labels("Police unveiled the class-wide rule at a news conference.") == {
        "scheduling or licensing of chemicals"
    }
    # not acts: agreeing with someone, a landing with no place; a joint statement keeps its
    # own trigger (at "joint", not at "In a")
    assert not types("Most analysts agreed with the assessment.")
    assert not types("The plane landed safely.")
    joint = "In a joint statement issued Monday, the two sides agreed to cut tariffs."
    said = [h.start for h in classify(joint) if h.label == "statement or demand"]
    assert said == [joint.index("joint")]


def test_goods_put_under_export_licensing_and_an_official_tapped_for_a_file():
    placed = "Beijing placed seven rare earths, including samarium, under export licensing."
    assert labels(placed) == {"export controls"}
    assert labels("The ministry put tungsten and indium under export control.") == {
        "export controls"
    }
    tapped = (
        "Xi has tapped Wang Xiaohong, the security minister, to lead Beijing's side on fentanyl."
    )
    assert labels(tapped) == {"reported overture"}
    # a sentence under something else, an appointment with no file to run
    assert not types("The shipment was put under a customs hold at the port.")
    assert not types("The board named a new chair to replace her.")


def test_probes_in_the_plural_a_visit_ended_and_controls_expanded():
    assert labels("USTR opened investigations into excess capacity in China.") == {
        "trade investigation opened"
    }
    assert labels("Trump left Beijing on Friday at the end of a three-day state visit.") == {
        "visit"
    }
    assert labels("Trump flew out of Beijing, ending a three-day state visit.") == {"visit"}
    assert labels("MOFCOM announced a sweeping expansion of its controls on magnets.") == {
        "export controls"
    }
    # not acts: something else that ended with a visit, a party that left
    assert not types("The season ended with a visit from the fans.")
    assert not types("The delegation left early.")


def test_a_papers_report_of_an_overture_is_a_reported_overture():
    report = (
        "The Wall Street Journal reported on Friday that Wang Xiaohong had been asking what "
        "the Trump administration wanted."
    )
    assert labels(report) == {"reported overture"}
    # a paper reporting something else, or reporting without a clause, is no overture
    assert not types("Reuters reported strong demand at the auction.")


def test_a_rate_named_by_its_percentage_taking_effect_is_a_tariff_step():
    for sentence in (
        "The 10% rate took effect on Nov. 10.",
        "China's own 84% on U.S. goods took effect the same day.",
        "15% on coal and 10% on crude oil, farm machinery and some cars kicked in on Feb. 10.",
        "The first round, 10% on every Chinese import, began on Feb. 4.",
    ):
        assert labels(sentence) == {"tariffs took effect"}, sentence
    # a percentage over a period is no rate
    assert not types("Deaths fell 26.2 percent on the year after naloxone took hold.")
