"""Download a new release (CDC VSRR, CBP seizures, a FRED series) into data/raw with its sidecar.

`precursor fetch cdc-vsrr | cdc-vsrr-api | cbp-seizures | fred SERIES [--url URL] [--allow-http]
[--timeout S] [--max-bytes N] [--vintage YYYY-MM-DD]`
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import urlparse


@dataclass(frozen=True)
class Release:
    """Where a publisher's file lives and how its sidecar describes it."""

    source: str
    url: str
    filename: str
    publisher: str
    dataset: str
    license: str
    citation: str


CDC_CITATION = (
    "Ahmad FB, Cisewski JA, Rossen LM, Sutton P. Provisional drug overdose death counts. "
    "National Center for Health Statistics. {year}."
)
RELEASES = {
    "cdc-vsrr": Release(
        "cdc_vsrr",
        "https://data.cdc.gov/api/views/xkb8-kh2a/rows.csv?accessType=DOWNLOAD",
        "VSRR_Provisional_Drug_Overdose_Death_Counts.csv",
        "CDC National Center for Health Statistics",
        "VSRR Provisional Drug Overdose Death Counts (portal CSV, xkb8-kh2a)",
        "Public domain (U.S. Government work)",
        CDC_CITATION,
    ),
    "cdc-vsrr-api": Release(
        "cdc_vsrr",
        "https://data.cdc.gov/resource/xkb8-kh2a.csv?$limit=1000000",
        "xkb8-kh2a_api.csv",
        "CDC National Center for Health Statistics",
        "VSRR Provisional Drug Overdose Death Counts (SODA API CSV, xkb8-kh2a)",
        "Public domain (U.S. Government work)",
        CDC_CITATION,
    ),
    "cbp-seizures": Release(
        "cbp_seizures",
        "https://www.cbp.gov/sites/default/files/2026-01/nationwide-drugs-fy23-fy26-dec.csv",
        "",
        "U.S. Customs and Border Protection",
        "Drug Seizure Statistics, nationwide (OFO and USBP) by month",
        "Public domain (U.S. Government work)",
        "U.S. Customs and Border Protection, Drug Seizure Statistics, "
        "https://www.cbp.gov/newsroom/stats/drug-seizure-statistics, accessed {today}.",
    ),
    "fred": Release(
        "trade",
        "https://fred.stlouisfed.org/graph/fredgraph.csv?id={series}",
        "{series}.csv",
        "U.S. Census Bureau via Federal Reserve Bank of St. Louis (FRED)",
        "FRED series {series}",
        "Public domain (U.S. Census Bureau data); FRED terms of use apply",
        "U.S. Census Bureau, {series}, retrieved from FRED, Federal Reserve Bank of St. Louis; "
        "https://fred.stlouisfed.org/series/{series}, {today}.",
    ),
}


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=sorted(RELEASES), help="which release to download")
    p.add_argument("series", nargs="?", help="FRED series id for `fred` (e.g. IMPCH, EXPCH)")
    p.add_argument("--url", help="download from this URL instead (a mirror or a test server)")
    p.add_argument("--allow-http", action="store_true", help="allow plain http:// URLs")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds without data (30)")
    p.add_argument("--max-bytes", type=int, default=200_000_000, help="size cap (200 MB)")
    p.add_argument("--retries", type=int, default=3, help="attempts on transient errors (3)")
    p.add_argument("--vintage", help="release date YYYY-MM-DD for the folder (default: today)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from analysis.errors import DataError
    from analysis.fetch import Limits, fetch
    from analysis.sources import get_source

    rel = RELEASES[args.what]
    series = (args.series or "").strip().upper()
    if args.what == "fred" and not series:
        msg = "`precursor fetch fred` needs a series id"
        raise DataError(msg, expected="e.g. IMPCH or EXPCH", fix="precursor fetch fred IMPCH")
    if args.what != "fred" and series:
        msg = f"`{args.what}` takes no series id"
        raise DataError(msg, found=series, fix=f"precursor fetch {args.what}")
    today = date.today().isoformat()
    url = args.url or rel.url.format(series=series)
    filename = rel.filename.format(series=series) or PurePosixPath(urlparse(url).path).name
    vintage = date.fromisoformat(args.vintage) if args.vintage else None
    fmt = {"series": series, "today": today, "year": today[:4]}
    sidecar = {
        "publisher": rel.publisher,
        "dataset": rel.dataset.format(**fmt),
        "url": url,
        "license": rel.license,
        "citation": rel.citation.format(**fmt),
    }
    if args.url:
        sidecar["note"] = f"fetched from {args.url}; publisher URL {rel.url.format(**fmt)}"
    loader = get_source(rel.source).load
    path = fetch(
        url,
        source=rel.source,
        filename=filename,
        loader=loader,
        sidecar=sidecar,
        vintage=vintage,
        allow_http=args.allow_http,
        limits=Limits(timeout=args.timeout, max_bytes=args.max_bytes, retries=args.retries),
        progress=not args.no_progress,
    )
    rows = loader(path).height
    print(f"{rel.source}: {path} ({rows} rows) with sidecar", file=sys.stderr)
    return 0
