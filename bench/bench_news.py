"""Article ingest (and event extraction when `analysis.events.extract_events` exists): speed,
quality and memory. Pinned to one CPU core.

Prints:
1. quality on the hand-marked fixture pages (tests/data/news/pages): body-text F1 and share of
   pages with the right publication day, for the kit and for newspaper4k / trafilatura alone;
2. White House documents (../shared/data/news/whitehouse_briefings, 128 Markdown files): documents
   per second for ingest alone and for ingest + extraction, cold (empty cache), and the time of a
   second run with nothing changed;
3. saved HTML pages (the fixture pages in 20 variants each, 300 pages): the same figures;
4. peak memory (max RSS of a child process) while streaming N documents (default 100,000) from a
   JSON-lines file through `stream_batches` in batches of 1,000.

Usage: `.venv/bin/python bench/bench_news.py [--docs 100000] [--skip-memory]`
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Hand-marked pages: the demo corpus in data/raw plus the extra test fixtures.
PAGE_DIRS = (
    ROOT / "data" / "raw" / "news" / "demo_2026-11",
    ROOT / "tests" / "data" / "news" / "pages",
)
EXPECTED = ROOT / "tests" / "data" / "news" / "expected.json"


def one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def extractor() -> Callable | None:
    """H3b's event extraction, when present: `extract_events(articles_frame) -> events frame`."""
    try:
        mod = importlib.import_module("analysis.events")
    except ImportError:
        return None
    return getattr(mod, "extract_events", None)


def quality() -> None:
    from analysis.news.quality import newspaper_only, ours, score_pages, trafilatura_only

    ours("<html><body><p>" + "warm up the imports " * 20 + "</p></body></html>")
    marks = json.loads(EXPECTED.read_text(encoding="utf-8"))
    held = {k for k, v in marks.items() if v.get("heldout")}
    print(f"1. quality on {len(marks)} hand-marked pages ({len(held)} written as a held-out set)")
    for name, fn in (
        ("kit", ours),
        ("newspaper4k", newspaper_only),
        ("trafilatura", trafilatura_only),
    ):
        scores = score_pages(PAGE_DIRS, EXPECTED, fn)
        f1 = sum(s.f1 for s in scores) / len(scores)
        low = min(s.f1 for s in scores)
        days = sum(s.day_ok for s in scores) / len(scores)
        ms = 1000 * sum(s.seconds for s in scores) / len(scores)
        print(
            f"   {name:12s} text F1 {f1:.3f} (min {low:.3f})  day right {days:.1%}  "
            f"{ms:.1f} ms/page"
        )


def timed(inputs: list, label: str, n_docs: int, runs: int = 3) -> None:
    """Median of `runs` cold runs (each with its own empty cache): this VM varies by ±25%."""
    from analysis.sources.news import read_articles

    extract = extractor()
    home = Path(os.environ["PRECURSOR_HOME"])
    rounds = []
    for i in range(runs):
        os.environ["PRECURSOR_HOME"] = str(home / f"cold-{label.replace(' ', '-')}-{i}")
        start = time.perf_counter()
        frame, errors = read_articles(inputs)
        ingest = time.perf_counter() - start
        total = ingest
        if extract is not None:  # --- event extraction ---
            start = time.perf_counter()
            try:
                events = extract(frame)
            except Exception as exc:
                print(f"   {label}: extraction failed: {type(exc).__name__}: {str(exc)[:120]}")
                extract = None
            else:
                total += time.perf_counter() - start
        rounds.append((ingest, total))
    ingest = statistics.median(r[0] for r in rounds)
    total = statistics.median(r[1] for r in rounds)
    line = f"   {label}: {frame.height} articles ({len(errors)} errors) from {n_docs} documents; "
    line += f"median of {runs} cold runs: ingest {n_docs / ingest:.0f} docs/s"
    if extract is not None:
        per_run = ", ".join(f"{n_docs / r[1]:.0f}" for r in rounds)
        line += (
            f"; ingest + extraction {n_docs / total:.0f} docs/s ({events.height} events; "
            f"runs: {per_run})"
        )
    print(line)
    start = time.perf_counter()
    frame2, _ = read_articles(inputs)
    again = time.perf_counter() - start
    if extract is not None:
        extract(frame2)
        again2 = time.perf_counter() - start
        print(
            f"   {label} second run, nothing changed: ingest {again:.2f} s "
            f"({again / ingest:.0%} of cold); with extraction {again2:.2f} s"
        )
    else:
        print(
            f"   {label} second run, nothing changed: ingest {again:.2f} s ({again / ingest:.0%})"
        )
    os.environ["PRECURSOR_HOME"] = str(home)


def speed(tmp: Path) -> None:
    os.environ["PRECURSOR_HOME"] = str(tmp / "home")
    from analysis.config import shared_data_dir

    shared = shared_data_dir()
    print("2. White House documents (cold cache, one core)")
    if shared is None:
        print("   skipped: ../shared/data absent")
    else:
        wh = shared / "news" / "whitehouse_briefings"
        timed([wh], "white house", len(list(wh.rglob("*.md"))))
    print("3. saved HTML pages (cold cache, one core)")
    folder = tmp / "pages"
    folder.mkdir()
    n = 0
    for page in sorted(p for d in PAGE_DIRS for p in d.glob("*.html")):
        html = page.read_bytes()
        for i in range(20):
            marker = f"<!-- variant {i} -->".encode()
            body = html.replace(b"</p>", f" Variant {i}.</p>".encode(), 1) + marker
            (folder / f"{page.stem}-{i:02d}.html").write_bytes(body)
            n += 1
    timed([folder], "html pages", n)


def make_corpus(path: Path, docs: int) -> None:
    """`docs` distinct articles built from shuffled White House paragraphs (about 2 kB each)."""
    from analysis.config import shared_data_dir
    from analysis.news.frontmatter import extract_markdown

    pool: list[str] = []
    shared = shared_data_dir()
    sources = sorted((shared / "news" / "whitehouse_briefings").rglob("*.md")) if shared else []
    for f in sources:
        pool += [p for p in extract_markdown(f.read_text())["text"].split("\n\n") if len(p) > 120]
    if not pool:
        pool = [
            p for d in PAGE_DIRS for f in d.glob("*.html") for p in f.read_text().split("<p>")[1:]
        ]
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(docs):
            paras = rng.sample(pool, 5)
            rec = {
                "title": f"Document {i}",
                "url": f"https://example.org/{i}",
                "published": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "text": "\n\n".join(paras),
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def stream_child(path: str) -> None:
    """Run in a child process: stream the corpus, report rows, errors, time and max RSS."""
    one_core()
    from analysis.sources.news import stream_batches

    start = time.perf_counter()
    rows = errors = 0
    for part in stream_batches([path], use_cache=False):
        if hasattr(part, "height"):
            rows += part.height
        else:
            errors += 1
    took = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": rows, "errors": errors, "seconds": took, "max_rss_mb": rss_mb}))


def memory(tmp: Path, docs: int) -> None:
    print(f"4. streaming {docs:,} documents from JSON lines (child process, one core)")
    corpus = tmp / "corpus.jsonl"
    make_corpus(corpus, docs)
    size = corpus.stat().st_size / 1e6
    proc = subprocess.run(
        [sys.executable, __file__, "--stream-child", str(corpus)],
        capture_output=True,
        text=True,
        env={**os.environ, "PRECURSOR_HOME": str(tmp / "home-stream")},
        check=False,
    )
    if proc.returncode:
        sys.exit(proc.stderr)
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    print(
        f"   {res['rows']:,} unique articles ({res['errors']} errors) from a {size:.0f} MB file in "
        f"{res['seconds']:.0f} s ({docs / res['seconds']:.0f} docs/s); "
        f"peak memory {res['max_rss_mb']:.0f} MB"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=100_000, help="documents for the memory run")
    p.add_argument("--skip-memory", action="store_true")
    p.add_argument("--stream-child", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.stream_child:
        stream_child(args.stream_child)
        return
    one_core()
    with tempfile.TemporaryDirectory(prefix="precursor-bench-news-") as tmp:
        quality()
        speed(Path(tmp))
        if not args.skip_memory:
            memory(Path(tmp), args.docs)


if __name__ == "__main__":
    main()
