"""ui/onepage.py: a component's page with its styles and scripts written in (one request for the browser)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui import onepage

STATIC = Path(__file__).resolve().parents[2] / "static"


def _page(tmp_path: Path, html: str, files: dict[str, str]) -> Path:
    page = tmp_path / "static" / "thing"
    page.mkdir(parents=True)
    (page / "index.html").write_text(html, encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / "static" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return page


def test_styles_and_scripts_are_written_in_with_urls_kept_relative_to_their_sheet(tmp_path):
    page = _page(tmp_path, '<head><link rel="stylesheet" href="../../app/static/lib/a.css">'
                           '<link rel="stylesheet" href="own.css"><script src="../../app/static/lib/a.js"></script>'
                           '</head><body><script src="own.js"></script></body>',
                 {"lib/a.css": ".x {background: url(images/x.png)} .y {behavior: url(#default#VML)}",
                  "thing/own.css": ".z {color: red}", "lib/a.js": "var a = 1;", "thing/own.js": "var b = 2;"})
    html = onepage.joined(page, tmp_path / "static")
    assert "<link" not in html and "src=" not in html
    # the library's image is found from the page's address (…/component/<name>/) as before
    assert "url(../../app/static/lib/images/x.png)" in html and "url(#default#VML)" in html
    assert html.index("var a = 1;") < html.index("var b = 2;")  # order kept: the library before the page's script
    assert ".z {color: red}" in html


def test_a_script_that_would_end_its_element_is_refused(tmp_path):
    page = _page(tmp_path, '<script src="own.js"></script>', {"thing/own.js": 'var s = "</SCRIPT>";'})
    with pytest.raises(ValueError, match="own.js"):
        onepage.joined(page, tmp_path / "static")


@pytest.mark.parametrize("name", ["wall", "srbslider"])
def test_the_app_pages_load_nothing_of_their_own_but_images(name):
    html = onepage.joined(STATIC / name, STATIC)
    assert not re.search(r"<link\b|<script\s+src=", html)
    for url in re.findall(r"url\(([^)#]+)\)", html):
        if url.startswith("../../app/static/"):
            assert (STATIC / url[len("../../app/static/"):]).is_file(), url
