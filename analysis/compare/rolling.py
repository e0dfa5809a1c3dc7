"""12-month-ending sums → monthly values, only where the arithmetic allows it.

A 12-month-ending sum R_t = m_t + m_{t−1} + … + m_{t−11}. Its month-to-month difference is
R_t − R_{t−1} = m_t − m_{t−12}: the change against the same month a year earlier, never the monthly
count itself. Monthly counts follow only when 12 consecutive monthly values are known from
elsewhere (an anchor, e.g. CDC WONDER '1m' rows of the same geography and drug); then
m_t = m_{t−12} + R_t − R_{t−1} forward and m_{t−12} = m_t − (R_t − R_{t−1}) backward.
Without an anchor, use `rolling_change` or the '1m' rows directly.
"""

from __future__ import annotations

import polars as pl

from analysis.errors import DataError


def _months(frame: pl.DataFrame, on: str, value: str) -> dict[int, float]:
    d = frame.select(pl.col(on), pl.col(value).cast(pl.Float64)).drop_nulls()
    if d.get_column(on).is_duplicated().any():
        msg = "several values share a month (filter to one series first)"
        raise DataError(msg, column=on, expected="one value per month", fix="filter the frame")
    idx = d.get_column(on).dt.year().cast(pl.Int64) * 12 + d.get_column(on).dt.month() - 1
    return dict(zip(idx.to_list(), d.get_column(value).to_list(), strict=True))


def rolling_change(
    rolling: pl.DataFrame, *, on: str = "period_end", value: str = "deaths"
) -> pl.DataFrame:
    """R_t − R_{t−1} = m_t − m_{t−12}: the monthly count's change against a year earlier."""
    r = _months(rolling, on, value)
    rows = [(i, r[i] - r[i - 1]) for i in sorted(r) if i - 1 in r]
    return pl.DataFrame(
        {"i": [i for i, _ in rows], "change_vs_year_earlier": [v for _, v in rows]},
        schema={"i": pl.Int64, "change_vs_year_earlier": pl.Float64},
    ).select(
        pl.date(pl.col("i") // 12, pl.col("i") % 12 + 1, 1).dt.month_end().alias(on),
        "change_vs_year_earlier",
    )


def monthly_from_rolling(
    rolling: pl.DataFrame,
    anchor: pl.DataFrame,
    *,
    on: str = "period_end",
    value: str = "deaths",
) -> pl.DataFrame:
    """Monthly values from 12-month-ending sums plus ≥ 12 consecutive known monthly values.

    Returns `period_end`, `value`, `basis` ('anchor' or 'derived'), `window` ('1m'). Raises when
    the anchor lacks 12 consecutive months or a derived value is negative (the two sources
    disagree, e.g. different vintages or definitions).
    """
    r = _months(rolling, on, value)
    m = _months(anchor, on, value)
    runs = [i for i in sorted(m) if all(i + k in m for k in range(12))]
    # the latest 12-month run whose last month (and the one before it) has a rolling sum
    linked = [i for i in runs if i + 11 in r and (i + 12 in r or i + 10 in r)]
    start = linked[-1] if linked else None
    if runs and start is None:
        msg = "the anchor months do not meet the 12-month-ending sums"
        raise DataError(
            msg,
            column=on,
            expected="12 consecutive anchor months ending in a month the rolling series covers",
            found=f"anchor from {runs[0] // 12}-{runs[0] % 12 + 1:02d}, rolling sums from "
            f"{min(r) // 12}-{min(r) % 12 + 1:02d}"
            if r
            else "no rolling sums",
            fix="pass an anchor that overlaps the rolling series",
        )
    if start is None:
        msg = "monthly values cannot be derived from 12-month-ending sums alone"
        raise DataError(
            msg,
            column=value,
            expected="an anchor of 12 consecutive known monthly values",
            found=f"{len(m)} monthly value(s), none 12 in a row",
            fix="pass '1m' rows (e.g. CDC WONDER) of the same series as anchor, or use "
            "rolling_change()",
        )
    out = {i: (m[i], "anchor") for i in range(start, start + 12)}
    i = start + 12
    while i in r and i - 1 in r:
        out[i] = (out[i - 12][0] + r[i] - r[i - 1], "derived")
        i += 1
    i = start - 1
    while i + 12 in r and i + 11 in r and i + 12 in out:
        out[i] = (out[i + 12][0] - (r[i + 12] - r[i + 11]), "derived")
        i -= 1
    keys = sorted(out)
    frame = pl.DataFrame(
        {
            "i": keys,
            "value": [out[k][0] for k in keys],
            "basis": [out[k][1] for k in keys],
        },
        schema={"i": pl.Int64, "value": pl.Float64, "basis": pl.String},
    )
    negative = frame.filter(pl.col("value") < 0)
    if negative.height:
        k = negative.get_column("i")[0]
        msg = "derived monthly value is negative: the rolling sums and the anchor disagree"
        raise DataError(
            msg,
            column=value,
            expected="sums and anchor from the same definition and release",
            found=f"{k // 12}-{k % 12 + 1:02d}: {negative.get_column('value')[0]:.0f}",
            fix="use an anchor of the same geography, indicator and vintage",
        )
    return frame.select(
        pl.date(pl.col("i") // 12, pl.col("i") % 12 + 1, 1).dt.month_end().alias(on),
        "value",
        "basis",
        pl.lit("1m").alias("window"),
    )
