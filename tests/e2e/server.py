"""Start `streamlit run app.py` on a free local port for browser tests, benchmarks and screenshots."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.e2e.controls import move_slider, type_number, wait_drawn

__all__ = ["move_slider", "type_number"]  # the sidebar's sliders: tests/e2e/controls.py

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts at start.
# The GPU process stays on (software fallback when there is no GPU): as in a normal browser,
# compositing then runs beside the main thread, which matters on a 2-core machine.
LAUNCH_ARGS = ["--no-sandbox", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(timeout: float = 60.0, env: dict | None = None, script: str = "app.py"):
    port = free_port()
    env = dict(os.environ, STREAMLIT_SERVER_HEADLESS="true", **(env or {}))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.serverAddress", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"streamlit did not start:\n{output}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


# The Übersicht's wall (ui/wallview.py): share table, strip, band view, "why" bars and map in one frame.
WALL = 'iframe[title="ui.wallview.srb_wall"]'


def wait_for_wall_ready(page, timeout: float = 30000) -> None:
    """Until the Übersicht's wall holds the settings one arrow key away from exactly what it shows (it asks for
    them a moment after the page's first drawing): from then on an arrow key is drawn at once."""
    page.wait_for_function(
        "() => { const f = document.querySelector('" + WALL + "'); const b = f && f.contentDocument && "
        "f.contentDocument.body; return !!b && (b.getAttribute('data-ahead') || '').startsWith("
        "b.getAttribute('data-ident') + '#'); }", timeout=timeout)


def wait_for_app(page, timeout: float = 30000) -> None:
    """Until the script run has finished and, on the Übersicht (the page at /), the map has drawn."""
    wait_drawn(page, timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    path = page.url.split("://", 1)[1].split("/", 1)[1] if "/" in page.url.split("://", 1)[1] else ""
    if path == "" or path.startswith("?"):
        frame = page.frame_locator(WALL)
        frame.locator("#shares td").first.wait_for(timeout=timeout)
        if frame.locator("#nomap[hidden]").count():  # a map is drawn for this dataset
            frame.locator("path.leaflet-interactive").first.wait_for(timeout=timeout)
    page.wait_for_timeout(300)


def wait_until(check, timeout: float = 20.0, what: str = "state") -> None:
    """Poll `check()` until it is truthy; for state that lives partly inside iframes."""
    deadline = time.time() + timeout
    while not check():
        if time.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def wait_for_cell(page, starts_with: str, timeout: float = 20000) -> None:
    """Until a cell of a static table (the Übersicht's: inside its wall) starts with the given text."""
    page.wait_for_function(
        "exp => { const w = document.querySelector('" + WALL + "'); "
        "const docs = [document].concat(w && w.contentDocument ? [w.contentDocument] : []); "
        "return docs.some(d => [...d.querySelectorAll('[data-testid=\"stTable\"] td, #shares td')]"
        ".some(td => td.innerText.startsWith(exp))); }",
        arg=starts_with,
        timeout=timeout,
    )


def choose_file(page, uploader, path, timeout: float = 30000) -> None:
    """Pick `path` in a file uploader as a user does: click its drop zone and choose the file in the dialog.

    The dialog opens only once the widget handles clicks; setting the hidden input directly could reach a
    field whose handlers were not attached yet, and the file was then silently not uploaded (seen once in
    ten runs of the journey test)."""
    with page.expect_file_chooser(timeout=timeout) as chooser:
        uploader.locator('[data-testid="stFileUploaderDropzone"]').click(timeout=timeout)
    chooser.value.set_files(str(path))
