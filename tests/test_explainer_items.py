"""Key ideas whose items say more below their lead: nothing of an item is lost, in either copy.

Built by the command line in both formats and read back as a reader gets them (the HTML text,
its notes and "more" text; the .pptx slides and notes pages).
"""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path

import pytest

from clirun import deckgen

TOPIC = """# Seeds

**In one sentence:** A seed makes a generation reproducible.

## Key ideas

- **Lock the seed.**
    - Then change one word of the prompt.
    - Compare the two results side by side.
- **Name your files.**
"""
NESTED = ("Then change one word of the prompt.", "Compare the two results side by side.")


def output_text(folder: Path) -> dict[str, str]:
    html = (folder / "seeds.html").read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    with zipfile.ZipFile(folder / "seeds.pptx") as package:
        xml = " ".join(
            package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".xml")
        )
    return {
        "html": " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split()),
        "pptx": " ".join(unescape(" ".join(re.findall(r"<a:t>([^<]*)</a:t>", xml))).split()),
    }


@pytest.mark.parametrize("audience", ["teacher", "student"])
def test_an_item_whose_only_extra_is_a_nested_list_keeps_it(tmp_path: Path, audience: str) -> None:
    (tmp_path / "seeds.md").write_text(TOPIC, encoding="utf-8")
    result = deckgen(
        "build", "seeds.md", "--audience", audience, "-f", "all", "-o", "out", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    for fmt, text in output_text(tmp_path / "out").items():
        assert "Lock the seed." in text and "Name your files." in text, fmt
        assert [line for line in NESTED if line not in text] == [], fmt
