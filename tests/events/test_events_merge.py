"""One event, many reports → one row with n_sources and all evidence (analysis.events.merge)."""

from datetime import date

import polars as pl

from analysis.contracts import validate
from analysis.contracts.news import EVENTS
from analysis.events import EVIDENCE_SEP, extract_events
from analysis.events.merge import compatible, window


def articles() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "title": ["A", "B", "C"],
            "text": [
                "The Trump administration on Friday ended the duty-free status for low-value "
                "shipments from China.",
                "Earlier this week the United States ended duty-free treatment of low-value "
                "shipments from China and Hong Kong.",
                "CBP officers seized 200 pounds of fentanyl on Friday.",
            ],
            "published": [date(2025, 5, 3), date(2025, 5, 4), date(2025, 5, 3)],
        }
    )


def test_reports_of_one_event_merge():
    merged = extract_events(articles())
    validate(merged, EVENTS)
    duty = merged.filter(pl.col("event_type") == "trade_policy")
    assert duty.height == 1
    row = duty.row(0, named=True)
    assert row["n_sources"] == 2
    assert row["date"] == date(2025, 5, 2) and row["date_precision"] == "day"
    assert len(row["evidence"].split(EVIDENCE_SEP)) == 2
    assert merged.filter(pl.col("event_type") == "enforcement").height == 1


def test_unmerged_keeps_one_row_per_report():
    assert extract_events(articles(), merge=False).height == 3


def test_windows():
    assert window(date(2025, 4, 28), "week") == (date(2025, 4, 28), date(2025, 5, 4))
    assert window(date(2024, 2, 1), "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert compatible((date(2025, 5, 2), "day"), (date(2025, 4, 28), "week"))
    assert not compatible((date(2025, 5, 5), "day"), (date(2025, 4, 28), "week"))


def test_two_events_reported_by_the_same_articles_keep_distinct_ids():
    # Two different same-day acts by one actor, both reported by the same two articles: they
    # must stay two rows with two ids (their evidence shares too few words to merge).
    text_a = (
        "CBP officers seized 200 pounds of fentanyl at the Nogales port on Friday. "
        "In a separate case, CBP agents arrested three smugglers near El Paso on Friday."
    )
    text_b = (
        "On Friday CBP seized 200 pounds of fentanyl at the Nogales port of entry. "
        "CBP also arrested three suspected smugglers near El Paso on Friday."
    )
    frame = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "title": ["A", "B"],
            "text": [text_a, text_b],
            "published": [date(2025, 5, 3), date(2025, 5, 3)],
        }
    )
    raw = extract_events(frame, merge=False)
    merged = extract_events(frame)
    assert merged["event_id"].n_unique() == merged.height
    assert raw.height >= 2 and merged.height >= 1


def test_merged_ids_are_unique_on_the_white_house_corpus(shared_data):
    from analysis.sources.news import read_articles

    articles, errors = read_articles([shared_data / "news" / "whitehouse_briefings"])
    assert not errors
    # every candidate of the rules (the most rows), then what the screen keeps of them; both
    # validate, and a repeated event_id raises ContractError
    events = extract_events(articles, screened=False)
    assert events.height > 800
    assert events["event_id"].n_unique() == events.height
    assert (events["n_sources"] > 1).any()
    kept = extract_events(articles)
    assert 150 < kept.height < events.height
    assert kept["event_id"].n_unique() == kept.height
