"""Score an events file against a gold set: precision, recall, F1 by type, date accuracy."""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--gold", type=Path, required=True, help="gold events (a .jsonl file or a folder of them)"
    )
    parser.add_argument(
        "--pred",
        type=Path,
        required=True,
        action="append",
        help="events file written by `precursor events` (repeat for several)",
    )
    parser.add_argument(
        "--split", help="score only gold documents of this split (e.g. dev, heldout)"
    )
    parser.add_argument(
        "--show-errors", action="store_true", help="list missed, spurious and misdated events"
    )


def run(args: argparse.Namespace) -> int:
    from analysis.events.evaluate import read_gold, read_predictions, report, score

    gold = read_gold(args.gold)
    preds = read_predictions(args.pred)
    splits = [args.split] if args.split else [None]
    if not args.split:
        splits += sorted({g.get("split", "dev") for g in gold} - {None})
    for split in splits:
        result = score(gold, preds, split=split)
        docs = len({g["doc"] for g in gold if split is None or g.get("split", "dev") == split})
        print(report(result, title=f"== {split or 'all'} ({docs} documents)"))
        print()
        if args.show_errors:
            print(errors(result))
    return 0


def errors(result) -> str:
    """One line per missed, spurious and misdated event, for tuning and review."""
    lines = []

    def name(doc: str) -> str:
        return doc.rsplit("/", 1)[-1][:40]

    for g in result.misses:
        lines.append(
            f"MISS  {g['event_type']:13s} {g['date']} {name(g['doc'])}: {g['evidence'][:90]}"
        )
    for p in result.false_alarms:
        text = (p["evidence"] or "")[:90]
        lines.append(f"EXTRA {p['event_type']:13s} {p['date']} {name(p['doc'])}: {text}")
    for g, p in result.wrong_dates:
        lines.append(
            f"DATE  {g['event_type']:13s} gold {g['date']} {g['precision']} / pred {p['date']} "
            f"{p['date_precision']} {p['date_basis']}: {g['evidence'][:70]}"
        )
    return "\n".join(lines)
