"""The robustness analysis as German tables and Altair charts (formatting only; numbers from srb_core)."""
from __future__ import annotations

import re

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from srb_core.fmt import num
from srb_core.privacy import display_names
from srb_core.report import delta_pp
from srb_core.robustness import Analysis

from . import cache, state
from . import texts as T
from .views import NBSP, eur, eur_change, pp, signed

RANGE, MEDIAN, NOMINAL = "#0b5394", "#111111", "#e69138"
GERMAN_NUMBER = "replace(datum.label, '.', ',')"  # axis labels with a decimal comma
# st.table renders its cells as Markdown: names from the data get a backslash before every ASCII
# punctuation character with a meaning there (shown as nothing), "-", "+", "=" and "1." only at the
# start, and an invisible word joiner keeps "www." and "@" from becoming links. Branch i10b brings
# ui/escape.md_table for the whole app; after that merge this module should use it instead.
_MD_ANYWHERE = re.compile(r"([\\`*_{}\[\]()<>#!|$~&:@])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=])(?=\s|\2|$)|^(\s*\d+)([.)])(?=\s|$)")


def md_cell(text: object) -> str:
    flat = _MD_ANYWHERE.sub(r"\\\1", " ".join(str(text).splitlines()))
    flat = re.sub(r"(www)\.", "\\1\u2060\\.", flat, flags=re.IGNORECASE).replace("\\@", "\u2060\\@")
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}",
                              flat)


def md_table(frame: pd.DataFrame, columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """A copy for st.table in which the index and the named text columns show as plain text."""
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = out[column].map(md_cell)
    out.index = out.index.map(lambda v: md_cell(v) if isinstance(v, str) else v)
    return out


def _pct(fraction: float, digits: int = 2) -> str:
    return num(fraction * 100, digits) + NBSP + "%"


def _size(projector: bool) -> int:
    return 18 if projector else 13


def share_chart(a: Analysis, projector: bool) -> alt.LayerChart:
    """Dot and whisker per Sozialraum (as COINr's plot_uncertainty): 5–95 % line, median dot, nominal diamond."""
    u, names = a.uncertainty, list(a.result.data.sozialraum_names)
    frame = pd.DataFrame({T.COL_SOZIALRAUM: names, "p05": u.share.p05 * 100, "p95": u.share.p95 * 100,
                          "median": u.share.median * 100, "nominal": u.share.nominal * 100})
    order = [names[r] for r in np.argsort(-u.share.nominal, kind="stable")]
    size = _size(projector)
    y = alt.Y(f"{T.COL_SOZIALRAUM}:N", sort=order, title=None)
    tooltip = [T.COL_SOZIALRAUM, alt.Tooltip("nominal:Q", title=T.RB_COL_NOMINAL, format=".2f"),
               alt.Tooltip("median:Q", title=T.RB_COL_MEDIAN, format=".2f"),
               alt.Tooltip("p05:Q", title="5 %", format=".2f"), alt.Tooltip("p95:Q", title="95 %", format=".2f")]
    base = alt.Chart(frame).encode(y=y, tooltip=tooltip)
    whisker = base.mark_rule(strokeWidth=6 if projector else 4, color=RANGE).encode(
        x=alt.X("p05:Q", title=f"{T.COL_SHARE} (%)", scale=alt.Scale(zero=False),
                axis=alt.Axis(labelExpr=GERMAN_NUMBER, tickCount=6)), x2="p95:Q")
    median = base.mark_point(filled=True, size=size * 12, color=MEDIAN, opacity=1).encode(x="median:Q")
    nominal = base.mark_point(shape="diamond", filled=True, size=size * 14, color=NOMINAL, stroke="#111111",
                              strokeWidth=1, opacity=1).encode(x="nominal:Q")
    chart = (whisker + median + nominal).properties(height=max(200, (52 if projector else 34) * len(names) + 50))
    return chart.configure_axis(labelFontSize=size, titleFontSize=size, labelLimit=380, labelOverlap=False,
                                labelColor="#111111", titleColor="#111111")


CSS = """<style>
/* Seven columns on a 1280 px projector: smaller type and no break inside a range. */
.st-key-rb-shares div[data-testid="stTable"] td, .st-key-rb-shares div[data-testid="stTable"] th
    {padding: 0.3rem 0.45rem !important;}
@media (max-width: 1500px) {
  .st-key-rb-shares div[data-testid="stTable"] table {font-size: 0.78rem !important;}
}
</style>"""


def share_table(a: Analysis) -> pd.DataFrame:
    u = a.uncertainty
    rows = []
    for r, name in enumerate(a.result.data.sozialraum_names):
        row = {T.COL_SOZIALRAUM: name, T.RB_COL_NOMINAL: _pct(u.share.nominal[r]),
               T.RB_COL_MEDIAN: _pct(u.share.median[r]),
               T.RB_COL_RANGE: f"{_pct(u.share.p05[r])} – {_pct(u.share.p95[r])}"}
        if u.euros_cents is not None:
            row[T.COL_EUROS] = eur(int(u.euros_cents.nominal[r]))
            row[T.RB_COL_EUR_RANGE] = f"{eur(int(u.euros_cents.p05[r]))} – {eur(int(u.euros_cents.p95[r]))}"
        lo, hi = int(u.rank.p05[r]), int(u.rank.p95[r])
        row[T.RB_COL_RANK] = f"{int(u.rank.nominal[r])}" + ("" if lo == hi else f" ({lo}–{hi})")
        rows.append(row)
    return pd.DataFrame(rows).set_index(T.COL_SOZIALRAUM)


def _change_text(f) -> str:
    if f.variable is None:
        return T.RB_NO_CHANGE
    return T.RB_CHANGE.format(label=f.label, current=num(f.current, 2), needed=num(f.needed, 2))


def kita_table(a: Analysis, strand: str, anonymised: bool, only_uncertain: bool) -> pd.DataFrame:
    """One row per Kita for one strand, the least certain first."""
    u, data = a.uncertainty, a.result.data
    s = [k for k, _ in u.strands].index(strand)
    names = display_names(data, anonymised, state.pseudonym_key())
    nominal = u.nominal_eligible[:, s]
    same = np.where(nominal, u.eligible[:, s], 1 - u.eligible[:, s])
    flips = a.flips[strand]
    order = sorted(range(data.n), key=lambda i: (same[i], abs(flips[i].distance)))
    rows = []
    for i in order:
        if only_uncertain and same[i] >= 1.0:
            continue
        rows.append({T.COL_KITA: names[i], T.COL_SOZIALRAUM: data.sozialraum_names[data.sozialraum[i]],
                     T.RB_COL_DECISION: T.RB_YES if nominal[i] else T.RB_NO,
                     T.RB_COL_SAME: _pct(same[i], 1),
                     T.RB_COL_DISTANCE: signed(flips[i].distance, 1, ""),
                     T.RB_COL_CHANGE: _change_text(flips[i]),
                     T.RB_COL_BAND_P: " / ".join(_pct(p, 0) for p in (u.above[i], u.within[i], u.below[i]))})
    return pd.DataFrame(rows, columns=[T.COL_KITA, T.COL_SOZIALRAUM, T.RB_COL_DECISION, T.RB_COL_SAME,
                                       T.RB_COL_DISTANCE, T.RB_COL_CHANGE, T.RB_COL_BAND_P])


def flip_chart(a: Analysis, strand: str, anonymised: bool, projector: bool, limit: int = 15) -> alt.Chart | None:
    """Bars: share of variants in which a Kita's decision differs from the nominal one (only those > 0)."""
    u, data = a.uncertainty, a.result.data
    s = [k for k, _ in u.strands].index(strand)
    nominal = u.nominal_eligible[:, s]
    other = np.where(nominal, 1 - u.eligible[:, s], u.eligible[:, s])
    picked = [i for i in np.argsort(-other, kind="stable")[:limit] if other[i] > 0]
    if not picked:
        return None
    names = display_names(data, anonymised, state.pseudonym_key())
    frame = pd.DataFrame({T.COL_KITA: [names[i] for i in picked], "p": [other[i] * 100 for i in picked],
                          T.RB_COL_DECISION: [T.RB_YES if nominal[i] else T.RB_NO for i in picked]})
    size = _size(projector)
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y(f"{T.COL_KITA}:N", sort=None, title=None),
        x=alt.X("p:Q", title=f"{T.RB_FLIP_CHART} (%)", scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(values=[0, 20, 40, 60, 80, 100])),
        color=alt.Color(f"{T.RB_COL_DECISION}:N", scale=alt.Scale(domain=[T.RB_YES, T.RB_NO],
                                                                  range=["#1e7e34", "#b3261e"]),
                        legend=alt.Legend(title=T.RB_COL_DECISION, orient="bottom")),
        tooltip=[T.COL_KITA, alt.Tooltip("p:Q", format=".1f", title="%"), T.RB_COL_DECISION],
    ).properties(height=(40 if projector else 26) * len(picked) + 60).configure_axis(
        labelFontSize=size, titleFontSize=size, labelLimit=380, labelOverlap=False, labelColor="#111111",
        titleColor="#111111").configure_legend(labelFontSize=size, titleFontSize=size, labelColor="#111111",
                                               titleColor="#111111")


def sensitivity_chart(a: Analysis, projector: bool) -> alt.LayerChart | None:
    s = a.sensitivity
    if s is None or not np.isfinite(s.sobol.total).any():
        return None
    sob = s.sobol
    rows = []
    for j, name in enumerate(s.inputs.names):
        for label, value, iv in ((T.RB_SENS_FIRST, sob.first[j], sob.first_interval[j]),
                                 (T.RB_SENS_TOTAL, sob.total[j], sob.total_interval[j])):
            rows.append({"Annahme": name, "Art": label, "Wert": max(0.0, float(value)),
                         "lo": max(0.0, float(iv[0])), "hi": min(1.0, max(0.0, float(iv[1])))})
    frame = pd.DataFrame(rows)
    order = [s.inputs.names[j] for j in np.argsort(-np.nan_to_num(sob.total), kind="stable")]
    size = _size(projector)
    y = alt.Y("Annahme:N", sort=order, title=None)
    offset = alt.YOffset("Art:N", sort=[T.RB_SENS_FIRST, T.RB_SENS_TOTAL])
    bars = alt.Chart(frame).mark_bar().encode(
        y=y, yOffset=offset, x=alt.X("Wert:Q", title=T.RB_SENS_AXIS, scale=alt.Scale(domain=[0, 1]),
                                     axis=alt.Axis(labelExpr=GERMAN_NUMBER, values=[0, 0.2, 0.4, 0.6, 0.8, 1])),
        color=alt.Color("Art:N", sort=[T.RB_SENS_FIRST, T.RB_SENS_TOTAL], scale=alt.Scale(range=["#0b5394", "#9fc5e8"]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["Annahme", "Art", alt.Tooltip("Wert:Q", format=".2f"), alt.Tooltip("lo:Q", format=".2f"),
                 alt.Tooltip("hi:Q", format=".2f")])
    whiskers = alt.Chart(frame).mark_rule(color="#111111", strokeWidth=1.5).encode(y=y, yOffset=offset, x="lo:Q",
                                                                                   x2="hi:Q")
    return (bars + whiskers).properties(height=alt.Step(30 if projector else 20)).configure_axis(
        labelFontSize=size, titleFontSize=size, labelLimit=420, labelOverlap=False, labelColor="#111111",
        titleColor="#111111").configure_legend(labelFontSize=size, labelColor="#111111", labelLimit=500)


def loo_table(a: Analysis, anonymised: bool, limit: int = 10) -> pd.DataFrame:
    loo, data, konz = a.leave_one_out, a.result.data, a.result.konzeption
    labels = {v.column: v.title for v in konz.variables}
    names = display_names(data, anonymised, state.pseudonym_key())
    order = [i for i in np.argsort(-loo.max_abs_change_pp, kind="stable")[:limit] if loo.max_abs_change_pp[i] > 0]
    rows = []
    for i in order:
        row = {T.COL_KITA: names[i], T.COL_SOZIALRAUM: data.sozialraum_names[data.sozialraum[i]],
               T.RB_COL_VARS: "; ".join(labels.get(c, c) for c in loo.bound_variables[i]),
               T.RB_COL_MAX_PP: num(loo.max_abs_change_pp[i], 3) + NBSP + "pp"}
        if loo.max_abs_change_cents is not None:
            row[T.RB_COL_MAX_EUR] = eur(int(loo.max_abs_change_cents[i]))
        rows.append(row)
    return pd.DataFrame(rows)


def winsor_table(a: Analysis, winsorised) -> pd.DataFrame:
    res = a.result
    change_pp = delta_pp(winsorised, res)
    rows = []
    for r, name in enumerate(res.data.sozialraum_names):
        row = {T.COL_SOZIALRAUM: name, T.RB_COL_NOMINAL: _pct(res.shares[r]),
               T.RB_COL_WINSOR: _pct(winsorised.shares[r]),
               T.COL_DELTA_PP: pp(float(change_pp[r]))}
        if res.euros_cents is not None and winsorised.euros_cents is not None:
            row[T.COL_DELTA_EUR] = eur_change(int(winsorised.euros_cents[r] - res.euros_cents[r]))
        rows.append(row)
    return pd.DataFrame(rows).set_index(T.COL_SOZIALRAUM)


def download_pack(ds, a: Analysis, anonymised: bool) -> None:
    """The committee pack for the current settings (Beschluss + current settings) plus the robustness pages."""
    from srb_core.pack.build import pack_input, render

    from .scenarios import FILE_TYPES, base, current

    key = state.pseudonym_key()  # read here: the file is built in the download's callback
    def build() -> bytes:
        outcomes = [cache.outcome(ds, base(ds)), cache.outcome(ds, current(ds))]
        p = pack_input(outcomes, 1, anonymised=anonymised, dataset_label=T.DATASETS.get(ds.key, ds.key), demo=ds.demo,
                       geojson=ds.geo.geojson if ds.geo is not None else None, pseudonym_key=key)
        return render(p, "pdf", robustness=a)

    st.download_button(T.RB_PACK, build, file_name="ausschuss_robustheit.pdf", mime=FILE_TYPES["pdf"],
                       key="robust_pack_pdf", on_click="ignore", icon=":material/download:")
