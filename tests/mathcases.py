"""Formulas every math test shares, and the ECMA-376 math schema to check Office Math against."""

from __future__ import annotations

MATHML = "{http://www.w3.org/1998/Math/MathML}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

# (name, TeX, display, OMML structures the formula must hold, its linear form)
FIXTURES = [
    ("inline", r"E = mc^2", False, ["sSup"], "E = mc²"),
    ("fraction", r"\frac{-b \pm \sqrt{b^2-4ac}}{2a}", True, ["f", "rad", "sSup"],
     "(− b ± √(b² − 4ac))/(2a)"),
    ("root", r"\sqrt[3]{x+1}", False, ["rad", "deg"], "√[3](x + 1)"),
    ("sum", r"\sum_{i=1}^{n} i", True, ["nary"], "∑_(i = 1)^n i"),
    ("integral", r"\int_0^1 x^2\,dx", True, ["nary"], "∫₀¹ x²dx"),
    ("greek", r"\alpha + \Omega", False, [], "α + Ω"),
    ("accents", r"\hat{x} + \vec{v} + \overline{AB}", False, ["acc", "bar"], "x̂ + v⃗ + A̅B̅"),
    ("matrix", r"\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}", True, ["d", "m", "mr"],
     "[1 0; 0 1]"),
    ("cases", r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{else} \end{cases}", True, ["d", "m"],
     "f(x) = {1 x > 0; 0 else"),
    ("aligned", r"\begin{aligned} a &= b \\ &= c \end{aligned}", True, ["eqArr"], "a = b; = c"),
    ("align", r"\begin{align} a &= b \\ c &= d \end{align}", True, ["eqArr"], "a = b; c = d"),
    ("limit", r"\lim_{x \to 0} \frac{\sin x}{x}", True, ["limLow", "f"], "lim_(x → 0) (sin x)/x"),
]  # fmt: skip

