"""The Konzeption: variables, sub-indices, weights and rules a Jugendamt adopted."""
from .load import load_konzeption, parse_konzeption
from .model import AGGREGATIONS, ALLOCATIONS, DIRECTIONS, SCALES, Konzeption, Params, Variable

__all__ = [
    "AGGREGATIONS", "ALLOCATIONS", "DIRECTIONS", "SCALES",
    "Konzeption", "Params", "Variable", "load_konzeption", "parse_konzeption",
]
