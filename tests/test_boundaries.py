"""Import boundaries: each third-party library is used by the one module whose job it is."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "deckgen"
OWNERS = {  # library -> the module files (relative to src/deckgen) allowed to import it
    "mistune": {"markdown.py"},
    "jinja2": {"backends/html.py"},
    "markupsafe": {"backends/html.py"},
    "pygments": {"highlight.py"},
    "pptx": {"backends/pptx/"},
    "yaml": {"frontmatter.py"},
    "watchfiles": {"watch.py"},
    "playwright": {"pdf.py"},
}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


def test_each_library_is_imported_only_by_its_owner() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        for library in imported_roots(path) & OWNERS.keys():
            if not any(
                relative == owner or relative.startswith(owner) for owner in OWNERS[library]
            ):
                offenders.append(f"{relative} imports {library}")
    assert offenders == []


def test_the_check_sees_imports() -> None:
    assert "mistune" in imported_roots(SRC / "markdown.py")
    assert "jinja2" in imported_roots(SRC / "backends" / "html.py")
