"""Rule classes for common news phrasing of each event type, written from how wire copy states
acts rather than from gold pages: calls and sit-downs, delegations sent and led to a place,
rebuttals and white papers, court rulings that a law does not authorise tariffs, levies and port
fees, expiring surcharges, drug finds, charges unveiled, rewards, terrorist and WMD
designations, and health publishers saying on a day that deaths fell. Gate stems longer than six
letters are refused when a rule is built (they could never open it).

Sentences are made up for the rules (not gold sentences); each class has negative cases.
"""

from datetime import date

import pytest
from rule_checks import events as rule_events
from rule_checks import labels, no_events, types

from analysis.events import extract_from_text
from analysis.events.classify import _r, classify
from analysis.events.dates import find_dates

PUB = date(2025, 6, 12)  # a Thursday


def events(text: str, pub: date = PUB) -> list[tuple]:
    return rule_events(text, pub)


# --- diplomatic --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Xi Jinping and Donald Trump spoke for about 90 minutes on Wednesday.",
        "In a phone conversation on Thursday, Xi told Trump the two countries should talk more.",
        "He Lifeng and Scott Bessent sat across the table in Stockholm on Monday.",
        "Xi and Trump shook hands at the air base on Thursday.",
        "Xi Jinping received Secretary of State Antony Blinken in Beijing on Friday.",
        "He Lifeng will lead China's delegation to Madrid next week.",
        "MOFCOM said it would send a team to Washington next week.",
        "Chinese officials have quietly reached out to the Trump administration.",
        "The talks in London had produced a framework to carry out the Geneva truce.",
    ],
)
def test_meetings_calls_delegations_and_outreach_are_diplomatic(sentence):
    assert "diplomatic" in types(sentence)


def test_a_delegation_led_with_no_destination_is_a_detail_of_the_talks():
    assert "diplomatic" not in types("Vice Premier He Lifeng will head China's delegation.")


def test_telling_a_foreign_official_is_a_statement_but_telling_reporters_is_not():
    got = events("Wang Xiaohong told the US ambassador on Thursday that China would cooperate.")
    assert ("diplomatic", date(2025, 6, 12), "day", "Ministry of Public Security") in got
    told_press = "Scott Bessent told reporters on Monday that the Chinese delegation agreed."
    assert events(told_press) == []


def test_rebuttals_and_white_papers_need_no_named_addressee():
    got = events('Beijing hit back on Wednesday, calling the tariffs "bullying".')
    assert got == [("diplomatic", date(2025, 6, 11), "day", "China")]
    got = events("Beijing on Tuesday published a white paper defending its drug controls.")
    assert got == [("diplomatic", date(2025, 6, 10), "day", "China")]
    # a bare "struck back" announces the retaliation the next sentence states
    assert events("Minutes later, Beijing struck back.") == []


def test_rejecting_accusations_is_a_reaction():
    got = events("The Chinese embassy in Washington rejected the accusations on Friday.")
    assert got == [("diplomatic", date(2025, 6, 6), "day", "China")]


def test_pressing_for_months_is_no_single_act():
    assert events("US officials had pressed Beijing for months to act on the chemicals.") == []


# --- trade policy ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The administration lifted the levy on Chinese imports to 145% last week.",
        "Beijing retaliated on Friday with a 34% levy on all American goods.",
        "The United States began charging port fees on Chinese-built ships on Tuesday.",
        "The 10% surcharge expires on July 24.",
        "The Court of International Trade blocked the tariffs on Wednesday.",
        "The Supreme Court ruled on Friday that the IEEPA does not authorize tariffs.",
        "China exempted some US chip imports from its 125% levy on Friday.",
        "Beijing suspended its curbs on rare earth exports for a year.",
    ],
)
def test_tariff_and_export_acts_in_other_words_are_trade_policy(sentence):
    assert "trade_policy" in types(sentence)


def test_an_exemption_described_is_no_act():
    assert types("The exemption allowed parcels worth less than $800 to enter duty-free.") == set()
    assert types("The court found that the rule does not apply to steel.") == set()


# --- enforcement -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Border officers found 4 kilograms of fentanyl hidden in a truck on Sunday.",
        "The Justice Department unveiled charges against eight China-based companies.",
        "Mexican authorities dismantled a fentanyl lab in Sinaloa on Sunday.",
        "President Trump on Monday designated fentanyl a weapon of mass destruction.",
    ],
)
def test_finds_charges_raids_and_designations_are_enforcement(sentence):
    assert "enforcement" in types(sentence)


def test_a_reward_for_information_is_enforcement_not_an_offer():
    got = labels("The State Department offered a $5 million reward for the broker on Friday.")
    assert "reward offered" in got
    assert "invitation or offer" not in got


def test_a_study_finding_is_no_seizure():
    assert "enforcement" not in types("Researchers found that fentanyl pills vary in strength.")
    assert "enforcement" not in types("He was held on charges of smuggling.")


# --- public health -----------------------------------------------------------------------------


def test_a_health_publisher_saying_on_a_day_that_deaths_fell_is_a_release():
    got = events("The CDC said on Wednesday that overdose deaths fell 27% in 2024, to 80,400.")
    assert got == [("public_health", date(2025, 6, 11), "day", "CDC")]


def test_deaths_quoted_without_a_release_day_are_statistics():
    assert events("According to the CDC, overdose deaths fell 27% in 2024.") == []
    assert events("Analysts said deaths fell because of naloxone, on Wednesday.") == []


# --- rule construction -------------------------------------------------------------------------


def test_a_gate_stem_longer_than_six_letters_is_refused():
    with pytest.raises(ValueError, match="3-6 letters"):
        _r("enforcement", "raids", r"\bdismantled\b", "dismant")


# --- nominalised and passive acts --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Under the order, the fentanyl-related tariff falls to 10% from November 10.",
            "trade_policy",
        ),
        ("The suspension of the higher rate was extended for another 90 days.", "trade_policy"),
        ("Controls on seven rare earth elements were imposed by Beijing in April.", "trade_policy"),
        ("From Monday, exporters of pork will no longer face the extra 10% duty.", "trade_policy"),
        (
            "The call, the first between the two leaders this year, lasted over an hour.",
            "diplomatic",
        ),
        (
            "A readout released on Wednesday said the two presidents had discussed trade.",
            "diplomatic",
        ),
        ("The visit was confirmed by China's foreign ministry on Monday.", "diplomatic"),
        (
            "The licensing requirement, which took effect on Monday, covers 13 precursors.",
            "enforcement",
        ),
        (
            "Seven Chinese companies will be placed under special supervision, Patel said.",
            "enforcement",
        ),
        (
            "Exporters must now obtain a licence before shipping the chemicals to Mexico.",
            "enforcement",
        ),
        (
            "The figures, published by the CDC on Wednesday, show 107,543 deaths in 2023.",
            "public_health",
        ),
    ],
)
def test_nominalised_and_passive_acts(sentence, kind):
    # most name no actor: as in an article, it comes from the title
    found = extract_from_text(sentence, PUB, title="China and the US")
    assert kind in {e.event_type for e in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "The call came at a delicate moment for relations.",
        "Rare earths are used in everything from smartphones to fighter jets.",
        "The commission's statement did not mention fentanyl.",
        "Soybean prices rose 2% on the news.",
        "Few expect the truce to last.",
        "The deal, if it holds, would lower tariffs on both sides.",
    ],
)
def test_context_sentences_around_those_acts_are_no_events(sentence):
    assert extract_from_text(sentence, PUB, title="China and the US") == []


# --- qualifiers judged near the act, quotations, commentary ------------------------------------


def test_a_habit_in_a_later_clause_leaves_the_act_alone():
    text = (
        "Xi agreed on Saturday to designate fentanyl as a controlled substance, a step American "
        "officials had been urging for years."
    )
    assert ("diplomatic", date(2025, 6, 7), "day", "China") in events(text)
    assert events("US officials had pressed Beijing for more than a year to act.") == []


def test_a_modal_in_a_later_clause_does_not_hedge_the_act():
    text = (
        "Wang Xiaohong met the US ambassador on Thursday, without saying how soon cooperation "
        "could begin."
    )
    assert events(text) == [("diplomatic", date(2025, 6, 12), "day", "Ministry of Public Security")]


def test_a_fragment_of_a_longer_quotation_is_speech():
    assert types('Abroad it says: stop using this as an excuse for tariffs."') == set()
    assert types("“We will cut the tariffs and talk again next month") == set()
    # a whole quotation with its attribution is still read
    assert "trade_policy" in types('"We raised the tariffs to 25% on Friday," Trump said.')


def test_commentary_deadlines_and_conditionals_are_no_events():
    for sentence in (
        '"What we have is a ceasefire, not a peace treaty," said a Washington trade lawyer.',
        "Negotiators now have until the beginning of March to settle the dispute.",
        "Without an extension, the suspended tariff would come back into force on August 12.",
        "Welcome to our live coverage of the US-China trade talks in Stockholm.",
        "Neither side said when the working group would next convene.",
        "A 20% tariff still applies to all Chinese goods, on top of a 10% reciprocal levy.",
    ):
        assert events(sentence) == [], sentence


def test_status_wording_spares_an_act_in_a_relative_clause():
    text = "The fentanyl tariff, which Trump doubled to 20% in March, still applies."
    assert ("trade_policy", date(2025, 3, 1), "month", "White House") in events(text)


# --- effective days and coming dates -------------------------------------------------------------


def test_an_act_is_dated_by_the_effective_day_its_clause_gives():
    pub = date(2019, 8, 28)
    text = (
        "Beijing moved first, unveiling retaliatory tariffs on American goods on Friday, with "
        "the first batch due to take effect on September 1."
    )
    assert events(text, pub) == [("trade_policy", date(2019, 9, 1), "day", "China")]
    # another clause's start date is not this act's ("..., and Trump threatened ... from")
    text = (
        "Earlier this month, Beijing widened its export controls on rare earths, and Trump "
        "responded by threatening a 100% tariff from November 1."
    )
    got = events(text, date(2025, 10, 27))
    assert ("trade_policy", date(2025, 10, 1), "month", "China") in got


def test_that_day_after_an_effective_date_means_the_day_the_act_was_made():
    text = (
        "Trump announced on August 23 that the tariff would rise, starting September 1. "
        "Later that day, Beijing vowed to take countermeasures."
    )
    got = events(text, date(2019, 8, 28))
    assert ("diplomatic", date(2019, 8, 23), "day", "China") in got


def test_a_month_and_day_close_ahead_is_the_coming_one():
    text = "Washington agreed to leave the tariff at 10% rather than lift it to 25% on January 1."
    found = find_dates(text, date(2018, 12, 2))
    assert [r.date for r in found] == [date(2019, 1, 1)]
    # in the summer the same words are the past January
    assert [r.date for r in find_dates(text, date(2018, 7, 2))] == [date(2018, 1, 1)]


# --- listings, releases ------------------------------------------------------------------------


def test_an_entity_list_removal_for_drug_control_is_enforcement():
    text = (
        "Commerce took China's Institute of Forensic Science off its entity list in November 2023."
    )
    assert types(text) == {"enforcement"}
    # additions, and listings unrelated to drugs, stay export controls
    assert types("Commerce added 80 Chinese companies to its entity list on Tuesday.") == {
        "trade_policy"
    }
    assert types("Commerce removed two chip makers from its entity list on Tuesday.") == {
        "trade_policy"
    }


def test_a_coming_data_release_and_a_hyphenated_emergency():
    assert "public_health" in types("The CDC is expected to publish its next update in June.")
    text = "In 2017 the Trump administration declared a nationwide public-health emergency."
    assert types(text) == {"public_health"}
    assert types("Provisional federal data show about 87,000 overdose deaths.") == set()


# --- live blogs, alternatives, averages, "within days" -------------------------------------------


def test_live_blog_entries_count_their_dates_from_their_stamp():
    text = (
        "Wed 08:05 CEST\n\nChina's Commerce Ministry said on Tuesday that the talks had ended.\n\n"
        "Mon 16:45 CEST\n\nTalks under way\n\n"
        "Scott Bessent sat down with He Lifeng in Stockholm today for two days of talks.\n\n"
        "UPDATE, July 31\n\nChina announced on Thursday a 10% tariff on US coal."
    )
    got = events(text, date(2025, 7, 30))  # a Wednesday
    assert ("diplomatic", date(2025, 7, 28), "day", "Treasury") in got
    assert ("trade_policy", date(2025, 7, 31), "day", "China") in got


def test_stamp_lines_are_kept_as_paragraphs_and_other_short_lines_dropped():
    from analysis.events.text import paragraphs

    got = paragraphs("Tue 19:30 CEST\n\nTalks over for now\n\nThere was no news conference.")
    assert got == ["Tue 19:30 CEST", "There was no news conference."]


def test_a_date_in_the_alternative_not_taken_dates_nothing():
    text = (
        "On Saturday, Washington agreed with Beijing to leave the tariff at 10% rather than lift "
        "it to 25% on January 1."
    )
    got = events(text, date(2018, 12, 2))
    assert {e[1] for e in got} == {date(2018, 12, 1)}


def test_an_average_rate_is_a_statistic():
    text = "By one tally the average US duty on Chinese goods had climbed to about 12% by 2019."
    assert types(text) == set()


def test_within_days_takes_the_date_of_the_act_before():
    text = (
        "Biden and Xi agreed in November to restart cooperation on counternarcotics.\n\n"
        "Within days, the Commerce Department took China's Institute of Forensic Science off "
        "its entity list."
    )
    got = events(text, date(2024, 5, 16))
    assert ("enforcement", date(2023, 11, 1), "month", "Commerce") in got


# --- agreements, orders, investigations ----------------------------------------------------------


def test_signing_an_agreement_is_diplomatic_and_its_entry_into_force_trade_policy():
    pub = date(2020, 1, 16)
    signed = "On Wednesday, Trump and Liu He signed the Phase One economic and trade agreement."
    assert events(signed, pub) == [("diplomatic", date(2020, 1, 15), "day", "White House")]
    assert types("The agreement enters into force on Feb. 14, 30 days after signing.") == {
        "trade_policy"
    }
    assert "diplomatic" in types("The outline of the agreement was announced on Dec. 13.")
    # a domestic deal is not diplomacy
    assert types("Reached a deal for the government to acquire a stake in Intel.") == set()


def test_orders_on_tariffs_rates_kept_and_trade_probes():
    assert "trade_policy" in types(
        "Trump signed a memorandum instructing USTR to propose 25 percent duties on $50 billion."
    )
    assert "diplomatic" not in types("Trump signed a memorandum instructing USTR to act.")
    assert "trade_policy" in types(
        "A companion order keeps the reciprocal tariff on Chinese goods at 10 percent."
    )
    assert "trade_policy" in types(
        "USTR launched an investigation into China's shipbuilding practices on Thursday."
    )
    # an investigation of something other than trade is no trade action
    assert types("The Department of Education launched an investigation into a school board.") == (
        set()
    )


def test_other_wordings_of_tariffs():
    for sentence in (
        "Trump raised the China rate to 84% on Tuesday.",
        "China said it would levy an additional 34% on all goods imported from the US.",
        "That flat charge is scheduled to double to $200 per item on June 1.",
        "Ships built in China have to pay new fees when they dock at US ports.",
        "Beijing's extra duties of 10% to 15% on American farm products will come off on Monday.",
        "The administration moved to end the exemption for Chinese goods in February.",
    ):
        assert "trade_policy" in types(sentence), sentence


# --- dates counted from another act ------------------------------------------------------------


def test_the_next_day_counts_from_the_day_named_before():
    text = (
        "Biden and Xi met at Woodside on Nov. 15.\n\n"
        "The next day, the Commerce Department took China's Institute of Forensic Science off "
        "its entity list."
    )
    got = events(text, date(2024, 6, 10))
    assert ("enforcement", date(2023, 11, 16), "day", "Commerce") in got
    text = "Trump signed an order on April 8 raising the China rate to 84% effective the next day."
    assert events(text, date(2025, 4, 14)) == [
        ("trade_policy", date(2025, 4, 9), "day", "White House")
    ]


def test_a_weekday_after_an_effect_cue_follows_the_act():
    text = (
        "On Wednesday, China's Customs Tariff Commission announced that the surcharge on American "
        "goods would be raised to 84% from Thursday."
    )
    got = events(text, date(2025, 4, 14))  # a Monday: "Wednesday" is April 9
    assert [(e[0], e[1]) for e in got] == [("trade_policy", date(2025, 4, 10))]


def test_on_that_day_looks_at_the_sentence_just_before():
    text = (
        "Trump and Liu He signed the agreement on Jan. 15. The agreement enters into force on "
        "Feb. 14. On that day, the 15% tariff that Washington has charged since Sept. 1 will be "
        "halved."
    )
    got = events(text, date(2020, 1, 16))
    assert ("trade_policy", date(2020, 2, 14), "day", "United States") in got


def test_a_clock_time_is_the_day_and_an_extension_end_is_no_date():
    text = "The duty-free treatment of parcels from China ended at 12:01 a.m. ET."
    assert events(text, date(2025, 5, 2)) == [("trade_policy", date(2025, 5, 2), "day", "China")]
    text = "The President extended the truce to November 10 back in August."
    assert events(text, date(2025, 9, 16)) == [
        ("trade_policy", date(2025, 8, 1), "month", "White House")
    ]


# --- headlines, forecasts, counts, checklists --------------------------------------------------


def test_headlines_are_not_text():
    from analysis.events.text import paragraphs

    head = "FACT SHEET: President Donald J. Trump Lowers the Fentanyl Tariff on China Today"
    assert paragraphs(head + "\n\nThe order cuts the tariff to 10%.") == [
        "The order cuts the tariff to 10%."
    ]
    title = "LIVE: Duty-free door closes on parcels from China and Hong Kong"
    body = title + "\n\nThe exemption ended on Friday."
    got = extract_from_text(body, date(2025, 5, 2), title=title)
    assert [e.evidence for e in got] == ["The exemption ended on Friday."]


def test_forecasts_counts_checklists_and_unset_dates_are_no_events():
    assert not no_events(
        PUB,
        "In our view, the Administration is likely to lean more heavily on Section 301.",
        "This is the fourth time our teams have sat down with China since May.",
        "Monitor USTR announcements on Section 301 tariffs.",
        "All three of this month's orders cite the IEEPA tariffs.",
        "No date has been set for tariffs on the rest of that $50 billion, officials said.",
        "The Supreme Court has yet to rule on whether the law lets a president impose tariffs.",
    )


# --- standing acts, scheduled steps, continuing clauses ------------------------------------------


def test_a_standing_act_is_dated_by_its_since_day():
    text = (
        "All fentanyl-related substances have been scheduled as a class in China since May 1, 2019."
    )
    got = events(text, date(2025, 2, 4))
    assert [(e[0], e[1], e[2]) for e in got] == [("enforcement", date(2019, 5, 1), "day")]
    text = (
        "Since 10 November 2025, Chinese exporters have needed an export licence for 13 precursors."
    )
    got = extract_from_text(text, date(2025, 11, 20), title="China's precursor licences")
    assert [(e.event_type, e.date) for e in got] == [("enforcement", date(2025, 11, 10))]
    # a period since a month is still an aggregate
    assert events("Seizures of precursors have risen since March, officials said.") == []


def test_scheduled_steps_and_applied_duties():
    for sentence in (
        "The duty on Chinese electric vehicles is set to quadruple, to 100% from 25%.",
        "The first tranche of duties, 25% on $34bn of imports, was applied in July 2018.",
        "The tariff on chips is slated to double next year.",
    ):
        assert "trade_policy" in types(sentence), sentence


def test_the_act_named_again_after_a_comma_keeps_its_effective_day():
    text = (
        "On Monday the president signed a further order lifting the fentanyl tariff to 20%, and "
        "the higher rate applied from Tuesday."
    )
    got = events(text, date(2025, 3, 6))
    assert [(e[0], e[1]) for e in got] == [("trade_policy", date(2025, 3, 4))]
    text = (
        "On August 5 the Ministry of Public Security said it would add 4-AP and norfentanyl to its "
        "list of controlled precursors, and the controls took effect on September 1."
    )
    got = events(text, date(2024, 10, 21))
    assert [(e[0], e[1]) for e in got] == [("enforcement", date(2024, 9, 1))]


def test_an_effective_month_day_takes_the_year_of_the_act():
    text = (
        "Beijing announced on April 1, 2019, that every fentanyl-related substance would be "
        "controlled as a class from May 1."
    )
    got = events(text, date(2024, 10, 21))
    assert [(e[0], e[1]) for e in got] == [("enforcement", date(2019, 5, 1))]


def test_a_future_effective_day_carries_to_the_next_future_sentence():
    text = (
        "China will levy an additional 15 percent tariff on coal starting from Feb. 10, the "
        "Customs Tariff Commission said on Tuesday.\n\nAn additional tariff of 10 percent will "
        "be imposed on crude oil, according to the commission."
    )
    got = events(text, date(2025, 2, 4))
    assert [(e[0], e[1]) for e in got] == [
        ("trade_policy", date(2025, 2, 10)),
        ("trade_policy", date(2025, 2, 10)),
    ]


def test_a_rebuttal_that_announces_tariffs_is_the_tariff_act():
    text = "Beijing hit back the same day, announcing tariffs of 10% to 15% on American farm goods."
    assert types(text) == {"trade_policy"}


# --- more release, meeting and non-event wordings ----------------------------------------------


def test_release_wordings():
    for sentence in (
        "CDC's Feb. 26 release put the toll near 87,000.",
        "In May the agency put calendar 2024 at 80,391 deaths, the CDC said.",
        "The CDC's provisional estimate for 2024 came in at 80,391.",
    ):
        assert "public_health" in types(sentence), sentence


def test_meetings_convened_and_trips_that_took_place():
    assert "diplomatic" in types("Officials on both sides are expected to convene it soon.")
    assert "diplomatic" in types("The trip, which took place this week, included meetings.")
    # "arrive" needs a place, not a moment
    assert types("The figures arrive in the middle of a delicate diplomatic effort.") == set()


def test_generic_openings_and_parenthetical_comment_are_no_events():
    assert not no_events(
        PUB,
        "In practice, a schedule that names substances one at a time invites chemists to adapt.",
        "Seven years of Chinese chemical listings show a pattern.",
        "All three sit close to the end of the synthesis, chemists say, so listing them matters.",
    )


def test_labelled_headings_and_link_rows_are_not_text():
    from analysis.events.text import paragraphs

    got = paragraphs(
        "Background: Precursor controls in the People's Republic of China\n\n"
        "More primers: What is the Entity List? · How precursors are controlled · A history\n\n"
        "China added three chemicals to its list on Monday."
    )
    assert got == ["China added three chemicals to its list on Monday."]


# --- timelines, wire furniture, anaphora, attributed releases ----------------------------------


def test_a_timeline_entry_is_dated_by_its_lead_date():
    text = (
        "Aug. 11, 2025 — Following two days of talks in Stockholm at the end of July, Trump signs "
        "an order keeping the reciprocal tariff on Chinese goods at 10% until Nov. 10."
    )
    got = events(text, date(2025, 8, 12))
    assert ("trade_policy", date(2025, 8, 11), "day", "White House") in got


def test_it_took_effect_continues_the_act_before():
    text = (
        "Washington doubled its fentanyl tariff to 20% on Monday.\n\n"
        "It took effect on Tuesday, March 4, a day after the order was signed."
    )
    got = events(text, date(2025, 3, 5))
    assert [(e[0], e[1]) for e in got] == [
        ("trade_policy", date(2025, 3, 3)),
        ("trade_policy", date(2025, 3, 4)),
    ]
    # with no act just before, "it took effect" names nothing
    assert events("The weather was mild.\n\nIt took effect on Tuesday.", date(2025, 3, 5)) == []


def test_a_release_attributed_after_the_figure_is_dated_by_the_report():
    got = events(
        "Overdose deaths fell 27 percent in 2024, the CDC reported in May.", date(2025, 11, 14)
    )
    assert got == [("public_health", date(2025, 5, 1), "month", "CDC")]


def test_wire_slug_lines_and_correction_notes_are_not_text():
    from analysis.events.text import paragraphs

    got = paragraphs(
        "UPDATE 1-Trump lifts China tariff to 125%, holds other partners at 10%\n\n"
        "(Corrects combined rate in paragraph 5 to 145%)\n\n"
        "Trump raised the tariff on Wednesday."
    )
    assert got == ["Trump raised the tariff on Wednesday."]


def test_aims_wishes_and_imperatives_are_no_acts():
    assert not no_events(
        PUB,
        "Using fentanyl as an excuse to raise tariffs on Chinese goods cannot solve the problem.",
        "We hope the US side will meet China halfway at the talks.",
        "Add 20 points of fentanyl tariffs and do the arithmetic.",
        "Expect talk about talks long before anyone cuts a tariff.",
        "Since then, China has kept strengthening its controls on precursor chemicals.",
        "During 2017 and 2018, Chinese authorities added several fentanyl analogues to the list.",
    )
    # a condemnation that names a pretext is still a statement
    assert "diplomatic" in types(
        "The Chinese embassy condemned the indictments as a pretext to suppress Chinese firms."
    )


# --- pronoun subjects, counted-back days, same month, standing acts since a month ----------------


def test_a_pronoun_subject_takes_the_actor_named_before():
    text = (
        "Trump announced new tariffs on Thursday.\n\n"
        "In a series of posts, he accused Chinese President Xi Jinping of failing to keep a "
        "promise to the United States."
    )
    got = events(text, date(2019, 8, 2))
    assert ("diplomatic", "White House") in {(e[0], e[3]) for e in got}


def test_n_days_after_counts_back_from_the_day_named_before():
    text = (
        "China retaliated with tariffs on Monday.\n\n"
        "The announcement came three days after the United States lifted duties on $200 billion "
        "of Chinese imports to 25%."
    )
    got = events(text, date(2019, 5, 13))
    assert ("trade_policy", date(2019, 5, 10), "day", "United States") in got


def test_the_same_month_takes_the_month_named_before():
    text = (
        "China began requiring export licences for precursors in November.\n\n"
        "Washington halved its fentanyl-related tariff on Chinese goods to 10% the same month."
    )
    got = events(text, date(2026, 2, 5))
    assert ("trade_policy", date(2025, 11, 1), "month", "United States") in got


def test_a_standing_requirement_since_a_month_is_no_aggregate():
    text = "Since November, Chinese exporters have needed licences to ship 13 precursor chemicals."
    got = extract_from_text(text, date(2026, 2, 5), title="China's precursor licences")
    assert [(e.event_type, e.date, e.date_precision) for e in got] == [
        ("enforcement", date(2025, 11, 1), "month")
    ]


def test_more_wordings_from_the_last_round():
    for sentence, kind in (
        ("Xi gave that undertaking at a G20 dinner in Buenos Aires last December.", "diplomatic"),
        ("China is to act against companies that produce precursor chemicals.", "enforcement"),
        ("The increase was then put off until March 2 by the trade office.", "trade_policy"),
        (
            "Beijing is expected to announce a matching extension of its own 10% rate.",
            "trade_policy",
        ),
        (
            "Figures the agency published last September had counted 111,355 overdose deaths.",
            "public_health",
        ),
        (
            "Commerce took a Chinese police forensics institute off its export blacklist.",
            "enforcement",
        ),
    ):
        assert kind in types(sentence), sentence


def test_claims_after_argue_that_are_not_acts_but_the_act_before_is():
    text = (
        "Chinese controls on three fentanyl precursors took effect last September, and some "
        "officials argue that tighter supply has played a part."
    )
    got = extract_from_text(text, date(2025, 5, 20), title="China and the US")
    assert [(e.event_type, e.date) for e in got] == [("enforcement", date(2024, 9, 1))]
    assert types("Officials argue that Beijing raised tariffs to punish farmers.") == set()
    got = labels("Under the understanding reached at the summit, China is to act against makers.")
    assert "agreement to cooperate" not in got
    assert "raids and crackdowns" in got


# --- clock times before a day, passive main verbs, deals in quotes ----------------------------


def test_a_clock_time_before_the_day_does_not_date_the_act():
    text = (
        "President Donald Trump on Saturday ordered a 10% tariff on all imports from China, to "
        "take effect at 12:01 a.m. Eastern time on Tuesday."
    )
    got = events(text, date(2025, 2, 2))  # a Sunday
    assert [(e[0], e[1]) for e in got] == [("trade_policy", date(2025, 2, 4))]


def test_a_passive_main_verb_is_no_relative_clause():
    text = "Beijing and Washington said the outline of the agreement was announced on Dec. 13."
    got = events(text, date(2020, 1, 16))
    assert [(e[0], e[1]) for e in got] == [("diplomatic", date(2019, 12, 13))]


def test_a_quoted_deal_name_and_names_put_to_an_agreement():
    assert "diplomatic" in types(
        'The United States and China announced a "phase one" trade agreement on Friday.'
    )
    assert "diplomatic" in types("Trump and Liu He put their names to the agreement on Jan. 15.")


def test_a_weekday_right_after_a_reporting_verb_is_a_date():
    found = find_dates("a provisional count released Wednesday by the CDC", date(2025, 5, 15))
    assert [(r.date, r.phrase) for r in found] == [(date(2025, 5, 14), "Wednesday")]


def test_what_a_government_has_not_said_and_plans_that_never_took_effect():
    assert not no_events(
        PUB,
        "The White House has not said what Beijing would need to do for the levy to be lifted.",
        "A 15% tariff on consumer goods, due to start two days later, never took effect.",
        '"A tax on American families is not a drug policy," said a Democratic senator.',
    )


# --- the last tuning round (blind18, blind19) -------------------------------------------------


def test_more_act_wordings_from_the_last_round():
    for sentence, kind in (
        ("Beijing struck back that day with levies on 545 American items.", "trade_policy"),
        ("That first tranche of goods was hit with 25% duties on July 6.", "trade_policy"),
        ("The first and largest stage kicked in on Sept. 27.", "trade_policy"),
        (
            "A 15% duty on $112 billion of Chinese products has been collected since Sept. 1.",
            "trade_policy",
        ),
        (
            "Trump signed an order classifying illicit fentanyl as a weapon of mass destruction.",
            "enforcement",
        ),
        (
            "The final tally is close to the estimate of 80,391 that the CDC issued last May.",
            "public_health",
        ),
        ("The talks also set up a new dialogue on law enforcement.", "diplomatic"),
        ("That extension was signed into effect by Trump on Aug. 11.", "trade_policy"),
        (
            "Trump brought fentanyl into the dispute, charging that Xi Jinping had failed to act.",
            "diplomatic",
        ),
    ):
        assert kind in types(sentence), sentence


def test_a_plan_that_had_been_due_does_not_veto_the_act_before_it():
    text = (
        'The United States and China announced a "phase one" trade agreement on Friday, stepping '
        "back from tariffs that had been due to begin over the weekend."
    )
    assert events(text, date(2019, 12, 13)) == [
        ("diplomatic", date(2019, 12, 13), "day", "United States")
    ]
    assert types("The higher rate had been due to take effect on Tuesday.") == set()


def test_a_shift_from_one_day_to_another_is_no_effective_day_but_a_span_start_is():
    text = (
        "A notice on Dec. 19 shifted a planned increase in tariffs from Jan. 1 to March 2, "
        "the trade office said."
    )
    got = extract_from_text(text, date(2019, 4, 2), title="US and China")
    assert [(e.event_type, e.date) for e in got] == [("trade_policy", date(2018, 12, 19))]
    text = (
        "A companion order signed today keeps the tariff on Chinese goods at 10 percent from "
        "November 10, 2025, through November 10, 2026."
    )
    got = extract_from_text(text, date(2025, 11, 4), title="White House fact sheet")
    assert {(e.event_type, e.date) for e in got} == {("trade_policy", date(2025, 11, 10))}


def test_bullets_run_together_are_paragraphs_of_their_own():
    from analysis.events.text import paragraphs

    got = paragraphs("Trump signed the order today. • China will act. • Tariffs are not affected.")
    assert got == ["Trump signed the order today.", "China will act.", "Tariffs are not affected."]


def test_commentary_status_and_carried_duties_are_no_acts():
    assert not no_events(
        PUB,
        "Chinese state commentators framed the summit as proof that ties can be managed.",
        "Tariffs imposed under Section 301 were untouched by the ruling.",
        "Iowa soybeans bound for China will still carry the 10% levy.",
        "Scheduling a chemical is an administrative act.",
    )


def test_acts_worded_as_moves_of_a_rate_or_a_notice():
    for sentence, kind in (
        (
            "The tariff on Chinese semiconductors rose from 25 percent to 50 percent on Wednesday.",
            "trade_policy",
        ),
        ("The U.S. rate on most Chinese goods fell from 145% to 30% on May 14.", "trade_policy"),
        ("The White House stacked on 50 more points, taking it to 84 percent.", "trade_policy"),
        ("China's 84 percent duty on every American product entered into force.", "trade_policy"),
        (
            "Beijing matched it within hours, placing its own 25 percent duty on US goods.",
            "trade_policy",
        ),
        (
            "China struck back on April 2 of that year with levies on 128 American products.",
            "trade_policy",
        ),
        (
            "The trade office on Wednesday published a notice in the Federal Register postponing "
            "the increase.",
            "trade_policy",
        ),
        (
            "USTR on Friday formally launched an investigation into China's technology transfer "
            "practices.",
            "trade_policy",
        ),
        (
            "CBP stopped collecting the IEEPA duties, though tariffs under Section 301 were "
            "unaffected by the ruling.",
            "trade_policy",
        ),
        (
            "Controls on four more synthetic drugs, including U-47700, took effect on July 1.",
            "enforcement",
        ),
        (
            "Officials point to Beijing's decision last April to control all fentanyl-related "
            "substances as a class.",
            "enforcement",
        ),
        (
            "Commerce had earlier removed a forensic institute run by China's Ministry of Public "
            "Security from its Entity List.",
            "enforcement",
        ),
        (
            'Li Chenggang said the teams had reached a "preliminary consensus" on Sunday.',
            "diplomatic",
        ),
    ):
        assert kind in types(sentence), sentence


def test_health_publishers_reporting_a_count_on_a_day():
    for sentence in (
        "The CDC reported in December that 52,404 Americans died of drug overdoses in 2015.",
        "On Feb. 26, the CDC reported about 87,000 deaths for the 12 months to September.",
        "Months earlier, on Feb. 26, 2025, the agency reported that 87,000 people had died.",
        "The Centers for Disease Control said on May 14 that 80,391 people died of overdoses.",
        "A year ago this month, the agency put the 2023 toll at 107,543.",
        "When the agency published its count for 2015 in December 2016, the toll stood at 52,404.",
    ):
        assert labels(sentence) == {"overdose data release"}, sentence
    # figures restated without the day of a report are no release
    assert (
        types("The agency estimated that 86,882 people died of overdoses in that period.") == set()
    )
    assert types("The average tariff rose to 20 percent last year.") == set()


def test_quotes_reactions_uncertainty_and_standing_measures_are_no_acts():
    assert not no_events(
        PUB,
        '"This is a ceasefire, not a peace treaty," said Mara Lind, chief economist at a bank, '
        "adding that the sides agreed to cut tariffs.",
        "Retailers warned that new duties stacked on top of existing tariffs would raise prices.",
        "Steel producers, who have long complained about Chinese overproduction, welcomed the "
        "probes.",
        "Some lawmakers have called for tougher sanctions on Chinese chemical suppliers.",
        "The 20% duty Trump imposed over the drug sits outside the Geneva truce.",
        "The CDC's provisional figures are updated monthly and are subject to change.",
        "It was not immediately clear how many vessels had been charged the fee.",
        "Beijing rejected the charge, pointing to a long list of substances it already controls.",
    )
    # a dated act named in a clause of a status sentence stays an act
    assert "trade_policy" in types("The tariff, which Trump doubled in March, still applies.")


def test_a_quotation_opening_with_a_condition_is_no_act():
    quote = '"If this ends in big tariffs, soybean growers will feel it first," he said.'
    assert extract_from_text(quote, PUB, title="China and the US") == []


def test_more_act_wordings_long_subjects_and_bare_rates():
    for sentence, kind in (
        (
            "Tariffs of 25 percent on imported steel and 10 percent on aluminum, which Trump "
            "proclaimed on March 8 under a national security statute, took effect on Friday.",
            "trade_policy",
        ),
        (
            "Later that month, higher U.S. tariffs on Chinese electric vehicles, solar cells and "
            "other products kicked in.",
            "trade_policy",
        ),
        ("Beijing struck back that same day against 545 American items.", "trade_policy"),
        ("The commission said it would levy 15% on U.S. coal starting Feb. 10.", "trade_policy"),
        ("Chinese goods will face a country-specific rate of 34% from April 9.", "trade_policy"),
        ("A 10% duty will apply to American crude oil from the same date.", "trade_policy"),
        ("The next day he said he would raise it to 15%.", "trade_policy"),
        ("That reduction, from 20% to 10%, took effect on Nov. 10.", "trade_policy"),
        (
            "The Phase One agreement, signed at the White House in January 2020, paused the "
            "escalation.",
            "diplomatic",
        ),
        ("Trump said the two sides had reached a very substantial phase one deal.", "diplomatic"),
        (
            "In February, China brought two chemicals used to make fentanyl, NPP and 4-ANPP, "
            "under national control.",
            "enforcement",
        ),
        (
            "China's requirement for export licences on 13 fentanyl precursors kicked in Monday.",
            "enforcement",
        ),
    ):
        assert kind in types(sentence), sentence


def test_talk_of_a_meeting_reservations_and_schedules_are_no_acts():
    assert not no_events(
        PUB,
        "The delegations discussed precursor chemicals and illicit finance, the readout said.",
        "Nothing in Monday's order changes the tariff schedule.",
        "Officials did not announce any new Chinese controls on precursor chemicals.",
        "The administration stopped short of lowering any of the existing tariffs.",
        "Section 301 duties on many Chinese steel products continue to apply as well.",
        '"A phone call buys time," said Lorna White, a China trade specialist, after Trump met Xi.',
        "Some Republican lawmakers have urged the administration to sanction Chinese suppliers.",
        "The CDC updates its provisional counts every month.",
        "Jun Takeda said Beijing was likely to impose new tariffs on US goods.",
        "Xi said the two countries should avoid a politically charged approach to drugs.",
    )
    # a schedule in a relative clause leaves the main act alone
    sentence = (
        "The CDC, which refreshes its provisional series every month, is expected to publish its "
        "next update in June."
    )
    assert "public_health" in types(sentence)
    # a decision lawmakers criticized is still the decision
    sentence = (
        "In 2023 the Biden administration struck a forensic laboratory run by China's police "
        "ministry from a Commerce Department blacklist, a decision Republicans have criticized."
    )
    assert "enforcement" in types(sentence)


def test_counterfactuals_shares_powers_and_unknown_speakers_are_no_acts():
    assert not no_events(
        PUB,
        "Had the talks in Osaka failed, the White House had said it would impose more tariffs.",
        "Over the past year, the two countries have imposed duties on each other's goods.",
        "None of the duties will be collected right away.",
        "The United States now charges 25 percent on roughly $250 billion of Chinese imports.",
        "The new levy would come on top of 25 percent duties already applied to Chinese goods.",
        "Roughly 74,700 of those deaths involved synthetic opioids, the agency's figures show.",
        "Synthetic opioids were involved in 48,422 of those deaths, the agency said.",
        "The order contains a clause that would allow the president to raise the tariff.",
        "Some growers are hoping the two presidents might patch things up at the summit.",
        "Trump has threatened in the past to raise tariffs again if Beijing falls short.",
        "They point to Beijing's record of listing new precursor chemicals.",
        "Trump and Xi had been expected to meet at the summit later this month.",
        '"Every precursor that gets listed raises the cost for the cartels," Liao said.',
    )
    # a quotation of a known speaker still reports the act
    got = extract_from_text('"We raised the tariffs to 25% on Friday," Trump said.', PUB, title="")
    assert [e.event_type for e in got] == ["trade_policy"]
    # the share of a count in a trailing clause leaves the release alone
    sentence = (
        "Figures released by the CDC in December showed that 52,404 Americans died of overdoses "
        "in 2015, with synthetic opioids involved in 9,580 of those deaths."
    )
    assert "public_health" in types(sentence)


def test_more_wordings_from_the_third_round():
    for sentence, kind in (
        ("On March 4, the tariff on all Chinese goods doubled to 20 percent.", "trade_policy"),
        ("He doubled it to 20% a month later.", "trade_policy"),
        ("Trump first imposed it at 10% in February under emergency powers.", "trade_policy"),
        ("The per-item charge is set to rise to $200 on June 1.", "trade_policy"),
        (
            "The suspension of the de minimis exemption took effect at 12:01 a.m. Friday.",
            "trade_policy",
        ),
        (
            "Controls on carfentanil, a tranquilizer for large animals roughly 100 times as "
            "potent as fentanyl, took effect in China on March 1.",
            "enforcement",
        ),
        ("In February, NPP and 4-ANPP came under Chinese control.", "enforcement"),
        (
            "In August the U.S. trade representative opened an investigation into China's "
            "intellectual property practices.",
            "trade_policy",
        ),
        ("The negotiations with China got under way on Saturday morning.", "diplomatic"),
        ("Formal talks between the delegations followed the next morning.", "diplomatic"),
        ("The leaders also launched a new Comprehensive Dialogue framework.", "diplomatic"),
        ("In London the two sides settled on a framework to carry out the truce.", "diplomatic"),
        (
            "The adjustments implement the consensus reached by the heads of state of China and "
            "the United States.",
            "diplomatic",
        ),
        ("The orders follow a White House fact sheet, released on Saturday.", "diplomatic"),
        (
            "In May 2024, the CDC reported the first annual decline, putting the provisional "
            "2023 toll at 107,543.",
            "public_health",
        ),
        (
            "Federal health officials reported in May that overdose deaths fell about 27%.",
            "public_health",
        ),
        (
            "Beijing announced that it would keep suspending 24 points of its retaliatory duty.",
            "trade_policy",
        ),
    ):
        assert kind in types(sentence), sentence
    # an estimate put at a figure in passing is no release
    sentence = "Provisional CDC estimates put US overdose deaths at roughly 111,000 last year."
    assert "public_health" not in types(sentence)


def test_a_source_in_a_reference_list_is_no_act():
    line = "DEA statement on Chinese scheduling controls for NPP and 4-ANPP (2018)."
    assert extract_from_text(line, PUB, title="Sources") == []


def test_idioms_chapter_markers_powers_and_conditions_are_no_acts():
    assert not no_events(
        PUB,
        "Chinese commentators have seized on the figures.",
        "[02:15] Pomp and protocol: how this visit compared with Trump's first trip to Beijing.",
        "The next round of talks with China has not been scheduled.",
        "Section 122 lets a president impose duties of up to 15 percent for 150 days.",
        "Some lawmakers cheered the ruling against the tariffs.",
        "The surcharge runs out around July 24 unless Congress extends it.",
        "Analysts also expect the administration to raise the tariff on Chinese goods.",
        "Trump has warned that if the talks fail, he could extend tariffs to all Chinese goods.",
    )
    assert "enforcement" in types("Customs officers seized 40 kilograms of fentanyl on Monday.")


def test_wordings_from_the_sixth_round():
    for sentence, kind in (
        ("It was cut to 10 percent from 20 percent on Nov. 10.", "trade_policy"),
        (
            "Starting today, the reciprocal duty on Chinese goods drops from 125% to 10%.",
            "trade_policy",
        ),
        ("Duties on engines and other key auto parts are set to follow on May 3.", "trade_policy"),
        ("The lower rate kicked in on Nov. 10.", "trade_policy"),
        (
            "The commission said it would hold its tariff on U.S. goods at 10 percent.",
            "trade_policy",
        ),
        (
            "In Geneva, the two governments issued a joint statement suspending the increases.",
            "diplomatic",
        ),
        ("Beijing froze the counternarcotics channel in August 2022.", "diplomatic"),
        ("Trump and Xi struck the bargain late last month at an air base in Busan.", "diplomatic"),
        (
            "The first session of the U.S.-China Counternarcotics Working Group got under way "
            "this morning.",
            "diplomatic",
        ),
        (
            "Since Monday, exporters have needed a government licence to ship those 13 chemicals.",
            "enforcement",
        ),
        (
            "The memorandum grew out of an investigation the trade office opened last August into "
            "Chinese technology transfer.",
            "trade_policy",
        ),
        (
            "Overdose deaths fell by a quarter last year, federal health officials reported "
            "Wednesday.",
            "public_health",
        ),
        ("The CDC put out its provisional estimate last May.", "public_health"),
        (
            "The CDC had published a provisional estimate of 80,391 deaths for 2024 last May.",
            "public_health",
        ),
    ):
        assert kind in types(sentence), sentence


def test_testimony_lawyers_readings_repetition_and_wishes_are_no_acts():
    assert not no_events(
        PUB,
        "Trade lawyers say the proposed list of Chinese products will be published soon.",
        "Whitcombe told the panel that her members were paying more for imported steel.",
        "Critics counter that the decline began well before any tariff was imposed.",
        "China has tightened its drug-chemical controls several times under U.S. pressure.",
        "Officials said the working group would meet again, but did not say when.",
        "U.S. officials would like Beijing to go further by bringing more chemicals under control.",
        "Provisional federal figures put overdose deaths at roughly 111,000 for the year.",
    )
    # repetition far from the act leaves it alone
    sentence = (
        "In November 2023, the Commerce Department removed the ministry's forensic institute from "
        "its Entity List, clearing the way for a working group that met several times in 2024."
    )
    assert "enforcement" in types(sentence)


def test_rates_that_would_remain_and_orders_that_apply_a_rate():
    for sentence in (
        "The White House said the tariff on $200 billion of Chinese goods would remain at 10 "
        "percent.",
        "Trump's executive order, signed on Wednesday, applies a 34 percent tariff to Chinese "
        "goods.",
    ):
        assert "trade_policy" in types(sentence), sentence
    assert types("That means it applies on top of existing Section 301 duties.") == set()


def test_goods_charged_a_rate_are_a_tariff_not_a_criminal_charge():
    sentence = (
        'Goods from China will be charged a country-specific "reciprocal" rate of 34% from April 9.'
    )
    assert "enforcement" not in types(sentence)
    assert "enforcement" in types("Prosecutors charged two Chinese nationals with smuggling.")


def test_references_states_and_the_reporters_own_interviews_are_no_acts():
    assert not no_events(
        PUB,
        # the trigger word as a noun for an act named before
        "Even after the cut, the institute reckons U.S. tariffs apply to two-thirds of imports.",
        # a present-tense negation after the trigger: a standing state
        "The summit does not change the separate 10% reciprocal tariff on Chinese goods.",
        # the reporter's interviews are no talks between governments
        "Several economists we spoke with in Beijing say the tariff overstates what importers pay.",
        # what a government has always said is a position, not a statement made on a day
        "Beijing has always rejected the premise of the duty, calling it a U.S. problem.",
        "Washington has pressed Beijing for the better part of a decade to curb the chemicals.",
    )
    # the same words as acts
    assert "trade_policy" in types("Trump cut the tariff on Chinese goods to 10% on Monday.")
    assert "diplomatic" in types("Trump spoke with Xi Jinping by phone on Thursday.")
    assert "diplomatic" in types("The summit in Busan ended with a deal on fentanyl.")
    said = "A spokesperson said China had always been firm and urged the United States to stop."
    assert "diplomatic" in types(said)


def test_a_threat_inside_the_reply_is_a_threat():
    sentence = "Trump answered the next day with a threat of an additional 100% tariff on China."
    assert labels(sentence) == {"threatened tariffs"}
    assert types(sentence) == {"diplomatic"}


def test_an_earlier_act_in_a_relative_clause_is_no_second_agreement():
    """The controls 'it unveiled on Oct. 9' date no diplomatic event of their own."""
    text = (
        "Trump said on Thursday that China had agreed to step up efforts against fentanyl and "
        "to pause for a year the rare earth export controls it unveiled on Oct. 9."
    )
    found = events(text, date(2025, 10, 31))
    diplomatic = [e for e in found if e[0] == "diplomatic"]
    assert [e[1] for e in diplomatic] == [date(2025, 10, 30)]
    # a trade act's relative clause still keeps its own dated event
    text = "The United States will suspend its 34% reciprocal tariff imposed on April 2, 2025."
    dates = {e[1] for e in events(text, date(2025, 5, 13)) if e[0] == "trade_policy"}
    assert date(2025, 4, 2) in dates


def test_counts_cited_and_measures_on_hold_are_no_acts():
    assert not no_events(
        PUB,
        "Overdose deaths fell to about 107,500 last year, according to the CDC's provisional "
        "count, the first annual decline since 2018.",
        "U.S. tariffs of 10% on Chinese goods remain in place, and a planned increase to 25% is "
        "on hold while talks continue.",
        "Cooperation with China has swung over the past three years as Washington raised tariffs.",
    )
    # a count cited with the day it was put out is a release
    sentence = (
        "Deaths fell 24%, according to provisional figures posted by the Centers for Disease "
        "Control and Prevention on Wednesday."
    )
    assert "public_health" in types(sentence)
    assert "diplomatic" in types("U.S. and Chinese officials will hold talks in Geneva on May 10.")


def test_experts_conditionals_background_and_standing_burdens_are_no_acts():
    assert not no_events(
        PUB,
        # a named person described as a former official, or by what they follow
        '"Scheduling fentanyl analogues was the easy part," said Victor Amaral, a former Drug '
        "Enforcement Administration attaché.",
        '"This is the part of the deal that matters most," said Priya Natarajan, who follows '
        "Chinese chemical regulation.",
        # conditionals
        "Trump has said he would impose tariffs of 60% or more on Chinese goods if elected.",
        "The administration could restore the higher tariff on China if seizures fail to fall.",
        # a measure named again with the participle of its making
        'Chinese goods also pay a 10% fentanyl tariff and a 10% "reciprocal" duty, both imposed '
        "under emergency powers.",
        # a standing burden
        "Even so, most Chinese goods still face Section 301 duties of up to 25%.",
    )
    # the acts themselves
    assert "trade_policy" in types("Trump first imposed a 10 percent tariff on all Chinese goods.")
    assert "trade_policy" in types(
        "The tariffs, first imposed in July 2018, were raised to 25% on May 10, 2019."
    )
    said = "China will impose tariffs of 15% on U.S. coal from Feb. 10, the ministry said."
    assert "trade_policy" in types(said)


def test_british_per_cent_frameworks_hammered_out_and_tariffs_shelved():
    sentence = "The US reciprocal tariff on Chinese goods fell from 125 per cent to 10 per cent."
    hits = classify(sentence)
    assert "trade_policy" in {h.event_type for h in hits}
    # positions stay those of the sentence as written
    assert all(sentence[h.start :].startswith(("fell", "tariff", "reciprocal")) for h in hits)
    assert "diplomatic" in types(
        "The Stockholm round built on a framework hammered out by the two delegations in London."
    )
    assert "trade_policy" in types(
        "A planned 15% tariff on $160 billion of consumer goods was shelved indefinitely."
    )
    assert types("She makes steel shelving and says the duties give makers a fair shot.") == set()


def test_a_doubt_after_the_act_and_countermeasures_under_review():
    sentence = (
        "Trump said on Saturday that he would raise the new surcharge to 15%, though it was "
        "unclear whether the higher rate would reach Chinese goods."
    )
    assert {e[0] for e in events(sentence)} == {"trade_policy"}
    # a doubt that governs the act still makes it no event
    assert events("It was unclear whether Trump would raise the surcharge to 15%.") == []
    sentence = (
        "The Commerce Ministry has said it is studying the decision and may adjust its "
        "countermeasures."
    )
    assert {e[0] for e in events(sentence)} == {"diplomatic"}


def test_deals_sealed_or_struck_controls_that_followed_and_increases_postponed():
    assert "diplomatic" in types("Trump and Xi sealed the deal on Oct. 30 at an air base in Busan.")
    assert "diplomatic" in types(
        "The steps flow from a deal that President Donald Trump and Chinese leader Xi Jinping "
        "struck on Oct. 30."
    )
    assert "diplomatic" in types(
        "The two governments announced the outlines of the deal on Dec. 13."
    )
    assert "enforcement" in types(
        "Controls on two key precursors, NPP and 4-ANPP, followed in 2018."
    )
    assert "trade_policy" in types(
        "The trade office formally postponed the increase until March 2."
    )
    # an increase that is no tariff step postpones nothing
    assert "trade_policy" not in types("The rise in overdose deaths was delayed by the pandemic.")


def test_health_releases_worded_with_the_day_first_or_as_a_posted_estimate():
    for sentence in (
        "The CDC on Tuesday estimated that 96,000 people died of overdoses in the year to March.",
        "National health officials on Monday reported that overdose deaths fell for a sixth month.",
        "The agency posted an estimate of about 90,000 deaths for the year to June.",
        "The CDC published the final tally on Friday: 81,000 deaths, the lowest since 2019.",
        "The agency followed up on June 2 with its first estimate of deaths for the year.",
        "In March the agency reported that deaths had fallen 20 per cent over the year.",
    ):
        assert "public_health" in types(sentence), sentence
    # figures restated without a day, and estimates by others, are no release
    assert "public_health" not in types("The CDC estimates that 80,000 people died last year.")
    assert "public_health" not in types("Analysts posted an estimate of the cost of the tariffs.")


def test_deals_named_by_a_clause_rates_risen_rules_put_on_hold_and_countermeasures():
    assert "diplomatic" in types(
        "The two envoys signed what both capitals billed as a first-stage agreement on Friday."
    )
    assert "diplomatic" in types(
        "The ministers reached what officials described as a broad consensus in Madrid."
    )
    assert "trade_policy" in types("The U.S. rate on Chinese steel had risen to 50% by June.")
    assert "trade_policy" not in types("Overdose deaths had risen to 110,000 by 2022.")
    assert "trade_policy" in types(
        "Beijing has put on hold the export rules on graphite that it announced in October."
    )
    assert "diplomatic" in types(
        "China's foreign ministry announced six countermeasures against the United States."
    )
    # "After months of talks, ..." opens an act, not a period aggregate
    assert "diplomatic" in types(
        "After months of talks, the two sides signed an agreement on drug control in Geneva."
    )
    assert types("Three years of tariffs have cost importers $100 billion.") == set()


def test_rates_added_urging_overtures_reported_and_people_designated_to_a_role():
    assert "trade_policy" in types("Beijing said it would add 10 percent to U.S. pork and beef.")
    assert "trade_policy" not in types("The firm added 10 percent to its sales last year.")
    assert "diplomatic" in types(
        "China protested on Monday, with its embassy urging Washington to drop the sanctions."
    )
    assert "diplomatic" in types(
        "In June, Beijing was reported to be weighing whether to send a delegation to Washington."
    )
    # a person named to a role is no designation (sanction)
    assert "enforcement" not in types(
        "Xi has reportedly designated Wang Xiaohong, the security minister, as his point man."
    )
    assert "enforcement" in types(
        "Treasury designated the two Chinese firms as drug traffickers under its kingpin powers."
    )


def test_round_two_wordings_of_tariff_steps_licences_notices_and_sanctions():
    for sentence in (
        "Parcels from Hong Kong lost duty-free treatment on Friday.",
        "A 25 percent tariff went on $16 billion of Chinese goods at midnight.",
        "China's duties on 128 American products were now in force.",
        "Under the deal, the rate was cut from 34 percent to 10 percent.",
        "Beijing will bring its own extra levy on U.S. goods down to 10 percent.",
        "A second order keeps the higher rate on Chinese goods suspended until November.",
        "On Thursday Trump signed an order putting that increase on hold for 90 days.",
        "The final list was published in the Federal Register on Monday.",
        "On Friday, a presidential memorandum exempted laptops from the new duties.",
    ):
        assert "trade_policy" in types(sentence), sentence
    assert "trade_policy" not in types("Shoppers lost interest in the new phones.")
    assert "enforcement" in types(
        "From Monday, exporters must obtain a government licence to ship any of 13 precursors."
    )
    assert "enforcement" in types("Treasury acted the same afternoon, sanctioning 12 people.")
    assert "enforcement" not in types("The council is sanctioning a new park for the town.")
    assert "diplomatic" in types("Xi and Trump sealed the outlines of the bargain in Busan.")
    assert "public_health" in types(
        "It came on May 15, 2024, when the agency put out numbers showing deaths had fallen."
    )


def test_round_three_wordings_surtaxes_present_moves_rulings_reviews_and_calls():
    for sentence in (
        "Canada slapped a 100 per cent surtax on Chinese-made electric vehicles on Oct. 1.",
        "Starting Wednesday, U.S. tariffs on Chinese goods drop from 145 percent to 30 percent.",
        "On Jan. 1, their rate doubles to 50%.",
        "Shipments from China lose the $800 de minimis exemption on Friday.",
        "On Feb. 20, the court ruled 6-3 in Learning Resources v. Trump that the emergency law "
        "does not authorize tariffs.",
        "The trade office wrapped up its four-year review of the Section 301 tariffs on May 14.",
        "A day earlier, the White House had given carmakers a one-month exemption.",
        "Mexico and Canada each won a 30-day pause on Monday.",
    ):
        assert "trade_policy" in types(sentence), sentence
    assert "trade_policy" not in types("The court ruled that the firm does not owe back pay.")
    assert "diplomatic" in types("Trump and Xi spoke today for about an hour and a half.")
    assert "diplomatic" in types(
        "In December 2018, Xi agreed with then-President Donald Trump to control fentanyl."
    )
    assert "public_health" in types(
        "The CDC opened the year on Feb. 26, reporting that overdose deaths had fallen 24%."
    )


def test_threats_to_hit_goods_with_tariffs():
    hits = classify("On Friday, Trump threatened to hit Canadian lumber with reciprocal tariffs.")
    assert {(h.event_type, h.label) for h in hits} == {("diplomatic", "threatened tariffs")}
    assert types("The storm hit farmers with losses.") == set()


def test_round_four_wordings_custody_counts_of_targets_talks_joined_and_port_fees():
    assert "enforcement" in types(
        "Chinese police took one of the defendants into custody in June, officials said."
    )
    assert "enforcement" in types(
        "That same day, the Office of Foreign Assets Control designated 25 targets in China."
    )
    assert "enforcement" not in types("The mayor designated a new park for the town.")
    assert "diplomatic" in types(
        "Wang Xiaohong took part in the Geneva talks with Bessent on Saturday."
    )
    for sentence in (
        "Washington began charging fees Tuesday on ships built or owned by Chinese companies.",
        "Chinese goods will instead face a country-specific reciprocal rate of 34%, effective "
        "April 9.",
    ):
        assert "trade_policy" in types(sentence), sentence
    # the gate of the release rule holds every noun its regex needs ("count", "numbers")
    assert "public_health" in types(
        "The final count of overdose deaths from the CDC, released Thursday, confirmed the trend."
    )


def test_round_four_dates_relative_clauses_threat_starts_and_bare_weekdays():
    pub = date(2026, 2, 25)  # a Wednesday
    # the phrase inside "that the Supreme Court struck down last Friday" dates that clause
    stopped = rule_events(
        "Earlier this week, U.S. Customs and Border Protection stopped collecting the emergency "
        "tariffs that the Supreme Court struck down last Friday.",
        pub,
    )
    assert ("trade_policy", date(2026, 2, 23), "week", "CBP") in stopped
    # a threat is dated when it was made, not by "to begin Nov. 1"
    threat = rule_events(
        "On Oct. 9, Beijing widened its export controls on rare earths. The next day, President "
        "Donald Trump threatened an additional 100% tariff on Chinese goods, to begin Nov. 1.",
        date(2025, 10, 14),
    )
    assert ("diplomatic", date(2025, 10, 10), "day", "White House") in threat
    # "charging fees Tuesday on ships": a bare weekday before "on"
    fees = rule_events(
        "Washington began charging fees Tuesday on ships built or owned by Chinese companies.",
        date(2025, 10, 15),
    )
    assert fees and fees[0][1:3] == (date(2025, 10, 14), "day")


def test_round_four_more_exemptions_multiples_tallies_and_sessions():
    assert "trade_policy" in types(
        "The administration late on Friday exempted smartphones, computers and other "
        "electronics from its steep reciprocal tariffs."
    )
    assert "trade_policy" not in types("The school exempted seniors from the final exam.")
    assert "trade_policy" in types(
        "Washington quadrupled its tariff on Chinese electric vehicles to 100 percent."
    )
    assert "public_health" in types(
        "The CDC's final tally of 2024 overdose deaths, published Thursday, confirmed the drop."
    )
    assert "diplomatic" in types(
        "Wang Xiaohong also took part in Saturday's session with Bessent, people said."
    )


def test_a_reduced_passive_with_its_agent_keeps_its_date():
    # "struck down by the Supreme Court last week" dates the ruling, not the halt
    found = rule_events(
        "U.S. Customs and Border Protection on Tuesday stopped collecting the emergency duties "
        "struck down by the Supreme Court last week.",
        date(2026, 2, 25),
    )
    assert ("trade_policy", date(2026, 2, 24), "day", "CBP") in found


def test_a_look_back_story_dates_yearless_days_from_its_lede():
    text = (
        "Five years ago today, President Donald Trump said he would put a 10 percent tariff on "
        "$300 billion of Chinese imports, accusing China of failing to stop fentanyl.\n\n"
        "China had brought every fentanyl-related substance under control on May 1 that year.\n\n"
        "On Sept. 1, the first slice of the new tariff took effect at 15 percent.\n\n"
        "On Dec. 13, the two governments announced a phase one trade deal."
    )
    dated = {(e[0], e[1]) for e in rule_events(text, date(2024, 8, 1))}
    assert {("trade_policy", date(2019, 9, 1)), ("enforcement", date(2019, 5, 1))} <= dated
    # a story of its own days keeps the publication's year for the same wording
    plain = rule_events(
        "On Tuesday, Beijing protested the move.\n\nOn Sept. 1, the new tariff took effect at "
        "15 percent.",
        date(2024, 11, 1),
    )
    assert ("trade_policy", date(2024, 9, 1)) in {(e[0], e[1]) for e in plain}


def test_releases_statements_and_same_days_take_the_right_day():
    # a release is dated by its day, not by the year its figures count
    release = rule_events(
        "Overdose deaths fell about 3 percent last year, according to provisional figures the "
        "Centers for Disease Control and Prevention released on Wednesday.",
        date(2024, 5, 16),
    )
    assert ("public_health", date(2024, 5, 15), "day", "CDC") in release
    # "a joint statement issued Monday": the participle dates the statement itself
    statement = rule_events(
        "The cut followed a joint statement issued Monday by Washington and Beijing after two "
        "days of talks in Geneva.",
        date(2025, 5, 15),
    )
    assert {(e[0], e[1]) for e in statement} == {("diplomatic", date(2025, 5, 12))}
    # "the same day" after "On Oct. 3 of that year" keeps that year
    same = rule_events(
        "In 2023, the two sides barely spoke. On Oct. 3 of that year, the Justice Department "
        "unsealed eight indictments against China-based companies.\n\nThe Treasury Department "
        "sanctioned 28 people and entities in China and Canada the same day.",
        date(2025, 11, 12),
    )
    assert ("enforcement", date(2023, 10, 3), "day", "Treasury") in same


def test_effective_days_after_a_weekday_views_of_the_act_and_period_bounds():
    # "to take effect next Monday, Feb. 10": the effective day behind its weekday
    hit_back = rule_events(
        "China hit back at Washington on Tuesday with tariffs of up to 15 percent on American "
        "coal, to take effect next Monday, Feb. 10.",
        date(2025, 2, 4),
    )
    assert ("trade_policy", date(2025, 2, 10), "day", "China") in hit_back
    # a view of the act in an appositive does not make the act an opinion
    order = rule_events(
        "On Dec. 15, Trump signed an executive order designating illicit fentanyl as a weapon of "
        "mass destruction, a step several senators said would help prosecutors.",
        date(2025, 12, 16),
    )
    assert ("enforcement", date(2025, 12, 15)) in {(e[0], e[1]) for e in order}
    view = "Several senators said designating fentanyl as a weapon of mass destruction would help."
    assert no_events(date(2025, 12, 16), view) == []
    # "since 2019" bounds a period: a later sentence of the paragraph is not dated by it
    since = rule_events(
        "Trump and Xi met on Thursday, their first encounter since 2019. Afterward, Trump said "
        "he would cut the fentanyl tariff on Chinese goods from 20% to 10%.",
        date(2025, 10, 31),
    )
    assert all(e[1].year == 2025 for e in since), since


def test_a_point_man_named_and_duty_free_treatment_ending_without_a_named_actor():
    for sentence in (
        "Xi has named Minister of Public Security Wang Xiaohong as his point man on fentanyl.",
        "Xi has put Wang Xiaohong in charge of Beijing's side of the issue, people said.",
    ):
        assert "diplomatic" in types(sentence), sentence
        assert rule_events(sentence, date(2025, 6, 1)), sentence
    assert types("The official in charge of trade spoke to reporters.") == set()
    # "Duty-free treatment ... ended on May 2": the act of the country named in the article
    ended = rule_events(
        "U.S. online sellers have complained for months.\n\nDuty-free treatment for Chinese "
        "parcels worth less than $800 ended on May 2.",
        date(2025, 5, 15),
    )
    assert [(e[0], e[1]) for e in ended] == [("trade_policy", date(2025, 5, 2))]


def test_court_steps_and_the_emergency_behind_the_tariffs():
    for sentence in (
        "The Court of International Trade first held the tariffs unlawful on May 28, 2025.",
        "The next day, the appeals court granted a temporary administrative stay, allowing "
        "customs officers to keep collecting the duties.",
        "A three-judge panel on Wednesday declared that the emergency law does not authorize "
        "the president's worldwide tariffs.",
        "Trump reached for the emergency law in February 2025, declaring the flow of fentanyl a "
        "national emergency.",
        "The levy rests on a national emergency over synthetic opioids that President Donald "
        "Trump declared by executive order on Feb. 1.",
    ):
        assert types(sentence) == {"trade_policy"}, sentence
    for sentence in (  # an emergency named as a condition or a reference is no act
        "The law lets a president regulate imports during a declared national emergency.",
        "The statute lets a president move quickly once he declares a national emergency.",
    ):
        assert types(sentence) == set(), sentence


def test_own_rates_cut_counts_and_averages_do_not():
    cut = "Washington lowered its combined extra tariff on Chinese goods from 145 percent to 30."
    assert labels(cut) == {"cut, paused or adjusted tariffs"}
    assert types("The average US duty on Chinese goods had climbed to 12% by May.") == set()
    raised = "Tariffs on $200 billion of goods had already been raised to 25 percent on May 10."
    assert types(raised) == {"trade_policy"}


def test_a_habit_in_a_fronted_phrase_leaves_a_dated_act_alone():
    step = (
        "In a step Washington had long sought, China brought three fentanyl precursors, 4-AP, "
        "1-boc-4-AP and norfentanyl, under control from Sept 1 last year."
    )
    assert types(step) == {"enforcement"}
    assert types("For years, China has brought precursors under control only slowly.") == set()


def test_releases_finds_and_joint_statements_in_more_wordings():
    pub = date(2026, 2, 25)
    for sentence in (
        "Last month, the CDC's National Center for Health Statistics reported that 79,384 "
        "people died of drug overdoses in 2024.",
        "And last month, the CDC reported that 79,384 Americans died of drug overdoses in 2024.",
    ):
        assert [(e[0], e[1], e[2]) for e in rule_events(sentence, pub)] == [
            ("public_health", date(2026, 1, 1), "month")
        ], sentence
    found = "In September 2024, officers found roughly 120 pounds of blue fentanyl pills in a car."
    assert types(found) == {"enforcement"}
    joint = (
        "Chinese and U.S. officials held talks in Geneva over the weekend.\n\nThe two "
        "governments announced the outcome in a joint statement on Monday."
    )
    got = [(e[0], e[1]) for e in rule_events(joint, date(2025, 5, 15))]
    assert ("diplomatic", date(2025, 5, 12)) in got
    # a statement referred to, not made, stays out
    referred = "Officials said little beyond what was in the joint statement between the two."
    assert no_events(date(2025, 5, 15), referred) == []


def test_wordings_of_talks_controls_pauses_and_standing_tariffs():
    for sentence, kind in (
        (
            "Wang was quoted as telling the ambassador, David Perdue, at a meeting on June 19 "
            "that China would cooperate.",
            "diplomatic",
        ),
        (
            "Bessent and He Lifeng wrapped up two days of negotiations in Kuala Lumpur.",
            "diplomatic",
        ),
        (
            "China's Commerce Ministry announced on Oct. 9 a sweeping expansion of its export "
            "controls on rare earths.",
            "trade_policy",
        ),
        (
            "A second order signed Feb. 5 put the parcel change on hold until systems were ready.",
            "trade_policy",
        ),
        (
            "China's retaliatory tariffs on farm goods, which took effect March 10, remain in "
            "force.",
            "trade_policy",
        ),
    ):
        assert types(sentence) == {kind}, sentence
    assert types("Officials spoke at a meeting on drug control in Vienna.") == set()
    assert types("No date has been set for the next round of negotiations.") == set()
    assert types("The 20% duty remains in place.") == set()


def test_export_controls_by_list_and_shipment_and_handovers_by_air():
    for sentence in (
        "A separate notice added holmium, erbium and thulium to the controlled list from Nov. 8.",
        "Beijing responded the next day by barring shipments of gallium and germanium to "
        "American buyers.",
        "On Friday, the Commerce Ministry suspended six export-control notices.",
    ):
        assert types(sentence) == {"trade_policy"}, sentence
    # chemicals put on a control list are scheduled (enforcement), not export controls
    listed = "Last September it added three further precursors to its control list."
    assert "trade_policy" not in types(listed)
    assert types("The Entity List bars companies from receiving U.S. technology.") == set()
    for sentence in (
        "Mexico flew 26 prisoners wanted in the United States across the border on Tuesday.",
        "Mexico sent another 37 alleged cartel operatives to the United States on Jan. 20.",
    ):
        assert types(sentence) == {"enforcement"}, sentence


def test_more_wordings_of_deals_talks_and_called_off_tariffs():
    for sentence, kind in (
        (
            "The United States and China on Friday sealed the first phase of a trade agreement.",
            "diplomatic",
        ),
        (
            "That December, Trump and Xi sat down in Buenos Aires and agreed to a truce.",
            "diplomatic",
        ),
        ("Negotiators followed up in London, agreeing on a framework for the truce.", "diplomatic"),
        (
            "Washington also called off a 15 percent tariff on $160 billion of consumer goods.",
            "trade_policy",
        ),
        (
            "The tariffs trace back to an investigation the U.S. trade representative's office "
            "opened last August.",
            "trade_policy",
        ),
    ):
        assert types(sentence) == {kind}, sentence
    # "the two governments" act for both sides; a date before ", when" dates the clause
    both = rule_events(
        "The two governments announced the outline of the agreement on Dec. 13.", date(2020, 1, 16)
    )
    assert [(e[0], e[1]) for e in both] == [("diplomatic", date(2019, 12, 13))]
    back = rule_events(
        "Both moves trace back to Oct. 30, when Trump and Xi sat down together at an air base "
        "in Busan.",
        date(2025, 11, 11),
    )
    assert [(e[0], e[1]) for e in back] == [("diplomatic", date(2025, 10, 30))]


def test_operations_captures_blocks_rewards_and_a_court_giving_no_power():
    for sentence, kind in (
        (
            "The Department of Homeland Security launched Operation Blue Lotus on March 13.",
            "enforcement",
        ),
        (
            "Much of that work runs through Operation Apollo, an effort that CBP and its partners "
            "launched in Southern California on Oct. 26, 2023.",
            "enforcement",
        ),
        ("Soldiers captured him in Sinaloa state in January.", "enforcement"),
        (
            "The Office of Foreign Assets Control blocked 28 people and entities in China.",
            "enforcement",
        ),
        ("Officers pulled nearly 254 pounds of fentanyl from a hidden compartment.", "enforcement"),
        ("The State Department announced 27 reward offers of up to $10 million.", "enforcement"),
        (
            "Beijing began requiring a government licence for exports of 13 precursor chemicals.",
            "enforcement",
        ),
        (
            "The drug policy office declared fentanyl mixed with xylazine, a sedative that resists "
            "naloxone, an emerging threat.",
            "public_health",
        ),
        ("The two leaders last spoke on Feb. 4, a call that covered trade.", "diplomatic"),
        ("He Lifeng led the Chinese side at the talks on Saturday.", "diplomatic"),
    ):
        assert types(sentence) == {kind}, sentence
    ruled = (
        "The Supreme Court decided on Feb. 20 that the emergency law gives the president no "
        "power to impose tariffs."
    )
    assert "tariffs struck down" in labels(ruled)
    assert types("The team spoke on Fox News about trade.") == set()
    # a scheduled step in the present tense lies ahead
    step = "Under the amended order, the flat per-item charge rises to $200 on June 1."
    assert [r.date for r in find_dates(step, date(2025, 5, 2))] == [date(2025, 6, 1)]
