"""What changed against the Beschluss, and why: band moves of the Kitas and Shapley contributions."""
from .band import BandChange, BandCounts, band_changes, band_counts
from .ranks import share_ranks
from .shapley import Contributions, Player, players, shapley_shares

__all__ = ["BandChange", "BandCounts", "Contributions", "Player", "band_changes", "band_counts", "players",
           "share_ranks", "shapley_shares"]
