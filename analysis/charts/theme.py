"""The `precursor` altair theme: readable fonts, Okabe–Ito colours, sizes that fit a report page."""

from __future__ import annotations

import altair as alt

NAME = "precursor"
#: Okabe & Ito (2008) colour-blind-safe palette, ordered for contrast on white (yellow last).
OKABE_ITO = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
#: Fixed colours per event type, the same in every chart.
EVENT_COLORS = {
    "diplomatic": "#0072B2",
    "trade_policy": "#D55E00",
    "enforcement": "#009E73",
    "public_health": "#CC79A7",
}
FONT = "Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif"
#: Plot area of one panel in CSS pixels: 640 px ≈ 17 cm at 96 dpi, inside an A4/Letter margin.
WIDTH, HEIGHT = 640, 240
GREY = "#4D4D4D"


@alt.theme.register(NAME, enable=False)
def precursor_theme() -> alt.theme.ThemeConfig:
    """Theme for reports and notebooks (enabled by `use()` when analysis.charts is imported)."""
    return alt.theme.ThemeConfig(
        config={
            "font": FONT,
            "background": "white",
            "padding": 8,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "title": {
                "anchor": "start",
                "fontSize": 16,
                "fontWeight": "bold",
                "subtitleFontSize": 12,
                "subtitleColor": GREY,
                "subtitlePadding": 4,
                "offset": 10,
            },
            "axis": {
                # no truncation: measuring text to cut it is the slowest step of a render, so
                # builders shorten long labels in the data instead (common.truncate)
                "labelLimit": 0,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "titleColor": GREY,
                "labelColor": GREY,
                "gridColor": "#E6E6E6",
                "domainColor": "#999999",
                "tickColor": "#999999",
            },
            "legend": {
                "labelFontSize": 11,
                "titleFontSize": 12,
                "orient": "bottom",
                "labelLimit": 0,
            },
            "header": {"labelFontSize": 11, "titleFontSize": 12},
            "range": {"category": list(OKABE_ITO)},
            "line": {"strokeWidth": 2},
            "point": {"size": 60},
            "text": {"fontSize": 11},
        }
    )


def use() -> None:
    """Enable the theme for every chart built or exported in this process."""
    alt.theme.enable(NAME)
