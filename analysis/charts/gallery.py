"""Every figure of the report: name → function(tables) → chart, and a helper exporting them all."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import altair as alt
import polars as pl

from analysis.charts.captions import combine, provenance
from analysis.charts.counts import event_counts_chart
from analysis.charts.export import FORMATS, export_chart
from analysis.charts.headline import DEFAULT_START, diplomacy_vs_trade
from analysis.charts.lags import lag_chart
from analysis.charts.overdose import overdose_trend
from analysis.charts.seizures import seizures_trend
from analysis.charts.tariffs import tariff_steps
from analysis.charts.timeline import policy_timeline

Tables = Mapping[str, pl.DataFrame]
#: First day the report's time charts show (see headline.DEFAULT_START).
START = DEFAULT_START
#: Indicators of the by-drug overdose figure (the embedded VSRR extract holds the US only, so the
#: report draws drugs, not states; `state_small_multiples` needs a full VSRR release).
DRUGS = ("synthetic_opioids", "heroin", "cocaine", "psychostimulants")
#: Layers drawn in the report's tariff charts (the curated `tariff_rates` layer names).
US_LAYERS = (
    "section_301_list1",
    "section_301_list3",
    "section_301_list4a",
    "ieepa_fentanyl",
    "ieepa_reciprocal",
    "section_122",
    "total",
)
CN_LAYERS = (
    "retaliation_34bn",
    "retaliation_60bn",
    "retaliation_75bn",
    "retaliation_feb2025",
    "retaliation_mar2025",
    "retaliation_reciprocal",
    "total",
)
#: Tables the gallery reads.
NEEDS = ("events", "tariff_actions", "tariff_rates", "overdose", "seizures")


def load_tables(root: Path | None = None, names: Iterable[str] = NEEDS) -> dict[str, pl.DataFrame]:
    """Processed tables by name; a table not built yet is an empty frame of its contract."""
    from analysis import store
    from analysis.contracts import get

    out = {}
    for name in names:
        path = store.table_path(name, root)
        out[name] = pl.read_parquet(path) if path.exists() else get(name).empty()
    return out


def _lags(t: Tables) -> alt.TopLevelMixin:
    from analysis.compare import lag_table

    parts, rel = combine(
        provenance(t["events"], "events"), provenance(t["tariff_actions"], "tariff_actions")
    )
    return lag_chart(lag_table(t["events"], t["tariff_actions"]), sources=parts, releases=rel)


GALLERY: dict[str, Callable[[Tables], alt.TopLevelMixin]] = {
    "diplomacy_vs_trade": lambda t: diplomacy_vs_trade(
        t["events"], t["tariff_rates"], t["overdose"]
    ),
    "policy_timeline": lambda t: policy_timeline(t["events"], start=START),
    "event_counts": lambda t: event_counts_chart(t["events"], start=START),
    "policy_timeline_actors": lambda t: policy_timeline(t["events"], lanes="actor", start=START),
    "tariff_steps_us": lambda t: tariff_steps(
        t["tariff_rates"], t["tariff_actions"], imposer="US", layers=US_LAYERS
    ),
    "tariff_steps_cn": lambda t: tariff_steps(
        t["tariff_rates"], t["tariff_actions"], imposer="CN", layers=CN_LAYERS
    ),
    "overdose_trend": lambda t: overdose_trend(t["overdose"], events=t["events"]),
    "overdose_by_drug": lambda t: overdose_trend(t["overdose"], indicators=DRUGS),
    "seizures_fentanyl": lambda t: seizures_trend(t["seizures"], drugs=("fentanyl",)),
    "lag_chart": _lags,
}


def export_gallery(
    tables: Tables | None = None,
    *,
    names: Iterable[str] | None = None,
    formats: Iterable[str] = FORMATS,
    out_dir: Path | None = None,
) -> dict[str, dict[str, Path]]:
    """Build and export every gallery chart (or `names`) from the processed tables."""
    tables = tables if tables is not None else load_tables()
    return {
        name: export_chart(GALLERY[name](tables), name, formats, out_dir=out_dir)
        for name in (names or GALLERY)
    }
