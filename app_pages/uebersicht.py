from ui import page, state, wallview
from ui import texts as T

v = page.view(T.OV_TITLE, header=False)
full = state.this_run_kind() == "full"
# Everything is computed before anything is written: the browser redraws the page once for each batch of elements
# that arrives within about 10 ms, so elements that trickle in while the script still computes cost a redraw each.
setting = wallview.setting(v.ds, v.outcome, v.base, state.anonymised())
wall = wallview.prepare(setting, state.projector(), full=full)
page.header(v, T.OV_TITLE)
wallview.show(wall)
page.footer(v.ds)
if not full:  # after the numbers went out; a full run leaves it to the wall's request a moment later
    wallview.show_ahead(setting)
