"""Gazetteer aliases → canonical actors (analysis.events.gazetteer)."""

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
