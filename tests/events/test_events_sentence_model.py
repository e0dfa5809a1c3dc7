"""The sentence model: events where the rules find none (analysis.events.sentence_model)."""

from datetime import date

import numpy as np

from analysis.events import extract_from_text
from analysis.events import sentence_model as M
from analysis.events.screen import DIM, _index

WIDENED = "Beijing quietly widened the list of watched chemicals on March 4."
PUB = date(2025, 3, 10)


def _model(word: str, kind: str) -> M.SentenceModel:
    """A model that reads `word` as an event of `kind` and nothing else as one."""
    weights = np.zeros((DIM, len(M.TYPES)))
    weights[_index(f"w={word}"), M.TYPES.index(kind)] = 8.0
    return M.SentenceModel(np.full(len(M.TYPES), -4.0), weights)


def test_a_sentence_no_rule_reads_becomes_an_event_with_its_own_date_and_actor():
    assert extract_from_text(WIDENED, PUB) == []  # the rules know no such wording
    [event] = M.propose(WIDENED, PUB, [], article_id="a1", model=_model("widened", "enforcement"))
    assert (event.event_type, event.date, event.date_precision) == (
        "enforcement",
        date(2025, 3, 4),
        "day",
    )
    assert event.actor == "China" and event.evidence == WIDENED and event.label == M.LABEL
    assert event.confidence > M.MIN_PROB and event.article_id == "a1"


def test_nothing_is_proposed_below_the_threshold_or_without_a_model(tmp_path):
    assert M.propose(WIDENED, PUB, [], model=_model("narrowed", "enforcement")) == []
    assert M.load(tmp_path / "absent.json") is None


def test_sentences_the_rules_read_or_that_name_no_date_are_left_alone():
    text = (
        "China imposed tariffs of 34% on all US goods on April 4. "
        "Officials were quietly widening the list of watched chemicals. " + WIDENED
    )
    events = extract_from_text(text, PUB)
    assert events and all("widen" not in e.evidence for e in events)
    assert [s for _, s in M.unread(text, events)] == [WIDENED]


def test_shipped_model_loads_with_a_weight_column_per_type():
    model = M.load()
    assert model is not None and model.weights.shape == (DIM, len(M.TYPES))
    assert np.count_nonzero(model.weights) > 1000
    assert M.propose(WIDENED, PUB, [], model=model) is not None


def test_a_sentence_naming_no_one_takes_the_articles_first_actor():
    text = "The CDC said so. The list of watched chemicals was quietly widened on March 4."
    [event] = M.propose(text, PUB, [], model=_model("widened", "enforcement"))
    assert event.actor == "CDC"
    [event] = M.propose(text.split(". ", 1)[1], PUB, [], model=_model("widened", "enforcement"))
    assert event.actor == "United States"  # nobody named anywhere: the US government
