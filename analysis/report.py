"""The report pipeline behind `make report`: tables → executed notebooks → figures → index.html.

Each step skips work whose inputs did not change: tables through the build manifest, notebooks
and figures through a key (sha256 of notebook + parameters + processed manifest + package code)
kept in `reports/.report-state.json`. A notebook that fails stops the report with the failing cell
named; the executed notebook (with the error in it) stays in `reports/notebooks/` for inspection.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import config
from analysis.errors import DataError
from analysis.provenance import atomic_write_text

STATE_FILE = ".report-state.json"
FIGURE_FORMATS = ("png", "svg", "pdf", "html", "csv", "json")
KERNEL = "python3"

Log = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


class NotebookFailed(DataError):
    """A notebook raised while executing; names the cell and where the executed copy is kept."""


@dataclass
class ReportResult:
    executed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    figures_skipped: bool = False
    missing: list[str] = field(default_factory=list)
    index: Path | None = None
    seconds: dict[str, float] = field(default_factory=dict)


# Inputs and keys ---------------------------------------------------------------------------------


def notebooks(root: Path | None = None) -> list[Path]:
    """The numbered notebooks (`NN-topic.ipynb`) in run order."""
    root = root or config.notebooks_dir()
    return sorted(p for p in root.glob("[0-9][0-9]-*.ipynb") if p.is_file())


def parameters_for(notebook: Path) -> dict[str, Any]:
    """Parameters the report injects: the project's input folders (the rest keep their defaults)."""
    return {
        "processed_dir": str(config.processed_dir()),
        "raw_dir": str(config.raw_dir()),
        "figures_dir": str(config.figures_dir()),
    }


def code_hash() -> str:
    """sha256 over the `analysis` package's code and mapping files."""
    h = hashlib.sha256()
    pkg = config.PACKAGE_DIR
    for f in sorted(pkg.rglob("*")):
        if f.suffix in {".py", ".csv", ".json"} and "__pycache__" not in f.parts:
            h.update(f.relative_to(pkg).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def data_fingerprint() -> dict[str, str]:
    """Table name → sha256 of each processed table, from the build manifest."""
    from analysis import store

    tables = store.read_manifest(config.processed_dir())["tables"]
    return {name: str(entry.get("sha256")) for name, entry in sorted(tables.items())}


def run_key(notebook: Path, params: Mapping[str, Any], data: Mapping[str, str], code: str) -> str:
    h = hashlib.sha256(notebook.read_bytes())
    h.update(json.dumps(dict(params), sort_keys=True, default=str).encode())
    h.update(json.dumps(dict(data), sort_keys=True).encode())
    h.update(code.encode())
    return h.hexdigest()


def _read_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def _write_state(path: Path, state: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(state, indent=2, sort_keys=True) + "\n")


# Notebooks ---------------------------------------------------------------------------------------


@contextmanager
def _project_env() -> Iterator[None]:
    """Kernels inherit PRECURSOR_HOME so that the notebooks read this project's tables."""
    old = os.environ.get("PRECURSOR_HOME")
    os.environ["PRECURSOR_HOME"] = str(config.home())
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("PRECURSOR_HOME", None)
        else:
            os.environ["PRECURSOR_HOME"] = old


def execute_notebook(src: Path, dst: Path, params: Mapping[str, Any]) -> None:
    """Run `src` headless with papermill into `dst`; NotebookFailed names the failing cell."""
    import papermill as pm

    dst.parent.mkdir(parents=True, exist_ok=True)
    with _project_env():
        try:
            pm.execute_notebook(
                str(src),
                str(dst),
                parameters=dict(params),
                kernel_name=KERNEL,
                cwd=str(src.parent),
                progress_bar=False,
                log_output=False,
            )
        except pm.PapermillExecutionError as exc:
            first = next((ln for ln in exc.source.splitlines() if ln.strip()), "").strip()
            evalue = (str(exc.evalue).strip().splitlines() or [""])[0][:200]
            number, total = _source_position(dst, exc.cell_index)
            msg = (
                f"notebook {src.name} failed in cell {number} of {total} "
                f"(execution count {exc.exec_count}): `{first[:80]}` raised "
                f"{exc.ename}: {evalue}"
            )
            raise NotebookFailed(
                msg,
                file=dst,
                fix=f"open {dst} to see the traceback, fix the cell or its input, rerun",
            ) from None


def _source_position(executed: Path, index: int) -> tuple[int, int]:
    """1-based position of executed cell `index` in the source notebook, and its cell count."""
    import nbformat

    tags = [c.metadata.get("tags", []) for c in nbformat.read(executed, as_version=4).cells]
    tags = [t for t in tags if "papermill-error-cell-tag" not in t]  # inserted after the run
    injected = [i for i, t in enumerate(tags) if "injected-parameters" in t]
    before = sum(1 for i in injected if i < index)
    return index - before + 1, len(tags) - len(injected)


def export_html(executed: Path) -> Path:
    """Static HTML of an executed notebook (charts show as their PNG fallback; works offline)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    out = executed.with_suffix(".html")
    atomic_write_text(out, body)
    out.chmod(0o644)  # a page to share: readable like the other report files
    return out


def run_notebooks(
    result: ReportResult, state: dict, data: dict, code: str, *, force: bool, log: Log
) -> None:
    out_dir = config.reports_dir() / "notebooks"
    done = state.setdefault("notebooks", {})
    for nb in notebooks():
        params = parameters_for(nb)
        key = run_key(nb, params, data, code)
        dst = out_dir / nb.name
        if not force and done.get(nb.name) == key and dst.exists():
            result.skipped.append(nb.name)
            log(f"skip  {nb.name} unchanged")
            continue
        t0 = time.perf_counter()
        done.pop(nb.name, None)
        execute_notebook(nb, dst, params)
        export_html(dst)
        done[nb.name] = key
        result.executed.append(nb.name)
        result.seconds[nb.name] = round(time.perf_counter() - t0, 2)
        log(f"ran   {nb.name} in {result.seconds[nb.name]:.1f} s")


# Figures -----------------------------------------------------------------------------------------


class Tables(Mapping[str, Any]):
    """Processed tables read on first use; a table not built yet is its contract's empty frame."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or config.processed_dir()
        self._cache: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._cache:
            from analysis import store
            from analysis.contracts import TABLES

            if name not in TABLES:
                raise KeyError(name)
            path = store.table_path(name, self.root)
            self._cache[name] = (
                store.read(name, self.root) if path.exists() else TABLES[name].empty()
            )
        return self._cache[name]

    def __iter__(self) -> Iterator[str]:
        from analysis.contracts import TABLES

        return iter(TABLES)

    def __len__(self) -> int:
        return len(list(iter(self)))


def gallery() -> dict[str, Callable]:
    """`analysis.charts.GALLERY` (name → builder over the tables), or {} when it is not there."""
    try:
        from analysis import charts
    except ImportError:
        return {}
    return dict(getattr(charts, "GALLERY", {}) or {})


def _figure_record(name: str, out_dir: Path) -> dict:
    files = {
        fmt: f"figures/{name}.{fmt}"
        for fmt in FIGURE_FORMATS
        if (out_dir / f"{name}.{fmt}").exists()
    }
    meta: dict = {}
    if (out_dir / f"{name}.json").exists():
        try:
            meta = json.loads((out_dir / f"{name}.json").read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            meta = {}
    return {"name": name, "files": files, "meta": meta}


def export_figures(
    result: ReportResult, state: dict, data: dict, code: str, *, force: bool, log: Log
) -> None:
    builders = gallery()
    out_dir = config.figures_dir()
    if not builders:
        result.missing.append("analysis.charts.GALLERY")
        log("note  analysis.charts.GALLERY is missing or empty: no figures exported")
        return
    key = hashlib.sha256((json.dumps(data, sort_keys=True) + code).encode()).hexdigest()
    complete = all((out_dir / f"{n}.{fmt}").exists() for n in builders for fmt in FIGURE_FORMATS)
    if not force and state.get("figures") == key and complete:
        result.figures_skipped = True
        result.figures = [_figure_record(n, out_dir) for n in builders]
        log(f"skip  {len(builders)} figure(s) unchanged")
        return
    from analysis.charts import export_chart

    state.pop("figures", None)
    tables = Tables()
    t0 = time.perf_counter()
    for name, build in builders.items():
        chart = build(tables)
        export_chart(chart, name, formats=FIGURE_FORMATS, out_dir=out_dir)
        result.figures.append(_figure_record(name, out_dir))
    state["figures"] = key
    result.seconds["figures"] = round(time.perf_counter() - t0, 2)
    log(f"wrote {len(builders)} figure(s) in {result.seconds['figures']:.1f} s")


# Index page --------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return _text(value.get("text") or value.get("citation") or value.get("name") or "")
    return str(value)


def _source_line(meta: Mapping[str, Any]) -> str:
    for key in ("source_line", "source"):
        if isinstance(meta.get(key), str) and meta[key]:
            return meta[key]
    sources = meta.get("sources") or []
    if isinstance(sources, str):
        return sources
    parts = [_text(s) for s in sources]
    line = "; ".join(p for p in parts if p)
    return f"Source: {line}" if line and not line.lower().startswith("source") else line


def _picture(name: str, out_dir: Path) -> str:
    """The figure inlined as a data URI (an <img>, so SVG ids of two figures never clash)."""
    import base64
    import html

    for fmt, mime in (("svg", "image/svg+xml"), ("png", "image/png")):
        f = out_dir / f"{name}.{fmt}"
        if f.exists():
            b64 = base64.b64encode(f.read_bytes()).decode("ascii")
            return f'<img src="data:{mime};base64,{b64}" alt="{html.escape(name)}">'
    return '<p class="missing">no picture exported</p>'


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Precursor report</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; max-width: 1000px; margin: 2em auto; color: #222; }}
figure {{ margin: 2.5em 0; border-top: 1px solid #ddd; padding-top: 1em; }}
figure img {{ max-width: 100%; height: auto; }}
figcaption .title {{ font-weight: 600; font-size: 1.1em; }}
.source {{ color: #555; font-size: .9em; }}
.links a {{ margin-right: .8em; }}
.meta {{ color: #666; font-size: .85em; }}
</style></head>
<body>
<h1>Precursor report</h1>
<p class="meta">Generated {generated} from the tables in <code>data/processed/</code>
({tables}). Every figure below is also in <code>reports/figures/</code>.</p>
<h2>Figures</h2>
{figures}
<h2>Notebooks (executed)</h2>
<ul>
{notebooks}
</ul>
</body></html>
"""


def write_index(result: ReportResult) -> Path:
    """Write reports/index.html: each figure inline with caption, source line and file links."""
    import html
    from datetime import UTC, datetime

    reports, out_dir = config.reports_dir(), config.figures_dir()
    figures = []
    for fig in result.figures:
        meta, name = fig["meta"], fig["name"]
        title = _text(meta.get("title")) or name
        subtitle = _text(meta.get("subtitle"))
        links = " ".join(
            f'<a href="{html.escape(path)}">{fmt.upper()}</a>' for fmt, path in fig["files"].items()
        )
        figures.append(
            f'<figure id="{html.escape(name)}">{_picture(name, out_dir)}<figcaption>'
            f'<div class="title">{html.escape(title)}</div>'
            + (f"<div>{html.escape(subtitle)}</div>" if subtitle else "")
            + f'<div class="source">{html.escape(_source_line(meta))}</div>'
            f'<div class="links">{links}</div></figcaption></figure>'
        )
    if not figures:
        figures.append("<p>No figures were exported (see the report log).</p>")
    nb_items = []
    for nb in notebooks():
        executed = reports / "notebooks" / nb.name
        if executed.exists():
            page = executed.with_suffix(".html")
            extra = f' (<a href="notebooks/{page.name}">HTML</a>)' if page.exists() else ""
            nb_items.append(f'<li><a href="notebooks/{nb.name}">{nb.name}</a>{extra}</li>')
    tables = ", ".join(data_fingerprint()) or "none built"
    text = PAGE.format(
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        tables=html.escape(tables),
        figures="\n".join(figures),
        notebooks="\n".join(nb_items),
    )
    index = reports / "index.html"
    index.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(index, text)
    index.chmod(0o644)
    return index


# Entry point -------------------------------------------------------------------------------------


def run(*, force: bool = False, log: Log = _stderr) -> ReportResult:
    """Build the tables, execute the notebooks, export the figures, write reports/index.html."""
    from analysis.pipeline import build

    result = ReportResult()
    t0 = time.perf_counter()
    build(force=False, log=log)
    result.seconds["tables"] = round(time.perf_counter() - t0, 2)
    state_path = config.reports_dir() / STATE_FILE
    state = _read_state(state_path)
    data, code = data_fingerprint(), code_hash()
    try:
        run_notebooks(result, state, data, code, force=force, log=log)
        export_figures(result, state, data, code, force=force, log=log)
    finally:
        _write_state(state_path, state)
    result.index = write_index(result)
    log(f"wrote {result.index}")
    return result
