"""Up-to-date checks without polars: the fast path of an unchanged `precursor build`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from analysis import config, freshness
from analysis.pipeline import build

TABLES = ["tariff_actions", "tariff_rates"]


def test_table_state_is_fresh_only_after_a_build(make_project: Callable[..., Path]) -> None:
    make_project(["tariffs", "tariff_tracker"])
    raw, processed = config.raw_dir(), config.processed_dir()
    before = freshness.table_state("tariff_rates", {}, raw, processed)
    assert before.has_input and not before.fresh and len(before.records) == 2
    build(TABLES, log=lambda m: None)
    manifest = freshness.read_manifest(processed)["tables"]
    after = freshness.table_state("tariff_rates", manifest, raw, processed)
    assert after.fresh and after.records == manifest["tariff_rates"]["inputs"]
    (processed / "tariff_rates.parquet").write_bytes(b"tampered")
    assert not freshness.table_state("tariff_rates", manifest, raw, processed).fresh
    assert not freshness.table_state("overdose", manifest, raw, processed).has_input


def _run(root: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; sys.argv = ['precursor', *sys.argv[1:]]\n"
        "from analysis.cli import main\n"
        "rc = main()\n"
        "print('POLARS_IMPORTED' if 'polars' in sys.modules else 'NO_POLARS')\n"
        "raise SystemExit(rc)\n"
    )
    env = {**os.environ, "PRECURSOR_HOME": str(root)}
    return subprocess.run(
        [sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True, check=False
    )


def test_unchanged_build_answers_without_importing_polars(
    make_project: Callable[..., Path],
) -> None:
    root = make_project(["tariffs", "tariff_tracker"])
    first = _run(root, "build")
    assert first.returncode == 0, first.stderr
    assert "built tariff_actions" in first.stdout and "POLARS_IMPORTED" in first.stdout
    manifest = (root / "data" / "processed" / "manifest.json").read_bytes()
    second = _run(root, "build")
    assert second.returncode == 0, second.stderr
    assert "NO_POLARS" in second.stdout
    assert "skip  tariff_rates" in second.stdout and "built 0 table(s)" in second.stdout
    assert (root / "data" / "processed" / "manifest.json").read_bytes() == manifest


def test_fast_path_still_verifies_sidecars(make_project: Callable[..., Path]) -> None:
    root = make_project(["tariffs", "tariff_tracker"])
    assert _run(root, "build").returncode == 0
    raw_file = next((root / "data" / "raw" / "tariffs").glob("*/tariff_actions.csv"))
    raw_file.write_text(raw_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    out = _run(root, "build")
    assert out.returncode == 1
    assert "raw file changed since its sidecar was written" in out.stderr
    assert str(raw_file.name) in out.stderr


def test_a_changed_input_leaves_the_fast_path(make_project: Callable[..., Path]) -> None:
    root = make_project(["tariffs", "tariff_tracker"])
    assert _run(root, "build").returncode == 0
    manifest = root / "data" / "processed" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["tables"]["tariff_rates"]["code_version"] = "older"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    out = _run(root, "build")
    assert out.returncode == 0, out.stderr
    assert "built tariff_rates" in out.stdout and "skip  tariff_actions" in out.stdout
