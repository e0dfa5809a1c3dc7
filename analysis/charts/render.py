"""Offline altair rendering for JupyterLab 4.6: `setup()` makes charts draw without internet.

Why: altair 6 emits Vega-Lite 6 under the mimetype `application/vnd.vegalite.v6+json`, which
JupyterLab 4.6 does not know (its bundled renderer, vega-lite 5.6, takes v3/v4/v5), and altair's
default "html" renderer loads vega from a CDN. The `precursor` renderer returns one bundle with:

- `application/vnd.vegalite.v5+json`: the spec, `$schema` set to v5, drawn by JupyterLab's bundled
  vega-embed (offline, interactive: brushes and tooltips work). The renderer is marked safe, so an
  untrusted notebook (e.g. executed by papermill) draws it too when reopened;
- `image/png` (or `image/svg+xml`): a static picture from vl-convert (no browser, no network), shown
  by nbconvert's HTML export, GitHub and any frontend that does not know vega-lite;
- `text/plain`: a one-line description.

All of it is plain output data, so it is saved in the notebook and shows again when reopened.
`PRECURSOR_RENDERER` picks another altair renderer (e.g. `html`, which needs the internet: the
browser test uses it to prove that a chart which does not draw is reported).
"""

from __future__ import annotations

import base64
import os
from typing import Any

import altair as alt

from analysis.charts.fonts import vl_convert

NAME = "precursor"
VEGALITE5_MIME = "application/vnd.vegalite.v5+json"
V5_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
FALLBACKS = ("png", "svg", "none")


def to_v5(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec labelled Vega-Lite 5 (shallow copy); JupyterLab draws it with vega-lite 5.6."""
    out = dict(spec)
    out["$schema"] = V5_SCHEMA
    return out


def _fallback(spec: dict[str, Any], kind: str, scale: float) -> dict[str, Any]:
    """A static picture of the chart through vl-convert; empty when conversion fails."""
    vlc = vl_convert()

    try:
        if kind == "png":
            png = vlc.vegalite_to_png(spec, scale=scale)
            return {"image/png": base64.b64encode(png).decode("ascii")}
        if kind == "svg":
            return {"image/svg+xml": vlc.vegalite_to_svg(spec)}
    except Exception as exc:  # a bad spec still shows in the browser; say why the picture is absent
        return {"text/plain": f"<Precursor chart: no static picture ({type(exc).__name__}: {exc})>"}
    return {}


def _describe(spec: dict[str, Any]) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    return f"<Precursor chart: {title}>" if title else "<Precursor chart>"


def offline_renderer(spec: dict[str, Any], **options: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """altair renderer: vega-lite v5 mimetype (SVG renderer) + static fallback + text."""
    kind = str(options.get("fallback", os.environ.get("PRECURSOR_RENDER_FALLBACK", "png")))
    if kind not in FALLBACKS:
        kind = "png"
    bundle: dict[str, Any] = {"text/plain": _describe(spec), VEGALITE5_MIME: to_v5(spec)}
    if kind != "none":
        extra = _fallback(spec, kind, float(options.get("scale", 1.0)))
        if "text/plain" in extra:
            bundle["text/plain"] += "\n" + extra.pop("text/plain")
        bundle.update(extra)
    embed = {"renderer": "svg", "actions": {"export": True, "source": False, "compiled": False}}
    embed.update(options.get("embed_options") or {})
    return bundle, {VEGALITE5_MIME: {"embed_options": embed}}


def setup(renderer: str | None = None, **options: Any) -> str:
    """Register and enable the offline renderer (or `renderer` / `$PRECURSOR_RENDERER`); returns it.

    Also applies the report theme when `analysis.charts.theme` provides one.
    """
    if NAME not in alt.renderers.names():
        alt.renderers.register(NAME, offline_renderer)
    name = renderer or os.environ.get("PRECURSOR_RENDERER") or NAME
    alt.renderers.enable(name, **options)
    _enable_theme()
    return name


def _enable_theme() -> None:
    try:
        from analysis.charts import theme  # provided by the chart builders
    except ImportError:
        return
    enable = getattr(theme, "use", None) or getattr(theme, "enable", None)
    if callable(enable):
        enable()


def bundle(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The mimebundle the offline renderer gives for `chart` (for tests and static pages)."""
    data, _meta = offline_renderer(chart.to_dict())
    return data


#: The Vega-Lite 5 release closest to JupyterLab 4.6's bundled 5.6.1 that vl-convert ships.
LAB_VL_VERSION = "5.8"


def _mark_counts(node: Any, out: dict[str, int] | None = None) -> dict[str, int]:
    """Items per mark type (`marktype`) in a vega scenegraph, axes and legends included."""
    out = {} if out is None else out
    if isinstance(node, dict):
        kind = node.get("marktype")
        if kind and node.get("role") not in {"frame", "scope"}:
            out[kind] = out.get(kind, 0) + len(node.get("items") or [])
        for value in node.values():
            _mark_counts(value, out)
    elif isinstance(node, list):
        for value in node:
            _mark_counts(value, out)
    return out


def lab_problems(spec: dict[str, Any]) -> list[str]:
    """Why `spec` would draw differently under JupyterLab's Vega-Lite 5 than under Vega-Lite 6.

    Compiles the v5-labelled spec with Vega-Lite 5.8 and 6 (vl-convert) and compares the marks
    drawn; an empty list means the chart draws the same in JupyterLab.
    """
    vlc = vl_convert()

    try:
        old = vlc.vegalite_to_scenegraph(to_v5(spec), vl_version=LAB_VL_VERSION)
    except Exception as exc:
        return [f"Vega-Lite {LAB_VL_VERSION} cannot compile it: {exc}"]
    new = vlc.vegalite_to_scenegraph(spec)
    a, b = _mark_counts(old.get("scenegraph")), _mark_counts(new.get("scenegraph"))
    if not any(a.values()):
        return [f"Vega-Lite {LAB_VL_VERSION} draws no marks"]
    return [
        f"{kind}: {a.get(kind, 0)} item(s) with Vega-Lite {LAB_VL_VERSION}, {b.get(kind, 0)} with 6"
        for kind in sorted(set(a) | set(b))
        if a.get(kind, 0) != b.get(kind, 0)
    ]
