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
    import vl_convert as vlc

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
    enable = getattr(theme, "enable", None)
    if callable(enable):
        enable()


def bundle(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The mimebundle the offline renderer gives for `chart` (for tests and static pages)."""
    data, _meta = offline_renderer(chart.to_dict())
    return data
