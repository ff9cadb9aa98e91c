"""HTML safety, through the real command line: source text is text, never markup or script.

HTML in the Markdown is read into the model (``deckgen.htmlsource``): scripts, event handler
attributes and frames are dropped with a warning, and pass only with ``--allow-html``; links
that would run code are removed; attribute values cannot break out of their quotes; nothing
outside the deck folder is embedded unless ``--allow-outside``; the file needs no network.
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

- item <img src=dot.png alt="A dot" onerror="alert('item')">
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
    html, result, found = hostile
    assert len(found.scripts) == len(own_scripts)
    payloads = ("alert('", 'alert("', "alert(1)", "alert(2)")
    assert not any(payload in script for script in found.scripts for payload in payloads)
    # a script written in the Markdown is dropped (reported): not run, not shown as text
    slides = html[html.index('<div class="slides">') :]
    for words in ("title", "subtitle", "section", "paragraph", "th", "td", "column", "h2", "notes"):
        assert f"alert(\u2018{words}\u2019)" not in slides, words
        assert f"alert('{words}')" not in slides, words
    assert re.search(
        r"^deck\.md:\d+: warning: HTML <script> dropped \(build with --allow-html to keep it in "
        r"the HTML deck\) \(and \d+ more in this file",
        result.stderr,
        re.MULTILINE,
    )
    assert "&lt;script&gt;alert(&#39;code span&#39;)&lt;/script&gt;" in html  # code is code
    assert "deck.md:13: warning: HTML attribute 'onerror' on <img> dropped" in result.stderr


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
    dot, image = [attributes for tag, attributes in found.tags if tag == "img"]
    assert image["alt"] == "alt\u201d onerror=\u201dalert(\u2018alt\u2019)"
    assert image["src"].startswith("data:image/png;base64,")
    assert dot == {"src": image["src"], "alt": "A dot", "style": dot["style"]}
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


def test_the_pptx_holds_the_same_text_and_no_script(hostile, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "out" / "deck.pptx") as package:
        slides = "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)
        )
    text = html_module.unescape("".join(re.findall(r"<a:t>([^<]*)</a:t>", slides)))
    assert "Paragraph and tags." in " ".join(text.split())
    for words in ("title", "subtitle", "section", "paragraph", "th", "td", "column", "h2", "notes"):
        assert f"alert(\u2018{words}\u2019)" not in text and f"alert('{words}')" not in text
    assert "javascript" not in slides.lower()


def test_an_html_block_is_read_and_its_script_attribute_dropped(tmp_path: Path) -> None:
    markdown = '## Raw\n\nBefore.\n\n<div onclick="alert(1)">block</div>\n\nAfter.\n'
    html, result = build(tmp_path, markdown)
    assert "<p>block</p>" in html and "onclick" not in html
    assert result.stderr.splitlines() == [
        "deck.md:5: warning: HTML attribute 'onclick' on <div> dropped (deckgen runs no script)"
    ]


def test_inline_html_is_read_not_shown_as_text(tmp_path: Path) -> None:
    html, result = build(tmp_path, "## Inline\n\nPress <kbd>Ctrl</kbd> now.\n")
    assert '<span class="kbd"><code>Ctrl</code></span> now.' in html and "&lt;kbd" not in html
    assert result.stderr == ""


def test_allow_html_passes_what_deckgen_does_not_read_to_the_html_deck(tmp_path: Path) -> None:
    markdown = (
        '## Raw\n\n- Press <kbd>Ctrl</kbd> <button class="b">now</button>.\n\n'
        '<iframe src="page.html">frame</iframe>\n'
    )
    html, result = build(tmp_path, markdown, "--allow-html")
    assert '<iframe src="page.html">frame</iframe>' in html
    assert '<code>Ctrl</code></span> <button class="b">now</button>.' in html
    assert result.stderr == ""
    _, both = build(tmp_path, markdown, "--allow-html", "--format", "html,pptx")
    assert both.stderr.splitlines() == [
        "deck.md:3: warning: HTML <button> kept in the HTML deck only (the .pptx cannot show it)",
        "deck.md:5: warning: HTML <iframe> kept in the HTML deck only (the .pptx cannot show it)",
    ]


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
