"""Per-process caches keyed by the database's data version: a shortcut to what the version says, never a
source of truth (a worker may restart empty at any time; another never sees this one's entries)."""

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from cachetools import LRUCache

V = TypeVar("V")
_all: "list[VersionedCache]" = []


class VersionedCache(Generic[V]):
    """A thread-safe LRU bounded by `maxsize` in the units of `getsizeof` (entries by default)."""

    def __init__(self, maxsize: int, getsizeof: Callable[[V], int] | None = None) -> None:
        self._cache: LRUCache[Hashable, V] = LRUCache(maxsize=maxsize, getsizeof=getsizeof)
        self._largest = maxsize // 8 if getsizeof else maxsize  # one huge entry must not empty the cache
        self._getsizeof = getsizeof
        self._lock = threading.Lock()
        _all.append(self)

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            return self._cache.get(key)

    def put(self, key: Hashable, value: V) -> None:
        if self._getsizeof is not None and self._getsizeof(value) > self._largest:
            return
        with self._lock:
            self._cache[key] = value

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


def clear_all() -> None:
    """Forget every cached entry (tests: a rolled-back commit gives a data version back)."""
    for cache in _all:
        cache.clear()
