"""The Konzeption as plain frozen data: what a Jugendamt adopted, and what a user may vary."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from .indicators import Indicator

if TYPE_CHECKING:
    from ..funding.model import Funding

DIRECTIONS = ("higher_is_more_need", "higher_is_less_need")
SCALES = ("share", "rating", "count", "yes_no", "ordinal", "number")
AGGREGATIONS = ("mean", "children_weighted")
ALLOCATIONS = ("proportional", "proportional_children")

SCALE_LABELS = {
    "share": "Anteil in %",
    "rating": "Mittelwert einer Bewertung",
    "count": "Anzahl",
    "yes_no": "ja/nein (1/0)",
    "ordinal": "Rangstufe",
    "number": "Zahl",
}


@dataclass(frozen=True)
class Variable:
    """One survey variable: its column, its sub-index, the direction of need, label, scale, unit and allowed range."""

    column: str
    index: str
    direction: str = "higher_is_more_need"
    label: str = ""
    scale: str = "number"
    unit: str = ""
    value_range: tuple[float, float] | None = None  # allowed raw range, checked on import
    description: str = ""

    @property
    def title(self) -> str:
        """The label, or the column name where no label is given."""
        return self.label or self.column

    @property
    def more_is_need(self) -> bool:
        """True if a higher answer means more need (direction higher_is_more_need)."""
        return self.direction == "higher_is_more_need"


@dataclass(frozen=True)
class Params:
    """Everything a slider or a scenario may change; hashable so results can be cached by it."""

    weights: tuple[float, ...]
    k: float = 1.0
    ddof: int = 1
    aggregation: str = "mean"
    allocation: str = "proportional"
    budget_cents: int | None = None

    def with_(self, **changes) -> Params:
        """A copy with the given fields changed."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Konzeption:
    """What a Jugendamt adopted: sub-indices, variables, weights, k, ddof, aggregation, allocation, budget and the rule
    tables."""

    name: str
    sub_indices: tuple[str, ...]
    variables: tuple[Variable, ...]
    weights: tuple[float, ...]
    k: float = 1.0
    ddof: int = 1
    aggregation: str = "mean"
    allocation: str = "proportional"
    budget_cents: int | None = None
    sozialraeume: tuple[str, ...] = ()  # preferred display order; empty = alphabetical
    description: str = ""
    demo: bool = False
    source: str = ""  # file it was read from, for messages
    # Tables later features read (funding strands, step 2, staff costs), kept verbatim.
    extra: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}), compare=False, hash=False)
    indicators: tuple[Indicator, ...] = ()  # catalogue of the yearly reports, [[indicators]]

    @property
    def columns(self) -> tuple[str, ...]:
        """The survey columns of the variables, in order."""
        return tuple(v.column for v in self.variables)

    @cached_property
    def fingerprint(self) -> str:
        """SHA-256 (first 16 hex digits, as KitaData.fingerprint) of the whole content.

        Canonical form: every field but `source` (a file name is no content) as sorted-key JSON,
        floats in their exact repr, the verbatim rule tables included. Two files that differ in one
        direction, weight or strand share have different fingerprints; the same content under
        another file name has the same one. Caches key on it, never on the name.
        """
        content = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "source"}
        content["variables"] = [vars(v) for v in self.variables]
        content["extra"] = _plain(self.extra)
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    @cached_property
    def funding(self) -> Funding | None:
        """The funding strands, step 2 and staff parsed from the rule tables (None without [[strands]]).

        load_konzeption fills it, so a bad [[strands]] block is refused at upload; a copy made with
        dataclasses.replace parses its own tables again.
        """
        from ..funding.load import parse_funding  # funding depends on the Konzeption, not the reverse

        return parse_funding(self)

    def variables_of(self, sub_index: str) -> tuple[Variable, ...]:
        """The variables that belong to one sub-index."""
        return tuple(v for v in self.variables if v.index == sub_index)

    def default_params(self) -> Params:
        """The adopted parameters (weights, k, ddof, aggregation, allocation, budget) as Params."""
        return Params(
            weights=self.weights,
            k=self.k,
            ddof=self.ddof,
            aggregation=self.aggregation,
            allocation=self.allocation,
            budget_cents=self.budget_cents,
        )


def _plain(node: object) -> object:
    """Mappings (also read-only ones) as dicts, so json can write the rule tables."""
    if isinstance(node, Mapping):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [_plain(v) for v in node]
    return node
