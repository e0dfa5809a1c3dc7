"""The check a new gold batch passes before it joins the gold set (analysis.events.gold_check)."""

import json
import shutil
from pathlib import Path

import pytest

from analysis.events.gold_check import check, main

DATA = Path(__file__).resolve().parents[1] / "data" / "events"


@pytest.fixture
def batch(tmp_path):
    """blind318 as it arrived: its six pages and its gold file."""
    (tmp_path / "pages").mkdir()
    for page in DATA.glob("pages/li0*"):
        shutil.copy(page, tmp_path / "pages")
    shutil.copy(DATA / "gold" / "blind318.jsonl", tmp_path / "gold.jsonl")
    return tmp_path


def _edit(batch: Path, n: int, **fields) -> None:
    gold = batch / "gold.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    lines[n - 1] = json.dumps({**json.loads(lines[n - 1]), **fields})
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_batch_of_the_gold_set_passes(batch, capsys):
    assert check(batch, "li", "blind318") == []
    assert main([str(batch), "li", "blind318"]) == 0
    assert capsys.readouterr().out.strip() == "0 problems"


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"evidence": "Beijing announced a ban on all exports."}, "is not in"),
        ({"date": "2026-02-19", "precision": "week"}, "must be a Monday"),
        ({"date": "2025-03-04", "precision": "month"}, "must be the 1st"),
        ({"date": None}, "both null or both set"),
        ({"event_type": "sports"}, "column event_type"),
        ({"published": "2026-02-21"}, "does not give that day"),
        ({"split": "blind999"}, "column split"),
        ({"doc": "tests/data/events/pages/nope.html"}, "names no page"),
    ],
)
def test_each_fault_is_one_line_naming_the_line_and_the_field(batch, fields, says, capsys):
    _edit(batch, 2, **fields)
    problems = check(batch, "li", "blind318")
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{batch / 'gold.jsonl'}:2: ") and says in problems[0]
    assert main([str(batch), "li", "blind318"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "1 problems"


def test_typography_and_markup_do_not_hide_verbatim_evidence(batch):
    page = batch / "pages" / "li07_ministry.html"
    page.write_text(
        '<meta property="article:published_time" content="2025-05-02">'
        "<p>MOFCOM said it was <em>&ldquo;evaluating&rdquo;</em> the offer \u2014 "
        "its first word.</p>",
        encoding="utf-8",
    )
    line = {
        "doc": "tests/data/events/pages/li07_ministry.html",
        "published": "2025-05-02",
        "split": "blind318",
        "event_type": "diplomatic",
        "date": "2025-05-02",
        "precision": "day",
        "actor": "MOFCOM",
        "evidence": 'MOFCOM said it was "evaluating" the offer - its first word',
    }
    with (batch / "gold.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")
    assert check(batch, "li", "blind318") == []


def test_pages_without_a_line_or_with_another_prefix_are_named(batch):
    extra = batch / "pages" / "zz01_stray.html"
    extra.write_text("<p>Nothing here.</p>", encoding="utf-8")
    problems = check(batch, "li", "blind318")
    assert [p.split(": ", 1)[0] for p in problems] == [str(extra), str(extra)]
    assert "start with 'li'" in problems[0] and "no gold line" in problems[1]
