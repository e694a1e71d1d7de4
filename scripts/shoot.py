"""Screenshots of app pages in Debian's Chromium: `python scripts/shoot.py URL OUT.png [W H]`."""
import sys

from playwright.sync_api import sync_playwright

url, out = sys.argv[1], sys.argv[2]
w, h = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (1920, 1080)
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync"])
    page = browser.new_page(viewport={"width": w, "height": h})
    external = []
    page.on(
        "request",
        lambda r: (
            external.append(r.url)
            if not r.url.startswith(("http://localhost", "http://127.0.0.1", "data:", "blob:", "about:"))
            else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(3000)
    page.screenshot(path=out, full_page=False)
    print("external requests:", external)
    browser.close()
