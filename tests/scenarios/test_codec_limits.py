"""Scenario files from elsewhere stay within the limits: no traceback, no hang, a German reason."""
import json
import time

import pytest

from srb_core import ParameterError, limits
from srb_core.scenarios import dumps, loads, to_dict


def _refused(text: str) -> str:
    start = time.perf_counter()
    with pytest.raises(ParameterError) as err:
        loads(text, "szenario.json")
    assert time.perf_counter() - start < 10  # hang guard only
    return err.value.text()


def test_400_digit_number_is_refused(doubled):
    text = dumps(doubled).replace('"k": 0.5', '"k": ' + "9" * 400)
    assert "Datei „szenario.json“: Die Datei enthält eine Zahl mit 400 Stellen" in _refused(text)


def test_float_that_overflows_to_infinity_is_refused(doubled):
    text = dumps(doubled).replace('"k": 0.5', '"k": 1e400')
    assert "Die Datei enthält die Zahl 1e400" in _refused(text)


def test_deep_nesting_is_refused(doubled):
    obj = to_dict(doubled)
    obj["note"] = "x"
    text = json.dumps(obj).replace('"note": "x"', '"note": ' + "[" * 100_000 + "]" * 100_000)
    assert "Die Datei ist zu tief verschachtelt" in _refused(text)
    text = json.dumps(obj).replace('"note": "x"', '"note": ' + "[" * 20 + "]" * 20)
    assert "Die Datei ist zu tief verschachtelt (21 Ebenen). Erwartet: höchstens 8 Ebenen" in _refused(text)


def test_huge_exponent_in_a_strand_share_is_refused(doubled):
    obj = to_dict(doubled.with_(strand_shares=()))
    obj["strand_shares"] = [["kiso", "1e999999999"]]
    text = _refused(json.dumps(obj))
    assert "Spalte „strand_shares[0]“, Wert „1e999999999“: Ungültiger Wert." in text


def test_budget_above_a_trillion_euro_and_k_out_of_range(doubled):
    obj = to_dict(doubled)
    obj["params"]["budget_cents"] = 2**63
    obj["params"]["k"] = 1e308
    text = _refused(json.dumps(obj))
    assert "Spalte „params.budget_cents“, Wert „9223372036854775808“" in text and "(10¹² €)" in text
    assert "Spalte „params.k“" in text and "Zahl von 0 bis 3" in text


def test_overlong_note_in_a_file_is_refused_but_a_long_one_is_kept(doubled):
    long = doubled.with_(note="n" * 20_000)
    assert loads(dumps(long)).note == long.note
    text = _refused(dumps(doubled.with_(note="n" * (limits.MAX_NOTE_CHARS + 1))))
    assert "Spalte „note“" in text and "Der Text ist zu lang (100.001 Zeichen)." in text
