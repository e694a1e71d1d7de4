"""Shared fixtures: the two demos and a small hand-made Konzeption for exact hand calculations."""
from __future__ import annotations

import pandas as pd
import pytest

from srb_core import build_kita_data, load_kitas, load_konzeption
from tests.demos import BK, MYK, SMALL_TOML


@pytest.fixture(scope="session")
def bk_konzeption():
    return load_konzeption(BK / "konzeption.toml")


@pytest.fixture(scope="session")
def bk_data(bk_konzeption):
    return load_kitas(BK / "kitas.csv", bk_konzeption)


@pytest.fixture(scope="session")
def myk_konzeption():
    return load_konzeption(MYK / "konzeption.toml")


@pytest.fixture(scope="session")
def myk_data(myk_konzeption):
    return load_kitas(MYK / "kitas.csv", myk_konzeption)


@pytest.fixture()
def small():
    """Four Kitas in two Sozialräume; numbers small enough to compute by hand."""
    from srb_core import parse_konzeption

    konz = parse_konzeption(SMALL_TOML, "klein.toml")
    frame = pd.DataFrame({
        "kita_id": ["k1", "k2", "k3", "k4"], "name": ["Eins", "Zwei", "Drei", "Vier"],
        "sozialraum": ["Ost", "Ost", "West", "West"],
        "a": [0, 10, 5, 10], "b": [1, 5, 3, 1], "c": [2, 2, 4, 6],
    })
    return konz, build_kita_data(frame, konz, "klein.csv")
