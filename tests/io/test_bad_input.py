"""Every class of bad input is refused whole, with a German message naming file, row, column and value."""
import pandas as pd
import pytest

from srb_core import KitaDataError, KonzeptionError, build_kita_data, load_kitas, parse_konzeption
from tests.demos import BK, SMALL_TOML


def _frame(**changes):
    frame = pd.DataFrame({"kita_id": ["k1", "k2", "k3"], "name": ["Eins", "Zwei", "Drei"],
                          "sozialraum": ["Ost", "Ost", "West"], "a": ["1", "2", "3"], "b": ["1", "2", "3"],
                          "c": ["5", "6", "7"]})
    for column, values in changes.items():
        frame[column] = values
    return frame


def _refuse(frame, toml=SMALL_TOML):
    konz = parse_konzeption(toml, "k.toml")
    with pytest.raises(KitaDataError) as info:
        build_kita_data(frame, konz, "kitas.csv")
    return info.value.text()


def test_non_number():
    text = _refuse(_frame(a=["1", "zwei", "3"]))
    assert "Datei „kitas.csv“, Zeile 3, Spalte „a“, Wert „zwei“: Der Wert ist keine Zahl." in text


def test_duplicate_id():
    text = _refuse(_frame(kita_id=["k1", "k2", "k1"]))
    assert "Zeile 4, Spalte „kita_id“, Wert „k1“: Die Kennung ist doppelt (zuerst in Zeile 2)." in text


def test_empty_sozialraum():
    text = _refuse(_frame(sozialraum=["Ost", "", "West"]))
    assert "Zeile 3, Spalte „sozialraum“: Der Sozialraum ist leer." in text


def test_missing_required_column():
    text = _refuse(_frame().drop(columns=["sozialraum"]))
    assert "Zeile 1, Spalte „sozialraum“: Pflichtspalte fehlt." in text


def test_konzeption_names_unknown_column():
    text = _refuse(_frame().drop(columns=["c"]))
    assert "Spalte „c“: Die Konzeption „k.toml“ nennt diese Variable" in text


def test_kita_missing_a_whole_sub_index():
    text = _refuse(_frame(c=["5", "", "7"]))
    assert "Zeile 3, Spalte „c“: Die Kita hat keine einzige Angabe für den Teilindex „B“" in text
    assert "nicht still mit 0 gewertet" in text


def test_missing_single_answer_is_allowed_and_warned():
    konz = parse_konzeption(SMALL_TOML, "k.toml")
    data = build_kita_data(_frame(a=["1", "", "3"]), konz)
    assert any("fehlen 1 Angaben" in w for w in data.warnings)


def test_constant_variable_warned():
    konz = parse_konzeption(SMALL_TOML, "k.toml")
    data = build_kita_data(_frame(c=["4", "4", "4"]), konz)
    assert any("denselben Wert (4)" in w for w in data.warnings)


SHARE_TOML = SMALL_TOML.replace('column = "c"\nindex = "B"', 'column = "c"\nindex = "B"\nscale = "share"')
RATING_TOML = SMALL_TOML.replace(
    'column = "c"\nindex = "B"', 'column = "c"\nindex = "B"\nscale = "rating"\nrange = [1, 5]'
)


def test_share_outside_0_100():
    text = _refuse(_frame(c=["5", "101.5", "7"]), SHARE_TOML)
    assert "Zeile 3, Spalte „c“, Wert „101.5“: Der Wert liegt außerhalb des zulässigen Bereichs." in text
    assert "Erwartet: Anteil in Prozent von 0 bis 100" in text


def test_rating_outside_range():
    text = _refuse(_frame(c=["0.5", "3", "4"]), RATING_TOML)
    assert "Zeile 2, Spalte „c“, Wert „0.5“" in text and "von 1 bis 5" in text


def test_count_must_be_whole():
    toml = SMALL_TOML.replace('column = "c"\nindex = "B"', 'column = "c"\nindex = "B"\nscale = "count"')
    text = _refuse(_frame(c=["3", "4.5", "4"]), toml)
    assert "Wert „4.5“: Der Wert muss eine ganze Zahl sein." in text


def test_every_problem_is_listed_not_only_the_first():
    text = _refuse(_frame(a=["x", "y", "z"], kita_id=["k1", "k1", "k1"]))
    assert text.count("keine Zahl") == 3 and text.count("doppelt") == 2


def test_konzeption_all_weights_zero():
    toml = SMALL_TOML + '\n[weights]\nA = 0\nB = 0\n'
    with pytest.raises(KonzeptionError, match="Alle Gewichte sind 0"):
        parse_konzeption(toml, "k.toml")


def test_konzeption_typo_key_and_bad_direction():
    toml = SMALL_TOML.replace('direction = "higher_is_less_need"', 'direction = "lower"').replace(
        "[konzeption]", "[konzeption]\nnmae = 'x'")
    with pytest.raises(KonzeptionError) as info:
        parse_konzeption(toml, "k.toml")
    text = info.value.text()
    assert "Spalte „konzeption.nmae“: Unbekannter Schlüssel (Tippfehler?)." in text
    assert "Spalte „variables[2].direction“, Wert „lower“: Unbekannte Richtung." in text


def test_konzeption_not_toml():
    with pytest.raises(KonzeptionError, match="kein gültiges TOML"):
        parse_konzeption("[konzeption\nname=1", "k.toml")


def test_excel_file_with_csv_extension(bk_konzeption, tmp_path):
    path = tmp_path / "kitas.csv"
    path.write_bytes(b"PK\x03\x04rest")
    with pytest.raises(KitaDataError, match="Excel-Datei, trägt aber die Endung .csv"):
        load_kitas(path, bk_konzeption)


def test_demo_files_are_valid(bk_data, myk_data):
    assert bk_data.n == 31 and myk_data.n == 95
    assert abs(bk_data.children.sum() - 2300) < 30  # "over 2,300 children" in the source
    assert (BK / "kitas.csv").exists()


def test_unknown_columns_are_reported_not_dropped_silently():
    konz = parse_konzeption(SMALL_TOML, "k.toml")
    data = build_kita_data(_frame(anmerkung=["x", "y", "z"]), konz)
    assert any("„anmerkung“" in w and "nicht verwendet" in w for w in data.warnings)


def test_demo_columns_are_all_in_use(bk_data, myk_data):
    assert not any("nicht verwendet" in w for w in bk_data.warnings + myk_data.warnings)
