"""The command line speaks German: usage, help, argparse errors and OS errors; exit code 2."""
from __future__ import annotations

import errno
import subprocess
import sys

import pytest

from srb_core.argparse_de import finite_number, os_error_text, translate
from tests.demos import ROOT

BK = "data/demo/bad_kreuznach"
ENGLISH = ("usage:", "error:", "the following arguments", "unrecognized", "invalid choice", "expected one",
           "show this help", "options:", "No such file", "Permission denied", "Traceback")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "srb_core", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("args, needle", [
    ([], "Diese Angaben fehlen: BEFEHL"),
    (["compute"], "Diese Angaben fehlen: --kitas, --konzeption"),
    (["rechne"], "Bei BEFEHL ist 'rechne' nicht möglich"),
    (["compute", "--kitas", "a.csv", "--konzeption", "b.toml", "--format", "xml"],
     "Bei --format ist 'xml' nicht möglich; erlaubt: 'json', 'csv'"),
    (["compute", "--kitas", "a.csv", "--konzeption", "b.toml", "--k"], "Nach --k fehlt ein Wert"),
    (["compute", "--kitas", "a.csv", "--konzeption", "b.toml", "--k", "1e999"], "„1e999“ ist keine endliche Zahl"),
    (["compute", "--kitas", "a.csv", "--konzeption", "b.toml", "--k", "breit"], "„breit“ ist keine Zahl"),
    (["compute", "--kitas", "a.csv", "--konzeption", "b.toml", "--farbe", "rot"], "Unbekannte Angaben: --farbe rot"),
])
def test_argument_errors_are_german(args, needle):
    out = run(*args)
    assert out.returncode == 2
    assert needle in out.stderr and out.stderr.startswith("Aufruf: python -m srb_core")
    assert not any(word in out.stderr for word in ENGLISH), out.stderr


def test_help_is_german():
    out = run("compute", "--help")
    assert out.returncode == 0
    assert "Aufruf:" in out.stdout and "Optionen:" in out.stdout and "diese Hilfe zeigen" in out.stdout
    assert not any(word in out.stdout for word in ENGLISH)


def test_weights_error_names_the_option_not_a_column():
    out = run("compute", "--kitas", f"{BK}/kitas.csv", "--konzeption", f"{BK}/konzeption.toml", "--weights", "X=2")
    assert out.returncode == 2
    assert "Option „--weights“" in out.stderr and "Spalte" not in out.stderr


def test_missing_output_folder_is_created_and_unwritable_target_is_one_german_sentence(tmp_path):
    target = tmp_path / "neu" / "paket.xlsx"
    out = run("export", "--kitas", f"{BK}/kitas.csv", "--konzeption", f"{BK}/konzeption.toml", "--out", str(target))
    assert out.returncode == 0 and target.stat().st_size > 1000
    blocked = tmp_path / "datei"
    blocked.write_text("x")
    out = run("export", "--kitas", f"{BK}/kitas.csv", "--konzeption", f"{BK}/konzeption.toml",
              "--out", str(blocked / "paket.xlsx"))
    assert out.returncode == 2
    assert (
        out.stderr.strip()
        == f"Fehler: Im Pfad „{blocked / 'paket.xlsx'}“ gibt es einen Teil schon als Datei, wo ein Ordner nötig ist."
    )


def test_os_error_texts_name_the_file():
    assert os_error_text(FileNotFoundError(errno.ENOENT, "No such file", "a.csv")) == "Die Datei „a.csv“ gibt es nicht."
    assert "Berechtigung" in os_error_text(PermissionError(errno.EACCES, "Permission denied", "b.toml"))
    assert os_error_text(OSError(errno.EIO, "I/O error", "c")) == (
        "Die Datei „c“ kann nicht gelesen oder geschrieben werden (Fehlernummer 5).")


def test_translation_table_and_numbers():
    assert translate("unrecognized arguments: --x") == "Unbekannte Angaben: --x"
    assert translate("something new") == "something new"
    assert finite_number("0,5") == 0.5 and finite_number(" 2 ") == 2.0
    for bad in ("nan", "inf", "-inf", "1e400", "x"):
        with pytest.raises(Exception, match="Zahl"):
            finite_number(bad)
