"""Neutral codes instead of Kita names, for anonymised screens and exports."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from .data import KitaData


def new_key() -> bytes:
    """A fresh secret for one session (app) or one run (command line); it never leaves the process."""
    return secrets.token_bytes(16)


# For a command-line run, which is one session: drawn once per process, so all outputs of the run agree.
# The app passes each browser session's own key instead.
RUN_KEY = new_key()


def pseudonyms(data: KitaData, key: bytes | None = None) -> dict[str, str]:
    """kita_id → 'Kita 07'.

    The numbers are the ranks of HMAC-SHA256(key, fingerprint of the data ‖ kita_id): with a secret key
    they follow neither the ids, nor the file's order, nor the Sozialräume, so a code says nothing about
    which Kita it is; with the same key and data they are the same on every page and in every download.
    """
    salt = (RUN_KEY if key is None else key) + data.fingerprint.encode()

    def rank(kita_id: str) -> bytes:
        return hmac.new(salt, kita_id.encode("utf-8"), hashlib.sha256).digest()

    width = max(2, len(str(data.n)))
    order = sorted(data.kita_ids, key=rank)
    return {kita_id: f"Kita {n:0{width}d}" for n, kita_id in enumerate(order, start=1)}


def display_names(data: KitaData, anonymised: bool, key: bytes | None = None) -> list[str]:
    """The names, or with `anonymised` the codes for `key` (default: this run's secret)."""
    if not anonymised:
        return list(data.names)
    codes = pseudonyms(data, key)
    return [codes[k] for k in data.kita_ids]


def display_ids(data: KitaData, anonymised: bool, key: bytes | None = None) -> list[str]:
    """Kita ids as shown: the ids, or the neutral codes when anonymised."""
    return display_names(data, True, key) if anonymised else list(data.kita_ids)
