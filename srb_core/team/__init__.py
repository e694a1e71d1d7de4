"""What a Sozialraumteam asks about its own area: rank, comparison, the area's calculation path,
how close each Kita is to a decision ("knapp"), and step 1 against step 2 in euros."""
from .amounts import AreaAmounts, area_amounts
from .area import AreaComparison, AreaPath, area_path, compare_areas, ranks
from .margins import DEFAULT_MARGIN, KitaDecision, StrandDecision, is_knapp, kita_decisions

__all__ = ["DEFAULT_MARGIN", "AreaAmounts", "AreaComparison", "AreaPath", "KitaDecision", "StrandDecision",
           "area_amounts", "area_path", "compare_areas", "is_knapp", "kita_decisions", "ranks"]
