"""Time a cold `make report` (environment installed, nothing built) and a second, unchanged run.

Runs `precursor report` on a temp copy of the project (data/raw + notebooks + a snapshot of the
`analysis` package put first on PYTHONPATH, so edits made meanwhile in the checkout do not count
as changes), leaving the checkout's reports/ and data/processed/ untouched. Target: second run
< 20% of the first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(home: Path) -> float:
    path = os.pathsep.join(p for p in (str(home / "code"), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PRECURSOR_HOME": str(home), "PYTHONPATH": path}
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "report"],
        env=env,
        cwd=home,  # `-m` puts the cwd first on sys.path: keep the checkout's package out
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"precursor report failed:\n{proc.stderr[-2000:]}")
    return seconds


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        home = Path(tmp)
        shutil.copytree(ROOT / "data" / "raw", home / "data" / "raw")
        shutil.copytree(ROOT / "notebooks", home / "notebooks")
        shutil.copytree(ROOT / "analysis", home / "code" / "analysis")
        cold = timed(home)
        warm = timed(home)
        figures = len(list((home / "reports" / "figures").glob("*.png")))
        notebooks = len(list((home / "reports" / "notebooks").glob("*.ipynb")))
    print(f"cold report (tables + {notebooks} notebooks + {figures} figures): {cold:6.1f} s")
    print(f"second run, nothing changed:                        {warm:6.1f} s")
    print(f"ratio: {warm / cold:.1%} (target < 20%)")


if __name__ == "__main__":
    main()
