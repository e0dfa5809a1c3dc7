"""ipywidgets explorer over the charts: filter the tables, redraw, and export the current view.

The explorer filters the contract tables (date range on each table's date column, geography and
indicator on `overdose`, event types and actors on `events`) and hands them, with the view, to a
chart builder `builder(tables, view) -> alt.Chart` (`VIEW_CHARTS` adapts `analysis.charts`).

The chart is not inside the widgets: it is an ordinary display output (offline renderer bundle:
Vega-Lite 5 + PNG) right below them, replaced in place by `update_display` on every redraw. So
the last view is saved in the notebook like any chart and draws again when the notebook is
reopened without a kernel (or exported to HTML). `precursor lab` also turns on JupyterLab's
widget-state saving (`save_widget_state`), so the controls come back too (inert until the cell
runs again); the kit's committed notebooks are stripped of outputs and widget state alike.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

#: The column holding each table's calendar date (contracts: dates are pl.Date).
DATE_COLUMNS = {
    "overdose": "period_end",
    "seizures": "month",
    "trade": "month",
    "tariff_actions": "effective",
    "tariff_rates": "date",
    "events": "date",
    "articles": "published",
}
ALL = "(all)"

#: Step series: the rate in force at `start` comes from an earlier row, so never clipped here.
UNCLIPPED = frozenset({"tariff_rates"})

Builder = Callable[[Mapping[str, pl.DataFrame], "View"], Any]


@dataclass(frozen=True)
class View:
    """What the explorer shows: a date range and the filters (None / empty = no filter)."""

    start: date | None = None
    end: date | None = None
    geography: str | None = None
    indicator: str | None = None
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    @classmethod
    def parse(
        cls,
        start: str | date | None = None,
        end: str | date | None = None,
        geography: str | None = None,
        indicator: str | None = None,
        event_types: list[str] | tuple[str, ...] | None = None,
        actors: list[str] | tuple[str, ...] | None = None,
    ) -> View:
        """A view from notebook parameters (ISO date strings; None or [] = no filter)."""

        def day(v: str | date | None) -> date | None:
            return date.fromisoformat(v) if isinstance(v, str) and v else (v or None)

        return cls(
            day(start),
            day(end),
            geography or None,
            indicator or None,
            tuple(event_types or ()),
            tuple(actors or ()),
        )

    def slug(self) -> str:
        parts = [
            f"{self.start:%Y-%m}" if self.start else "",
            f"{self.end:%Y-%m}" if self.end else "",
            self.geography or "",
            self.indicator or "",
        ]
        return re.sub(r"[^A-Za-z0-9_-]+", "-", "_".join(p for p in parts if p)).strip("-")


def filter_tables(tables: Mapping[str, pl.DataFrame], view: View) -> dict[str, pl.DataFrame]:
    """Each table cut to the view; tables without the filtered column pass through unchanged."""
    out: dict[str, pl.DataFrame] = {}
    for name, frame in tables.items():
        col = DATE_COLUMNS.get(name)
        if col in frame.columns and name not in UNCLIPPED:
            if view.start:
                frame = frame.filter(pl.col(col) >= view.start)
            if view.end:
                frame = frame.filter(pl.col(col) <= view.end)
        if name == "overdose":
            if view.geography and "geo" in frame.columns:
                frame = frame.filter(pl.col("geo") == view.geography)
            if view.indicator and "indicator" in frame.columns:
                frame = frame.filter(pl.col("indicator") == view.indicator)
        if name == "events":
            if view.event_types:
                frame = frame.filter(pl.col("event_type").is_in(list(view.event_types)))
            if view.actors:
                frame = frame.filter(pl.col("actor").is_in(list(view.actors)))
        out[name] = frame
    return out


def view_tables(view: View, processed_dir: str | Path | None = None) -> dict[str, pl.DataFrame]:
    """The processed tables (of `processed_dir`, default the project's) cut to `view`."""
    from analysis.report import Tables

    tables = Tables(Path(processed_dir) if processed_dir else None)
    return filter_tables({name: tables[name] for name in tables}, view)


def _choices(tables: Mapping[str, pl.DataFrame], table: str, column: str) -> list[str]:
    frame = tables.get(table)
    if frame is None or column not in frame.columns or frame.height == 0:
        return []
    return sorted(str(v) for v in frame[column].drop_nulls().unique().to_list())


def _months(tables: Mapping[str, pl.DataFrame]) -> list[date]:
    """First days of every month between the earliest and latest date of any table."""
    lows, highs = [], []
    for name, col in DATE_COLUMNS.items():
        frame = tables.get(name)
        if frame is not None and col in frame.columns and frame.height:
            s = frame[col].drop_nulls()
            if len(s):
                lows.append(s.min())
                highs.append(s.max())
    if not lows:
        return []
    lo, hi = min(lows), max(highs)
    return pl.date_range(date(lo.year, lo.month, 1), hi, "1mo", eager=True).to_list()


@dataclass
class Explorer:
    """Widgets over `builders` (name → builder); `.widget` is the box to display."""

    tables: Mapping[str, pl.DataFrame]
    builders: Mapping[str, Builder]
    view: View = field(default_factory=View)
    out_dir: Path | None = None
    formats: tuple[str, ...] = ("png", "svg", "pdf", "html", "csv", "json")

    def __post_init__(self) -> None:
        import ipywidgets as w

        from analysis.charts.render import setup

        setup()
        self.tables = {k: self.tables[k] for k in self.tables}
        self.chart: Any = None
        self.draws = 0
        months = _months(self.tables) or [date.today().replace(day=1)]
        labels = [(f"{m:%b %Y}", m) for m in months]
        lo = self._nearest(months, self.view.start, months[0])
        hi = self._nearest(months, self.view.end, months[-1])
        self.chart_pick = w.Dropdown(options=list(self.builders), description="Chart")
        self.dates = w.SelectionRangeSlider(
            options=labels,
            index=(months.index(lo), months.index(hi)),
            description="Months",
            continuous_update=False,
            layout=w.Layout(width="520px"),
        )
        geos = _choices(self.tables, "overdose", "geo")
        self.geography = w.Dropdown(
            options=[ALL, *geos],
            value=self._pick(self.view.geography, geos),
            description="Geography",
        )
        indicators = _choices(self.tables, "overdose", "indicator")
        self.indicator = w.Dropdown(
            options=[ALL, *indicators],
            value=self._pick(self.view.indicator, indicators),
            description="Indicator",
        )
        types = _choices(self.tables, "events", "event_type")
        self.event_types = w.SelectMultiple(
            options=types,
            value=tuple(t for t in self.view.event_types if t in types),
            description="Event types",
            rows=min(4, max(1, len(types))),
        )
        actors = _choices(self.tables, "events", "actor")
        self.actors = w.SelectMultiple(
            options=actors,
            value=tuple(a for a in self.view.actors if a in actors),
            description="Actors",
            rows=min(4, max(1, len(actors))),
        )
        self.export_button = w.Button(description="Export this view", icon="download")
        self.status = w.HTML()
        #: Ties the chart output to this explorer: redraws replace it wherever it is shown.
        self.display_id = f"precursor-explorer-{uuid.uuid4().hex}"
        self.bundle: tuple[dict[str, Any], dict[str, Any]] | None = None
        self.shown = False
        controls = [self.chart_pick, self.dates, self.geography, self.indicator]
        for c in [*controls, self.event_types, self.actors]:
            c.observe(self._changed, names="value")
        self.export_button.on_click(lambda _b: self.export())
        self.widget = w.VBox(
            [
                w.HBox([self.chart_pick, self.geography, self.indicator]),
                self.dates,
                w.HBox([self.event_types, self.actors]),
                w.HBox([self.export_button, self.status]),
            ]
        )
        self.redraw()

    @staticmethod
    def _nearest(months: list[date], wanted: date | None, default: date) -> date:
        if wanted is None:
            return default
        first = date(wanted.year, wanted.month, 1)
        return min(months, key=lambda m: abs((m - first).days))

    @staticmethod
    def _pick(wanted: str | None, options: list[str]) -> str:
        return wanted if wanted in options else ALL

    def current_view(self) -> View:
        """The view the widgets select (the end month runs to its last day)."""
        start, end_month = self.dates.value
        nxt = date(end_month.year + end_month.month // 12, end_month.month % 12 + 1, 1)
        return replace(
            self.view,
            start=start,
            end=date.fromordinal(nxt.toordinal() - 1),
            geography=None if self.geography.value == ALL else self.geography.value,
            indicator=None if self.indicator.value == ALL else self.indicator.value,
            event_types=tuple(self.event_types.value),
            actors=tuple(self.actors.value),
        )

    def build(self) -> Any:
        """The chart for the current view."""
        builder = self.builders[self.chart_pick.value]
        view = self.current_view()
        return builder(filter_tables(self.tables, view), view)

    def redraw(self) -> None:
        """Rebuild the chart and replace the shown chart output in place (same display id).

        `update_display` from a widget callback reaches the cell's output in JupyterLab (the
        kernel routes it by display id), so the saved notebook holds the last view. Headless runs
        (papermill/nbclient) only see the first draw, as no widget moves there.
        """
        try:
            chart = self.build()
            bundle = chart._repr_mimebundle_()
        except Exception as exc:  # show the reason in place of the chart; keep the widgets alive
            self.status.value = f"<b>could not draw:</b> {type(exc).__name__}: {exc}"
            return
        data, meta = bundle if isinstance(bundle, tuple) else (bundle, {})
        self.chart = chart
        self.bundle = (data, meta)
        self.draws += 1
        self.status.value = ""
        if self.shown:
            from IPython.display import update_display

            update_display(data, metadata=meta, raw=True, display_id=self.display_id)

    def _changed(self, _change: dict) -> None:
        self.redraw()

    def export(self) -> list[Path]:
        """Write the current chart's files (PNG, SVG, PDF, HTML, CSV, JSON) via `export_chart`."""
        from analysis.charts import export_chart

        name = "-".join(p for p in (self.chart_pick.value, self.current_view().slug()) if p)
        try:
            export_chart(self.chart, name, formats=self.formats, out_dir=self.out_dir)
        except Exception as exc:
            self.status.value = f"<b>export failed:</b> {type(exc).__name__}: {exc}"
            raise
        from analysis import config

        out_dir = self.out_dir or config.figures_dir()
        written = sorted(p for p in Path(out_dir).glob(f"{name}.*") if p.suffix[1:] in self.formats)
        self.status.value = f"exported {len(written)} file(s) to {out_dir}/{name}.*"
        return written

    def _ipython_display_(self) -> None:
        """The controls, then the chart as a plain output that redraws replace (and saves keep)."""
        from IPython.display import display

        display(self.widget)
        if self.bundle is not None:
            data, meta = self.bundle
            display(data, metadata=meta, raw=True, display_id=self.display_id)
            self.shown = True


#: JupyterLab setting that saves the explorers' controls (widget state) in the notebook on save.
WIDGET_STATE_PLUGIN = "@jupyter-widgets/jupyterlab-manager:plugin"


def lab_settings_dir(prefix: str | Path | None = None) -> Path:
    """JupyterLab's application settings dir of the environment (where `overrides.json` lives)."""
    import sys

    return Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings"


def save_widget_state(settings_dir: str | Path | None = None) -> Path:
    """Turn on widget-state saving in `overrides.json` (other overrides kept); returns the file.

    Overrides are defaults: a user's own setting (Settings menu) still wins. An unreadable file is
    left alone (DataError), never overwritten.
    """
    import json

    from analysis.errors import DataError
    from analysis.provenance import atomic_write_text

    path = Path(settings_dir or lab_settings_dir()) / "overrides.json"
    overrides: dict[str, Any] = {}
    if path.exists():
        try:
            overrides = json.loads(path.read_text(encoding="utf-8") or "{}")
        except ValueError as exc:
            msg = "JupyterLab overrides are not valid JSON"
            raise DataError(
                msg, file=str(path), expected="a JSON object", found=str(exc), fix="repair it"
            ) from exc
        if not isinstance(overrides, dict):
            msg = "JupyterLab overrides must be an object"
            raise DataError(
                msg,
                file=str(path),
                expected="a JSON object",
                found=type(overrides).__name__,
                fix="wrap the settings in {}",
            )
    plugin = overrides.setdefault(WIDGET_STATE_PLUGIN, {})
    if plugin.get("saveState") is not True:
        plugin["saveState"] = True
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(overrides, indent=2) + "\n")
    return path


def _lags(t: Mapping[str, pl.DataFrame], v: View) -> Any:
    from analysis import charts, compare

    types = v.event_types or ("diplomatic",)
    lags = compare.lag_table(t["events"], t["tariff_actions"], event_types=types)
    return charts.lag_chart(lags)


def view_charts() -> dict[str, Builder]:
    """The chart builders of `analysis.charts`, each fed the explorer's tables and view."""
    from analysis import charts

    def ind(v: View) -> str:
        return v.indicator or "synthetic_opioids"

    return {
        "policy_timeline": lambda t, v: charts.policy_timeline(
            t["events"], start=v.start, end=v.end
        ),
        "tariff_steps": lambda t, v: charts.tariff_steps(
            t["tariff_rates"], t["tariff_actions"], start=v.start, end=v.end
        ),
        "overdose_trend": lambda t, v: charts.overdose_trend(
            t["overdose"],
            indicators=(ind(v),),
            geo=v.geography or "US",
            events=t["events"],
            start=v.start,
            end=v.end,
        ),
        "state_small_multiples": lambda t, v: charts.state_small_multiples(
            t["overdose"], indicator=ind(v)
        ),
        "seizures_trend": lambda t, v: charts.seizures_trend(
            t["seizures"], start=v.start, end=v.end
        ),
        "lag_chart": _lags,
        "diplomacy_vs_trade": lambda t, v: charts.diplomacy_vs_trade(
            t["events"],
            t["tariff_rates"],
            t["overdose"],
            start=v.start,
            end=v.end,
            event_types=v.event_types or ("diplomatic",),
            indicator=ind(v),
            geo=v.geography or "US",
        ),
    }


def explore(
    tables: Mapping[str, pl.DataFrame] | None = None,
    charts: Iterable[str] | Mapping[str, Builder] | None = None,
    *,
    out_dir: str | Path | None = None,
    **view: Any,
) -> Explorer:
    """An explorer over `charts` (names in `view_charts()`, or name → builder(tables, view))."""
    if tables is None:
        from analysis.report import Tables

        tables = Tables()
    if charts is None or not isinstance(charts, Mapping):
        known = view_charts()
        charts = {n: known[n] for n in (charts or known)}
    folder = Path(out_dir) if out_dir else None
    return Explorer(tables=tables, builders=charts, view=View(**view), out_dir=folder)
