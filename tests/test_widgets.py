"""The widget explorer: filters cut the tables, moving a widget redraws, export writes files."""

from __future__ import annotations

import json
from datetime import date

import altair as alt
import polars as pl
import pytest

from analysis.widgets import Explorer, View, filter_tables


def tables() -> dict[str, pl.DataFrame]:
    """Tiny frames with the contract columns the explorer filters on."""
    months = pl.date_range(date(2024, 1, 31), date(2024, 12, 31), "1mo", eager=True).dt.month_end()
    overdose = pl.concat(
        pl.DataFrame(
            {
                "period_end": months,
                "geo": [geo] * 12,
                "indicator": [ind] * 12,
                "deaths": list(range(12)),
            }
        )
        for geo in ("US", "OH")
        for ind in ("synthetic_opioids", "all_drugs")
    )
    events = pl.DataFrame(
        {
            "date": [date(2024, 2, 1), date(2024, 5, 14), date(2024, 11, 10)],
            "event_type": ["diplomatic", "trade_policy", "diplomatic"],
            "actor": ["China (MFA)", "US (USTR)", "US (White House)"],
        }
    )
    return {"overdose": overdose, "events": events, "other": pl.DataFrame({"x": [1, 2]})}


def deaths_chart(t, v) -> alt.Chart:
    frame = t["overdose"].with_columns(pl.col("period_end").dt.strftime("%Y-%m-%d"))
    return alt.Chart(frame.to_pandas()).mark_line().encode(x="period_end:T", y="deaths:Q")


def events_chart(t, v) -> alt.Chart:
    frame = t["events"].with_columns(pl.col("date").dt.strftime("%Y-%m-%d"))
    return alt.Chart(frame.to_pandas()).mark_point().encode(x="date:T", y="event_type:N")


def test_filter_tables_cuts_dates_geography_indicator_types_and_actors():
    view = View(
        start=date(2024, 3, 1),
        end=date(2024, 10, 31),
        geography="OH",
        indicator="all_drugs",
        event_types=("trade_policy",),
        actors=("US (USTR)",),
    )
    out = filter_tables(tables(), view)
    od = out["overdose"]
    assert od["period_end"].min() == date(2024, 3, 31)
    assert od["period_end"].max() == date(2024, 10, 31)
    assert set(od["geo"]) == {"OH"} and set(od["indicator"]) == {"all_drugs"}
    assert out["events"]["actor"].to_list() == ["US (USTR)"]
    assert out["other"].height == 2  # no date column: untouched


def test_view_parse_reads_notebook_parameters():
    v = View.parse("2020-01-01", "", "US", "synthetic_opioids", ["diplomatic"], [])
    assert v == View(date(2020, 1, 1), None, "US", "synthetic_opioids", ("diplomatic",), ())
    assert v.slug() == "2020-01_US_synthetic_opioids"


def test_moving_the_slider_redraws_a_narrower_chart():
    ex = Explorer(tables=tables(), builders={"deaths": deaths_chart, "events": events_chart})
    first = ex.chart.to_dict()
    assert len(first["datasets"][next(iter(first["datasets"]))]) == 48
    options = ex.dates.options
    ex.dates.value = (options[5][1], options[6][1])  # June to July 2024
    assert ex.draws == 2
    rows = next(iter(ex.chart.to_dict()["datasets"].values()))
    assert {r["period_end"] for r in rows} == {"2024-06-30", "2024-07-31"}
    ex.geography.value = "OH"
    ex.indicator.value = "all_drugs"
    rows = next(iter(ex.chart.to_dict()["datasets"].values()))
    assert len(rows) == 2 and {r["geo"] for r in rows} == {"OH"}


def test_event_filters_and_chart_pick_redraw():
    ex = Explorer(tables=tables(), builders={"deaths": deaths_chart, "events": events_chart})
    ex.chart_pick.value = "events"
    assert len(next(iter(ex.chart.to_dict()["datasets"].values()))) == 3
    ex.event_types.value = ("diplomatic",)
    ex.actors.value = ("China (MFA)",)
    rows = next(iter(ex.chart.to_dict()["datasets"].values()))
    assert [r["actor"] for r in rows] == ["China (MFA)"]


def test_a_failing_builder_shows_the_reason_and_keeps_the_last_chart():
    def broken(t, v):
        raise ValueError("no such column")

    ex = Explorer(tables=tables(), builders={"deaths": deaths_chart, "broken": broken})
    before = ex.chart
    ex.chart_pick.value = "broken"
    assert ex.chart is before
    assert "no such column" in ex.status.value


def test_export_button_writes_the_chart_files(tmp_path):
    charts = pytest.importorskip("analysis.charts")
    if not hasattr(charts, "export_chart"):
        pytest.skip("analysis.charts.export_chart is not there yet")
    ex = Explorer(tables=tables(), builders={"deaths": deaths_chart}, out_dir=tmp_path)
    ex.export_button.click()
    names = sorted(p.name for p in tmp_path.iterdir())
    stem = "deaths-2024-01_2024-12"
    for fmt in ("png", "svg", "pdf", "html", "csv", "json"):
        assert f"{stem}.{fmt}" in names, names
    assert (tmp_path / f"{stem}.png").stat().st_size > 1000
    assert "exported" in ex.status.value


KERNEL_CELLS = [
    """import altair as alt, polars as pl
from datetime import date
from analysis.widgets import Explorer

months = pl.date_range(date(2024, 1, 31), date(2024, 12, 31), "1mo", eager=True).dt.month_end()
od = pl.DataFrame({"period_end": months, "geo": ["US"] * 12, "indicator": ["x"] * 12,
                   "deaths": list(range(12))})

def deaths(t, v):
    frame = t["overdose"].with_columns(pl.col("period_end").dt.strftime("%Y-%m-%d"))
    return alt.Chart(frame.to_pandas()).mark_line().encode(x="period_end:T", y="deaths:Q")

ex = Explorer(tables={"overdose": od}, builders={"deaths": deaths})
ex""",
    "ex.dates.value = (ex.dates.options[5][1], ex.dates.options[6][1])",
]


def test_a_redraw_replaces_the_chart_output_that_the_notebook_saves():
    """In a real kernel: the chart is a plain output of the explorer's cell, and a later redraw
    (here from another cell, as a widget callback would) replaces it there, not below."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in KERNEL_CELLS])
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    first, second = nb.cells[0].outputs, nb.cells[1].outputs
    assert not [o for o in first + second if o.output_type == "error"]
    assert second == [], "the redraw must not add an output to the cell that moved the widget"
    widgets = [o for o in first if "application/vnd.jupyter.widget-view+json" in o.data]
    charts = [o for o in first if "application/vnd.vegalite.v5+json" in o.data]
    assert len(widgets) == 1 and len(charts) == 1, [list(o.data) for o in first]
    assert "image/png" in charts[0].data
    spec = charts[0].data["application/vnd.vegalite.v5+json"]
    rows = next(iter(spec["datasets"].values()))
    assert {r["period_end"] for r in rows} == {"2024-06-30", "2024-07-31"}


def test_save_widget_state_keeps_other_overrides(tmp_path):
    from analysis.widgets import WIDGET_STATE_PLUGIN, save_widget_state

    path = tmp_path / "overrides.json"
    path.write_text('{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}')
    assert save_widget_state(tmp_path) == path
    saved = json.loads(path.read_text())
    assert saved[WIDGET_STATE_PLUGIN] == {"saveState": True}
    assert saved["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert save_widget_state(tmp_path / "new").exists()


def test_save_widget_state_leaves_a_broken_file_alone(tmp_path):
    from analysis.errors import DataError
    from analysis.widgets import save_widget_state

    path = tmp_path / "overrides.json"
    path.write_text("{not json")
    with pytest.raises(DataError, match=r"overrides\.json.*fix: repair it"):
        save_widget_state(tmp_path)
    assert path.read_text() == "{not json"
