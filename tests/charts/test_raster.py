"""The SVG handed to resvg: fewer clip layers and crisp hairlines, the same picture."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from chart_fixtures import tables

from analysis.charts import GALLERY
from analysis.charts.fonts import vl_convert
from analysis.charts.raster import merge_clips, prepare

HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120">'
    '<rect width="200" height="120" fill="white"/><defs>'
    '<clipPath id="a"><rect x="0" y="0" width="100" height="60"/></clipPath>'
    '<clipPath id="b"><rect x="0" y="0" width="100" height="60"/></clipPath>'
    '<clipPath id="c"><rect x="0" y="0" width="100" height="60"/></clipPath>'
    '<clipPath id="other"><rect x="0" y="0" width="50" height="60"/></clipPath>'
    '</defs><g fill="none" transform="translate(10,10)">'
)
LINE = '<path d="M-20,30L150,30" stroke="#0072B2" stroke-width="2"/>'
BLANK = '<path class="background" d="M0,0h100v60h-100Z"/>'


def _svg(body: str) -> str:
    return HEAD + body + "</g></svg>"


def _png(svg: str) -> bytes:
    return vl_convert().svg_to_png(svg, scale=2)


def test_siblings_with_the_same_rectangle_are_clipped_once() -> None:
    body = (
        f'<g clip-path="url(#a)">{LINE}</g>'
        # Vega's per-series wrapper: an identity translate and a background that paints nothing
        f'<g transform="translate(0,0)">{BLANK}<g clip-path="url(#b)">{LINE}</g></g>'
        f'<g clip-path="url(#c)">{LINE}</g>'
    )
    out = prepare(_svg(body))
    assert out.count("clip-path=") == 1
    assert _png(out) == _png(_svg(body))


@pytest.mark.parametrize(
    "body",
    [
        f'<g clip-path="url(#a)">{LINE}</g><g clip-path="url(#other)">{LINE}</g>',
        f'<g clip-path="url(#a)">{LINE}</g><g opacity="0.5" clip-path="url(#b)">{LINE}</g>',
        f'<g clip-path="url(#a)">{LINE}</g>'
        f'<g transform="translate(5,0)"><g clip-path="url(#b)">{LINE}</g></g>',
        f'<g clip-path="url(#a)">{LINE}</g>{LINE}<g clip-path="url(#b)">{LINE}</g>',
        f'<g clip-path="url(#a)">{LINE}</g>'
        f'<g transform="translate(0,0)"><path d="M0,0h9v9Z" fill="red"/>'
        f'<g clip-path="url(#b)">{LINE}</g></g>',
    ],
    ids=["other-rectangle", "group-opacity", "moved-wrapper", "unclipped-between", "painted-bg"],
)
def test_clips_that_cannot_be_shared_are_kept(body: str) -> None:
    assert prepare(_svg(body)) == _svg(body)


def test_axis_aligned_solid_rules_are_drawn_crisp() -> None:
    lines = (
        '<line transform="translate(20,0)" x2="0" y2="60" stroke="#BBB"/>'
        '<line x1="0" y1="30" x2="100" y2="30" stroke="#BBB"/>'
        '<line x2="100" y2="60" stroke="#BBB"/>'
        '<line x2="0" y2="60" stroke="#BBB" stroke-dasharray="2,3"/>'
    )
    out = prepare(_svg(lines))
    assert out.count('shape-rendering="crispEdges"') == 2
    assert '<line x2="100" y2="60" stroke="#BBB" />' in out  # diagonal: left smooth


def _image(svg: str):
    from PIL import Image

    return Image.open(io.BytesIO(_png(svg))).convert("RGBA")


def _merged_only(svg: str) -> str:
    root = ET.fromstring(svg)
    merge_clips(root)
    return ET.tostring(root, encoding="unicode")


def test_gallery_pictures_are_unchanged_with_fewer_clips_and_crisp_rules() -> None:
    from PIL import ImageChops, ImageStat

    data = tables()
    fewer = 0
    for name, build in GALLERY.items():
        svg = vl_convert().vegalite_to_svg(build(data).to_dict())
        before = _image(svg)
        # merging clips keeps every pixel (up to rounding in the anti-aliasing)
        merged = _merged_only(svg)
        fewer += merged.count("clip-path=") < svg.count("clip-path=")
        diff = ImageChops.difference(before, _image(merged))
        assert max(hi for _lo, hi in diff.getextrema()) <= 4, name
        # crisp rules move ink by under a pixel: the picture as a whole stays the same
        after = _image(prepare(svg))
        assert after.size == before.size, name
        mean = ImageStat.Stat(ImageChops.difference(before, after).convert("L")).mean[0]
        assert mean < 0.5, f"{name}: mean change {mean:.2f}/255"
    assert fewer >= 1, "the headline's zoom-clipped panels should share their clip layers"
