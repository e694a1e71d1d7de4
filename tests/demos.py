"""Constants the tests share: the two demos' folders, the published step-1 table and a small hand-made
Konzeption. Tests import them from here (`from tests.demos import BK`); conftest.py only holds fixtures."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BK = ROOT / "data" / "demo" / "bad_kreuznach"
MYK = ROOT / "data" / "demo" / "mayen_koblenz"

# The published step-1 table (Bad Kreuznach Konzeption 2021, ch. 3.4), copied from the document.
PUBLISHED = {
    "Pariser Viertel": (53.0, 17.37), "Ost": (43.2, 14.15), "Nord": (39.8, 13.04), "Winzenheim": (37.5, 12.29),
    "Süd-West": (36.6, 11.98), "Planig / Ippesheim / Bosenheim": (33.5, 10.98),
    "Bad Münster am Stein-Ebernburg": (31.0, 10.16), "Innenstadt": (30.6, 10.03),
}
UNROUNDED = {"Pariser Viertel": 53.035, "Ost": 43.203, "Nord": 39.814, "Winzenheim": 37.524, "Süd-West": 36.578,
             "Planig / Ippesheim / Bosenheim": 33.525, "Bad Münster am Stein-Ebernburg": 31.021,
             "Innenstadt": 30.624}

SMALL_TOML = """
[konzeption]
name = "Klein"
[[variables]]
column = "a"
index = "A"
[[variables]]
column = "b"
index = "A"
direction = "higher_is_less_need"
[[variables]]
column = "c"
index = "B"
"""
