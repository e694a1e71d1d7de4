"""SRB-Monitor engine: Kita survey data → index → norm band → Sozialraum shares → euros.

Pure Python and numpy; no user interface code lives here.
"""
from .data import KitaData, build_kita_data
from .errors import KitaDataError, KonzeptionError, ParameterError, Problem, SrbError, SrbInputError
from .index.explain import explain_kita
from .io import load_kitas, read_table
from .konzeption import Konzeption, Params, Variable, load_konzeption, parse_konzeption
from .step1 import Result, compute

__all__ = [
    "KitaData", "KitaDataError", "Konzeption", "KonzeptionError", "ParameterError", "Params", "Problem",
    "Result", "SrbError", "SrbInputError", "Variable", "build_kita_data", "compute", "explain_kita",
    "load_kitas", "load_konzeption", "parse_konzeption", "read_table",
]
