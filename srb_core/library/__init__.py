"""The Jugendamt's data library: checked datasets stored on purpose, under a name and a Stichtag."""
from .store import ENV_PATH, LibraryStore, StoredDataset, StoredFiles, default_path

__all__ = ["ENV_PATH", "LibraryStore", "StoredDataset", "StoredFiles", "default_path"]
