"""The notebooks: committed thin and without outputs, and each one executes headless."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXPECTED = [
    "01-policy-timeline.ipynb",
    "02-overdose-and-seizures.ipynb",
    "03-news-to-events.ipynb",
    "04-diplomacy-vs-trade.ipynb",
]
PARAMETERS = ("start", "end", "geography", "indicator", "event_types", "processed_dir", "raw_dir")
MAX_CELL_LINES = 15


def test_the_four_notebooks_are_there_and_nothing_else():
    assert [p.name for p in NOTEBOOKS] == EXPECTED
    strays = [p.name for p in (ROOT / "notebooks").glob("*.ipynb") if p not in NOTEBOOKS]
    assert strays == [], f"stray notebooks (Untitled/-Copy): {strays}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert dirty == [], f"{path.name}: cells {dirty} carry outputs; strip them before committing"
    assert "widgets" not in nb["metadata"], f"{path.name}: saved widget state; strip it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_thin_with_parameters_and_sources(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    for name in PARAMETERS:
        assert f"\n{name} = " in "\n" + tagged[0].source, f"{path.name}: parameter {name} missing"
    long = [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and len(c.source.splitlines()) > MAX_CELL_LINES
    ]
    assert long == [], f"{path.name}: cells {long} exceed {MAX_CELL_LINES} lines; move to analysis/"
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "**Sources.**" in prose and "**Why.**" in prose, f"{path.name}: say why, cite sources"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "from analysis" in code and "setup()" in code


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temp project: the raw data and notebooks copied, tables built."""
    home = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "data" / "raw", home / "data" / "raw")
    shutil.copytree(ROOT / "notebooks", home / "notebooks")
    env = {**os.environ, "PRECURSOR_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "build"], env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    return home


@pytest.mark.slow
@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_executes_without_error(project: Path, name: str, monkeypatch):
    """papermill runs it on the temp project: no cell raises, every chart has a picture."""
    monkeypatch.setenv("PRECURSOR_HOME", str(project))
    from analysis.report import execute_notebook, parameters_for

    src = project / "notebooks" / name
    dst = project / "reports" / "notebooks" / name
    execute_notebook(src, dst, parameters_for(src))
    nb = nbformat.read(dst, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    charts = [o for o in outputs if "application/vnd.vegalite.v5+json" in o.get("data", {})]
    assert charts, f"{name}: no chart output"
    assert all("image/png" in o["data"] for o in charts), f"{name}: a chart lacks its PNG"
