"""AppTest helpers: run the real app.py and look at everything it sends to the browser (imported by the tests;
conftest.py holds only fixtures)."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.demos import ROOT

PAGES = ["app_pages/uebersicht.py", "app_pages/sozialraum.py", "app_pages/kitas.py", "app_pages/rechenweg.py",
         "app_pages/szenarien.py", "app_pages/vergleich.py", "app_pages/robustheit.py", "app_pages/daten.py"]


def new_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def sent_bytes(at: AppTest) -> bytes:
    """Every element's protobuf as sent to the browser (tables' Arrow data and component args included)."""
    out = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "SerializeToString"):
            out.append(proto.SerializeToString())
        for child in getattr(node, "children", {}).values() if isinstance(getattr(node, "children", None), dict) \
                else getattr(node, "children", []) or []:
            walk(child)

    walk(at._tree)
    return b"\n".join(out)


def on_page(page: str, query: dict | None = None) -> AppTest:
    """A fresh session that opened the app and then switched to `page`, checked for exceptions."""
    at = new_app(query)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def wall(at: AppTest) -> dict:
    """What the Übersicht sent to its wall component (ui/wallview.py): the current setting's pieces and more."""
    import json

    for element in at.get("component_instance"):
        if element.proto.component_name == "ui.wallview.srb_wall":
            return json.loads(element.proto.json_args)
    raise AssertionError("Die Übersicht hat keine Wand gezeigt.")


def wall_table(at: AppTest):
    """The Übersicht's share table as a DataFrame indexed by Sozialraum (the texts as the browser shows them)."""
    import pandas as pd

    table = wall(at)["cur"]["table"]
    rows = table["rows"]
    return pd.DataFrame([r[1:] for r in rows], columns=table["head"][1:],
                        index=pd.Index([r[0] for r in rows], name=table["head"][0]))


def wall_html(at: AppTest) -> str:
    """The Übersicht's strip, band view, "why" bars and notes as sent (escaped HTML)."""
    cur = wall(at)["cur"]
    return "".join(cur[k] for k in ("two", "strip", "band", "note", "why"))
