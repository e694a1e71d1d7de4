"""Reading and writing the files a Jugendamt exchanges: Kita tables, templates, Sozialraum maps."""
from .tables import RawTable, load_kitas, read_table

__all__ = ["RawTable", "load_kitas", "read_table"]
