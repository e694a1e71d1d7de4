"""Why did a Sozialraum's share move? The change split exactly among the parameters that changed.

Players are the parameters that differ between the Beschluss (params `a`) and the current setting (`b`):
each sub-index weight that changed, k, and each method choice (aggregation, allocation, ddof). For a set S of
players, v(S) = shares computed with the players in S at their new value and all others at the Beschluss.
The Shapley value of player i is

    φ_i = Σ_{S ⊆ N∖{i}} |S|! (n−|S|−1)! / n! · (v(S ∪ {i}) − v(S)),

so Σ_i φ_i = v(N) − v(∅) = shares(b) − shares(a) (efficiency), an unchanged parameter is no player and
contributes 0, and a player that never changes a share gets 0 (dummy). 2^n results are computed; n is
bounded by MAX_PLAYERS (a room changes a few parameters at a time).
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

import numpy as np

from ..data import KitaData
from ..konzeption import Konzeption, Params
from ..step1 import Result, compute

MAX_PLAYERS = 10
METHOD_FIELDS = ("k", "aggregation", "allocation", "ddof")


@dataclass(frozen=True)
class Player:
    """One changed parameter: `field` is "weight" (with its sub-index `index`) or a Params field."""

    field: str
    index: int = -1


@dataclass(frozen=True)
class Contributions:
    """phi[i, r] = contribution of players[i] to the change of Sozialraum r's share (fractions, not %)."""

    players: tuple[Player, ...]
    phi: np.ndarray
    delta: np.ndarray  # shares(b) − shares(a) per Sozialraum


def players(a: Params, b: Params) -> tuple[Player, ...]:
    """The parameters that differ between `a` and `b` (the budget changes euros, not shares: no player)."""
    out = [Player("weight", i) for i, (x, y) in enumerate(zip(a.weights, b.weights, strict=True)) if x != y]
    out += [Player(f) for f in METHOD_FIELDS if getattr(a, f) != getattr(b, f)]
    return tuple(out)


def _mix(a: Params, b: Params, chosen: tuple[Player, ...]) -> Params:
    """`a` with the chosen players set to their value in `b`."""
    weights = list(a.weights)
    fields = {}
    for p in chosen:
        if p.field == "weight":
            weights[p.index] = b.weights[p.index]
        else:
            fields[p.field] = getattr(b, p.field)
    return replace(a, weights=tuple(weights), **fields)


def shapley_shares(data: KitaData, konzeption: Konzeption, a: Params, b: Params,
                   results: dict[Params, Result] | None = None) -> Contributions:
    """Exact Shapley split of shares(b) − shares(a) among the changed parameters (see module docstring)."""
    ps = players(a, b)
    n = len(ps)
    if n > MAX_PLAYERS:
        raise ValueError(f"too many changed parameters ({n} > {MAX_PLAYERS})")
    memo: dict[Params, np.ndarray] = {}

    def v(subset: tuple[int, ...]) -> np.ndarray:
        params = _mix(a, b, tuple(ps[i] for i in subset))
        if params not in memo:
            known = results.get(params) if results else None
            memo[params] = (known if known is not None else compute(data, konzeption, params)).shares
        return memo[params]

    start, end = v(()), v(tuple(range(n)))
    phi = np.zeros((n, len(start)))
    for i in range(n):
        others = [j for j in range(n) if j != i]
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for subset in itertools.combinations(others, size):
                with_i = tuple(sorted((*subset, i)))
                phi[i] += weight * (v(with_i) - v(subset))
    return Contributions(ps, phi, end - start)
