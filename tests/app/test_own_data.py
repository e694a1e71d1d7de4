"""AppTest with a Jugendamt's own data (not a demo): every page, with and without a map, exactly the
engine's shares, anonymised mode without names, and a corrected Konzeption with the same name."""
from __future__ import annotations

import re

import pytest

from srb_core import compute, parse_konzeption
from srb_core.io.tables import load_kitas
from srb_core.io.validation import validate_upload
from tests import own_data
from tests.app.helpers import choose_dataset, new_app, on_page, sent_bytes, wall, wall_html, wall_table
from ui.cache import UPLOAD_KEY, Dataset
from ui.upload import REPORT_KEY

ALL_PAGES = ["uebersicht", "sozialraum", "kitas", "rechenweg", "budget", "szenarien", "vergleich", "entwicklung",
             "berichte", "robustheit", "daten"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return own_data.write_files(tmp_path_factory.mktemp("eigene"))


def report(files, konzeption=None, geo=True, strands=True, coordinates=True):
    kitas = own_data.german_csv(own_data.kita_frame(with_coordinates=coordinates))
    konz = konzeption or own_data.konzeption_toml(strands=strands).encode()
    shp = files.shapefile.read_bytes() if geo else None
    r = validate_upload(kitas, files.kitas.name, konz, files.konzeption.name, shp, files.shapefile.name if geo else "")
    assert r.ok, [p.text() for p in r.errors]
    return r


def use(at, r) -> None:
    """What 'Diese Daten in der Sitzung verwenden' does, then the dataset chosen in the sidebar."""
    at.session_state[UPLOAD_KEY] = Dataset("upload", r.konzeption, r.data, r.geo, demo=False, schematic_map=False)
    at.run()
    choose_dataset(at, "upload")
    assert not at.exception, [e.value for e in at.exception]


def open_page(at, name: str):
    at.switch_page(f"app_pages/{name}.py")
    at.run()
    assert not at.exception, (name, [e.value for e in at.exception])
    return at


def markdown_texts(at) -> list[str]:
    """Everything the page sends as Markdown (bodies and labels)."""
    out = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "subheader"):
        out += [str(e.value) for e in getattr(at, kind)]
    for widgets in (at.slider, at.selectbox, at.multiselect, at.number_input, at.text_input):
        out += [str(w.label) for w in widgets]
    for table in at.table:
        frame = table.value
        out += [str(v) for v in frame.to_numpy().ravel()] + [str(c) for c in frame.columns]
        out += [str(i) for i in frame.index]
    return out


# A special character not preceded by a backslash: Markdown would act on it.
RAW = re.compile(r"(?<!\\)(!\[|\[|`|\$|<img|<script|<b>|<i>)")


@pytest.mark.parametrize("variant", [dict(), dict(geo=False), dict(strands=False), dict(geo=False, coordinates=False)],
                         ids=["karte", "ohne-karte", "ohne-foerderstraenge", "ohne-karte-ohne-koordinaten"])
def test_every_page_works_with_own_data(files, variant):
    r = report(files, **variant)
    at = new_app()
    at.run()
    use(at, r)
    for name in ALL_PAGES:
        open_page(at, name)
        assert at.title, name
        assert not at.exception
        raw = [t for t in markdown_texts(at) if RAW.search(t) and any(h in t for h in own_data.HOSTILE)]
        assert raw == [], (name, raw[:3])
        if name == "uebersicht":
            sent = wall(at)
            # the wall's HTML pieces carry every name from the data HTML-escaped, never as markup
            assert not any(h in wall_html(at) for h in own_data.HOSTILE if "<" in h or "&" in h)
            if not variant.get("geo", True):
                assert "bd" not in sent and "keine Sozialraum-Karte" in sent["texts"]["noMap"]


ONE_INDEX = """
[konzeption]
name = "Ein Teilindex"
[[variables]]
column = "a"
index = "Nur einer"
"""


def test_every_page_works_with_one_sub_index_two_areas_no_budget_no_map():
    """The smallest Konzeption the loader accepts: one variable, one sub-index, no budget, no strands."""
    csv = b"kita_id;name;sozialraum;a\nk1;Eins;Ost;1,5\nk2;Zwei;Ost;2\nk3;Drei;West;4\n"
    r = validate_upload(csv, "klein.csv", ONE_INDEX.encode(), "klein.toml")
    assert r.ok, [p.text() for p in r.errors]
    at = new_app()
    at.run()
    use(at, r)
    for name in ALL_PAGES:
        open_page(at, name)
    open_page(at, "uebersicht")
    # a: Ost 1.5 and 2 → 0 and 20 points, West 4 → 100 points; Sozialraum means 10 and 100 → 10/110, 100/110
    assert shown_shares(at) == {"Ost": "9,09 %", "West": "90,91 %"}


def expected_shares(result) -> dict[str, str]:
    # formatted here, independently of the app: two decimals, decimal comma, unit after a space
    return {name: f"{s * 100:.2f}".replace(".", ",") + " %" for name, s in
            zip(result.data.sozialraum_names, result.shares, strict=True)}


def shown_shares(at) -> dict[str, str]:
    return {str(n): row["Anteil"].replace("\u00a0", " ") for n, row in wall_table(at).iterrows() if n != "Summe"}


def test_shares_are_the_engines_and_a_corrected_konzeption_with_the_same_name_changes_them(files):
    at = new_app()
    at.run()
    use(at, report(files))
    konz = parse_konzeption(files.konzeption.read_text(encoding="utf-8"))
    data = load_kitas(files.kitas, konz)
    first = compute(data, konz)
    assert shown_shares(at) == expected_shares(first)

    corrected_text = files.corrected.read_text(encoding="utf-8")
    corrected = parse_konzeption(corrected_text)
    assert corrected.name == konz.name and corrected.fingerprint != konz.fingerprint
    use(at, report(files, konzeption=corrected_text.encode()))
    second = compute(load_kitas(files.kitas, corrected), corrected)
    assert shown_shares(at) == expected_shares(second)
    assert expected_shares(second) != expected_shares(first)


def real_names(data) -> list[str]:
    """Kita names and ids, and the words that belong to a Kita and not to its Sozialraum."""
    return list(data.names) + list(data.kita_ids) + own_data.KITA_WORDS


@pytest.mark.parametrize("page", ALL_PAGES)
def test_anonymised_own_data_shows_no_name(files, page):
    r = report(files)
    at = new_app({"anon": "1"})
    at.run()
    use(at, r)
    open_page(at, page)
    sent = sent_bytes(at).decode("utf-8", "replace")
    assert [n for n in real_names(r.data) if n in sent] == []


def test_editors_opened_before_anonymising_lose_the_names(files):
    r = report(files)
    at = new_app()
    at.run()
    use(at, r)
    open_page(at, "budget")
    adjust = next(d for d in at.dataframe if "Begründung" in d.value.columns)  # the 'Anpassen' editor
    assert set(adjust.value["Kita"]) <= set(r.data.names)  # names while not anonymised
    at.sidebar.toggle(key="anon").set_value(True).run()
    assert not at.exception
    sent = sent_bytes(at).decode("utf-8", "replace")
    assert [n for n in real_names(r.data) if n in sent] == []
    adjust = next(d for d in at.dataframe if "Begründung" in d.value.columns)
    assert all(str(v).startswith("Kita ") and len(str(v)) == 7 for v in adjust.value["Kita"])
    at.sidebar.toggle(key="anon").set_value(False).run()
    assert r.data.names[0] in sent_bytes(at).decode("utf-8", "replace")


def test_codes_follow_neither_ids_nor_order_and_stay_within_a_session(files):
    r = report(files)
    at = new_app({"anon": "1"})
    at.run()
    use(at, r)
    open_page(at, "kitas")
    shown = at.dataframe[0].value
    codes = list(shown["Kita"])
    assert codes != sorted(codes)  # not numbered in the order of the table (by Sozialraum, then id)
    open_page(at, "uebersicht")
    open_page(at, "kitas")
    assert list(at.dataframe[0].value["Kita"]) == codes  # the same codes on the next visit
    other = new_app({"anon": "1"})
    other.run()
    use(other, r)
    open_page(other, "kitas")
    assert list(other.dataframe[0].value["Kita"]) != codes  # another session, another secret


def test_url_budget_beyond_the_limit_keeps_the_konzeptions_with_a_warning():
    at = new_app({"b": "2000000000000"})
    at.run()
    assert not at.exception
    assert at.sidebar.text_input(key="budget_cents_txt").value == "1.002.240,00"  # the Konzeption's budget
    assert any("ungültige Werte (Budget)" in w.value for w in at.warning)
    at = new_app({"b": "999999999999.99"})
    at.run()
    assert at.sidebar.text_input(key="budget_cents_txt").value == "999.999.999.999,99"



def test_daten_page_forgets_the_report_of_files_no_longer_chosen(files):
    """Back on 'Daten' after another page, the file fields are empty; the check report of the earlier files
    (with its 'use' button) must not stand below them as if it belonged to nothing."""
    at = on_page("app_pages/daten.py")
    at.session_state[REPORT_KEY] = report(files)
    at.run()
    assert not [s for s in at.success if "Alle Prüfungen bestanden" in s.value]
    assert not [b for b in at.button if b.label == "Diese Daten in der Sitzung verwenden"]
