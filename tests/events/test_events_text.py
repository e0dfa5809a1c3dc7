"""Sentence splitting, markup stripping and boilerplate filtering (analysis.events.text)."""

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
