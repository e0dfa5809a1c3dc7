"""Saved or downloaded HTML → article fields: metadata from the markup, body via trafilatura.

trafilatura gives the body (better text F1 and ~6× faster than newspaper4k on public benchmarks,
and on our fixtures); newspaper4k (the kit's article interface, images never fetched, `nlp()` never
called) is the fallback when trafilatura finds no body.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

from analysis.news import dates
from analysis.news.meta import authors, canonical, language, metas, outlet, title
from analysis.news.raw import ItemFailure
from analysis.news.text import (
    drop_boilerplate,
    guess_language,
    join_paragraphs,
    normalized,
    word_count,
)

#: A body shorter than this is "no article body".
MIN_WORDS = 25
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|WebPage", re.I)


def parse_tree(html: str) -> HtmlElement:
    """lxml tree of a page (libxml2 caps nesting at 256 levels, so deep pages cannot recurse)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as exc:
        msg = f"HTML cannot be parsed: {exc}"
        raise ItemFailure(msg) from None
    return root


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """Article fields of one HTML page; raises ItemFailure when it has no article body."""
    root = parse_tree(html)
    ld = dates.json_ld_objects(root)
    art = next((o for o in ld if _ARTICLE_TYPES.search(str(o.get("@type", "")))), {})
    page_url = canonical(root, art) or url
    found = dates.stamps(root, page_url or url, ld)
    if url and page_url != url and (s := dates.url_date(url)):
        found.append(s)
    day, instant, source = dates.choose(found)
    meta = metas(root)
    rec: dict[str, Any] = {
        "url": page_url or url,
        "title": title(root, art, meta),
        "authors": authors(root, art, meta),
        "outlet": outlet(root, art, meta, page_url or url),
        "language": language(root, meta, art),
        "published": day,
        "published_at": instant,
        "date_source": source,
    }
    timeline = dated_list_items(root)
    prune(root)
    text, extractor = _body(root, html, page_url or url)
    text = _without_title(text, rec["title"])
    # a "How we got here" box of dated entries that the body extractor left out
    missing = [item for item in timeline if item[:60] not in text]
    if missing:
        text = join_paragraphs([text, *missing])
    if day is None:
        rec["published"] = dates.htmldate_day(html)
        rec["date_source"] = "htmldate" if rec["published"] else None
    rec["text"] = text
    rec["extractor"] = extractor
    rec["language"] = rec["language"] or guess_language(text)
    return rec


#: A list entry led by its date: "Feb. 4: ...", "March 4, 2025 — ...", "2019: ...".
_DATED_ENTRY = re.compile(
    r"^\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?:\d{1,2}(?:,\s*(?:19|20)\d\d)?|(?:19|20)\d\d)|\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+(?:19|20)\d\d)?|"
    r"(?:19|20)\d\d)\s*[:\u2014\u2013-]\s+\S",
    re.IGNORECASE,
)


def dated_list_items(root: HtmlElement) -> list[str]:
    """The entries of lists whose items mostly open with a date (a timeline box, often in an
    `<aside>` that body extractors drop), each as one line of text."""
    out: list[str] = []
    for lst in root.iter("ul", "ol"):
        items = [" ".join(li.text_content().split()) for li in lst.iter("li")]
        dated = [t for t in items if _DATED_ENTRY.match(t) and word_count(t) >= 6]
        if len(dated) >= 2 and len(dated) >= 0.6 * len(items):
            out += dated
    return list(dict.fromkeys(out))  # a nested list's entries are its parent's too


_JUNK = re.compile(
    r"(?:^|[\s_-])(?:comments?|cookies?|consent|gdpr|cmp|related|recommended|read-(?:more|next)"
    r"|newsletter|share|social|taboola|outbrain|sponsored|paywall|promo|sidebar|most-read"
    r"|breadcrumbs?|tags|subscribe|donate|advert|ad|alert-bar|widget|media-contact|contacts?)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SMALL_JUNK = re.compile(
    r"(?:^|[\s_-])(?:standfirst|summary|dek|subtitle|kicker|byline|dateline|caption|author-block"
    r"|entry-meta|article-meta|meta)(?:$|[\s_-])",
    re.IGNORECASE,
)


def _prose(el: HtmlElement) -> int:
    """Characters in the element's long paragraphs (80+ characters): article prose, not links."""
    return sum(n for p in el.iter("p") if (n := len(p.text_content())) >= 80)


def prune(root: HtmlElement) -> None:
    """Drop cookie banners, comments, related links, share bars and small bylines/standfirsts.

    An element holding most of the page's text or half its prose is kept whatever its class (a
    wrapper such as `<div class="post tag-related">`, not junk).
    """
    body = root.find("body")
    base = body if body is not None else root
    total, prose = len(base.text_content()) or 1, _prose(base)
    doomed = []
    for el in root.iter("div", "section", "aside", "ul", "ol", "p", "span", "form", "footer"):
        label = f"{el.get('class', '')} {el.get('id', '')}".strip()
        if not label:
            continue
        if _JUNK.search(label):
            if len(el.text_content()) < 0.6 * total and (not prose or _prose(el) < 0.5 * prose):
                doomed.append(el)
        elif _SMALL_JUNK.search(label) and len(el.text_content()) < 400:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _without_title(text: str, title: str | None) -> str:
    """Remove headline repeats and boilerplate lines that extractors keep in the body."""
    key = normalized(title or "")
    paras = [p for p in text.split("\n\n") if not (key and normalized(p) == key)]
    return join_paragraphs(drop_boilerplate(paras))


def _body(root: HtmlElement, html: str, url: str | None) -> tuple[str, str]:
    import trafilatura

    text = None
    try:
        text = trafilatura.extract(
            root, url=url, include_comments=False, include_tables=False, deduplicate=False
        )
    except (RecursionError, ValueError, TypeError):
        text = None
    if text and word_count(text) >= MIN_WORDS:
        return join_paragraphs(text.split("\n")), "trafilatura"
    text = _newspaper_text(html, url)
    if text and word_count(text) >= MIN_WORDS:
        return join_paragraphs(text.split("\n")), "newspaper4k"
    msg = "no article body found in the HTML (navigation or boilerplate only)"
    raise ItemFailure(msg)


def _newspaper_text(html: str, url: str | None) -> str | None:
    Article = newspaper_article()

    try:
        art = Article(url or "http://localhost/article", fetch_images=False)
        art.download(input_html=html)
        art.parse()
    except (RecursionError, ValueError, TypeError, AttributeError, Exception):
        return None
    return art.text or None


def newspaper_article() -> type:
    """newspaper4k's Article class, imported without its warning about the absent NLTK."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        from newspaper import Article
    return Article
