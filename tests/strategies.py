"""Hypothesis strategies for Kita tables and Konzeptionen of any shape the engine must accept."""
from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import strategies as st

from srb_core import Konzeption, Variable, build_kita_data
from srb_core.waves import Wave

value = st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2))


@st.composite
def konzeptionen(draw, max_variables: int = 6):
    n_sub = draw(st.integers(1, 4))
    n_var = draw(st.integers(n_sub, max(n_sub, max_variables)))
    groups = list(range(n_sub)) + draw(st.lists(st.integers(0, n_sub - 1), min_size=n_var - n_sub,
                                                 max_size=n_var - n_sub))
    subs = tuple(f"S{g}" for g in range(n_sub))
    variables = tuple(
        Variable(column=f"v{j}", index=subs[g],
                 direction=draw(st.sampled_from(["higher_is_more_need", "higher_is_less_need"])))
        for j, g in enumerate(groups)
    )
    weights = tuple(draw(st.lists(st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.5]), min_size=n_sub, max_size=n_sub)))
    if not any(weights):
        weights = (1.0,) + weights[1:]
    return Konzeption(name="Test", sub_indices=subs, variables=variables, weights=weights)


@st.composite
def tables(draw, konz: Konzeption, min_kitas: int = 2, max_kitas: int = 30):
    n = draw(st.integers(min_kitas, max_kitas))
    n_sr = draw(st.integers(1, min(n, 8)))
    codes = list(range(n_sr)) + draw(st.lists(st.integers(0, n_sr - 1), min_size=n - n_sr, max_size=n - n_sr))
    frame = pd.DataFrame({
        "kita_id": [f"k{i}" for i in range(n)],
        "name": [f"Kita {i}" for i in range(n)],
        "sozialraum": [f"R{c}" for c in codes],
        "children": draw(st.lists(st.integers(1, 150), min_size=n, max_size=n)),
    })
    for var in konz.variables:
        frame[var.column] = draw(st.lists(value, min_size=n, max_size=n))
    return frame


@st.composite
def datasets(draw, max_kitas: int = 30):
    konz = draw(konzeptionen())
    frame = draw(tables(konz, max_kitas=max_kitas))
    return konz, frame, build_kita_data(frame, konz, "test.csv")


def spread(frame: pd.DataFrame, column: str) -> float:
    return float(np.ptp(frame[column].to_numpy(dtype=float)))


# --- scenarios -------------------------------------------------------------------------------
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def scenarios(draw):

    from srb_core import Params
    from srb_core.funding import Adjustment, Choices
    from srb_core.scenarios import Scenario

    n = draw(st.integers(1, 5))
    params = Params(weights=tuple(draw(st.lists(st.floats(0, 4, allow_nan=False), min_size=n, max_size=n))),
                    k=draw(st.floats(0, 2, allow_nan=False)), ddof=draw(st.sampled_from([0, 1])),
                    budget_cents=draw(st.none() | st.integers(0, 10**11)))
    fractions = st.fractions(0, 10, max_denominator=1000)
    choices = Choices(
        centres=tuple(draw(st.lists(st.tuples(text, text), max_size=3))),
        requests=tuple(draw(st.lists(st.tuples(text, text, fractions), max_size=3))),
        exceptions=tuple(draw(st.lists(st.tuples(text, text), max_size=3))))
    adjustments = tuple(Adjustment(*a) for a in draw(st.lists(st.tuples(text, text, st.integers(0, 10**9), text),
                                                            max_size=3)))
    shares = tuple(draw(st.dictionaries(text, fractions, max_size=3)).items())
    name = draw(text.filter(lambda t: t.strip() and t.strip() == t))
    return Scenario(name=name, params=params, choices=choices, adjustments=adjustments, strand_shares=shares,
                    author=draw(text), note=draw(text), dataset=draw(text), data_fingerprint=draw(text))


# --- survey waves (issue 17) --------------------------------------------------------------------
answer = st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2))
cell = st.one_of(st.none(), answer)


@st.composite
def series(draw):
    """2–4 waves over a pool of Kitas; each wave a random subset (so Kitas open and close), random
    Sozialraum per Kita and wave, missing answers except in the first variable of each sub-index."""
    konz = draw(konzeptionen())
    pool = draw(st.integers(2, 12))
    n_waves = draw(st.integers(2, 4))
    firsts = {v.index: v.column for v in reversed(konz.variables)}
    waves = []
    for w in range(n_waves):
        members = draw(st.lists(st.integers(0, pool - 1), min_size=1, max_size=pool, unique=True))
        frame = pd.DataFrame({
            "kita_id": [f"k{i}" for i in members],
            "name": [f"Kita {i}" for i in members],
            "sozialraum": [f"R{draw(st.integers(0, 2))}" for _ in members],
            "children": draw(st.lists(st.integers(1, 150), min_size=len(members), max_size=len(members))),
        })
        for var in konz.variables:
            strategy = answer if var.column in firsts.values() else cell
            frame[var.column] = draw(st.lists(strategy, min_size=len(members), max_size=len(members)))
        waves.append(Wave(f"W{w}", build_kita_data(frame, konz, f"w{w}.csv")))
    aggregation = draw(st.sampled_from(["mean", "children_weighted"]))
    return konz, waves, konz.default_params().with_(aggregation=aggregation)


# --- money ---------------------------------------------------------------------------------------
def cents(max_cents: int | None = None):
    """Whole cents from 0 to the largest budget the engine allows (MAX_BUDGET_CENTS), small amounts often."""
    from srb_core.limits import MAX_BUDGET_CENTS

    top = MAX_BUDGET_CENTS if max_cents is None else max_cents
    return st.one_of(st.integers(0, 10_000), st.integers(0, top))


@st.composite
def cli_params(draw, konz: Konzeption):
    """Parameters the command line can express (--weights, --k, --budget) on the widgets' grids."""
    weights = tuple(draw(st.lists(st.sampled_from([0.0, 0.25, 0.5, 1.0, 1.33, 2.0, 3.5, 10.0]),
                                  min_size=len(konz.sub_indices), max_size=len(konz.sub_indices))))
    if not any(weights):
        weights = (1.0,) + weights[1:]
    k = draw(st.integers(0, 300)) / 100
    budget_cents = draw(st.one_of(st.integers(0, 10**9), st.sampled_from([0, 1, 99, 48_889_700])))
    return konz.default_params().with_(weights=weights, k=k, budget_cents=budget_cents)


# --- spreadsheet cells ---------------------------------------------------------------------------
# Every character XML 1.0 allows: no control characters but tab, line feed and carriage return; no
# surrogates (Cs), no U+FFFE/U+FFFF. Hostile texts (=1+1, <b>, &amp;, ${x}, `x`) are drawn often.
XML_FORBIDDEN = [chr(c) for c in range(32) if c not in (9, 10, 13)] + ["\ufffe", "\uffff"]
xml_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=XML_FORBIDDEN), max_size=40),
    st.sampled_from(['=1+1', '=HYPERLINK("http://x")', "+1", "-1", "@A1", "<b>fett</b>", "&amp;", "${x}", "`x`",
                     " Randleer ", "Zeile 1\r\nZeile 2", "Größe ÄÖÜß \"Zitat\" 'x'", "\t", "0123", "1e5", "TRUE"]),
)
xlsx_value = st.one_of(xml_text, st.none(), st.booleans(), st.integers(-10**15, 10**15),
                       st.floats(allow_nan=False, allow_infinity=False))


@st.composite
def xlsx_tables(draw, max_rows: int = 8, max_cols: int = 6):
    """A rectangular table of texts, numbers, booleans and empty cells (rows × columns, at least 1 × 1)."""
    cols = draw(st.integers(1, max_cols))
    return draw(st.lists(st.lists(xlsx_value, min_size=cols, max_size=cols), min_size=1, max_size=max_rows))
