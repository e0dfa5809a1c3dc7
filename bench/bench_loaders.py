"""Loader speed and memory on the 69,000-row VSRR release (and the other loaders, for scale).

Prints, for `cdc_vsrr.load` (read + normalize + validate against the contract):
  * the ratio to a bare `polars.read_csv` of the same file        (target: at most 2x)
  * the speed-up over a plain pandas version of the same work      (target: at least 3x)
  * peak resident memory of each, measured in a fresh subprocess (VmHWM growth over the baseline
    after imports; tracemalloc cannot see polars' native allocations)
Run: .venv/bin/python bench/bench_loaders.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.config import shared_data_dir  # noqa: E402

VSRR = "cdc_vsrr/opioiddatalab_2025-01/data_2025-01-08_08-27-44.csv"
OTHERS = {
    "cbp_seizures": "cbp_seizures/ntimbs_2026-01/nationwide-drugs-fy19-fy22.csv",
    "cdc_wonder": "cdc_wonder/opioiddatalab_2025/Provisional Mortality Statistics, "
    "2018 through Last Week.txt",
    "trade": "census_trade/fred_2026-03/IMPCH.csv",
}


def bare_polars(path: Path):
    """All columns as text: with default type inference read_csv fails on this very file
    (`"1,218"` in Predicted Value after 100 plain integers)."""
    import polars as pl

    return pl.read_csv(path, infer_schema=False)


def mine(path: Path):
    from analysis.sources import cdc_vsrr

    return cdc_vsrr.load(path)


def plain_pandas(path: Path):
    """The same normalization written the obvious pandas way (one pass per step, no tricks)."""
    import pandas as pd

    from analysis.sources.cdc_vsrr import INDICATORS, MONTHS, SOURCE

    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    codes = dict(zip(INDICATORS["label"].to_list(), INDICATORS["indicator"].to_list(), strict=True))
    unknown = set(df["Indicator"].unique()) - set(codes)
    if unknown:
        raise ValueError(f"unknown indicators {unknown}")
    df["code"] = df["Indicator"].map(codes)
    df = df[df["code"].notna()].copy()

    def num(col: str) -> pd.Series:
        clean = df[col].str.replace(",", "", regex=False).str.replace("+", "", regex=False)
        return pd.to_numeric(clean, errors="raise")

    month = df["Month"].map(MONTHS)
    start = pd.to_datetime({"year": df["Year"].astype(int), "month": month, "day": 1})
    out = pd.DataFrame(
        {
            "period_end": (start + pd.offsets.MonthEnd(0)).dt.date,
            "window": "12m",
            "geo": df["State"].replace({"YC": "NYC"}),
            "subgroup": "all",
            "indicator": df["code"],
            "deaths": num("Data Value").astype("Int64"),
            "deaths_predicted": num("Predicted Value").astype("Float64"),
            "is_provisional": True,
            "pct_complete": num("Percent Complete"),
            "pct_pending": num("Percent Pending Investigation"),
            "source": SOURCE,
            "vintage": pd.Timestamp("2025-01-01").date(),
        }
    )
    foot = df["Footnote"].fillna("")
    out["is_suppressed"] = out["deaths"].isna() & foot.str.contains(
        "data suppressed|low data quality", case=False, regex=True
    )
    key = ["vintage", "source", "window", "geo", "subgroup", "indicator", "period_end"]
    if out.duplicated(key).any():
        raise ValueError("duplicate keys")
    if (out["deaths"].dropna() < 0).any() or out[key].isna().any().any():
        raise ValueError("contract broken")
    return out


VARIANTS: dict[str, Callable] = {"polars.read_csv": bare_polars, "cdc_vsrr.load": mine,
                                 "pandas": plain_pandas}  # fmt: skip


def best_of(fn: Callable, path: Path, runs: int) -> float:
    fn(path)  # warm-up (imports, file cache)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t)
    return min(times)


def interleaved(variants: dict[str, Callable], path: Path, runs: int) -> dict[str, list[float]]:
    """Times of each variant, runs alternating so a busy machine slows all of them alike."""
    for fn in variants.values():
        fn(path)
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, fn in variants.items():
            t = time.perf_counter()
            fn(path)
            times[name].append(time.perf_counter() - t)
    return times


def peak_rss_mb(name: str, path: Path) -> float:
    """Peak RSS growth of one call, in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, __file__, "--rss", name, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)["mb"]


def _rss_child(name: str, path: Path) -> None:
    import pandas  # noqa: F401  (imports count toward the baseline, not the call)
    import polars  # noqa: F401

    import analysis.sources.cdc_vsrr  # noqa: F401

    base = _peak_kb()
    VARIANTS[name](path)
    print(json.dumps({"mb": (_peak_kb() - base) / 1024}))


def _peak_kb() -> int:
    """Peak RSS of this process image: VmHWM (reset by exec, unlike ru_maxrss on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    root = shared_data_dir()
    if root is None:
        print("skip: …/shared/data absent (the 69,000-row VSRR release is needed)")
        return 0
    path = root / VSRR
    import polars as pl

    rows = pl.read_csv(path, infer_schema=False).height
    print(f"file: {path.name} ({rows:,} rows, {path.stat().st_size / 1e6:.1f} MB)")
    rounds = interleaved(VARIANTS, path, runs=15)
    t = {name: min(ts) for name, ts in rounds.items()}
    mem = {name: peak_rss_mb(name, path) for name in VARIANTS}
    for name in VARIANTS:
        print(f"  {name:16s} {t[name] * 1000:8.1f} ms   peak RSS +{mem[name]:6.1f} MB")
    ratio = t["cdc_vsrr.load"] / t["polars.read_csv"]
    speedup = t["pandas"] / t["cdc_vsrr.load"]
    print(f"load+validate / bare read_csv: {ratio:.2f}x  (target <= 2x: "
          f"{'met' if ratio <= 2 else 'MISSED'})")  # fmt: skip
    print(f"pandas / cdc_vsrr.load:        {speedup:.2f}x  (target >= 3x: "
          f"{'met' if speedup >= 3 else 'MISSED'})")  # fmt: skip
    paired = sorted(
        a / b for a, b in zip(rounds["cdc_vsrr.load"], rounds["polars.read_csv"], strict=True)
    )
    print(f"  per-round ratio load/read_csv: median {paired[len(paired) // 2]:.2f}x, "
          f"range {paired[0]:.2f}x-{paired[-1]:.2f}x over {len(paired)} rounds")  # fmt: skip
    from analysis.contracts import OVERDOSE, validate
    from analysis.sources import cdc_vsrr

    loaded = cdc_vsrr.load(path)
    check = best_of(lambda _p: validate(loaded, OVERDOSE), path, 7)
    print(f"  of which the contract check (analysis.contracts.validate): {check * 1000:.1f} ms")
    from analysis.sources import get_source

    print("other loaders (load + validate vs bare polars.read_csv, best of 5):")
    for source, rel in OTHERS.items():
        p = root / rel
        sep = "\t" if p.suffix == ".txt" else ","
        bare = best_of(lambda q, s=sep: pl.read_csv(q, separator=s, infer_schema=False,
                                                    truncate_ragged_lines=True), p, 5)  # fmt: skip
        load = best_of(get_source(source).load, p, 5)
        print(f"  {source:13s} {load * 1000:7.1f} ms vs {bare * 1000:6.1f} ms ({load / bare:.1f}x)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--rss":
        _rss_child(sys.argv[2], Path(sys.argv[3]))
    else:
        raise SystemExit(main())
