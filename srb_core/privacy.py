"""Neutral codes instead of Kita names, for anonymised screens and exports."""
from __future__ import annotations

from .data import KitaData


def pseudonyms(data: KitaData) -> dict[str, str]:
    """kita_id → 'Kita 07'. Numbered by Sozialraum, then by kita_id, so codes are stable for a table
    but carry neither the name nor the Jugendamt's own identifier (which may contain the name)."""
    order = sorted(range(data.n), key=lambda i: (int(data.sozialraum[i]), data.kita_ids[i]))
    width = max(2, len(str(data.n)))
    return {data.kita_ids[i]: f"Kita {rank:0{width}d}" for rank, i in enumerate(order, start=1)}


def display_names(data: KitaData, anonymised: bool) -> list[str]:
    if not anonymised:
        return list(data.names)
    codes = pseudonyms(data)
    return [codes[k] for k in data.kita_ids]


def display_ids(data: KitaData, anonymised: bool) -> list[str]:
    return display_names(data, True) if anonymised else list(data.kita_ids)
