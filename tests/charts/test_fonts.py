"""vl-convert fonts: system folders holding Liberation Sans are left out, text still draws."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.charts.fonts import font_dirs, fontconfig_xml

REPO = Path(__file__).resolve().parents[2]


def test_folders_with_the_bundled_font_are_left_out(tmp_path: Path) -> None:
    for rel in (
        "truetype/liberation/LiberationSans-Regular.ttf",
        "truetype/liberation/LiberationMono-Regular.ttf",
        "truetype/dejavu/DejaVuSans.ttf",
        "opentype/noto/NotoSansCJK.ttc",
        "truetype/readme/README.txt",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"")
    kept, skipped = font_dirs([tmp_path, tmp_path / "absent"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in kept) == [
        "opentype/noto",
        "truetype/dejavu",
    ]
    assert [p.relative_to(tmp_path).as_posix() for p in skipped] == ["truetype/liberation"]
    xml = fontconfig_xml([tmp_path / "a&b"])
    assert "<dir>" + str(tmp_path / "a&amp;b") + "</dir>" in xml
    assert xml.startswith("<?xml") and xml.rstrip().endswith("</fontconfig>")


CHILD = """
import os, sys
from analysis.charts.fonts import vl_convert
vlc = vl_convert() if sys.argv[1] == "bundled" else __import__("vl_convert")
svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="260" height="40">'
       '<rect width="260" height="40" fill="white"/>'
       '<text x="4" y="16" font-family="Liberation Sans" font-size="12">Overdose deaths 2025</text>'
       '<text x="4" y="34" font-family="Liberation Sans" font-size="12" font-weight="bold">'
       'US–China → 20%</text></svg>')
sys.stdout.buffer.write(vlc.svg_to_png(svg, scale=2))
print("FONTCONFIG_FILE" in os.environ, file=sys.stderr)
"""


def _render(mode: str) -> bytes:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode], cwd=REPO, capture_output=True, check=True
    )
    assert out.stderr.strip() == b"False", "the fontconfig variable must be restored"
    return out.stdout


def _ink(png: bytes) -> tuple[tuple[int, int, int, int] | None, float]:
    """(bounding box of the text, amount of ink in fully-black pixels)."""
    from PIL import Image, ImageOps

    grey = Image.open(io.BytesIO(png)).convert("L")
    return ImageOps.invert(grey).getbbox(), sum(255 - v for v in grey.tobytes()) / 255


def test_text_draws_the_same_from_the_bundled_font() -> None:
    _kept, skipped = font_dirs([Path("/usr/share/fonts")])
    if not skipped:
        pytest.skip("no system Liberation Sans here: vl-convert already uses its bundled copy")
    (box, ink), (sys_box, sys_ink) = _ink(_render("bundled")), _ink(_render("system"))
    assert ink > 1000, "the text did not draw"
    # the same typeface (versions may differ by a hinting detail): same extent, same weight
    assert box == sys_box
    assert abs(ink - sys_ink) / sys_ink < 0.03
