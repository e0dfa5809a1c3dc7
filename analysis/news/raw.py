"""Raw bytes in, text out: size cap, binary sniffing and strict decoding, each a clear reason."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

#: Pages above this size are refused (real article pages are well under 2 MB).
MAX_BYTES = 8 * 1024 * 1024


class ItemFailure(Exception):
    """One input that cannot become an article; the message is the reason recorded for it."""


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing files larger than `limit` before reading them."""
    size = path.stat().st_size
    if size > limit:
        msg = f"file is {size / 1e6:.1f} MB, above the {limit / 1e6:.0f} MB cap for one article"
        raise ItemFailure(msg)
    return path.read_bytes()


_CONTROL = bytes(range(9)) + bytes(range(14, 32))


def check_text_bytes(data: bytes) -> None:
    """Refuse empty or binary content (NUL bytes or many control characters at the start)."""
    if not data.strip():
        msg = "file is empty"
        raise ItemFailure(msg)
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        msg = "binary file (NUL bytes), not text or HTML"
        raise ItemFailure(msg)
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > len(head) // 20:
        msg = "binary file (control bytes), not text or HTML"
        raise ItemFailure(msg)


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 (BOM allowed); the error names the byte offset of the first bad byte."""
    check_text_bytes(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = (
            f"text is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save it as UTF-8"
        )
        raise ItemFailure(msg) from None


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """HTML bytes: BOM, else the declared `<meta charset>`, else strict UTF-8."""
    check_text_bytes(data)
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    m = _CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii", "replace").lower()
        if enc not in ("utf-8", "utf8"):
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_utf8(data)
