"""The raw → processed build: manifest, incremental skips, code versions, SIGKILL atomicity."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from analysis import config, freshness, pipeline, store
from analysis.contracts import get as get_contract
from analysis.contracts import validate
from analysis.provenance import write_sidecar
from analysis.sources import Source

MINE = ["tariffs", "tariff_tracker", "timeline"]
TARIFF_TABLES = ["tariff_actions", "tariff_rates"]
TRACKER = "tariff_tracker/2026-07-23/country-by-time.csv"


def quiet(_: str) -> None:
    pass


def build(only: list[str] | None = None, **kw: object) -> tuple[pipeline.BuildResult, list[str]]:
    lines: list[str] = []
    result = pipeline.build(only, log=lines.append, **kw)  # type: ignore[arg-type]
    return result, lines


def new_tracker_vintage(root: Path, bump: float = 1.0) -> Path:
    """Add a newer release of the tracker extract (one rate changed) with its own sidecar."""
    old = root / "data" / "raw" / TRACKER
    new = root / "data" / "raw" / "tariff_tracker" / "2026-08-01" / "country-by-time.csv"
    new.parent.mkdir(parents=True)
    lines = old.read_text(encoding="utf-8").splitlines()
    cells = lines[-1].split(",")
    cells[2] = str(float(cells[2]) + bump)
    lines[-1] = ",".join(cells)
    new.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_sidecar(
        new,
        publisher="test",
        dataset="tracker extract, edited for a test",
        url="file:test",
        license="test",
        citation="test copy",
    )
    return new


def test_build_writes_tables_and_manifest(make_project: Callable[..., Path]) -> None:
    root = make_project(MINE)
    result, lines = build(TARIFF_TABLES)
    assert result.built == TARIFF_TABLES and result.skipped == []
    processed = root / "data" / "processed"
    manifest = json.loads((processed / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["tables"]["tariff_rates"]
    assert [i["path"] for i in entry["inputs"]] == [
        "tariffs/2026-11-28/tariff_actions.csv",
        TRACKER,
    ]
    assert entry["rows"] == pl.read_parquet(processed / "tariff_rates.parquet").height
    assert entry["code_version"] == pipeline.code_version(pipeline.BUILDS["tariff_rates"])
    assert any(line.startswith("built tariff_rates") for line in lines)


def test_second_build_skips_every_table_and_says_which(
    make_project: Callable[..., Path], tree_hashes: Callable[[Path], dict]
) -> None:
    root = make_project(MINE)
    build(TARIFF_TABLES)
    before = tree_hashes(root / "data" / "processed")
    result, lines = build(TARIFF_TABLES)
    assert result.built == [] and result.skipped == TARIFF_TABLES
    assert lines == [
        "skip  tariff_actions  unchanged (63 rows)",
        f"skip  tariff_rates    unchanged ({result.rows['tariff_rates']} rows)",
    ]
    assert tree_hashes(root / "data" / "processed") == before


def test_new_vintage_rebuilds_only_the_tables_it_feeds(make_project: Callable[..., Path]) -> None:
    root = make_project(MINE)
    build([*TARIFF_TABLES, "events"])
    new_tracker_vintage(root)
    result, _ = build([*TARIFF_TABLES, "events"])
    assert result.built == ["tariff_rates"]
    assert result.skipped == ["tariff_actions", "events"]
    inputs = store.read_manifest()["tables"]["tariff_rates"]["inputs"]
    assert "tariff_tracker/2026-08-01/country-by-time.csv" in [i["path"] for i in inputs]


def test_changed_table_file_is_rebuilt(make_project: Callable[..., Path]) -> None:
    root = make_project(MINE)
    build(TARIFF_TABLES)
    (root / "data" / "processed" / "tariff_actions.parquet").write_bytes(b"not parquet")
    result, _ = build(TARIFF_TABLES)
    assert result.built == ["tariff_actions"]


def test_code_change_triggers_rebuild(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_project(MINE)
    build(TARIFF_TABLES)
    real = freshness.code_version
    monkeypatch.setattr(
        freshness,
        "code_version",
        lambda b: "edited" if b.table == "tariff_rates" else real(b),
    )
    result, _ = build(TARIFF_TABLES)
    assert result.built == ["tariff_rates"] and result.skipped == ["tariff_actions"]
    assert store.read_manifest()["tables"]["tariff_rates"]["code_version"] == "edited"


def test_force_rebuilds_everything(make_project: Callable[..., Path]) -> None:
    make_project(MINE)
    build(TARIFF_TABLES)
    result, _ = build(TARIFF_TABLES, force=True)
    assert result.built == TARIFF_TABLES


def test_code_version_follows_the_modules_a_build_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "analysis"
    shutil.copytree(config.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    monkeypatch.setattr(config, "PACKAGE_DIR", copy)
    actions, rates = pipeline.BUILDS["tariff_actions"], pipeline.BUILDS["tariff_rates"]
    v_actions, v_rates = pipeline.code_version(actions), pipeline.code_version(rates)
    files = {f.relative_to(copy).as_posix() for f in pipeline._code_files(rates.code_modules())}
    assert {"sources/tariffs.py", "sources/_csv.py", "tariff_rates.py", "errors.py"} <= files
    assert "sources/cdc_vsrr.py" not in files

    (copy / "sources" / "cdc_vsrr.py").write_text("# another loader changed\n", encoding="utf-8")
    assert pipeline.code_version(actions) == v_actions  # unrelated loader: no rebuild

    with open(copy / "tariff_rates.py", "a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    assert pipeline.code_version(rates) != v_rates
    assert pipeline.code_version(actions) == v_actions

    with open(copy / "sources" / "_csv.py", "a", encoding="utf-8") as fh:
        fh.write("\n# shared helper edited\n")
    assert pipeline.code_version(actions) != v_actions  # followed through the import


def test_tables_without_raw_files_are_not_built(
    make_project: Callable[..., Path], tree_hashes: Callable[[Path], dict]
) -> None:
    root = make_project([])
    result, lines = build(["tariff_actions", "overdose"])
    assert result.built == [] and result.no_input == ["tariff_actions", "overdose"]
    assert "no raw files" in lines[0]
    assert tree_hashes(root / "data" / "processed") == {}


def test_empty_source_never_imports_its_module() -> None:
    ghost = Source("ghost_loader", "overdose", ("ghost/*/*.csv",), "not written yet")
    out = ghost.load_many([])
    assert out.equals(get_contract("overdose").empty())
    assert "analysis.sources.ghost_loader" not in sys.modules
    b = pipeline.TableBuild("articles", ("news",), "analysis.not_written_yet:combine")
    assert pipeline.load_table(b, {"news": []}).height == 0
    assert pipeline.code_version(b)  # a missing module contributes nothing


def test_stale_temp_files_are_cleaned_at_build_start(make_project: Callable[..., Path]) -> None:
    root = make_project(MINE)
    stale = root / "data" / "processed" / ".tariff_rates.dead.parquet.tmp"
    stale.write_bytes(b"half a file")
    build(TARIFF_TABLES)
    assert not stale.exists()


def test_validate_all_checks_raw_and_processed(make_project: Callable[..., Path]) -> None:
    make_project(MINE)
    lines: list[str] = []
    pipeline.validate_all(log=lines.append)
    assert "ok    raw  tariff_rates" in "\n".join(lines)
    assert any("tariff_rates.parquet is missing" in line for line in lines)
    build(TARIFF_TABLES)
    lines.clear()
    pipeline.validate_all(log=lines.append)
    assert "ok    processed tariff_rates" in lines


# --- a build killed part way (SIGKILL) ---------------------------------------------------------


def _start_build(root: Path, pause: float | None) -> subprocess.Popen:
    env = {**os.environ, "PRECURSOR_HOME": str(root)}
    if pause:
        env["PRECURSOR_PAUSE_BEFORE_COMMIT"] = str(pause)
    argv = [sys.executable, "-m", "analysis", "build", "--force"]
    argv += [a for t in TARIFF_TABLES for a in ("--only", t)]
    return subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _expected_new(root: Path) -> dict[str, pl.DataFrame]:
    from analysis.pipeline import BUILDS, collect_inputs, load_table

    return {
        t: load_table(BUILDS[t], collect_inputs(BUILDS[t], root / "data" / "raw"))
        for t in TARIFF_TABLES
    }


@pytest.mark.slow
def test_sigkill_leaves_every_table_old_or_fully_new(
    make_project: Callable[..., Path], tree_hashes: Callable[[Path], dict]
) -> None:
    root = make_project(["tariffs", "tariff_tracker"])
    processed = root / "data" / "processed"
    build(TARIFF_TABLES)
    old = {t: (processed / f"{t}.parquet").read_bytes() for t in TARIFF_TABLES}
    new_tracker_vintage(root, bump=5.0)
    expected = _expected_new(root)
    assert not expected["tariff_rates"].equals(pl.read_parquet(processed / "tariff_rates.parquet"))

    snapshot = {p.name: p.read_bytes() for p in processed.iterdir()}
    outcomes = set()
    # (delay before SIGKILL, pause hook between staging and commit); each from the old state
    # with the pause hook, SIGKILL comes once the staged temp files exist (whatever the load)
    for delay, pause in [(0.05, None), (0.5, None), (0.9, None), (1.3, None), (None, 30.0)]:
        for p in processed.iterdir():
            p.unlink()
        for name, data in snapshot.items():
            (processed / name).write_bytes(data)
        proc = _start_build(root, pause)
        if delay is None:
            deadline = time.monotonic() + 25
            while len(list(processed.glob(".*.parquet.tmp"))) < 2 and time.monotonic() < deadline:
                time.sleep(0.02)
        else:
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        state = []
        for t in TARIFF_TABLES:
            path = processed / f"{t}.parquet"
            if path.read_bytes() == old[t]:
                state.append("old")
                continue
            frame = validate(pl.read_parquet(path), get_contract(t))  # complete and valid
            assert frame.equals(expected[t]), f"{t} is neither the old nor the new table"
            state.append("new")
        json.loads((processed / "manifest.json").read_text(encoding="utf-8"))
        outcomes.add("+".join(state))
        if pause and proc.returncode == -signal.SIGKILL:
            # killed while paused between staging and commit: temp files left, tables untouched
            assert state == ["old", "old"]
            assert list(processed.glob(".*.parquet.tmp"))
            outcomes.add("killed-while-staged")

    assert "killed-while-staged" in outcomes
    # the next build cleans the leftovers and completes
    result, _ = build(TARIFF_TABLES, force=True)
    assert result.built == TARIFF_TABLES
    assert not [p for p in processed.iterdir() if p.name.endswith(".tmp")]
    for t in TARIFF_TABLES:
        assert pl.read_parquet(processed / f"{t}.parquet").equals(expected[t])
    assert set(tree_hashes(processed)) == {
        "manifest.json",
        *(f"{t}.parquet" for t in TARIFF_TABLES),
    }
