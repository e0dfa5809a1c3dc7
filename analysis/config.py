"""Project paths. `PRECURSOR_HOME` points the kit at another project folder (tests use this)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def home() -> Path:
    """The project root: `$PRECURSOR_HOME`, else the folder holding the `analysis` package."""
    env = os.environ.get("PRECURSOR_HOME")
    return Path(env).resolve() if env else PACKAGE_DIR.parent


def raw_dir() -> Path:
    return home() / "data" / "raw"


def processed_dir() -> Path:
    return home() / "data" / "processed"


def reports_dir() -> Path:
    return home() / "reports"


def figures_dir() -> Path:
    return reports_dir() / "figures"


def notebooks_dir() -> Path:
    return home() / "notebooks"


def cache_dir() -> Path:
    return home() / "data" / "cache"


def shared_data_dir() -> Path | None:
    """`../shared/data` beside the project when present (tests read real files from it)."""
    env = os.environ.get("PRECURSOR_SHARED_DATA")
    candidates = [Path(env)] if env else []
    candidates += [PACKAGE_DIR.parent.parent / "shared" / "data"]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return None
