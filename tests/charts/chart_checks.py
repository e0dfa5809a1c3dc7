"""Checks shared by the chart tests: spec structure and a decoded PNG that is not blank."""

from __future__ import annotations

import io
from typing import Any

from analysis.charts.common import MAX_ROWS
from analysis.charts.export import inline_rows


def inline_values(spec: dict[str, Any]) -> list[list[dict]]:
    """Every inline dataset of a spec (top-level `datasets` and nested `data.values`)."""
    out = [v for v in spec.get("datasets", {}).values()]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and isinstance(data.get("values"), list):
                out.append(data["values"])
            for k, v in node.items():
                if k != "datasets":
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec)
    return out


def views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every unit or layer spec (anything with `layer` or `mark`), nested concat/facet included."""
    out = []
    if "mark" in spec or "layer" in spec:
        out.append(spec)
    for key in ("vconcat", "hconcat", "concat", "layer"):
        for sub in spec.get(key, []):
            out += views(sub)
    if "spec" in spec:
        out += views(spec["spec"])
    return out


def has_dual_y(spec: dict[str, Any]) -> bool:
    """True when a layer resolves y independently or its layers plot different y fields."""
    for v in views(spec):
        if "layer" not in v:
            continue
        if v.get("resolve", {}).get("scale", {}).get("y") == "independent":
            return True
        fields = {
            layer.get("encoding", {}).get("y", {}).get("field")
            for layer in v["layer"]
            if "field" in layer.get("encoding", {}).get("y", {})
        }
        if len(fields) > 1:
            return True
    return False


def check_spec(spec: dict[str, Any]) -> None:
    """Title, subtitle and source line present; inline data ≤ MAX_ROWS; no dual y axis."""
    title = spec["title"]
    assert title["text"], "chart has no title"
    subtitle = title["subtitle"]
    assert len(subtitle) >= 2 and subtitle[0], "chart has no subtitle"
    assert any(line.startswith(("Source: ", "Sources: ")) for line in subtitle), subtitle
    meta = spec["usermeta"]["precursor"]
    assert meta["sources"], "no source parts"
    rows = inline_rows(spec)
    assert rows and max(rows.values()) <= MAX_ROWS, rows
    assert not has_dual_y(spec)


def png_stats(data: bytes) -> tuple[tuple[int, int], int, float]:
    """(size, distinct colours, share of pixels that are not the background colour)."""
    from PIL import Image

    img = Image.open(io.BytesIO(data)).convert("RGB")
    colors = img.getcolors(maxcolors=1 << 24) or []
    background = max(colors)[1] if colors else None
    total = img.width * img.height
    other = total - max(colors)[0] if colors else 0
    assert background is not None
    return img.size, len(colors), other / total


def assert_not_blank(data: bytes, *, min_colors: int = 20, min_ink: float = 0.01) -> None:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    _, colors, ink = png_stats(data)
    assert colors >= min_colors, f"only {colors} colours: blank chart?"
    assert ink >= min_ink, f"only {ink:.1%} of pixels drawn: blank chart?"
