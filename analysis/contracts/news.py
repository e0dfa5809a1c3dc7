"""Contracts of the `articles` and `events` tables (news → dated, typed events)."""

import polars as pl

from analysis.contracts.base import Check, Column, Table

EVENT_TYPES = frozenset({"diplomatic", "trade_policy", "enforcement", "public_health"})
PRECISIONS = frozenset({"day", "week", "month", "year"})
BASES = frozenset({"explicit", "relative", "published"})
DATE_SOURCES = frozenset(
    {
        "json-ld",
        "meta",
        "time",
        "url",
        "byline",
        "front-matter",
        "jsonl",
        "sidecar",
        "caller",
        "htmldate",
    }
)
ORIGINS = frozenset({"curated", "extracted"})

ARTICLES = Table(
    name="articles",
    description="News articles and official documents, one row per story (duplicates merged).",
    columns=(
        Column("article_id", pl.String, "stable hash of the normalized text", nullable=False),
        Column("url", pl.String, "canonical URL (first seen)"),
        Column("urls", pl.List(pl.String), "every URL the story was seen at"),
        Column("outlet", pl.String, "publisher or site"),
        Column("title", pl.String, "headline", nullable=False),
        Column("authors", pl.List(pl.String), "bylines"),
        Column("published", pl.Date, "publication day in the publisher's calendar"),
        Column("published_at", pl.Datetime("us", "UTC"), "publication instant when known"),
        Column(
            "date_source",
            pl.String,
            "where the day came from: page markup (json-ld, meta, time, url, byline), "
            "front-matter, a jsonl field, the file's sidecar, the caller, or htmldate's guess",
            allowed=DATE_SOURCES,
        ),
        Column("language", pl.String, "ISO 639-1 code"),
        Column("text", pl.String, "article body", nullable=False),
        Column("word_count", pl.Int64, "words in text", unit="words", minimum=0),
        Column("raw_path", pl.String, "raw file the article was read from"),
        Column("raw_sha256", pl.String, "sha256 of the raw bytes"),
        Column("extractor", pl.String, "extraction method"),
    ),
    key=("article_id",),
)

EVENTS = Table(
    name="events",
    description="Dated, typed events with actor, counterpart, summary and evidence, curated from "
    "cited facts or extracted from articles.",
    columns=(
        Column("event_id", pl.String, "stable identifier", nullable=False),
        Column(
            "date",
            pl.Date,
            "calendar day of the event (start of its precision period)",
            nullable=False,
        ),
        Column(
            "date_precision", pl.String, "how precise `date` is", allowed=PRECISIONS, nullable=False
        ),
        Column(
            "date_basis",
            pl.String,
            "explicit date, resolved relative phrase, or the publication day",
            allowed=BASES,
            nullable=False,
        ),
        Column("announced", pl.Date, "day announced, when it differs from `date`"),
        Column("event_type", pl.String, "event type", allowed=EVENT_TYPES, nullable=False),
        Column("actor", pl.String, "government, agency or official acting", nullable=False),
        Column("counterpart", pl.String, "the other side, if any"),
        Column("summary", pl.String, "short description in the kit's words", nullable=False),
        Column(
            "evidence",
            pl.String,
            "the sentence(s) the event rests on; a row merged from several articles keeps every "
            "distinct sentence, joined by a line holding only '---'",
        ),
        Column("article_id", pl.String, "article the event came from (null for curated)"),
        Column("origin", pl.String, "curated or extracted", allowed=ORIGINS, nullable=False),
        Column("citation", pl.String, "source of the fact", nullable=False),
        Column("confidence", pl.Float64, "0–1", minimum=0, maximum=1, nullable=False),
        Column(
            "n_sources",
            pl.Int64,
            "number of distinct articles reporting the event (null for curated rows)",
            minimum=1,
        ),
    ),
    key=("event_id",),
    checks=(
        Check(
            "citation",
            lambda: pl.col("citation").str.strip_chars() == "",
            "a citation",
            "cite the source of the event",
        ),
        Check(
            "announced",
            lambda: pl.col("announced") > pl.col("date"),
            "an announcement on or before the event's date",
            "check both dates; swap them if the columns were exchanged",
        ),
    ),
)
