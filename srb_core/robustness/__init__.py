"""How robust is the distribution? Uncertainty of weights and methods, sensitivity, extremes, borderline Kitas."""
from .analysis import Analysis, analyse, content_key
from .model import CHOICES, RESCALINGS, WEIGHT_MODES, Settings

__all__ = ["CHOICES", "RESCALINGS", "WEIGHT_MODES", "Analysis", "Settings", "analyse", "content_key"]
