"""AppTest: every number column of an interactive table is shown in German (decimal comma, euro sign after)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.helpers import wall_table

APP = Path(__file__).resolve().parents[2] / "app.py"
PAGES = ["kitas", "budget", "szenarien", "vergleich", "entwicklung", "berichte", "robustheit", "daten"]
GERMAN = {"localized", "euro"}  # Streamlit formats these with the page's language, which the app sets to German


def number_formats(element) -> dict[str, str]:
    """Column name → display format of every numeric column of one st.dataframe / st.data_editor."""
    config = json.loads(element.proto.columns or "{}")
    frame = element.value
    numeric = [c for c, t in frame.dtypes.items() if str(t).startswith(("float", "Float"))]
    return {c: config.get(c, {}).get("type_config", {}).get("format", "") for c in numeric}


@pytest.mark.parametrize("page", PAGES)
def test_no_interactive_table_shows_a_decimal_point(page):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception
    formats = {}
    for i, element in enumerate(at.dataframe):
        formats.update({f"{i}:{c}": f for c, f in number_formats(element).items()})
    assert {c: f for c, f in formats.items() if f not in GERMAN} == {}
    if page in {"kitas", "budget"}:
        assert formats  # the pages with float columns are really checked


def test_kitas_overall_has_one_place():
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("app_pages/kitas.py")
    at.run()
    config = json.loads(at.dataframe[0].proto.columns)
    shown = config["Gesamtindex"]["type_config"]
    assert (shown["format"], shown["step"]) == ("localized", 0.1)


def test_budget_is_typed_and_shown_in_german():
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    field = at.sidebar.text_input(key="budget_cents_txt")
    assert field.value == "1.002.240,00"  # the demo Konzeption's budget, 1,002,240 €
    field.set_value("500.000").run()
    assert at.sidebar.text_input(key="budget_cents_txt").value == "500.000,00"
    assert wall_table(at).loc["Summe", "Betrag"].replace("\u00a0", " ") == "500.000,00 €"
    at.sidebar.text_input(key="budget_cents_txt").set_value("12,345").run()  # three decimals: refused, nothing changes
    assert at.sidebar.text_input(key="budget_cents_txt").value == "500.000,00"
    assert any("„12,345“ hat mehr als zwei Nachkommastellen" in e.value for e in at.sidebar.error)
    assert wall_table(at).loc["Summe", "Betrag"].replace("\u00a0", " ") == "500.000,00 €"
