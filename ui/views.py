"""Results turned into German display tables (formatting and anonymisation only, no calculation)."""
from __future__ import annotations

import pandas as pd

from srb_core import Result
from srb_core.fmt import num
from srb_core.fmt import pp as fmt_pp
from srb_core.fmt import signed as fmt_signed
from srb_core.money import format_eur, format_eur_change
from srb_core.pack import frame_xlsx, safe_frame
from srb_core.privacy import display_ids, display_names
from srb_core.report import comparison_totals, kita_frame, sozialraum_comparison

from . import state
from . import texts as T
from .cache import kept, result_content

NBSP = "\u00a0"  # number and unit stay on one line in every table


def eur(cents: int) -> str:
    return format_eur(cents).replace(" ", NBSP)


def eur_change(cents: int) -> str:
    return format_eur_change(cents).replace(" ", NBSP)


def signed(value: float, digits: int, unit: str) -> str:
    return fmt_signed(value, digits, unit.replace(" ", NBSP))


def pp(value: float) -> str:
    """srb_core.fmt.pp for the screen: the unit never wraps away from its number."""
    return fmt_pp(value).replace(" ", NBSP)


def share_table(res: Result, base: Result, step2_cents: tuple[int, ...] | None = None) -> pd.DataFrame:
    """Shares and euros per Sozialraum; with `step2_cents` (where step 2 yields other amounts) both amounts.

    Built once per content and shared by all sessions (a copy is handed out)."""
    key = ("share_table", result_content(res), result_content(base), step2_cents)
    return kept(key, lambda: _share_table(res, base, step2_cents)).copy()


def _share_table(res: Result, base: Result, step2_cents: tuple[int, ...] | None) -> pd.DataFrame:
    cmp = sozialraum_comparison(res, base)
    table = pd.DataFrame({
        T.COL_SOZIALRAUM: cmp["sozialraum"],
        T.COL_POINTS: [num(v, 1) for v in cmp["overall"]],
        T.COL_SHARE: [num(v * 100, 2) + NBSP + "%" for v in cmp["share"]],
        T.COL_DELTA_PP: [pp(v) for v in cmp["delta_pp"]],
    })
    if "euros_cents" in cmp:
        table[T.COL_EUROS] = [eur(int(c)) for c in cmp["euros_cents"]]
        table[T.COL_DELTA_EUR] = [eur_change(int(c)) for c in cmp["delta_cents"]]
    sums = comparison_totals(cmp)
    total = {T.COL_SOZIALRAUM: T.SUM_ROW, T.COL_POINTS: num(sums["overall"], 1),
             T.COL_SHARE: num(sums["share"] * 100, 2) + NBSP + "%", T.COL_DELTA_PP: ""}
    if "euros_cents" in sums:
        total[T.COL_EUROS] = eur(sums["euros_cents"])
        total[T.COL_DELTA_EUR] = ""
    if step2_cents is not None and "euros_cents" in cmp:
        table.insert(table.columns.get_loc(T.COL_EUROS) + 1, T.COL_STEP2, [eur(int(c)) for c in step2_cents])
        total[T.COL_STEP2] = eur(int(sum(step2_cents)))
        table = table.rename(columns={T.COL_EUROS: T.COL_STEP1})
        total[T.COL_STEP1] = total.pop(T.COL_EUROS)
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True).set_index(T.COL_SOZIALRAUM)


def kita_table(res: Result, anonymised: bool) -> pd.DataFrame:
    """Numeric table of all Kitas (for sorting and downloads); names replaced when anonymised."""
    frame = kita_frame(res)
    frame["kita_id"] = display_ids(res.data, anonymised, state.pseudonym_key())
    frame["name"] = display_names(res.data, anonymised, state.pseudonym_key())
    frame["band"] = frame["band"].map(T.BAND_LABELS)
    frame = frame.rename(columns={"kita_id": T.COL_KITA_ID, "name": T.COL_KITA, "sozialraum": T.COL_SOZIALRAUM,
                                  "overall": T.COL_OVERALL, "band": T.COL_BAND, "distance_lower": T.COL_TO_LOWER,
                                  "distance_upper": T.COL_TO_UPPER})
    if anonymised:
        frame = frame.drop(columns=[T.COL_KITA_ID])
    return frame


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for German Excel: ';' and decimal comma, UTF-8 with BOM so umlauts survive; no live formulas."""
    return safe_frame(frame).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    return frame_xlsx(frame, sheet)
