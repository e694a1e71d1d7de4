"""One vocabulary: every key a Konzeption may name has one registry entry (key, German label, function), the
keys the loaders accept are exactly the registries' keys, and the norm-band classes carry their own words."""
import numpy as np
import pytest

from srb_core.allocation.shares import METHODS
from srb_core.errors import ParameterError
from srb_core.funding.model import MODELS, RULE_LABELS, RULES, Rule, Step2Model
from srb_core.funding.proposal import STEP2_MODELS
from srb_core.funding.rules import DECIDERS, RULE_KINDS
from srb_core.index.aggregate import AGGREGATION_METHODS
from srb_core.index.normband import CLASS_LABELS, CLASS_NAMES, BandClass, classify, norm_band
from srb_core.konzeption.model import AGGREGATIONS, ALLOCATIONS
from srb_core.registry import Entry, labels, lookup, registry

REGISTRIES = {"allocation": (METHODS, ALLOCATIONS), "aggregation": (AGGREGATION_METHODS, AGGREGATIONS),
              "rule": (RULE_KINDS, RULES), "step2": (STEP2_MODELS, MODELS)}


@pytest.mark.parametrize("name", list(REGISTRIES))
def test_registry_keys_are_exactly_what_the_loader_accepts(name):
    methods, accepted = REGISTRIES[name]
    assert tuple(methods) == tuple(accepted)


@pytest.mark.parametrize("name", list(REGISTRIES))
def test_every_entry_has_its_key_a_german_label_and_a_function(name):
    methods, _ = REGISTRIES[name]
    for key, entry in methods.items():
        assert entry.key == key and entry.label and entry.short_label and entry.long_label and callable(entry.fn)


def test_enums_match_the_rule_and_model_keys():
    assert [r.value for r in Rule] == list(RULES) == list(RULE_LABELS) == list(DECIDERS)
    assert [m.value for m in Step2Model] == list(MODELS)
    assert Rule.ON_REQUEST == "on_request" and Rule("any_of") is Rule.ANY_OF
    assert RULE_KINDS["on_request"].label == "auf begründeten Antrag" == Rule.ON_REQUEST.label
    assert STEP2_MODELS["base_plus_topup"].label == "Sockelbetrag plus Aufstockung"


def test_aggregations_by_hand():
    matrix = np.array([[1.0], [3.0], [10.0]])
    codes = np.array([0, 0, 1])
    children = np.array([1.0, 3.0, 5.0])
    mean = AGGREGATION_METHODS["mean"].fn(matrix, codes, 2, children)
    weighted = AGGREGATION_METHODS["children_weighted"].fn(matrix, codes, 2, children)
    assert mean[:, 0].tolist() == [2.0, 10.0]  # (1 + 3) / 2
    assert weighted[:, 0].tolist() == [2.5, 10.0]  # (1·1 + 3·3) / (1 + 3)


def test_allocation_masses_by_hand():
    points, children = np.array([2.0, 6.0]), np.array([10.0, 5.0])
    assert METHODS["proportional"].fn(points, children).tolist() == [2.0, 6.0]
    assert METHODS["proportional_children"].fn(points, children).tolist() == [20.0, 30.0]


def test_labels_and_lookup():
    assert labels(METHODS)["proportional"] == "proportional zu den Gesamtindex-Punkten"
    assert lookup(METHODS, "proportional", "Verteilungsverfahren") is METHODS["proportional"]
    with pytest.raises(ParameterError) as info:
        lookup(METHODS, "gleich", "Verteilungsverfahren", column="allocation")
    assert "Unbekannte(s) Verteilungsverfahren." in info.value.text()
    assert "proportional oder proportional_children" in info.value.text()


def test_a_key_given_twice_is_refused():
    with pytest.raises(ValueError):
        registry(Entry("a", "A", len), Entry("a", "B", len))


def test_band_classes_carry_code_key_and_german_words():
    assert [(int(c), c.key, c.label, c.symbol) for c in BandClass] == [
        (1, "above", "oberhalb", "▲"), (0, "within", "innerhalb", "●"), (-1, "below", "unterhalb", "▼")]
    assert BandClass.BELOW.long_label == "unterhalb des Normbereichs"
    assert BandClass.ABOVE.position == "über der oberen Grenze"
    assert BandClass.of(np.int8(-1)) is BandClass.BELOW and BandClass.of(1.0) is BandClass.ABOVE
    assert BandClass.of("within") is BandClass.WITHIN
    assert CLASS_NAMES[1] == "above" and CLASS_LABELS[-1] == "unterhalb"


def test_classify_codes_are_band_classes():
    values = np.array([0.0, 5.0, 10.0, 20.0])  # mean 8.75, population SD 7.40 → band [1.35, 16.15] at k = 1
    codes = classify(values, norm_band(values, 1.0, 0))
    assert [BandClass.of(c) for c in codes] == [BandClass.BELOW, BandClass.WITHIN, BandClass.WITHIN, BandClass.ABOVE]
