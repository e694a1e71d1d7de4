"""The sidebar's sliders (ui/sliders.py) on the Python side: what a commit of the component does to the state.
The component's value is untrusted; these tests send it as the browser would (tests/app/helpers.commit)."""
from __future__ import annotations

import pytest

from srb_core import compute
from srb_core.explain.steps import state_key, step_neighbours
from tests.app.helpers import (
    choose_dataset,
    commit,
    move,
    new_app,
    slider_args,
    slider_label,
    slider_values,
    type_value,
    wall_table,
)


def _shares(at) -> list[str]:
    return [r["Anteil"].replace("\u00a0", " ") for n, r in wall_table(at).iterrows() if n != "Summe"]


def _expected(result) -> list[str]:
    return [f"{s * 100:.2f}".replace(".", ",") + " %" for s in result.shares]


def test_a_committed_value_moves_the_weights_and_seq_comes_back(bk_data, bk_konzeption):
    at = new_app()
    at.run()
    assert slider_args(at)["seq"] == 0
    commit(at, {"values": [1.0, 1.03, 1.0, 1.0, 0.5], "seq": 3})  # three arrow keys, then k typed… settled
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["w1"] == 1.03 and at.session_state["k"] == 0.5
    assert slider_values(at) == [1.0, 1.03, 1.0, 1.0, 0.5]
    assert slider_args(at)["seq"] == 3  # the browser drops its local values up to 3
    moved = compute(bk_data, bk_konzeption, bk_konzeption.default_params().with_(weights=(1.0, 1.03, 1.0, 1.0), k=0.5))
    assert _shares(at) == _expected(moved)
    assert slider_label(at, 1) == f"Soziale Lage: 1,03 · wirksam: {1.03 / 4.03 * 100:.1f} %".replace(".", ",")
    assert at.query_params["w"] in (["1,1.03,1,1"], "1,1.03,1,1")


def test_labels_cover_every_setting_one_arrow_key_away():
    at = new_app()
    at.run()
    labels = slider_args(at)["labels"]
    weights, k = (1.0, 1.0, 1.0, 1.0), 1.0
    assert set(labels) == {state_key(weights, k)} | {state_key(w, kk) for w, kk in step_neighbours(weights, k)}
    # one step up on "Soziale Lage": 1,01 of 4,01 → 25,2 %; the others 1 of 4,01 → 24,9 %
    up = labels["1.00|1.01|1.00|1.00|1.00"]
    assert up[1] == "Soziale Lage: 1,01 · wirksam: 25,2 %" and up[0] == "Allgemeiner Bedarf: 1,00 · wirksam: 24,9 %"
    assert labels["1.00|1.00|1.00|1.00|0.99"][4] == "Breite des Normbereichs (k): 0,99"


@pytest.mark.parametrize("values", [[1.0, 1.005, 1.0, 1.0, 1.0], [1.0, 10.01, 1.0, 1.0, 1.0],
                                    [1.0, 1.0, 1.0, 1.0, 3.5], [1.0, -1.0, 1.0, 1.0, 1.0],
                                    [1.0, "1.5", 1.0, 1.0, 1.0], [1.0, True, 1.0, 1.0, 1.0]])
def test_a_value_off_the_grid_or_range_is_refused_in_german(values):
    at = new_app()
    at.run()
    commit(at, {"values": values, "seq": 1})
    assert not at.exception, [e.value for e in at.exception]
    assert slider_values(at) == [1.0] * 5  # nothing changed
    assert any("Der Regler meldete" in e.value and "erlaubt ist eine Zahl von" in e.value for e in at.error)
    assert slider_args(at)["seq"] == 1  # processed all the same: the browser shows the app's values again


@pytest.mark.parametrize("value", [[], "x", {"values": [1.0, 1.0], "seq": 1}, {"seq": 1}, {"values": "x", "seq": 1}])
def test_a_malformed_commit_changes_nothing(value):
    at = new_app()
    at.run()
    commit(at, value)
    assert not at.exception, [e.value for e in at.exception]
    assert slider_values(at) == [1.0] * 5
    assert any("unvollständige Werte" in e.value for e in at.error)


def test_a_typed_number_sets_the_row():
    at = new_app()
    at.run()
    type_value(at, 1, "1,5")
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["w1"] == 1.5 and slider_values(at)[1] == 1.5
    assert slider_label(at, 1) == "Soziale Lage: 1,50 · wirksam: 33,3 %"  # 1,5 / 4,5
    assert not at.error


@pytest.mark.parametrize("text", ["abc", "1,505", "11", "1e999999", "-1"])
def test_a_bad_text_keeps_the_value_and_says_why(text):
    at = new_app()
    at.run()
    move(at, "w1", 2.0)
    type_value(at, 1, text)
    assert not at.exception, [e.value for e in at.exception]
    assert slider_values(at)[1] == 2.0
    [error] = at.error
    assert error.value.startswith("„") and "ist keine zulässige Zahl für Soziale Lage: erlaubt ist eine Zahl von 0 " \
        "bis 10 mit höchstens 2 Nachkommastellen." in error.value
    move(at, "w1", 2.01)  # the message goes with the next change
    assert not at.error


def test_a_commit_asks_for_a_fragment_rerun(monkeypatch):
    import ui.state

    marks = []
    real = ui.state.mark_fast_rerun
    monkeypatch.setattr(ui.state, "mark_fast_rerun", lambda: marks.append(1) or real())
    at = new_app()
    at.run()
    assert marks == []
    move(at, "w2", 0.5)
    assert marks == [1]  # in the browser the rerun stays inside the page fragment (app.py, tests/app/test_fragment.py)
    assert slider_values(at)[2] == 0.5


def test_reset_scenario_and_dataset_switch_set_the_component():
    at = new_app()
    at.run()
    move(at, {"w0": 3.0, "k": 0.5})
    next(b for b in at.sidebar.button if b.label.startswith("Auf beschlossene")).click().run()
    assert slider_values(at) == [1.0] * 5
    choose_dataset(at, "mayen_koblenz")
    rows = slider_args(at)["rows"]
    assert [r["name"] for r in rows][-1] == "Breite des Normbereichs (k)" and len(rows) == 3  # two sub-indices, k
    assert all(r["value"] == 1.0 for r in rows)


def test_every_text_of_the_component_is_german():
    at = new_app({"proj": "1"})
    at.run()
    args = slider_args(at)
    assert args["texts"]["placeholder"] == "Zahl"
    assert args["texts"]["field_aria"].format(name="Soziale Lage") == "Soziale Lage als Zahl eingeben"
    assert args["projector"] is True and args["settle_ms"] == 350
    assert args["channel"].startswith("srb-") and len(args["channel"]) > 12
