"""The Übersicht as a workshop wall: share table with ranks, the norm-band strip with its changes, the Kitas
that change, and "why did it move?" bars. Formatting and layout only; the numbers come from srb_core.explain."""
from __future__ import annotations

import numpy as np
import pandas as pd

from srb_core import ParameterError, Result
from srb_core.explain import Contributions, band_changes, band_counts, shapley_shares, share_ranks
from srb_core.explain.shapley import MAX_PLAYERS, players
from srb_core.fmt import num
from srb_core.pipeline import Outcome
from srb_core.privacy import display_names
from srb_core.report import comparison_totals, sozialraum_comparison

from . import state
from . import texts as T
from .cache import Dataset
from .escape import html as esc
from .map import BAND_SHAPES, BAND_TEXT
from .views import NBSP, eur, pp

# Okabe–Ito: told apart with colour vision deficiency; each segment also names its parameter on hover.
PLAYER_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442",
                  "#999999", "#882255"]
MAX_LISTED = 12


def rank_text(rank: int, delta: int) -> str:
    """'3 (▲1)' for a rank better by one, '3 (▼2)' worse by two, '3' unchanged."""
    if delta == 0:
        return str(rank)
    return f"{rank}{NBSP}({'▲' if delta > 0 else '▼'}{abs(delta)})"


def share_table(res: Result, base: Result, step2_cents: tuple[int, ...] | None = None) -> pd.DataFrame:
    """Sozialraum | Punkte | Anteil | Δ Anteil | Rang (change) | Betrag — ranks by share, 1 = largest; with
    `step2_cents` (where step 2 yields other amounts) "Betrag Schritt 1" and "Betrag Schritt 2"."""
    ranks, before = share_ranks(res.shares), share_ranks(base.shares)
    cmp = sozialraum_comparison(res, base)
    sums = comparison_totals(cmp)
    table = pd.DataFrame({
        T.COL_SOZIALRAUM: list(res.data.sozialraum_names),
        T.COL_POINTS: [num(v, 1) for v in res.sr_overall],
        T.COL_SHARE: [num(v * 100, 2) + NBSP + "%" for v in res.shares],
        T.COL_DELTA_PP: [pp(v) for v in cmp["delta_pp"]],
        T.COL_RANK: [rank_text(int(r), int(b - r)) for r, b in zip(ranks, before, strict=True)],
    })
    if res.euros_cents is not None:
        table[T.COL_EUROS] = [eur(int(c)) for c in res.euros_cents]
    total = {T.COL_SOZIALRAUM: T.SUM_ROW, T.COL_POINTS: "", T.COL_SHARE: num(sums["share"] * 100, 2)
             + NBSP + "%", T.COL_DELTA_PP: "", T.COL_RANK: ""}
    if res.euros_cents is not None:
        total[T.COL_EUROS] = eur(sums.get("euros_cents", int(res.euros_cents.sum())))  # without a Beschluss budget
        if step2_cents is not None:
            table[T.COL_STEP2] = [eur(int(c)) for c in step2_cents]
            total[T.COL_STEP2] = eur(int(sum(step2_cents)))
            table = table.rename(columns={T.COL_EUROS: T.COL_STEP1})
            total[T.COL_STEP1] = total.pop(T.COL_EUROS)
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True).set_index(T.COL_SOZIALRAUM)


def _kiso(now: Outcome, adopted: Outcome) -> tuple[str, list[bool], list[bool]] | None:
    """The Kita-Sozialarbeit strand's eligibility (before the Jugendamt's choices) now and in the Beschluss, from
    the two outcomes (None without such a strand or without step 2)."""
    funding = now.funding
    if funding is None or now.plain_eligibility is None or adopted.plain_eligibility is None:
        return None
    for s, strand in enumerate(funding.strands):
        if "sozialarbeit" in (strand.key + strand.label).lower():
            return strand.label, list(now.plain_eligibility[s].eligible), list(adopted.plain_eligibility[s].eligible)
    return None


def strip_html(ds: Dataset, now: Outcome, adopted: Outcome, anonymised: bool) -> str:
    """Counts per class with their change ("innerhalb 12 (−10)"), then the Kitas that change, highlighted.
    Kept by content with the whole wall of a setting (ui/wallview.parts)."""
    key = state.pseudonym_key() if anonymised else b""
    res, base = now.result, adopted.result
    counts = band_counts(res, base)
    boxes = []
    for c in (1, 0, -1):
        d = counts.delta(c)
        change = "±0" if d == 0 else ("+" if d > 0 else "−") + str(abs(d))
        boxes.append(f'<div class="srb-count srb-count{c}{" srb-count-moved" if d else ""}" data-class="{c}">'
                     f'<span class="srb-shape srb-shape{c}" aria-hidden="true">{BAND_SHAPES[c]}</span> '
                     f'{BAND_TEXT[c]} <b>{counts.now[c]}</b> <span class="srb-count-delta">({change})</span></div>')
    kiso = _kiso(now, adopted)
    moves = band_changes(res, base, kiso[1], kiso[2]) if kiso else band_changes(res, base)
    names = display_names(res.data, anonymised, key if anonymised else None)
    items = []
    for m in moves[:MAX_LISTED]:
        parts = []
        if m.moved:
            parts.append(T.OV_MOVE_BAND.format(before=f"{BAND_SHAPES[m.before]} {BAND_TEXT[m.before]}",
                                               now=f"{BAND_SHAPES[m.now]} {BAND_TEXT[m.now]}"))
        if m.eligibility_changed and kiso:
            parts.append((T.OV_MOVE_KISO_GAIN if m.eligible_now else T.OV_MOVE_KISO_LOSS).format(strand=esc(kiso[0])))
        items.append(f'<li class="srb-move"><b>{esc(names[m.row])}</b>: {" · ".join(parts)}</li>')
    if len(moves) > MAX_LISTED:
        items.append(f"<li>{T.OV_MOVES_MORE.format(n=len(moves) - MAX_LISTED)}</li>")
    listing = (f'<div class="srb-moves-title">{T.OV_MOVES_TITLE} ({len(moves)})</div><ul class="srb-moves">'
               + "".join(items) + "</ul>") if moves else f'<div class="srb-moves-none">{T.OV_MOVES_NONE}</div>'
    return (f'<div class="srb-strip" role="group" aria-label="{T.OV_STRIP_TITLE}">' + "".join(boxes)
            + f'<span class="srb-strip-note">{T.OV_STRIP_NOTE}</span></div>' + listing)


def _why(_ds: Dataset, _res: Result, _base: Result) -> Contributions:
    known = {_res.params: _res, _base.params: _base}
    return shapley_shares(_ds.data, _ds.konzeption, _base.params, _res.params, known)


def _player_label(ds: Dataset, p) -> str:
    return ds.konzeption.sub_indices[p.index] if p.field == "weight" else T.OV_WHY_PLAYER.get(p.field, p.field)


def why_html(ds: Dataset, res: Result, base: Result) -> str:
    """Per Sozialraum a diverging bar: the Shapley contributions of the changed parameters (pp), in words on hover."""
    n = len(players(base.params, res.params))
    if n == 0:
        return f'<div class="srb-why-none">{T.OV_WHY_NONE}</div>'
    if n > MAX_PLAYERS:
        return f'<div class="srb-why-none">{T.OV_WHY_TOO_MANY.format(n=n)}</div>'
    try:
        c = _why(ds, res, base)
    except ParameterError:
        return f'<div class="srb-why-none">{T.OV_WHY_FAILED}</div>'
    phi = c.phi * 100  # percentage points
    scale = max(float(np.max(np.abs(np.where(phi > 0, phi, 0).sum(axis=0)))),
                float(np.max(np.abs(np.where(phi < 0, phi, 0).sum(axis=0)))), 0.01)
    labels = [esc(_player_label(ds, p)) for p in c.players]
    rows = []
    for r, area in enumerate(res.data.sozialraum_names):
        words = T.OV_WHY_WORDS.format(area=esc(area), delta=pp(float(c.delta[r] * 100)),
                                      parts="; ".join(f"{labels[i]} {pp(float(phi[i, r]))}"
                                                      for i in range(len(labels))))
        segs, left, right = [], 50.0, 50.0
        for i in range(len(labels)):
            width = abs(float(phi[i, r])) / scale * 50
            if width < 0.05:
                continue
            if phi[i, r] > 0:
                segs.append(f'<span class="srb-seg" style="left:{right:.2f}%;width:{width:.2f}%;'
                            f'background:{PLAYER_COLOURS[i % len(PLAYER_COLOURS)]}"></span>')
                right += width
            else:
                left -= width
                segs.append(f'<span class="srb-seg" style="left:{left:.2f}%;width:{width:.2f}%;'
                            f'background:{PLAYER_COLOURS[i % len(PLAYER_COLOURS)]}"></span>')
        rows.append(f'<div class="srb-why-row" title="{words}" aria-label="{words}" role="img">'
                    f'<span class="srb-why-name">{esc(area)}</span><span class="srb-why-bar">'
                    f'<span class="srb-why-axis"></span>{"".join(segs)}</span>'
                    f'<span class="srb-why-total">{pp(float(c.delta[r] * 100))}</span></div>')
    legend = " ".join(f'<span class="srb-swatch" style="background:{PLAYER_COLOURS[i % len(PLAYER_COLOURS)]}">'
                      f"</span>{label}" for i, label in enumerate(labels))
    return f'<div class="srb-why">{"".join(rows)}<div class="srb-why-legend">{legend}</div></div>'
