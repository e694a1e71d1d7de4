"""Page 'Berichte': charts and tables of yearly values (formatting only; numbers from srb_core.reports)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from srb_core.fmt import fte, num, pct
from srb_core.reports.kita_report import KitaReport

from . import texts as T
from .views import eur


def indicator_chart(frame: pd.DataFrame, projector: bool) -> alt.Chart:
    """Small multiples: one panel per indicator, the unit's values over the years (its own scale)."""
    size = 18 if projector else 13
    return alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(size=90)).encode(
        x=alt.X("Jahr:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("Wert:Q", title=None, scale=alt.Scale(zero=True)),  # from 0: a small change looks small
        tooltip=["Indikator", "Jahr", alt.Tooltip("Wert:Q", format=",.1f")],
    ).properties(width=300 if projector else 260, height=150).facet(
        facet=alt.Facet("Indikator:N", title=None, header=alt.Header(labelFontSize=size, labelLimit=330)),
        columns=4,
    ).resolve_scale(y="independent").configure_axis(labelFontSize=size)


def indicator_frame(values, level: str, key_column: str, key: str) -> pd.DataFrame:
    table = values.kita if level == "kita" else values.sozialraum
    rows = table[table[key_column] == key]
    out = []
    for ind in values.of(level):
        label = ind.label + (f" ({ind.unit})" if ind.unit and ind.unit not in ind.label else "")
        for year, value in zip(rows["jahr"], rows[ind.key], strict=True):
            if value == value:  # not NaN
                out.append({"Indikator": label, "Jahr": int(year), "Wert": float(value)})
    return pd.DataFrame(out, columns=["Indikator", "Jahr", "Wert"])


def money_table(report: KitaReport) -> pd.DataFrame:
    c = T.BR_COLS
    return pd.DataFrame([{
        "Jahr": str(m.year),
        c["zugewiesen"]: "–" if m.allocated_cents is None else eur(m.allocated_cents),
        c["verausgabt"]: "–" if m.spent_cents is None else eur(m.spent_cents),
        c["ungenutzt"]: "–" if m.unused_cents is None else eur(m.unused_cents),
        c["ausschoepfung"]: "–" if m.use_share is None else pct(m.use_share, 1),
        c["gefoerdert"]: "–" if m.funded_fte is None else fte(m.funded_fte),
        c["besetzt"]: "–" if m.filled_fte is None else fte(m.filled_fte),
        c["offen"]: "–" if m.vacant_fte is None else fte(m.vacant_fte),
    } for m in report.money]).set_index("Jahr")


def use_table(use: pd.DataFrame) -> pd.DataFrame:
    c = T.BR_COLS
    share = use["verausgabt_cents"] / use["zugewiesen_cents"].where(use["zugewiesen_cents"] > 0)
    return pd.DataFrame({
        c["sozialraum"]: use["sozialraum"],
        c["zugewiesen"]: [eur(int(v)) for v in use["zugewiesen_cents"]],
        c["verausgabt"]: [eur(int(v)) for v in use["verausgabt_cents"]],
        c["ungenutzt"]: [eur(int(v)) for v in use["ungenutzt_cents"]],
        c["ausschoepfung"]: ["–" if v != v else pct(float(v), 1) for v in share],
        c["umverteilt"]: [eur(int(v)) for v in use["umverteilt_cents"]],
        c["gefoerdert"]: [num(v, 2) for v in use["vza_gefoerdert"]],
        c["besetzt"]: [num(v, 2) for v in use["vza_besetzt"]],
        c["offen"]: [num(v, 2) for v in use["vza_offen"]],
    }).set_index(c["sozialraum"])


def area_money_table(values, data, area: str, year: int) -> pd.DataFrame | None:
    """The Sozialraum's money and posts per year up to `year` (sums of its Kitas' rows)."""
    from srb_core.reports.kita_report import budget_use

    rows = []
    for y in [y for y in values.years if y <= year]:
        use = budget_use(values, data, y)
        own = use[use["sozialraum"] == area]
        if own.empty:
            continue
        r = own.iloc[0]
        given, spent = int(r["zugewiesen_cents"]), int(r["verausgabt_cents"])
        c = T.BR_COLS
        rows.append({"Jahr": str(y), c["zugewiesen"]: eur(given), c["verausgabt"]: eur(spent),
                     c["ungenutzt"]: eur(given - spent), c["ausschoepfung"]: pct(spent / given, 1) if given else "–",
                     c["gefoerdert"]: num(float(r["vza_gefoerdert"]), 2), c["besetzt"]: num(float(r["vza_besetzt"]), 2),
                     c["offen"]: num(float(r["vza_offen"]), 2)})
    return pd.DataFrame(rows).set_index("Jahr") if rows else None
