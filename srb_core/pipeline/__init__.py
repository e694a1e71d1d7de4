"""The one path from a scenario to every number: `evaluate(data, konzeption, scenario) → Outcome`.

The app (through its one cached access point, ui/cache.py), the command line and the committee pack
all call `evaluate`; "Aktuelle Einstellungen" are a Scenario like any saved one.
"""
from .edits import (
    adjustable_rows,
    adjustments_from_edits,
    cents_from_euros,
    fte_from_input,
    is_amount,
    share_from_percent,
)
from .outcome import Outcome, plan_key
from .run import evaluate, with_shares

__all__ = ["Outcome", "adjustable_rows", "adjustments_from_edits", "cents_from_euros", "evaluate", "fte_from_input",
           "is_amount", "plan_key", "share_from_percent", "with_shares"]
