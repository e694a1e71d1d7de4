"""Caches bounded by memory, not by count: a result at 60,000 Kitas is ~24 times one at 2,600.

`BoundedCache` is a least-recently-used store shared by all sessions of the process. It keeps entries
while the sum of their estimated sizes stays ≤ max_bytes (and their number ≤ max_entries); an entry
larger than the whole budget is returned but not kept. `estimate_bytes` sums the array and table
buffers an entry owns (numpy arrays, pandas frames, strings) by walking its dataclass fields,
tuples, lists and dicts, skipping the objects all entries share (the dataset), so a Result counts
its scores and indices but not the KitaData it points to.

Budget: SRB_CACHE_MB (default 512 MiB for the process), split between the caches in ui/cache.py.
"""
from __future__ import annotations

import dataclasses
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

import numpy as np
import pandas as pd

V = TypeVar("V")
MIB = 2**20
DEFAULT_MB = 512
ENTRY_OVERHEAD = 2048  # bytes per entry for the key, the dataclass and its small fields
_NUMBER = (int, float, complex, np.integer, np.floating)
_NUMBER_BYTES = 32  # a boxed Python number


def budget_bytes(share: float) -> int:
    """share × SRB_CACHE_MB (MiB, default 512); a value that is not a positive number falls back to the default."""
    try:
        total = float(os.environ.get("SRB_CACHE_MB", DEFAULT_MB))
    except ValueError:
        total = DEFAULT_MB
    if not total > 0:
        total = DEFAULT_MB
    return int(total * MIB * share)


def estimate_bytes(obj: Any, shared: Iterable[Any] = ()) -> int:
    """Bytes owned by obj: Σ numpy nbytes + pandas deep memory + len(str/bytes), each object once,
    not descending into `shared` objects; plus ENTRY_OVERHEAD."""
    seen = {id(s) for s in shared}
    total = ENTRY_OVERHEAD
    stack = [obj]
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, np.ndarray):
            owner = item.base if isinstance(item.base, np.ndarray) else item  # a view counts its buffer once
            if owner is item or id(owner) not in seen:
                seen.add(id(owner))
                total += owner.nbytes
            if item.dtype == object:
                stack.extend(item.ravel().tolist())
        elif isinstance(item, pd.DataFrame | pd.Series | pd.Index):
            usage = item.memory_usage(deep=True)
            total += int(usage.sum()) if isinstance(usage, pd.Series) else int(usage)
        elif isinstance(item, str | bytes):
            total += sys.getsizeof(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif isinstance(item, tuple | list | set | frozenset):
            # numbers (thousands in a plan's per-Kita tuples) are counted here, not one by one on the stack
            rest = [x for x in item if not isinstance(x, _NUMBER)]
            total += _NUMBER_BYTES * (len(item) - len(rest))
            stack.extend(rest)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
    return total


class BoundedCache(Generic[V]):
    """Thread-safe LRU keyed by content, bounded by Σ estimated bytes ≤ max_bytes and count ≤ max_entries.
    Values are never None (None means "not kept")."""

    def __init__(self, max_bytes: int, max_entries: int = 4096) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        """Σ estimated sizes of the entries kept."""
        return self._bytes

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, value: V, size: int) -> None:
        """Keep value (the newest); drop the least recently used until both bounds hold.
        A value larger than max_bytes is not kept (it would push out everything else)."""
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes or len(self._items) > self.max_entries:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped

    def get_or_compute(self, key: Hashable, compute: Callable[[], V], size: Callable[[V], int]) -> V:
        """The kept value for key, or compute() (outside the lock, so other sessions are not held up), kept."""
        found = self.get(key)
        if found is None:
            found = compute()
            self.put(key, found, size(found))
        return found

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0
