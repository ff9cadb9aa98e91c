"""Where deckgen finds the npm packages: its own installed files first, then node_modules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from deckgen import npm
from deckgen.diagnostics import DeckError


def make_package(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "package.json").write_text("{}", encoding="utf-8")
    return folder


@pytest.fixture
def roots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """Return an installed package's npm folder and a DECKGEN_NODE_MODULES folder, both empty."""
    bundled, node_modules = tmp_path / "_npm", tmp_path / "node_modules"
    monkeypatch.setattr(npm, "bundled_root", lambda: bundled)
    monkeypatch.setenv(npm.NODE_MODULES_VARIABLE, str(node_modules))
    monkeypatch.chdir(tmp_path)
    npm.node_package.cache_clear()
    yield bundled, node_modules
    npm.node_package.cache_clear()


def test_the_installed_packages_own_files_come_first(roots: tuple[Path, Path]) -> None:
    bundled, node_modules = roots
    make_package(node_modules, "reveal.js")
    own = make_package(bundled, "reveal.js")
    assert npm.node_package("reveal.js") == own


def test_a_package_not_bundled_is_found_in_node_modules(roots: tuple[Path, Path]) -> None:
    bundled, node_modules = roots
    make_package(bundled, "reveal.js")
    theirs = make_package(node_modules, "@fontsource/inter")
    assert npm.node_package("@fontsource/inter") == theirs
    assert npm.font_file("@fontsource/inter", "700", "italic", "woff2") == (
        theirs / "files" / "inter-latin-700-italic.woff2"
    )


def test_a_missing_package_is_one_error_that_says_what_to_do(roots: tuple[Path, Path]) -> None:
    with pytest.raises(DeckError) as raised:
        npm.node_package("@fontsource/nowhere")
    assert raised.value.format_message() == (
        "@fontsource/nowhere: error: npm package not found: in a deckgen checkout, run 'npm ci'; "
        "otherwise install it with npm and set DECKGEN_NODE_MODULES to the node_modules folder "
        "that has it"
    )


def test_a_checkout_has_no_bundled_files() -> None:
    """The checkout (an editable install) reads node_modules/; only a wheel has deckgen/_npm."""
    assert not npm.bundled_root().exists()
    assert npm.node_package("reveal.js").parent.name == "node_modules"
