"""Trigger rules per type; statistics, negations and purposes are not events."""

from analysis.events.classify import classify, is_hedged


def types(sentence: str) -> set[str]:
    return {h.event_type for h in classify(sentence)}


def test_each_type():
    assert types("The Trump administration eliminated the duty-free status for parcels.") == {
        "trade_policy"
    }
    assert types("CBP officers seized 250 pounds of fentanyl.") == {"enforcement"}
    assert types("The CDC released provisional data on Wednesday.") == {"public_health"}
    assert types("Biden will meet Xi on Wednesday.") == {"diplomatic"}
    assert "diplomatic" in types("China is reportedly weighing sending Minister Wang.")


def test_statistics_quoted_in_passing_are_not_events():
    s = (
        "Nearly 450,000 overdose deaths in the U.S. have been attributed to synthetic opioids "
        "like fentanyl, according to public health data."
    )
    assert classify(s) == []


def test_negation_purpose_and_aggregates():
    assert types("The ruling does not affect tariffs imposed under Section 232.") == set()
    assert types("It will help our officers seize more deadly drugs.") == set()
    assert types("We have seized more fentanyl in the last two years than ever.") == set()


def test_hedges():
    assert is_hedged("Beijing is reportedly exploring ways to ease tensions.")
    assert not is_hedged("Beijing announced tariffs on Friday.")


def test_designated_needs_as_or_under():
    assert types("Trump designated the cartels as Foreign Terrorist Organizations.") == {
        "enforcement"
    }
    # ("stop shipments of ... chemicals" is an act of its own, but not a sanction)
    assert "sanctions" not in {
        h.label for h in classify("China will stop shipments of designated chemicals.")
    }


def test_habitual_and_comparative_claims():
    assert (
        types("Officials have asked Beijing for years to tighten controls on chemicals.") == set()
    )
    assert types("China says it controls more fentanyl substances than any other country.") == set()


def test_first_character_lookahead_keeps_matches():
    import re

    from analysis.events.classify import with_first_chars

    regex = r"\b(?:met|(?-i:[A-Z])\w+ talks|summit)\b|back-?channels?"
    fast = re.compile(with_first_chars(regex), re.IGNORECASE)
    plain = re.compile(regex, re.IGNORECASE)
    assert fast.pattern.startswith("(?=[")
    text = "They MET at the Summit; Geneva talks and a backchannel, not metal."
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # a pattern that may start with any word character gets no lookahead
    assert with_first_chars(r"\w+ness") == r"\w+ness"


def test_required_words_are_what_every_match_holds():
    from analysis.events.text import required_words

    regex = r"\b(?:impos|rais)\w*(?:\W+\w+){0,6}?\W+(?:tariffs?|duties)\b"
    # most selective group first; in a group, the shortest strings first
    assert required_words(regex) == (("duties", "tariff"), ("rais", "impos"))
    # optional parts and literals under three characters give no group; spaces count
    assert required_words(r"(?:new )?(?:us|eu) rules?") == ((" rule",),)
    # every match holds one of the alternatives' strings (the parser factors the shared "h")
    assert required_words(r"\w+ness|met") == (("met", "ness"),)
    assert required_words(r"(?:held|hold)+ talks") == ((" talks",), ("eld", "old"))
    assert required_words(r"\w+(?:ed|s)\b") == ()
    # a sign is selective enough on its own ("25%")
    assert ("%", "percent") in required_words(r"add(?:s|ed)? [\d.]+\s*(?:%|percent) on")
    # an alternation gives a group per rank: each branch's best group joined, then its next
    assert required_words(r"hit back against|levy [\d.]+%") == (
        ("levy ", "hit back against"),
        ("%", "hit back against"),
    )


def test_fold_meets_case_insensitive_regexes_on_ascii_letters():
    import re

    from analysis.events.text import fold

    # Python's IGNORECASE takes the long s for "s" and the dotless i for "i"; lower() does not
    assert re.search("seize", "ſeize", re.IGNORECASE)
    assert "seize" in fold("ſeize") and "visit" in fold("VıSIT")
    assert fold("Tariff") == "tariff"


def test_rule_prefilter_never_drops_a_match(gold_texts):
    """On every sentence of the gold pages, a rule whose regex matches has all its needs."""
    from analysis.events.classify import RULES
    from analysis.events.text import fold, sentences

    checked = 0
    for text in gold_texts:
        for sent in sentences(text):
            low = fold(sent)
            for rule in RULES:
                if rule.pattern.search(sent):
                    checked += 1
                    missing = [g for g in rule.needs if not any(w in low for w in g)]
                    assert not missing, (rule.label, missing, sent)
    assert checked > 1000
    assert sum(bool(r.needs) for r in RULES) == len(RULES)


def test_alternatives_answer_as_the_regexes_they_stand_for(gold_texts):
    """On every sentence of the gold pages, each split regex answers as its `search`."""
    from analysis.events import classify as c
    from analysis.events.text import sentences

    pairs = [
        (c._NON_EVENT_IN, c.NON_EVENT),
        (c._COMMENTARY_IN, c.COMMENTARY),
        (c._HABITUAL_IN, c.HABITUAL),
        (c._STATUS_IN, c.STATUS),
        (c._STATUS_MORE_IN, c._STATUS_MORE),
        (c._HEDGE_IN, c.HEDGE),
        (c._AGGREGATE_IN, c.AGGREGATE),
    ]
    found = 0
    for text in gold_texts:
        for sent in sentences(text):
            for split, pattern in pairs:
                expected = bool(pattern.search(sent))
                found += expected
                assert split(sent) == expected, (pattern.pattern[:40], sent)
    assert found > 500
