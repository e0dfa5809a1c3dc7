"""One event, many reports: merge rows of the same event seen in several articles.

Two extracted rows are the same event when they have the same type and actor (an actor that is a
bare country, "United States", matches any actor of that country, and the merged row keeps the
more specific one, e.g. "White House"), compatible dates
(one's precision window contains the other's date) and either the same date and precision or
evidence sharing at least a quarter of its content words. The merged row keeps the most precise
date, the highest confidence, every distinct evidence sentence (joined by EVIDENCE_SEP, in the
order first seen), the first article's id, and `n_sources` = number of distinct articles.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

import polars as pl

from analysis.contracts.news import EVENTS
from analysis.events.gazetteer import country_of

EVIDENCE_SEP = "\n---\n"
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_WORD = re.compile(r"[a-z][a-z-]{3,}")
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "been",
        "were",
        "will",
        "would",
        "their",
        "there",
        "which",
        "about",
        "after",
        "said",
    ]
)


def window(day: date, precision: str) -> tuple[date, date]:
    """First and last day covered by a date at its precision (week = Monday..Sunday)."""
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day, nxt - timedelta(days=1)
    if precision == "year":
        return day, date(day.year, 12, 31)
    return day, day


def compatible(a: tuple[date, str], b: tuple[date, str]) -> bool:
    """True when one date's window contains the other's (coarse "week" holds its days)."""
    return overlaps(window(*a), window(*b))


def overlaps(wa: tuple[date, date], wb: tuple[date, date]) -> bool:
    """True when one window starts inside the other."""
    return wa[0] <= wb[0] <= wa[1] or wb[0] <= wa[0] <= wb[1]


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def overlap(a: str, b: str) -> float:
    """Share of the smaller sentence's content words found in the other."""
    wa, wb = words(a), words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def merge_reports(frame: pl.DataFrame, *, min_overlap: float = 0.25) -> pl.DataFrame:
    """Collapse rows reporting the same event (see module docstring); curated rows pass through."""
    if frame.height == 0:
        return frame
    curated = frame.filter(pl.col("origin") != "extracted")
    rows = frame.filter(pl.col("origin") == "extracted").sort("date").to_dicts()
    rows.sort(key=lambda r: _RANK[r["date_precision"]])
    clusters: list[dict] = []
    # clusters by (type, side, year): a date's window spans at most two calendar years, so only
    # the clusters filed under the row's years can hold it (not every cluster of the side)
    index: dict[tuple[str, str, int], list[dict]] = {}
    for row in rows:
        side = country_of(row["actor"]) or row["actor"]
        win = window(row["date"], row["date_precision"])
        years = range(win[0].year, win[1].year + 1)
        near = [c for y in years for c in index.get((row["event_type"], side, y), [])]
        if len(years) > 1:
            near = sorted({id(c): c for c in near}.values(), key=lambda c: c["_n"])
        target = None
        for c in near:
            if not overlaps(c["_win"], win):
                continue
            if row["article_id"] in c["_articles"]:
                continue
            if c["actor"] != row["actor"] and side not in (c["actor"], row["actor"]):
                continue
            same_day = c["date"] == row["date"] and c["date_precision"] == row["date_precision"]
            if same_day or any(
                overlap(e, row["evidence"] or "") >= min_overlap for e in c["_evidence"]
            ):
                target = c
                break
        if target is None:
            c = {**row, "_articles": [row["article_id"]], "_evidence": [row["evidence"] or ""]}
            c["_win"], c["_n"] = win, len(clusters)
            clusters.append(c)
            for y in years:
                index.setdefault((row["event_type"], side, y), []).append(c)
            continue
        target["_articles"].append(row["article_id"])
        if row["evidence"] and row["evidence"] not in target["_evidence"]:
            target["_evidence"].append(row["evidence"])
        target["confidence"] = max(target["confidence"], row["confidence"])
        target["counterpart"] = target["counterpart"] or row["counterpart"]
        if target["actor"] == side:
            target["actor"] = row["actor"]  # the institution rather than the bare country
    out = []
    for c in clusters:
        del c["_win"], c["_n"]
        articles = list(dict.fromkeys(a for a in c.pop("_articles") if a is not None))
        evidence = c.pop("_evidence")
        c["evidence"] = EVIDENCE_SEP.join(evidence)
        c["n_sources"] = max(len(articles), 1)
        if len(articles) > 1:
            # the first report's id is unique, so two clusters over the same articles never clash
            key = c["event_id"] + "|" + "|".join(sorted(articles))
            c["event_id"] = "ev_" + hashlib.sha256(key.encode()).hexdigest()[:16]
            c["citation"] = f"{c['citation']} (+{len(articles) - 1} more)"
        out.append(c)
    merged = pl.DataFrame(out, schema=EVENTS.schema) if out else EVENTS.empty()
    return pl.concat([curated.select(EVENTS.names), merged], how="vertical").sort(
        ["date", "event_type"]
    )
