"""AppTest: the pages 'Entwicklung' and 'Berichte' run on both demos, hide names when anonymised, and
put the pooled-bounds statement on screen."""
from __future__ import annotations

import pytest

from tests.app.helpers import on_page, sent_bytes


def test_entwicklung_states_the_pooled_bounds_and_reports_new_and_closed_kitas():
    at = on_page("app_pages/entwicklung.py")
    text = " ".join(m.value for m in at.markdown)
    assert "Gemeinsamer Maßstab für Veränderungen" in text and "alle gewählten Wellen" in text
    assert any("Sonnenblume" in i.value for i in at.info)  # BK32, new in T2
    assert any("Traumfänger" in w.value for w in at.warning)  # BK17, closed after T0
    assert any("Summe der Beiträge" in c.value for c in at.caption)


def test_entwicklung_anonymised_shows_no_kita_name(bk_data):
    at = on_page("app_pages/entwicklung.py", {"anon": "1"})
    at.radio(key="ew_level").set_value("kita").run()
    sent = sent_bytes(at).decode("utf-8", "replace")
    assert not [n for n in bk_data.names if n in sent]


def test_entwicklung_without_second_wave_explains_the_library():
    at = on_page("app_pages/entwicklung.py", {"ds": "mayen_koblenz"})
    assert any("Datenbibliothek" in i.value for i in at.info)


@pytest.mark.parametrize("ds", ["bad_kreuznach", "mayen_koblenz"])
def test_berichte_runs_and_hides_names_when_anonymised(ds, bk_data, myk_data):
    at = on_page("app_pages/berichte.py", {"ds": ds, "anon": "1"})
    sent = sent_bytes(at).decode("utf-8", "replace")
    names = (bk_data if ds == "bad_kreuznach" else myk_data).names
    assert not [n for n in names if n in sent]
    assert any("keine Rangfolge" in m.value for m in at.markdown)


def test_rechenweg_shows_the_change_split_into_variables(bk_konzeption):
    at = on_page("app_pages/rechenweg.py")
    [line] = [m.value for m in at.markdown if m.value.endswith("**") and " = **" in m.value]
    assert line.count("+") + line.count("−") + line.count("±") >= len(bk_konzeption.variables)
    assert any("Veränderung von T0" in h.value for h in at.main.subheader)
