"""Parse cache keyed by the raw sha256 and the parser code: unchanged inputs are not re-parsed."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from analysis import config


@cache
def code_version() -> str:
    """Hash of the parsing modules: editing the parser invalidates every cached entry."""
    h = hashlib.sha256()
    for f in sorted(Path(__file__).parent.glob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def _path(sha: str, kind: str) -> Path:
    return config.cache_dir() / "articles" / sha[:2] / f"{sha}.{kind}.{code_version()}.json"


def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if "$dt" in value:
            return datetime.fromisoformat(value["$dt"])
        if "$d" in value:
            return date.fromisoformat(value["$d"])
    return value


def get(sha: str, kind: str) -> dict[str, Any] | None:
    """The cached parse result (fields, or {'error': reason}) or None."""
    try:
        data = json.loads(_path(sha, kind).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return {k: _decode(v) for k, v in data.items()}


def put(sha: str, kind: str, result: dict[str, Any]) -> None:
    """Store a parse result (ASCII JSON: encodes and writes about twice as fast as UTF-8)."""
    target = _path(sha, kind)
    data = json.dumps({k: _encode(v) for k, v in result.items()})
    with contextlib.suppress(OSError):  # a read-only cache only costs speed
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_text(data, encoding="utf-8")  # no fsync: a torn entry is just a cache miss
        os.replace(tmp, target)
