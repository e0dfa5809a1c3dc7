"""Text clean-up shared by every format: whitespace, paragraphs, boilerplate lines, word counts."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

import numpy as np

_WORD = re.compile(r"\w++(?:[’'.-]\w++)*+")  # possessive: same matches, less backtracking work

#: Lines that are never article text (seed-style pages and pasted web copy).
BOILERPLATE = re.compile(
    r"""^(?:
        (?:read\s+(?:also|more)|related|see\s+also|recommended|more\s+from)\b.*
      | \d{1,3}\s+min(?:ute)?s?\s+read
      | share\s+(?:this|on)\b.{0,40}
      | (?:\d+\s+)?comments?
      | (?:leave\s+a\s+(?:comment|reply)|advertisement|continue\s+reading|skip\s+to\s+content)\.?
      | subscribe\b.{0,100}
      | sign\s+up\b.{0,100}
      | follow\s+us\b.{0,60}
      | (?:photo|image)\s*(?:credit)?\s*:.{0,120}
      | (?:source|editor|editors?)\s*:.{0,150}
      | \[\s*editor\s*:.{0,80}\]
      | (?-i:By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?:\s*[,·|•][^.!?]{0,60})?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A line that opens a page footer: everything after it is dropped unless real prose follows.
FOOTER_START = re.compile(
    r"^(?:discover\s+more\s+from\b|subscribe\s+(?:now|to)\b|share\s+this\s+article\b"
    r"|about\s+the\s+author\b|you\s+may\s+also\s+like\b|more\s+stories\b)",
    re.IGNORECASE,
)


#: Words that mark a byline part as a role or an outlet, not a person.
ROLE = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|staff|bureau|chief|columnist|contributor"
    r"|photographer|analyst|news|press|times|post|brief|review|wire|agency|associated)\b",
    re.IGNORECASE,
)


#: A line that opens a Markdown list item ("- ...", "* ...", "2. ...").
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")


def list_items(lines: Iterable[str], item: re.Pattern[str] = LIST_ITEM) -> list[str]:
    """Non-blank `lines` grouped into list items, each joined with the wrapped lines that
    continue it (the first line opens an item whatever it starts with)."""
    out: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        if item.match(line) or not out:
            out.append([line])
        else:
            out[-1].append(line)
    return [" ".join(parts) for parts in out]


def clean_line(line: str) -> str:
    """One line with NBSPs and odd spaces made plain and runs of spaces collapsed."""
    return " ".join(line.replace("\u200b", "").split())


#: Joins lines for `clean_lines`: not whitespace, and checked to occur in no line.
_LINE_SEP = "\x00"


def clean_lines(lines: list[str]) -> list[str]:
    """`[clean_line(x) for x in lines]`; many long lines are done at once with numpy."""
    joined = _LINE_SEP.join(lines).replace("\u200b", "")
    if len(joined) < _LONG or joined.count(_LINE_SEP) != len(lines) - 1:
        return [clean_line(x) for x in lines]
    return [x.strip(" ") for x in _collapsed_spaces(joined).split(_LINE_SEP)]


def _collapsed_spaces(text: str) -> str:
    """Each run of whitespace (what `str.split()` splits at) made one space, with numpy."""
    cp = _code_points(text)
    present = _non_ascii(cp)
    # every whitespace character becomes " "
    out = _mapped(cp, _ASCII_SPACED, present, [_spaced(chr(c)) for c in present])
    space = out == _SPACE
    keep = ~space  # other characters...
    keep[1:] |= ~space[:-1]  # and the first of each run of whitespace
    return _text(out[keep])


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs with hard-wrapped lines joined (Markdown-style)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        joined = " ".join(clean_line(x) for x in block.split("\n") if x.strip())
        if joined:
            out.append(joined)
    return out


def join_paragraphs(paras: list[str]) -> str:
    """The kit's text layout: one paragraph per block, blank line between blocks."""
    return "\n\n".join(p for p in (clean_line(p) for p in paras) if p)


_END_MARK = re.compile(r"^(?:#\s*#\s*#|-\s*30\s*-|\*\s*\*\s*\*\s*end)$", re.IGNORECASE)


def drop_boilerplate(paras: list[str]) -> list[str]:
    """Remove READ ALSO/min-read/share/subscribe lines, a trailing footer, and all after '###'."""
    kept = [p for p in paras if not BOILERPLATE.match(p)]
    for i, p in enumerate(kept):
        if _END_MARK.match(p):
            kept = kept[:i]
            break
    for i, p in enumerate(kept):
        if FOOTER_START.match(p) and not any(word_count(q) >= 25 for q in kept[i + 1 :]):
            return kept[:i]
    return kept


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def tokens(text: str) -> list[str]:
    """Lower-case words (NFKC, punctuation dropped): the basis of ids and duplicate checks."""
    return normalized(text).split()


def normalized(text: str) -> str:
    """The words of `tokens`, joined by single spaces."""
    text = nfkc(text)
    if len(text) < _LONG:
        return " ".join(_WORD.findall(text.lower()))
    return _joined_words(text)


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, line by line so that only the few lines needing it
    take normalize's slow path (a line feed never composes or reorders with its neighbours)."""
    # NFKC leaves ASCII text unchanged; the is_normalized check is much faster than normalize
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return "\n".join(unicodedata.normalize("NFKC", line) for line in text.split("\n"))


#: Texts at least this long are split into words with numpy (a per-call cost, a per-word saving).
_LONG = 2000
#: Characters `_WORD` keeps inside a word when a word character is on each side.
_JOINERS = "’'.-"
_SPACE = ord(" ")
#: Marks a joiner in `_word_code`'s values (above every code point).
_JOINER_FLAG = 1 << 31
#: Capital sigma, whose lower case depends on its neighbours (final ς or σ).
_SIGMA = 0x3A3


def _joined_words(text: str) -> str:
    """`" ".join(_WORD.findall(text.lower()))` with a few whole-array numpy steps instead of one
    Python object per word: each character is lower-cased and classed by one table lookup, a
    joiner between two word characters is part of the word, other non-word characters
    separate words."""
    cp = _code_points(text)
    present = _non_ascii(cp)
    lowered = [chr(c).lower() for c in present]
    if _SIGMA in present or any(len(x) != 1 for x in lowered):
        # lower case that depends on context or is longer than one character: str.lower does it
        text = text.lower()
        cp = _code_points(text)
        present = _non_ascii(cp)
        lowered = [chr(c) for c in present]  # already lower case
    out = _mapped(cp, _ASCII_WORDS, present, [_word_code(x) for x in lowered])
    joiners = np.flatnonzero(out >= _JOINER_FLAG)
    if joiners.size:  # a joiner is kept only between two word characters
        last = len(out) - 1
        before = out[np.maximum(joiners - 1, 0)]  # at either end, the joiner is its own neighbour
        after = out[np.minimum(joiners + 1, last)]
        inside = _is_word(before) & _is_word(after)
        out[joiners] = np.where(inside, out[joiners] - np.uint32(_JOINER_FLAG), np.uint32(_SPACE))
    space = out == _SPACE
    keep = ~space  # word characters...
    keep[1:] |= ~space[:-1]  # and the first character after a word, which becomes the space
    return _text(out[keep]).rstrip(" ")


def _is_word(codes: np.ndarray) -> np.ndarray:
    return (codes != _SPACE) & (codes < _JOINER_FLAG)


def _word_code(ch: str) -> int:
    r"""A (lower-case) character as `_joined_words` reads it: a word character (regex `\w` in a
    str pattern) as itself, a joiner with `_JOINER_FLAG` set, any other character as a space."""
    if ch.isalnum() or ch == "_":
        return ord(ch)
    return ord(ch) | _JOINER_FLAG if ch in _JOINERS else _SPACE


def _spaced(ch: str) -> int:
    """Whitespace as a space, any other character as itself (for `_collapsed_spaces`)."""
    return _SPACE if ch.isspace() else ord(ch)


_ASCII_WORDS = np.array([_word_code(chr(c).lower()) for c in range(128)], dtype=np.uint32)
_ASCII_SPACED = np.array([_spaced(chr(c)) for c in range(128)], dtype=np.uint32)


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _text(cp: np.ndarray) -> str:
    return cp.tobytes().decode("utf-32-le", "surrogatepass")


def _non_ascii(cp: np.ndarray) -> list[int]:
    """The distinct code points of 128 and above, ascending."""
    return np.unique(cp[cp >= 128]).tolist()


def _mapped(
    cp: np.ndarray, ascii_values: np.ndarray, present: list[int], values: list[int]
) -> np.ndarray:
    """Each code point replaced through one table: ASCII from `ascii_values`, the non-ASCII
    characters `present` by `values` (in the same order)."""
    table = np.zeros(max(present[-1] + 1 if present else 0, 128), dtype=np.uint32)
    table[:128] = ascii_values
    if present:
        table[present] = values
    return table.take(cp)  # (speed) take is about twice as fast as table[cp]


def article_id(text: str, joined: str | None = None) -> str:
    """Stable id: first 16 hex digits of sha256 over the normalized text (`joined` if given)."""
    joined = normalized(text) if joined is None else joined
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


_EN = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "was",
        "said",
        "it",
        "at",
        "from",
        "has",
        "have",
        "be",
        "are",
    ]
)


def guess_language(text: str, words: list[str] | None = None) -> str | None:
    """'en' when common English function words make up a sizeable share of the words, else None."""
    words = tokens(text[:4000]) if words is None else words[:700]
    if len(words) < 20:
        return None
    hits = sum(map(_EN.__contains__, words))  # (speed) no generator frame per word
    return "en" if hits / len(words) > 0.12 else None
