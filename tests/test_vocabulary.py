"""One vocabulary: rule kinds, step-2 models and the norm band's words are spelled once.

Outside their one definition (funding/model.py for rule and model keys, index/normband.py for the band's
words) no source file of srb_core, ui or app_pages may contain them as a string literal of its own; code
says Rule.ON_REQUEST, Step2Model.BASE_PLUS_TOPUP, BandClass.ABOVE.label.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from srb_core.funding.model import Rule, Step2Model
from srb_core.index.normband import BandClass
from tests.demos import ROOT

KEYS = {r.value for r in Rule} | {Step2Model.BASE_PLUS_TOPUP.value}  # "proportional" is also an allocation key
WORDS = {c.key for c in BandClass} | {c.label for c in BandClass}
HOMES = {"srb_core/funding/model.py": KEYS, "srb_core/index/normband.py": WORDS}
SOURCES = sorted(p for d in ("srb_core", "ui", "app_pages") for p in (ROOT / d).rglob("*.py"))


def _literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return {n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_rule_keys_and_band_words_are_spelled_only_in_their_definition(path):
    own = HOMES.get(str(path.relative_to(ROOT)).replace("\\", "/"), set())
    found = (_literals(path) & (KEYS | WORDS)) - own
    assert not found, f"{path.relative_to(ROOT)} spells {sorted(found)}; use Rule / Step2Model / BandClass"
