"""Step 1 for a whole batch of variants at once: weights, k, SD, aggregation and rescaling per row.

Every operation is the engine's own (srb_core.step1) applied row-wise with the same order of
arithmetic, so a variant with the nominal parameters reproduces the engine bit for bit (tested);
there is no Python loop over Kitas or over variants, only over the at most six combinations of
rescaling and aggregation present in a batch.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..allocation.cents_batch import apportion_cents_rows
from ..allocation.shares import METHODS
from ..data import KitaData
from ..errors import ParameterError, Problem
from ..funding.model import INDEX_RULES, OVERALL, Funding, Rule
from ..index import membership, norm_band, sub_indices
from ..index.normband import _TOLERANCE
from ..konzeption.model import Konzeption, Params
from .model import AGGREGATION_CHOICES, RESCALINGS
from .rescale import rescaled


@dataclass(frozen=True)
class IndexStrand:
    """A funding strand whose decision depends on an index: its key, rule and column (None = Gesamtindex)."""

    key: str
    label: str
    rule: str
    column: int | None


@dataclass(frozen=True, eq=False)
class Prepared:
    """Everything that does not change between variants, computed once per run."""

    n: int
    n_sr: int
    used: np.ndarray  # indices of the sub-indices with a nominal weight > 0
    sub: dict[str, np.ndarray]  # rescaling → (Kitas × sub-indices)
    codes: np.ndarray
    group_weights: dict[str, np.ndarray]  # aggregation → weight per Kita (ones for the plain mean)
    group_totals: dict[str, np.ndarray]
    children_sr: np.ndarray | None
    allocation: str
    budget_cents: int | None
    strands: tuple[IndexStrand, ...]


@dataclass(frozen=True, eq=False)
class Batch:
    """Results of one batch of c variants (rows)."""

    shares: np.ndarray  # (c × Sozialräume)
    cents: np.ndarray | None  # (c × Sozialräume), every row sums to the budget
    ranks: np.ndarray  # (c × Sozialräume), 1 = largest share
    above: np.ndarray | None  # per Kita: in how many rows above the band
    below: np.ndarray | None
    eligible: np.ndarray | None  # (Kitas × index strands): in how many rows eligible


def index_strands(funding: Funding | None, konzeption: Konzeption) -> tuple[IndexStrand, ...]:
    """The index-based strands (rules in INDEX_RULES) with the sub-index they read (None = Gesamtindex)."""
    if funding is None:
        return ()
    return tuple(IndexStrand(s.key, s.label, s.rule,
                             None if s.index == OVERALL else konzeption.sub_indices.index(s.index))
                 for s in funding.strands if s.rule in INDEX_RULES)


def prepare(data: KitaData, konzeption: Konzeption, params: Params, funding: Funding | None,
            rescalings: tuple[str, ...] = RESCALINGS) -> Prepared:
    """Precompute what every variant shares: sub-indices per rescaling, Kita weights per aggregation, children per
    Sozialraum."""
    more = np.array([v.more_is_need for v in konzeption.variables])
    groups = [konzeption.sub_indices.index(v.index) for v in konzeption.variables]
    member = membership(groups, len(konzeption.sub_indices))
    sub = {r: sub_indices(rescaled(data.values, more, r), member) for r in rescalings}
    n_sr = len(data.sozialraum_names)
    weights = {"mean": np.ones(data.n)}
    if data.children is not None:
        weights["children_weighted"] = data.children
    totals = {a: np.bincount(data.sozialraum, weights=w, minlength=n_sr) for a, w in weights.items()}
    children_sr = None
    if data.children is not None:
        children_sr = np.bincount(data.sozialraum, weights=data.children, minlength=n_sr)
    return Prepared(data.n, n_sr, np.flatnonzero(np.asarray(params.weights) > 0), sub, data.sozialraum, weights,
                    totals, children_sr, params.allocation, params.budget_cents, index_strands(funding, konzeption))


def overall_rows(sub: np.ndarray, weights: np.ndarray, used: np.ndarray) -> np.ndarray:
    """(c × Kitas) Gesamtindex: srb_core.index.overall for every row of `weights`, same order of sums."""
    effective = weights[:, used] / weights[:, used].sum(axis=1, keepdims=True)
    total = effective[:, 0:1] * sub[None, :, used[0]]
    term = np.empty_like(total)
    for g in range(1, len(used)):  # in place: the same products and sums, without new arrays
        np.multiply(effective[:, g:g + 1], sub[None, :, used[g]], out=term)
        np.add(total, term, out=total)
    return total


def group_means_rows(values: np.ndarray, p: Prepared, aggregation: str) -> np.ndarray:
    """(c × Sozialräume): srb_core.index.aggregate.group_means of every row; one bincount for the batch."""
    c = values.shape[0]
    w, totals = p.group_weights[aggregation], p.group_totals[aggregation]
    if np.any(totals <= 0):
        raise ParameterError(Problem("Ein Sozialraum hat die Kinderzahl 0; nach Kinderzahl gewichtete Werte sind "
                                     "nicht bestimmt.", column="children"))
    flat = (p.codes[None, :] + p.n_sr * np.arange(c)[:, None]).ravel()
    sums = np.bincount(flat, weights=(values * w[None, :]).ravel(), minlength=c * p.n_sr)
    return sums.reshape(c, p.n_sr) / totals


def band_rows(values: np.ndarray, k: np.ndarray, ddof: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: mean, lower and upper bound of the norm band, as srb_core.index.norm_band computes them."""
    n = values.shape[1]
    mean = values.sum(axis=1, keepdims=True) / n
    dev = values - mean
    ss = (dev * dev).sum(axis=1)
    sd = np.where(n > ddof, np.sqrt(ss / np.maximum(n - ddof, 1)), 0.0)
    return mean[:, 0], mean[:, 0] - k * sd, mean[:, 0] + k * sd


def ranks_of(shares: np.ndarray) -> np.ndarray:
    """Rank 1 = largest share; equal shares keep the order of the Sozialräume."""
    order = np.argsort(-shares, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, shares.shape[1] + 1)[None, :].repeat(len(shares), 0), axis=1)
    return ranks


def _sub_eligibility(p: Prepared, strand: IndexStrand, rescaling: np.ndarray, k: np.ndarray,
                     ddof: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Count per Kita of the rows where a strand on a sub-index is eligible: the sub-index does not
    depend on the weights, so only the few combinations of rescaling, k and SD are evaluated."""
    counts = np.zeros(p.n)
    combos, freq = np.unique(np.column_stack([rescaling[rows], k[rows], ddof[rows]]), axis=0, return_counts=True)
    for (r, kk, dd), f in zip(combos, freq, strict=True):
        values = p.sub[RESCALINGS[int(r)]][:, strand.column]
        band = norm_band(values, float(kk), int(dd))
        ok = values >= band.lower - _TOLERANCE if strand.rule == Rule.INDEX_AT_LEAST_LOWER else values > band.mean + \
            _TOLERANCE
        counts += f * ok
    return counts


def evaluate_draws(p: Prepared, weights: np.ndarray, k: np.ndarray, ddof: np.ndarray, aggregation: np.ndarray,
             rescaling: np.ndarray, kitas: bool = True) -> Batch:
    """All rows of one batch. aggregation and rescaling are codes into AGGREGATION_CHOICES and RESCALINGS."""
    c = len(weights)
    shares = np.empty((c, p.n_sr))
    above, below, eligible = np.zeros(p.n), np.zeros(p.n), np.zeros((p.n, len(p.strands)))
    for r, a in {(int(r), int(a)) for r, a in zip(rescaling, aggregation, strict=True)}:
        rows = np.flatnonzero((rescaling == r) & (aggregation == a))
        total = overall_rows(p.sub[RESCALINGS[r]], weights[rows], p.used)
        points = group_means_rows(total, p, AGGREGATION_CHOICES[a])
        mass = METHODS[p.allocation].fn(points, p.children_sr)
        if np.any(mass < 0) or np.any(~(mass.sum(axis=1) > 0)):
            raise ParameterError(Problem("In einer Variante haben alle Sozialräume 0 Punkte; die Verteilung ist "
                                         "nicht bestimmt."))
        shares[rows] = mass / mass.sum(axis=1, keepdims=True)
        if kitas:
            mean, lower, upper = band_rows(total, k[rows], ddof[rows])
            up = total > (upper + _TOLERANCE)[:, None]
            down = total < (lower - _TOLERANCE)[:, None]
            above += up.sum(axis=0)
            below += down.sum(axis=0)
            for s, strand in enumerate(p.strands):
                if strand.column is not None:
                    eligible[:, s] += _sub_eligibility(p, strand, rescaling, k, ddof, rows)
                elif strand.rule == Rule.INDEX_AT_LEAST_LOWER:
                    eligible[:, s] += len(rows) - down.sum(axis=0)
                else:
                    eligible[:, s] += (total > (mean + _TOLERANCE)[:, None]).sum(axis=0)
    cents = apportion_cents_rows(p.budget_cents, shares) if p.budget_cents is not None else None
    if not kitas:
        return Batch(shares, cents, ranks_of(shares), None, None, None)
    return Batch(shares, cents, ranks_of(shares), above, below, eligible)
