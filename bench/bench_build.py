"""Time a cold `precursor build` and a second build with nothing changed (target: < 10%).

Runs on a temporary copy of the project's `data/raw` (PRECURSOR_HOME points at it), so the real
`data/processed` is never touched. Two measurements:

- subprocess: the installed `precursor build` command, as an analyst runs it (includes starting
  Python and importing polars);
- in-process: `analysis.pipeline.build()` called twice in this interpreter, after one untimed
  import of the package (the build work alone).

Usage: `.venv/bin/python bench/bench_build.py [--only TABLE ...]`
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fresh_project(parent: Path, name: str) -> Path:
    root = parent / name
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    (root / "data" / "processed").mkdir(parents=True)
    return root


def run_cli(root: Path, only: list[str]) -> float:
    exe = Path(sys.executable).parent / "precursor"
    argv = [str(exe), "build", *[a for t in only for a in ("--only", t)]]
    env = {**os.environ, "PRECURSOR_HOME": str(root)}
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"build failed: {proc.stderr.strip()}")
    return elapsed


def run_in_process(root: Path, only: list[str]) -> tuple[float, list[str], list[str]]:
    os.environ["PRECURSOR_HOME"] = str(root)
    from analysis.pipeline import build

    start = time.perf_counter()
    result = build(only or None, log=lambda _m: None)
    return time.perf_counter() - start, result.built, result.skipped


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", action="append", default=[], metavar="TABLE")
    args = p.parse_args()
    raw_files = sum(1 for f in (ROOT / "data" / "raw").rglob("*") if f.is_file())
    print(f"project copy: {raw_files} files under data/raw; tables: {args.only or 'all'}")
    with tempfile.TemporaryDirectory(prefix="precursor-bench-") as tmp:
        root = fresh_project(Path(tmp), "cli")
        cold = run_cli(root, args.only)
        warm = run_cli(root, args.only)
        print(
            f"subprocess `precursor build`: cold {cold:.3f} s, unchanged {warm:.3f} s, "
            f"ratio {warm / cold:.1%}"
        )

        import analysis.pipeline  # noqa: F401  (import cost kept out of the in-process figures)

        root = fresh_project(Path(tmp), "inproc")
        cold, built, _ = run_in_process(root, args.only)
        warm, rebuilt, skipped = run_in_process(root, args.only)
        print(
            f"in-process pipeline.build(): cold {cold:.3f} s ({len(built)} tables built), "
            f"unchanged {warm:.3f} s ({len(skipped)} skipped, {len(rebuilt)} rebuilt), "
            f"ratio {warm / cold:.1%}"
        )
        if rebuilt:
            sys.exit(f"second build rebuilt {rebuilt}: the incremental skip is broken")


if __name__ == "__main__":
    main()
