"""The Übersicht's norm-band view as server-built HTML: one row per Sozialraum on a 0–100 axis, the grey norm band,
the mean as a dashed line, each Kita as a shape (▲ above, ● within, ▼ below) with its name on hover.

Drawn as plain HTML/CSS instead of a Vega chart: the browser lays it out like text (no chart library to load on
the first visit, nothing to rebuild on a slider move) and it scales with the projector's root font size. With
more than AGGREGATE_ABOVE Kitas each row becomes a box (quartiles, median, smallest to largest value) with only
the Kitas whose class differs from the Beschluss as points, and the counts per class beside it, so the view stays
readable at 2,600 Kitas. Every text from data is HTML-escaped at this point of output.
"""
from __future__ import annotations

import numpy as np

from srb_core import Result
from srb_core.explain import area_band_counts, box_stats
from srb_core.fmt import num
from srb_core.privacy import display_names

from . import state
from . import texts as T
from .cache import Dataset
from .charts import AGGREGATE_ABOVE
from .escape import html as esc
from .map import BAND_SHAPES, BAND_TEXT

MAX_POINTS_PER_ROW = 40  # aggregated rows: beyond this many Kitas of interest, a count says how many more
TICKS = (0, 20, 40, 60, 80, 100)


def _x(value: float) -> str:
    """Position on the 0–100 axis as a CSS percentage (values outside are drawn at the edge)."""
    return f"{min(100.0, max(0.0, float(value))):.2f}%"


def _mark(value: float, cls: int, title: str, moved: bool) -> str:
    """A Kita's shape at its Gesamtindex; one whose class differs from the Beschluss is highlighted."""
    return (f'<i class="srb-bm srb-bm{cls}{" srb-bm-moved" if moved else ""}" style="left:{_x(value)}" '
            f'title="{title}">{BAND_SHAPES[cls]}</i>')


def _box(values: np.ndarray) -> str:
    """Whisker from the smallest to the largest value, box from the lower to the upper quartile, median line
    (display geometry of the row's Kitas, as a box plot draws it)."""
    lo, q1, med, q3, hi = box_stats(values)
    return (f'<span class="srb-bw" style="left:{_x(lo)};width:calc({_x(hi)} - {_x(lo)})"></span>'
            f'<span class="srb-bb" style="left:{_x(q1)};width:calc({_x(q3)} - {_x(q1)})"></span>'
            f'<span class="srb-bmed" style="left:{_x(med)}"></span>')


def band_html(ds: Dataset, res: Result, base: Result, anonymised: bool) -> str:
    """The norm-band view (see the module docstring). Not cached here: ui/wallview.parts keeps the whole wall of a
    setting by content, shared by all sessions."""
    key = state.pseudonym_key() if anonymised else b""
    return _html(anonymised, key, res, base)


def _html(anonymised: bool, key: bytes, res: Result, base: Result) -> str:
    data = res.data
    names = display_names(data, anonymised, key if anonymised else None)
    band = res.kita_band
    aggregated = data.n > AGGREGATE_ABOVE
    interest = res.kita_class != base.kita_class
    overlay = (f'<span class="srb-bband" style="left:{_x(band.lower)};width:calc({_x(band.upper)} - '
               f'{_x(band.lower)})"></span><span class="srb-bmean" style="left:{_x(band.mean)}"></span>')
    rows = []
    per_area = area_band_counts(res)
    for r, area in enumerate(data.sozialraum_names):
        members = np.flatnonzero(data.sozialraum == r)
        counts = dict(zip((1, 0, -1), per_area[r].tolist(), strict=True))
        words = ", ".join(f"{counts[c]} {BAND_TEXT[c]}" for c in (1, 0, -1))
        shown = members[interest[members]][:MAX_POINTS_PER_ROW] if aggregated else members
        hidden = int(interest[members].sum()) - len(shown) if aggregated else 0
        marks = [_mark(res.kita_overall[i], int(res.kita_class[i]),
                       f"{esc(names[i])} · {num(res.kita_overall[i], 1)} · {BAND_TEXT[int(res.kita_class[i])]}",
                       bool(interest[i])) for i in shown]
        more = f'<span class="srb-bmore">+{hidden}</span>' if hidden else ""
        box = _box(res.kita_overall[members]) if aggregated and len(members) else ""
        count_text = " ".join(f'<span class="srb-shape srb-shape{c}" aria-hidden="true">{BAND_SHAPES[c]}</span>'
                              f"{counts[c]}" for c in (1, 0, -1))
        rows.append(f'<div class="srb-brow" role="img" aria-label="{esc(area)}: {words}">'
                    f'<span class="srb-bname" title="{esc(area)}">{esc(area)}</span>'
                    f'<span class="srb-btrack">{overlay}{box}{"".join(marks)}{more}</span>'
                    f'<span class="srb-bcount">{count_text}</span></div>')
    ticks = "".join(f'<span class="srb-btick" style="left:{_x(t)}">{t}</span>' for t in TICKS)
    legend = " ".join(f'<span class="srb-shape srb-shape{c}" aria-hidden="true">{BAND_SHAPES[c]}</span>'
                      f"{BAND_TEXT[c]}" for c in (1, 0, -1))
    note = f'<div class="srb-bnote">{T.OV_BAND_AGGREGATED.format(n=num(data.n, 0))}</div>' if aggregated else ""
    return (f'<div class="srb-band" data-n="{data.n}">{"".join(rows)}'
            f'<div class="srb-brow srb-baxis" aria-hidden="true"><span></span><span class="srb-btrack srb-bticks">'
            f'{ticks}</span><span></span></div>'
            f'<div class="srb-blegend">{T.COL_OVERALL} (Punkte) · {legend}</div>{note}</div>')
