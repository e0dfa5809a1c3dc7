"""Gazetteer aliases → canonical actors (analysis.events.gazetteer)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.events.gazetteer import mentions


def names(text: str) -> list[str]:
    return [m.entity.name for m in mentions(text)]


def test_longest_alias_wins_and_curly_apostrophes():
    assert names("China’s Commerce Ministry said") == ["Ministry of Commerce (MOFCOM, China)"]
    assert names("MOFCOM and USTR") == [
        "Ministry of Commerce (MOFCOM, China)",
        "US Trade Representative (USTR)",
    ]


def test_officials_and_agencies():
    got = names("Chinese Minister for Public Security Wang Xiaohong met CBP and the CDC")
    assert got == [
        "China",
        "Ministry of Public Security (China)",
        "Wang Xiaohong (Minister of Public Security, China)",
        "US Customs and Border Protection (CBP)",
        "US Centers for Disease Control and Prevention (CDC)",
    ]


def test_whole_words_only():
    assert names("Usually, Chinatown and USAID") == []
    assert names("the U.S. and Washington") == ["United States", "United States"]


def actors(text: str) -> list[str]:
    return [m.entity.actor for m in mentions(text)]


def test_actors_follow_the_timeline_scheme():
    assert actors("China’s Commerce Ministry and USTR") == ["MOFCOM", "USTR"]
    assert actors("Minister Wang Xiaohong met FBI Director Kash Patel") == [
        "Ministry of Public Security",
        "FBI",
    ]
    assert actors("President Trump, the Trump administration and Karoline Leavitt") == [
        "White House",
        "White House",
        "White House",
    ]
    assert actors("the Customs Tariff Commission and the Supreme Court") == [
        "Customs Tariff Commission",
        "Supreme Court",
    ]
    # heads of state act for the country; a country named as such stays the country
    assert actors("Xi Jinping, Claudia Sheinbaum and Washington") == [
        "China",
        "Mexico",
        "United States",
    ]


def test_every_timeline_actor_is_reachable_with_its_country():
    from analysis.events.gazetteer import _index, country_of
    from analysis.sources.timeline import ACTORS

    canon = {e.actor for e in _index()[1].values()}
    assert set(ACTORS) <= canon
    code = {"United States": "US", "China": "CN"}
    assert {a: code[country_of(a)] for a in ACTORS} == ACTORS


def test_counterpart_is_a_country():
    found = {m.entity.name: m.entity.as_counterpart for m in mentions("Wang Xiaohong and WTO")}
    assert found == {
        "Wang Xiaohong (Minister of Public Security, China)": "China",
        "World Trade Organization": "WTO",
    }


_ALIASES = ["China", "Xi Jinping", "Joe Biden", "Biden", "U.S.", "US", "USTR", "the US side", "CDC"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_ALIASES),
            st.sampled_from([" ", "-", ".", "_", "a", "7", "é", "’", "'s", ", "]),
        ),
        max_size=14,
    )
)
def test_mentions_are_the_matches_of_the_pattern_with_its_lookbehind(pieces):
    """`mentions` checks the character before a match itself; the spans are those of the plain
    pattern with the lookbehind in front."""
    import re

    from analysis.events.gazetteer import _index

    pattern, by_alias = _index()
    plain = re.compile(r"(?<![\w.-])(?:" + pattern.pattern + ")")
    text = "".join(pieces)
    norm = text.replace("’", "'")
    expected = [(m.start(), m.end()) for m in plain.finditer(norm) if m.group(0) in by_alias]
    assert [(m.start, m.end) for m in mentions(text)] == expected
