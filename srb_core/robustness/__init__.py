"""How robust is the distribution? Uncertainty of weights and methods, sensitivity, extremes, borderline Kitas."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import CHOICES, RESCALINGS, WEIGHT_MODES, Settings

if TYPE_CHECKING:
    from .analysis import Analysis, analyse, content_key

__all__ = ["CHOICES", "RESCALINGS", "WEIGHT_MODES", "Analysis", "Settings", "analyse", "content_key"]


def __getattr__(name: str) -> Any:
    """The analysis is imported on first use: the CLI registers `robustness` without loading it for `export`."""
    if name in ("Analysis", "analyse", "content_key"):
        from . import analysis

        return getattr(analysis, name)
    raise AttributeError(name)
