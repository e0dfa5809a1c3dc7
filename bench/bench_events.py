"""Event-extraction figures for issue 4 (the ingest figures live in bench/bench_news.py).

Prints, on the White House documents in ../shared/data/news/whitehouse_briefings (one core):
1. documents per second for ingest (`read_articles`, no cache) + event extraction, and for the
   extraction alone on the ingested texts;
2. peak resident memory while streaming N documents (default 100,000) through
   `extract_from_text` one at a time, keeping only the extracted events (the results), in a
   fresh child process so earlier steps do not count.

Usage: `.venv/bin/python bench/bench_events.py [--stream N]`
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.config import shared_data_dir  # noqa: E402


def corpus() -> Path:
    shared = shared_data_dir()
    folder = shared / "news" / "whitehouse_briefings" if shared else None
    if folder is None or not folder.is_dir():
        sys.exit("…/shared/data absent: the White House documents are needed for this benchmark")
    return folder


def throughput(folder: Path, runs: int = 3) -> None:
    """Median of `runs` cold runs (no parse cache): this shared VM's timings vary by ±25%."""
    from analysis.events import extract_events
    from analysis.sources.news import read_articles

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    rounds = []
    for _ in range(runs):
        t0 = time.perf_counter()
        articles, errors = read_articles([folder], use_cache=False)
        t1 = time.perf_counter()
        events = extract_events(articles, merge=False)
        t2 = time.perf_counter()
        rounds.append((t2 - t0, t1 - t0, t2 - t1))
    n = articles.height
    total, ingest, extract = (statistics.median(r[i] for r in rounds) for i in range(3))
    spread = ", ".join(f"{n / r[0]:.0f}" for r in rounds)
    print(f"documents: {n} ({len(errors)} failed), events extracted: {events.height}")
    print(f"median of {runs} cold runs on one core (docs/s per run: {spread})")
    print(f"ingest + extraction: {total:6.2f} s  {n / total:7.1f} docs/s  (target >= 50)")
    print(f"  ingest alone:      {ingest:6.2f} s  {n / ingest:7.1f} docs/s")
    print(f"  extraction alone:  {extract:6.2f} s  {n / extract:7.1f} docs/s")


def stream(folder: Path, count: int) -> None:
    """Child process: extract from `count` documents one by one (texts cycled from the corpus)."""
    from datetime import date, timedelta

    from analysis.events import extract_from_text
    from analysis.events.text import strip_markup

    texts = [strip_markup(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.md"))]
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results = []
    checkpoint = max(1, count // 10)
    t0 = time.perf_counter()
    for i in range(count):
        text = texts[i % len(texts)]
        day = date(2021, 1, 1) + timedelta(days=i % 1800)
        for ev in extract_from_text(text, day, article_id=f"doc{i}"):
            results.append((ev.event_id, ev.event_type, ev.date))
        if (i + 1) % checkpoint == 0:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  {i + 1:7d} documents, {len(results):8d} events kept, peak RSS {rss:5.0f} MB")
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"streamed {count} documents in {dt:.0f} s ({count / dt:.0f} docs/s), "
        f"{len(results)} events kept; peak RSS {peak / 1024:.0f} MB "
        f"(after loading the corpus: {base / 1024:.0f} MB; target <= 1024 MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stream", type=int, default=100_000, help="documents to stream")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = corpus()
    if args.child:
        stream(folder, args.stream)
        return
    throughput(folder)
    if args.stream:
        subprocess.run(
            [sys.executable, __file__, "--child", "--stream", str(args.stream)], check=True
        )


if __name__ == "__main__":
    main()
