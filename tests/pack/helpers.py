"""Helpers of the pack tests (imported by them; conftest.py holds only fixtures)."""
from srb_core.pack.build import pack_input

EVIL = '=HYPERLINK("http://x")'


def make_input(outcomes, anonymised=False, geojson=None):
    return pack_input(outcomes, len(outcomes) - 1, anonymised=anonymised, dataset_label="Bad Kreuznach", demo=True,
                      geojson=geojson, generated="22. November 2026, 09:00 Uhr")
