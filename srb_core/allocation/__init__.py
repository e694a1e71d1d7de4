"""Step 1 shares of the Sozialräume and their euros to the cent."""
from .cents import apportion_cents
from .shares import METHODS, compute_shares

__all__ = ["METHODS", "apportion_cents", "compute_shares"]
