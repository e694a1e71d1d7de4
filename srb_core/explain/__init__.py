"""What changed against the Beschluss, and why: band moves of the Kitas and Shapley contributions."""
from .band import BandChange, BandCounts, area_band_counts, band_changes, band_counts, box_stats
from .ranks import share_ranks
from .shapley import Contributions, Player, players, shapley_shares
from .steps import state_key, step_neighbours

__all__ = ["BandChange", "BandCounts", "Contributions", "Player", "area_band_counts", "band_changes", "band_counts",
           "box_stats", "players",
           "share_ranks", "shapley_shares", "state_key", "step_neighbours"]
