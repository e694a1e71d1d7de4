"""The command line: JSON shape, weights option, and a clean German refusal with exit code 2."""
import json
import subprocess
import sys

import pytest

from tests.demos import BK, PUBLISHED, ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "srb_core", *args], capture_output=True, text=True, cwd=ROOT)


def test_compute_json_reproduces_published_shares_and_budget():
    out = run("compute", "--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"),
              "--budget", "488897.00")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert set(doc["norm_band"]) == {"kita", "sozialraum"}
    assert {"mean", "lower", "upper"} <= set(doc["norm_band"]["kita"])
    areas = {s["sozialraum"]: s for s in doc["sozialraeume"]}
    for name, (_, share) in PUBLISHED.items():
        assert round(areas[name]["share"] * 100, 2) == share
    assert round(sum(s["euros"] for s in doc["sozialraeume"]), 2) == 488897.00
    kita = doc["kitas"][0]
    assert {"kita_id", "sozialraum", "sub_indices", "overall", "band"} <= set(kita)
    assert kita["band"] in ("above", "within", "below")


def test_weights_option_changes_the_result():
    base = json.loads(run("compute", "--kitas", str(BK / "kitas.csv"), "--konzeption",
                          str(BK / "konzeption.toml")).stdout)
    out = run("compute", "--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"),
              "--weights", "Soziale Lage=2,Allgemeiner Bedarf=1")
    doc = json.loads(out.stdout)
    assert doc["parameters"]["weights"]["Soziale Lage"] == 2
    assert doc["sozialraeume"][0]["share"] != base["sozialraeume"][0]["share"]


@pytest.mark.parametrize("args, needle", [
    (["--weights", "Sozial=2"], "Unbekannter Teilindex in --weights"),
    (["--weights", "Soziale Lage=0,Allgemeiner Bedarf=0,Flucht und Migration=0,Infrastruktur und Netzwerke=0"],
     "Alle Gewichte sind 0"),
    (["--budget", "12,345"], "mehr als zwei Nachkommastellen"),
])
def test_bad_parameters_exit_2_without_traceback(args, needle):
    out = run("compute", "--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"), *args)
    assert out.returncode == 2
    assert needle in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_file_exit_2_names_row_and_column(tmp_path):
    bad = (BK / "kitas.csv").read_text(encoding="utf-8").splitlines()
    header = bad[0].split(",")
    cells = bad[3].split(",")
    cells[header.index("anteil_nicht_deutsch_zuhause")] = "viele"
    bad[3] = ",".join(cells)
    path = tmp_path / "kaputt.csv"
    path.write_text("\n".join(bad), encoding="utf-8")
    out = run("compute", "--kitas", str(path), "--konzeption", str(BK / "konzeption.toml"))
    assert out.returncode == 2
    assert "Datei „kaputt.csv“, Zeile 4, Spalte „anteil_nicht_deutsch_zuhause“, Wert „viele“" in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_file_exit_2():
    out = run("compute", "--kitas", "gibtsnicht.csv", "--konzeption", str(BK / "konzeption.toml"))
    assert out.returncode == 2 and "nicht gefunden" in out.stderr


def test_csv_format():
    out = run("compute", "--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"),
              "--format", "csv")
    assert out.returncode == 0
    assert out.stdout.splitlines()[0].startswith("sozialraum,kitas,children,Allgemeiner Bedarf")


def test_plan_json_has_eligibility_reasons_euros_and_posts():
    myk = ROOT / "data" / "demo" / "mayen_koblenz"
    out = run("plan", "--kitas", str(myk / "kitas.csv"), "--konzeption", str(myk / "konzeption.toml"))
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    kita = doc["kitas"][0]
    assert {"kita_id", "sozialraum", "eligible", "reasons", "euros", "fte"} <= set(kita)
    assert set(kita["eligible"]) == {"kita_sozialarbeit", "betriebserlaubnis"}
    area = doc["sozialraeume"][0]
    assert {"sozialraum", "budget_eur", "allocated_eur", "fte", "remainder_eur"} <= set(area)
    assert round(sum(a["allocated_eur"] for a in doc["sozialraeume"]), 2) == 2_350_000.00
    # every Kita with money is eligible, and its reason says why
    for k in doc["kitas"]:
        if k["euros"]["kita_sozialarbeit"] > 0:
            assert k["eligible"]["kita_sozialarbeit"] and k["reasons"]["kita_sozialarbeit"].startswith("trifft zu")


def test_plan_without_strands_exit_2(tmp_path):
    text = (BK / "konzeption.toml").read_text(encoding="utf-8").split("# --- Förderstränge")[0]
    path = tmp_path / "ohne.toml"
    path.write_text(text, encoding="utf-8")
    out = run("plan", "--kitas", str(BK / "kitas.csv"), "--konzeption", str(path))
    assert out.returncode == 2 and "keine Förderstränge" in out.stderr


# --- issue 10: every refusal is German, exit 2, no traceback -----------------------------------------------------

def _refused(out, *needles):
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr
    for needle in needles:
        assert needle in out.stderr, out.stderr


def _compute(*args):
    return run("compute", "--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"), *args)


@pytest.mark.parametrize("budget", ["92233720368547758.08", "1000000000000.01", "1e30"])
def test_budget_above_a_trillion_is_refused(budget):
    _refused(_compute("--budget", budget), f"Wert „{budget}“: Das Budget ist größer als der Höchstbetrag von "
             "1.000.000.000.000 €")


@pytest.mark.parametrize("k, shown", [("1e308", "1e+308"), ("-0.5", "-0.5"), ("3.5", "3.5"), ("nan", None),
                                      ("inf", None)])
def test_k_outside_its_range_is_refused_and_no_infinity_is_written(k, shown):
    out = _compute("--k", k)
    if shown is None:  # not even a finite number: refused by the German argument parser
        _refused(out, f"„{k}“ ist keine endliche Zahl")
    else:
        _refused(out, f"Option „--k“, Wert „{shown}“: Die Breite des Normbereichs ist keine zulässige Zahl. "
                 "Erwartet: eine Zahl von 0 bis 3")
    assert "Infinity" not in out.stdout and out.stdout == ""


def test_csv_output_keeps_formula_text_inert(tmp_path):
    lines = (BK / "kitas.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("name")] = '"=HYPERLINK(""http://203.0.113.9/x"",""Klick"")"'
    lines[1] = ",".join(cells)
    path = tmp_path / "formel.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    for command in ("compute", "plan"):
        out = run(command, "--kitas", str(path), "--konzeption", str(BK / "konzeption.toml"), "--format", "csv",
                  "--level", "kita", "--budget", "488897.00")
        assert out.returncode == 0, out.stderr
        row = out.stdout.splitlines()[1]
        assert row.startswith("BK01,\"'=HYPERLINK(") or ",\"'=HYPERLINK(" in row, row
        assert ",=HYPERLINK" not in out.stdout and ',"=HYPERLINK' not in out.stdout


def test_export_map_must_have_the_sozialraeume_of_the_data(tmp_path):
    doc = json.loads((ROOT / "geodata" / "bad_kreuznach.geojson").read_text(encoding="utf-8"))
    dropped = doc["features"].pop(0)["properties"]["sozialraum"]
    doc["features"][0]["properties"]["sozialraum"] = "Neustadt"
    renamed = [f for f in json.loads((ROOT / "geodata" / "bad_kreuznach.geojson").read_text(encoding="utf-8"))
               ["features"]][1]["properties"]["sozialraum"]
    path = tmp_path / "karte.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = run("export", "--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"),
              "--map", str(path), "--out", str(tmp_path / "paket.pdf"))
    _refused(out, "Die Karte passt nicht zur Kita-Tabelle.",
             f"Der Sozialraum „{dropped}“ der Kita-Tabelle hat keine Fläche in der Karte.",
             f"Der Sozialraum „{renamed}“ der Kita-Tabelle hat keine Fläche in der Karte.",
             "Die Fläche „Neustadt“ hat keine Kita in der Kita-Tabelle.")
    assert not (tmp_path / "paket.pdf").exists()


def _scenario_file(tmp_path, bk_konzeption, bk_data, **changes):
    from srb_core.scenarios import baseline_scenario, dumps
    s = baseline_scenario(bk_konzeption, "bad_kreuznach", bk_data.fingerprint).with_(id="", name="Probe", **changes)
    path = tmp_path / "szenario.json"
    path.write_text(dumps(s), encoding="utf-8")
    return path


def _export(scenario, out):
    return run("export", "--kitas", str(BK / "kitas.csv"), "--konzeption", str(BK / "konzeption.toml"),
               "--scenario", str(scenario), "--out", str(out))


def test_scenario_with_400_digit_number_or_deep_nesting_is_refused(tmp_path, bk_konzeption, bk_data):
    path = _scenario_file(tmp_path, bk_konzeption, bk_data)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"k": 1.0', '"k": 1' + "0" * 400), encoding="utf-8")
    _refused(_export(path, tmp_path / "p.xlsx"), "Datei „szenario.json“: Die Datei enthält eine Zahl mit 401 Stellen")
    path.write_text(text.replace('"note": "', '"author": ' + "[" * 50_000 + "]" * 50_000 + ', "x": "'),
                    encoding="utf-8")
    _refused(_export(path, tmp_path / "p.xlsx"), "Die Datei ist zu tief verschachtelt")


def test_20000_character_note_gives_a_pdf(tmp_path, bk_konzeption, bk_data):
    path = _scenario_file(tmp_path, bk_konzeption, bk_data, note="Begründung " * 1_820)
    out = _export(path, tmp_path / "paket.pdf")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "paket.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("change, needle", [
    (("cost_per_fte_eur = 78000.00 }", "cost_per_fte_eur = 78000.00, hours_per_fte = -39 }"),
     "Spalte „staff.sozialarbeit.hours_per_fte“, Wert „-39“: Die Wochenstunden einer Vollzeitstelle müssen größer "
     "als 0"),
    (("\n[staff]\n", "\n[[staff]]\n"), "„staff“ ist falsch geschrieben"),
    (('staff_type = "sozialarbeit"', 'staff_type = ["sozialarbeit"]'), "Spalte „strands[1].staff_type“"),
    (('columns = ["kein_zugang_beratung", "wohngebiet_entwicklungsbedarf"]', "columns = 5"),
     "Spalte „strands[1].columns“, Wert „5“: Der Wert hat die falsche Art."),
    (("\n[posts]\n", "\n[[posts]]\n"), "„posts“ ist falsch geschrieben"),
    (("\n[step2]\n", "\n[[step2]]\n"), "„step2“ ist falsch geschrieben"),
    (("\n[weights]\n", "\n[wieghts]\n"), "Spalte „wieghts“: Unbekannte Tabelle (Tippfehler?). Erwartet: „weights“"),
    (("\n[norm_band]\n", "\n[norm_bnad]\n"), "Erwartet: „norm_band“ (Tippfehler?)"),
])
def test_konzeption_mistakes_exit_2_in_german(tmp_path, change, needle):
    text = (ROOT / "data" / "demo" / "mayen_koblenz" / "konzeption.toml").read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / "konzeption.toml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    out = run("plan", "--kitas", str(ROOT / "data" / "demo" / "mayen_koblenz" / "kitas.csv"), "--konzeption", str(path))
    _refused(out, "Datei „konzeption.toml“", needle)
