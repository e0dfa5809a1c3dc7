"""Small synthetic tables that pass their contracts, for chart and export tests."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import polars as pl

from analysis.contracts import (
    EVENTS,
    OVERDOSE,
    SEIZURES,
    TARIFF_ACTIONS,
    TARIFF_RATES,
    Table,
    validate,
)


def fit(frame: pl.DataFrame, table: Table) -> pl.DataFrame:
    """Declared columns in order and dtype; a nullable column the fixture lacks is null."""
    missing = [c for c in table.columns if c.name not in frame.columns]
    frame = frame.with_columns(pl.lit(None, dtype=c.dtype).alias(c.name) for c in missing)
    return frame.select(pl.col(c.name).cast(c.dtype) for c in table.columns)


def events() -> pl.DataFrame:
    rows = [
        ("e1", date(2024, 11, 25), "trade_policy", "US (Trump)", "tariff threat"),
        ("e2", date(2025, 1, 20), "diplomatic", "China (MFA)", "offer on precursors"),
        ("e3", date(2025, 2, 4), "diplomatic", "China (MOFCOM)", '=HYPERLINK("x") reply'),
        ("e4", date(2025, 5, 12), "diplomatic", "US (USTR)", "Geneva joint statement"),
        ("e5", date(2025, 6, 1), "enforcement", "China (MPS)", "scheduling of precursors"),
    ]
    n = len(rows)
    frame = pl.DataFrame(
        {
            "event_id": [r[0] for r in rows],
            "date": [r[1] for r in rows],
            "date_precision": ["day"] * n,
            "date_basis": ["explicit"] * n,
            "announced": [None] * n,
            "event_type": [r[2] for r in rows],
            "actor": [r[3] for r in rows],
            "counterpart": ["China"] * n,
            "summary": [r[4] for r in rows],
            "evidence": ["-the sentence"] + ["the sentence"] * (n - 1),
            "article_id": [None] * n,
            "origin": ["curated"] * n,
            "citation": ["@test citation"] + ["test citation"] * (n - 1),
            "confidence": [1.0] * n,
            "n_sources": [1] * n,
        },
    )
    return validate(fit(frame, EVENTS), EVENTS)


def tariff_actions() -> pl.DataFrame:
    rows = [
        ("a1", date(2025, 2, 4), "US", "ieepa_fentanyl", 10.0),
        ("a2", date(2025, 3, 4), "US", "ieepa_fentanyl", 20.0),
        ("c1", date(2025, 2, 10), "CN", "retaliation", 15.0),
    ]
    n = len(rows)
    frame = pl.DataFrame(
        {
            "action_id": [r[0] for r in rows],
            "announced": [r[1] - timedelta(days=3) for r in rows],
            "effective": [r[1] for r in rows],
            "ends": [None] * n,
            "imposer": [r[2] for r in rows],
            "target": ["CN" if r[2] == "US" else "US" for r in rows],
            "authority": [r[3] for r in rows],
            "layer": [r[3] for r in rows],
            "rate_pct": [r[4] for r in rows],
            "coverage": ["all"] * n,
            "citation": ["test"] * n,
            "note": [None] * n,
        },
    )
    return validate(fit(frame, TARIFF_ACTIONS), TARIFF_ACTIONS)


def tariff_rates() -> pl.DataFrame:
    rows = [
        (date(2018, 1, 1), "US", "section_301", 0.0),
        (date(2018, 7, 6), "US", "section_301", 25.0),
        (date(2025, 2, 4), "US", "ieepa_fentanyl", 10.0),
        (date(2025, 3, 4), "US", "ieepa_fentanyl", 20.0),
        (date(2018, 1, 1), "US", "total", 3.0),
        (date(2018, 7, 6), "US", "total", 12.0),
        (date(2025, 2, 4), "US", "total", 22.0),
        (date(2025, 3, 4), "US", "total", 32.0),
        (date(2018, 1, 1), "CN", "total", 8.0),
        (date(2025, 2, 10), "CN", "total", 23.0),
    ]
    frame = pl.DataFrame(
        {
            "date": [r[0] for r in rows],
            "imposer": [r[1] for r in rows],
            "layer": [r[2] for r in rows],
            "rate_pct": [r[3] for r in rows],
            "source": ["Precursor curated tariff actions"] * len(rows),
        },
    )
    return validate(fit(frame, TARIFF_RATES), TARIFF_RATES)


def overdose(states: int = 3, months: int = 36) -> pl.DataFrame:
    ends = pl.date_range(date(2022, 1, 1), date(2040, 1, 1), "1mo", eager=True).dt.month_end()
    ends = ends.head(months)
    geos = ["US", *[f"S{i}" for i in range(states)]]
    parts = []
    for k, geo in enumerate(geos):
        for ind, base in (("synthetic_opioids", 70000), ("all_drugs", 105000)):
            scale = 1.0 if geo == "US" else 0.02 * (k + 1)
            deaths = (base * scale * (1 - 0.01 * np.arange(months))).round().astype(int)
            parts.append(
                pl.DataFrame(
                    {
                        "period_end": ends,
                        "window": "12m",
                        "geo": geo,
                        "indicator": ind,
                        "deaths": deaths,
                        "deaths_predicted": deaths * 1.02,
                        "is_suppressed": False,
                        "pct_complete": 100.0,
                        "pct_pending": 0.5,
                        "source": "CDC NCHS, VSRR Provisional Drug Overdose Death Counts",
                        "vintage": date(2025, 1, 8),
                    }
                )
            )
    frame = pl.concat(parts).with_columns(subgroup=pl.lit("all"), is_provisional=pl.lit(True))
    return validate(fit(frame, OVERDOSE), OVERDOSE)


def seizures() -> pl.DataFrame:
    months = pl.date_range(date(2023, 10, 1), date(2024, 9, 1), "1mo", eager=True)
    n = len(months)
    frame = pl.DataFrame(
        {
            "month": months,
            "fiscal_year": [2024] * n,
            "component": ["Office of Field Operations"] * n,
            "region": ["Southwest Border"] * n,
            "area": ["SAN DIEGO FIELD OFFICE"] * n,
            "land_filter": ["Land Only"] * n,
            "drug": ["fentanyl"] * n,
            "events": list(range(10, 10 + n)),
            "quantity_lbs": [100.0 + 10 * i for i in range(n)],
            "source": ["CBP, Nationwide Drug Seizures"] * n,
            "vintage": [date(2026, 1, 1)] * n,
        }
    )
    return validate(fit(frame, SEIZURES), SEIZURES)


def tables() -> dict[str, pl.DataFrame]:
    return {
        "events": events(),
        "tariff_actions": tariff_actions(),
        "tariff_rates": tariff_rates(),
        "overdose": overdose(),
        "seizures": seizures(),
    }
