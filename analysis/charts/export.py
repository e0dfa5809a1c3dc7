"""Export a chart to reports/figures/<name>.{png,svg,pdf,html,csv,json} through vl-convert.

No browser and no network: vl-convert renders in-process and the HTML bundles its JavaScript.
Every file is rendered in memory first and then written atomically, so a failure leaves the
previous files untouched.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import altair as alt
import polars as pl

from analysis import config
from analysis.charts import raster
from analysis.charts.common import MAX_ROWS, META_KEY, shown_of
from analysis.charts.fonts import vl_convert
from analysis.errors import DataError
from analysis.provenance import atomic_write_bytes

FORMATS = ("png", "svg", "pdf", "html", "csv", "json")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
_FORMULA = r"^[=+\-@\t\r]"


def vl_version() -> str | None:
    """The Vega-Lite version altair emits, as vl-convert names it (e.g. '6.4'), if it has it."""
    vlc = vl_convert()

    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return major_minor if major_minor in vlc.get_vegalite_versions() else None


def inline_rows(spec: dict[str, Any]) -> dict[str, int]:
    """Rows of every inline dataset of a Vega-Lite spec (top-level `datasets` and `data.values`)."""
    out = {k: len(v) for k, v in spec.get("datasets", {}).items()}

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and isinstance(data.get("values"), list):
                out[path or "data"] = len(data["values"])
            for k, v in node.items():
                if k != "datasets":
                    walk(v, f"{path}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}/{i}")

    walk(spec, "")
    return out


def escape_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells starting with = + - @ (or tab/CR) with an apostrophe."""
    text = [c for c, t in frame.schema.items() if t == pl.String]
    if not text:
        return frame
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(_FORMULA))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c in text
    )


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """CSV of the shown data, dates as YYYY-MM-DD, lists as JSON, formulas neutralised."""
    flat = frame.with_columns(
        pl.col(c).map_elements(lambda v: json.dumps(list(v)), return_dtype=pl.String)
        for c, t in frame.schema.items()
        if isinstance(t, pl.List)
    )
    flat = flat.with_columns(pl.col(pl.Date).dt.strftime("%Y-%m-%d"))
    buf = io.BytesIO()
    escape_formulas(flat).write_csv(buf)
    return buf.getvalue()


def _data_from_spec(spec: dict[str, Any]) -> pl.DataFrame:
    frames = [pl.DataFrame(v) for v in spec.get("datasets", {}).values() if v]
    return pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()


def static_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec for a static picture: marks a builder clipped only for zooming lose the clip."""
    if not spec.get("usermeta", {}).get(META_KEY, {}).get("clip_for_zoom"):
        return spec

    def unclip(node: Any) -> Any:
        if isinstance(node, list):
            return [unclip(v) for v in node]
        if not isinstance(node, dict):
            return node
        out = {k: unclip(v) for k, v in node.items()}
        mark = out.get("mark")
        if isinstance(mark, dict) and "clip" in mark:
            out["mark"] = {k: v for k, v in mark.items() if k != "clip"}
        return out

    return unclip(spec)


def git_commit(root: Path | None = None) -> str | None:
    """HEAD of the project's git repository, or None outside one."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=root or config.home(),
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _title_text(spec: dict[str, Any]) -> str | None:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    return " ".join(title) if isinstance(title, list) else title


def export_chart(
    chart: alt.TopLevelMixin,
    name: str,
    formats: Iterable[str] = FORMATS,
    *,
    data: pl.DataFrame | None = None,
    out_dir: Path | None = None,
    scale: float = 2,
) -> dict[str, Path]:
    """Write `<out_dir>/<name>.<fmt>` for each format (default reports/figures); return the paths.

    PNG at `scale`× (2 = sharp on print and high-dpi screens); HTML self-contained (JavaScript
    inlined); CSV = `data`, else the frame the builder drew, else the spec's inline data; JSON =
    title, sources, releases, generation time and git commit.
    """
    vlc = vl_convert()

    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not _NAME.match(name):
        msg = "cannot export chart"
        raise DataError(
            msg,
            expected=f"a file-safe name and formats from {FORMATS}",
            found=f"name {name!r}, formats {unknown or formats}",
            fix="use letters, digits, '-', '_' in the name and known formats",
        )
    spec = chart.to_dict()
    rows = inline_rows(spec)
    if rows and max(rows.values()) > MAX_ROWS:
        msg = f"chart '{name}' inlines too many rows"
        raise DataError(
            msg,
            expected=f"at most {MAX_ROWS} rows per dataset",
            found=max(rows.values()),
            fix="aggregate before charting",
        )
    version = vl_version()
    rendered: dict[str, bytes] = {}
    if {"png", "svg", "pdf"} & set(formats):
        # one Vega run: PNG and PDF are rasterised/converted from the same SVG
        svg = vlc.vegalite_to_svg(static_spec(spec), vl_version=version)
        if "svg" in formats:
            rendered["svg"] = svg.encode("utf-8")
        if "png" in formats:
            rendered["png"] = vlc.svg_to_png(raster.prepare(svg), scale=scale)
        if "pdf" in formats:
            rendered["pdf"] = vlc.svg_to_pdf(svg)
    if "html" in formats:
        html = vlc.vegalite_to_html(spec, vl_version=version, bundle=True)
        rendered["html"] = html.encode("utf-8")
    shown = data if data is not None else shown_of(chart)
    if shown is None:
        shown = _data_from_spec(spec)
    if "csv" in formats:
        rendered["csv"] = csv_bytes(shown)
    if "json" in formats:
        meta = spec.get("usermeta", {}).get(META_KEY, {})
        record = {
            "name": name,
            "title": meta.get("title") or _title_text(spec),
            "subtitle": meta.get("subtitle"),
            "source_line": meta.get("source_line"),
            "sources": meta.get("sources", []),
            "releases": meta.get("releases", []),
            "rows": shown.height,
            "columns": shown.columns,
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "git_commit": git_commit(),
            "vega_lite": version or alt.SCHEMA_VERSION,
            "files": [f"{name}.{f}" for f in formats],
        }
        rendered["json"] = (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode()
    target = Path(out_dir) if out_dir is not None else config.figures_dir()
    paths = {}
    for fmt in formats:
        path = target / f"{name}.{fmt}"
        atomic_write_bytes(path, rendered[fmt])
        paths[fmt] = path
    return paths
