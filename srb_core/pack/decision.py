"""What a committee member compares on a scenario's page: key figures, Sozialräume and changed Kitas,
each as rows of German text (Beschluss, scenario, difference)."""
from __future__ import annotations

from fractions import Fraction

import numpy as np

from ..fmt import fte, fte_change, num, pct, signed
from ..funding.report import kita_posts
from ..index.normband import BandClass
from ..money import format_eur
from ..pipeline import Outcome
from ..scenarios.compare import Comparison
from ..scenarios.describe import short_num
from ..team import area_amounts
from .tables import BAND_DE, STATUS_DE


def total_fte(o: Outcome) -> float | None:
    """Σ FTE over all Kitas and strands of the outcome's plan; None without step 2."""
    if o.plan is None or o.funding is None:
        return None
    return float(sum((p.fte for row in kita_posts(o.plan, o.funding) for p in row), Fraction(0)))


def _bands(o: Outcome) -> list[int]:
    c = o.result.kita_class
    return [int(np.sum(c == v)) for v in (1, 0, -1)]


def _eligible(o: Outcome) -> dict[str, int]:
    if o.proposal is None or o.funding is None:
        return {}
    return {s.label: int(sum(e.eligible)) for s, e in zip(o.funding.strands, o.proposal.eligibility, strict=False)}


def key_figures(base: Outcome, o: Outcome) -> list[list[str]]:
    """Rows [Kennzahl, Beschluss, Szenario, Unterschied]: weights (factor), k, the Kitas' norm band, budget,
    total FTE, Kitas above / within / below, eligible Kitas per funding strand."""
    rb, ro = base.result, o.result
    rows = []
    for name, wb, eb, wo, eo in zip(rb.konzeption.sub_indices, rb.params.weights, rb.effective_weights,
                                    ro.params.weights, ro.effective_weights, strict=False):
        factor = "–" if abs(wo - wb) < 1e-9 else (f"× {short_num(wo / wb)}" if wb else f"= {short_num(wo)}")
        rows.append([f"Gewicht {name} (wirksamer Anteil)", f"{short_num(wb)} ({pct(eb, 1)})",
                     f"{short_num(wo)} ({pct(eo, 1)})", factor])
    rows.append(["Breite des Normbereichs k (in Standardabweichungen)", short_num(rb.params.k), short_num(ro.params.k),
                 "–" if rb.params.k == ro.params.k else signed(ro.params.k - rb.params.k, 1)])
    rows.append(["Normbereich der Kitas (Punkte)", f"{num(rb.kita_band.lower, 1)} bis {num(rb.kita_band.upper, 1)}",
                 f"{num(ro.kita_band.lower, 1)} bis {num(ro.kita_band.upper, 1)}", "–"])
    bb, bo = rb.params.budget_cents, ro.params.budget_cents
    rows.append(["Budget", format_eur(bb), format_eur(bo),
                 "–" if bb == bo or bb is None or bo is None else signed((bo - bb) / 100, 2, " €")])
    fb, fo = total_fte(base), total_fte(o)
    if fb is not None and fo is not None:
        rows.append(["Stellen insgesamt (Vollzeitäquivalente)", num(fb, 2), num(fo, 2), signed(fo - fb, 2)])
    cb, co = _bands(base), _bands(o)
    rows.append([f"Kitas {' / '.join(c.label for c in BandClass)} des Normbereichs der Kitas", " / ".join(map(str, cb)),
                 " / ".join(map(str, co)), " / ".join(signed(y - x, 0) for x, y in zip(cb, co, strict=True))])
    eb_, eo_ = _eligible(base), _eligible(o)
    for label, n in eb_.items():
        m = eo_.get(label, 0)
        rows.append([f"Förderfähige Kitas: {label}", str(n), str(m), signed(m - n, 0)])
    return rows


def sozialraum_rows(c: Comparison, j: int, base: Outcome, o: Outcome) -> tuple[list[str], list[list[str]], str]:
    """Header, rows (with a sum row) and the one-sentence reason if step 2 yields other amounts than step 1."""
    sr = c.sozialraeume
    amounts = (area_amounts(o.result, o.funding, o.plan) if o.plan is not None and o.funding is not None
               else None)
    two = amounts is not None and amounts.any_differs
    header = ["Sozialraum", "Anteil Beschluss", "Anteil Szenario", "Δ Anteil (Prozentpunkte)",
              "Euro Schritt 1 Beschluss", "Euro Schritt 1 Szenario", "Δ Euro Schritt 1"]
    if two:
        header.append("Euro Schritt 2 Szenario")
    has_fte = not np.isnan(sr[f"fte_{j}"]).all()
    if has_fte:
        header += ["Stellen Beschluss", "Stellen Szenario", "Δ Stellen"]
    rows = []
    for r, rec in enumerate(sr.to_dict("records")):
        row = [str(rec["sozialraum"]), pct(rec["share_0"], 2), pct(rec[f"share_{j}"], 2),
               signed(rec[f"delta_pp_{j}"], 2),
               _eur(rec["euros_0"]), _eur(rec[f"euros_{j}"]), _signed_eur(rec[f"delta_eur_{j}"])]
        if two and amounts is not None:
            row.append(format_eur(amounts.step2_cents[r]))
        if has_fte:
            row += [fte(rec["fte_0"]), fte(rec[f"fte_{j}"]), fte_change(rec[f"delta_fte_{j}"])]
        rows.append(row)
    total = ["Summe", pct(float(sr["share_0"].sum()), 2), pct(float(sr[f"share_{j}"].sum()), 2), "",
             _eur(float(sr["euros_0"].sum())), _eur(float(sr[f"euros_{j}"].sum())), ""]
    if two and amounts is not None:
        total.append(format_eur(sum(amounts.step2_cents)))
    if has_fte:
        total += [fte(float(sr["fte_0"].sum())), fte(float(sr[f"fte_{j}"].sum())), ""]
    rows.append(total)
    return header, rows, amounts.summary if two and amounts is not None else ""


def _eur(v: float) -> str:
    return "–" if v != v else format_eur(int(round(v * 100)))


def _signed_eur(v: float) -> str:
    return "–" if v != v else signed(v, 2, " €")


def kita_change_rows(c: Comparison, j: int, label_of: dict[str, str]) -> list[list[str]]:
    """The Kitas whose band or eligibility differs between the Beschluss and scenario j."""
    rows = []
    for rec in c.kitas.to_dict("records"):
        a, b = rec["value_0"], rec[f"value_{j}"]
        if a == b:
            continue
        word = (lambda v: BAND_DE.get(v, v)) if rec["aspect"] == "band" else \
            (lambda v: STATUS_DE[None if v is None else bool(v)])
        what = "Normbereich der Kitas" if rec["aspect"] == "band" else f"Förderfähigkeit: {rec['aspect_label']}"
        rows.append([label_of[rec["kita_id"]], str(rec["sozialraum"]), what, word(a), word(b)])
    return rows


