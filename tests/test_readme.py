"""The README tells the truth: its tree, data dictionary, make targets and commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from analysis.cli import parser
from analysis.contracts.__main__ import END, START, dictionary

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _layout_block() -> list[str]:
    section = README.split("## Layout", 1)[1]
    return section.split("```", 2)[1].strip("\n").splitlines()


def _layout_paths() -> list[Path]:
    """Every path named in the Layout tree, nested entries joined to their folder."""
    paths: list[Path] = []
    parent: Path | None = None
    for line in _layout_block():
        indent = len(line) - len(line.lstrip())
        names = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        for name in (n.strip() for n in names.split(",")):
            if not name or name == "…":
                continue
            name = name.split("/<", 1)[0]  # data/raw/<source>/<vintage>/ → data/raw
            path = (parent / name) if indent and parent else Path(name)
            paths.append(path)
        if not indent:
            parent = Path(names) if names.endswith("/") else None
    return paths


def test_every_path_in_the_layout_tree_exists() -> None:
    paths = _layout_paths()
    assert len(paths) > 20
    missing = [str(p) for p in paths if not (ROOT / p).exists()]
    assert not missing, f"README layout names paths that do not exist: {missing}"


def test_every_package_folder_and_top_level_module_is_in_the_tree() -> None:
    named = {p.as_posix().rstrip("/") for p in _layout_paths()}
    pkg = ROOT / "analysis"
    for child in pkg.iterdir():
        if child.name.startswith(("_", ".")) or child.suffix not in ("", ".py"):
            continue
        if child.is_dir() and not (child / "__init__.py").exists():
            continue
        assert f"analysis/{child.name}" in named, f"analysis/{child.name} is not in the README tree"


def test_data_dictionary_is_generated_from_the_contracts() -> None:
    block = README.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == dictionary().strip(), "run `python -m analysis.contracts --write README.md`"


def test_make_targets_named_in_the_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, flags=re.M))
    named = set(re.findall(r"`make ([a-z-]+)`", README))
    named |= set(re.findall(r"^make ([a-z-]+)", README, flags=re.M))
    assert {"report", "test", "lab", "test-browser"} <= named
    assert named <= targets, named - targets
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_commands_named_in_the_readme_exist() -> None:
    sub = next(a for a in parser()._actions if a.dest == "command")
    commands = set(sub.choices)
    named = set(re.findall(r"^precursor ([a-z-]+)", README, flags=re.M))
    named |= set(re.findall(r"`precursor ([a-z-]+)", README))
    listed = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    named |= set(re.findall(r"^- `([a-z-]+)", listed, flags=re.M))
    assert {"build", "fetch", "normalize", "articles", "events", "report"} <= named
    assert named <= commands, named - commands
