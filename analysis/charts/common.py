"""Shared pieces of the builders: calendar-day dates, shown data, titles, empty charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import altair as alt
import polars as pl

from analysis.charts.theme import HEIGHT, WIDTH
from analysis.errors import DataError

MAX_ROWS = 5000
#: Time axes over at most this many days get daily ticks labelled 'Feb 04' instead of hours.
SHORT_SPAN_DAYS = 92
#: Time axes over more than this many days get one tick per year (or every few years).
LONG_SPAN_DAYS = 3 * 365
SHOWN_ATTR = "_precursor_shown"
META_KEY = "precursor"


@dataclass(frozen=True)
class Meta:
    """What a chart says about itself: title, subtitle and the source parts it draws on."""

    title: str
    subtitle: str
    sources: tuple[str, ...] = ()
    releases: tuple[str, ...] = field(default_factory=tuple)
    #: Marks are clipped only so a brush zoom stays inside its panel: static pictures (PNG, SVG,
    #: PDF), which always show the whole range, are drawn without the clip (cheaper to raster).
    clip_for_zoom: bool = False

    @property
    def source_line(self) -> str:
        return ("Sources: " if len(self.sources) > 1 else "Source: ") + (
            "; ".join(self.sources) if self.sources else "Precursor"
        )

    def source_lines(self, width: int = 110) -> list[str]:
        """The source line wrapped between sources, so it fits under a page-wide chart."""
        lines: list[str] = []
        for part in self.source_line.split("; "):
            if lines and len(lines[-1]) + len(part) + 2 <= width:
                lines[-1] += "; " + part
            else:
                lines.append(part if not lines else "  " + part)
        return lines


def iso(column: str, alias: str | None = None) -> pl.Expr:
    """A Date column as 'YYYY-MM-DD' text: Vega reads it as UTC midnight, the utc scale keeps it."""
    return pl.col(column).dt.strftime("%Y-%m-%d").alias(alias or column)


def utc_expr(d: date) -> str:
    """A Vega expression for the UTC midnight of `d`."""
    return f"utc({d.year}, {d.month - 1}, {d.day})"


def span_of(shown: pl.DataFrame, column: str = "date") -> tuple[date, date] | None:
    """First and last day of an ISO-date text column (None when empty)."""
    if shown.height == 0 or column not in shown.columns:
        return None
    days = shown.get_column(column).drop_nulls().str.to_date("%Y-%m-%d")
    return (days.min(), days.max()) if days.len() else None


def _time_axis(first: date | None, last: date | None) -> alt.Axis:
    """Yearly ticks over long spans, daily ticks over short ones (never hours), else Vega's."""
    days = (last - first).days if first and last else None
    if days is not None and days > LONG_SPAN_DAYS:
        step = max(1, days // (365 * 12) + 1)
        return alt.Axis(format="%Y", tickCount={"interval": "year", "step": step})
    if days is not None and days <= SHORT_SPAN_DAYS:
        step = max(1, days // 10)
        return alt.Axis(format="%b %d", tickCount={"interval": "day", "step": step})
    return alt.Axis(labelOverlap=True)


def time_x(
    field: str = "date",
    *,
    title: str | None = None,
    start: date | None = None,
    end: date | None = None,
    brush: str | None = None,
    axis: bool = True,
    span: tuple[date, date] | None = None,
) -> alt.X:
    """Temporal x on a UTC scale (no time-zone shift); optionally zoomed by an interval brush.

    `start`/`end` fix the domain; `span` (the data's first and last day) only picks the ticks.
    """
    domain: Any = alt.Undefined
    if start and end:
        domain = [start.isoformat(), end.isoformat()]
        if brush:
            fallback = f"[{utc_expr(start)}, {utc_expr(end)}]"
            domain = {"expr": f"{brush}.{field} ? {brush}.{field} : {fallback}"}
    first = start or (span[0] if span else None)
    last = end or (span[1] if span else None)
    # a brushed (zoomable) axis keeps Vega's adaptive ticks
    ax = alt.Axis(labelOverlap=True) if brush else _time_axis(first, last)
    return alt.X(
        f"{field}:T",
        title=title,
        scale=alt.Scale(type="utc", domain=domain),
        axis=ax if axis else None,
    )


def day_tip(title: str, field: str = "date") -> alt.Tooltip:
    """Tooltip showing the calendar day as YYYY-MM-DD, formatted in UTC (no time-zone shift)."""
    return alt.Tooltip(f"{field}:T", title=title, timeUnit="utcyearmonthdate", format="%Y-%m-%d")


def check_rows(shown: pl.DataFrame, what: str) -> None:
    """Charts inline their data: refuse more than MAX_ROWS rows (aggregate first)."""
    if shown.height > MAX_ROWS:
        msg = f"{what}: too many rows to draw inline"
        raise DataError(
            msg,
            expected=f"at most {MAX_ROWS} rows",
            found=shown.height,
            fix="aggregate or filter before charting",
        )


def finish(chart: alt.TopLevelMixin, shown: pl.DataFrame, meta: Meta) -> alt.TopLevelMixin:
    """Set title, subtitle and source line; keep the shown frame and provenance for export."""
    chart = chart.properties(
        title=alt.TitleParams(text=meta.title, subtitle=[meta.subtitle, *meta.source_lines()]),
        usermeta={
            META_KEY: {
                "title": meta.title,
                "subtitle": meta.subtitle,
                "source_line": meta.source_line,
                "sources": list(meta.sources),
                "releases": list(meta.releases),
                **({"clip_for_zoom": True} if meta.clip_for_zoom else {}),
            }
        },
    )
    chart.__dict__[SHOWN_ATTR] = shown  # not a Vega-Lite property: bypass altair's __setattr__
    return chart


def shown_of(chart: alt.TopLevelMixin) -> pl.DataFrame | None:
    """The frame a builder drew (None for charts not made by a builder)."""
    return chart.__dict__.get(SHOWN_ATTR)


def no_data(meta: Meta, what: str = "this selection") -> alt.Chart:
    """A chart that says there is nothing to draw, with the usual title and source line."""
    message = f"No data for {what}"
    shown = pl.DataFrame({"message": [message]})
    chart = (
        alt.Chart(alt.Data(values=shown.to_dicts()))
        .mark_text(fontSize=16, color="#4D4D4D")
        .encode(text="message:N")
        .properties(width=WIDTH, height=HEIGHT // 2)
    )
    return finish(chart, shown, meta)


def data_of(shown: pl.DataFrame) -> alt.InlineData:
    """Inline values from a polars frame (dates must already be ISO strings)."""
    return alt.InlineData(values=shown.to_dicts())


def newest(frame: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """Rows of the newest `vintage` within each `by` group (the default release)."""
    if "vintage" not in frame.columns or frame.height == 0:
        return frame
    return frame.filter(pl.col("vintage") == pl.col("vintage").max().over(by))


def clip(frame: pl.DataFrame, column: str, start: date | None, end: date | None) -> pl.DataFrame:
    if start is not None:
        frame = frame.filter(pl.col(column) >= start)
    if end is not None:
        frame = frame.filter(pl.col(column) <= end)
    return frame


def truncate(column: str, limit: int) -> pl.Expr:
    """Text cut to `limit` characters with an ellipsis (tooltips stay readable)."""
    c = pl.col(column)
    return (
        pl.when(c.str.len_chars() > limit)
        .then(c.str.slice(0, limit - 1) + "…")
        .otherwise(c)
        .alias(column)
    )
