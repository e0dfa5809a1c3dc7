"""Sidecars: write, read, verify sha256, the missing/changed/broken sidecar errors, vintages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from analysis.errors import DataError
from analysis.provenance import (
    REQUIRED,
    atomic_write_bytes,
    read_sidecar,
    sha256_file,
    sidecar_path,
    vintage_of,
    write_sidecar,
)

FIELDS = {
    "publisher": "Test publisher",
    "dataset": "Test dataset",
    "url": "https://example.org/data.csv",
    "license": "public domain",
    "citation": "Test publisher, Test dataset (2026)",
}


@pytest.fixture
def raw_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo_2025-06-15" / "data.csv"
    path.parent.mkdir()
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    return path


def test_write_then_read_round_trip(raw_file: Path) -> None:
    side = write_sidecar(raw_file, vintage="2025-06-15", **FIELDS)
    assert side.sha256 == sha256_file(raw_file)
    again = read_sidecar(raw_file)
    assert again == side
    assert again.source_line == "Test publisher, Test dataset (release 2025-06-15)"
    data = json.loads(sidecar_path(raw_file).read_text(encoding="utf-8"))
    assert set(REQUIRED) <= set(data)


def test_missing_sidecar_is_an_error(raw_file: Path) -> None:
    with pytest.raises(DataError) as info:
        read_sidecar(raw_file)
    text = str(info.value)
    assert str(raw_file) in text
    assert "raw file has no sidecar" in text
    assert "data.csv.meta.json" in text and "fix:" in text


def test_changed_bytes_are_an_error(raw_file: Path) -> None:
    side = write_sidecar(raw_file, **FIELDS)
    raw_file.write_text("a,b\n1,3\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_sidecar(raw_file)
    text = str(info.value)
    assert "raw file changed since its sidecar was written" in text
    assert side.sha256[:12] in text
    assert "new vintage folder" in text
    assert read_sidecar(raw_file, verify=False).sha256 == side.sha256


def test_sidecar_lacking_fields_is_an_error(raw_file: Path) -> None:
    write_sidecar(raw_file, **FIELDS)
    meta = sidecar_path(raw_file)
    data = json.loads(meta.read_text(encoding="utf-8"))
    del data["license"]
    data["citation"] = " "
    meta.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"lacks required field.*fix: add license, citation"):
        read_sidecar(raw_file)


def test_sidecar_that_is_not_json(raw_file: Path) -> None:
    sidecar_path(raw_file).write_text('{"publisher": "x",\n oops}', encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_sidecar(raw_file)
    assert info.value.line == 2
    assert "not valid JSON" in str(info.value)


def test_vintage_from_sidecar_then_folder(raw_file: Path) -> None:
    assert vintage_of(raw_file) == date(2025, 6, 15)
    write_sidecar(raw_file, vintage="2026-01-02", **FIELDS)
    assert vintage_of(raw_file) == date(2026, 1, 2)


def test_vintage_month_only_folder(tmp_path: Path) -> None:
    path = tmp_path / "opioiddatalab_2025-01" / "x.csv"
    path.parent.mkdir()
    path.write_text("x\n", encoding="utf-8")
    assert vintage_of(path) == date(2025, 1, 1)


def test_vintage_unknown_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "latest" / "x.csv"
    path.parent.mkdir()
    path.write_text("x\n", encoding="utf-8")
    with pytest.raises(DataError, match="cannot tell the release date"):
        vintage_of(path)


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    atomic_write_bytes(target, b"old")
    atomic_write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_every_raw_file_in_the_repo_has_a_valid_sidecar(repo_root: Path) -> None:
    from analysis.sources import SOURCES

    raw = repo_root / "data" / "raw"
    files = [f for s in SOURCES.values() for f in s.files(raw)]
    assert files, "the repo ships curated raw files"
    for f in files:
        side = read_sidecar(f)  # raises on a missing sidecar or a changed file
        assert side.citation.strip(), f
