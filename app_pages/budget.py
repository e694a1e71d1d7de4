import pandas as pd
import streamlit as st

from srb_core import SrbInputError
from srb_core.fmt import fte, num, pct
from srb_core.funding import budget_years, instalments, redistribute_unused, state_allocation
from srb_core.funding.model import Rule, Step2Model
from srb_core.funding.rules import EXCEPTION
from srb_core.pipeline import adjustable_rows, adjustments_from_edits, plan_key
from ui import cache, columns, fields, page, plan_views, state, views
from ui import texts as T
from ui.escape import md, md_error, md_list, md_table

v = page.view(T.BU_TITLE)
ds, res = v.ds, v.result
anon = state.anonymised()
data = res.data
labels = dict(zip(data.kita_ids, state.kita_names(data), strict=True))
try:
    konzeption_funding = cache.funding(ds)
except SrbInputError as exc:
    st.error(md_error(exc))
    st.stop()
if konzeption_funding is None:
    st.info(T.BU_NO_STRANDS)
    st.stop()
share_problem = v.share_problem
# Decisions first: the numbers of this run already use them (they are part of the current scenario).
if v.step2_error is not None or v.outcome.proposal is None or v.outcome.funding is None:
    st.error(T.BU_ERROR + "\n\n" + md_error(v.step2_error) if v.step2_error is not None else T.BU_ERROR)
    st.stop()
funding = v.outcome.funding
st.caption(T.BU_INTRO.format(share=pct(float(funding.state_share), 0), factor=num(1 / float(funding.state_share), 2)))

tabs = dict(zip(T.BU_TABS, st.tabs(T.BU_TABS), strict=False))
prefix = state.funding_prefix(ds.key)
codes = state.codes(data)
plain_eligibility = v.outcome.plain_eligibility or ()
with tabs["Entscheidungen"]:
    shared = [strand for strand in konzeption_funding.strands if strand.rule != Rule.ON_REQUEST]
    if len(shared) > 1 and funding.step2.model == Step2Model.PROPORTIONAL:
        st.subheader(T.BU_SHARES)
        st.caption(T.BU_SHARES_NOTE)
        cols = st.columns(len(shared))
        for col, strand in zip(cols, shared, strict=False):
            fields.percent_field(col, strand.label, state.share_key(ds.key, strand.key), float(strand.share * 100))
        total = sum(float(st.session_state.get(state.share_key(ds.key, x.key), x.share * 100)) for x in shared)
        if share_problem is not None:
            st.error(T.BU_SHARES_BAD.format(total=num(total, 1)))
        elif state.strand_shares(ds.key, konzeption_funding):
            st.info(T.BU_SHARES_CHANGED)
    for s, strand in enumerate(funding.strands):
        if strand.rule == Rule.ONE_PER_SOZIALRAUM:
            st.subheader(T.BU_CENTRES)
            st.caption(T.BU_CENTRES_NOTE)
            suggested = {data.sozialraum_names[data.sozialraum[i]]: k
                         for i, k in enumerate(data.kita_ids) if plain_eligibility[s].eligible[i]}
            cols = st.columns(2)
            for r, area in enumerate(data.sozialraum_names):
                members = [k for i, k in enumerate(data.kita_ids) if data.sozialraum[i] == r]
                # A choice kept in session state (the user's, or a loaded scenario's) wins over this default.
                cols[r % 2].selectbox(md(area), members, index=members.index(suggested[area]),
                                      format_func=labels.get, key=f"{prefix}centre_{strand.key}_{r}")
        elif strand.rule == Rule.INDEX_ABOVE_MEAN and strand.exceptions_above_lower:
            st.subheader(T.BU_EXCEPTIONS.format(label=md(strand.label)))
            st.caption(T.BU_EXCEPTIONS_NOTE.format(index=md(strand.index)))
            candidates = [k for i, k in enumerate(data.kita_ids) if plain_eligibility[s].status[i] == EXCEPTION]
            st.multiselect(md(strand.label), candidates, format_func=labels.get, key=f"{prefix}exc_{strand.key}",
                           placeholder=T.BU_NONE, label_visibility="collapsed")
        elif strand.rule == Rule.ON_REQUEST:
            cap = fte(float(strand.cap_fte)) if strand.cap_fte is not None else "–"
            st.subheader(T.BU_REQUESTS.format(label=md(strand.label), cap=cap))
            st.caption(T.BU_REQUESTS_NOTE)
            key = f"{prefix}req_{strand.key}"
            empty = pd.DataFrame(
                {T.BU_COL_REQ_KITA: pd.Series(dtype="str"), T.BU_COL_REQ_FTE: pd.Series(dtype="float")}
            )
            options = [state.request_label(codes[k], data.names[i], anon) for i, k in enumerate(data.kita_ids)]
            by_code = {codes[k]: label for k, label in zip(data.kita_ids, options, strict=True)}

            def _relabel(saved: pd.DataFrame, by_code: dict = by_code) -> pd.DataFrame:  # same requests, this mode
                out = saved.copy()
                out[T.BU_COL_REQ_KITA] = [by_code.get(str(v).split(" · ")[0], v) for v in out[T.BU_COL_REQ_KITA]]
                return out

            widget = f"{key}{state.mode_suffix()}__editor"
            edited = st.data_editor(
                state.editor_data(key, empty, widget, _relabel), key=widget, num_rows="dynamic", hide_index=True,
                column_config={
                    T.BU_COL_REQ_KITA: st.column_config.SelectboxColumn(options=options, required=True),
                    T.BU_COL_REQ_FTE: columns.number(decimals=2, step=0.05, min_value=0.0, max_value=10.0,
                                                                  required=True)})
            state.save_editor(key, edited)
outcome = v.outcome
proposal = outcome.proposal
plan = proposal.plan

with tabs["Anpassen"]:
    st.caption(T.BU_ADJUST_NOTE)
    key = f"{prefix}adjust_{hash(plan.cents)}"
    rows = adjustable_rows(plan, proposal.eligibility)
    loaded = {(a.kita_id, a.strand): a for a in outcome.applied_adjustments}  # made earlier, or from a scenario

    def _start(i: int, s: int):
        return loaded.get((data.kita_ids[i], funding.strands[s].key))

    computed = pd.DataFrame({
        T.COL_KITA: [labels[data.kita_ids[i]] for i, _ in rows],
        T.COL_SOZIALRAUM: [data.sozialraum_names[data.sozialraum[i]] for i, _ in rows],
        T.BU_COL_STRAND: [funding.strands[s].label for _, s in rows],
        T.BU_COL_COMPUTED: [plan.cents[i][s] / 100 for i, s in rows],
        T.BU_COL_ADJUSTED: [(_start(i, s).cents if _start(i, s) else plan.cents[i][s]) / 100 for i, s in rows],
        T.BU_COL_REASON: [_start(i, s).reason if _start(i, s) else "" for i, s in rows]})
    def _names_now(saved: pd.DataFrame) -> pd.DataFrame:  # same rows; the Kita column in this mode
        out = saved.copy()
        if len(out) == len(computed):
            out[T.COL_KITA] = computed[T.COL_KITA].to_numpy()
        return out

    widget = f"{key}{state.mode_suffix()}__editor"
    edited = st.data_editor(
        state.editor_data(key, computed, widget, _names_now),
        key=widget,
        hide_index=True,
        disabled=[T.COL_KITA, T.COL_SOZIALRAUM, T.BU_COL_STRAND, T.BU_COL_COMPUTED],
        width="stretch",
        column_config={
            T.BU_COL_COMPUTED: columns.euro(),
            T.BU_COL_ADJUSTED: columns.euro(min_value=0.0, step=0.01),
        },
    )
    state.save_editor(key, edited)
    adjustments = adjustments_from_edits(plan, rows, edited[T.BU_COL_ADJUSTED], edited[T.BU_COL_REASON])
    state.set_adjustments(ds.key, plan, adjustments)
    if adjustments != outcome.applied_adjustments:  # edited in this run: the numbers with the new edits
        made_for = plan_key(plan) if adjustments else None  # as ui.state builds it in the next run: same key
        outcome = cache.outcome(ds, outcome.scenario.with_(adjustments=adjustments, adjustments_for=made_for))
    result_adj = outcome.adjusted
    if result_adj.problems:
        st.error(T.BU_ADJUST_BAD + "\n\n" + md_list([str(p) for p in result_adj.problems]))
    elif result_adj.changed:
        st.success(T.BU_ADJUST_OK.format(n=len(result_adj.changed)))
    else:
        st.info(T.BU_ADJUST_NONE)
    if result_adj.changed:
        st.subheader(T.BU_ADJUST_CHANGED)
        st.table(md_table(pd.DataFrame([{T.COL_KITA: labels[k], T.BU_COL_STRAND: funding.strand(sk).label,
                                         T.BU_COL_COMPUTED: views.eur(b), T.BU_COL_ADJUSTED: views.eur(a),
                                         T.BU_COL_DIFF: views.eur_change(a - b), T.BU_COL_REASON: why}
                                        for k, sk, b, a, why in result_adj.changed]).set_index(T.COL_KITA)))
adopted = outcome.plan

with tabs["Vorschlag"]:
    totals = outcome.totals
    m = st.columns(4)
    m[0].metric(T.BU_M_BUDGET, views.eur(totals["budget_cents"] + proposal.reserve_cents))
    m[1].metric(T.BU_M_ALLOCATED, views.eur(totals["allocated_cents"]))
    m[2].metric(T.BU_M_FTE, fte(totals["fte"]))
    m[3].metric(T.BU_M_REST, views.eur(totals["fte_remainder_cents"]))
    st.subheader(T.BU_SR_TABLE)
    amounts = outcome.area_amounts
    two = amounts is not None and amounts.any_differs
    step1 = amounts.step1_cents if two and amounts else None
    st.table(md_table(plan_views.sozialraum_table(res, funding, adopted, step1)))
    if two and amounts is not None:
        st.caption(f"**{T.OV_TWO_AMOUNTS}:** {amounts.summary}")
    st.subheader(T.BU_KITA_TABLE)
    st.caption(T.BU_KITA_NOTE.format(step=fte(float(funding.fte_step))))
    st.dataframe(plan_views.kita_table(res, funding, adopted, proposal.eligibility, anon), hide_index=True,
                 width="stretch")
    if adopted.notes:
        with st.expander(T.BU_NOTES):
            st.markdown(md_list(list(adopted.notes)))
    export = plan_views.export_table(res, funding, adopted, proposal.eligibility, anon)
    d1, d2, _ = st.columns([1, 1, 2])
    d1.download_button(T.BU_DOWNLOAD_CSV, views.csv_bytes(export), file_name="plan.csv", mime="text/csv")
    d2.download_button(T.BU_DOWNLOAD_XLSX, views.xlsx_bytes(export, "Plan"), file_name="plan.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

with tabs["Budgetjahre"]:
    first_cents = fields.euro_field(None, T.BU_YEARS_INPUT, f"{prefix}years_first_ct", 48_889_700)
    st.caption(T.BU_YEARS_NOTE)
    st.table(pd.DataFrame([{T.BU_COL_PERIOD: p, T.BU_COL_AMOUNT: views.eur(c)}
                           for p, c in budget_years(first_cents)]).set_index(T.BU_COL_PERIOD))
    st.subheader(T.BU_STATE)
    st.caption(T.BU_STATE_NOTE)
    c = st.columns(5)
    total_cents = fields.euro_field(c[0], T.BU_STATE_TOTAL, f"{prefix}st_total_ct", 4_950_000_000)
    u7 = c[1].number_input(T.BU_STATE_U7, min_value=0, value=3_100, key=f"{prefix}st_u7")
    u7_all = c[2].number_input(T.BU_STATE_U7_ALL, min_value=1, value=250_000, key=f"{prefix}st_u7all")
    sgb = c[3].number_input(T.BU_STATE_SGB, min_value=0, value=900, key=f"{prefix}st_sgb")
    sgb_all = c[4].number_input(T.BU_STATE_SGB_ALL, min_value=1, value=30_000, key=f"{prefix}st_sgball")
    try:
        cents, share = state_allocation(total_cents, int(u7), int(u7_all), int(sgb), int(sgb_all))
        st.markdown(T.BU_STATE_RESULT.format(share=pct(float(share), 3), eur=views.eur(cents)))
    except ValueError as exc:
        st.error(str(exc))

with tabs["Nicht verbrauchte Mittel"]:
    st.caption(T.BU_UNUSED_NOTE)
    c1, c2 = st.columns(2)
    r = c1.selectbox(T.BU_UNUSED_PICK, range(len(data.sozialraum_names)), format_func=data.sozialraum_names.__getitem__,
                     key=f"{prefix}unused_sr")
    amount_cents = fields.euro_field(c2, T.BU_UNUSED_AMOUNT, f"{prefix}unused_ct", 0,
                                     max_cents=int(adopted.sozialraum_budget[r]))
    budgets = adopted.sozialraum_budget
    after = redistribute_unused(budgets, {r: amount_cents})
    st.table(
        md_table(
            pd.DataFrame(
                {
                    T.COL_SOZIALRAUM: data.sozialraum_names,
                    T.BU_COL_BEFORE: [views.eur(int(b)) for b in budgets],
                    T.BU_COL_AFTER: [views.eur(int(a)) for a in after],
                    T.BU_COL_DIFF: [views.eur_change(int(a - b)) for a, b in zip(after, budgets, strict=True)],
                }
            ).set_index(T.COL_SOZIALRAUM)
        )
    )

with tabs["Abschläge"]:
    st.caption(T.BU_INSTALMENTS_NOTE)
    providers = (list(data.table["traeger"].astype(str)) if data.table is not None and "traeger" in data.table
                 else [labels[k] for k in data.kita_ids])
    table = pd.DataFrame([{T.BU_COL_PROVIDER: p, T.BU_COL_YEAR: views.eur(c),
                           **{T.BU_COL_MONTH.format(m=m + 1): views.eur(v) for m, v in enumerate(parts)}}
                          for p, c, parts in instalments(adopted.cents, providers)]).set_index(T.BU_COL_PROVIDER)
    st.dataframe(table, width="stretch")
    st.download_button(T.BU_DOWNLOAD_XLSX, views.xlsx_bytes(table.reset_index(), "Abschläge"),
                       file_name="abschlaege.xlsx", key=f"dl_inst_{ds.key}",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
page.footer(ds)
