"""The `precursor` command on bad raw input: one line on stderr, exit 1, data/processed untouched.

Each bad input of issue 2 is injected into a copy of the shipped curated files (the sidecar is
rewritten so the loader, not the provenance check, meets the fault), then `build` and `validate`
run through `analysis.cli.main`, and once through the installed `precursor` executable.
"""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from analysis.contracts import EVENTS, TARIFF_ACTIONS, TARIFF_RATES

MINE = ["tariffs", "tariff_tracker", "timeline"]
EVENTS_CSV = "timeline/2026-11-28/events.csv"
ACTIONS_CSV = "tariffs/2026-11-28/tariff_actions.csv"
TRACKER_CSV = "tariff_tracker/2026-07-23/country-by-time.csv"


def edit_cell(path: Path, line: int, column: str, value: str) -> bytes:
    """The file's bytes with one cell replaced (the curated files have one row per line)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[line - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def duplicate_line(path: Path, line: int) -> bytes:
    lines = path.read_bytes().splitlines(keepends=True)
    return b"".join([*lines, lines[line - 1]])


def header_only(path: Path) -> bytes:
    return path.read_bytes().splitlines(keepends=True)[0]


def latin1_in(path: Path, line: int) -> bytes:
    lines = path.read_bytes().splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace(b"China", b"Chin\xe9", 1)
    return b"".join(lines)


# (id, raw file, how to break it, expected line, expected column, expected text)
CASES = [
    (
        "unknown-event-type",
        EVENTS_CSV,
        lambda p: edit_cell(p, 4, "event_type", "rumour"),
        4,
        "event_type",
        "one of diplomatic",
    ),
    (
        "month-13",
        EVENTS_CSV,
        lambda p: edit_cell(p, 7, "date", "2025-13-01"),
        7,
        "date",
        "ISO date",
    ),
    (
        "effective-before-announced",
        ACTIONS_CSV,
        lambda p: edit_cell(p, 5, "effective", "2018-01-02"),
        5,
        "effective",
        "on or after the announcement",
    ),
    (
        "missing-citation",
        EVENTS_CSV,
        lambda p: edit_cell(p, 10, "citation", ""),
        10,
        "citation",
        "a value",
    ),
    ("duplicated-key", ACTIONS_CSV, lambda p: duplicate_line(p, 3), 3, "action_id", "unique keys"),
    (
        "rate-not-a-number",
        ACTIONS_CSV,
        lambda p: edit_cell(p, 6, "rate_pct", "25 pct"),
        6,
        "rate_pct",
        "a plain number",
    ),
    (
        "tracker-rate-not-a-number",
        TRACKER_CSV,
        lambda p: edit_cell(p, 3, "effective tariff", "twenty"),
        3,
        "effective tariff",
        "a plain number",
    ),
    ("empty-file", ACTIONS_CSV, lambda p: b"", 1, None, "a header line"),
    ("header-only", EVENTS_CSV, header_only, 2, None, "at least one data row"),
    ("not-utf8", EVENTS_CSV, lambda p: latin1_in(p, 2), 2, "summary", "UTF-8"),
]


@pytest.fixture
def built(make_project: Callable[..., Path], run_cli: Callable) -> Path:
    """A project with the curated sources, built once (the state that must survive bad input)."""
    root = make_project(MINE)
    code, _, err = run_cli("build")
    assert code == 0, err
    return root


def assert_one_line_error(err: str, path: Path, line: int, column: str | None, text: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    msg = lines[0]
    assert msg.startswith(f"error: {path}:{line}: "), msg
    if column:
        assert f"column '{column}'" in msg
    assert "expected" in msg and text in msg
    assert "; fix: " in msg


@pytest.mark.parametrize("command", ["build", "validate"])
@pytest.mark.parametrize(
    ("rel", "breaker", "line", "column", "text"),
    [pytest.param(*c[1:], id=c[0]) for c in CASES],
)
def test_bad_input_fails_cleanly(
    built: Path,
    run_cli: Callable,
    rewrite_raw: Callable,
    tree_hashes: Callable,
    command: str,
    rel: str,
    breaker: Callable[[Path], bytes],
    line: int,
    column: str | None,
    text: str,
) -> None:
    path = built / "data" / "raw" / rel
    rewrite_raw(path, breaker(path))
    before = tree_hashes(built / "data" / "processed")
    args = [command, "--force"] if command == "build" else [command]
    code, _, err = run_cli(*args)
    assert code == 1
    assert_one_line_error(err, path, line, column, text)
    assert tree_hashes(built / "data" / "processed") == before


def test_raw_file_without_sidecar(built: Path, run_cli: Callable, tree_hashes: Callable) -> None:
    path = built / "data" / "raw" / ACTIONS_CSV
    Path(f"{path}.meta.json").unlink()
    before = tree_hashes(built / "data" / "processed")
    for command in ("build", "validate"):
        code, _, err = run_cli(command)
        assert code == 1
        assert err.strip().splitlines() == [
            f"error: {path}: raw file has no sidecar; expected tariff_actions.csv.meta.json "
            "beside it with publisher, dataset, url, retrieved, sha256, license, citation; "
            "fix: write one with `analysis.provenance.write_sidecar` (or `precursor fetch`)"
        ]
    assert tree_hashes(built / "data" / "processed") == before


def test_raw_file_changed_after_its_sidecar(
    built: Path, run_cli: Callable, tree_hashes: Callable
) -> None:
    path = built / "data" / "raw" / EVENTS_CSV
    path.write_bytes(path.read_bytes() + b"\n")
    before = tree_hashes(built / "data" / "processed")
    for command in ("build", "validate"):
        code, _, err = run_cli(command)
        assert code == 1
        assert len(err.strip().splitlines()) == 1
        assert f"error: {path}: column 'sha256'; raw file changed since its sidecar" in err
        assert "fix: raw files are immutable" in err
    assert tree_hashes(built / "data" / "processed") == before


def test_installed_executable_reports_bad_input(
    built: Path, precursor_exe: Path, rewrite_raw: Callable, tree_hashes: Callable
) -> None:
    path = built / "data" / "raw" / EVENTS_CSV
    rewrite_raw(path, edit_cell(path, 4, "event_type", "rumour"))
    before = tree_hashes(built / "data" / "processed")
    for command in ("build", "validate"):
        proc = subprocess.run(
            [str(precursor_exe), command],
            capture_output=True,
            text=True,
            timeout=120,
            env={"PRECURSOR_HOME": str(built), "PATH": "/usr/bin:/bin"},
        )
        assert proc.returncode == 1
        assert_one_line_error(proc.stderr, path, 4, "event_type", "one of diplomatic")
    assert tree_hashes(built / "data" / "processed") == before


def test_debug_shows_the_traceback(built: Path, run_cli: Callable, rewrite_raw: Callable) -> None:
    path = built / "data" / "raw" / ACTIONS_CSV
    rewrite_raw(path, edit_cell(path, 6, "rate_pct", "n/a"))
    code, _, err = run_cli("--debug", "build")
    assert code == 1
    assert "Traceback (most recent call last)" in err
    assert err.strip().splitlines()[-1].startswith(f"error: {path}:6: column 'rate_pct'")


def test_build_reports_skips_and_validate_passes(built: Path, run_cli: Callable) -> None:
    code, out, err = run_cli("build")
    assert (code, err) == (0, "")
    assert "skip  tariff_actions  unchanged" in out
    assert "skipped (unchanged): tariff_actions, tariff_rates, events" in out
    code, out, err = run_cli("validate")
    assert (code, err) == (0, "")
    assert out.strip().endswith("all raw files and processed tables pass their contracts")


def test_build_only_unknown_table(built: Path, run_cli: Callable) -> None:
    code, _, err = run_cli("build", "--only", "tarif_rates")
    assert code == 1
    assert err.startswith("error: <input>: unknown table 'tarif_rates'; expected one of ")


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
@pytest.mark.parametrize(
    ("source", "rel", "table"),
    [
        ("timeline", EVENTS_CSV, EVENTS),
        ("tariffs", ACTIONS_CSV, TARIFF_ACTIONS),
        ("tariff_tracker", TRACKER_CSV, TARIFF_RATES),
    ],
)
def test_normalize_writes_the_validated_table(
    repo_root: Path, tmp_path: Path, run_cli: Callable, source: str, rel: str, table, suffix: str
) -> None:
    out = tmp_path / f"out{suffix}"
    code, printed, err = run_cli(
        "normalize", source, str(repo_root / "data" / "raw" / rel), "--out", str(out)
    )
    assert code == 0, err
    if suffix == ".parquet":
        frame = pl.read_parquet(out)
        assert frame.schema == table.schema
    elif suffix == ".csv":
        frame = pl.read_csv(out)
        assert frame.columns == table.names
    else:
        frame = pl.read_ndjson(out)
        assert frame.columns == table.names
    assert frame.height > 0
    assert f"{table.name}: {frame.height} rows from 1 file(s) -> {out}" in printed


def test_normalize_bad_file_and_bad_output(tmp_path: Path, run_cli: Callable) -> None:
    bad = tmp_path / "events.csv"
    bad.write_bytes(b"")
    code, _, err = run_cli("normalize", "timeline", str(bad), "--out", str(tmp_path / "x.csv"))
    assert code == 1 and f"error: {bad}:1: file is empty" in err
    assert not (tmp_path / "x.csv").exists()
    code, _, err = run_cli("normalize", "time-line", str(bad), "--out", str(tmp_path / "x.csv"))
    assert code == 1 and "unknown source 'time-line'" in err


def test_normalize_unknown_output_format(
    repo_root: Path, tmp_path: Path, run_cli: Callable
) -> None:
    src = repo_root / "data" / "raw" / ACTIONS_CSV
    code, _, err = run_cli("normalize", "tariffs", str(src), "--out", str(tmp_path / "x.xlsx"))
    assert code == 1
    assert "unknown output format; expected .parquet or .csv or .jsonl, found '.xlsx'" in err
