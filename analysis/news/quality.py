"""Measure extraction against hand-marked pages: body-text F1 and publication-day accuracy."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.news.text import normalized


def token_f1(got: str, want: str) -> float:
    """Bag-of-words F1 of normalized tokens (the usual measure of article-body extraction)."""
    a, b = Counter(normalized(got).split()), Counter(normalized(want).split())
    hit = sum((a & b).values())
    if not hit:
        return 0.0
    p, r = hit / sum(a.values()), hit / sum(b.values())
    return 2 * p * r / (p + r)


@dataclass(frozen=True)
class PageScore:
    page: str
    f1: float
    day_ok: bool
    seconds: float


def marked_page_files(*folders: Path) -> dict[str, Path]:
    """{file name: path} of the .html pages in `folders` (demo corpus and test fixtures)."""
    return {p.name: p for folder in folders for p in sorted(Path(folder).glob("*.html"))}


def score_pages(
    folders: Path | Sequence[Path],
    expected_file: Path,
    extract: Callable[[str], tuple[str, str | None]],
) -> list[PageScore]:
    """Run `extract(html) -> (text, "YYYY-MM-DD" or None)` over the pages in `expected_file`."""
    marks = json.loads(Path(expected_file).read_text(encoding="utf-8"))
    files = marked_page_files(*([folders] if isinstance(folders, Path) else folders))
    out = []
    for name, mark in marks.items():
        html = files[name].read_text(encoding="utf-8")
        start = time.perf_counter()
        text, day = extract(html)
        took = time.perf_counter() - start
        out.append(
            PageScore(name, token_f1(text or "", mark["body"]), day == mark["published"], took)
        )
    return out


def ours(html: str) -> tuple[str, str | None]:
    """The kit's extractor (markup dates + trafilatura body, newspaper4k fallback)."""
    from analysis.news.html import extract_html

    rec = extract_html(html)
    return rec["text"], rec["published"].isoformat() if rec["published"] else None


def newspaper_only(html: str) -> tuple[str, str | None]:
    """newspaper4k alone (images off, no nlp()), for comparison."""
    from analysis.news.html import newspaper_article

    Article = newspaper_article()

    art = Article("http://localhost/article", fetch_images=False)
    art.download(input_html=html)
    art.parse()
    day = art.publish_date.date().isoformat() if art.publish_date else None
    return art.text, day


def trafilatura_only(html: str) -> tuple[str, str | None]:
    """trafilatura alone (its own htmldate-based date), for comparison."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return "", None
    return doc.text or "", (doc.date or None)
