"""Score extracted events against a hand-made gold set (precision, recall, F1, date accuracy).

Matching rule: a predicted event matches a gold event when they come from the same document (the
prediction's `raw_path` or `url` ends with the gold `doc` path), have the same type, have
compatible dates (their precision windows overlap; a gold event with no date is compatible with
any), and the prediction's evidence holds at least half of the gold snippet's content words.
Pairs are matched one-to-one, greedily, best evidence overlap first (ties: the pair whose dates
agree). A matched event's date is
right when date and precision both equal the gold ones (gold events without a date are left out
of that share). Predictions from documents absent from the gold set are ignored (and counted).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from analysis.contracts.news import EVENT_TYPES
from analysis.errors import DataError
from analysis.events.merge import window

MIN_OVERLAP = 0.5
_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "and",
        "or",
        "for",
        "with",
        "by",
        "at",
        "from",
        "that",
        "this",
        "its",
        "it",
        "is",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "as",
    ]
)


def content_words(text: str | None) -> set[str]:
    norm = (text or "").lower().replace("\u2019", "'").replace("'s", "")
    return {w for w in _WORD.findall(norm) if w not in _STOP}


def evidence_score(gold: str, pred: str) -> float:
    """Share of the gold snippet's content words found in the predicted evidence."""
    g = content_words(gold)
    return len(g & content_words(pred)) / len(g) if g else 0.0


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    by_type: dict[str, Tally] = field(
        default_factory=lambda: {t: Tally() for t in sorted(EVENT_TYPES)}
    )
    dated_matches: int = 0
    dates_right: int = 0
    ignored_predictions: int = 0
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong_dates: list[tuple[dict, dict]] = field(default_factory=list)

    @property
    def overall(self) -> Tally:
        t = Tally()
        for x in self.by_type.values():
            t.tp, t.fp, t.fn = t.tp + x.tp, t.fp + x.fp, t.fn + x.fn
        return t

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dated_matches if self.dated_matches else 0.0


def read_gold(path: Path) -> list[dict]:
    """Gold rows: doc, published, split, event_type (null = a document without events), date,
    precision, actor, evidence. `path`: one .jsonl file, or a folder of them read in name order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            msg = "no gold files in the folder"
            raise DataError(
                msg, file=path, expected="*.jsonl files", found="none", fix="point --gold at them"
            )
        return [row for f in files for row in read_gold(f)]
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            msg = "not a JSON object"
            raise DataError(
                msg,
                file=path,
                line=n,
                expected="one JSON object per line",
                found=str(exc),
                fix="repair the line",
            ) from exc
        if "doc" not in rec:
            msg = "gold row without a document"
            raise DataError(
                msg,
                file=path,
                line=n,
                column="doc",
                expected="a document path",
                found=sorted(rec),
                fix="add the doc field",
            )
        rec["date"] = date.fromisoformat(rec["date"]) if rec.get("date") else None
        rows.append(rec)
    return rows


def read_predictions(paths: list[Path]) -> list[dict]:
    frames = []
    for p in paths:
        suffix = Path(p).suffix.lower()
        if suffix == ".parquet":
            f = pl.read_parquet(p)
        elif suffix == ".csv":
            f = pl.read_csv(p, try_parse_dates=True, infer_schema_length=None)
        elif suffix == ".jsonl":
            f = pl.read_ndjson(p, infer_schema_length=None)
        else:
            msg = "unknown prediction format"
            raise DataError(
                msg,
                file=p,
                expected=".parquet, .csv or .jsonl",
                found=suffix,
                fix="pass the file `precursor events` wrote",
            )
        keep = ["event_type", "date", "date_precision", "date_basis", "evidence", "raw_path", "url"]
        missing = [c for c in keep if c not in f.columns]
        if missing:
            msg = "prediction file lacks columns"
            raise DataError(
                msg,
                file=p,
                column=missing[0],
                expected=str(keep),
                found=str(f.columns),
                fix="use the output of `precursor events`",
            )
        f = f.select(keep)
        if f.schema["date"] == pl.String:
            f = f.with_columns(pl.col("date").str.to_date("%Y-%m-%d"))
        frames.append(f.with_columns(pl.col("date").cast(pl.Date)))
    return pl.concat(frames, how="vertical_relaxed").to_dicts() if frames else []


def _doc_of(pred: dict, docs: list[str]) -> str | None:
    for where in (pred.get("raw_path"), pred.get("url")):
        if not where:
            continue
        where = str(where).replace("\\", "/")
        for doc in docs:
            if where == doc or where.endswith("/" + doc):
                return doc
    return None


def _compatible(g: dict, p: dict) -> bool:
    if g["date"] is None:
        return True
    gw, pw = window(g["date"], g["precision"]), window(p["date"], p["date_precision"])
    return gw[0] <= pw[1] and pw[0] <= gw[1]


def score(gold: list[dict], preds: list[dict], *, split: str | None = None) -> Score:
    """Match predictions to gold events (see module docstring) and tally the results."""
    if split:
        gold = [g for g in gold if g.get("split", "dev") == split]
    docs = sorted({g["doc"] for g in gold}, key=len, reverse=True)
    result = Score()
    by_doc: dict[str, list[dict]] = {}
    for p in preds:
        doc = _doc_of(p, docs)
        if doc is None:
            result.ignored_predictions += 1
            continue
        by_doc.setdefault(doc, []).append(p)
    events = [g for g in gold if g.get("event_type")]
    pairs = []
    for gi, g in enumerate(events):
        for pi, p in enumerate(by_doc.get(g["doc"], [])):
            if p["event_type"] != g["event_type"] or not _compatible(g, p):
                continue
            s = evidence_score(g["evidence"], p["evidence"])
            if s >= MIN_OVERLAP:
                same = p["date"] == g["date"] and p["date_precision"] == g["precision"]
                pairs.append((s, same, gi, (g["doc"], pi)))
    # Best evidence overlap first; among equals (one sentence, several events) the right date.
    pairs.sort(key=lambda x: (-x[0], not x[1]))
    used_g, used_p = set(), set()
    for _, _, gi, pk in pairs:
        if gi in used_g or pk in used_p:
            continue
        used_g.add(gi)
        used_p.add(pk)
        g, p = events[gi], by_doc[pk[0]][pk[1]]
        result.by_type[g["event_type"]].tp += 1
        if g["date"] is not None:
            result.dated_matches += 1
            if p["date"] == g["date"] and p["date_precision"] == g["precision"]:
                result.dates_right += 1
            else:
                result.wrong_dates.append((g, p))
    for gi, g in enumerate(events):
        if gi not in used_g:
            result.by_type[g["event_type"]].fn += 1
            result.misses.append(g)
    for doc, ps in by_doc.items():
        for pi, p in enumerate(ps):
            if (doc, pi) not in used_p and p["event_type"] in result.by_type:
                result.by_type[p["event_type"]].fp += 1
                result.false_alarms.append({**p, "doc": doc})
    return result


def report(result: Score, title: str = "") -> str:
    """A plain-text table: precision, recall, F1 per type and overall, and the date share."""
    lines = [title] if title else []
    lines.append(
        f"{'type':15s} {'gold':>5s} {'pred':>5s} {'tp':>4s} {'P':>6s} {'R':>6s} {'F1':>6s}"
    )
    rows = [*result.by_type.items(), ("overall", result.overall)]
    for name, t in rows:
        lines.append(
            f"{name:15s} {t.tp + t.fn:5d} {t.tp + t.fp:5d} {t.tp:4d} "
            f"{t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}"
        )
    lines.append(
        f"date right at its precision: {result.dates_right}/{result.dated_matches} matched events "
        f"with a gold date ({result.date_accuracy:.1%})"
    )
    if result.ignored_predictions:
        lines.append(
            f"ignored {result.ignored_predictions} prediction(s) from documents not in the gold set"
        )
    return "\n".join(lines)
