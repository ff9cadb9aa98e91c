"""The reveal.js backend: escaping, ids, notes, links, code, and the embedded/linked variants."""

from __future__ import annotations

import re
from pathlib import Path

from deckgen.backends.html import HtmlOptions, render_html
from deckgen.build import load
from deckgen.diagnostics import Diagnostic


def render(tmp_path: Path, markdown: str, options: HtmlOptions | None = None) -> str:
    source = tmp_path / "talk.md"
    source.write_text(markdown, encoding="utf-8")
    _, laid_out, diagnostics = load(source)
    return render_html(laid_out, options or HtmlOptions(), diagnostics).decode("utf-8")


def sections(html: str) -> list[str]:
    return re.findall(r"<section\b.*?</section>", html, flags=re.S)


def test_source_text_is_escaped(tmp_path: Path) -> None:
    html = render(tmp_path, "## A < b & co\n\nUse `<script>alert(1)</script>` & *more*.\n")
    [slide] = sections(html)
    assert "<script>alert" not in slide
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in slide
    assert "A &lt; b &amp; co" in slide


def test_slide_ids_are_slugs_and_unique(tmp_path: Path) -> None:
    html = render(tmp_path, "## Git literacy\n\n## Git literacy\n\n## Café & Crème!\n")
    assert re.findall(r'<section id="([^"]+)"', html) == [
        "git-literacy",
        "git-literacy-1",
        "café-crème",  # as pandoc makes them (tests/test_ids.py)
    ]


def test_notes_use_the_reveal_notes_aside(tmp_path: Path) -> None:
    html = render(tmp_path, "## A\n\nshown\n\n::: notes\nonly for the **presenter**\n:::\n")
    [slide] = sections(html)
    assert '<aside class="notes"><p>only for the <strong>presenter</strong></p>' in slide
    assert "RevealNotes" in html


def test_internal_links_become_reveal_deep_links(tmp_path: Path) -> None:
    html = render(tmp_path, "## A\n\nSee [the end](#the-end).\n\n## The end\n")
    assert '<a href="#/the-end">the end</a>' in html


def test_code_keeps_one_line_per_line_and_highlights_prompts(tmp_path: Path) -> None:
    html = render(tmp_path, "## C\n\n```console\n$ ls\nREADME.md   src/\n\n$ pwd\n```\n")
    [code] = re.findall(r"<pre class=\"code\".*?<code>(.*?)</code></pre>", html, flags=re.S)
    lines = code.split("\n")
    assert len(lines) == 4
    assert lines[0].startswith('<span class="gp">$ </span>')
    assert lines[1] == '<span class="go">README.md   src/</span>'
    assert lines[2] == ""


def test_self_contained_by_default(tmp_path: Path) -> None:
    html = render(tmp_path, "## A\n")
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "@font-face" in html and "data:font/woff2;base64," in html
    assert "Reveal.initialize" in html and len(html) > 100_000


def test_reveal_url_links_reveal_instead_of_embedding(tmp_path: Path) -> None:
    html = render(tmp_path, "## A\n", HtmlOptions(reveal_url="https://cdn.example/reveal.js/dist/"))
    assert '<script src="https://cdn.example/reveal.js/dist/reveal.js"></script>' in html
    assert '<link rel="stylesheet" href="https://cdn.example/reveal.js/dist/reveal.css">' in html
    assert len(html) < 100_000 + len(render(tmp_path, "## A\n")) - 150_000


def test_images_are_embedded_with_alt_text(tmp_path: Path) -> None:
    fixture = Path(__file__).parents[1] / "fixtures" / "parse" / "media" / "dot.png"
    (tmp_path / "dot.png").write_bytes(fixture.read_bytes())
    html = render(tmp_path, "## Pic\n\n![A single dot](dot.png)\n")
    assert re.search(r'<img src="data:image/png;base64,[^"]+" alt="A single dot"[^>]*>', html)


def test_html_deckgen_does_not_show_is_dropped_with_a_warning_unless_allowed(
    tmp_path: Path,
) -> None:
    source = tmp_path / "talk.md"
    source.write_text('## A\n\ntext\n\n<iframe class="x">raw</iframe>\n', encoding="utf-8")
    _, laid_out, dropped = load(source)
    assert 'class="x"' not in render_html(laid_out, HtmlOptions(), []).decode()
    assert [str(d) for d in dropped] == [
        f"{source}:5: warning: HTML <iframe> dropped with the text in it "
        "(build with --allow-html to keep it in the HTML deck)"
    ]
    _, laid_out, kept = load(source, allow_html=True)
    html = render_html(laid_out, HtmlOptions(allow_html=True), []).decode()
    assert '<iframe class="x">raw</iframe>' in html
    assert [str(d) for d in kept] == [
        f"{source}:5: warning: HTML <iframe> kept in the HTML deck only (the .pptx cannot show it)"
    ]


def test_inline_html_is_read_and_what_is_not_shown_passes_only_when_allowed(
    tmp_path: Path,
) -> None:
    markdown = "## A\n\n- Press <kbd>Ctrl</kbd> <button>now</button>.\n"
    kbd = '<span class="kbd"><code>Ctrl</code></span>'
    assert f"Press {kbd} ." in render(tmp_path, markdown)
    allowed = HtmlOptions(allow_html=True)
    source = tmp_path / "talk.md"
    _, laid_out, _ = load(source, allow_html=True)
    html = render_html(laid_out, allowed, []).decode()
    assert f"Press {kbd} <button>now</button>." in html


def test_lang_from_front_matter(tmp_path: Path) -> None:
    assert '<html lang="fr" dir="ltr">' in render(tmp_path, "---\nlang: fr\n---\n## A\n")


def test_render_reports_nothing_for_a_clean_deck(tmp_path: Path) -> None:
    source = tmp_path / "talk.md"
    source.write_text("## A\n\ntext\n", encoding="utf-8")
    _, laid_out, diagnostics = load(source)
    found: list[Diagnostic] = []
    render_html(laid_out, HtmlOptions(), found)
    assert diagnostics == [] and found == []


def test_allow_html_keeps_the_styles_only_html_shows_around_the_text_it_reads(
    tmp_path: Path,
) -> None:
    source = tmp_path / "talk.md"
    source.write_text(
        '## A\n\n- A <span style="color: red; font-weight: bold">red</span> word.\n', "utf-8"
    )
    _, laid_out, found = load(source)
    plain = render_html(laid_out, HtmlOptions(), []).decode()
    assert "A <strong>red</strong> word." in plain and '<span style="color' not in plain
    assert [d.message for d in found] == [
        "HTML style 'color' on <span> not shown (the theme sets colours, fonts and sizes; "
        "--allow-html keeps it in the HTML deck)"
    ]
    _, laid_out, _ = load(source, allow_html=True)
    kept = render_html(laid_out, HtmlOptions(allow_html=True), []).decode()
    assert 'A <span style="color: red"><strong>red</strong></span> word.' in kept
