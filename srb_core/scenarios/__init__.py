"""What-if scenarios: the saved parameter sets, their store and comparison (evaluation: srb_core.pipeline)."""
from .codec import dumps, from_dict, loads, to_dict
from .compare import Comparison, compare
from .describe import change_line
from .model import BASELINE_ID, BASELINE_NAME, Scenario, baseline_scenario
from .store import ScenarioStore, StoreError, Unreadable, default_path

__all__ = ["BASELINE_ID", "BASELINE_NAME", "Comparison", "Scenario", "ScenarioStore", "StoreError",
           "Unreadable", "baseline_scenario", "change_line", "compare", "default_path", "dumps",
           "from_dict", "loads", "to_dict"]
