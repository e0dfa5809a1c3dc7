"""export_chart: all formats, atomic writes, CSV injection escaping, offline HTML, calendar days."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import altair as alt
import polars as pl
import pytest
from chart_checks import assert_not_blank
from chart_fixtures import events, tables

from analysis.charts import export_chart, policy_timeline, tariff_steps
from analysis.charts.export import csv_bytes, escape_formulas, inline_rows, static_spec
from analysis.errors import DataError

REPO = Path(__file__).resolve().parents[2]


def test_csv_escapes_formula_cells() -> None:
    frame = pl.DataFrame(
        {
            "text": ["=SUM(A1)", "+1", "-2 cmd", "@x", "\tTAB", "plain", None, "a=b"],
            "number": [-1.0, 2.0, 3.0, -4.0, 5.0, 6.0, 7.0, 8.0],
        }
    )
    out = escape_formulas(frame)
    assert out.get_column("text").to_list() == [
        "'=SUM(A1)",
        "'+1",
        "'-2 cmd",
        "'@x",
        "'\tTAB",
        "plain",
        None,
        "a=b",
    ]
    # numbers stay numbers (a negative value is data, not a formula)
    assert out.get_column("number").to_list()[0] == -1.0
    text = csv_bytes(frame).decode()
    assert "\n-1.0," not in text and "'=SUM(A1)" in text and "\n=SUM" not in text


def _clips(spec: object) -> int:
    return json.dumps(spec).count('"clip": true')


def test_static_pictures_drop_only_the_clips_kept_for_zooming() -> None:
    from analysis.charts import diplomacy_vs_trade

    t = tables()
    headline = diplomacy_vs_trade(t["events"], t["tariff_rates"], t["overdose"]).to_dict()
    assert _clips(headline) >= 2  # the brushed panels stay inside their frames in the browser
    assert _clips(static_spec(headline)) == 0
    assert static_spec(headline)["vconcat"][0] == headline["vconcat"][0]
    own = alt.Chart(alt.Data(values=[{"x": 1}])).mark_line(clip=True).encode(x="x:Q").to_dict()
    assert static_spec(own) is own  # a chart not made by a builder keeps what it asked for


def test_export_all_formats(tmp_path: Path) -> None:
    chart = policy_timeline(events())
    paths = export_chart(chart, "timeline", out_dir=tmp_path)
    assert sorted(paths) == sorted(["png", "svg", "pdf", "html", "csv", "json"])
    assert_not_blank(paths["png"].read_bytes())
    assert paths["pdf"].read_bytes().startswith(b"%PDF")
    assert paths["svg"].read_text().lstrip().startswith("<svg")
    # the CSV is the data drawn, with the formula-like summary and evidence neutralised
    shown = pl.read_csv(paths["csv"])
    assert shown.height == 5
    assert '\'=HYPERLINK("x") reply' in shown.get_column("summary").to_list()
    assert "'-the sentence" in shown.get_column("evidence").to_list()
    assert "'@test citation" in shown.get_column("citation").to_list()
    meta = json.loads(paths["json"].read_text())
    assert meta["title"] == "US–China fentanyl and trade events"
    assert meta["sources"] and meta["rows"] == 5 and meta["generated_at"].endswith("+00:00")
    assert re.fullmatch(r"[0-9a-f]{40}", meta["git_commit"] or "")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths.values())


def test_html_is_self_contained(tmp_path: Path) -> None:
    paths = export_chart(policy_timeline(events()), "t", ("html",), out_dir=tmp_path)
    html = paths["html"].read_text()
    assert "<script" in html and len(html) > 500_000, "vega JavaScript not inlined"
    assert not re.search(r"<script[^>]+src=", html), "HTML loads a script from elsewhere"
    assert not re.search(r"<link[^>]+href=[\"']https?:", html)


def test_export_refuses_bad_name_format_and_rows(tmp_path: Path) -> None:
    chart = policy_timeline(events())
    with pytest.raises(DataError, match="cannot export"):
        export_chart(chart, "../escape", ("png",), out_dir=tmp_path)
    with pytest.raises(DataError, match="cannot export"):
        export_chart(chart, "ok", ("gif",), out_dir=tmp_path)
    big = alt.Chart(alt.Data(values=[{"x": i} for i in range(5001)])).mark_point().encode(x="x:Q")
    assert max(inline_rows(big.to_dict()).values()) == 5001
    with pytest.raises(DataError, match="too many rows"):
        export_chart(big, "big", ("png",), out_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_export_keeps_old_files_when_rendering_fails(tmp_path: Path) -> None:
    good = policy_timeline(events())
    export_chart(good, "fig", ("svg", "csv"), out_dir=tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    broken = alt.Chart(alt.Data(values=[{"x": 1}])).mark_point().encode(x="x:Q")
    broken = broken.transform_calculate(y="this is not an expression(")
    with pytest.raises(Exception):  # noqa: B017 - vl-convert raises its own error types
        export_chart(broken, "fig", ("svg", "csv"), out_dir=tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


SCRIPT = """
import sys
from datetime import date
sys.path.insert(0, {tests!r})
import polars as pl
from chart_fixtures import events
from analysis.charts import export_chart, policy_timeline
one = events().filter(pl.col("event_id") == "e3")  # 2025-02-04
chart = policy_timeline(one, start=date(2025, 2, 1), end=date(2025, 2, 8))
export_chart(chart, "day", ("svg", "csv"), out_dir={out!r})
"""


def _x(fragment: str) -> float:
    return float(re.search(r"translate\(([-0-9.]+),", fragment).group(1))


@pytest.mark.parametrize("tz", ["America/Los_Angeles", "Asia/Tokyo"])
def test_dates_are_calendar_days_in_any_time_zone(tmp_path: Path, tz: str) -> None:
    """An event on 2025-02-04 sits on the Feb 04 tick and reads 2025-02-04, in any time zone."""
    code = SCRIPT.format(tests=str(Path(__file__).parent), out=str(tmp_path))
    env = {**os.environ, "TZ": tz}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=REPO, timeout=120)
    svg = (tmp_path / "day.svg").read_text()
    assert pl.read_csv(tmp_path / "day.csv").get_column("date").to_list() == ["2025-02-04"]
    point = re.search(r'<path aria-label="date: ([^;]*);[^"]*Date: ([0-9-]+);[^>]*>', svg)
    assert point and point.group(1) == "Feb 04" and point.group(2) == "2025-02-04"
    tick = re.search(r"<text[^>]*>Feb 04</text>", svg)
    assert tick, "no Feb 04 tick"
    # a shift of a few hours would move the point ~30 px off the tick on this 7-day axis
    assert abs(_x(point.group(0)) - _x(tick.group(0))) < 1


def test_png_scale(tmp_path: Path) -> None:
    from PIL import Image

    t = tables()
    chart = tariff_steps(t["tariff_rates"], imposer="CN")
    one = export_chart(chart, "one", ("png",), out_dir=tmp_path, scale=1)["png"]
    two = export_chart(chart, "two", ("png",), out_dir=tmp_path)["png"]
    w1, h1 = Image.open(one).size
    w2, h2 = Image.open(two).size
    assert (w2, h2) == (2 * w1, 2 * h1)
