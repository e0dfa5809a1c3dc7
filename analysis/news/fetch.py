"""Download one article page with newspaper4k (images never fetched), with timeouts and checks."""

from __future__ import annotations

from urllib.parse import urlparse

from analysis.news.raw import MAX_BYTES, ItemFailure, check_text_bytes

#: Seconds to wait to connect and between received bytes (a stalled server fails after this).
TIMEOUT = 10.0


def is_url(value: str) -> bool:
    return "://" in value and urlparse(value).scheme.isalpha()


def download(url: str, *, timeout: float = TIMEOUT) -> tuple[str, str]:
    """(html, final URL) of `url`; ItemFailure on bad scheme, HTTP error, stall or redirect away."""
    scheme = urlparse(url).scheme.lower()
    if scheme not in ("http", "https"):
        msg = f"URL scheme '{scheme}' is not http or https"
        raise ItemFailure(msg)
    from analysis.news.html import newspaper_article

    Article = newspaper_article()

    # allow_binary_content: skip newspaper4k's HEAD/range probes (fixed 3 s timeouts); the bytes
    # are checked for binary content after download instead.
    art = Article(
        url,
        fetch_images=False,
        request_timeout=timeout,
        follow_meta_refresh=False,
        allow_binary_content=True,
    )
    art.download()
    if not art.html:
        reason = (art.download_exception_msg or "empty response").replace(" for url None", "")
        if "No connection adapters" in reason or "InvalidSchema" in reason:
            reason = f"redirected to a non-http URL ({reason})"
        elif "timed out" in reason.lower():
            reason = f"server stalled: no response within {timeout:g} s ({reason})"
        msg = f"download failed: {reason}"
        raise ItemFailure(msg)
    final = art.history[-1] if art.history else url
    final_scheme = urlparse(final).scheme.lower()
    if final_scheme not in ("http", "https"):
        msg = f"redirected to a non-http URL: {final}"
        raise ItemFailure(msg)
    check_text_bytes(art.html[:8192].encode("utf-8", "replace"))
    if len(art.html) > MAX_BYTES:
        msg = f"page is {len(art.html) / 1e6:.1f} MB, above the {MAX_BYTES / 1e6:.0f} MB cap"
        raise ItemFailure(msg)
    return art.html, url
