"""Page metadata from markup: canonical URL, headline, bylines, outlet, language."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from lxml.html import HtmlElement

from analysis.news.text import ROLE, clean_line


def metas(root: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in out:
            out[key] = content
    return out


def canonical(root: HtmlElement, art: dict) -> str | None:
    for href in root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'):
        if href.strip().startswith("http"):
            return href.strip()
    for key in ("url", "mainEntityOfPage"):
        v = art.get(key)
        v = v.get("@id") if isinstance(v, dict) else v
        if isinstance(v, str) and v.startswith("http"):
            return v
    return None


_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


def title(root: HtmlElement, art: dict, meta: dict[str, str]) -> str | None:
    for cand in (art.get("headline"), meta.get("og:title"), meta.get("twitter:title")):
        if isinstance(cand, str) and cand.strip():
            return clean_line(cand)
    for h1 in root.iter("h1"):
        t = clean_line(h1.text_content())
        if t:
            return t
    t = root.findtext(".//title")
    return _TITLE_SUFFIX.sub("", clean_line(t)) if t else None


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


_BY_NAME = re.compile(r"\bBy\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})")


def split_byline(text: str) -> list[str]:
    """'By Jane Doe and John Roe' / 'Jane Doe, John Roe' → names (dates, roles, outlets dropped)."""
    text = re.sub(r"^\s*(?:written\s+)?by\s+", "", clean_line(text), flags=re.I)
    text = re.split(r"\s+[|•·]\s+|\s+-\s+|\bupdated\b|\bpublished\b", text, flags=re.I)[0]
    parts = re.split(r",\s*|\s+and\s+|\s*&\s*", text)
    return [
        p.strip()
        for p in parts
        if p.strip()
        and len(p.split()) <= 4
        and not re.search(r"\d", p)
        and not ROLE.search(p)
        and p.strip()[0].isupper()
    ]


def authors(root: HtmlElement, art: dict, meta: dict[str, str]) -> list[str]:
    names = _names(art.get("author"))
    if not names and meta.get("author") and not meta["author"].startswith("http"):
        names = split_byline(meta["author"])
    if not names:
        for el in root.xpath('//*[@rel="author"] | //*[@itemprop="author"]'):
            names += split_byline(el.text_content())
    if not names:
        for el in root.xpath('//*[contains(@class, "byline") or contains(@class, "author")]'):
            text = el.text_content()
            if len(text) < 120 and (got := split_byline(text)):
                names = got
                break
    if not names:
        for el in root.xpath("//p | //small | //span | //div[not(descendant::p)]"):
            text = clean_line(el.text_content())
            if text.startswith("By ") and len(text) < 80 and (m := _BY_NAME.match(text)):
                names = split_byline(m.group(0))
                break
    if not names:
        for el in root.xpath('//*[contains(@class, "dateline") or contains(@class, "meta")]'):
            text = el.text_content()
            if len(text) < 200 and (m := _BY_NAME.search(text)):
                names = [m.group(1)]
                break
    seen: list[str] = []
    for n in (clean_line(x) for x in names):
        if n and n not in seen:
            seen.append(n)
    return seen


def outlet(root: HtmlElement, art: dict, meta: dict[str, str], url: str | None) -> str | None:
    pub = art.get("publisher")
    names = _names(pub)
    if names and names[0].strip():
        return clean_line(names[0])
    for key in ("og:site_name", "application-name", "twitter:site"):
        if meta.get(key):
            return clean_line(meta[key]).lstrip("@")
    title = clean_line(root.findtext(".//title") or "")
    if m := _TITLE_SUFFIX.search(title):
        return m.group(0).strip(" |–—-")
    return host(url)


def host(url: str | None) -> str | None:
    if not url:
        return None
    netloc = urlparse(url).netloc.lower()
    return netloc.removeprefix("www.") or None


def language(root: HtmlElement, meta: dict[str, str], art: dict) -> str | None:
    for cand in (
        root.get("lang"),
        art.get("inLanguage"),
        meta.get("og:locale"),
        meta.get("language"),
    ):
        if isinstance(cand, str) and re.match(r"^[a-zA-Z]{2}\b", cand.strip()):
            return cand.strip()[:2].lower()
    return None
