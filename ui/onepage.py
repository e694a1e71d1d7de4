"""A component's page with its style sheets and scripts written into it, so the browser loads it in one request.

Why: the wall's frame is created only after Streamlit has loaded the code of every element kind on the page, over
the same six connections the browser allows per server; its own six files (Leaflet, the map and wall scripts and
their styles) then queued behind those (measured in the first drawing of the Übersicht: frame opened → numbers
drawn ~200 ms with six files, ~110 ms with one). The sources stay separate files in static/; the joined page is
made once per process, in a folder of its own that goes when the process ends.
"""
from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path

# `<prefix>/component/<name>/index.html` reaches the app's static files as `../../app/static/…`
APP_STATIC = "../../app/static/"
_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')
_CSS_URL = re.compile(r"url\((?!#|data:)([^)]+)\)")


def _source(page_dir: Path, static: Path, href: str) -> Path:
    return static / href[len(APP_STATIC):] if href.startswith(APP_STATIC) else page_dir / href


def _style(page_dir: Path, static: Path, href: str) -> str:
    path = _source(page_dir, static, href)
    # a url() in a sheet is relative to the sheet; in the page it would be relative to the page
    where = APP_STATIC + path.parent.relative_to(static).as_posix() + "/" if href.startswith(APP_STATIC) else ""
    css = _CSS_URL.sub(lambda m: f"url({where}{m.group(1)})", path.read_text(encoding="utf-8"))
    return f"<style>\n{css}\n</style>"


def _script(page_dir: Path, static: Path, src: str) -> str:
    js = _source(page_dir, static, src).read_text(encoding="utf-8")
    if "</script" in js.lower():  # would end the element early
        raise ValueError(f"{src}: enthält '</script' und kann nicht eingebettet werden")
    return f"<script>\n{js}\n</script>"


def joined(page_dir: Path, static: Path) -> str:
    """`page_dir/index.html` with every `<link rel="stylesheet">` and `<script src>` replaced by the file's text."""
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    html = _LINK.sub(lambda m: _style(page_dir, static, m.group(1)), html)
    return _SCRIPT.sub(lambda m: _script(page_dir, static, m.group(1)), html)


def folder(page_dir: Path, static: Path) -> Path:
    """A new folder holding only the joined index.html (removed when the process ends)."""
    out = Path(tempfile.mkdtemp(prefix=f"srb-{page_dir.name}-"))
    atexit.register(shutil.rmtree, out, True)
    (out / "index.html").write_text(joined(page_dir, static), encoding="utf-8")
    return out
