"""A Konzeption's funding strands are parsed when the file is loaded: a bad [[strands]] block is refused at
upload by load_konzeption, with a German reason naming file, key and value, not first on the Budget page."""
from dataclasses import replace

import pytest

from srb_core import KonzeptionError, load_konzeption
from srb_core.funding import load_funding
from tests.demos import SMALL_TOML

STAFF = '\n[staff]\nsa = { label = "Sozialarbeit", cost_per_fte_eur = 60000 }\n'


def _strand(rule: str, share: str) -> str:
    return f'\n[[strands]]\nkey = "kiso"\nlabel = "Kita-Sozialarbeit"\nrule = "{rule}"\nshare = {share}\n' \
           'staff_type = "sa"\n'


def _load_text(tmp_path, toml: str) -> str:
    path = tmp_path / "konzeption.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(KonzeptionError) as info:
        load_konzeption(path)
    return info.value.text()


def test_unknown_rule_is_refused_at_load_with_file_key_and_value(tmp_path):
    text = _load_text(tmp_path, SMALL_TOML + _strand("auf_antrag", "1") + STAFF)
    assert text.startswith("Die Förderstränge der Konzeption können nicht verwendet werden.")
    assert "Datei „konzeption.toml“, Spalte „strands[1].rule“, Wert „auf_antrag“: Unbekannte Regel." in text
    assert "on_request" in text  # the allowed rule kinds are named


def test_shares_that_do_not_add_up_to_one_are_refused_at_load(tmp_path):
    toml = SMALL_TOML + _strand("index_at_least_lower", "0.5") + STAFF
    text = _load_text(tmp_path, toml)
    assert "Die Anteile der Förderstränge (ohne Antragsstränge) müssen zusammen 1 ergeben." in text
    assert "0.5" in text


def test_a_good_strands_block_loads_and_its_funding_is_the_parsed_one(tmp_path):
    path = tmp_path / "konzeption.toml"
    path.write_text(SMALL_TOML + _strand("index_at_least_lower", "1") + STAFF, encoding="utf-8")
    funding = load_funding(load_konzeption(path))
    assert funding is not None
    assert [(s.key, s.rule, s.share) for s in funding.strands] == [("kiso", "index_at_least_lower", 1)]


def test_the_strands_are_parsed_once_and_a_changed_copy_parses_its_own(tmp_path):
    path = tmp_path / "konzeption.toml"
    path.write_text(SMALL_TOML + _strand("index_at_least_lower", "1") + STAFF, encoding="utf-8")
    konz = load_konzeption(path)
    assert load_funding(konz) is konz.funding is load_funding(konz)
    extra = dict(konz.extra)
    extra["strands"] = [dict(extra["strands"][0], rule="on_request")]
    other = replace(konz, extra=extra)
    assert [s.rule for s in load_funding(other).strands] == ["on_request"]
    assert [s.rule for s in load_funding(konz).strands] == ["index_at_least_lower"]
