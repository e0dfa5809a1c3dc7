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
