"""What the rule tests look at: the types and labels `classify` gives a sentence, and the
(type, date, precision, actor) of each event `extract_from_text` finds in a text."""

from datetime import date

from analysis.events import extract_from_text
from analysis.events.classify import classify


def types(sentence: str) -> set[str]:
    return {h.event_type for h in classify(sentence)}


def labels(sentence: str) -> set[str]:
    return {h.label for h in classify(sentence)}


def events(text: str, pub: date) -> list[tuple]:
    return [(e.event_type, e.date, e.date_precision, e.actor) for e in extract_from_text(text, pub)]


def no_events(pub: date, *sentences: str) -> list[str]:
    """The sentences in which `extract_from_text` finds an event (the tests expect none)."""
    return [s for s in sentences if extract_from_text(s, pub, title="China and the US")]
