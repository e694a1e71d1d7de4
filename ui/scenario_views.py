"""Scenario lists and comparisons as display tables, and the scenario link (formatting only)."""
from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

import pandas as pd

from srb_core.fmt import fte, fte_change, pct
from srb_core.money import format_eur_change
from srb_core.pack.tables import kita_changes_frame
from srb_core.privacy import display_names
from srb_core.scenarios import Comparison, Scenario

from . import state
from . import texts as T
from .views import NBSP, eur, pp

PAGE_SLUGS = {"uebersicht", "sozialraum", "kitas", "rechenweg", "budget", "szenarien", "vergleich", "daten",
              "entwicklung", "berichte", "glossar"}


def scenario_table(scenarios: list[Scenario], fingerprint: str, changes: list[str] | None = None) -> pd.DataFrame:
    """One row per scenario; `changes` (srb_core.scenarios.change_line) says what it changes against the Beschluss."""
    return pd.DataFrame(
        {
            T.SC_COL_NAME: [s.name for s in scenarios],
            **({T.SC_COL_CHANGES: changes} if changes is not None else {}),
            T.SC_COL_AUTHOR: [s.author or "–" for s in scenarios],
            T.SC_COL_NOTE: [s.note or "" for s in scenarios],
            T.SC_COL_UPDATED: [_local(s.updated) for s in scenarios],
            T.SC_COL_DATA: [
                T.SC_DATA_OK if s.data_fingerprint in ("", fingerprint) else T.SC_DATA_OTHER for s in scenarios
            ],
        }
    )


def _local(iso: str) -> str:
    """Stored in UTC; shown in this computer's time zone, German style."""
    if not iso:
        return "–"
    return datetime.fromisoformat(iso).astimezone().strftime("%d.%m.%Y %H:%M")


def link(page_url: str | None, scenario_id: str) -> str:
    """The app's own address with ?sc=…; the page part is dropped so the link opens the start page."""
    parts = urlsplit(page_url or "http://localhost:8501/")
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1] in PAGE_SLUGS:
        segments = segments[:-1]
    path = "/" + "/".join(segments) + ("/" if segments else "")
    return urlunsplit((parts.scheme, parts.netloc, path, f"sc={scenario_id}", ""))


METRICS = {"share": "Anteil", "euros": "Euro (Schritt 1)", "fte": "Stellen (VZÄ, Schritt 2)"}


def comparison_table(c: Comparison, metric: str) -> pd.DataFrame:
    """One metric, a column per scenario and its difference to the Beschluss."""
    sr = c.sozialraeume
    value_col, value = {
        "share": ("share", lambda v: pct(v, 2).replace(" ", NBSP)),
        "euros": ("cents", lambda v: "–" if v is pd.NA else eur(int(v))),
        "fte": ("fte", lambda v: fte(v) if v == v else "–"),
    }[metric]
    delta_col, delta = {"share": ("delta_pp", pp),
                        "euros": ("delta_cents", lambda v: "–" if v is pd.NA else
                                  format_eur_change(int(v)).replace(" ", NBSP)),
                        "fte": ("delta_fte", lambda v: fte_change(v) if v == v else "–")}[metric]
    out = pd.DataFrame({T.COL_SOZIALRAUM: sr["sozialraum"]})
    for j, name in enumerate(c.names):
        tag = T.CP_BASELINE if j == 0 else name
        out[tag] = [value(v) for v in sr[f"{value_col}_{j}"]]
        if j:
            out[f"Δ {tag}"] = [delta(v) for v in sr[f"{delta_col}_{j}"]]
    return out.set_index(T.COL_SOZIALRAUM)


def kita_changes_table(c: Comparison, data, anonymised: bool) -> pd.DataFrame:
    names = display_names(data, anonymised, state.pseudonym_key())
    return kita_changes_frame(c, dict(zip(data.kita_ids, names, strict=True)))


def highlight_changes(table: pd.DataFrame, first_value_column: int = 3):
    """Cells that differ from the Beschluss column get a strong background (readable on a projector)."""
    base = table.columns[first_value_column]

    def style(row):
        return [""] * first_value_column + [
            "" if col == base or row[col] == row[base] else "background-color: #ffe08a; font-weight: 700"
            for col in table.columns[first_value_column:]]
    return table.style.apply(style, axis=1)
