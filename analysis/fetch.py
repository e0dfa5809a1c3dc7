"""HTTP(S) downloads into a new raw vintage folder, accepted only once the source loader reads them.

`fetch` downloads to a hidden staging folder under `data/raw/<source>/`, refuses plain http unless
allowed, enforces a per-read timeout, an overall deadline and a size cap, retries server errors,
stalls and truncated bodies with exponential backoff, rejects HTML pages served instead of data,
runs the source's loader on the file, writes the sidecar, and only then renames the file into
`data/raw/<source>/<vintage>/`. On any failure nothing is left behind.
"""

from __future__ import annotations

import http.client
import os
import shutil
import ssl
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from analysis import __version__, config
from analysis.errors import DataError
from analysis.provenance import sha256_file, sidecar_path, write_sidecar

USER_AGENT = f"precursor/{__version__} (research kit; python-urllib)"
CHUNK = 1 << 16
PROGRESS_MIN_BYTES = 1 << 20
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class _Retryable(Exception):
    """A transient failure (server error, stall, cut-off body): worth another attempt."""


@dataclass(frozen=True)
class Limits:
    """Download limits: seconds per read, overall seconds, bytes, attempts and backoff base."""

    timeout: float = 30.0
    deadline: float = 900.0
    max_bytes: int = 200_000_000
    retries: int = 3
    backoff: float = 1.0


def _check_scheme(url: str, allow_http: bool) -> None:
    scheme = urlparse(url).scheme.lower()
    if scheme == "https" or (scheme == "http" and allow_http):
        return
    msg = "refusing to download over plain http" if scheme == "http" else "unsupported URL scheme"
    raise DataError(
        msg,
        file=url,
        expected="an https:// URL",
        found=f"{scheme or 'no scheme'}://",
        fix="use the https URL (or pass --allow-http for a trusted local mirror or test server)",
    )


class _SchemeGuard(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to URLs that pass the same scheme rule."""

    def __init__(self, allow_http: bool) -> None:
        self.allow_http = allow_http

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[override]
        _check_scheme(newurl, self.allow_http)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(
    url: str,
    target: Path,
    *,
    allow_http: bool = False,
    limits: Limits = Limits(),
    progress: bool = True,
    log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
) -> str:
    """Download `url` to `target` (overwritten); return the Content-Type. Raises DataError."""
    _check_scheme(url, allow_http)
    opener = urllib.request.build_opener(_SchemeGuard(allow_http))
    last: Exception | None = None
    for attempt in range(1, limits.retries + 1):
        try:
            return _attempt(opener, url, Path(target), limits, progress)
        except _Retryable as exc:
            last = exc
            if attempt < limits.retries:
                wait = limits.backoff * 2 ** (attempt - 1)
                log(f"retry {attempt}/{limits.retries - 1} in {wait:g}s: {exc}")
                time.sleep(wait)
    msg = f"download failed after {limits.retries} attempt(s): {last}"
    raise DataError(
        msg,
        file=url,
        fix="try again later, raise --timeout, or pass --url to a mirror",
    )


def _attempt(opener, url: str, target: Path, limits: Limits, progress: bool) -> str:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    started = time.monotonic()
    try:
        resp = opener.open(request, timeout=limits.timeout)
    except urllib.error.HTTPError as exc:
        if exc.code in RETRY_STATUS:
            msg = f"HTTP {exc.code} {exc.reason}"
            raise _Retryable(msg) from None
        msg = f"HTTP {exc.code} {exc.reason}"
        raise DataError(
            msg,
            file=url,
            expected="HTTP 200",
            fix="check the URL (the publisher may have moved the file)",
        ) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, ssl.SSLCertVerificationError):
            msg = "the server's TLS certificate is not trusted"
            raise DataError(
                msg,
                file=url,
                found=reason.verify_message or str(reason),
                fix="check the URL; for a private mirror add its CA to SSL_CERT_FILE",
            ) from None
        msg = f"no response ({reason})"
        raise _Retryable(msg) from None
    with resp:
        ctype = resp.headers.get("Content-Type", "")
        length = resp.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        if total is not None and total > limits.max_bytes:
            raise _too_big(url, total, limits.max_bytes)
        received = _stream(resp, url, target, total, started, limits, progress)
    if total is not None and received < total:
        msg = f"body cut off at {received:,} of {total:,} bytes"
        raise _Retryable(msg)
    return ctype


def _stream(resp, url, target: Path, total, started: float, limits: Limits, progress) -> int:
    from tqdm import tqdm

    received = 0
    show = progress and (total is None or total >= PROGRESS_MIN_BYTES)
    with (
        open(target, "wb") as out,
        tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            desc=target.name,
            disable=not show,
            file=sys.stderr,
            leave=False,
        ) as bar,
    ):
        while True:
            if time.monotonic() - started > limits.deadline:
                msg = f"download took longer than {limits.deadline:g}s"
                raise _Retryable(msg)
            try:
                block = resp.read(CHUNK)
            except TimeoutError:
                msg = f"stalled: no data for {limits.timeout:g}s"
                raise _Retryable(msg) from None
            except (http.client.IncompleteRead, ConnectionError) as exc:
                msg = f"connection broke mid-body ({type(exc).__name__})"
                raise _Retryable(msg) from None
            if not block:
                return received
            received += len(block)
            if received > limits.max_bytes:
                raise _too_big(url, received, limits.max_bytes, streamed=True)
            out.write(block)
            bar.update(len(block))


def _too_big(url: str, size: int, cap: int, *, streamed: bool = False) -> DataError:
    msg = "download is larger than the size cap" + (" (stopped mid-body)" if streamed else "")
    return DataError(
        msg,
        file=url,
        expected=f"at most {cap:,} bytes",
        found=f"{'over ' if streamed else ''}{size:,} bytes",
        fix="raise --max-bytes if the file is really that large",
    )


def looks_like_html(path: Path, content_type: str = "") -> bool:
    """True for an HTML page (error or login page) served where a data file was expected."""
    head = Path(path).read_bytes()[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" in content_type.lower() or head.startswith(
        (b"<!doctype html", b"<html", b"<?xml")
    )


def fetch(
    url: str,
    *,
    source: str,
    filename: str,
    loader: Callable[..., object],
    sidecar: dict[str, str],
    vintage: date | None = None,
    allow_http: bool = False,
    limits: Limits = Limits(),
    progress: bool = True,
    raw: Path | None = None,
) -> Path:
    """Download `url` as `data/raw/<source>/<vintage>/<filename>` with its sidecar; return the path.

    `loader(path, vintage=...)` must read the file before it is accepted. An identical file already
    in place is kept (no error); a different one is an error, since raw files are immutable.
    """
    raw = Path(raw or config.raw_dir())
    vintage = vintage or date.today()
    folder = raw / source / vintage.isoformat()
    target = folder / filename
    made = [d for d in (raw, raw / source, folder) if not d.exists()]
    (raw / source).mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".fetch-{vintage.isoformat()}-", dir=raw / source))
    moved: list[Path] = []
    try:
        staged = staging / filename
        ctype = download(url, staged, allow_http=allow_http, limits=limits, progress=progress)
        if looks_like_html(staged, ctype):
            msg = "the server sent an HTML page instead of the data file"
            raise DataError(
                msg,
                file=url,
                expected="CSV/text data",
                found=f"Content-Type {ctype or 'unknown'}, body starting "
                + repr(staged.read_bytes()[:40]),
                fix="the URL points at a web page or an error page: find the file's direct link",
            )
        try:
            loader(staged, vintage=vintage)
        except DataError as exc:
            msg = f"downloaded file does not read as {source}: {exc}"
            raise DataError(msg, file=url, fix="check the URL; nothing was written") from None
        if target.exists():
            if sha256_file(target) == sha256_file(staged):
                return target
            msg = "a different file of that name already exists in this vintage"
            raise DataError(
                msg,
                file=target,
                fix="raw files are immutable: fetch into a new vintage (--vintage YYYY-MM-DD)",
            )
        write_sidecar(staged, vintage=vintage.isoformat(), **sidecar)
        folder.mkdir(parents=True, exist_ok=True)
        for src, dst in ((staged, target), (sidecar_path(staged), sidecar_path(target))):
            os.replace(src, dst)
            moved.append(dst)
        return target
    except BaseException:
        for p in moved:
            p.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        for d in reversed(made):
            if d.exists() and not any(d.iterdir()):
                d.rmdir()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
