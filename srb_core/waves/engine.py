"""Compare survey waves on bounds pooled over all waves, and split every change into its variables.

Pooled bounds (per variable): lower = smallest, upper = largest value of any Kita in any wave. A
standard score on pooled bounds is s = (x − lower) ÷ (upper − lower) × 100 (flipped to 100 − s where
a higher value means less need; 0 for a variable without spread), so the same answer scores the
same in every wave and a change of the index is a change of the answers, not of the others' range.

Each Kita's Gesamtindex is the weighted mean of its sub-indices, each the mean of the scores present:
    G = Σ_v t_v   with the term   t_v = e_g(v) · s_v ÷ n_g(v)   (0 if the answer v is missing),
e_g the effective weight of sub-index g (weight ÷ sum of weights) and n_g the number of answers the
Kita gave in g. The change between two waves is therefore exactly
    G_b − G_a = Σ_v (t_v,b − t_v,a),
and c_v = t_v,b − t_v,a is the contribution of variable v. Missing answers: if a Kita answers a
variable in one wave only, that variable's contribution is its whole term of that wave, and the
other variables of the sub-index carry the change of n_g (their share 1/n_g moves) — the sum stays
exact. A Sozialraum's terms are the (children-)weighted means of its Kitas' terms in that wave, so
its change splits the same way; Kitas that opened or closed are part of its wave means.

Independently, every wave is also computed on its own, as the Konzeption prescribes (own bounds, own
norm band): the band classes and shares of each wave come from that, never from the pooled scale.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..errors import SrbInputError
from ..index.normband import CLASS_NAMES
from ..index.subindex import membership
from ..konzeption.model import Konzeption, Params
from ..step1 import Result, check_params, compute
from .series import Wave, check_waves, union_ids


@dataclass(frozen=True, eq=False)
class WaveComparison:
    """All waves of a series. Axes: K Kitas (union of all waves), W waves, V variables, S sub-indices,
    R Sozialräume (union). Values of absent units are NaN (None in exact mode)."""

    labels: tuple[str, ...]
    konzeption: Konzeption
    params: Params
    kita_ids: tuple[str, ...]
    names: tuple[str, ...]  # from the newest wave the Kita is in
    kita_sozialraum: tuple[str, ...]  # likewise
    sozialraum_names: tuple[str, ...]
    present: np.ndarray  # (K × W) bool
    lower: np.ndarray  # (V,) pooled bounds
    upper: np.ndarray
    constant: np.ndarray  # (V,) bool: no spread over all waves
    kita_terms: np.ndarray  # (K × W × V), 0 where absent
    kita_overall: np.ndarray  # (K × W)
    kita_sub: np.ndarray  # (K × W × S), float, pooled bounds
    sr_present: np.ndarray  # (R × W)
    sr_terms: np.ndarray  # (R × W × V)
    sr_overall: np.ndarray  # (R × W)
    sr_sub: np.ndarray  # (R × W × S)
    results: tuple[Result | None, ...]  # each wave on its own (own bounds, own norm band); None if impossible
    own_overall: np.ndarray  # (K × W) float, NaN where absent
    own_class: np.ndarray  # (K × W) float: 1 above, 0 within, −1 below, NaN absent
    shares: np.ndarray  # (R × W) float, NaN where the Sozialraum has no Kita
    euros_cents: np.ndarray | None  # (R × W) float (whole cents), NaN where absent
    notes: tuple[str, ...] = ()  # why a wave could not be computed on its own

    @property
    def columns(self) -> tuple[str, ...]:
        """The survey columns of the Konzeption."""
        return self.konzeption.columns

    def _pair(self, a: int, b: int) -> tuple[int, int]:
        n = len(self.labels)
        return a % n, b % n

    def kita_change(self, a: int = 0, b: int = -1) -> tuple[np.ndarray, np.ndarray]:
        """(change (K,), contributions (K × V)) from wave a to wave b; missing unless in both waves."""
        a, b = self._pair(a, b)
        return _change(self.kita_overall, self.kita_terms, self.present, a, b)

    def sr_change(self, a: int = 0, b: int = -1) -> tuple[np.ndarray, np.ndarray]:
        """Per Sozialraum Δ Gesamtindex between waves a and b and each sub-index's part of it."""
        a, b = self._pair(a, b)
        return _change(self.sr_overall, self.sr_terms, self.sr_present, a, b)

    def new_kitas(self, a: int = 0, b: int = -1) -> list[str]:
        """In wave b but not in wave a (opened, or newly surveyed)."""
        a, b = self._pair(a, b)
        return [k for i, k in enumerate(self.kita_ids) if self.present[i, b] and not self.present[i, a]]

    def closed_kitas(self, a: int = 0, b: int = -1) -> list[str]:
        """In wave a but not in wave b (closed, or not surveyed again)."""
        a, b = self._pair(a, b)
        return [k for i, k in enumerate(self.kita_ids) if self.present[i, a] and not self.present[i, b]]

    def transitions(self, a: int = 0, b: int = -1) -> list[tuple[str, str, str]]:
        """(kita_id, from, to) for every Kita in both waves whose own norm-band class changed."""
        a, b = self._pair(a, b)
        x, y = self.own_class[:, a], self.own_class[:, b]
        changed = np.flatnonzero(~np.isnan(x) & ~np.isnan(y) & (x != y))
        return [(self.kita_ids[i], CLASS_NAMES[int(x[i])], CLASS_NAMES[int(y[i])]) for i in changed]

    def transition_matrix(self, a: int = 0, b: int = -1) -> np.ndarray:
        """3 × 3 counts, rows = class in wave a, columns = class in wave b, order above/within/below."""
        a, b = self._pair(a, b)
        both = self.present[:, a] & self.present[:, b]
        out = np.zeros((3, 3), dtype=int)
        for x, y in zip(self.own_class[both, a], self.own_class[both, b], strict=True):
            out[1 - int(x), 1 - int(y)] += 1
        return out


def _change(overall: np.ndarray, terms: np.ndarray, present: np.ndarray, a: int, b: int):
    both = present[:, a] & present[:, b]
    exact = overall.dtype == object
    missing = None if exact else np.nan
    change = np.array([overall[i, b] - overall[i, a] if both[i] else missing for i in range(len(both))],
                      dtype=overall.dtype) if exact else np.where(both, overall[:, b] - overall[:, a], np.nan)
    contrib = terms[:, b, :] - terms[:, a, :]
    if exact:
        contrib = contrib.astype(object)
        contrib[~both] = None
    else:
        contrib = np.where(both[:, None], contrib, np.nan)
    return change, contrib


def compare_waves(waves: list[Wave], konzeption: Konzeption, params: Params | None = None,
                  exact: bool = False) -> WaveComparison:
    """Pooled-bounds values, changes and decompositions of all waves, plus each wave computed on its own.

    With exact=True the pooled arithmetic runs on Fractions (the inputs' floats converted exactly),
    so the decomposition law Σ_v c_v = ΔG can be checked with `==`; the default uses floats.
    """
    check_waves(waves, konzeption)
    params = params or konzeption.default_params()
    check_params(konzeption, params)
    ids = union_ids(waves)
    pos = {k: i for i, k in enumerate(ids)}
    n_k, n_w, n_v, n_s = len(ids), len(waves), len(konzeption.variables), len(konzeption.sub_indices)
    stack = np.vstack([w.data.values for w in waves])
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a variable nobody answered: constant, 0 points
        lower, upper = np.nanmin(stack, axis=0), np.nanmax(stack, axis=0)
    constant = ~(upper - lower > 0)
    groups = np.array([konzeption.sub_indices.index(v.index) for v in konzeption.variables], dtype=int)
    more = np.array([v.more_is_need for v in konzeption.variables])
    weights = np.asarray(params.weights, dtype=float)
    weights = np.where(weights > 0, weights, 0.0)
    eff = [Fraction(w) / Fraction(weights.sum()) for w in weights] if exact else weights / weights.sum()
    sr_names = tuple(dict.fromkeys(s for w in waves for s in w.data.sozialraum_names))
    sr_pos = {s: r for r, s in enumerate(sr_names)}
    dtype = object if exact else float
    missing = None if exact else np.nan

    terms = np.zeros((n_k, n_w, n_v), dtype=dtype)
    present = np.zeros((n_k, n_w), dtype=bool)
    sub = np.full((n_k, n_w, n_s), np.nan)
    sr_terms = np.zeros((len(sr_names), n_w, n_v), dtype=dtype)
    sr_sub = np.full((len(sr_names), n_w, n_s), np.nan)
    sr_present = np.zeros((len(sr_names), n_w), dtype=bool)
    results: list[Result | None] = []
    notes: list[str] = []
    names: dict[str, str] = {}
    areas: dict[str, str] = {}
    for w, wave in enumerate(waves):
        data = wave.data
        rows = np.array([pos[k] for k in data.kita_ids], dtype=int)
        t, s = wave_terms(data.values, lower, upper, more, groups, n_s, eff, exact)
        terms[rows, w], sub[rows, w], present[rows, w] = t, s, True
        codes = np.array([sr_pos[data.sozialraum_names[c]] for c in data.sozialraum], dtype=int)
        child = data.children if params.aggregation == "children_weighted" else None
        sr_terms[:, w] = _group_mean(t, codes, len(sr_names), child, exact)
        sr_sub[:, w] = _group_mean(s, codes, len(sr_names), child, False)
        sr_present[:, w] = np.bincount(codes, minlength=len(sr_names)) > 0
        try:
            results.append(compute(data, konzeption, params))
        except SrbInputError as exc:  # e.g. every Kita of a wave scores 0: no shares, but pooled values exist
            results.append(None)
            notes.append(f"Welle „{wave.label}“ kann für sich nicht berechnet werden: {exc.problems[0].message}")
        names.update(zip(data.kita_ids, data.names, strict=True))
        areas.update(zip(data.kita_ids, np.asarray(data.sozialraum_names, dtype=object)[data.sozialraum], strict=True))

    overall = _sum_or_missing(terms, present, missing)
    sr_overall = _sum_or_missing(sr_terms, sr_present, missing)
    own_overall, own_class = np.full((n_k, n_w), np.nan), np.full((n_k, n_w), np.nan)
    shares, euros = np.full((len(sr_names), n_w), np.nan), np.full((len(sr_names), n_w), np.nan)
    for w, (wave, res) in enumerate(zip(waves, results, strict=True)):
        if res is None:
            continue
        rows = np.array([pos[k] for k in wave.data.kita_ids], dtype=int)
        own_overall[rows, w], own_class[rows, w] = res.kita_overall, res.kita_class
        sr_rows = np.array([sr_pos[s] for s in wave.data.sozialraum_names], dtype=int)
        shares[sr_rows, w] = res.shares
        if res.euros_cents is not None:
            euros[sr_rows, w] = res.euros_cents
    return WaveComparison(
        labels=tuple(w.label for w in waves), konzeption=konzeption, params=params, kita_ids=ids,
        names=tuple(names[k] for k in ids), kita_sozialraum=tuple(areas[k] for k in ids),
        sozialraum_names=sr_names, present=present, lower=lower, upper=upper, constant=constant,
        kita_terms=terms, kita_overall=overall, kita_sub=sub, sr_present=sr_present, sr_terms=sr_terms,
        sr_overall=sr_overall, sr_sub=sr_sub, results=tuple(results), own_overall=own_overall,
        own_class=own_class, shares=shares, euros_cents=None if params.budget_cents is None else euros,
        notes=tuple(notes),
    )


def wave_terms(values: np.ndarray, lower: np.ndarray, upper: np.ndarray, more: np.ndarray, groups: np.ndarray,
               n_sub: int, eff, exact: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(terms t (n × V), sub-indices (n × S) as float) of one wave on the given (pooled) bounds.

    t_iv = e_g · s_iv ÷ n_ig for a present answer, 0 for a missing one (formula in the module text).
    """
    present = ~np.isnan(values)
    constant = ~(upper - lower > 0)
    counts = present.astype(int) @ membership(list(groups), n_sub).astype(int)  # answers per sub-index
    per_var = np.maximum(counts[:, groups], 1)  # a Kita without any answer in g was refused on import
    if exact:
        lo_f = [Fraction(x) if not c else Fraction(0) for x, c in zip(lower, constant, strict=True)]
        span_f = [Fraction(h) - Fraction(x) if not c else Fraction(1)
                  for x, h, c in zip(lower, upper, constant, strict=True)]
        terms = np.zeros(values.shape, dtype=object)
        scores = np.full(values.shape, np.nan)
        for i, j in zip(*np.nonzero(present), strict=True):
            if constant[j]:
                s = Fraction(0)
            else:
                s = (Fraction(values[i, j]) - lo_f[j]) / span_f[j] * 100
                s = s if more[j] else 100 - s
            terms[i, j] = eff[groups[j]] * s / int(per_var[i, j])
            scores[i, j] = float(s)
    else:
        span = np.where(constant, 1.0, upper - lower)
        scaled = (values - np.where(constant, 0.0, lower)) / span * 100.0
        scores = np.where(constant, 0.0, np.where(more, scaled, 100.0 - scaled))
        scores = np.where(present, scores, np.nan)
        terms = np.where(present, np.nan_to_num(scores) * np.asarray(eff)[groups] / per_var, 0.0)
    member = membership(list(groups), n_sub)
    with np.errstate(invalid="ignore", divide="ignore"):
        sub = np.where(present, np.nan_to_num(scores), 0.0) @ member / counts
    return terms, sub


def _group_mean(matrix: np.ndarray, codes: np.ndarray, n_groups: int, weights: np.ndarray | None,
                exact: bool) -> np.ndarray:
    """(R × columns): per Sozialraum the (children-)weighted mean of its Kitas' rows; 0 for an empty one."""
    a = np.ones(len(codes)) if weights is None else np.asarray(weights, dtype=float)
    totals = np.bincount(codes, weights=a, minlength=n_groups)
    if exact:
        out = np.zeros((n_groups, matrix.shape[1]), dtype=object)
        for i, (c, w) in enumerate(zip(codes, a, strict=True)):
            out[c] += matrix[i] * (Fraction(w) / Fraction(totals[c]))
        return out
    safe = np.where(totals > 0, totals, 1.0)
    return np.column_stack([np.bincount(codes, weights=matrix[:, j] * a, minlength=n_groups)
                            for j in range(matrix.shape[1])]) / safe[:, None]


def _sum_or_missing(terms: np.ndarray, present: np.ndarray, missing):
    total = terms.sum(axis=-1)
    if terms.dtype == object:
        total = total.astype(object)
        total[~present] = missing
        return total
    return np.where(present, total, np.nan)
