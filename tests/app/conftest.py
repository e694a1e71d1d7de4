"""Fixtures of the AppTests; the helpers they use live in tests/app/helpers.py."""
from __future__ import annotations

import pytest

from tests.app.helpers import new_app


@pytest.fixture()
def app():
    return new_app


@pytest.fixture(autouse=True)
def scenario_db(tmp_path, monkeypatch):
    """Every app test gets its own scenario database; nothing is written to var/."""
    path = tmp_path / "szenarien.sqlite"
    monkeypatch.setenv("SRB_SZENARIO_DB", str(path))
    monkeypatch.setenv("SRB_RAISE_ERRORS", "1")  # an unexpected error is an exception here, not a message
    monkeypatch.setenv("SRB_BIBLIOTHEK_DB", str(tmp_path / "bibliothek.sqlite"))  # and its own data library
    return path
