"""Survey waves: one Jugendamt's datasets at several reference dates, compared on pooled bounds."""
from .engine import WaveComparison, compare_waves
from .series import Wave, check_compatible

__all__ = ["Wave", "WaveComparison", "check_compatible", "compare_waves"]
