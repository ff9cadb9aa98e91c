"""HTML safety, through the real command line: source text is text, never markup or script.

Raw HTML passes only with ``--allow-html``; links that would run code are removed; attribute
values cannot break out of their quotes; nothing outside the deck folder is embedded unless
``--allow-outside``; the file needs no network.
"""

from __future__ import annotations

import html as html_module
import re
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clirun import deckgen

DOT_PNG = Path(__file__).parent / "fixtures" / "parse" / "media" / "dot.png"

HOSTILE = """\
---
title: "Title <script>alert('title')</script>"
subtitle: "</title><script>alert('subtitle')</script>"
lang: 'en"><script>alert("lang")</script>'
---

# Part <script>alert('section')</script>

## Heading <script>alert('h2')</script> {#id"onmouseover="alert(1)}

Paragraph <script>alert('paragraph')</script> and <b onclick="alert(1)">tags</b>.

- item <img src=x onerror="alert('item')">
- `<script>alert('code span')</script>` and [a <i>link</i>](https://example.com/"onclick="x)
- [js](javascript:alert('js')) [js2](JaVaScRiPt:alert(2)) [vb](vbscript:msgbox) \
[data](data:text/html,<script>alert(1)</script>)

![alt" onerror="alert('alt')](dot.png "title\\" onload=\\"alert('title')")

| head <script>alert('th')</script> | b |
|---|---|
| <script>alert('td')</script> | c |

```{.python data-x="<script>"}
print("</script><script>alert('code')</script>")
```

:::: columns
::: {.column width="40%;background:url(https://tracker.example/pixel.png)"}
left <script>alert('column')</script>
:::
::: column
right
:::
::::

::: notes
Notes <script>alert('notes')</script> [js](javascript:alert('notes'))
:::
"""


class Elements(HTMLParser):
    """Collects every start tag with its attributes, and the text of each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def build(folder: Path, markdown: str, *extra: str) -> tuple[str, subprocess.CompletedProcess[str]]:
    (folder / "deck.md").write_text(markdown, encoding="utf-8")
    result = deckgen("build", "deck.md", "-o", "out", *extra, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return (folder / "out" / "deck.html").read_text(encoding="utf-8"), result


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[str, subprocess.CompletedProcess[str], Elements]:
    (tmp_path / "dot.png").write_bytes(DOT_PNG.read_bytes())
    html, result = build(tmp_path, HOSTILE, "--format", "html,pptx")
    return html, result, elements(html)


@pytest.fixture(scope="module")
def own_scripts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Return the scripts deckgen puts in every deck (reveal.js, its plugin, the reader tools)."""
    html, _ = build(tmp_path_factory.mktemp("plain"), "## Plain\n\nText.\n")
    return elements(html).scripts


def test_source_text_never_becomes_script(hostile, own_scripts: list[str]) -> None:
    html, _, found = hostile
    assert len(found.scripts) == len(own_scripts)
    payloads = ("alert('", 'alert("', "alert(1)", "alert(2)")
    assert not any(payload in script for script in found.scripts for payload in payloads)
    # text gets pandoc's smart quotes; code keeps its straight ones
    for words in ("paragraph", "th", "td", "column", "notes", "h2"):
        assert f"&lt;script&gt;alert(\u2018{words}\u2019)&lt;/script&gt;" in html, words
    assert "&lt;script&gt;alert(&#39;code span&#39;)&lt;/script&gt;" in html
    assert "item &lt;img src=x onerror=&#34;alert(&#39;item&#39;)&#34;&gt;" in html  # raw HTML


def test_no_event_handler_or_script_url_in_any_attribute(hostile) -> None:
    _, _, found = hostile
    for tag, attributes in found.tags:
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name, value)
            compact = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            assert not compact.startswith(("javascript:", "vbscript:", "data:text")), (tag, name)


def test_attribute_values_stay_inside_their_quotes(hostile) -> None:
    _, _, found = hostile
    sections = [attributes for tag, attributes in found.tags if tag == "section"]
    assert any(a.get("id") == 'id"onmouseover="alert(1)' for a in sections)
    [image] = [attributes for tag, attributes in found.tags if tag == "img"]
    assert image["alt"] == "alt\u201d onerror=\u201dalert(\u2018alt\u2019)"
    assert image["src"].startswith("data:image/png;base64,")
    [root] = [attributes for tag, attributes in found.tags if tag == "html"]
    assert root["lang"] == 'en"><script>alert("lang")</script>'


def test_unsafe_links_are_removed_and_reported(hostile) -> None:
    html, result, found = hostile
    hrefs = [a.get("href") or "" for tag, a in found.tags if tag == "a"]
    assert not any("script" in href.lower() or href.startswith("data:") for href in hrefs)
    reported = [line for line in result.stderr.splitlines() if "unsafe link" in line]
    assert len(reported) == 5 and all(re.match(r"deck\.md:\d+: warning: ", r) for r in reported)
    assert ">js</a>" not in html and "js2" in html  # the text stays, as text


def test_column_width_cannot_inject_css(hostile) -> None:
    html, result, _ = hostile
    assert "tracker.example" not in html
    assert re.search(r"deck\.md:\d+: warning: column width .* \(ignored\)", result.stderr)


def test_the_pptx_holds_the_same_text_as_text(hostile, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "out" / "deck.pptx") as package:
        slides = "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)
        )
    text = html_module.unescape("".join(re.findall(r"<a:t>([^<]*)</a:t>", slides)))
    assert "Paragraph <script>alert(\u2018paragraph\u2019)</script> and" in text
    assert "<script>" not in slides and "javascript" not in slides.lower()


def test_raw_html_block_is_dropped_with_a_warning(tmp_path: Path) -> None:
    markdown = '## Raw\n\nBefore.\n\n<div class="raw" onclick="alert(1)">block</div>\n\nAfter.\n'
    html, result = build(tmp_path, markdown)
    assert 'class="raw"' not in html and "onclick" not in html
    assert result.stderr.splitlines() == [
        "deck.md:5: warning: raw HTML block dropped (build with --allow-html to keep it)"
    ]


def test_inline_html_shows_as_text(tmp_path: Path) -> None:
    html, _ = build(tmp_path, "## Inline\n\nPress <kbd>Ctrl</kbd> now.\n")
    assert "Press &lt;kbd&gt;Ctrl&lt;/kbd&gt; now." in html


def test_allow_html_passes_raw_html_through(tmp_path: Path) -> None:
    markdown = '## Raw\n\nPress <kbd>Ctrl</kbd> now.\n\n<div class="raw">block</div>\n'
    html, result = build(tmp_path, markdown, "--allow-html")
    assert '<div class="raw">block</div>' in html and "Press <kbd>Ctrl</kbd> now." in html
    assert "raw HTML" not in result.stderr


def test_allow_html_still_removes_script_links(tmp_path: Path) -> None:
    markdown = "## Links\n\n- [js](javascript:alert(1))\n- [web](https://example.com)\n"
    html, result = build(tmp_path, markdown, "--allow-html")
    assert "javascript:" not in html and 'href="https://example.com"' in html
    assert result.stderr == "deck.md:3: warning: unsafe link 'javascript:alert(1)' removed\n"


def test_the_deck_needs_no_network_and_links_no_local_file(hostile) -> None:
    _, _, found = hostile
    for tag, attributes in found.tags:
        if tag in ("script", "img", "link", "iframe", "audio", "video", "source"):
            src = attributes.get("src") or attributes.get("href") or ""
            assert src == "" or src.startswith("data:"), (tag, src)


def test_an_image_outside_the_deck_folder_is_embedded_only_when_allowed(tmp_path: Path) -> None:
    deck = tmp_path / "deck"
    deck.mkdir()
    (tmp_path / "private.png").write_bytes(DOT_PNG.read_bytes())
    (deck / "deck.md").write_text("## A\n\nText.\n\n![Private](../private.png)\n", encoding="utf-8")
    refused = deckgen("build", "deck/deck.md", "-o", "out", cwd=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr == (
        "deck/deck.md:5: error: image private.png is outside the deck folder "
        "(build with --allow-outside to embed it)\n"
    )
    assert not (tmp_path / "out").exists()
    allowed = deckgen("build", "deck/deck.md", "-o", "out", "--allow-outside", cwd=tmp_path)
    assert allowed.returncode == 0, allowed.stderr
    assert "data:image/png;base64," in (tmp_path / "out" / "deck.html").read_text(encoding="utf-8")
