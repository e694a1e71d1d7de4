"""From raw Kita answers to standard scores, sub-indices, Gesamtindex and norm band."""
from .normband import ABOVE, BELOW, CLASS_LABELS, CLASS_NAMES, WITHIN, Band, BandClass, classify, norm_band
from .scores import Scores, standard_scores
from .subindex import membership, overall, sub_indices

__all__ = ["ABOVE", "BELOW", "CLASS_LABELS", "CLASS_NAMES", "WITHIN", "Band", "BandClass", "Scores", "classify",
           "membership", "norm_band", "overall", "standard_scores", "sub_indices"]
