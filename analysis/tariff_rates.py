"""Tariff rate in force on any date, derived from `tariff_actions` (never typed by hand).

`tariff_rates` holds step series: a row (date, imposer, layer, rate_pct, source) means "from
`date` until the next row of the same series". Series of source "tariff_actions":

- one per `layer` of the actions (the latest action governs; its `ends` date returns the layer to
  0 unless a later action replaced it first; actions without a rate are not series);
- `ieepa_total` (US only): the sum of the `ieepa_*` layers — the IEEPA fentanyl and reciprocal
  duties on Chinese goods;
- `total`, per imposer: the sum of the across-the-board layers (actions whose coverage starts
  with "all goods"): for the US the two IEEPA layers plus the Section 122 surcharge, for China
  its across-the-board retaliation. Product-specific layers (Section 301 lists, Section 232,
  targeted retaliation) are left out because their rates apply to different goods and cannot be
  added up.
- `lists_max`, per imposer: the highest rate among the product lists of the 2018–2020 trade war
  (US Section 301 lists 1–4A; China's retaliation lists against them). It is the rate the goods
  on those lists (most US imports from China) paid on top of `total`, so a chart of `total`
  alone would show the 2018–2019 tariff war as zero.

The research tracker's China series keeps its own layer (`tracker_effective_increase`, source
"tradewartracker"); `disagreements` lists the dates where it and the curated `total` differ.
Rates are additional duties in percent; before a series' first date the rate is 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import polars as pl

from analysis.contracts import TARIFF_ACTIONS, TARIFF_RATES, validate
from analysis.errors import DataError

CURATED = "tariff_actions"
TRACKER = "tradewartracker"
TRACKER_LAYER = "tracker_effective_increase"
IEEPA_TOTAL = "ieepa_total"
TOTAL = "total"
ACROSS_THE_BOARD = "all goods"
LISTS_MAX = "lists_max"
#: Layers of the 2018–2020 trade-war product lists, per imposer (regex on the layer name).
TRADE_WAR_LISTS = {
    "US": r"^section_301_list",
    "CN": r"^retaliation_(232_tier\d+|34bn|16bn|60bn|75bn)$",
}


def steps(actions: pl.DataFrame) -> pl.DataFrame:
    """Step series of every layer plus `ieepa_total`, `total` and `lists_max`, from actions."""
    actions = validate(actions, TARIFF_ACTIONS)
    rated = actions.filter(pl.col("rate_pct").is_not_null())
    series: list[dict] = []
    components: dict[tuple[str, str], list[str]] = {}
    for (imposer, layer), group in rated.group_by(["imposer", "layer"], maintain_order=True):
        rows = group.with_row_index("_seq").sort(["effective", "announced", "_seq"])
        series += _collapse(imposer, layer, _layer_path(rows.to_dicts()))
        if layer.startswith("ieepa_"):
            components.setdefault((imposer, IEEPA_TOTAL), []).append(layer)
        if group["coverage"].str.to_lowercase().str.starts_with(ACROSS_THE_BOARD).all():
            components.setdefault((imposer, TOTAL), []).append(layer)
    by_layer = {(r["imposer"], r["layer"]): [] for r in series}
    for r in series:
        by_layer[(r["imposer"], r["layer"])].append((r["date"], r["rate_pct"]))
    for (imposer, name), layers in components.items():
        dates = sorted({d for lay in layers for d, _ in by_layer[(imposer, lay)]})
        path = [(d, sum(_at(by_layer[(imposer, lay)], d) for lay in layers)) for d in dates]
        series += _collapse(imposer, name, path)
    for imposer, pattern in TRADE_WAR_LISTS.items():
        lists = [lay for (imp, lay) in by_layer if imp == imposer and re.match(pattern, lay)]
        dates = sorted({d for lay in lists for d, _ in by_layer[(imposer, lay)]})
        path = [(d, max(_at(by_layer[(imposer, lay)], d) for lay in lists)) for d in dates]
        series += _collapse(imposer, LISTS_MAX, path)
    frame = pl.DataFrame(series, schema=TARIFF_RATES.schema) if series else TARIFF_RATES.empty()
    return validate(frame.sort(["imposer", "layer", "date"]), TARIFF_RATES)


def _layer_path(actions: list[dict]) -> list[tuple[date, float]]:
    """(date, rate) at each date where one layer may change: the latest action in force governs."""
    dates = sorted({a["effective"] for a in actions} | {a["ends"] for a in actions if a["ends"]})
    path = []
    for d in dates:
        current = [a for a in actions if a["effective"] <= d]
        last = current[-1]
        ended = last["ends"] is not None and last["ends"] <= d
        path.append((d, 0.0 if ended else float(last["rate_pct"])))
    return path


def _collapse(imposer: str, layer: str, path: list[tuple[date, float]]) -> list[dict]:
    """Rows only where the rate changes (the first row always kept)."""
    out: list[dict] = []
    for d, rate in path:
        if out and out[-1]["rate_pct"] == rate:
            continue
        out.append(
            {"date": d, "imposer": imposer, "layer": layer, "rate_pct": rate, "source": CURATED}
        )
    return out


def _at(path: list[tuple[date, float]], day: date) -> float:
    rate = 0.0
    for d, r in path:
        if d > day:
            break
        rate = r
    return rate


def combine(frames: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """Pipeline combine: curated steps from source `tariffs` + the `tariff_tracker` series."""
    parts = []
    actions = frames.get("tariffs")
    if actions is not None and actions.height:
        parts.append(steps(actions))
    tracker = frames.get("tariff_tracker")
    if tracker is not None and tracker.height:
        parts.append(validate(tracker, TARIFF_RATES))
    if not parts:
        return TARIFF_RATES.empty()
    return pl.concat(parts, how="vertical").sort(["source", "imposer", "layer", "date"])


def _rates(rates: pl.DataFrame | None) -> pl.DataFrame:
    if rates is not None:
        return rates
    from analysis import store

    return store.read("tariff_rates")


def rate_in_force(
    day: date,
    imposer: str,
    layer: str,
    rates: pl.DataFrame | None = None,
    *,
    source: str | None = None,
) -> float:
    """Rate (%) of `layer` imposed by `imposer` in force on `day`; 0 before the series starts.

    `rates` defaults to the built `tariff_rates` table; `source` defaults to the tracker for its
    layer and to the curated series otherwise. Example:
    `rate_in_force(date(2025, 4, 10), "US", "ieepa_total")` → 145.0.
    """
    table = _rates(rates)
    src = source or (TRACKER if layer == TRACKER_LAYER else CURATED)
    series = table.filter(
        (pl.col("source") == src) & (pl.col("imposer") == imposer) & (pl.col("layer") == layer)
    )
    if not series.height:
        known = table.filter(pl.col("imposer") == imposer)["layer"].unique().sort().to_list()
        msg = f"no series for imposer '{imposer}', layer '{layer}', source '{src}'"
        raise DataError(
            msg,
            column="layer",
            expected="one of " + ", ".join(known) if known else "imposer US or CN",
            found=layer,
            fix="pick a layer listed in tariff_rates",
        )
    before = series.filter(pl.col("date") <= day).sort("date")
    return float(before["rate_pct"][-1]) if before.height else 0.0


def disagreements(
    rates: pl.DataFrame | None = None,
    *,
    tolerance_pp: float = 2.0,
    layer: str = TOTAL,
) -> pl.DataFrame:
    """Dates where the tracker's China series and the curated US `layer` differ > tolerance.

    Both series are compared on every date either changes, from the tracker's first to its last
    date. The tracker is a trade-weighted average, so small gaps (exemptions, product mix) are
    expected; larger ones are timing or rate differences, e.g. 2025-02-04, where the tracker has
    the full 20% fentanyl tariff and the curated series 10%.
    Columns: date, tracker_pct, curated_pct, difference_pp (tracker minus curated).
    """
    table = _rates(rates)
    tracker = table.filter((pl.col("source") == TRACKER) & (pl.col("layer") == TRACKER_LAYER))
    curated = table.filter(
        (pl.col("source") == CURATED) & (pl.col("imposer") == "US") & (pl.col("layer") == layer)
    )
    schema = {
        "date": pl.Date,
        "tracker_pct": pl.Float64,
        "curated_pct": pl.Float64,
        "difference_pp": pl.Float64,
    }
    if not tracker.height:
        return pl.DataFrame(schema=schema)
    first, last = tracker["date"].min(), tracker["date"].max()
    dates = sorted(
        {d for d in [*tracker["date"], *curated["date"]] if first <= d <= last}  # type: ignore[operator]
    )
    t_path = list(zip(tracker.sort("date")["date"], tracker.sort("date")["rate_pct"], strict=True))
    c_path = list(zip(curated.sort("date")["date"], curated.sort("date")["rate_pct"], strict=True))
    rows = []
    for d in dates:
        t, c = _at(t_path, d), _at(c_path, d)
        if abs(t - c) > tolerance_pp:
            rows.append({"date": d, "tracker_pct": t, "curated_pct": c, "difference_pp": t - c})
    return pl.DataFrame(rows, schema=schema)
