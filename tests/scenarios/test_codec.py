"""The JSON file two Jugendamt laptops exchange: exact round trip, every defect named."""
import json

import pytest
from hypothesis import given, settings

from srb_core import ParameterError
from srb_core.scenarios import dumps, from_dict, loads, to_dict
from tests.strategies import scenarios


@given(scenarios())
@settings(max_examples=150, deadline=None)
def test_round_trip_is_exact(s):
    assert loads(dumps(s)) == s


def test_every_bad_field_is_named(doubled):
    obj = to_dict(doubled)
    obj["params"]["weights"] = [1, "zwei", 1, 1]
    obj["params"]["k"] = -1.0
    obj["adjustments"] = [{"strand": "x", "kita_id": "BK01", "cents": 12.5}]
    with pytest.raises(ParameterError) as err:
        from_dict(obj, "szenario.json")
    text = err.value.text()
    for field in ("params.weights", "params.k", "adjustments[0].cents", "szenario.json"):
        assert field in text
    assert len(err.value.problems) == 3


def test_not_json_and_foreign_json_are_refused():
    with pytest.raises(ParameterError, match="kein gültiges JSON"):
        loads(b"\xff\xfe kaputt", "x.json")
    with pytest.raises(ParameterError, match="Keine Szenario-Datei"):
        loads(json.dumps({"format": "etwas anderes", "version": 1}), "x.json")
