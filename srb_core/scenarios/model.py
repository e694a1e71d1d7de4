"""A what-if scenario: everything needed to recompute a distribution months later."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction

from ..funding.model import Adjustment, Choices
from ..konzeption import Konzeption, Params

BASELINE_ID = "beschluss"
BASELINE_NAME = "Beschluss (Konzeption)"


@dataclass(frozen=True)
class Scenario:
    """A named what-if: parameters, step-2 choices, adjustments by hand and strand shares, with its metadata."""

    name: str
    params: Params
    choices: Choices = field(default_factory=Choices)
    adjustments: tuple[Adjustment, ...] = ()
    # Strand key → share of a Sozialraum's budget; empty means the Konzeption's own shares.
    strand_shares: tuple[tuple[str, Fraction], ...] = ()
    author: str = ""
    note: str = ""
    dataset: str = ""  # which data set it belongs to (demo key or "upload")
    konzeption: str = ""  # name of the Konzeption it was made with
    data_fingerprint: str = ""
    id: str = ""  # given by the store
    created: str = ""  # ISO 8601, UTC, given by the store
    updated: str = ""
    # plan_key of the proposal the adjustments were made for (the session's); None: always apply them.
    # Not stored: a saved scenario keeps only adjustments that were applied.
    adjustments_for: int | None = None

    @property
    def is_baseline(self) -> bool:
        """True for the Beschluss (the adopted Konzeption as scenario)."""
        return self.id == BASELINE_ID

    def with_(self, **changes) -> Scenario:
        """A copy with the given fields changed."""
        return replace(self, **changes)


def baseline_scenario(konzeption: Konzeption, dataset: str, data_fingerprint: str) -> Scenario:
    """The adopted Konzeption as a scenario. It is derived, never stored, so it cannot be overwritten."""
    return Scenario(name=BASELINE_NAME, params=konzeption.default_params(), dataset=dataset,
                    konzeption=konzeption.name, data_fingerprint=data_fingerprint, id=BASELINE_ID,
                    note="Die beschlossene Konzeption ohne Änderungen.")
