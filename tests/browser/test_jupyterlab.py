"""Each notebook in JupyterLab (Chromium): open, run all, charts drawn, widget redraws, reopen.

The explorer's chart is a plain output in the explorer's cell (the widget box holds the controls);
after save and a cold reopen it must still draw, showing the view the moved slider selected.

A chart output "has drawn" when its element holds an SVG or canvas of non-zero size with marks
(vega `role-mark` items, or non-blank canvas pixels). Failures name the notebook, the cell and
the output. Screenshots go to reports/screenshots/.
"""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

NOTEBOOKS = [
    "01-policy-timeline.ipynb",
    "02-overdose-and-seizures.ipynb",
    "03-news-to-events.ipynb",
    "04-diplomacy-vs-trade.ipynb",
]
RUN_TIMEOUT_S = 150

#: Per code cell, per output: what kind it is and whether its charts drew (see module docstring).
CHART_STATE_JS = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const drawn = (el) => {
    const svg = el.querySelector('svg.marks') || el.querySelector('svg');
    if (svg) {
      const r = svg.getBoundingClientRect();
      const marks = svg.querySelectorAll('g.role-mark > *').length;
      const ok = r.width > 0 && r.height > 0 && marks > 0;
      return {kind: 'svg', w: r.width, h: r.height, marks, ok};
    }
    const canvas = el.querySelector('canvas');
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3] > 0 && px[i] + px[i + 1] + px[i + 2] < 600) ink++;
      }
      return {kind: 'canvas', w: canvas.width, h: canvas.height, marks: ink, ok: ink > 0};
    }
    return {kind: 'none', w: 0, h: 0, marks: 0, ok: false,
            text: (el.innerText || '').slice(0, 160)};
  };
  const out = [];
  panel.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    const outputs = cell.model.outputs.toJSON();
    outputs.forEach((o, j) => {
      const data = o.data || {};
      const keys = Object.keys(data);
      const html = String(data['text/html'] || '');
      const isChart = keys.some(k => k.startsWith('application/vnd.vegalite')) ||
                      html.includes('vegaEmbed') || html.includes('vega-embed');
      const isWidget = keys.includes('application/vnd.jupyter.widget-view+json');
      const child = cell.outputArea.widgets[j];
      const node = child ? child.node : null;
      let charts = [];
      if (node && (isChart || isWidget)) {
        const sel = '.jp-RenderedVegaCommon5, .vega-embed, [id^="altair-viz"]';
        const els = node.querySelectorAll(sel);
        const seen = new Set();
        els.forEach(el => {
          const top = el.closest('.jp-RenderedVegaCommon5') || el;
          if (!seen.has(top)) { seen.add(top); charts.push(drawn(top)); }
        });
        if (isChart && charts.length === 0) charts.push(drawn(node));
      }
      out.push({cell: i, output: j, type: o.output_type, isChart, isWidget, charts,
                title: String(data['text/plain'] || '').slice(0, 100),
                ename: o.ename || null, evalue: o.evalue || null});
    });
  });
  return out;
}
"""


def _wait_kernel_ready(page) -> None:
    """Kernel name shown and the debugger button enabled: the kernel is attached, not just idle."""
    toolbar = ".jp-NotebookPanel-toolbar"
    page.wait_for_selector(f"{toolbar} .jp-DebuggerBugButton[aria-disabled='false']", timeout=90000)
    page.wait_for_function(
        """sel => { const k = document.querySelector(sel + ' .jp-Toolbar-kernelName');
                    return k && k.innerText.trim() && k.innerText.trim() !== 'No Kernel'; }""",
        arg=toolbar,
        timeout=30000,
    )


def _open(page, lab, name: str) -> None:
    page.goto(lab.notebook_url(name))
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60000)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget")
    _wait_kernel_ready(page)


def _run_all(page, name: str) -> None:
    """Run All Cells (the menu's command); wait until every code cell has a number."""
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while time.monotonic() < deadline:
        prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        status = page.evaluate(
            "() => window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status"
        )
        done = prompts and all(p.strip() not in {"[*]:", "[ ]:", ""} for p in prompts)
        if done and status == "idle":
            return
        time.sleep(0.5)
    pytest.fail(f"{name}: cells still running after {RUN_TIMEOUT_S} s (prompts {prompts})")


def _check(page, name: str, *, when: str, explorers: list[int] | None = None) -> list[dict]:
    """Fail naming the notebook, cell and output for any error or chart that did not draw.

    `explorers`: cells holding an explorer (default: cells with a widget output); each must also
    hold a chart output that drew.
    """
    state = page.evaluate(CHART_STATE_JS)
    errors = [s for s in state if s["type"] == "error"]
    assert not errors, (
        f"{name} ({when}): cell {errors[0]['cell']} raised {errors[0]['ename']}: "
        + str(errors[0]["evalue"])
    )
    expected = [s for s in state if s["isChart"]]
    assert expected, f"{name} ({when}): no chart output at all"
    for s in expected:
        bad = [c for c in s["charts"] if not c["ok"]] or ([] if s["charts"] else [{"kind": "none"}])
        assert not bad, (
            f"{name} ({when}): chart in cell {s['cell']} output {s['output']} ({s['title']!r}) "
            f"did not draw: {bad[0]}"
        )
    if explorers is None:
        explorers = sorted({s["cell"] for s in state if s["isWidget"]})
    drawn = {s["cell"] for s in expected}
    blank = [c for c in explorers if c not in drawn]
    assert not blank, f"{name} ({when}): the explorer in cell {blank[0]} shows no chart"
    return state


def _chart_signature(page, cell: int) -> str:
    return page.evaluate(
        """i => { const cell = window.jupyterapp.shell.currentWidget.content.widgets[i];
                  const svg = cell.node.querySelector('.jp-RenderedVegaCommon5 svg');
                  return svg ? svg.outerHTML : ''; }""",
        cell,
    )


def _chart_spec(page, cell: int) -> dict | None:
    """The Vega-Lite spec of the cell's chart output, as held by the notebook model."""
    text = page.evaluate(
        """i => { const cell = window.jupyterapp.shell.currentWidget.content.widgets[i];
                  const o = cell.model.outputs.toJSON().find(
                      o => o.data && o.data['application/vnd.vegalite.v5+json']);
                  return o ? JSON.stringify(o.data['application/vnd.vegalite.v5+json']) : ''; }""",
        cell,
    )
    return json.loads(text) if text else None


def _move_widget(page, name: str, cell: int) -> dict:
    """Drag the month range's upper handle left by keyboard; the explorer's chart must redraw.

    Returns the redrawn chart's spec (what a reopen must show).
    """
    before, spec = _chart_signature(page, cell), _chart_spec(page, cell)
    handle = page.locator(".jp-Cell").nth(cell).locator(".noUi-handle-upper").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    handle.press("PageDown")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        after = _chart_signature(page, cell)
        if after and after != before:
            moved = _chart_spec(page, cell)
            assert moved and moved != spec, f"{name}: redraw did not reach the saved output"
            return moved
        time.sleep(0.3)
    pytest.fail(f"{name}: moving the month slider in cell {cell} did not redraw the chart")


def _save(page, name: str) -> None:
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=30000
    )


def _missing_widget_models(path: Path) -> set[str]:
    """Widget models the saved notebook's outputs show but its saved widget state lacks."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    shown = {
        o["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
        for c in nb["cells"]
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    }
    state = nb.get("metadata", {}).get("widgets", {})
    saved = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    return shown - set(saved)


def _save_with_widget_state(page, name: str, path: Path) -> None:
    """Save until the file holds the state of every widget its outputs show.

    JupyterLab writes the widget state it holds at the moment of saving; on a loaded machine the
    models the last slider move created can reach it a moment after the first save (the reopen
    then shows "model not found"). Saving again once they have arrived is what the autosave
    does; the reopen below still checks that the controls come back.
    """
    deadline = time.monotonic() + 30
    _save(page, name)
    while _missing_widget_models(path) and time.monotonic() < deadline:
        page.wait_for_timeout(1000)
        page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty = true")
        _save(page, name)


def _stop_sessions(lab) -> None:
    """Shut down the kernels so that the reopen is a cold one (outputs come from the file)."""
    url = f"{lab.url}api/sessions?token={lab.token}"
    with urllib.request.urlopen(url, timeout=10) as resp:
        sessions = json.loads(resp.read())
    for s in sessions:
        req = urllib.request.Request(
            f"{lab.url}api/sessions/{s['id']}?token={lab.token}", method="DELETE"
        )
        urllib.request.urlopen(req, timeout=30).close()


def _shot(page, path: Path) -> None:
    page.evaluate(
        """() => { const el = document.querySelector('.jp-RenderedVegaCommon5');
                   if (el) el.scrollIntoView({block: 'start'}); }"""
    )
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_in_jupyterlab(name, lab, browser_context, screenshots_dir):
    page = browser_context.new_page()
    try:
        _open(page, lab, name)
        _run_all(page, name)
        state = _check(page, name, when="after Run All")
        explorers = sorted({s["cell"] for s in state if s["isWidget"]})
        assert explorers, f"{name}: no explorer widget after Run All"
        moved = _move_widget(page, name, explorers[-1])
        _shot(page, screenshots_dir / name.replace(".ipynb", ".png"))
        _save_with_widget_state(page, name, lab.root / name)
        saved = json.loads((lab.root / name).read_text(encoding="utf-8"))
        errors = [
            o for c in saved["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"
        ]
        assert not errors, f"{name}: saved file holds an error output: {errors[0].get('ename')}"
        page.close()
        _stop_sessions(lab)
        page = browser_context.new_page()
        _open(page, lab, name)
        # The controls need their kernel; every chart, the explorer's too, draws from the file.
        _check(page, name, when="after save and reopen", explorers=explorers)
        controls = page.locator(".jp-Cell").nth(explorers[-1])
        assert "model not found" not in controls.inner_text(), (
            f"{name}: after reopen the explorer's controls in cell {explorers[-1]} are missing "
            "(widget state not saved)"
        )
        try:  # restored widget views attach a moment after the notebook renders
            controls.locator(".noUi-handle-upper").first.wait_for(state="attached", timeout=30_000)
        except PlaywrightTimeout:
            pytest.fail(
                f"{name}: after reopen the explorer in cell {explorers[-1]} has no month slider"
            )
        assert _chart_spec(page, explorers[-1]) == moved, (
            f"{name}: after reopen the explorer in cell {explorers[-1]} does not show its last view"
        )
        _shot(page, screenshots_dir / name.replace(".ipynb", "-reopened.png"))
        explorer = page.locator(".jp-Cell").nth(explorers[-1])
        explorer.scroll_into_view_if_needed()
        explorer.screenshot(path=str(screenshots_dir / name.replace(".ipynb", "-explorer.png")))
    finally:
        page.close()


def test_papermill_executed_notebook_draws_untrusted(
    lab, browser_context, screenshots_dir, monkeypatch
):
    """A notebook executed headless (unsigned, so untrusted) still draws its charts when opened."""
    from analysis.report import execute_notebook, parameters_for

    monkeypatch.setenv("PRECURSOR_HOME", str(lab.root.parent))
    name = NOTEBOOKS[-1]
    src = lab.root / name
    executed = lab.root / f"executed-{name}"
    execute_notebook(src, executed, parameters_for(src))
    page = browser_context.new_page()
    try:
        _open(page, lab, executed.name)
        trusted = page.evaluate(
            "() => window.jupyterapp.shell.currentWidget.content.widgets"
            ".filter(c => c.model.type === 'code').every(c => c.model.trusted)"
        )
        assert trusted is False, "a papermill output should open untrusted"
        _check(page, executed.name, when="opened untrusted")
        _shot(page, screenshots_dir / f"executed-{name.replace('.ipynb', '.png')}")
    finally:
        page.close()
