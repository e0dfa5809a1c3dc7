"""The offline renderer: the bundle JupyterLab 4.6 draws without internet, and its fallbacks."""

from __future__ import annotations

import base64
import io

import altair as alt
import pandas as pd
import pytest

from analysis.charts import render


@pytest.fixture(autouse=True)
def _restore_renderer():
    before = alt.renderers.active
    yield
    alt.renderers.enable(before)


def brushed_chart() -> alt.VConcatChart:
    """Two panels sharing an x brush, with tooltips: the interactive features the kit uses."""
    frame = pd.DataFrame(
        {
            "date": pd.date_range("2024-01-01", periods=24, freq="MS").strftime("%Y-%m-%d"),
            "value": [float(i % 7) for i in range(24)],
            "lane": ["diplomatic", "trade_policy"] * 12,
        }
    )
    brush = alt.selection_interval(encodings=["x"])
    top = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(x="date:T", y="value:Q", color="lane:N", tooltip=["date:T", "value:Q"])
        .add_params(brush)
        .properties(title=alt.Title("Brushed panel", subtitle="test"), height=80)
    )
    bottom = (
        alt.Chart(frame)
        .mark_bar()
        .encode(x=alt.X("date:T", scale=alt.Scale(domain=brush)), y="value:Q")
    )
    return alt.vconcat(top, bottom)


def test_setup_enables_offline_renderer(monkeypatch):
    monkeypatch.delenv("PRECURSOR_RENDERER", raising=False)
    assert render.setup() == "precursor"
    assert alt.renderers.active == "precursor"


def test_bundle_is_vegalite_v5_with_png_and_text():
    from PIL import Image

    render.setup()
    chart = brushed_chart()
    data, meta = chart._repr_mimebundle_()
    spec = data[render.VEGALITE5_MIME]
    assert spec["$schema"] == render.V5_SCHEMA
    assert "application/vnd.vegalite.v6+json" not in data
    assert spec["params"][0]["select"]["type"] == "interval"
    assert data["text/plain"] == "<Precursor chart>"  # vconcat has no top-level title
    png = Image.open(io.BytesIO(base64.b64decode(data["image/png"]))).convert("L")
    lo, hi = png.getextrema()
    assert png.width > 100 and png.height > 100 and hi - lo > 100  # drawn, not blank
    assert meta[render.VEGALITE5_MIME]["embed_options"]["renderer"] == "svg"


def test_title_in_text_and_svg_fallback(monkeypatch):
    monkeypatch.setenv("PRECURSOR_RENDER_FALLBACK", "svg")
    render.setup()
    chart = brushed_chart().properties(title="Overdoses and tariffs")
    data, _ = chart._repr_mimebundle_()
    assert data["text/plain"] == "<Precursor chart: Overdoses and tariffs>"
    assert data["image/svg+xml"].lstrip().startswith("<svg")
    assert "image/png" not in data


def test_env_picks_another_renderer(monkeypatch):
    """PRECURSOR_RENDERER=html gives altair's CDN renderer (what the browser test must catch)."""
    monkeypatch.setenv("PRECURSOR_RENDERER", "html")
    assert render.setup() == "html"
    data = brushed_chart()._repr_mimebundle_()
    data = data[0] if isinstance(data, tuple) else data
    assert render.VEGALITE5_MIME not in data
    assert "cdn.jsdelivr.net" in data["text/html"]


def test_brushed_chart_draws_the_same_under_lab_vegalite5():
    assert render.lab_problems(brushed_chart().to_dict()) == []


def test_lab_problems_reports_a_spec_vegalite5_cannot_draw():
    spec = {"mark": "nonexistent_mark", "data": {"values": [{"a": 1}]}}
    problems = render.lab_problems(spec)
    assert problems and "5.8" in problems[0]


def test_gallery_charts_draw_under_lab_vegalite5(tmp_path, monkeypatch):
    """Every report chart, built on the embedded data, draws the same under JupyterLab's VL 5."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from analysis.report import Tables, gallery

    builders = gallery()
    assert builders, "analysis.charts.GALLERY is empty"
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    shutil.copytree(raw, tmp_path / "data" / "raw")
    env = {**os.environ, "PRECURSOR_HOME": str(tmp_path)}
    cmd = [sys.executable, "-m", "analysis", "build"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    tables = Tables(tmp_path / "data" / "processed")
    failures = {}
    for name, build in builders.items():
        problems = render.lab_problems(build(tables).to_dict())
        if problems:
            failures[name] = problems
    assert not failures, f"charts that draw differently in JupyterLab: {failures}"
