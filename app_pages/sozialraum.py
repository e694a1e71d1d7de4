import streamlit as st

from srb_core.fmt import num, pct
from srb_core.index.normband import BandClass
from srb_core.report import delta_pp
from srb_core.team import DEFAULT_MARGIN, area_path, compare_areas, kita_decisions
from ui import charts, page, state, team_views, vega, views
from ui import texts as T
from ui.escape import md_table

v = page.view(T.SR_TITLE)
ds, res, base = v.ds, v.result, v.base.result
names = list(res.data.sozialraum_names)
area = st.selectbox(T.SR_PICK, names, key="sr_pick")
r = names.index(area)
path = area_path(res, area)
amounts = v.outcome.area_amounts
two = amounts is not None and amounts.differs(r)

cols = st.columns(5 if two else 4)
cols[0].metric(T.SR_POINTS, num(res.sr_overall[r], 1), help=T.SR_POINTS_HELP)
cols[1].metric(T.SR_RANK, T.SR_RANK_VALUE.format(rank=path.rank, n=path.n_areas), help=T.SR_RANK_HELP)
cols[2].metric(T.SR_SHARE, pct(res.shares[r]), delta=views.signed(float(delta_pp(res, base)[r]), 2,
                                                                  " Prozentpunkte"), delta_color="off")
if res.euros_cents is not None:
    cols[3].metric(T.SR_STEP1 if two else T.SR_EUROS, views.eur(int(res.euros_cents[r])), help=T.SR_STEP1_HELP)
if two and amounts is not None:
    cols[4].metric(T.SR_STEP2, views.eur(amounts.step2_cents[r]), help=T.SR_STEP2_HELP)
st.markdown(f"**{T.SR_BAND}:** {BandClass.of(res.sr_class[r]).label}",
            help=T.SR_BAND_HELP)
for line in team_views.two_amounts_lines(res, amounts, only=r):
    st.info(line)

st.subheader(T.SR_COMPARE)
others = [n for n in names if n != area] or names
if st.session_state.get("sr_other") not in others:
    st.session_state["sr_other"] = others[0]
other = st.selectbox(T.SR_OTHER, others, key="sr_other")
st.table(md_table(team_views.comparison_table(compare_areas(res, area, other), area, other)))
st.caption(T.SR_COMPARE_NOTE.format(first=team_views.md(area), other=team_views.md(other), n=len(names)))

# keyed: style.py stacks the two columns where they would be too narrow (projector, small screens)
left, right = st.container(key="sr-main").columns([1, 1.2], gap="large")
with left:
    st.subheader(T.SR_PROFILE_KITAS)
    subs = list(ds.konzeption.sub_indices)
    means = [b.mean for b in res.kita_sub_bands]
    vega.show(vega.digest("profile", subs, res.sr_sub[r], means, area, state.projector()),
              lambda: charts.profile_chart(subs, list(res.sr_sub[r]), means, area, state.projector()), width="stretch")
with right:
    st.subheader(T.SR_PATH)
    st.markdown(f"**{T.SR_PATH_KITAS}**")
    st.table(md_table(team_views.path_kitas_table(res, path, state.anonymised())))
    st.markdown(f"**{T.SR_PATH_MEAN}**")
    md = team_views.md  # names come from the data: literal text, never Markdown
    st.markdown("\n".join(f"- {md(name)}: {md(formula)}" for name, _, formula in path.sub_formulas))
    st.markdown(f"**{T.SR_PATH_OVERALL}**  \n{T.COL_OVERALL} = {md(path.overall_formula)}")
    st.markdown(f"**{T.SR_PATH_BAND}**  \n{md(path.band_text)}")
    st.markdown(f"**{T.SR_PATH_SHARE}**  \n{md(path.share_formula)}")
    if path.euro_formula:
        st.markdown(f"**{T.SR_PATH_EUROS}**  \n{md(path.euro_formula)}")
    if two and amounts is not None:
        st.markdown(f"**{T.SR_PATH_STEP2}**  \n{md(amounts.reasons[r])}")

st.subheader(T.SR_DECISIONS)
st.session_state.setdefault("sr_margin", DEFAULT_MARGIN)  # kept across pages (state.keep_page_choices)
margin = st.number_input(T.SR_MARGIN, min_value=0.0, max_value=50.0, step=0.1, format="%.2f", key="sr_margin",
                         help=T.SR_MARGIN_HELP)
funding, proposal = v.outcome.funding, v.outcome.proposal
decisions = kita_decisions(res, sorted(path.kita_rows, key=lambda i: -res.kita_overall[i]), funding,
                           proposal.eligibility if proposal is not None else (), margin)
band = res.kita_band
st.markdown(f"**{T.SR_BAND_TABLE.format(lower=num(band.lower, 1), upper=num(band.upper, 1))}**")
st.table(md_table(team_views.band_table(res, decisions, state.anonymised())))
if proposal is not None:
    st.markdown(f"**{T.SR_STRAND_TABLE}**")
    st.table(md_table(team_views.strand_table(res, decisions, state.anonymised())))
else:
    st.caption(T.SR_NO_DECISIONS)
st.caption(T.SR_DECISIONS_NOTE)

st.subheader(T.OV_BAND)
vega.show(vega.digest("band", vega.result_key(res), vega.names_key(), state.projector(), area),
          lambda: charts.norm_band_chart(res, state.anonymised(), state.projector(), highlight=area), width="stretch")
page.footer(ds)
