"""Sidecars (`<file>.meta.json`) beside every raw file: read, write, verify, cite."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from analysis.errors import DataError

REQUIRED = ("publisher", "dataset", "url", "retrieved", "sha256", "license", "citation")
SUFFIX = ".meta.json"


@dataclass(frozen=True)
class Sidecar:
    """What a raw file is and where it came from. `vintage` is the release date (ISO)."""

    publisher: str
    dataset: str
    url: str
    retrieved: str
    sha256: str
    license: str
    citation: str
    vintage: str | None = None
    note: str | None = None
    demo: bool = False

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, False)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @property
    def source_line(self) -> str:
        """'Publisher, Dataset (release YYYY-MM-DD)' for chart captions."""
        rel = f" (release {self.vintage})" if self.vintage else ""
        return f"{self.publisher}, {self.dataset}{rel}"


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def read_sidecar(path: Path, *, verify: bool = True) -> Sidecar:
    """Read the sidecar of raw file `path`; when `verify`, check its sha256 against the bytes."""
    path = Path(path)
    meta = sidecar_path(path)
    if not meta.exists():
        msg = "raw file has no sidecar"
        raise DataError(
            msg,
            file=path,
            expected=f"{meta.name} beside it with {', '.join(REQUIRED)}",
            fix="write one with `analysis.provenance.write_sidecar` (or `precursor fetch`)",
        )
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        msg = "sidecar is not valid JSON"
        raise DataError(
            msg,
            file=meta,
            line=line,
            found=str(exc).split(":")[0],
            fix="repair the JSON",
        ) from None
    if not isinstance(data, dict):
        msg = "sidecar is not a JSON object"
        raise DataError(msg, file=meta, fix="repair the JSON")
    missing = [k for k in REQUIRED if not str(data.get(k) or "").strip()]
    if missing:
        msg = "sidecar lacks required field(s)"
        raise DataError(
            msg,
            file=meta,
            column=missing[0],
            expected=", ".join(REQUIRED),
            found=sorted(data),
            fix=f"add {', '.join(missing)}",
        )
    known = {k: data[k] for k in Sidecar.__dataclass_fields__ if k in data}
    side = Sidecar(**known)
    if verify:
        actual = sha256_file(path)
        if actual != side.sha256:
            msg = "raw file changed since its sidecar was written"
            raise DataError(
                msg,
                file=path,
                column="sha256",
                expected=side.sha256[:12] + "…",
                found=actual[:12] + "…",
                fix="raw files are immutable: restore the file, or add the new release as a new "
                "vintage folder with its own sidecar",
            )
    return side


def write_sidecar(path: Path, **fields: object) -> Sidecar:
    """Write `<path>.meta.json` for `path`, computing sha256 from its bytes."""
    path = Path(path)
    fields.setdefault("retrieved", date.today().isoformat())
    side = Sidecar(sha256=sha256_file(path), **fields)  # type: ignore[arg-type]
    atomic_write_text(sidecar_path(path), side.to_json())
    return side


def vintage_of(path: Path) -> date:
    """Release date of a raw file: sidecar `vintage`, else its `<vintage>` folder name."""
    path = Path(path)
    meta = sidecar_path(path)
    if meta.exists():
        try:
            v = json.loads(meta.read_text(encoding="utf-8")).get("vintage")
        except (UnicodeDecodeError, json.JSONDecodeError):
            v = None
        if v:
            return _parse_vintage(str(v), meta)
    return _parse_vintage(path.parent.name, path)


_VINTAGE = re.compile(r"(20\d\d|19\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?")


def _parse_vintage(text: str, where: Path) -> date:
    """Find YYYY-MM-DD or YYYY-MM anywhere in `text` (e.g. `opioiddatalab_2025-01`)."""
    m = _VINTAGE.search(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
        except ValueError:
            pass
    msg = "cannot tell the release date"
    raise DataError(
        msg,
        file=where,
        column="vintage",
        expected="a vintage like 2026-06-15 or 2026-06 (sidecar field or folder name)",
        found=text,
        fix="name the folder after the release date or set `vintage` in the sidecar",
    )


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(target: Path, text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))
