"""The pipeline's `events` table: curated timeline rows + events extracted from the news."""

from datetime import date

import polars as pl
import pytest

from analysis.contracts.news import EVENTS
from analysis.errors import ContractError
from analysis.events import combine


def curated(event_id: str = "tl_0001") -> pl.DataFrame:
    row = {
        "event_id": event_id,
        "date": date(2025, 5, 2),
        "date_precision": "day",
        "date_basis": "explicit",
        "announced": date(2025, 4, 2),
        "event_type": "trade_policy",
        "actor": "United States",
        "counterpart": "China",
        "summary": "De minimis treatment ends for China and Hong Kong",
        "evidence": None,
        "article_id": None,
        "origin": "curated",
        "citation": "EO 14256",
        "confidence": 1.0,
        "n_sources": None,
    }
    return pl.DataFrame([row], schema=EVENTS.schema)


def news() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": ["n1"],
            "title": ["t"],
            "text": ["The Treasury sanctioned 28 people on Tuesday."],
            "published": [date(2023, 10, 4)],
        }
    )


def test_combine_concatenates_curated_and_extracted():
    table = combine({"timeline": curated(), "news": news()})
    assert table.columns == EVENTS.names
    assert sorted(table["origin"].to_list()) == ["curated", "extracted"]
    assert table["event_id"].n_unique() == 2


def test_combine_with_empty_or_missing_inputs():
    assert combine({"timeline": curated(), "news": EVENTS.empty()}).height == 1
    assert combine({}).height == 0


def test_colliding_ids_are_an_error():
    ev_id = combine({"news": news()})["event_id"][0]
    with pytest.raises(ContractError):
        combine({"timeline": curated(ev_id), "news": news()})
