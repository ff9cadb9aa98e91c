"""Office Math in DrawingML text, in the form PowerPoint writes it ([MS-ODRAWXML] 2.2.5, 3.5).

An equation sits in a paragraph as ``a14:m`` holding ``m:oMath`` (inline, between ``a:r`` runs)
or ``m:oMathPara`` (a display paragraph of its own). Each ``m:r`` and each ``m:ctrlPr`` carries the
run's ``a:rPr`` (size, colour, Cambria Math), so PowerPoint's equation editor keeps the deck's look.
A shape holding math goes into ``mc:AlternateContent``: the ``mc:Choice`` is the shape with the
equations, the ``mc:Fallback`` the same shape with each formula as readable linear text.

LibreOffice picks a Choice by the *prefix* named in ``Requires``, not by its namespace, and then
keeps an equation only when it is the whole text of its shape (inline math vanishes), stretches
it to the shape's box, and misreads ``&`` alignment marks and bare ``|`` (seen with 7.4). So by
default the a14 namespace is named with another prefix, which PowerPoint resolves to the same
namespace while LibreOffice does not know it and shows the readable fallback.
"""

from __future__ import annotations

import re
from dataclasses import replace
from xml.sax.saxutils import quoteattr

from deckgen.backends.pptx.xmltext import (
    ParagraphFormat,
    RunStyle,
    paragraph_properties_xml,
    properties_xml,
    run_xml,
)
from deckgen.tex.formula import Formula

A14_NS = "http://schemas.microsoft.com/office/drawing/2010/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH_FONT = "Cambria Math"  # what PowerPoint's equation editor writes
OTHER_PREFIX = "a14m"  # names a14 too: PowerPoint takes the Choice, LibreOffice the Fallback
_RUN = re.compile(r"(<m:r>(?:<m:rPr>.*?</m:rPr>)?)")
_OMATH_OPEN = re.compile(r"<m:oMath xmlns:m=(\"[^\"]*\"|'[^']*')>")


def math_style(style: RunStyle) -> RunStyle:
    """Return the run style of math: the text's size and colour, set in the math font."""
    return replace(style, typeface=MATH_FONT, bold=False, italic=False, underline=False)


def styled_omml(formula: Formula, style: RunStyle) -> str:
    """Return the formula's ``m:oMath`` with ``a:rPr`` in every run and control."""
    properties = properties_xml("a:rPr", math_style(style))
    omml = _RUN.sub(lambda m: m.group(1) + properties, formula.omml)
    return omml.replace("<m:ctrlPr/>", f"<m:ctrlPr>{properties}</m:ctrlPr>")


def inline_math_xml(formula: Formula, style: RunStyle, prefix: str = OTHER_PREFIX) -> str:
    """Return the ``a14:m`` that shows ``formula`` among a paragraph's runs."""
    return f"<{prefix}:m>{styled_omml(formula, style)}</{prefix}:m>"


def display_math_paragraph_xml(
    formula: Formula, fmt: ParagraphFormat, style: RunStyle, prefix: str = OTHER_PREFIX
) -> str:
    """Return an ``a:p`` holding ``formula`` as display math (an ``m:oMathPara``), centred."""
    omml = styled_omml(formula, style)
    namespace = _OMATH_OPEN.match(omml)
    declaration = f" xmlns:m={namespace.group(1)}" if namespace else ""
    body = _OMATH_OPEN.sub("<m:oMath>", omml, count=1)
    para = (
        f'<m:oMathPara{declaration}><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr>'
        f"{body}</m:oMathPara>"
    )
    end = properties_xml("a:endParaRPr", math_style(style))
    pformat = replace(fmt, align="ctr", bullet=None)
    return f"<a:p>{paragraph_properties_xml(pformat)}<{prefix}:m>{para}</{prefix}:m>{end}</a:p>"


def fallback_run_xml(formula: Formula, style: RunStyle) -> str:
    """Return the readable stand-in for ``formula`` in the Fallback shape: its linear text."""
    return run_xml(formula.linear, replace(style, typeface=MATH_FONT))


def fallback_display_paragraph_xml(formula: Formula, fmt: ParagraphFormat, style: RunStyle) -> str:
    """Return the Fallback's paragraph for a display formula: its linear text, centred."""
    end = properties_xml("a:endParaRPr", style)
    pformat = replace(fmt, align="ctr", bullet=None)
    return f"<a:p>{paragraph_properties_xml(pformat)}{fallback_run_xml(formula, style)}{end}</a:p>"


def alternate_content_xml(
    choice_shape: str, fallback_shape: str, fallback_for_libreoffice: bool = True
) -> str:
    """Return ``mc:AlternateContent`` choosing the math shape where a14 is understood.

    Both shapes must use the same prefix for ``a14:m`` as the one named here: ``a14``, or
    ``OTHER_PREFIX`` with ``fallback_for_libreoffice``.
    """
    prefix = OTHER_PREFIX if fallback_for_libreoffice else "a14"
    return (
        f"<mc:AlternateContent xmlns:mc={quoteattr(MC_NS)}>"
        f"<mc:Choice xmlns:{prefix}={quoteattr(A14_NS)} Requires={quoteattr(prefix)}>"
        f"{choice_shape}</mc:Choice><mc:Fallback>{fallback_shape}</mc:Fallback>"
        "</mc:AlternateContent>"
    )
