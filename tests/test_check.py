"""`deckgen check`: every finding at its line, nothing written, exit status by severity."""

from __future__ import annotations

import subprocess
from pathlib import Path

from clirun import deckgen

STRESS = Path(__file__).parent / "fixtures" / "stress" / "stress.md"


def check(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return deckgen("check", *args, cwd=cwd)


LINTED = """---
title: Check me
colour: red
---

## Fine

text

---

## Code

```klingon
qaStaH nuq?
```

## Pic

![](missing.png)

See [nowhere](#nope).
"""


def test_each_finding_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "deck.md").write_text(LINTED, encoding="utf-8")
    result = check("deck.md", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "deck.md:3: warning: front matter deckgen does not use (ignored): colour",
        "deck.md:14: warning: unknown code language 'klingon' (shown as plain text)",
        "deck.md:20: warning: image has no alt text",
        "deck.md:20: error: image file not found: missing.png",
        "deck.md:22: warning: internal link '#nope' matches no slide id (kept as text)",
    ]
    assert result.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.md"]


def test_stress_cases_are_reported_at_their_slide_and_fail_only_with_strict() -> None:
    result = check(str(STRESS), "--theme", "cinematic")
    lines = STRESS.read_text(encoding="utf-8").split("\n")
    reported = {int(line.split(":")[1]) for line in result.stdout.splitlines()}
    assert {lines[n - 1] for n in reported} == {
        "## Forty bullets",
        "## Eighty lines of code",
        "## Thirty table rows",
    }
    assert all("split into" in line for line in result.stdout.splitlines())
    assert result.returncode == 0
    assert check(str(STRESS), "--theme", "cinematic", "--strict").returncode == 1


def test_the_study_guide_is_clean(study_guide: Path) -> None:
    result = check(str(study_guide), "--strict")
    assert (result.returncode, result.stdout) == (0, "")


def test_a_parse_error_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "deck.md").write_text("## A\n\n::: notes\n", encoding="utf-8")
    result = check("deck.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        "deck.md:3: error: fenced div ':::' is never closed\n",
    )


def test_broken_links_in_titles_and_notes_are_found_too(tmp_path: Path) -> None:
    (tmp_path / "deck.md").write_text(
        "## A [x](#nope) title\n\nBody.\n\n::: notes\nSee [z](#missing).\n:::\n", encoding="utf-8"
    )
    result = check("deck.md", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "deck.md:1: warning: internal link '#nope' matches no slide id (kept as text)",
        "deck.md:6: warning: internal link '#missing' matches no slide id (kept as text)",
    ]


def test_a_broken_deck_does_not_stop_the_others_being_checked(tmp_path: Path) -> None:
    (tmp_path / "broken.md").write_text("## A\n\n::: notes\n", encoding="utf-8")
    (tmp_path / "fine.md").write_text("## B\n\n```klingon\nx\n```\n", encoding="utf-8")
    result = check("broken.md", "fine.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "broken.md:3: error: fenced div ':::' is never closed\n"
    assert (
        result.stdout
        == "fine.md:3: warning: unknown code language 'klingon' (shown as plain text)\n"
    )
