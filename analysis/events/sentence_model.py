"""A learned reader of the sentences the rules find nothing in: it proposes an event where a
sentence reads like one the gold set marks, so wordings no rule knows are not lost.

Four logistic regressions (one per event type) over the hashed words and word pairs of a
sentence (the screen's features, `screen._word_slots`), trained on every sentence of the gold
documents that no rule candidate comes from: positive for a type where the sentence states a
gold event of that type. A sentence is proposed when its likeliest type scores at least
`MIN_PROB`; its date is the sentence's own date phrase (`dates.resolve`), its actor the first
government, agency or official it names, else the article's.

Trained with the screen (`python -m analysis.events.screen`), which writes `WEIGHTS`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np

from analysis.events.dates import has_date_cue, resolve
from analysis.events.extract import Event, _first_actor
from analysis.events.screen import DIM, _word_slots
from analysis.events.screen import train as fit
from analysis.events.text import sentences

WEIGHTS = Path(__file__).with_name("sentence_weights.json")
TYPES = ("diplomatic", "trade_policy", "enforcement", "public_health")
#: The least probability of a proposed event, chosen by grouped 10-fold cross-validation.
MIN_PROB = 0.5
#: Weights smaller than this are dropped from the file (the CV score is the same; the file is a
#: fifth of the size).
MIN_WEIGHT = 0.02
#: Sentences shorter or longer than this are headings, captions or run-together lists.
SHORTEST, LONGEST = 30, 600
LABEL = "sentence model"


@dataclass(frozen=True)
class SentenceModel:
    biases: np.ndarray  # one per type of TYPES
    weights: np.ndarray  # (screen.DIM, len(TYPES)): a slot's weights side by side (speed)

    def probabilities(self, sentence: str) -> np.ndarray:
        """Per type of TYPES, the probability that the sentence states an event of it."""
        slots = np.fromiter(_word_slots(sentence.lower(), LABEL), np.intp)
        slots.sort()
        z = self.biases + self.weights[slots].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


@lru_cache(maxsize=4)
def load(path: Path = WEIGHTS) -> SentenceModel | None:
    """The trained model, or None when its file is absent (then nothing is proposed)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = np.zeros((DIM, len(TYPES)), dtype=np.float64)
    for col, kind in enumerate(TYPES):
        for key, value in data[kind]["weights"].items():
            weights[int(key), col] = value
    return SentenceModel(np.array([float(data[k]["bias"]) for k in TYPES]), weights)


def unread(text: str, events: list[Event]) -> list[tuple[int, str]]:
    """(index, sentence) of the article's sentences that no rule candidate comes from and that
    may hold a date phrase (speed: 85% of the gold events in such sentences have one, against a
    third of the other sentences)."""
    have = {e.evidence for e in events}
    return [
        (i, s)
        for i, s in enumerate(sentences(text))
        if s not in have and SHORTEST <= len(s) <= LONGEST and has_date_cue(s)
    ]


def propose(
    text: str,
    published: date,
    events: list[Event],
    *,
    article_id: str | None = None,
    model: SentenceModel | None = None,
) -> list[Event]:
    """Events for the sentences the rules found nothing in, where the model reads one."""
    model = model or load()
    if model is None:
        return []
    out = []
    fallback = ""
    for index, sent in unread(text, events):
        probs = model.probabilities(sent)
        best = int(np.argmax(probs))
        if probs[best] < MIN_PROB:
            continue
        named = _first_actor(sent)
        if named is None and not fallback:
            first = _first_actor(text)  # the article's first government, agency or official
            fallback = first.actor if first is not None else "United States"
        actor = named.actor if named is not None else fallback
        when = resolve(sent, published)
        out.append(
            Event(
                event_type=TYPES[best],
                date=when.date,
                date_precision=when.precision,
                date_basis=when.basis,
                actor=actor,
                counterpart=None,
                summary=f"{actor}: {TYPES[best].replace('_', ' ')} act ({LABEL})",
                evidence=sent,
                confidence=round(float(probs[best]), 2),
                article_id=article_id,
                sentence_index=index,
                date_phrase=when.phrase,
                label=LABEL,
            )
        )
    return out


def train(rows: list[tuple[list[int], str | None]]) -> tuple[tuple[float, ...], np.ndarray]:
    """One regression per type from (sentence slots, gold type or None) rows."""
    biases, weights = [], np.zeros((len(TYPES), DIM))
    for row, kind in enumerate(TYPES):
        bias, w = fit([(slots, int(label == kind)) for slots, label in rows])
        biases.append(bias)
        weights[row] = np.where(np.abs(w) >= MIN_WEIGHT, w, 0.0)
    return tuple(biases), weights


def save(biases: tuple[float, ...], weights: np.ndarray, path: Path = WEIGHTS) -> None:
    """Kept weights rounded to 3 decimals, keys in slot order (a stable, diffable file)."""
    data = {
        kind: {
            "bias": round(biases[row], 5),
            "weights": {
                str(int(k)): round(float(weights[row, k]), 3)
                for k in np.flatnonzero(np.round(weights[row], 3))
            },
        }
        for row, kind in enumerate(TYPES)
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)
