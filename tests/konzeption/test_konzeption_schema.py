"""A Konzeption is used exactly as written or refused whole with German reasons, never a traceback.

Typos in tables or keys name the nearest known name; wrong shapes ([[staff]] instead of [staff],
`columns = 5`, `staff_type` as a list) and impossible values (negative hours, "1e999999999") are
errors; weights and k must lie on the grid the app can show. A UTF-8 BOM is fine.
"""
import time

import pytest

from srb_core import KonzeptionError, load_konzeption, parse_konzeption
from srb_core.konzeption.load import decode_toml
from tests.demos import BK, MYK, SMALL_TOML

FUNDED = SMALL_TOML + """
[[strands]]
key = "kiso"
rule = "index_at_least_lower"
share = 1
staff_type = "sa"
[staff]
sa = { label = "Sozialarbeit", cost_per_fte_eur = 60000 }
"""


def _refused(toml: str) -> str:
    with pytest.raises(KonzeptionError) as info:
        parse_konzeption(toml, "k.toml")
    return info.value.text()


@pytest.mark.parametrize("typo, known", [("wieghts", "weights"), ("norm_bnad", "norm_band"), ("stafff", "staff"),
                                         ("strand", "strands")])
def test_unknown_table_is_an_error_naming_the_nearest_known_one(typo, known):
    text = _refused(SMALL_TOML + f"\n[{typo}]\nA = 2\n")
    assert f"Datei „k.toml“, Spalte „{typo}“: Unbekannte Tabelle (Tippfehler?). Erwartet: „{known}“ (Tippfehler?)" \
        in text


def test_unknown_key_names_the_nearest_known_key():
    text = _refused(SMALL_TOML + "\n[norm_band]\nkk = 0.5\n")
    assert "Spalte „norm_band.kk“: Unbekannter Schlüssel (Tippfehler?). Erwartet: „k“ (Tippfehler?)" in text
    text = _refused(FUNDED.replace('share = 1\n', 'share = 1\nstaf_type = "sa"\n'))
    assert "Spalte „strands[1].staf_type“: Unbekannter Schlüssel (Tippfehler?). Erwartet: „staff_type“" in text


@pytest.mark.parametrize("change, column, reason", [
    (("[staff]\nsa = {", "[[staff]]\nsa = {"), "staff",
     "„staff“ ist falsch geschrieben: eine Liste [[…]] statt einer Tabelle"),
    (("[staff]", '[[step2]]\nmodel = "proportional"\n[staff]'), "step2", "„step2“ ist falsch geschrieben"),
    (("[staff]", "[[posts]]\nstate_share = 0.6\n[staff]"), "posts", "„posts“ ist falsch geschrieben"),
    (('staff_type = "sa"', 'staff_type = ["sa"]'), "strands[1].staff_type", "Der Wert hat die falsche Art."),
    (('staff_type = "sa"', 'staff_type = "sa"\ncolumns = 5'), "strands[1].columns", "Der Wert hat die falsche Art."),
    (("cost_per_fte_eur = 60000", "cost_per_fte_eur = 60000, hours_per_fte = -39"), "staff.sa.hours_per_fte",
     "Die Wochenstunden einer Vollzeitstelle müssen größer als 0"),
    (("sa = { label", "sa = 5\nxx = { label"), "staff.sa", "Eine Personalart ist eine Tabelle"),
])
def test_wrong_shapes_and_values_get_german_reasons(change, column, reason):
    text = _refused(FUNDED.replace(*change))
    assert f"Spalte „{column}“" in text and reason in text, text
    assert "Traceback" not in text and "Error" not in text


def test_huge_exponent_in_a_strand_share_is_refused_at_once():
    start = time.perf_counter()
    text = _refused(FUNDED.replace("share = 1", 'share = "1e999999999"'))
    assert time.perf_counter() - start < 10  # a hang guard: Fraction("1e999999999") would not return
    assert "Spalte „strands[1]“, Wert „1e999999999“: Anteil oder Obergrenze ist keine Zahl (oder zu groß)." in text


@pytest.mark.parametrize("toml, column, value", [
    ('[weights]\nA = 1.333\n', "weights.A", "1.333"),
    ('[weights]\nA = 11\n', "weights.A", "11"),
    ('[weights]\nA = -1\n', "weights.A", "-1"),
    ('[norm_band]\nk = 3.5\n', "norm_band.k", "3.5"),
    ('[norm_band]\nk = 0.125\n', "norm_band.k", "0.125"),
    ('[norm_band]\nk = nan\n', "norm_band.k", "nan"),
])
def test_weights_and_k_off_the_grid_the_app_shows_are_refused(toml, column, value):
    text = _refused(SMALL_TOML + toml)
    assert f"Spalte „{column}“, Wert „{value}“" in text and "die App könnte" in text
    assert "mit höchstens 2 Nachkommastellen" in text


def test_weights_and_k_on_the_grid_are_kept_exactly():
    konz = parse_konzeption(SMALL_TOML + "[weights]\nA = 1.33\nB = 9.99\n[norm_band]\nk = 2.55\n", "k.toml")
    assert konz.weights == (1.33, 9.99) and konz.k == 2.55


def test_utf8_bom_is_accepted_and_utf16_refused_naming_the_encoding(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes((BK / "konzeption.toml").read_text(encoding="utf-8").encode("utf-8-sig"))
    assert load_konzeption(path).fingerprint == load_konzeption(BK / "konzeption.toml").fingerprint
    with pytest.raises(KonzeptionError, match="Datei „u16.toml“: Die Datei ist UTF-16-kodiert"):
        decode_toml(SMALL_TOML.encode("utf-16"), "u16.toml")


def test_the_demos_still_load():
    assert load_konzeption(BK / "konzeption.toml").k == 1.0
    assert load_konzeption(MYK / "konzeption.toml").extra["strands"]


def test_fingerprint_follows_content_not_name_or_file():
    base = parse_konzeption(SMALL_TOML, "a.toml")
    assert parse_konzeption(SMALL_TOML, "b.toml").fingerprint == base.fingerprint
    assert len(base.fingerprint) == 16 and int(base.fingerprint, 16) >= 0
    flipped = SMALL_TOML.replace('direction = "higher_is_less_need"', 'direction = "higher_is_more_need"')
    assert parse_konzeption(flipped, "a.toml").fingerprint != base.fingerprint
    assert parse_konzeption(FUNDED, "a.toml").fingerprint != parse_konzeption(
        FUNDED.replace("60000", "60001"), "a.toml").fingerprint  # the rule tables count too
    assert parse_konzeption(SMALL_TOML + "[norm_band]\nk = 1.5\n", "a.toml").fingerprint != base.fingerprint
