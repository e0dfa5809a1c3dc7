"""Shared fixtures for the whole suite (generic: any helper's tests may use them).

- `repo_root` — the checkout (folder holding `analysis/`).
- `shared_data` — `../shared/data` (real published files, read-only); the test is skipped with
  the reason "…/shared/data absent: …" when it is not there.
- `make_project(sources=None)` — factory: a fresh project folder under `tmp_path` with a copy of
  the repo's `data/raw/<source>/` folders (all, or only the named sources), an empty
  `data/processed/`, and `PRECURSOR_HOME` pointing at it for the rest of the test. Returns the
  project root.
- `project` — `make_project()` with every source copied.
- `rewrite_raw(path, data)` — replace a raw file's bytes (str is written as UTF-8) and rewrite
  its sidecar's sha256, so the loader (not the provenance check) sees the new content.
- `tree_hashes(folder)` — {relative path: sha256} of every file below `folder` (missing = {});
  compare before/after to prove a folder is byte-identical.
- `run_cli(*argv)` — run `analysis.cli.main` in-process; returns (exit code, stdout, stderr).
- `precursor_exe` — path of `.venv/bin/precursor` (skips when the venv has no entry point).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def repo_root() -> Path:
    return REPO


@pytest.fixture
def shared_data() -> Path:
    from analysis.config import shared_data_dir

    found = shared_data_dir()
    if found is None:
        pytest.skip(
            "…/shared/data absent: the real published files (CDC, CBP, Census, tariff tracker) "
            "are not on this machine; set PRECURSOR_SHARED_DATA to run these tests"
        )
    return found


@pytest.fixture
def make_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    def make(sources: list[str] | None = None) -> Path:
        root = tmp_path / "project"
        raw = root / "data" / "raw"
        raw.mkdir(parents=True, exist_ok=True)
        (root / "data" / "processed").mkdir(parents=True, exist_ok=True)
        src_raw = REPO / "data" / "raw"
        names = sources if sources is not None else [p.name for p in src_raw.iterdir()]
        for name in names:
            if (src_raw / name).is_dir():
                shutil.copytree(src_raw / name, raw / name, dirs_exist_ok=True)
        monkeypatch.setenv("PRECURSOR_HOME", str(root))
        return root

    return make


@pytest.fixture
def project(make_project: Callable[..., Path]) -> Path:
    return make_project()


def _rewrite_raw(path: Path, data: str | bytes) -> Path:
    from analysis.provenance import sha256_file, sidecar_path

    path = Path(path)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    meta = sidecar_path(path)
    if meta.exists():
        side = json.loads(meta.read_text(encoding="utf-8"))
        side["sha256"] = sha256_file(path)
        meta.write_text(json.dumps(side, indent=2) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def rewrite_raw() -> Callable[[Path, str | bytes], Path]:
    return _rewrite_raw


def _tree_hashes(folder: Path) -> dict[str, str]:
    folder = Path(folder)
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def tree_hashes() -> Callable[[Path], dict[str, str]]:
    return _tree_hashes


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    from analysis.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def precursor_exe() -> Path:
    exe = Path(sys.executable).parent / "precursor"
    if not exe.exists() or not os.access(exe, os.X_OK):
        pytest.skip(f"no `precursor` entry point beside {sys.executable}: run `make install`")
    return exe
