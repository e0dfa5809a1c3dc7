"""Announcements beside policy changes: lags, event counts, before/after and segmented regression.

Frames are polars; pandas/numpy appear only inside the statsmodels calls.
"""

from analysis.compare.counts import event_counts
from analysis.compare.its import interrupted_time_series
from analysis.compare.lags import lag_table
from analysis.compare.rolling import monthly_from_rolling, rolling_change
from analysis.compare.windows import before_after

__all__ = [
    "before_after",
    "event_counts",
    "interrupted_time_series",
    "lag_table",
    "monthly_from_rolling",
    "rolling_change",
]
