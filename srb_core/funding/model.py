"""Funding strands, step-2 model and staff costs as frozen data, read from the Konzeption."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction


class Rule(StrEnum):
    """The rule kinds of a funding strand, as written in `[[strands]] rule = "…"`.

    A StrEnum, so `strand.rule == Rule.ON_REQUEST` holds for the plain text read from a file. How each
    kind decides lives in `funding.rules.RULE_KINDS` (key, German label, function).
    """

    INDEX_AT_LEAST_LOWER = "index_at_least_lower"
    INDEX_ABOVE_MEAN = "index_above_mean"
    ANY_OF = "any_of"
    ALL_OF = "all_of"
    ONE_PER_SOZIALRAUM = "one_per_sozialraum"
    ON_REQUEST = "on_request"

    @property
    def label(self) -> str:
        """German description of the rule."""
        return RULE_LABELS[self.value]


# Rules decided on an index value against its norm band (sensitive to k, weights, data).
INDEX_RULES = (Rule.INDEX_AT_LEAST_LOWER, Rule.INDEX_ABOVE_MEAN)
# Rules decided on yes/no indicator columns.
INDICATOR_RULES = (Rule.ANY_OF, Rule.ALL_OF)


class Step2Model(StrEnum):
    """How step 2 divides a Sozialraum's money, as written in `[step2] model = "…"`; functions in
    `funding.proposal.STEP2_MODELS`."""

    PROPORTIONAL = "proportional"
    BASE_PLUS_TOPUP = "base_plus_topup"


RULES = tuple(r.value for r in Rule)
RULE_LABELS = {
    "index_at_least_lower": "Index erreicht mindestens die untere Grenze des Normbereichs",
    "index_above_mean": "Index liegt über dem Mittelwert (Ausnahme: über der unteren Grenze)",
    "any_of": "mindestens ein Indikator trifft zu",
    "all_of": "alle Indikatoren treffen zu",
    "one_per_sozialraum": "eine Kita je Sozialraum (Auswahl)",
    "on_request": "auf begründeten Antrag",
}
MODELS = tuple(m.value for m in Step2Model)
MODEL_LABELS = {
    "proportional": "Anteile je Förderstrang, innerhalb nach Index oder zu gleichen Teilen",
    "base_plus_topup": "Sockelbetrag plus Aufstockung",
}
OVERALL = "Gesamtindex"


@dataclass(frozen=True)
class Strand:
    """One funding strand ([[strands]]): who is eligible (rule kind and its parameters), its share and its staff
    type."""

    key: str
    label: str
    rule: str
    staff_type: str
    index: str = OVERALL  # for the index rules: "Gesamtindex" or a sub-index name
    columns: tuple[str, ...] = ()  # for any_of / all_of
    exceptions_above_lower: bool = False  # index_above_mean: lower bound … mean is a justified exception
    share: Fraction = Fraction(0)  # of a Sozialraum's budget left after on-request strands
    cap_fte: Fraction | None = None  # on_request: for the whole Jugendamt


@dataclass(frozen=True)
class StaffType:
    """A kind of post: yearly employer cost of one full-time post in cents and weekly hours of a full-time post."""

    key: str
    label: str
    cost_per_fte_cents: int  # yearly employer cost of one full-time post
    hours_per_fte: Fraction = Fraction(39)


@dataclass(frozen=True)
class Step2:
    """How step 2 divides a Sozialraum's money ([step2] of the Konzeption): model, weighting and base/top-up amounts."""

    model: str = "proportional"
    weight_by_children: bool = False
    reassign_unused: bool = True  # a strand without eligible Kita gives its money to the other strands
    base_cents: int | None = None  # base_plus_topup: None = derived so the budget is used exactly
    topup_cents: int = 0
    topup_column: str = ""
    payment: str = "monthly"


@dataclass(frozen=True)
class Funding:
    """Step 2 as adopted: the funding strands, the step-2 model, staff types, the state's share of staff costs and the
    FTE step."""

    strands: tuple[Strand, ...]
    step2: Step2
    staff: tuple[StaffType, ...]
    state_share: Fraction = Fraction(3, 5)  # the state funds 60 % of personnel costs
    fte_step: Fraction = Fraction(1, 20)

    def strand(self, key: str) -> Strand:
        """The strand with this key (StopIteration if unknown; the loader checks keys)."""
        return next(s for s in self.strands if s.key == key)

    def staff_type(self, key: str) -> StaffType:
        """The staff type with this key (StopIteration if unknown; the loader checks keys)."""
        return next(s for s in self.staff if s.key == key)


@dataclass(frozen=True)
class Choices:
    """What the Jugendamt decides by hand: centres, requests, approved exceptions."""

    centres: tuple[tuple[str, str], ...] = ()  # (strand, kita_id); at most one per Sozialraum
    requests: tuple[tuple[str, str, Fraction], ...] = ()  # (strand, kita_id, FTE requested)
    exceptions: tuple[tuple[str, str], ...] = ()  # (strand, kita_id) approved as justified exception


@dataclass(frozen=True)
class Adjustment:
    """A change by hand: this Kita gets `cents` in this strand instead of the proposal, with a reason."""

    strand: str
    kita_id: str
    cents: int
    reason: str = ""


@dataclass(frozen=True)
class Plan:
    """The step-2 proposal: euros per Kita and strand, and what each Sozialraum could not place."""

    strands: tuple[str, ...]
    kita_ids: tuple[str, ...]
    cents: tuple[tuple[int, ...], ...]  # per Kita, per strand
    sozialraum_budget: tuple[int, ...]  # per Sozialraum
    unallocated: tuple[int, ...]  # per Sozialraum: money of strands without any eligible Kita
    notes: tuple[str, ...] = field(default=())
