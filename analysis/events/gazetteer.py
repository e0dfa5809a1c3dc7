"""Gazetteer of governments, agencies and officials: display name, country, kind and aliases.

The table is `gazetteer.csv` beside this module (name, country, kind, aliases joined by "|";
hashed into the build's code version). Add a row to teach the extractor a new actor; aliases are
matched case-sensitively on whole words, longest first, curly apostrophes read as straight ones.
Kinds: government, agency, official, adjective (a nationality word: counterpart only).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GAZETTEER = Path(__file__).with_name("gazetteer.csv")
KIND_RANK = {"official": 3, "agency": 2, "government": 1, "adjective": 0}


@dataclass(frozen=True)
class Entity:
    name: str
    country: str
    kind: str


@dataclass(frozen=True)
class Mention:
    entity: Entity
    start: int
    end: int


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, Entity]]:
    by_alias: dict[str, Entity] = {}
    with GAZETTEER.open(encoding="utf-8", newline="") as fh:
        rows = [(r["name"], r["country"], r["kind"], r["aliases"]) for r in csv.DictReader(fh)]
    for name, country, kind, aliases in rows:
        for alias in aliases.split("|"):
            by_alias.setdefault(alias, Entity(name, country, kind))
    ordered = sorted(by_alias, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-]|\.\w)"
    )
    return pattern, by_alias


def mentions(text: str) -> list[Mention]:
    """Gazetteer mentions in `text`, left to right, non-overlapping, longest alias first."""
    pattern, by_alias = _index()
    norm = text.replace("\u2019", "'")
    out = []
    for m in pattern.finditer(norm):
        ent = by_alias.get(m.group(0))
        if ent is not None:
            out.append(Mention(ent, m.start(), m.end()))
    return out


def entity_named(name: str) -> Entity | None:
    """The entity whose display name is `name` (None if unknown)."""
    _, by_alias = _index()
    return _by_name(id(by_alias)).get(name)


@lru_cache(maxsize=1)
def _by_name(_key: int) -> dict[str, Entity]:
    _, by_alias = _index()
    out: dict[str, Entity] = {}
    for ent in by_alias.values():
        if ent.kind != "adjective":
            out.setdefault(ent.name, ent)
    return out
