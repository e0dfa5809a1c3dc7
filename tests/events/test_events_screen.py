"""The learned screen over the rules' candidates: features, training, the threshold, the shipped
weights (rebuilt from the gold set) and the seed's worked example surviving it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.events import extract_events, extract_from_text, sentence_model
from analysis.events import screen as S  # the module (its `apply` screens)

GOLD = Path(__file__).resolve().parents[1] / "data" / "events" / "gold"


def _event(text: str, kind: str = "diplomatic", basis: str = "explicit"):
    events = extract_from_text(text, date(2025, 5, 14))
    assert events, text
    e = events[0]
    return e if e.event_type == kind else pytest.fail(f"{kind} expected: {events}")


def test_features_name_the_candidate_and_its_sentence():
    e = _event("Trump met Xi Jinping in Busan on Oct. 30, officials said.")
    f = S.features(e, 2)
    assert "t=diplomatic" in f and "m=2" in f and "w=busan" in f and "bg=met_xi" in f
    assert f"b={e.date_basis}" in f and "fw=trump" in f
    # the date phrase by its first word and whether it names a year; the sentence's position
    assert "dp=oct|n" in f and "si=0" in f and "fu=False" in f
    assert all(0 <= i < S.DIM for i in S.indices(e, 2))


def test_training_learns_which_features_mark_an_event():
    rng = np.random.default_rng(1)
    good, bad, noise = S._index("w=imposed"), S._index("w=expected"), S._index("w=tariff")
    samples = []
    for _ in range(200):
        y = int(rng.random() < 0.5)
        samples.append(([good if y else bad, noise], y))
    bias, w = S.train(samples)
    model = S.Model(bias, w, 0.5)
    assert model.probability([good, noise]) > 0.9
    assert model.probability([bad, noise]) < 0.1
    # the same samples give the same weights
    assert np.array_equal(S.train(samples)[1], w)


def test_screen_keeps_what_scores_above_the_threshold_with_its_probability():
    keep = _event("Trump met Xi Jinping in Busan on Oct. 30.")
    drop = _event("China and the United States held talks in Geneva on May 10.")
    weights = np.zeros(S.DIM)
    weights[S._index("w=busan")] = 5.0
    weights[S._index("w=geneva")] = -5.0
    model = S.Model(0.0, weights, 0.3)
    kept = S.apply([keep, drop], model)
    assert [e.evidence for e in kept] == [keep.evidence]
    assert kept[0].confidence == round(model.probability(S.indices(keep, 1)), 2) > 0.9


def test_shipped_weights_load_with_their_threshold():
    model = S.load()
    assert model is not None
    assert model.threshold == S.THRESHOLD
    assert model.weights.shape == (S.DIM,) and np.count_nonzero(model.weights) > 1000


def test_no_weights_file_screens_nothing(tmp_path):
    assert S.load(tmp_path / "absent.json") is None


def test_shipped_weights_are_rebuilt_from_the_gold_set(shared_data, tmp_path):
    """`python -m analysis.events.screen` on the committed gold set writes the committed files
    (the screen's and the sentence model's)."""
    if not (shared_data.parent / "seed").is_dir():
        pytest.skip("…/shared/seed absent: the gold set's seed document is needed")
    out, sentences = tmp_path / "weights.json", tmp_path / "sentences.json"
    assert S.main(["--gold", str(GOLD), "--out", str(out), "--sentence-out", str(sentences)]) == 0
    assert json.loads(out.read_text()) == json.loads(S.WEIGHTS.read_text())
    assert json.loads(sentences.read_text()) == json.loads(sentence_model.WEIGHTS.read_text())


def test_seed_worked_example_survives_the_screen(seed_text):
    title, body = seed_text
    articles = pl.DataFrame(
        {
            "article_id": ["seed"],
            "title": [title],
            "text": [body],
            "published": [date(2025, 5, 3)],
            "url": [None],
            "raw_path": ["seed.txt"],
        },
        schema_overrides={"url": pl.String},
    )
    frame = extract_events(articles, merge=False)
    got = {(r["event_type"], r["date"], r["date_precision"]) for r in frame.iter_rows(named=True)}
    assert ("trade_policy", date(2025, 5, 2), "day") in got
    assert ("diplomatic", date(2025, 4, 28), "week") in got
    rows = frame.filter(pl.col("event_type") == "diplomatic")
    assert {"MOFCOM", "Ministry of Public Security"} <= set(rows["actor"])
    # unscreened keeps at least as much
    assert extract_events(articles, merge=False, screened=False).height >= frame.height


@given(
    st.text(alphabet=st.sampled_from("abcxyzAB Q\"\u201c'’é\u0131\u017f\ud800-_.,0"), max_size=80),
    st.sampled_from(["trade", "diplomatic", "tariff", "säkerhet"]),
)
def test_word_slots_are_the_slots_of_the_word_features(text, kind):
    """The CRC-chained slots equal the hashes of the feature strings, word for word."""
    low = text.lower()
    plain = {S._index(f) for f in S._sentence_features(low) + S._typed_features(low, kind)}
    assert S._word_slots(low, kind) == plain


def test_the_screen_scores_the_sorted_slot_array_as_the_indices():
    model = S.load()
    events = extract_from_text(
        "Trump met Xi Jinping in Busan on Oct. 30. China said on Friday it would impose tariffs "
        "of 34% on all US goods, and the US raised its duties last week.",
        date(2025, 5, 14),
    )
    assert events
    for e in events:
        arr = S._slot_array(e, 2)
        assert arr.tolist() == S.indices(e, 2)
        assert model.probability(arr) == model.probability(S.indices(e, 2))


def test_one_event_a_sentence_unless_another_is_near_certain():
    sentences = ["a", "a", "b", "c", "c", "d", "d"]
    probs = [0.05, 0.01, 0.29, 0.995, 0.6, 0.01, 0.005]
    # a: the likeliest of two is kept even below the threshold; b: alone, below it; c: the other
    # one is not near certain; d: even the likeliest is too unlikely
    assert S.kept(sentences, probs, 0.3) == [True, False, False, True, False, False, False]
    assert S.kept(["x", "x"], [0.995, 0.991], 0.3) == [True, True]  # two near-certain events
