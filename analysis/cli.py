"""The `precursor` command. Errors print one line on stderr and exit 1; `--debug` shows tracebacks.

Core commands live here; each other capability registers a module in `analysis.commands` with
`configure(parser)` and `run(args) -> int` (heavy imports inside `run`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import traceback
from datetime import date
from pathlib import Path

from analysis import __version__, config
from analysis.errors import DataError

#: name -> module under analysis.commands providing configure(parser) and run(args).
PLUGIN_COMMANDS = {
    "fetch": "fetch",
    "articles": "articles",
    "events": "events",
    "evaluate-events": "evaluate_events",
    "report": "report",
}


def _build(args: argparse.Namespace) -> int:
    # Progress goes to stdout so that stderr carries only the one-line error, if any.
    if not args.force and _all_fresh(args.only):
        return 0
    from analysis.pipeline import build

    result = build(args.only or None, force=args.force, log=print)
    _summary(result.built, result.skipped, result.no_input)
    return 0


def _all_fresh(only: list[str] | None) -> bool:
    """Report and return True when every requested table is up to date (polars never imported)."""
    from analysis.freshness import BUILDS, read_manifest, table_state

    names = only or list(BUILDS)
    if any(n not in BUILDS for n in names):
        return False  # the full build path names the unknown table
    raw, processed = config.raw_dir(), config.processed_dir()
    manifest = read_manifest(processed)["tables"]
    states = [table_state(n, manifest, raw, processed) for n in names]
    if not all(s.fresh or not s.has_input for s in states):
        return False
    for s in states:
        if s.has_input:
            print(f"skip  {s.name:15s} unchanged ({manifest[s.name].get('rows', 0)} rows)")
        else:
            print(f"none  {s.name:15s} no raw files under data/raw")
    _summary(
        [], [s.name for s in states if s.has_input], [s.name for s in states if not s.has_input]
    )
    return True


def _summary(built: list[str], skipped: list[str], no_input: list[str]) -> None:
    line = f"built {len(built)} table(s); skipped (unchanged): {', '.join(skipped) or 'none'}"
    if no_input:
        line += f"; no raw files: {', '.join(no_input)}"
    print(line)


def _validate(args: argparse.Namespace) -> int:
    from analysis.pipeline import validate_all

    validate_all(log=print)
    print("all raw files and processed tables pass their contracts")
    return 0


def _normalize(args: argparse.Namespace) -> int:
    import polars as pl

    from analysis.contracts import get, validate
    from analysis.sources import get_source
    from analysis.tables_io import write_frame

    src = get_source(args.source)
    vintage = date.fromisoformat(args.vintage) if args.vintage else None
    frames = [src.load(Path(f), vintage=vintage) for f in args.files]
    frame = validate(pl.concat(frames, how="vertical"), get(src.table))
    write_frame(frame, Path(args.out))
    print(f"{src.table}: {frame.height} rows from {len(args.files)} file(s) -> {args.out}")
    return 0


def _lab(args: argparse.Namespace) -> int:
    from analysis.widgets import save_widget_state

    save_widget_state()  # explorers' controls saved with the notebook (user settings still win)
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--ip=127.0.0.1",
        f"--port={args.port}",
        f"--ServerApp.root_dir={config.notebooks_dir()}",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    if args.no_browser:
        cmd.append("--no-browser")
    return subprocess.call(cmd)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="precursor", description=__doc__.splitlines()[0])
    p.add_argument("--version", action="version", version=f"precursor {__version__}")
    p.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build every table from data/raw (skips unchanged ones)")
    b.add_argument("--only", action="append", metavar="TABLE", help="build only TABLE (repeatable)")
    b.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    b.set_defaults(func=_build)

    v = sub.add_parser("validate", help="check raw and processed data against the contracts")
    v.set_defaults(func=_validate)

    n = sub.add_parser("normalize", help="run one source's loader on files and write the table")
    n.add_argument("source", help="source name, e.g. cdc_vsrr, cbp_seizures, trade")
    n.add_argument("files", nargs="+", help="raw files in the publisher's format")
    n.add_argument("--out", required=True, help="output .parquet, .csv or .jsonl")
    n.add_argument("--vintage", help="release date (YYYY-MM-DD) when no sidecar or folder says")
    n.set_defaults(func=_normalize)

    lab = sub.add_parser("lab", help="open JupyterLab on 127.0.0.1 (token on) in notebooks/")
    lab.add_argument("--port", type=int, default=8888)
    lab.add_argument("--no-browser", action="store_true")
    lab.set_defaults(func=_lab)

    for name, mod in PLUGIN_COMMANDS.items():
        try:
            m = importlib.import_module(f"analysis.commands.{mod}")
        except ModuleNotFoundError:
            continue
        sp = sub.add_parser(name, help=(m.__doc__ or "").strip().splitlines()[0])
        m.configure(sp)
        sp.set_defaults(func=m.run)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DataError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        print(
            f"error: {type(exc).__name__}: {first} (rerun with --debug for the traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
