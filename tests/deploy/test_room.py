"""deploy/room.sh: two app processes behind nginx; a browser session stays on one process."""
from __future__ import annotations

import asyncio
import importlib.util
import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.e2e.server import ROOT, free_port

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
REQUIRED = bool(os.environ.get("SRB_REQUIRE_BROWSER") or os.environ.get("CI"))


def _load_room_module():
    spec = importlib.util.spec_from_file_location("load_room", ROOT / "benchmarks" / "load_room.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_room"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _backend(url: str, cookie: str | None = None) -> tuple[str, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers["X-SRB-Backend"], response.headers.get("Set-Cookie", "")


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A library with one stored dataset (40 synthetic Kitas); (library path, ?ds= value)."""
    path = tmp_path_factory.mktemp("lib") / "bibliothek.sqlite"
    spec = importlib.util.spec_from_file_location("make_large", ROOT / "benchmarks" / "make_large.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    old = os.environ.get("SRB_BIBLIOTHEK_DB")
    os.environ["SRB_BIBLIOTHEK_DB"] = str(path)
    try:
        return path, module.store(40)
    finally:
        if old is None:
            del os.environ["SRB_BIBLIOTHEK_DB"]
        else:
            os.environ["SRB_BIBLIOTHEK_DB"] = old


@pytest.fixture(scope="module")
def room(tmp_path_factory, stored):
    if NGINX is None:
        if REQUIRED:
            pytest.fail("nginx fehlt; in CI installiert scripts/run.sh es (nginx-light)")
        pytest.skip("nginx fehlt (apt-get install nginx-light)")
    listen_port, first = free_port(), free_port()
    while first + 1 == listen_port:
        first = free_port()
    env = dict(os.environ, SRB_ROOM_DIR=str(tmp_path_factory.mktemp("room")),
               SRB_ROOM_LISTEN=f"127.0.0.1:{listen_port}", SRB_ROOM_FIRST_PORT=str(first),
               SRB_SZENARIO_DB=str(tmp_path_factory.mktemp("db") / "szenarien.sqlite"),
               SRB_BIBLIOTHEK_DB=str(stored[0]))
    proc = subprocess.Popen(["bash", "deploy/room.sh", "2"], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{listen_port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                _backend(url + "/_stcore/health")
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError("deploy/room.sh did not start") from None
                time.sleep(0.5)
        yield url, {f"127.0.0.1:{first}", f"127.0.0.1:{first + 1}"}
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(20)


def test_a_route_cookie_keeps_a_browser_on_one_process(room):
    url, backends = room
    first, cookie = _backend(url + "/")
    assert cookie.startswith("srb_route=") and first in backends
    route = cookie.split(";", 1)[0]
    assert {_backend(url + path, route)[0] for path in ("/", "/_stcore/health", "/kitas") * 4} == {first}


def test_new_browsers_are_spread_over_both_processes(room):
    url, backends = room
    assert {_backend(url + "/")[0] for _ in range(24)} == backends


def test_a_session_runs_through_the_proxy_and_its_slider_reruns(room):
    url, _ = room
    load_room = _load_room_module()
    sessions = asyncio.run(load_room.run(url, sessions=4, rounds=2, timeout=60, query=""))
    assert all(s.slider_id and s.tables == 3 for s in sessions)  # the first draw and one per slider move
    assert all(len(s.latencies_table) == 2 for s in sessions)
    # the sliders' JSON value was taken: the app passed each commit's number back and shows the last value (1,0)
    assert all(s.seq == 2 and s.values[s.row] == 1.0 for s in sessions)


def test_every_process_opens_the_same_data_library(room, stored):
    """A link ?ds=lib:<id> works on whichever process a browser lands on (room.sh passes SRB_BIBLIOTHEK_DB on)."""
    url, _ = room
    load_room = _load_room_module()
    sessions = asyncio.run(load_room.run(url, sessions=8, rounds=1, timeout=60, query=f"ds={stored[1]}"))
    assert all(s.tables == 2 for s in sessions)
    assert not [a for s in sessions for a in s.alerts if "Bibliothek" in a]  # no "cannot be opened, demo shown"
