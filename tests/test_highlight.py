"""Highlighting: console sessions show prompt, command and output differently."""

from __future__ import annotations

from deckgen.highlight import highlight, is_known_language, token_styles
from deckgen.themes import list_themes, load_theme


def tokens_by_line(code: str, language: str) -> list[set[str]]:
    return [{span.token for span in line} for line in highlight(code, language)]


def test_console_prompt_command_and_output_get_distinct_tokens() -> None:
    lines = highlight("$ git status\nmodified:  src/auth.js", "console")
    prompt, *command = lines[0]
    assert (prompt.text, prompt.token) == ("$ ", "gp")
    assert "".join(span.text for span in command) == "git status"
    assert all(span.token not in ("gp", "go") for span in command)
    assert [(s.text, s.token) for s in lines[1]] == [("modified:  src/auth.js", "go")]


def test_hash_lines_in_console_output_are_output_not_root_prompts() -> None:
    assert tokens_by_line("$ cat README.md\n# My Project", "console")[1] == {"go"}


def test_lines_and_blank_lines_are_kept() -> None:
    code = "def f():\n\n    return 1"
    lines = highlight(code, "python")
    assert ["".join(s.text for s in line) for line in lines] == code.split("\n")


def test_unknown_language_is_plain_text() -> None:
    assert not is_known_language("no-such-language")
    assert highlight("a\nb", "no-such-language") == (
        (highlight("a", None)[0][0],),
        (highlight("b", None)[0][0],),
    )
    assert all(span.token == "" for line in highlight("x = 1", "text") for span in line)


def test_token_styles_give_colours() -> None:
    styles = token_styles("github-dark")
    assert styles["k"].color and styles["s2"].color and styles["k"].color != styles["s2"].color


def test_every_builtin_theme_shows_prompt_command_and_output_differently() -> None:
    for name in list_themes():
        theme = load_theme(name)
        prompt, output, command = (theme.code_tokens[t] for t in ("gp", "go", ""))
        looks = {(s.color or theme.colors["code_text"], s.bold) for s in (prompt, output, command)}
        assert len(looks) == 3, name
