"""Altair chart builders, the report theme, export through vl-convert, and the report gallery.

Importing this package enables the `precursor` theme. `setup()` (from `analysis.charts.render`)
makes charts draw offline in JupyterLab.
"""

from typing import Any

from analysis.charts import theme
from analysis.charts.counts import event_counts_chart
from analysis.charts.export import export_chart
from analysis.charts.gallery import GALLERY, export_gallery, load_tables
from analysis.charts.headline import diplomacy_vs_trade
from analysis.charts.lags import lag_chart
from analysis.charts.overdose import overdose_trend, state_small_multiples
from analysis.charts.seizures import seizures_trend
from analysis.charts.tariffs import tariff_steps
from analysis.charts.timeline import policy_timeline

theme.use()


def setup(*a: Any, **k: Any) -> Any:
    """Offline rendering in JupyterLab (see analysis.charts.render.setup)."""
    from analysis.charts.render import setup as s

    return s(*a, **k)


__all__ = [
    "GALLERY",
    "diplomacy_vs_trade",
    "event_counts_chart",
    "export_chart",
    "export_gallery",
    "lag_chart",
    "load_tables",
    "overdose_trend",
    "policy_timeline",
    "seizures_trend",
    "setup",
    "state_small_multiples",
    "tariff_steps",
]
