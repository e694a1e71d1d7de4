"""Users see German messages, never a traceback or Streamlit's search links; the details go to the log."""
from __future__ import annotations

import logging
import tomllib

import pytest

from tests.demos import ROOT
from ui import errors
from ui import texts as T


def test_streamlit_shows_no_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_an_unexpected_error_is_a_german_message_and_a_log_entry(monkeypatch, caplog):
    shown = []
    monkeypatch.delenv("SRB_RAISE_ERRORS", raising=False)
    monkeypatch.setattr(errors.st, "error", lambda text, **kw: shown.append(text))
    with caplog.at_level(logging.ERROR, logger="srb_monitor"), errors.shown_in_german():
        raise KeyError("geheimer/pfad/datei.csv")
    assert shown == [T.ERR_UNEXPECTED]
    assert "geheimer/pfad/datei.csv" not in shown[0]
    assert "KeyError" in caplog.text and "geheimer/pfad/datei.csv" in caplog.text  # the details, for the admin


def test_streamlits_own_control_flow_passes_through(monkeypatch):
    from streamlit.runtime.scriptrunner_utils.exceptions import StopException

    monkeypatch.delenv("SRB_RAISE_ERRORS", raising=False)
    with pytest.raises(StopException), errors.shown_in_german():
        raise StopException()
