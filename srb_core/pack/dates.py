"""Dates as a German reader writes them: "22. November 2026" (never ISO in the committee pack)."""
from __future__ import annotations

from datetime import datetime

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember")


def german_date(moment: datetime) -> str:
    """22. November 2026 (day without leading zero, month in words)."""
    return f"{moment.day}. {MONTHS[moment.month - 1]} {moment.year}"


def german_datetime(moment: datetime) -> str:
    """22. November 2026, 13:32 Uhr (in the time zone the moment carries; naive = local)."""
    return f"{german_date(moment)}, {moment:%H:%M} Uhr"


def german_stamp(text: str) -> str:
    """An ISO 8601 stamp from the scenario store ("2026-11-22T13:32:45+00:00") in local German words;
    anything else is returned unchanged."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    return german_datetime(moment.astimezone() if moment.tzinfo else moment)
