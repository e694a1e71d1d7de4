"""Screenshots of every page at 1920×1080 and 1280×720, normal and projector mode.

`python scripts/screenshots.py [BASE_URL]` (default: starts `streamlit run app.py` on a free port).
Writes PNGs to test-artifacts/screenshots/ and prints any request to a host other than the app.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.e2e.server import CHROMIUM, LAUNCH_ARGS, running_app, wait_for_app  # noqa: E402

PAGES = ["uebersicht", "sozialraum", "kitas", "rechenweg", "budget", "szenarien", "vergleich", "daten", "glossar"]
SIZES = [(1920, 1080), (1280, 720)]


def seed(path: Path) -> str:
    """Two example scenarios for the Bad Kreuznach demo; returns the id of the first."""
    from srb_core import load_kitas, load_konzeption
    from srb_core.scenarios import ScenarioStore, baseline_scenario

    folder = ROOT / "data" / "demo" / "bad_kreuznach"
    konz = load_konzeption(folder / "konzeption.toml")
    data = load_kitas(folder / "kitas.csv", konz)
    base = baseline_scenario(konz, "bad_kreuznach", data.fingerprint).with_(id="", note="")
    store = ScenarioStore(path)
    first = store.save(base.with_(name="Soziale Lage doppelt", author="Kernteam", note="Frage aus der Sitzung",
                                  params=base.params.with_(weights=(1.0, 2.0, 1.0, 1.0))))
    store.save(base.with_(name="Normbereich ± 0,5", author="Kernteam", params=base.params.with_(k=0.5)))
    return first.id


def shoot(base: str, out: Path, scenario_id: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for w, h in SIZES:
            for mode in ("", "proj=1"):
                for name in PAGES:
                    page = browser.new_page(viewport={"width": w, "height": h})
                    foreign = []
                    page.on("request", lambda r, foreign=foreign: foreign.append(r.url) if not r.url.startswith(
                        (base, "data:", "blob:", "about:")) else None)
                    path_part = "" if name == "uebersicht" else name  # the default page lives at /
                    query = "&".join(
                        filter(None, [mode, f"sc={scenario_id}" if name == "vergleich" and scenario_id else ""])
                    )
                    page.goto(f"{base}/{path_part}?{query}", wait_until="networkidle")
                    wait_for_app(page)
                    path = out / f"{name}_{w}x{h}{'_projektor' if mode else ''}.png"
                    page.screenshot(path=str(path))
                    print(path.relative_to(ROOT), "fremde Anfragen:", foreign or "keine")
                    page.close()
        browser.close()


if __name__ == "__main__":
    target = ROOT / "test-artifacts" / "screenshots"
    if len(sys.argv) > 1:
        shoot(sys.argv[1].rstrip("/"), target)
    else:
        import os
        import tempfile

        db = Path(tempfile.mkdtemp()) / "szenarien.sqlite"
        first = seed(db)
        os.environ["SRB_SZENARIO_DB"] = str(db)  # the app started below inherits it
        with running_app() as base:
            shoot(base, target, first)
