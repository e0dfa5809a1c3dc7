"""`precursor evaluate-events`: scores per type and overall, date share; the gold set's shape."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from analysis.errors import DataError
from analysis.events.evaluate import read_gold, score

GOLD = Path(__file__).resolve().parents[1] / "data" / "events" / "gold"


def pred(doc: str, event_type: str, day: date, precision: str, evidence: str) -> dict:
    return {
        "raw_path": f"/somewhere/{doc}",
        "url": None,
        "event_type": event_type,
        "date": day,
        "date_precision": precision,
        "date_basis": "explicit",
        "evidence": evidence,
    }


def test_matching_rule():
    gold = [
        {
            "doc": "a.md",
            "event_type": "diplomatic",
            "date": date(2025, 4, 28),
            "precision": "week",
            "evidence": "Commerce Ministry confirmed it was reviewing an invitation",
        },
        {
            "doc": "a.md",
            "event_type": "trade_policy",
            "date": date(2025, 5, 2),
            "precision": "day",
            "evidence": "eliminated the duty-free status for low-value shipments",
        },
        {"doc": "b.md", "event_type": None, "date": None, "precision": None, "evidence": None},
    ]
    preds = [
        # right type, date inside the gold week, evidence overlaps: a match with a wrong date
        pred(
            "a.md",
            "diplomatic",
            date(2025, 4, 29),
            "day",
            "Earlier this week, the Commerce Ministry confirmed it was reviewing an invitation.",
        ),
        # right evidence but wrong type: a false alarm, and the gold event is missed
        pred(
            "a.md",
            "enforcement",
            date(2025, 5, 2),
            "day",
            "On Friday it eliminated the duty-free status for low-value shipments.",
        ),
        pred("b.md", "public_health", date(2025, 5, 2), "day", "The CDC released data."),
        pred("elsewhere.md", "diplomatic", date(2025, 5, 2), "day", "ignored"),
    ]
    result = score(gold, preds)
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (1, 2, 1)
    assert result.by_type["diplomatic"].f1 == 1.0
    assert (result.dated_matches, result.dates_right) == (1, 0)
    assert result.ignored_predictions == 1


def test_gold_set_shape():
    files = sorted(GOLD.glob("*.jsonl"))
    rows = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    events = [r for r in rows if r["event_type"]]
    assert len({r["doc"] for r in rows}) >= 20
    assert len(events) >= 80
    assert {r["event_type"] for r in events} == {
        "diplomatic",
        "trade_policy",
        "enforcement",
        "public_health",
    }
    for r in events:
        assert r["evidence"] and (r["date"] is None) == (r["precision"] is None)
    local = [r["doc"] for r in rows if r["doc"].startswith("tests/")]
    root = GOLD.parents[3]
    assert all((root / d).exists() for d in local)
    assert len(read_gold(GOLD)) == len(rows)
    # one file per batch: each blind batch sits alone in the file named after it
    for f in files:
        splits = {json.loads(line)["split"] for line in f.read_text(encoding="utf-8").splitlines()}
        if f.stem.startswith("blind"):
            assert splits == {f"blind{int(f.stem[5:])}"}, f.name


def test_gold_folder_error_names_the_file_and_line(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "a.jsonl").write_text('{"doc": "p.md", "event_type": null}\n', encoding="utf-8")
    (folder / "b.jsonl").write_text('{"doc": "q.md"}\n', encoding="utf-8")
    (folder / "notes.txt").write_text("not gold", encoding="utf-8")
    assert [r["doc"] for r in read_gold(folder)] == ["p.md", "q.md"]
    (folder / "b.jsonl").write_text('{"doc": "q.md"}\n{oops\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"b\.jsonl:2"):
        read_gold(folder)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DataError, match="no gold files"):
        read_gold(empty)


def test_command_prints_table(run_cli, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "doc": "p.md",
                "split": "dev",
                "event_type": "enforcement",
                "date": "2023-10-03",
                "precision": "day",
                "evidence": "unsealed indictments against eight companies",
            }
        )
        + "\n"
    )
    preds = tmp_path / "pred.jsonl"
    preds.write_text(
        json.dumps(
            {
                "raw_path": "x/p.md",
                "url": None,
                "event_type": "enforcement",
                "date": "2023-10-03",
                "date_precision": "day",
                "date_basis": "relative",
                "evidence": "The DOJ on Tuesday unsealed indictments against eight companies.",
            }
        )
        + "\n"
    )
    code, out, _ = run_cli("evaluate-events", "--gold", str(gold), "--pred", str(preds))
    assert code == 0
    assert "overall" in out and "1.000" in out
    assert "date right at its precision: 1/1" in out


def test_predictions_with_late_non_null_columns(tmp_path):
    from analysis.events.evaluate import read_predictions

    rows = [
        {
            "raw_path": "a.md",
            "url": None,
            "event_type": "trade_policy",
            "date": "2025-05-12",
            "date_precision": "day",
            "date_basis": "relative",
            "evidence": "x",
            "announced": None,
        },
    ] * 120 + [
        {
            "raw_path": "a.md",
            "url": None,
            "event_type": "trade_policy",
            "date": "2025-05-14",
            "date_precision": "day",
            "date_basis": "relative",
            "evidence": "y",
            "announced": "2025-05-12",
        },
    ]
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    got = read_predictions([path])
    assert len(got) == 121 and got[-1]["date"] == date(2025, 5, 14)
