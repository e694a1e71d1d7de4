from ui import page, state, wallview
from ui import texts as T

v = page.view(T.OV_TITLE, header=False)
# Everything is computed before anything is written: the browser redraws the page once for each batch of elements
# that arrives within about 10 ms, so elements that trickle in while the script still computes cost a redraw each.
wall = wallview.prepare(v.ds, v.outcome, v.base, state.projector(), state.anonymised(),
                        with_ahead=state.this_run_kind() != "full")
page.header(v, T.OV_TITLE)
wallview.show(wall)
page.footer(v.ds)
