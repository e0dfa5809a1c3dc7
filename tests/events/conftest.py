"""Fixtures for the events tests: the seed article (skipped with a reason when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def seed_text(shared_data: Path) -> tuple[str, str]:
    """(title, body) of the seed article in ../shared/seed/."""
    path = shared_data.parent / "seed" / "000_c71b8d0b693a1073.txt"
    if not path.exists():
        pytest.skip(f"…/shared/seed absent: {path} not found")
    title, body = path.read_text(encoding="utf-8").split("\n", 1)
    return title, body


@pytest.fixture
def whitehouse(shared_data: Path) -> Path:
    folder = shared_data / "news" / "whitehouse_briefings"
    if not folder.is_dir():
        pytest.skip(f"…/shared/data absent: {folder} not found")
    return folder


@pytest.fixture(scope="session")
def gold_texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Article bodies of the events gold set's pages (tests/data/events/pages), as ingested."""
    import os

    from analysis.sources.news import read_articles

    old = os.environ.get("PRECURSOR_HOME")
    os.environ["PRECURSOR_HOME"] = str(tmp_path_factory.mktemp("gold-home"))
    try:
        frame, errors = read_articles([Path(__file__).parents[1] / "data" / "events" / "pages"])
    finally:
        if old is None:
            os.environ.pop("PRECURSOR_HOME", None)
        else:
            os.environ["PRECURSOR_HOME"] = old
    assert not errors, errors[:3]
    return list(frame["text"])
