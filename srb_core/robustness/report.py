"""An analysis as JSON-ready data and as flat tables (CSV); shares as fractions, full precision."""
from __future__ import annotations

import math

import pandas as pd

from ..index.normband import BandClass
from ..privacy import display_ids
from .analysis import Analysis
from .uncertainty import Interval


def _num(x) -> float | None:
    x = float(x)
    return None if math.isnan(x) else x


def _interval(iv: Interval, r: int, scale: float = 1.0) -> dict:
    return {"nominal": float(iv.nominal[r]) / scale, "median": float(iv.median[r]) / scale,
            "p05": float(iv.p05[r]) / scale, "p95": float(iv.p95[r]) / scale}


def settings_json(a: Analysis) -> dict:
    """The settings and nominal parameters the analysis ran with, and the data fingerprint."""
    s = a.settings
    return {"draws": s.draws, "seed": s.seed, "spread": s.spread, "weights": s.weights, "vary": list(s.vary),
            "sobol_n": s.sobol_n, "bootstrap": s.bootstrap, "data_fingerprint": a.result.data.fingerprint,
            "konzeption": a.result.konzeption.name, "nominal_weights": list(a.result.params.weights),
            "k": a.result.params.k, "ddof": a.result.params.ddof, "aggregation": a.result.params.aggregation,
            "budget_cents": a.result.params.budget_cents}


def sozialraeume_json(a: Analysis) -> list[dict]:
    """Per Sozialraum: nominal, median and 5/95 % of share, euros and rank over the variants."""
    u = a.uncertainty
    out = []
    for r, name in enumerate(a.result.data.sozialraum_names):
        row = {"sozialraum": name, "share": _interval(u.share, r),
               "euros": _interval(u.euros_cents, r, 100.0) if u.euros_cents is not None else None,
               "rank": _interval(u.rank, r)}
        out.append(row)
    return out


def _flip_json(f) -> dict | None:
    if f.variable is None:
        return None
    return {"variable": f.variable, "current": f.current, "needed": f.needed, "score_change_points": f.score_change}


def kitas_json(a: Analysis, anonymised: bool = False, pseudonym_key: bytes | None = None) -> list[dict]:
    """Per Kita: nominal class, share of variants per class, eligibility probability and distance per index strand."""
    u, data = a.uncertainty, a.result.data
    ids = display_ids(data, anonymised, pseudonym_key)
    keys = [k for k, _ in u.strands]
    out = []
    for i in range(data.n):
        out.append({
            "kita_id": ids[i], "sozialraum": data.sozialraum_names[data.sozialraum[i]],
            "band": BandClass.of(u.nominal_class[i]).key,
            "band_probability": {BandClass.ABOVE.key: float(u.above[i]), BandClass.WITHIN.key: float(u.within[i]),
                                 BandClass.BELOW.key: float(u.below[i])},
            "eligible_probability": {k: float(u.eligible[i, s]) for s, k in enumerate(keys)},
            "eligible_nominal": {k: bool(u.nominal_eligible[i, s]) for s, k in enumerate(keys)},
            "distance_points": {k: a.flips[k][i].distance for k in keys},
            "smallest_change": {k: _flip_json(a.flips[k][i]) for k in keys},
        })
    return out


def sensitivity_json(a: Analysis) -> list[dict]:
    """Sobol first-order and total indices per input with their 90 % bootstrap intervals; [] without sensitivity."""
    s = a.sensitivity
    if s is None:
        return []
    sob = s.sobol
    return [{"input": name, "key": key, "first_order": _num(sob.first[j]), "total": _num(sob.total[j]),
             "first_order_interval": [_num(x) for x in sob.first_interval[j]],
             "total_interval": [_num(x) for x in sob.total_interval[j]]}
            for j, (name, key) in enumerate(zip(s.inputs.names, s.inputs.keys, strict=True))]


def leave_one_out_json(a: Analysis, anonymised: bool = False, pseudonym_key: bytes | None = None) -> list[dict]:
    """Per Kita (largest change first): max |Δ share| in pp, max |Δ euros| and the bound variables it holds."""
    loo, data = a.leave_one_out, a.result.data
    ids = display_ids(data, anonymised, pseudonym_key)
    order = sorted(range(data.n), key=lambda i: (-loo.max_abs_change_pp[i], i))
    return [{"kita_id": ids[i], "max_abs_share_change_pp": float(loo.max_abs_change_pp[i]),
             "max_abs_euro_change": (None if loo.max_abs_change_cents is None
                                     else int(loo.max_abs_change_cents[i]) / 100),
             "bound_variables": list(loo.bound_variables[i]),
             "shares": {name: float(loo.shares[i, r]) for r, name in enumerate(data.sozialraum_names)}}
            for i in order]


def to_json(a: Analysis, anonymised: bool = False) -> dict:
    """The whole analysis as JSON: settings, Sozialräume, Kitas, sensitivity, leave-one-out."""
    return {"settings": settings_json(a), "sozialraeume": sozialraeume_json(a), "kitas": kitas_json(a, anonymised),
            "sensitivity": sensitivity_json(a),
            "sensitivity_target": a.sensitivity.target if a.sensitivity is not None else None,
            "leave_one_out": leave_one_out_json(a, anonymised)}


def robustness_sozialraum_frame(a: Analysis) -> pd.DataFrame:
    """sozialraeume_json flattened to one row per Sozialraum."""
    rows = []
    for row in sozialraeume_json(a):
        flat = {"sozialraum": row["sozialraum"]}
        for what in ("share", "euros", "rank"):
            for q, v in (row[what] or {}).items():
                flat[f"{what}_{q}"] = v
        rows.append(flat)
    return pd.DataFrame(rows)


def robustness_kita_frame(a: Analysis, anonymised: bool = False, pseudonym_key: bytes | None = None) -> pd.DataFrame:
    """One row per Kita: band class, probability of each class and of eligibility, distance to the bound."""
    rows = []
    for row in kitas_json(a, anonymised, pseudonym_key):
        flat = {"kita_id": row["kita_id"], "sozialraum": row["sozialraum"], "band": row["band"]}
        flat.update({f"p_{k}": v for k, v in row["band_probability"].items()})
        for key, p in row["eligible_probability"].items():
            flat[f"p_eligible_{key}"] = p
            flat[f"distance_{key}"] = row["distance_points"][key]
            change = row["smallest_change"][key]
            flat[f"flip_variable_{key}"] = change["variable"] if change else ""
            flat[f"flip_needed_{key}"] = change["needed"] if change else None
        rows.append(flat)
    return pd.DataFrame(rows)


def frames(a: Analysis, level: str, anonymised: bool = False, pseudonym_key: bytes | None = None) -> pd.DataFrame:
    """The analysis as one CSV frame for the level asked (kita, sozialraum, sensitivity, leave_one_out)."""
    if level == "kita":
        return robustness_kita_frame(a, anonymised, pseudonym_key)
    if level == "sensitivity":
        return pd.DataFrame(sensitivity_json(a), columns=["input", "key", "first_order", "total",
                                                         "first_order_interval", "total_interval"])
    if level == "leave_one_out":
        rows = leave_one_out_json(a, anonymised, pseudonym_key)
        return pd.DataFrame([{k: v for k, v in r.items() if k != "shares"} | r["shares"] for r in rows])
    return robustness_sozialraum_frame(a)
