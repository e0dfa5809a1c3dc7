"""Article text → clean sentences: markup stripped, boilerplate dropped, own sentence splitter.

No NLTK (its data is not available offline): sentences end at . ! ? (or a closing quote after
them) followed by a capital, digit or quote, except after known abbreviations ("U.S.", "Jan.",
"Mr.", "No.") and single-letter initials. Paragraph breaks and list items always end a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from re import _casefix, _compiler, _parser  # the stdlib's regex parser, compiler, case pairs

#: Lines that are page furniture, not article text (links to other stories, footers, banners).
BOILERPLATE = re.compile(
    r"^\s*(?:read (?:also|more)|related(?: stories| articles| coverage)?|see also|more from|"
    r"recommended|trending|advertisement|sponsored|subscribe|sign up|share (?:this|on)|"
    r"discover more from|continue reading|follow us|click here|comments?\b|\d+\s+comments?|"
    r"\d+\s+min(?:ute)?s? read|we use cookies|this (?:site|website) uses cookies|"
    r"accept (?:all )?cookies|cookie (?:policy|settings)|all rights reserved|copyright|©|"
    r"photo:|image:|credit:|getty images|"
    r"watch:|listen:|editor'?s note|leave a (?:comment|reply)|posted in|tags?:|filed under|"
    # wire furniture: a write-through's slug line and its "(Corrects ...)" note
    r"update \d+\s*[-–—]|\((?:corrects?|updates?|adds?|recasts?|refiles?)\b)",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n.*?\n---\s*\n", re.DOTALL)
_TAG = re.compile(r"<[^>]{0,2000}>", re.DOTALL)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_TERMINAL_CHARS = '.!?…:;"”’)'

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "sec",
        "amb",
        # US states in datelines ("WOODSIDE, Calif. (Wire) - ...")
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "fla",
        "ga",
        "kan",
        "ky",
        "md",
        "mass",
        "mich",
        "minn",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "tenn",
        "vt",
        "va",
        "wis",
        "wyo",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "dept",
        "est",
        "approx",
        "fig",
        "vol",
        "ft",
        "op",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.s.c",
        "seq",
        "cf",
        "u.k",
        "u.n",
        "p.m",
        "a.m",
        "d.c",
        "e.u",
        "u.s.a",
        "p.r.c",
    ]
)
#: A sentence break: the stop, a closing quote or bracket, space, and a capital or digit next.
#: The stop is matched, not looked behind at (a leading character class lets the engine skip
#: straight to candidate positions: about twice as fast).
_SPLIT = re.compile(r"[.!?]([\"”’)]?)\s+(?=[\"“‘(\[]?[A-Z0-9])")


def strip_markup(text: str) -> str:
    """Drop YAML front matter, HTML tags, Markdown links/emphasis, NBSPs and escaped hashes."""
    text = _FRONT_MATTER.sub("", text, count=1)
    text = text.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "*" in text or "__" in text:
        text = _MD_EMPH.sub("", text)
    return text.replace("\\###", "").replace("\\", "") if "\\" in text else text


#: A live-blog entry stamp or update line, a short paragraph of its own ("Tue 19:30 CEST",
#: "Updated Mon 9:15 a.m. ET", "UPDATE, May 15, 2026"): kept so that the dates of the entries
#: after it count from its day.
STAMP = re.compile(
    r"^\W*(?:(?:live\s+)?(?:last\s+)?update[ds]?\b[\s,:.\u2014-]*(?:at\s+|on\s+)?)?"
    r"(?:(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
    r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[a-z]{2,5})?"
    # "WEEK OF MARCH 3" heading a newsletter's look back: that week's entries follow
    r"|(?P<week>week\s+of\s+)?(?P<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"\.?\s+\d{1,2}"
    r"(?:,?\s+\d{4})?)(?:[\s,]+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[a-z]{2,5})?)?)"
    # a dated heading of a factbox or timeline: "JULY 6 - THE FIRST SHOTS IN THE 301 FIGHT"
    r"(?:\s*[-\u2013\u2014:]\s*(?-i:[^a-z]{2,100}))?"
    r"\W*$",
    re.IGNORECASE,
)


#: A write-through's slug line with the day of the update (the story as rewritten that day).
_UPDATE_SLUG = re.compile(
    r"update\s+\d+\s*[-–—]\s*(?P<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"\.?\s+\d{1,2}(?:,?\s+\d{4})?)",
    re.IGNORECASE,
)


#: A section heading naming a month ("February: the opening shot", "March 2025"), in a story
#: told month by month: what follows happened in that month.
_MONTH_NAMES = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_MON = rf"(?:{_MONTH_NAMES})(?:[a-z]*|\.)"
_YR = r"(?:19|20)\d\d"
#: A year alone on its line, heading the entries of a timeline that follow ("2018").
_YEAR_HEADING = re.compile(rf"\W*{_YR}\W*")
MONTH_HEADING = re.compile(
    rf"(?P<mon>{_MONTH_NAMES})(?:[a-z]*|\.)(?:\s+(?P<year>{_YR}))?"
    r"(?:\s*[:\u2014\u2013]\s*[^.!?:]{1,50})?",
    re.IGNORECASE,
)
#: A factbox or timeline label: a date, perhaps a span of days, then perhaps a place or a short
#: title ("Dec. 1, 2018 · Buenos Aires", "April 6-7, 2017", "November 2017 - Beijing").
_DATED_LABEL = re.compile(
    rf"(?:(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:\s*[-\u2013]\s*\d{{1,2}})?,?|"
    rf"(?P<day2>\d{{1,2}})(?:\s*[-\u2013]\s*\d{{1,2}})?\s+(?P<mon2>{_MON})|(?P<mon3>{_MON}))"
    rf"\s+(?P<year>{_YR})(?:\s*[\u00b7\u2022|\u2014\u2013:,-]\s*[^.!?]{{1,60}})?",
    re.IGNORECASE,
)
#: A section heading: months or years (no day), a colon or dash, a short title ("April to
#: October 2025: overshadowed", "2019: the first listing"). `paragraphs` marks it "## ".
SECTION = re.compile(
    rf"(?:{_MON}(?:\s+{_YR})?(?:\s*(?:to|through|and|-|\u2013)\s*{_MON})?(?:\s+{_YR})?|"
    rf"{_YR}(?:\s*(?:to|-|\u2013)\s*{_YR})?)\s*[:\u2014\u2013]\s*[^.!?:]{{1,50}}",
    re.IGNORECASE,
)


def paragraphs(text: str) -> list[str]:
    """Text paragraphs: hard-wrapped lines joined, list items split, furniture dropped."""
    return list(_paragraphs(text))


@lru_cache(maxsize=4)  # the rules and then the sentence model read the same article (speed)
def _paragraphs(text: str) -> tuple[str, ...]:
    out: list[str] = []
    block: list[str] = []
    for raw in strip_markup(text).split("\n"):
        line = raw.strip()
        if not line:
            if block:
                _flush(block, out)
                block = []
            continue
        first = line[0]  # a stripped bullet line starts with a bullet sign or a digit
        if (first in "-*•" or first.isdecimal()) and _BULLET.match(line):
            if block:
                _flush(block, out)
                block = []
            line = _BULLET.sub("", line)
            if not line:
                continue
        block.append(line)
    if block:
        _flush(block, out)
    return tuple(out)


def _flush(block: list[str], out: list[str]) -> None:
    """Append the block's paragraph to `out` unless it is boilerplate, a heading or furniture."""
    line = block[0] if len(block) == 1 else " ".join(block)
    # one space between words already (the usual case) unless a run of spaces or another
    # whitespace character (all of which `isprintable` rejects) needs collapsing (speed)
    para = line if line.isprintable() and "  " not in line else " ".join(line.split())
    if " • " in para:  # bullets run together on one line: each is its own paragraph
        for part in para.split(" • "):
            _flush([part.lstrip("• ")], out)
        return
    slug = _UPDATE_SLUG.match(para) if para[:1] in "Uu" else None
    if slug is not None:  # "UPDATE 1 - Nov. 16, 2023, 9:20 a.m. ET: Adds ...": keep its day
        out.append(f"Update, {slug.group('date')}")
        return
    if para.startswith("#"):
        head = para.lstrip("#").strip()
        if para.startswith("##") and (
            MONTH_HEADING.fullmatch(head)
            or SECTION.fullmatch(head)
            or _YEAR_HEADING.fullmatch(head)
        ):
            out.append("## " + head)  # "## February: the opening shot": the section's time
        return
    if not para or BOILERPLATE.match(para):
        return
    # Short lines without sentence punctuation are bylines, headings or navigation.
    if para[-1:] not in _TERMINAL_CHARS:
        if len(para) < 120 and (len(para.split()) < 8 or para[:1].isalpha()) and STAMP.match(para):
            out.append(para)
            return
        if len(para) <= 60 and (SECTION.fullmatch(para) or _YEAR_HEADING.fullmatch(para)):
            out.append("## " + para)  # "March: doubling down", "2018" as a heading in HTML
            return
        label = _DATED_LABEL.fullmatch(para) if len(para) <= 90 else None
        if label is not None:  # the entries after it are of its day (a stamp) or month
            year, day = label.group("year"), label.group("day") or label.group("day2")
            mon = label.group("mon") or label.group("mon2") or label.group("mon3")
            out.append(f"{mon} {day}, {year}" if day else f"## {mon} {year}")
            return
        if len(para) < 120 and len(para.split()) < 8:
            return
        if _headline(para):
            return
    out.append(para)


_LABEL_HEAD = re.compile(r"^[A-Z][\w ]{2,24}:\s+\S(?:[^.!?]{0,100})$")


def _headline(para: str) -> bool:
    """Title Case with no closing punctuation: a headline ("FACT SHEET: President Donald J.
    Trump Lowers the Fentanyl Tariff on China"), a labelled heading ("Background: Precursor
    controls in China") or a row of links ("More: A · B · C"), not body text."""
    if _LABEL_HEAD.match(para) or para.count(" · ") + para.count(" | ") >= 2:
        return True
    words = [w for w in para.split() if w[:1].isalpha()]
    if len(words) < 4 or len(para) > 250:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping abbreviations and initials intact."""
    return list(_split_sentences(paragraph))


@lru_cache(maxsize=4096)  # the rules and then the sentence model split the same paragraphs
def _split_sentences(paragraph: str) -> tuple[str, ...]:
    out: list[str] = []
    start = 0
    for m in _SPLIT.finditer(paragraph):
        stop = m.start() + 1  # just after the stop, which ends the word before the break
        if paragraph[stop - 1] == "." and _abbreviation(paragraph, start, stop):
            continue
        out.append(paragraph[start : m.end(1)].strip())  # never empty: it holds the stop
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return tuple(out)


def _abbreviation(paragraph: str, start: int, stop: int) -> bool:
    """Whether the word that ends with the full stop before `stop` is an abbreviation or an
    initial (read from a bounded look-back: no re-split of the whole span)."""
    tail = paragraph[max(start, stop - 40) : stop].rsplit(None, 1)
    word = fold_exact(tail[-1].rstrip('.!?"”’)').lstrip('("“‘'))
    return word in ABBREVIATIONS or (len(word) == 1 and "a" <= word <= "z")


def sentences(text: str) -> Iterator[str]:
    """Every sentence of an article body, in order, boilerplate removed."""
    for para in paragraphs(text):
        yield from split_sentences(para)


def trie_regex(words: Iterable[str]) -> str:
    """An alternation of `words` factored by common prefixes (much faster to search)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


#: Characters that Python's case-insensitive matching takes for an ASCII letter although
#: `str.lower()` does not map them to it (dotless ı for "i", long ſ for "s").
_FOLD = str.maketrans(
    {chr(o): chr(k) for k, others in _casefix._EXTRA_CASES.items() if k < 128 for o in others}
)
_FOLD_CHARS = tuple(chr(c) for c in _FOLD)


def fold(text: str) -> str:
    """`text` lower-cased as case-insensitive regexes compare it to ASCII letters."""
    low = text.lower()
    if low.isascii():
        return low
    for c in _FOLD_CHARS:  # a plain loop: cheaper than any() over a generator (speed)
        if c in low:
            return low.translate(_FOLD)
    return low  # quotes, dashes: as is


def fold_exact(text: str) -> str:
    """`fold`, with "İ" (which case-insensitive regexes take for "i", but which `str.lower`
    makes two characters) read as "i": every string a case-insensitive match holds is in it."""
    return fold(text.replace("\u0130", "i") if "\u0130" in text else text)


def holds(needs: tuple[tuple[str, ...], ...], folded: str) -> bool:
    """Whether `folded` holds a string of every group of `needs` (see `required_words`)."""
    for group in needs:  # plain loops: faster than all(any(...))
        for need in group:
            if need in folded:
                break
        else:
            return False
    return True


class Alternatives:
    """Whether a regex matches anywhere in a text, asked of its alternatives one at a time, each
    only when the text holds strings every match of it holds (`required_words`).

    Speed: a long alternation is tried at every position, though few texts hold its words; an
    alternative is looked up by the strings of its first group, each tested once. Same answer as
    `bool(pattern.search(text))` (no back-references or conditionals allowed).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if _has_op(parsed, ("GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE")):
            msg = f"no alternatives for a pattern with back-references: {pattern.pattern[:60]}"
            raise ValueError(msg)
        self.parts = tuple(
            (_groups(alt), _compiler.compile(_parser.SubPattern(parsed.state, alt), pattern.flags))
            for alt in map(_without_spare_lookahead, _alternatives(parsed))
        )
        #: Alternatives that need no string: always tried
        self._always = tuple(part for needs, part in self.parts if not needs)
        by_key: dict[str, list[int]] = {}
        for k, (needs, _) in enumerate(self.parts):
            for word in needs[0] if needs else ():
                by_key.setdefault(word, []).append(k)
        #: String of a first group -> the alternatives it opens
        self._by_key = {word: tuple(ks) for word, ks in by_key.items()}

    def __call__(self, text: str) -> bool:
        for part in self._always:
            if part.search(text):
                return True
        folded = fold_exact(text)
        tried: set[int] = set()
        for word, opened in self._by_key.items():
            if word not in folded:
                continue
            for k in opened:
                if k not in tried:
                    tried.add(k)
                    needs, part = self.parts[k]
                    if holds(needs[1:], folded) and part.search(text):
                        return True
        return False


_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


def _has_op(items: Iterable, names: tuple[str, ...]) -> bool:
    """Whether parsed `items` use one of the opcodes `names`, at any depth."""
    return any(
        str(op) in names or any(_has_op(sub, names) for sub in _nested(arg)) for op, arg in items
    )


def _nested(arg: object) -> Iterator:
    """The parsed sub-patterns inside an opcode's argument."""
    if isinstance(arg, _parser.SubPattern):
        yield arg
    elif isinstance(arg, (list, tuple)):
        for x in arg:
            yield from _nested(x)


def _alternatives(items: Iterable) -> list[list]:
    """Parsed patterns a text matches one of where it matches `items`: the alternatives of its
    alternation, and theirs in turn (see `_top_alternatives`)."""
    parts = _top_alternatives(items)
    if len(parts) == 1:
        return parts
    return [alt for part in parts for alt in _alternatives(part)]


def _top_alternatives(items: Iterable) -> list[list]:
    """The alternatives of the one alternation `items` consist of (beside zero-width items, kept
    around each alternative): a text matches `items` where it matches one of them."""
    items = list(items)
    body = [k for k, (op, _) in enumerate(items) if str(op) not in _ZERO_WIDTH]
    if len(body) != 1:
        return [items]
    k = body[0]
    op, arg = items[k]
    if str(op) == "SUBPATTERN" and arg[1] == arg[2] == 0 and len(arg[3]) == 1:
        op, arg = arg[3][0]  # a group without flags of its own: "(?:a|b)"
    if str(op) != "BRANCH":
        return [items]
    return [items[:k] + list(alt) + items[k + 1 :] for alt in arg[1]]


def _without_spare_lookahead(items: list) -> list:
    """`items` without a leading first-character lookahead (`with_first_chars`) when what follows
    can only start with one of its characters, and those are not letters: a literal first
    character lets the engine skip to it (speed)."""
    if not items or str(items[0][0]) != "ASSERT" or items[0][1][0] != 1:
        return items
    allowed = _first(items[0][1][1])
    first = _first(items[1:])
    if allowed is None or first is None or not first <= allowed:
        return items
    if any(c.lower() != c.upper() for c in first):
        return items  # a letter: the lookahead's class is the faster test
    return items[1:]


def _groups(items: list) -> tuple[tuple[str, ...], ...]:
    """`required_words` of parsed `items`."""
    return _ordered(dict.fromkeys(_required(items)))


def _ordered(groups: Iterable[frozenset[str]]) -> tuple[tuple[str, ...], ...]:
    """Needs groups, most selective first (fewest strings, then longest shortest string), each
    with its shortest strings first (the likeliest to be present, ending the search)."""
    return tuple(
        tuple(sorted(g, key=lambda w: (len(w), w)))
        for g in sorted(groups, key=lambda g: (len(g), -min(map(len, g)), sorted(g)))
    )


def required_words(regex: str) -> tuple[tuple[str, ...], ...]:
    """Lower-case ASCII strings a match of `regex` (case-insensitive) must contain: every group
    holds at least one of its strings (3+ characters each, or a sign such as "%"), most
    selective group first, and its shortest strings (the likeliest to be present, ending the
    search) first. An alternation gives a few groups, each joining one group of every branch.

    A sentence in which some group has no string (`fold`ed) cannot match, so the regex need not
    be run on it (a necessary condition, never sufficient).
    """
    return _groups(_parser.parse(regex, re.IGNORECASE))


def minimal_needs(groups: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    """`groups` (as `required_words` gives them) with the same meaning in fewer tests: no string
    that holds another of its group ("meets" beside "meet"), no group that another implies
    (each of whose strings holds one of it); ordered as `required_words` orders them."""
    small = [frozenset(w for w in g if not any(v != w and v in w for v in g)) for g in groups]
    small = list(dict.fromkeys(small))
    kept = [
        g
        for k, g in enumerate(small)
        if not any(
            j != k and _implies(h, g) and (j < k or not _implies(g, h)) for j, h in enumerate(small)
        )
    ]
    return _ordered(kept)


def _implies(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether a text holding a string of `a` holds one of `b`."""
    return all(any(v in w for v in b) for w in a)


_MIN_REQUIRED = 3
#: Signs rare enough in prose to be worth requiring on their own ("%" in "25%").
_SIGNS = frozenset("%$")
#: How many groups a branch gives: its alternatives' most selective groups, joined, then their
#: second most selective ones (an alternative with fewer gives its last again), and so on.
_BRANCH_GROUPS = 3


def _required(items: Iterable) -> list[frozenset[str]]:
    """Groups of strings one of which every match of parsed `items` contains (see above)."""
    out: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and arg < 128:
            run += chr(arg).lower()
            continue
        if _kept(run):
            out.append(frozenset([run]))
        run = ""
        if name == "SUBPATTERN":
            out += _required(arg[3])
        elif name == "ATOMIC_GROUP":
            out += _required(arg)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            out += _required(arg[2])
        elif name == "BRANCH":  # a string from one group of each alternative
            ranked = [_by_selectivity(_required(alt)) for alt in arg[1]]
            if ranked and all(ranked):
                depth = min(_BRANCH_GROUPS, max(map(len, ranked)))
                for k in range(depth):
                    out.append(frozenset().union(*(r[min(k, len(r) - 1)] for r in ranked)))
    if _kept(run):
        out.append(frozenset([run]))
    return out


def _kept(run: str) -> bool:
    return len(run) >= _MIN_REQUIRED or (run != "" and set(run) <= _SIGNS)


def _by_selectivity(groups: list[frozenset[str]]) -> list[frozenset[str]]:
    """Most selective first: longest shortest string, then fewest strings."""
    return sorted(set(groups), key=lambda g: (-min(map(len, g)), len(g), sorted(g)))


def with_first_chars(regex: str) -> str:
    """`regex` (case-insensitive) behind a lookahead for the characters a match can start with.

    Python's engine tries every alternative at every word boundary; the one-character class test
    rejects most positions first (about twice as fast on long alternations, same matches).
    """
    first = _first(_parser.parse(regex, re.IGNORECASE))
    if not first:
        return regex
    chars = {c for ch in first for c in (ch.lower(), ch.upper())}
    cls = "".join(re.escape(c) for c in sorted(chars))
    return f"(?=[{cls}])(?:{regex})"


def _first(items: Iterable) -> set[str] | None:
    """The characters a match of parsed `items` can start with; None if unknown or empty."""
    for op, arg in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # consumes nothing
        if name == "LITERAL":
            return {chr(arg)}
        if name == "IN":
            out = set()
            for sub_op, sub_arg in arg:
                if str(sub_op) == "LITERAL":
                    out.add(chr(sub_arg))
                elif str(sub_op) == "RANGE" and sub_arg[1] - sub_arg[0] < 64:
                    out.update(chr(c) for c in range(sub_arg[0], sub_arg[1] + 1))
                else:
                    return None
            return out
        if name == "BRANCH":
            out = set()
            for alt_items in arg[1]:
                f = _first(alt_items)
                if f is None:
                    return None
                out |= f
            return out
        if name == "SUBPATTERN":
            return _first(arg[3])
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            return _first(arg[2])
        return None
    return None
