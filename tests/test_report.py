"""The report pipeline: index.html with every figure, skipping unchanged work, failing loudly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import report

ROOT = Path(__file__).resolve().parents[1]


def notebook(path: Path, *sources: str) -> Path:
    """A small notebook with a tagged parameters cell, then `sources` as code cells."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('processed_dir = ""\nraw_dir = ""\nfigures_dir = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(s) for s in sources)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


CHART = """from analysis.charts.render import setup
from analysis.widgets import View, view_tables
from analysis import charts
setup()
charts.policy_timeline(view_tables(View(), processed_dir)["events"])"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The raw data copied and built once; each test copies this project."""
    home = tmp_path_factory.mktemp("built")
    shutil.copytree(ROOT / "data" / "raw", home / "data" / "raw")
    env = {**os.environ, "PRECURSOR_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "build"], env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    return home


@pytest.fixture
def project(built: Path, tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "project"
    shutil.copytree(built, home)
    monkeypatch.setenv("PRECURSOR_HOME", str(home))
    return home


@pytest.mark.slow
def test_index_has_every_figure_and_second_run_skips(project: Path):
    notebook(project / "notebooks" / "01-tiny.ipynb", CHART)
    logs: list[str] = []
    first = report.run(log=logs.append)
    assert first.executed == ["01-tiny.ipynb"]
    html = (project / "reports" / "index.html").read_text(encoding="utf-8")
    names = list(report.gallery())
    assert names, "analysis.charts.GALLERY is empty"
    for name in names:
        assert f'id="{name}"' in html, f"figure {name} missing from index.html"
        for fmt in report.FIGURE_FORMATS:
            assert f'href="figures/{name}.{fmt}"' in html
            assert (project / "reports" / "figures" / f"{name}.{fmt}").stat().st_size > 0
    assert html.count("data:image/svg+xml;base64,") == len(names)  # pictures inline: opens offline
    assert "cdn." not in html and "<script" not in html
    assert 'href="notebooks/01-tiny.ipynb"' in html and 'href="notebooks/01-tiny.html"' in html
    executed = nbformat.read(project / "reports" / "notebooks" / "01-tiny.ipynb", as_version=4)
    assert "application/vnd.vegalite.v5+json" in executed.cells[-1].outputs[0]["data"]

    second = report.run(log=logs.append)
    assert second.executed == [] and second.skipped == ["01-tiny.ipynb"]
    assert second.figures_skipped
    assert [f["name"] for f in second.figures] == names

    notebook(project / "notebooks" / "01-tiny.ipynb", CHART, "1 + 1")  # the notebook changed
    third = report.run(log=logs.append)
    assert third.executed == ["01-tiny.ipynb"] and third.figures_skipped


@pytest.mark.slow
def test_failing_notebook_names_the_cell_and_keeps_the_executed_copy(project: Path):
    notebook(project / "notebooks" / "01-ok.ipynb", "x = 1")
    notebook(project / "notebooks" / "02-bad.ipynb", "y = 2", "1 / 0  # the broken step")
    notebook(project / "notebooks" / "03-after.ipynb", "z = 3")
    with pytest.raises(report.NotebookFailed) as info:
        report.run(log=lambda m: None)
    msg = str(info.value)
    assert "02-bad.ipynb" in msg and "cell 3 of 3" in msg and "ZeroDivisionError" in msg
    assert "1 / 0" in msg and "\n" not in msg
    kept = project / "reports" / "notebooks" / "02-bad.ipynb"
    outputs = [o for c in nbformat.read(kept, as_version=4).cells for o in c.get("outputs", [])]
    assert any(o.output_type == "error" for o in outputs)
    assert not (project / "reports" / "notebooks" / "03-after.ipynb").exists()  # report stopped
    # The failed notebook is not recorded as done: the next run executes it again.
    notebook(project / "notebooks" / "02-bad.ipynb", "y = 2")
    again = report.run(log=lambda m: None)
    assert again.skipped == ["01-ok.ipynb"]
    assert again.executed == ["02-bad.ipynb", "03-after.ipynb"]


def test_cli_prints_one_line_and_exits_1(project: Path):
    notebook(project / "notebooks" / "01-bad.ipynb", "raise ValueError('bad input')")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "report"],
        env={**os.environ, "PRECURSOR_HOME": str(project)},
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and "01-bad.ipynb failed in cell 2 of 2" in last
    assert "ValueError: bad input" in last
