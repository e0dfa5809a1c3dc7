"""Loader of the curated policy timeline `timeline/<vintage>/events.csv` → table `events`.

The CSV is kept by hand, one row per event:
`event_id, date, announced, date_precision, event_type, actor, counterpart, summary, citation,
confidence`. `announced` is filled only when the announcement came before the event's `date`
(e.g. an order signed on Feb 1 that takes effect on Feb 4). `date_precision` may be blank (= day).
The loader adds `date_basis` "explicit", `origin` "curated", and null `evidence`, `article_id`
and `n_sources` (curated rows rest on their citation, not on articles).

Actor scheme (closed list, `ACTORS`; charts lane by it, `actor_country` groups it): the
institution that acted. The US side is "White House" (the President: orders, proclamations,
calls and summits), "USTR", "Treasury" (negotiating rounds led by the Treasury Secretary),
"Commerce", "CBP" (collection starts and stops), "CDC", "FBI" and "Supreme Court". The Chinese
side is "Customs Tariff Commission" (tariffs), "MOFCOM", "Ministry of Public Security" (drug
scheduling and police cooperation, incl. joint notices it leads), "NNCC", "MFA" and
"State Council Information Office". `counterpart` names a country ("China", "United States"),
"All countries", a list ("United States, Mexico, Canada") or is blank.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from analysis.contracts import EVENTS, validate
from analysis.errors import DataError
from analysis.sources._csv import read_csv

#: Normalised actor → country code ("US" or "CN").
ACTORS: dict[str, str] = {
    "White House": "US",
    "USTR": "US",
    "Treasury": "US",
    "Commerce": "US",
    "CBP": "US",
    "CDC": "US",
    "FBI": "US",
    "Supreme Court": "US",
    "Customs Tariff Commission": "CN",
    "MOFCOM": "CN",
    "Ministry of Public Security": "CN",
    "NNCC": "CN",
    "MFA": "CN",
    "State Council Information Office": "CN",
}

COLUMNS = {
    "event_id": "str",
    "date": "date",
    "announced": "date",
    "date_precision": "str",
    "event_type": "str",
    "actor": "str",
    "counterpart": "str",
    "summary": "str",
    "citation": "str",
    "confidence": "float",
}
REQUIRED = ("event_id", "date", "event_type", "actor", "summary", "citation", "confidence")


def actor_country(actor: str) -> str | None:
    """ "US" or "CN" for a normalised actor (None when unknown)."""
    return ACTORS.get(actor)


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """Read one events.csv and return the validated `events` rows (origin "curated")."""
    return validate(_frame(Path(path)), EVENTS)


def load_many(paths: list[Path]) -> pl.DataFrame:
    """Every vintage's rows; an event_id repeated across files is a duplicate-key error."""
    if not paths:
        return EVENTS.empty()
    return validate(pl.concat([_frame(Path(p)) for p in paths], how="vertical"), EVENTS)


def _frame(path: Path) -> pl.DataFrame:
    """The file's rows with the contract's derived columns, keeping `_file`/`_line`."""
    raw = read_csv(path, COLUMNS, required=REQUIRED)
    _check_actors(raw, path)
    return raw.with_columns(
        pl.col("date_precision").fill_null("day"),
        pl.lit("explicit").alias("date_basis"),
        pl.lit(None, dtype=pl.String).alias("evidence"),
        pl.lit(None, dtype=pl.String).alias("article_id"),
        pl.lit("curated").alias("origin"),
        pl.lit(None, dtype=pl.Int64).alias("n_sources"),
    )


def _check_actors(frame: pl.DataFrame, path: Path) -> None:
    bad = frame.filter(pl.col("actor").is_not_null() & ~pl.col("actor").is_in(list(ACTORS)))
    if bad.height:
        row = bad.row(0, named=True)
        msg = f"unknown actor ({bad.height} row(s))"
        raise DataError(
            msg,
            file=path,
            line=row["_line"],
            column="actor",
            expected="one of " + ", ".join(ACTORS),
            found=row["actor"],
            fix="use a normalised actor (see analysis.sources.timeline), or add it to ACTORS",
        )
