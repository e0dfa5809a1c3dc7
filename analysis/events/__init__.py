"""News → events: sentences, classification, gazetteer actors, date resolution, merging.

`extract_from_text(text, published)` reads one article body with the rules;
`extract_events(articles)` turns an `articles` frame into `events` rows (one row per event per
article, or merged across articles), keeping the rules' candidates that the learned screen
(`analysis.events.screen`) accepts, and adding the events the sentence model
(`analysis.events.sentence_model`) reads in the sentences the rules found nothing in;
`combine(frames)` builds the pipeline's `events` table from curated timeline rows and the news.

Actors follow the curated timeline's scheme (`analysis.sources.timeline.ACTORS`: "White House",
"USTR", "MOFCOM", "Ministry of Public Security", ...), so one institution gets one chart lane;
counterparts are countries. The mapping lives in the gazetteer's `canonical` column (rules in
`analysis.events.gazetteer`).

Conventions: a week-precision date is the Monday of the week, a month the 1st, a year 1 January.
A hedged or ongoing report with no date phrase ("is reportedly weighing", "has recently been
seeking") is dated to its publication week (precision "week", basis "published"). Evidence is the
sentence; a row merged from several articles joins their distinct sentences with EVIDENCE_SEP and
counts the articles in `n_sources`. Extracted ids are "ev_" + 16 hex digits of a hash of article,
sentence, type, date and actor, so they never collide with curated ids and are stable across runs.
"""

from __future__ import annotations

import polars as pl

from analysis.contracts import validate
from analysis.contracts.news import EVENTS
from analysis.events import screen as _screen
from analysis.events import sentence_model
from analysis.events.extract import (
    Event,
    citation_for,
    extract_from_text,
    iter_article_events,
    to_rows,
)
from analysis.events.merge import EVIDENCE_SEP, merge_reports

__all__ = [
    "EVIDENCE_SEP",
    "Event",
    "combine",
    "extract_events",
    "extract_from_text",
    "merge_reports",
]


def extract_events(
    articles: pl.DataFrame, *, merge: bool = True, screened: bool = True
) -> pl.DataFrame:
    """`events` rows (origin "extracted") from an `articles` frame; merged across articles.

    `screened`: keep only the candidates the learned screen (`analysis.events.screen`) accepts,
    with its probability as their confidence, and add the sentence model's events; False keeps
    every candidate of the rules and nothing else.
    """
    rows = [
        r
        for row, evs in iter_article_events(articles)
        for r in to_rows(
            _screen.apply(evs) + _proposed(row, evs) if screened else evs,
            citation=citation_for(row),
        )
    ]
    frame = pl.DataFrame(rows, schema=EVENTS.schema) if rows else EVENTS.empty()
    frame = frame.unique("event_id", keep="first", maintain_order=True)
    return validate(merge_reports(frame) if merge else frame, EVENTS)


def _proposed(row: dict, events: list[Event]) -> list[Event]:
    """The sentence model's events for the sentences the rules found nothing in."""
    if row.get("published") is None or not row.get("text"):
        return []
    return sentence_model.propose(
        row["text"], row["published"], events, article_id=row.get("article_id")
    )


def combine(frames: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """The `events` table: curated timeline rows plus events extracted from the news articles.

    Extracted ids are hashes prefixed "ev_"; a curated id that collides with one is a ContractError
    (duplicate key) rather than a silent overwrite.
    """
    parts = []
    timeline = frames.get("timeline")
    if timeline is not None and timeline.height:
        parts.append(timeline.select(EVENTS.names))
    news = frames.get("news")
    if news is not None and news.height:
        parts.append(extract_events(news))
    frame = pl.concat(parts, how="vertical") if parts else EVENTS.empty()
    return validate(frame, EVENTS)
