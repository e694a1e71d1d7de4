"""A room of participants moving a slider at once, measured on the server's side of the wire.

`python benchmarks/load_room.py --url http://127.0.0.1:8501 --sessions 30` opens 30 sessions over
Streamlit's own WebSocket protocol (no browser, so the figures are the server's: message in →
share table out), waits until all have drawn the Übersicht, then lets every session move the
"Soziale Lage" weight at the same moment (the sliders' component value, as a browser sends it once the
row has settled), several rounds. Printed: median, p90 and max of the time
from sending the new slider value to receiving the share table, and to the end of the script run.

Loopback only (the URL must be 127.0.0.1 or localhost); every wait is bounded, so the script stops
by itself. Through the reverse proxy in deploy/ the sessions carry the proxy's routing cookie.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SLIDER_LABEL = "Soziale Lage"
SLIDERS = "ui.sliders.srb_sliders"  # the sidebar's sliders: one component (ui/sliders.py)
WALL = "ui.wallview.srb_wall"  # the Übersicht's wall: share table, strip, band view and map


@dataclass
class Session:
    ws: object
    slider_id: str = ""  # the sliders' component
    fragment_id: str = ""  # the sliders sit in the page fragment (app.py): a browser reruns only that
    row: int = -1  # the row of SLIDER_LABEL
    values: list = field(default_factory=list)  # every row's value as last drawn
    seq: int = 0  # the last commit the app has processed
    tables: int = 0
    cookie: str = ""
    alerts: list[str] = field(default_factory=list)  # texts of warnings/errors the script showed
    latencies_table: list[float] = field(default_factory=list)
    latencies_done: list[float] = field(default_factory=list)


def _rerun(widget_id: str = "", value: dict | None = None, query: str = "", fragment_id: str = "") -> bytes:
    """A rerun request; with a widget: the component's JSON value ({"values": [...], "seq": n}, ui/sliders.py)."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    if fragment_id:
        msg.rerun_script.fragment_id = fragment_id
    if widget_id:
        state = msg.rerun_script.widget_states.widgets.add()
        state.id = widget_id
        state.json_value = json.dumps(value)
    return msg.SerializeToString()


def _sliders(s: Session, element, fragment_id: str) -> None:
    """Note the sliders' component: its id, the row of SLIDER_LABEL, the values shown and the processed seq."""
    args = json.loads(element.component_instance.json_args)
    names = [row["name"] for row in args["rows"]]
    if SLIDER_LABEL in names:
        s.slider_id, s.fragment_id = element.component_instance.id, fragment_id
        s.row, s.values, s.seq = names.index(SLIDER_LABEL), [row["value"] for row in args["rows"]], args["seq"]


def _move(s: Session, value: float) -> dict:
    values = list(s.values)
    values[s.row] = value
    return {"values": values, "seq": s.seq + 1}


async def _until_finished(s: Session, timeout: float, t0: float | None = None) -> None:
    """Read ForwardMsgs until the script run ends; note when the share table arrives (the Übersicht's wall, which
    carries it, or a page's first table)."""
    seen_table = False
    deadline = time.monotonic() + timeout
    while True:
        raw = await asyncio.wait_for(s.ws.recv(), max(0.1, deadline - time.monotonic()))
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "component_instance" and element.component_instance.component_name == SLIDERS:
                _sliders(s, element, msg.delta.fragment_id)
            elif which == "alert":
                s.alerts.append(element.alert.body)
            elif (which == "table" or which == "component_instance"
                  and element.component_instance.component_name == WALL) and not seen_table:
                seen_table = True
                s.tables += 1
                if t0 is not None:
                    s.latencies_table.append(time.perf_counter() - t0)
        elif kind == "script_finished":
            if t0 is not None:
                s.latencies_done.append(time.perf_counter() - t0)
            return


async def _open(url: str, query: str, timeout: float) -> Session:
    parts = urlparse(url)
    headers = {}
    cookie = ""
    # Through the proxy: the first page request hands out the routing cookie the WebSocket must carry.
    with urllib.request.urlopen(url + "/", timeout=timeout) as response:
        cookie = "; ".join(c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or [])
    if cookie:
        headers["Cookie"] = cookie
    ws_url = f"ws://{parts.netloc}/_stcore/stream"
    ws = await websockets.connect(ws_url, subprotocols=["streamlit"], additional_headers=headers,
                                  max_size=64 * 2**20, open_timeout=timeout)
    s = Session(ws, cookie=cookie)
    await ws.send(_rerun(query=query))
    await _until_finished(s, timeout)
    if not s.slider_id:
        raise RuntimeError("Der Regler „Soziale Lage“ wurde nicht gefunden.")
    return s


async def run(url: str, sessions: int, rounds: int, timeout: float, query: str) -> list[Session]:
    opened = await asyncio.gather(*[_open(url, query, timeout) for _ in range(sessions)])
    values = [2.0, 1.0]
    for r in range(rounds):
        value = values[r % 2]
        t0 = time.perf_counter()
        for s in opened:
            await s.ws.send(_rerun(s.slider_id, _move(s, value), query, s.fragment_id))
        await asyncio.gather(*[_until_finished(s, timeout, t0) for s in opened])
    for s in opened:
        await s.ws.close()
    return opened


def _rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    return total / 1024


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True, help="z. B. http://127.0.0.1:8501 (nur diese Maschine)")
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=60.0, help="Obergrenze je Wartezeit in Sekunden")
    ap.add_argument("--query", default="", help="Adresszeile der Sitzungen, z. B. ds=bad_kreuznach")
    ap.add_argument("--pid", type=int, action="append", default=[], help="App-Prozess(e) für den Speicher")
    args = ap.parse_args(argv)
    host = urlparse(args.url).hostname or ""
    if host not in LOOPBACK:
        print("Nur Adressen dieser Maschine (127.0.0.1, localhost) sind erlaubt.", file=sys.stderr)
        return 2
    before = _rss_mib(args.pid) if args.pid else None
    t_start = time.perf_counter()
    opened = asyncio.run(asyncio.wait_for(run(args.url.rstrip("/"), args.sessions, args.rounds, args.timeout,
                                              args.query), timeout=args.timeout * (args.rounds + 2)))
    after = _rss_mib(args.pid) if args.pid else None
    table = [t * 1000 for s in opened for t in s.latencies_table]
    done = [t * 1000 for s in opened for t in s.latencies_done]
    print(f"{args.sessions} Sitzungen × {args.rounds} gleichzeitige Reglerbewegungen "
          f"({time.perf_counter() - t_start:.1f} s insgesamt)")
    for name, values in (("Nachricht → Anteilstabelle", table), ("Nachricht → Skript fertig", done)):
        print(f"  {name}: Median {statistics.median(values):.0f} ms, p90 {quantile(values, 0.9):.0f} ms, "
              f"max {max(values):.0f} ms (n = {len(values)})")
    if before is not None and after is not None:
        print(f"  Speicher der App-Prozesse: {before:.0f} → {after:.0f} MiB "
              f"({(after - before) / args.sessions:.2f} MiB je Sitzung)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
