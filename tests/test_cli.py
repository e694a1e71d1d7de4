"""The command line: JSON shape, weights option, and a clean German refusal with exit code 2."""
import json
import subprocess
import sys

import pytest
from conftest import BK, PUBLISHED, ROOT


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
