"""A wave comparison as JSON (schema of issue 17) and as one CSV table, for the command line."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..index.normband import CLASS_NAMES
from .engine import WaveComparison


def _num(x) -> float | None:
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def _contrib(columns: tuple[str, ...], row: np.ndarray) -> dict[str, float]:
    return {} if row[0] is None or (isinstance(row[0], float) and math.isnan(row[0])) else {
        c: float(v) for c, v in zip(columns, row, strict=True)}


def waves_json(cmp: WaveComparison) -> dict:
    """Change, contributions and transitions between the first and the last wave; values per wave.

    "overall" is the Gesamtindex on bounds pooled over all waves; "own_overall" and "own_class" come
    from each wave computed on its own (the Konzeption's per-wave rescaling and norm band).
    """
    k_change, k_contrib = cmp.kita_change()
    s_change, s_contrib = cmp.sr_change()
    kitas = []
    for i, kita_id in enumerate(cmp.kita_ids):
        kitas.append({
            "kita_id": kita_id,
            "sozialraum": cmp.kita_sozialraum[i],
            "present": [bool(p) for p in cmp.present[i]],
            "overall": [_num(v) for v in cmp.kita_overall[i]],
            "own_overall": [_num(v) for v in cmp.own_overall[i]],
            "own_class": [None if math.isnan(c) else CLASS_NAMES[int(c)] for c in cmp.own_class[i]],
            "change": _num(k_change[i]),
            "contributions": _contrib(cmp.columns, k_contrib[i]),
        })
    areas = []
    for r, name in enumerate(cmp.sozialraum_names):
        areas.append({
            "sozialraum": name,
            "overall": [_num(v) for v in cmp.sr_overall[r]],
            "share": [_num(v) for v in cmp.shares[r]],
            "euros": None if cmp.euros_cents is None else [
                None if math.isnan(c) else round(float(c)) / 100 for c in cmp.euros_cents[r]],
            "change": _num(s_change[r]),
            "contributions": _contrib(cmp.columns, s_contrib[r]),
        })
    return {
        "waves": list(cmp.labels),
        "bounds": {c: {"lower": _num(lo), "upper": _num(hi)}
                   for c, lo, hi in zip(cmp.columns, cmp.lower, cmp.upper, strict=True)},
        "kitas": kitas,
        "sozialraeume": areas,
        "transitions": [{"kita_id": k, "from": a, "to": b} for k, a, b in cmp.transitions()],
        "new_kitas": cmp.new_kitas(),
        "closed_kitas": cmp.closed_kitas(),
    }


def waves_frame(cmp: WaveComparison) -> pd.DataFrame:
    """One row per Kita and per Sozialraum ("ebene"), the Gesamtindex per wave (pooled bounds), the
    change first → last wave and one contribution column per variable."""
    doc = waves_json(cmp)
    rows = []
    for level, key, entries in (("kita", "kita_id", doc["kitas"]), ("sozialraum", "sozialraum", doc["sozialraeume"])):
        for e in entries:
            row: dict[str, object] = {"ebene": level, "kennung": e[key]}
            row.update({f"gesamtindex_{label}": v for label, v in zip(doc["waves"], e["overall"], strict=True)})
            row["veraenderung"] = e["change"]
            row.update({f"beitrag_{c}": e["contributions"].get(c) for c in cmp.columns})
            rows.append(row)
    return pd.DataFrame(rows)
