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


def dataset_menu(at: AppTest):
    """The sidebar's dataset menu, opened with its button first if it is closed (ui/sidebar: it opens on demand)."""
    if not [b for b in at.sidebar.selectbox if b.key == "_srb_dataset_menu"]:
        at.sidebar.button(key="sb_pick_dataset").click().run()
    return at.sidebar.selectbox(key="_srb_dataset_menu")


def current_dataset(at: AppTest) -> str:
    """The dataset in use (the menu is closed: its key in the session)."""
    return at.session_state["dataset"]


def choose_dataset(at: AppTest, key: str) -> AppTest:
    return dataset_menu(at).set_value(key).run()


def wall(at: AppTest) -> dict:
    """What the Übersicht sent to its wall component (ui/wallview.py): the current setting's pieces and more."""
    import json

    for element in at.get("component_instance"):
        if element.proto.component_name == "ui.wallview.srb_wall":
            return json.loads(element.proto.json_args)
    raise AssertionError("Die Übersicht hat keine Wand gezeigt.")


def wall_parts(at: AppTest) -> dict:
    """The current setting's pieces the wall was sent (unpacked where they came packed)."""
    import base64
    import json
    import zlib

    args = wall(at)
    return args["cur"] if args.get("cur") is not None else json.loads(zlib.decompress(base64.b64decode(args["curz"])))


def wall_table(at: AppTest):
    """The Übersicht's share table as a DataFrame indexed by Sozialraum (the texts as the browser shows them)."""
    import pandas as pd

    table = wall_parts(at)["table"]
    rows = table["rows"]
    return pd.DataFrame([r[1:] for r in rows], columns=table["head"][1:],
                        index=pd.Index([r[0] for r in rows], name=table["head"][0]))


def wall_html(at: AppTest) -> str:
    """The Übersicht's strip, band view, "why" bars and notes as sent (escaped HTML)."""
    cur = wall_parts(at)
    return "".join(cur[k] for k in ("two", "strip", "band", "note", "why"))


# --- The sidebar's sliders (ui/sliders.py): a custom component AppTest cannot operate. These helpers read its
# arguments from the element tree and send a commit as the browser does (the component's JSON value).

def slider_component(at: AppTest):
    """The sliders' element (the one component named ui.sliders.srb_sliders)."""
    from ui import sliders

    found = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if getattr(node, "type", None) == "component_instance" and proto.component_name == sliders.TITLE:
            found.append(node)
        children = getattr(node, "children", None)
        for child in (children.values() if isinstance(children, dict) else children or []):
            walk(child)

    walk(at._tree)
    assert len(found) == 1, f"{len(found)} slider components"
    return found[0]


def slider_args(at: AppTest) -> dict:
    import json

    return json.loads(slider_component(at).proto.json_args)


def slider_values(at: AppTest) -> list[float]:
    """Every row's value as the component shows it: the weights, then k."""
    return [row["value"] for row in slider_args(at)["rows"]]


def _row(at: AppTest, key: str) -> int:
    return len(slider_args(at)["rows"]) - 1 if key == "k" else int(key.removeprefix("w"))


def slider_value(at: AppTest, key: str) -> float:
    """The value of the row of session-state key "w0" … or "k"."""
    return slider_values(at)[_row(at, key)]


def slider_label(at: AppTest, i: int) -> str:
    """Row i's label for the settings shown (as the component writes it)."""
    from srb_core.explain.steps import state_key

    args = slider_args(at)
    values = [row["value"] for row in args["rows"]]
    return args["labels"][state_key(tuple(values[:-1]), values[-1])][i]


def commit(at: AppTest, value: object) -> AppTest:
    """Send `value` as the component's value (what slider.js posts after a settled move or Enter) and run."""
    import json

    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    element = slider_component(at)
    states = WidgetStates()
    states.CopyFrom(at._tree.get_widget_states())
    widget = states.widgets.add()
    widget.id = element.proto.id
    widget.json_value = json.dumps(value)
    return at._run(states)


def move(at: AppTest, key: str | dict, value: float | None = None) -> AppTest:
    """Move one row (session-state key "w1" or "k") or several ({key: value}) and commit, as a settled move does."""
    changes = key if isinstance(key, dict) else {key: value}
    args = slider_args(at)
    values = [row["value"] for row in args["rows"]]
    for k, v in changes.items():
        values[_row(at, k)] = v
    return commit(at, {"values": values, "seq": args["seq"] + 1})


def type_value(at: AppTest, row: int, text: str) -> AppTest:
    """Type `text` into row `row`'s field and press Enter."""
    args = slider_args(at)
    return commit(at, {"values": [r["value"] for r in args["rows"]], "typed": {"row": row, "text": text},
                       "seq": args["seq"] + 1})
