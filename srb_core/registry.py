"""Named methods: one entry per key with its German words and the function that does the work.

Every choice a Konzeption or a scenario names by a key (allocation method, aggregation, funding
rule, step-2 model) is looked up in one registry of `Entry`s, so the key, what the UI, the pack and
the messages call it, and the code that computes it stay together (`allocation.shares.METHODS` was
the first; `index.aggregate.AGGREGATION_METHODS`, `funding.rules.RULE_KINDS`,
`funding.proposal.STEP2_MODELS` follow it).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from .errors import ParameterError, Problem

F = TypeVar("F", bound=Callable[..., object])


@dataclass(frozen=True)
class Entry(Generic[F]):
    """One named method: `key` as written in files, German `label` (and `short`/`title` where a view needs
    another length), and `fn`, the function that computes it."""

    key: str
    label: str
    fn: F
    short: str = ""  # for one-line summaries; falls back to the label
    title: str = ""  # long form with its source; falls back to the label

    @property
    def short_label(self) -> str:
        """`short`, or `label` where no short form is given."""
        return self.short or self.label

    @property
    def long_label(self) -> str:
        """`title`, or `label` where no long form is given."""
        return self.title or self.label


def registry(*entries: Entry[F]) -> Mapping[str, Entry[F]]:
    """{entry.key: entry} in the given order; a key given twice is a programming error."""
    out = {e.key: e for e in entries}
    if len(out) != len(entries):
        raise ValueError("Doppelter Schlüssel in einer Registry")
    return out


def lookup(methods: Mapping[str, Entry[F]], key: str, what: str, column: str | None = None) -> Entry[F]:
    """methods[key]; for an unknown key a German ParameterError naming `what`, the value and every allowed key."""
    if key not in methods:
        raise ParameterError(Problem(f"Unbekannte(s) {what}.", column=column, value=key,
                                     expected=" oder ".join(methods)))
    return methods[key]


def labels(methods: Mapping[str, Entry[F]]) -> dict[str, str]:
    """{key: German label}, for the views that only name the methods."""
    return {k: e.label for k, e in methods.items()}
