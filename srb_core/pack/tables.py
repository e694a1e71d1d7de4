"""The committee pack as tables: one frame per sheet, German headers, exact numbers.

XLSX and PDF are both built from these frames, so the two can never disagree with each other;
the values are the engine's own (shares as fractions, euros from whole cents).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from .. import report
from ..fmt import num, param, pct
from ..funding.model import Rule, Step2Model
from ..funding.report import kita_posts, plan_sozialraum_frame
from ..index.normband import BandClass
from ..money import format_eur
from ..pipeline import Outcome
from ..privacy import display_names, pseudonyms
from ..scenarios.compare import Comparison, compare
from .dates import german_stamp
from .method import AGGREGATION, ALLOCATION

SHEETS = ("Parameter", "Sozialräume", "Kitas", "Förderstränge", "Rechenweg", "Vergleich")
BAND_DE = {c.key: c.label for c in BandClass}  # key in the report frames → German
STATUS_DE = {True: "förderfähig", False: "nicht förderfähig", None: "–"}


@dataclass(frozen=True)
class PackInput:
    """What a committee pack shows: the outcomes (Beschluss first), which one is described in detail, and how."""

    outcomes: tuple[Outcome, ...]  # [0] is the reference (the adopted Konzeption), the rest scenarios
    main: int  # which outcome the detail sheets describe
    anonymised: bool
    dataset_label: str
    demo: bool
    generated: str  # date and time of the export, as shown in the pack
    geojson: dict | None = None  # Sozialraum shapes (EPSG:4326, property "sozialraum") for the PDF map
    question: str = ""  # the decision question on the PDF's title page
    pseudonym_key: bytes = field(default=b"", repr=False)  # secret of the session: codes match the screen

    @property
    def outcome(self) -> Outcome:
        """The outcome the detail sheets describe: outcomes[main]."""
        return self.outcomes[self.main]


def kita_labels(o: Outcome, p: PackInput) -> list[str]:
    """Kita names as shown: real names, or the session's neutral codes when anonymised."""
    return display_names(o.result.data, p.anonymised, p.pseudonym_key)


def parameter_frame(p: PackInput) -> pd.DataFrame:
    """Sheet 'Parameter': scenario, data set, fingerprints, weights, k, aggregation, allocation, budget."""
    o = p.outcome
    s, r, konz = o.scenario, o.result, o.result.konzeption
    rows = [("Szenario", s.name), ("Autor/in", s.author or "–"), ("Notiz", s.note or "–"),
            ("Datensatz", p.dataset_label + (" (synthetische Demo-Daten)" if p.demo else "")),
            ("Konzeption", konz.name), ("Daten-Fingerabdruck", r.data.fingerprint),
            ("Fingerabdruck beim Speichern", s.data_fingerprint or "–"),
            ("Gespeichert", german_stamp(s.updated) if s.updated else "–"), ("Exportiert", p.generated),
            ("Anonymisiert", "ja (Kita-Namen durch Codes ersetzt)" if p.anonymised else "nein")]
    for name, w, e in zip(konz.sub_indices, r.params.weights, r.effective_weights, strict=False):
        rows.append((f"Gewicht {name}", f"{num(w, 2)} (wirksam {pct(e, 1)})"))
    rows += [("Normbereich k", f"± {param(r.params.k)} Standardabweichungen"),
             ("Sozialraumwert", AGGREGATION.get(r.params.aggregation, r.params.aggregation)),
             ("Verteilung Schritt 1", ALLOCATION.get(r.params.allocation, r.params.allocation)),
             ("Budget", format_eur(r.params.budget_cents) if r.params.budget_cents is not None else "–")]
    if o.funding is not None:
        for strand in o.funding.strands:
            share = ("auf Antrag" if strand.rule == Rule.ON_REQUEST else "Sockelbetrag je Kita plus Aufstockung"
                     if o.funding.step2.model == Step2Model.BASE_PLUS_TOPUP else pct(float(strand.share), 1))
            rows.append((f"Förderstrang {strand.label}", share))
    if o.adjustment_problems:
        rows.append(("Manuelle Anpassungen", "nicht übernommen: " + " ".join(o.adjustment_problems)))
    elif s.adjustments:
        rows.append(("Manuelle Anpassungen", f"{len(s.adjustments)} übernommen (siehe Förderstränge)"))
    return pd.DataFrame(rows, columns=["Angabe", "Wert"])


SR_COLUMNS = {"sozialraum": "Sozialraum", "kitas": "Kitas", "overall": "Gesamtindex", "band": "Normbereich",
              "share": "Anteil", "euros": "Euro"}


def pack_sozialraum_frame(p: PackInput) -> pd.DataFrame:
    """The engine's Sozialraum table (report.sozialraum_frame) with German headers, plus step 2."""
    o = p.outcome
    konz = o.result.konzeption
    frame = report.sozialraum_frame(o.result).rename(columns=SR_COLUMNS)
    frame["Normbereich"] = frame["Normbereich"].map(BAND_DE)
    order = ["Sozialraum", "Kitas", *konz.sub_indices, "Gesamtindex", "Normbereich", "Anteil"]
    frame = frame[order + (["Euro"] if "Euro" in frame else [])]  # the children column stays out of the pack
    if o.plan is not None and o.funding is not None:
        plan = plan_sozialraum_frame(o.result, o.funding, o.plan)
        frame["Zugewiesen Euro"] = plan["allocated_eur"].to_numpy()
        frame["Stellen (VZÄ)"] = plan["fte"].to_numpy()
    return frame


KITA_COLUMNS = {"sozialraum": "Sozialraum", "overall": "Gesamtindex", "band": "Normbereich",
                "distance_lower": "Abstand untere Grenze", "distance_upper": "Abstand obere Grenze"}


def pack_kita_frame(p: PackInput) -> pd.DataFrame:
    """The engine's Kita table (report.kita_frame) with German headers and, if wanted, neutral codes."""
    o = p.outcome
    frame = report.kita_frame(o.result).drop(columns=["kita_id", "name"]).rename(columns=KITA_COLUMNS)
    frame["Normbereich"] = frame["Normbereich"].map(BAND_DE)
    frame.insert(0, "Kita", kita_labels(o, p))
    if o.plan is not None and o.funding is not None:
        posts = kita_posts(o.plan, o.funding)
        frame["Euro Schritt 2"] = [sum(row) / 100 for row in o.plan.cents]
        frame["Stellen (VZÄ)"] = [float(sum((x.fte for x in row), Fraction(0))) for row in posts]
    return frame


def strand_frame(p: PackInput) -> pd.DataFrame:
    """Sheet 'Förderstränge': per Kita and strand status, reason, euros, FTE and any adjustment."""
    o = p.outcome
    columns = ["Kita", "Sozialraum", "Förderstrang", "Status", "Begründung", "Euro", "Stellen (VZÄ)", "Anpassung"]
    if o.plan is None or o.funding is None or o.proposal is None:
        return pd.DataFrame(columns=columns)
    data = o.result.data
    labels = kita_labels(o, p)
    posts = kita_posts(o.plan, o.funding)
    adjusted = {(a.kita_id, a.strand): a.reason for a in o.scenario.adjustments} if not o.adjustment_problems else {}
    rows = []
    for i in range(data.n):
        for s, strand in enumerate(o.funding.strands):
            e = o.proposal.eligibility[s]
            if not e.eligible[i] and not o.plan.cents[i][s]:
                continue
            rows.append(
                [
                    labels[i],
                    data.sozialraum_names[data.sozialraum[i]],
                    strand.label,
                    STATUS_DE[bool(e.eligible[i])],
                    _anonymise(e.reasons[i], data, p),
                    o.plan.cents[i][s] / 100,
                    float(posts[i][s].fte),
                    _anonymise(adjusted.get((data.kita_ids[i], strand.key), ""), data, p),
                ]
            )
    return pd.DataFrame(rows, columns=columns)


def _anonymise(text: str, data, p: PackInput) -> str:
    if not p.anonymised:
        return text
    codes = pseudonyms(data, p.pseudonym_key)
    for kita_id, name in zip(data.kita_ids, data.names, strict=False):
        text = text.replace(name, codes[kita_id])
    return text


def rechenweg_frame(p: PackInput) -> pd.DataFrame:
    """Every standard score: raw answer, range over all Kitas, direction, 0–100 value."""
    o = p.outcome
    r, data, konz = o.result, o.result.data, o.result.konzeption
    labels = kita_labels(o, p)
    rows = []
    for i in range(data.n):
        for v, var in enumerate(konz.variables):
            raw = data.values[i, v]
            rows.append([labels[i], var.index, var.title, None if raw != raw else float(raw),
                         float(r.minimum[v]), float(r.maximum[v]),
                         "mehr = mehr Bedarf" if var.more_is_need else "weniger = mehr Bedarf",
                         None if r.scores[i, v] != r.scores[i, v] else float(r.scores[i, v])])
    return pd.DataFrame(rows, columns=["Kita", "Teilindex", "Merkmal", "Rohwert", "Minimum", "Maximum", "Richtung",
                                       "Standardwert"])


def comparison_frames(p: PackInput) -> tuple[pd.DataFrame, pd.DataFrame, Comparison]:
    """The sheet 'Vergleich': share, euros and FTE per Sozialraum and outcome, and the Kitas that change."""
    c = compare(list(p.outcomes))
    sr = pd.DataFrame({"Sozialraum": c.sozialraeume["sozialraum"]})
    for j, name in enumerate(c.names):
        tag = "Beschluss" if j == 0 else name
        sr[f"Anteil · {tag}"] = c.sozialraeume[f"share_{j}"]
        sr[f"Euro · {tag}"] = c.sozialraeume[f"euros_{j}"]
        sr[f"VZÄ · {tag}"] = c.sozialraeume[f"fte_{j}"]
        if j:
            sr[f"Δ pp · {tag}"] = c.sozialraeume[f"delta_pp_{j}"]
            sr[f"Δ Euro · {tag}"] = c.sozialraeume[f"delta_eur_{j}"]
            sr[f"Δ VZÄ · {tag}"] = c.sozialraeume[f"delta_fte_{j}"]
    data = p.outcomes[0].result.data
    return (
        sr,
        kita_changes_frame(c, dict(zip(data.kita_ids, kita_labels(p.outcomes[0], p), strict=False))),
        c,
    )


def kita_changes_frame(c: Comparison, label_of: dict[str, str]) -> pd.DataFrame:
    """The Kitas whose band or eligibility changes, in German words (pack sheet and comparison page)."""
    kitas = pd.DataFrame({"Kita": [label_of[k] for k in c.kitas["kita_id"]], "Sozialraum": c.kitas["sozialraum"],
                          "Was ändert sich": c.kitas["aspect_label"]})
    for j, name in enumerate(c.names):
        kitas["Beschluss" if j == 0 else name] = [
            BAND_DE.get(v, v) if a == "band" else STATUS_DE[None if v is None else bool(v)]
            for a, v in zip(c.kitas["aspect"], c.kitas[f"value_{j}"], strict=False)]
    return kitas


def pack_tables(p: PackInput) -> dict[str, pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]]:
    """Every sheet of the pack as frames: Parameter, Sozialräume, Kitas, Förderstränge, Rechenweg, Vergleich."""
    sr, kitas, _ = comparison_frames(p)
    return {"Parameter": parameter_frame(p), "Sozialräume": pack_sozialraum_frame(p), "Kitas": pack_kita_frame(p),
            "Förderstränge": strand_frame(p), "Rechenweg": rechenweg_frame(p), "Vergleich": (sr, kitas)}
