"""Fixtures for the robustness tests: the demos' nominal results and a dataset that is not a demo."""
from __future__ import annotations

import pytest

from srb_core import compute
from srb_core.funding import load_funding


@pytest.fixture(scope="session")
def bk(bk_data, bk_konzeption):
    return compute(bk_data, bk_konzeption), load_funding(bk_konzeption)


@pytest.fixture(scope="session")
def myk(myk_data, myk_konzeption):
    return compute(myk_data, myk_konzeption), load_funding(myk_konzeption)
