import streamlit as st

from srb_core import SrbError, SrbInputError
from srb_core.robustness import Settings
from ui import cache, page, robust_views, state, vega
from ui import texts as T

ds, res, base = page.context(T.RB_TITLE)
projector, anonymised = state.projector(), state.anonymised()
st.markdown(T.RB_INTRO)
try:
    funding = cache.funding(ds)
except SrbError:
    funding = None  # the strands are explained on 'Budget & Stellen'; step 1 is analysed anyway

REQUEST, CANCELLED = "rb_request", "rb_cancelled"
DEFAULTS = {"rb_draws": 1000, "rb_spread": 25, "rb_mode": "uniform", "rb_vary": [], "rb_seed": 1, "rb_sobol": True}
for key, value in DEFAULTS.items():
    st.session_state.setdefault(key, value)


def settings_from_widgets() -> Settings:
    return Settings(draws=int(st.session_state["rb_draws"]), seed=int(st.session_state["rb_seed"]),
                    spread=st.session_state["rb_spread"] / 100, weights=st.session_state["rb_mode"],
                    vary=tuple(st.session_state["rb_vary"]), sobol_n=1024 if st.session_state["rb_sobol"] else 0)


def request_run() -> None:
    st.session_state[REQUEST] = settings_from_widgets()
    st.session_state.pop(CANCELLED, None)


def cancel_run() -> None:
    st.session_state.pop(REQUEST, None)
    st.session_state[CANCELLED] = True


with st.expander(T.RB_FORM, expanded=REQUEST not in st.session_state), st.form("rb_form", border=False):
    c1, c2, c3 = st.columns(3)
    c1.number_input(T.RB_DRAWS, min_value=100, max_value=20_000, step=100, key="rb_draws", help=T.RB_DRAWS_HELP)
    c2.slider(T.RB_SPREAD, 0, 50, step=5, key="rb_spread", help=T.RB_SPREAD_HELP)
    c3.number_input(T.RB_SEED, min_value=0, max_value=2**31 - 1, step=1, key="rb_seed", help=T.RB_SEED_HELP)
    st.radio(T.RB_MODE, list(T.RB_MODES), format_func=T.RB_MODES.get, key="rb_mode", horizontal=True)
    st.multiselect(T.RB_VARY, list(T.RB_VARY_OPTIONS), format_func=T.RB_VARY_OPTIONS.get, key="rb_vary",
                   help=T.RB_VARY_HELP)
    st.checkbox(T.RB_SOBOL, key="rb_sobol")
    st.form_submit_button(T.RB_RUN, type="primary", on_click=request_run)

if st.session_state.get(CANCELLED):
    st.info(T.RB_CANCELLED)
# The first visit computes the default analysis at once (a fraction of a second for a Jugendamt's
# Kitas); later runs start with "Berechnen", so a cancelled run stays cancelled.
if REQUEST not in st.session_state and not st.session_state.get(CANCELLED) and "rb_seen" not in st.session_state:
    st.session_state[REQUEST] = settings_from_widgets()
st.session_state["rb_seen"] = True
settings = st.session_state.get(REQUEST)
if settings is None:
    page.footer(ds)
    st.stop()

analysis = cache.robustness_cached(res, funding, settings)
if analysis is None:
    bar = st.progress(0.0, text=T.RB_PROGRESS.format(done=0, total="…"))
    st.button(T.RB_CANCEL, on_click=cancel_run, key="robust_cancel")  # no "rb_" prefix: buttons keep no state

    def progress(done: int, total: int) -> None:  # a click on "Abbrechen" stops the run right here
        bar.progress(min(done / total, 1.0), text=T.RB_PROGRESS.format(done=f"{done:,}".replace(",", "."),
                                                                        total=f"{total:,}".replace(",", ".")))

    try:
        analysis = cache.robustness(res, funding, settings, progress)
    except SrbError as exc:
        st.error(exc.text() if isinstance(exc, SrbInputError) else str(exc))
        st.stop()
    st.rerun()  # draw the results without the progress bar and the cancel button

analysis_key = cache.robustness_key(res, funding, settings)  # the charts are kept by the analysis' content
vary = ", ".join(T.RB_VARY_OPTIONS[v] for v in settings.vary)
mode = T.RB_MODES[settings.weights] if settings.weights == "dirichlet" else f"±{round(settings.spread * 100)} %"
st.caption(T.RB_DONE.format(draws=f"{settings.draws:,}".replace(",", "."), seed=settings.seed, mode=mode,
                            vary=T.RB_DONE_VARY.format(what=vary) if vary else ""))

st.subheader(T.RB_SHARES)
st.html(robust_views.CSS)
with st.container(key="rb-shares"):
    vega.show(vega.digest("rb-shares", analysis_key, projector), lambda: robust_views.share_chart(analysis, projector),
              width="stretch")
    st.caption(T.RB_SHARES_NOTE)
    st.table(robust_views.md_table(robust_views.share_table(analysis)))

st.subheader(T.RB_KITAS)
strands = dict(analysis.uncertainty.strands)
if not strands:
    st.info(T.RB_KITAS_NONE)
else:
    if len(strands) > 1:
        strand = st.selectbox(T.RB_STRAND, list(strands), format_func=strands.get, key="rb_strand")
    else:
        strand = next(iter(strands))
        st.caption(f"{T.RB_STRAND}: {robust_views.md_cell(strands[strand])}")
    vega.show(vega.digest("rb-flip", analysis_key, strand, vega.names_key(), projector),
              lambda: robust_views.flip_chart(analysis, strand, anonymised, projector), width="stretch")
    only = st.toggle(T.RB_KITAS_SHOW, value=True, key="rb_only_uncertain")
    st.dataframe(robust_views.kita_table(analysis, strand, anonymised, only), hide_index=True, width="stretch",
                 height=420)
    st.caption(T.RB_KITAS_NOTE)

st.subheader(T.RB_SENS)
if not vega.show(vega.digest("rb-sens", analysis_key, projector),
                 lambda: robust_views.sensitivity_chart(analysis, projector), width="stretch"):
    st.info(T.RB_SENS_NONE)
else:
    st.caption(T.RB_SENS_NOTE.format(runs=f"{analysis.sensitivity.sobol.runs:,}".replace(",", "."),
                                     target=analysis.sensitivity.target))

st.subheader(T.RB_LOO)
loo = robust_views.loo_table(analysis, anonymised)
if loo.empty:
    st.info(T.RB_LOO_NONE)
else:
    st.table(robust_views.md_table(loo.set_index(loo.columns[0]), (T.COL_SOZIALRAUM, T.RB_COL_VARS)))
st.caption(T.RB_LOO_NOTE)
if st.toggle(T.RB_WINSOR, key="rb_winsor"):
    st.table(robust_views.md_table(robust_views.winsor_table(analysis, cache.winsorised(res))))
    st.caption(T.RB_WINSOR_NOTE)

st.subheader(T.RB_PACK)
st.caption(T.RB_PACK_NOTE)
robust_views.download_pack(ds, analysis, anonymised)
page.footer(ds)
