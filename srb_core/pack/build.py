"""One entry point for the committee pack, shared by the app and the command line."""
from __future__ import annotations

from datetime import datetime

from ..data import KitaData
from ..errors import ParameterError, Problem
from ..konzeption import Konzeption
from ..pipeline import Outcome, evaluate
from ..privacy import new_key
from ..scenarios import Scenario, baseline_scenario
from .dates import german_datetime
from .tables import PackInput
from .xlsx import pack_xlsx

FORMATS = ("xlsx", "pdf")


def now_text() -> str:
    """"22. November 2026, 13:32 Uhr": the pack is read by people, not parsed."""
    return german_datetime(datetime.now())


def pack_input(outcomes: list[Outcome], main: int, *, anonymised: bool, dataset_label: str, demo: bool,
               geojson: dict | None = None, generated: str | None = None, question: str = "",
               pseudonym_key: bytes | None = None) -> PackInput:
    """`pseudonym_key`: the app passes its session's key so codes match the screen; a new secret otherwise."""
    return PackInput(tuple(outcomes), main, anonymised, dataset_label, demo, generated or now_text(), geojson,
                     question, new_key() if pseudonym_key is None else pseudonym_key)


def render(p: PackInput, fmt: str, robustness=None) -> bytes:
    """robustness: an srb_core.robustness.Analysis whose page the PDF gets in addition (optional)."""
    if fmt == "xlsx":
        return pack_xlsx(p)
    if fmt == "pdf":
        from .pdf import pack_pdf  # fpdf2 is only imported when a PDF is wanted
        return pack_pdf(p, robustness)
    raise ParameterError(Problem("Unbekanntes Format für das Ausschuss-Paket.", value=fmt, expected="xlsx oder pdf"))


def build_pack(data: KitaData, konzeption: Konzeption, scenarios: list[Scenario], fmt: str, *, anonymised: bool = False,
               dataset_label: str = "", demo: bool | None = None, geojson: dict | None = None,
               dataset_key: str = "") -> bytes:
    """The pack for the baseline plus `scenarios` (the last one is described in detail)."""
    outcomes = [evaluate(data, konzeption, baseline_scenario(konzeption, dataset_key, data.fingerprint))]
    outcomes += [evaluate(data, konzeption, s) for s in scenarios]
    p = pack_input(outcomes, len(outcomes) - 1, anonymised=anonymised, dataset_label=dataset_label or konzeption.name,
                   demo=konzeption.demo if demo is None else demo, geojson=geojson)
    return render(p, fmt)
