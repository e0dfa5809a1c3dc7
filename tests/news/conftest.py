"""Fixtures for the news tests: fixture pages with hand-marked bodies, an isolated cache home."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "news"
#: The demo corpus shipped in data/raw is hand-marked too; tests/data/news/pages adds the rest.
DEMO = Path(__file__).resolve().parents[2] / "data" / "raw" / "news" / "demo_2026-11"
PAGE_DIRS = (DEMO, DATA / "pages")


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """One folder holding every hand-marked page (copies, so tests may read it as a corpus)."""
    from analysis.news.quality import marked_page_files

    folder = tmp_path / "pages"
    folder.mkdir()
    for name, path in marked_page_files(*PAGE_DIRS).items():
        shutil.copyfile(path, folder / name)
    return folder


@pytest.fixture
def expected() -> dict[str, dict]:
    """{page file name: {published, body, facts, url}} marked by hand for each fixture page."""
    return json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project home in tmp_path so the parse cache never touches the repository."""
    monkeypatch.setenv("PRECURSOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"
