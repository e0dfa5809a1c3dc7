"""Fixtures for the news tests: fixture pages with hand-marked bodies, an isolated cache home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "news"


@pytest.fixture
def pages() -> Path:
    return DATA / "pages"


@pytest.fixture
def expected() -> dict[str, dict]:
    """{page file name: {published, body, facts, url}} marked by hand for each fixture page."""
    return json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project home in tmp_path so the parse cache never touches the repository."""
    monkeypatch.setenv("PRECURSOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"
