"""The committee pack: the same tables as XLSX and PDF, built from scenario outcomes."""
from .safe import safe_cell, safe_frame
from .tables import SHEETS, PackInput, pack_tables
from .xlsx import frame_xlsx, pack_xlsx

__all__ = ["SHEETS", "PackInput", "frame_xlsx", "pack_tables", "pack_xlsx", "safe_cell", "safe_frame"]
