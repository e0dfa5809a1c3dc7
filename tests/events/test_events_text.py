"""Sentence splitting, markup stripping and boilerplate filtering (analysis.events.text)."""

import re

import pytest
from hypothesis import given, settings
from text_strategies import texts

import analysis.events.text as text_module
from analysis.events.text import (
    Alternatives,
    fold_exact,
    holds,
    minimal_needs,
    paragraphs,
    sentences,
    split_sentences,
    with_first_chars,
)


def test_abbreviations_do_not_end_sentences():
    text = (
        "The U.S. and China met on Jan. 30 in Beijing. Mr. Wang said No. 3 was next. "
        "Officials from the U.S. Trade Representative's office were there."
    )
    assert split_sentences(text) == [
        "The U.S. and China met on Jan. 30 in Beijing.",
        "Mr. Wang said No. 3 was next.",
        "Officials from the U.S. Trade Representative's office were there.",
    ]


def test_initials_and_quotes():
    got = split_sentences('Donald J. Trump said: "We have a deal." China agreed. Then it ended!')
    assert got == ['Donald J. Trump said: "We have a deal."', "China agreed.", "Then it ended!"]


def test_boilerplate_and_bylines_dropped():
    text = (
        "Abiola\n4 Min Read\n\nChina said on Friday that it would talk.\n\n"
        "READ ALSO: Warren Buffett to Step Down as CEO\n\n"
        "Subscribe to get the latest posts sent to your email.\nShare This Article\n1 Comment\n"
        "We use cookies to improve your experience. Accept all cookies\n"
        "© 2025 Demo Wire. All rights reserved."
    )
    assert list(sentences(text)) == ["China said on Friday that it would talk."]


def test_markdown_front_matter_links_and_wrapped_lines():
    text = (
        "---\ntitle: x\ndate: '2025-05-12'\n---\n\n<figure>\n<img\nsrc=\"a.jpg\" />\n</figure>\n\n"
        "President Trump secured an [initial trade\ndeal](https://x.example/a) with China\n"
        "that reduces tariffs.\n\n-   [Secretary\n    Bessent](https://x.example): “We agreed.”\n"
    )
    assert list(paragraphs(text)) == [
        "President Trump secured an initial trade deal with China that reduces tariffs.",
        "Secretary Bessent: “We agreed.”",
    ]


# --- speed helpers: each must answer exactly as the plain code it stands in for ---------------

_PIECES = [
    "tariffs",
    "Tariff",
    "said",
    "SAID",
    "if",
    "unless",
    "would",
    "for years",
    "hoped",
    "remains in place",
    "(2019)",
    "?",
    "”",
    '"',
    ",",
    ".",
    "U.S.",
    "Mr.",
    "J.",
    "e.g.",
    "İS",
    "ſaid",
    "ı",
    "Analysts",
    "Lindqvist",
    "a",
    "No.",
    "3",
    "—",
    "’",
]


#: Texts of words, signs and odd letters between varied separators.
_TEXTS = texts(_PIECES, [" ", ", ", "  ", "", "\n", ". ", "? "], 14)

#: Patterns of the shapes the event rules use: alternations, first-character lookaheads, anchors,
#: signs, case-sensitive parts, words around an alternation.
_PATTERNS = [
    re.compile(
        with_first_chars(
            r"\?\s*[\"”]?$|,\s*if\s[^,]{1,40},|\(\s*(?:19|20)\d\d\s*\)\.?$|"
            r"\b(?:unless|would\b[^.]{0,40}?\bif|for years)\b"
        ),
        re.IGNORECASE,
    ),
    re.compile(with_first_chars(r"\bsaid (?-i:[A-Z]\w+)|\banalysts said\b"), re.IGNORECASE),
    re.compile(r"\b(?:is|remains) (?:in place|unchanged)|hoped\b", re.IGNORECASE),
    re.compile(r"tariffs?\b|(?:said|would) if"),
    re.compile(r"\b(?:said|is)\b", re.IGNORECASE),
]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_alternatives_answer_as_search(text):
    for pattern in _PATTERNS:
        assert Alternatives(pattern)(text) == bool(pattern.search(text)), (pattern.pattern, text)


def test_alternatives_split_nested_alternations():
    split = Alternatives(_PATTERNS[0])
    # the three that start with a sign need no words; "\b(?:unless|...|for years)\b" gives three
    assert [needs for needs, _ in split.parts] == [
        (),
        (),
        (),
        (("unless",),),
        (("would",),),
        (("for years",),),
    ]
    assert split("Would it matter if it stayed?") and not split("They said no.")
    with pytest.raises(ValueError, match="back-references"):
        Alternatives(re.compile(r"(a)|\1b"))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_minimal_needs_keep_the_test(text):
    groups = (
        ("met", "meet", "meets", "meeting", "will meet"),
        ("said", "said ", "told", "told the panel"),
        ("said ", "told "),
        ("for years", "years", "year"),
        ("%", "percent", "per cent"),
    )
    low = fold_exact(text)
    for k in range(len(groups)):
        part = groups[k:] + groups[:k]
        assert holds(minimal_needs(part), low) == holds(part, low)


def test_minimal_needs_drop_longer_strings_and_implied_groups():
    assert minimal_needs([("meet", "meets", "will meet", "met")]) == (("met", "meet"),)
    # a text with "said " or "told " holds "said" or "told"
    assert minimal_needs([("said", "told"), ("said ", "told ")]) == (("said ", "told "),)
    assert minimal_needs([("ab", "cd"), ("cd", "ab")]) == (("ab", "cd"),)


def _split_plain(paragraph: str) -> list[str]:
    """`split_sentences` as first written (the reference for the faster one)."""
    out: list[str] = []
    start = 0
    for m in text_module._SPLIT.finditer(paragraph):
        stop = m.start() + 1
        end = stop + len(m.group(1))
        tail = paragraph[max(start, stop - 40) : stop].rsplit(None, 1)
        last = tail[-1] if tail else ""
        word = text_module.fold_exact(last.rstrip('.!?"”’)').lstrip('("“‘'))
        if last.endswith(".") and (
            word in text_module.ABBREVIATIONS or (len(word) == 1 and "a" <= word <= "z")
        ):
            continue
        out.append(paragraph[start:end].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_split_sentences_as_first_written(text):
    assert split_sentences(text) == _split_plain(text)


def test_a_factbox_label_of_a_date_and_a_place_heads_its_entry():
    text = (
        "- April 6-7, 2017 · Mar-a-Lago, Florida\n\n- Trump and Xi set up a dialogue.\n\n"
        "- November 2017 · Beijing\n\n- Trump makes a state visit to China.\n\n"
        "- 29 June 2019 – Osaka\n\n- Trump and Xi meet."
    )
    assert paragraphs(text) == [
        "April 6, 2017",
        "Trump and Xi set up a dialogue.",
        "## November 2017",
        "Trump makes a state visit to China.",
        "June 29, 2019",
        "Trump and Xi meet.",
    ]
    # a label with a sentence after it is no label
    assert paragraphs("Dec. 1, 2018 · Buenos Aires. The dinner ran late.") == [
        "Dec. 1, 2018 · Buenos Aires. The dinner ran late."
    ]
