"""Loader of the curated `tariffs/<vintage>/tariff_actions.csv` → table `tariff_actions`.

One row per legal action and rate layer, with the columns of the contract:
`action_id, announced, effective, ends, imposer, target, authority, layer, rate_pct, coverage,
citation, note`. Conventions of the file:

- `imposer` is "US" or "CN"; `target` is the other country, or "all" for global measures that
  also hit it (Section 232, Section 122, the 10% reciprocal baseline).
- `layer` names one step series: each action sets that layer's rate from `effective` (the latest
  action governs; `ends` returns the layer to 0 unless a later action replaced it first). Names:
  `ieepa_*` for the IEEPA layers, `section_301_*`, `section_232_*`, `section_122`, and
  `retaliation_*` for Chinese layers.
- `rate_pct` is the additional ad valorem rate in percent; for tiered Chinese lists it is the top
  tier; it is blank for measures that are not ad valorem (de minimis, port fees, carve-outs).
- `coverage` starting with "all goods" marks an across-the-board layer (it counts in `total`,
  see `analysis.tariff_rates`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from analysis.contracts import TARIFF_ACTIONS, validate
from analysis.sources._csv import read_csv

COLUMNS = {
    "action_id": "str",
    "announced": "date",
    "effective": "date",
    "ends": "date",
    "imposer": "str",
    "target": "str",
    "authority": "str",
    "layer": "str",
    "rate_pct": "float",
    "coverage": "str",
    "citation": "str",
    "note": "str",
}
REQUIRED = tuple(c for c in COLUMNS if c not in ("ends", "note"))


def load(path: Path, *, vintage: date | None = None) -> pl.DataFrame:
    """Read one tariff_actions.csv and return the validated rows in file order."""
    return validate(read_csv(Path(path), COLUMNS, required=REQUIRED), TARIFF_ACTIONS)


def load_many(paths: list[Path]) -> pl.DataFrame:
    """Every vintage's rows; an action_id repeated across files is a duplicate-key error."""
    if not paths:
        return TARIFF_ACTIONS.empty()
    frames = [read_csv(Path(p), COLUMNS, required=REQUIRED) for p in paths]
    return validate(pl.concat(frames, how="vertical"), TARIFF_ACTIONS)
