"""TeX -> Formula: MathML for browsers, OMML for the .pptx, a linear line."""

from __future__ import annotations

import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest
from lxml import etree

from deckgen.tex.formula import MathError, convert, macros_from, macros_from_mapping
from mathcases import FIXTURES, MATHML, M


@pytest.mark.parametrize(
    "name, tex, display, structures, linear", FIXTURES, ids=[f[0] for f in FIXTURES]
)
def test_formula_forms(
    name: str, tex: str, display: bool, structures: list[str], linear: str
) -> None:
    formula = convert(tex, display)
    math = ET.fromstring(formula.mathml.replace("&ApplyFunction;", "\u2061"))
    assert math.tag in ("math", f"{MATHML}math")
    assert (math.get("display") == "block") is display
    assert math.get("alttext") == formula.linear
    assert math.find(".//annotation").text == tex  # type: ignore[union-attr]
    omml = etree.fromstring(formula.omml)  # valid OOXML: test_pptx_math validates every fixture
    found = {element.tag.removeprefix(M) for element in omml.iter()}
    assert set(structures) <= found
    assert formula.linear == linear


def test_numbered_environments_show_no_numbers() -> None:
    formula = convert(r"\begin{align} a &= b \end{align}", True)
    assert "(1)" not in formula.mathml and "(1)" not in formula.omml


def test_bad_tex_raises_one_line() -> None:
    for bad in (r"\frac{a", r"\notacommand x", "a^^b", r"\begin{bmatrix} a \end{pmatrix}"):
        with pytest.raises(MathError) as caught:
            convert(bad, False)
        assert "\n" not in str(caught.value) and str(caught.value).startswith("cannot typeset")


def test_macros_are_applied() -> None:
    macros = macros_from(
        r"\newcommand{\R}{\mathbb{R}} \newcommand\vv[1]{\mathbf{#1}}"
        "\n\\def\\d#1{\\mathrm{d}#1}\n\\DeclareMathOperator{\\tr}{tr}"
    )
    assert macros == {
        "R": r"\mathbb{R}",
        "vv": r"\mathbf{#1}",
        "d": r"\mathrm{d}#1",
        "tr": r"\operatorname{tr}",
    }
    assert convert(r"x \in \R^3, \vv{v}", False, macros).linear == "x ∈ ℝ³, 𝐯"
    assert convert(r"\R", False, macros_from_mapping({"\\R": r"\mathbb{R}"})).linear == "ℝ"
    with pytest.raises(MathError):
        convert(r"\vv{v}", False)  # macros belong to the deck that defines them


def test_bad_macro_definitions_raise() -> None:
    for bad in (r"\newcommand{\R}{\mathbb{R}", r"\newcommand{\x}[1][a]{#1}", "not a macro"):
        with pytest.raises(MathError):
            macros_from(bad)


def test_the_converter_loads_only_when_used() -> None:
    code = (  # CPU time: the machine's other work does not count
        "import sys, time; t = time.process_time(); import deckgen.tex.formula; "
        "print('math_core' in sys.modules, time.process_time() - t)"
    )
    loaded, seconds = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == "False"
    assert float(seconds) < 0.2


def test_conversion_is_fast() -> None:
    convert("x", False)  # load the converter
    start = time.perf_counter()
    for _ in range(100):
        convert(r"\frac{-b \pm \sqrt{b^2-4ac}}{2a} + \begin{pmatrix} a & b \end{pmatrix}", True)
    assert (time.perf_counter() - start) / 100 < 0.005
