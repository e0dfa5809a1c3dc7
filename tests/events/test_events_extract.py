"""Extraction from one article, including the worked example of the seed article."""

from datetime import date

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.contracts import validate
from analysis.contracts.news import EVENTS
from analysis.events import extract_events, extract_from_text
from analysis.events.classify import classify
from analysis.events.extract import _NEEDS, _search
from analysis.events.text import fold_exact, strip_markup

SEED_PUBLISHED = date(2025, 5, 3)


def test_seed_worked_example(seed_text):
    title, body = seed_text
    events = extract_from_text(body, SEED_PUBLISHED, article_id="seed", title=title)
    duty = [e for e in events if e.event_type == "trade_policy" and "duty-free" in e.evidence]
    assert len(duty) == 1
    assert (duty[0].date, duty[0].date_precision, duty[0].date_basis) == (
        date(2025, 5, 2),
        "day",
        "relative",
    )
    assert duty[0].actor == "White House"  # "the Trump administration", timeline scheme
    wang = [e for e in events if "Wang Xiaohong" in e.evidence]
    assert len(wang) == 1 and wang[0].event_type == "diplomatic"
    assert wang[0].actor == "Ministry of Public Security"  # the minister's institution
    assert wang[0].summary.startswith("Wang Xiaohong:")
    assert (wang[0].date, wang[0].date_precision) == (date(2025, 4, 28), "week")
    mofcom = [e for e in events if "invitation" in e.evidence]
    assert len(mofcom) == 1 and mofcom[0].event_type == "diplomatic"
    assert mofcom[0].actor == "MOFCOM"
    assert (mofcom[0].date, mofcom[0].date_precision, mofcom[0].date_basis) == (
        date(2025, 4, 28),
        "week",
        "relative",
    )
    evidence = " ".join(e.evidence for e in events)
    assert "450,000" not in evidence
    assert "READ ALSO" not in evidence and "Buffett" not in evidence
    assert "Subscribe" not in evidence and "Scoop Hub" not in evidence


def test_whitehouse_readout_in_place(whitehouse):
    path = (
        whitehouse / "statements-releases" / "2024-08" / "2024-08-01-readout-of-the-u-s-prc-"
        "bilateral-counternarcotics-working-group-senior-official-meeting.md"
    )
    events = extract_from_text(strip_markup(path.read_text(encoding="utf-8")), date(2024, 8, 1))
    meeting = [e for e in events if "held a senior official meeting" in e.evidence]
    assert meeting and meeting[0].event_type == "diplomatic"
    assert meeting[0].date == date(2024, 7, 31) and meeting[0].date_basis == "explicit"
    assert meeting[0].counterpart == "China"


def test_actor_from_previous_sentence_and_context_date():
    text = (
        "The Justice Department on Tuesday unsealed indictments against eight companies. "
        "On the same day, the Treasury sanctioned 28 people."
    )
    events = extract_from_text(text, date(2023, 10, 4))
    assert [(e.event_type, e.date) for e in events] == [
        ("enforcement", date(2023, 10, 3)),
        ("enforcement", date(2023, 10, 3)),
    ]
    assert events[1].actor == "Treasury"


def test_extract_events_frame_passes_contract():
    articles = pl.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "title": ["t1", "t2"],
            "text": [
                "China's Commerce Ministry said on Monday it would impose tariffs on US coal.",
                "No events here, only a story about weather.",
            ],
            "published": [date(2025, 2, 4), None],
            "url": ["https://x.example/1", None],
            "raw_path": [None, "b.txt"],
        }
    )
    frame = extract_events(articles)
    validate(frame, EVENTS)
    assert frame.height == 1
    row = frame.row(0, named=True)
    assert row["origin"] == "extracted" and row["article_id"] == "a1" and row["n_sources"] == 1
    assert row["date"] == date(2025, 2, 3) and row["event_type"] == "trade_policy"
    assert "https://x.example/1" in row["citation"]


def test_two_events_of_one_type_when_dated_apart():
    s = (
        "China said on Friday that it was suspending cooperation with the United States on "
        "counternarcotics, in retaliation for House Speaker Nancy Pelosi's visit to Taiwan "
        "this week."
    )
    got = {(e.event_type, e.date, e.date_precision) for e in extract_from_text(s, date(2022, 8, 6))}
    assert got == {
        ("diplomatic", date(2022, 8, 5), "day"),
        ("diplomatic", date(2022, 8, 1), "week"),
    }


def test_paragraph_context_skips_possessive_dates():
    text = (
        "On July 31, the United States and China held a meeting in Washington. "
        "The two sides agreed to meet again.\n\n"
        "Building on last year's progress, the delegations agreed to share data with China."
    )
    events = extract_from_text(text, date(2024, 8, 1))
    assert [(e.date, e.date_basis) for e in events] == [
        (date(2024, 7, 31), "explicit"),
        (date(2024, 7, 31), "relative"),
        (date(2024, 7, 31), "relative"),  # the lede's date, not "last year's"
    ]


def test_lede_date_reaches_only_nearby_sentences_of_its_type():
    filler = " ".join(f"Paragraph {i} says nothing new." for i in range(12))
    text = (
        "CBP officers seized 250 pounds of fentanyl last Thursday.\n\n"
        "The driver was arrested.\n\n" + filler + "\n\nA second driver was arrested."
    )
    events = extract_from_text(text, date(2023, 1, 30))
    assert [(e.date, e.date_basis) for e in events] == [
        (date(2023, 1, 26), "relative"),
        (date(2023, 1, 26), "relative"),
        (date(2023, 1, 30), "published"),
    ]


def test_later_effective_day_keeps_announcement():
    text = (
        "China's Finance Ministry said it would impose a 15% tariff on US coal starting "
        "February 10."
    )
    (ev,) = extract_from_text(text, date(2025, 2, 4))
    assert (ev.event_type, ev.date, ev.announced) == (
        "trade_policy",
        date(2025, 2, 10),
        date(2025, 2, 4),
    )
    row = extract_events(
        pl.DataFrame(
            {"article_id": ["x"], "title": ["t"], "text": [text], "published": [date(2025, 2, 4)]}
        )
    ).row(0, named=True)
    assert row["announced"] == date(2025, 2, 4) and row["date"] == date(2025, 2, 10)


def test_possessive_event_noun_dates_what_happened_there():
    s = "During Thursday's call, Xi invited Trump to visit China."
    (ev,) = extract_from_text(s, date(2025, 6, 7))
    assert ev.date == date(2025, 6, 5)


def test_statistic_period_is_not_the_release_day():
    s = (
        "Nearly 110,000 people died of overdoses last year, according to provisional data the "
        "Centers for Disease Control and Prevention published on Wednesday."
    )
    (ev,) = extract_from_text(s, date(2023, 5, 17))
    assert (ev.event_type, ev.date) == ("public_health", date(2023, 5, 17))


def test_same_day_refers_to_the_day_named_last():
    text = (
        "Mexico transferred 29 suspects to the United States on Thursday. Trump said the 25% "
        "tariffs would start on March 4.\n\nHe also said Chinese goods would face an additional "
        "10% duty on the same day."
    )
    events = extract_from_text(text, date(2025, 2, 28))
    last = events[-1]
    assert (last.event_type, last.date) == ("trade_policy", date(2025, 3, 4))


def test_since_and_until_do_not_date_events():
    s = (
        "The meeting, the leaders' first since 2019, followed two days of talks between Scott "
        "Bessent and He Lifeng in Kuala Lumpur last weekend."
    )
    (ev,) = extract_from_text(s, date(2025, 10, 30))
    assert (ev.date, ev.date_precision) == (date(2025, 10, 20), "week")


def test_future_act_dated_by_the_following_take_effect_sentence():
    text = (
        "Under the joint statement, Washington will lower its tariff on Chinese goods to 10%. "
        "The reductions take effect on May 14."
    )
    events = extract_from_text(text, date(2025, 5, 12))
    lower = [e for e in events if e.event_type == "trade_policy" and "lower" in e.evidence]
    assert [(e.date, e.announced) for e in lower] == [(date(2025, 5, 14), date(2025, 5, 12))]


def test_second_event_of_one_type_with_its_own_subject():
    s = (
        "Washington will lower its extra duties on Chinese imports to 30% from 145%, while "
        "Beijing will cut its levies on American goods to 10% from 125%; both cuts take effect "
        "on May 14."
    )
    events = extract_from_text(s, date(2025, 5, 12))
    assert [(e.event_type, e.actor, e.date) for e in events] == [
        ("trade_policy", "United States", date(2025, 5, 14)),
        ("trade_policy", "China", date(2025, 5, 14)),
    ]
    assert not any("[reported]" in e.summary for e in events)  # "May 14" is not a hedge


def test_reaction_to_a_measure_and_deployment_commitment():
    (ev,) = extract_from_text(
        "Blinken, speaking in Cambodia, condemned the measures as irresponsible.", date(2022, 8, 6)
    )
    assert (ev.event_type, ev.actor) == ("diplomatic", "State Department")
    (ev,) = extract_from_text(
        "Sheinbaum said Mexico would immediately send 10,000 National Guard troops to the border.",
        date(2025, 2, 4),
    )
    assert (ev.event_type, ev.actor) == ("diplomatic", "Mexico")
    # a plain opinion with no measure as its object is still no event
    assert extract_from_text("The senator condemned drug use.", date(2025, 2, 4)) == []


def test_date_phrase_of_the_triggers_own_clause():
    s = (
        "Earlier this month, Beijing widened its export controls on rare earths, and Trump "
        "responded by threatening an additional 100% tariff from November 1."
    )
    controls = [e for e in extract_from_text(s, date(2025, 10, 27)) if e.actor == "China"]
    assert [(e.date, e.date_precision) for e in controls] == [(date(2025, 10, 1), "month")]


def test_date_of_a_relative_clause_is_an_earlier_act():
    s = "The United States will suspend its 34% reciprocal tariff imposed on April 2, 2025."
    events = extract_from_text(s, date(2025, 5, 12))
    assert [(e.date, e.date_precision) for e in events] == [
        (date(2025, 5, 12), "day"),  # the suspension: not dated by the relative clause
        (date(2025, 4, 2), "day"),  # the earlier imposition
    ]
    assert events[1].summary.startswith("United States: imposed earlier")
    # a past participle never resolves to a future month
    (_, earlier) = extract_from_text(
        "China will lift its tariff announced in April.", date(2025, 11, 5)
    )
    assert (earlier.date, earlier.date_precision) == (date(2025, 4, 1), "month")


_CUE_PIECES = [
    "The same day",
    "the ſame day",  # long s: a case-insensitive "s"
    "THAT DAY",
    "İn April that year",
    "Two days later",
    "four weeks earlier",
    "three months after the listing",
    "the following Monday",
    "the next day",
    "a day earlier",
    "from that same day",
    "in the same month",
    "meanwhile",
    "also",
    "Beijing cut its tariff",
    "on Sept. 1",
    "K",
]


@given(
    st.lists(st.sampled_from(_CUE_PIECES), max_size=8),
    st.lists(st.sampled_from([" ", ", ", "", ". "]), min_size=8, max_size=8),
)
@settings(max_examples=300, deadline=None)
def test_cue_search_pretest_matches_plain_search(pieces, seps):
    """`_search` (a cue regex behind its required strings) finds what the regex alone finds."""
    sent = "".join(p + s for p, s in zip(pieces, seps, strict=False))
    folded = fold_exact(sent)
    for pattern in _NEEDS:
        plain, fast = pattern.search(sent), _search(pattern, sent, folded)
        assert (plain and plain.span()) == (fast and fast.span()), pattern.pattern[:40]


def test_letters_regexes_take_for_ascii_neither_hide_rules_nor_break_dates():
    """ "İ", "ı" and "ſ" match "i" and "s" in case-insensitive regexes; the gate, the rule
    pre-filter and the date tables read them so too ("İ" lower-cases to two characters)."""
    from analysis.events.classify import gate_matches, sentence_stems, stems

    assert [h.label for h in classify("The United States İMPOSED a 10% tariff on Friday.")] == [
        "raised or imposed tariffs"
    ] * len(classify("The United States IMPOSED a 10% tariff on Friday."))
    pub = date(2025, 5, 3)
    for odd, plain in [
        ("APRİL 2", "APRIL 2"),
        ("Aprıl 2", "April 2"),
        ("FRİDAY", "FRIDAY"),
        ("ſept. 1", "Sept. 1"),
        ("ſix days earlier", "six days earlier"),
    ]:
        got, want = (
            [
                (e.date, e.date_precision)
                for e in extract_from_text(f"Beijing cut its tariffs {w}.", pub)
            ]
            for w in (odd, plain)
        )
        assert got == want and want, odd
    paragraph = "İİİİ İİİİ İİ. The United States imposed tariffs. China met US officials."
    parts = ["İİİİ İİİİ İİ.", "The United States imposed tariffs.", "China met US officials."]
    plain = paragraph.replace("İ", "I")
    want = sentence_stems(plain, [p.replace("İ", "I") for p in parts], gate_matches(plain))
    assert sentence_stems(paragraph, parts, gate_matches(paragraph)) == want
    assert want[1] and want[2] and stems(parts[1]) >= want[1]


def test_extraction_survives_look_alike_letters(gold_texts):
    """No gold page breaks extraction when its letters are swapped for ones case-insensitive
    regexes take for them (a month or weekday read with "İ" once raised KeyError)."""
    swaps = [
        str.maketrans({"i": "ı", "s": "ſ", "I": "İ"}),
        str.maketrans({"i": "İ", "S": "ſ", "k": "K"}),
    ]
    texts = gold_texts[::10]
    assert len(texts) > 100
    for swap in swaps:
        for text in texts:
            extract_from_text(text.translate(swap), date(2025, 6, 1))
