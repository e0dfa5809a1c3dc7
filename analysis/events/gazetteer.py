"""Gazetteer of governments, agencies and officials: name, canonical actor, country, kind, aliases.

The table is `gazetteer.csv` beside this module (name, canonical, country, kind, aliases joined by
"|"; hashed into the build's code version). Add a row to teach the extractor a new actor; aliases
are matched case-sensitively on whole words, longest first, curly apostrophes read as straight
ones. Kinds: government, agency, official, adjective (a nationality word: counterpart only).

`name` is the precise display name (used in summaries); `canonical` is what the `events` table's
`actor` column holds, in the curated timeline's scheme (`analysis.sources.timeline.ACTORS`) so
that charts put a news event and a curated one by the same institution in one lane:
- an institution in that scheme takes its short name ("USTR", "CBP", "MOFCOM", "MFA",
  "Ministry of Public Security", "Customs Tariff Commission", "Supreme Court", ...);
- an official takes the institution they speak for: the US President, Vice President and White
  House staff (press secretary, NSC, homeland-security advisers, ONDCP) → "White House", a
  secretary → their department ("Treasury", "Commerce", "State Department"), Wang Xiaohong →
  "Ministry of Public Security", foreign ministers, ambassadors and ministry spokespeople →
  "MFA"; heads of state or government and vice premiers act for the country as a whole
  (Xi Jinping, He Lifeng → "China"; Sheinbaum → "Mexico"), as the timeline's counterpart
  "China" does for Trump–Xi meetings;
- other institutions keep a short common name ("DOJ", "DEA", "DHS", "HHS", "State Department",
  "GACC", "Congress", "Federal courts", "WTO"); a country named only as such stays the country.
Counterparts are countries (`counterpart_name`), as in the timeline.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.events.text import trie_regex

GAZETTEER = Path(__file__).with_name("gazetteer.csv")
KIND_RANK = {"official": 3, "agency": 2, "government": 1, "adjective": 0}


@dataclass(frozen=True)
class Entity:
    name: str
    country: str
    kind: str
    canonical: str = ""

    @property
    def actor(self) -> str:
        """The `actor` value in the timeline's scheme (see module docstring)."""
        return self.canonical or self.name

    @property
    def as_counterpart(self) -> str:
        """The `counterpart` value: the country, or the body itself when international."""
        return self.actor if self.country == "International" else self.country


@dataclass(frozen=True)
class Mention:
    entity: Entity
    start: int
    end: int


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, Entity]]:
    by_alias: dict[str, Entity] = {}
    with GAZETTEER.open(encoding="utf-8", newline="") as fh:
        rows = [
            (r["name"], r["canonical"], r["country"], r["kind"], r["aliases"])
            for r in csv.DictReader(fh)
        ]
    for name, canonical, country, kind, aliases in rows:
        for alias in aliases.split("|"):
            by_alias.setdefault(alias, Entity(name, country, kind, canonical))
    # factored by common prefixes: the longest alias at a position still wins, 4x faster. No
    # lookbehind in front (speed: the engine then skips to the aliases' first letters);
    # `mentions` checks the character before a match instead.
    pattern = re.compile(r"(?:" + trie_regex(by_alias) + r")(?![\w-]|\.\w)")
    return pattern, by_alias


#: A character that glues an alias to the word before it ("Chinatown", "pre-China", "U.S.A").
_GLUE = re.compile(r"[\w.-]")


def mentions(text: str) -> list[Mention]:
    """Gazetteer mentions in `text`, left to right, non-overlapping, longest alias first."""
    pattern, by_alias = _index()
    norm = text.replace("\u2019", "'")
    out = []
    pos = 0
    while (m := pattern.search(norm, pos)) is not None:
        start = m.start()
        if start and _GLUE.match(norm, start - 1):
            pos = start + 1  # no mention starts here: look on from the next character
            continue
        ent = by_alias.get(m.group(0))
        if ent is not None:
            out.append(Mention(ent, start, m.end()))
        pos = m.end()
    return out


def country_of(actor: str) -> str | None:
    """The country of an `actor` value (canonical or display name); None if unknown."""
    return _countries().get(actor)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    _, by_alias = _index()
    out: dict[str, str] = {}
    for ent in by_alias.values():
        if ent.kind != "adjective":
            out.setdefault(ent.actor, ent.country)
            out.setdefault(ent.name, ent.country)
    return out
