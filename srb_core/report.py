"""Results as tables and JSON for the app, the command line and exports (no formatting for screens)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .index.normband import CLASS_NAMES
from .step1 import Result


def kita_frame(result: Result) -> pd.DataFrame:
    """One row per Kita: sub-indices, Gesamtindex, band class (key) and the Sozialraum."""
    data, konz = result.data, result.konzeption
    frame = pd.DataFrame({"kita_id": data.kita_ids, "name": data.names,
                          "sozialraum": [data.sozialraum_names[c] for c in data.sozialraum]})
    for j, sub in enumerate(konz.sub_indices):
        frame[sub] = result.kita_sub[:, j]
    frame["overall"] = result.kita_overall
    frame["band"] = [CLASS_NAMES[int(c)] for c in result.kita_class]
    frame["distance_lower"] = result.kita_overall - result.kita_band.lower
    frame["distance_upper"] = result.kita_overall - result.kita_band.upper
    return frame


def sozialraum_frame(result: Result) -> pd.DataFrame:
    """One row per Sozialraum: Kitas, children, sub-indices, Gesamtindex, band class, share and euros."""
    data, konz = result.data, result.konzeption
    frame = pd.DataFrame({"sozialraum": list(data.sozialraum_names),
                          "kitas": np.bincount(data.sozialraum, minlength=len(data.sozialraum_names))})
    if data.children is not None:
        frame["children"] = np.bincount(data.sozialraum, weights=data.children,
                                        minlength=len(data.sozialraum_names)).astype(int)
    for j, sub in enumerate(konz.sub_indices):
        frame[sub] = result.sr_sub[:, j]
    frame["overall"] = result.sr_overall
    frame["share"] = result.shares
    frame["band"] = [CLASS_NAMES[int(c)] for c in result.sr_class]
    if result.euros_cents is not None:
        frame["euros"] = result.euros_cents / 100
    return frame


def to_json(result: Result) -> dict:
    """The whole step-1 result as JSON: parameters, bands, Kitas and Sozialräume with all their numbers."""
    konz = result.konzeption
    kitas = [
        {
            "kita_id": result.data.kita_ids[i],
            "name": result.data.names[i],
            "sozialraum": result.data.sozialraum_names[result.data.sozialraum[i]],
            "sub_indices": {s: float(result.kita_sub[i, j]) for j, s in enumerate(konz.sub_indices)},
            "overall": float(result.kita_overall[i]),
            "band": CLASS_NAMES[int(result.kita_class[i])],
        }
        for i in range(result.data.n)
    ]
    sozialraeume = []
    for r, name in enumerate(result.data.sozialraum_names):
        entry = {
            "sozialraum": name,
            "sub_indices": {s: float(result.sr_sub[r, j]) for j, s in enumerate(konz.sub_indices)},
            "overall": float(result.sr_overall[r]),
            "share": float(result.shares[r]),
            "band": CLASS_NAMES[int(result.sr_class[r])],
        }
        if result.euros_cents is not None:
            entry["euros"] = int(result.euros_cents[r]) / 100
        sozialraeume.append(entry)
    return {
        "konzeption": konz.name,
        "data_fingerprint": result.data.fingerprint,
        "parameters": {
            "weights": dict(zip(konz.sub_indices, result.params.weights, strict=False)),
            "k": result.params.k, "ddof": result.params.ddof,
            "aggregation": result.params.aggregation, "allocation": result.params.allocation,
            "budget_eur": None if result.params.budget_cents is None else result.params.budget_cents / 100,
        },
        "kitas": kitas,
        "sozialraeume": sozialraeume,
        "norm_band": {"kita": result.kita_band.as_dict(), "sozialraum": result.sr_band.as_dict()},
        "warnings": list(result.data.warnings),
    }


def delta_pp(result: Result, baseline: Result) -> np.ndarray:
    """Change of each Sozialraum's share against the baseline in percentage points: (share − share_baseline) · 100."""
    return (result.shares - baseline.shares) * 100


def comparison_totals(comparison: pd.DataFrame) -> dict:
    """The sum row of a sozialraum_comparison: Σ overall index, Σ shares (1 up to rounding), Σ cents if present."""
    totals = {"overall": float(comparison["overall"].sum()), "share": float(comparison["share"].sum())}
    if "euros_cents" in comparison:
        totals["euros_cents"] = int(comparison["euros_cents"].sum())
    return totals


def sozialraum_comparison(result: Result, baseline: Result) -> pd.DataFrame:
    """Shares and euros against the adopted Konzeption: the numbers a committee asks about first."""
    if result.data.sozialraum_names != baseline.data.sozialraum_names:
        raise ValueError("results belong to different data")
    frame = pd.DataFrame({
        "sozialraum": list(result.data.sozialraum_names),
        "overall": result.sr_overall,
        "share": result.shares,
        "share_baseline": baseline.shares,
        "delta_pp": delta_pp(result, baseline),
        "band": [CLASS_NAMES[int(c)] for c in result.sr_class],
    })
    if result.euros_cents is not None and baseline.euros_cents is not None:
        frame["euros_cents"] = result.euros_cents
        frame["delta_cents"] = result.euros_cents - baseline.euros_cents
    return frame
