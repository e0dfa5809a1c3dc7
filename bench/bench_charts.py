"""Chart export speed: PNG per gallery chart after warm-up (target ≤ 0.3 s) and the whole report
gallery in every format (target ≤ 10 s). Builds the embedded data/raw into a temporary project.

Run: .venv/bin/python bench/bench_charts.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(REPO / "data" / "raw", root / "data" / "raw")
        os.environ["PRECURSOR_HOME"] = str(root)
        from analysis import pipeline
        from analysis.charts import GALLERY, export_chart, load_tables
        from analysis.charts.export import FORMATS

        pipeline.build(log=lambda _m: None)
        tables = load_tables()
        out = root / "reports" / "figures"
        charts = {name: build(tables) for name, build in GALLERY.items()}
        export_chart(next(iter(charts.values())), "warmup", ("png",), out_dir=out)
        print("PNG export per chart after warm-up (median of 7, scale 2; target ≤ 0.3 s)")
        worst = 0.0
        for name, chart in charts.items():
            runs = []
            for _ in range(7):
                t0 = time.perf_counter()
                export_chart(chart, name, ("png",), out_dir=out)
                runs.append(time.perf_counter() - t0)
            med = statistics.median(runs)
            worst = max(worst, med)
            flag = "" if med <= 0.3 else "  (over target)"
            print(f"  {name:24s} {med:6.3f} s{flag}")
        t0 = time.perf_counter()
        for name, build in GALLERY.items():
            export_chart(build(tables), name, FORMATS, out_dir=out)
        total = time.perf_counter() - t0
        print(f"slowest PNG: {worst:.3f} s")
        print(
            f"whole gallery, {len(GALLERY)} charts × {len(FORMATS)} formats "
            f"({', '.join(FORMATS)}), build + export: {total:.2f} s (target ≤ 10 s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
