"""Sentence splitting, markup stripping and boilerplate filtering (analysis.events.text)."""

from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.events.text as text_module
from analysis.events.text import paragraphs, sentences, split_sentences


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


def _joined(pieces: list[str], seps: list[str]) -> str:
    return "".join(p + s for p, s in zip(pieces, seps, strict=False))


#: Texts of words, signs and odd letters between varied separators.
_TEXTS = st.builds(
    _joined,
    st.lists(st.sampled_from(_PIECES), max_size=14),
    st.lists(st.sampled_from([" ", ", ", "  ", "", "\n", ". ", "? "]), min_size=14, max_size=14),
)


def _split_plain(paragraph: str) -> list[str]:
    """`split_sentences` as first written (the reference for the faster one)."""
    out: list[str] = []
    start = 0
    for m in text_module._SPLIT.finditer(paragraph):
        stop = m.start() + 1
        end = stop + len(m.group(1))
        tail = paragraph[max(start, stop - 40) : stop].rsplit(None, 1)
        last = tail[-1] if tail else ""
        word = last.rstrip('.!?"”’)').lstrip('("“‘').lower()
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
