"""One escape function per output context (ui/escape.py), and the places that build markup from data."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from srb_core import Problem, SrbInputError, compute
from srb_core.io.validation import validate_upload
from tests import own_data
from ui import escape
from ui.cache import Dataset

HOSTILE = own_data.HOSTILE + ["1. erster", "- Liste", "# Titel", "> Zitat", "a | b", "~~weg~~", "x\ny", "\\", "&amp;",
                              "<https://203.0.113.9/x>", ":red[rot]", "$$\\sum$$", "`code`", "***", "===",
                              "(http://203.0.113.9/x)", "www.example.de_(x)", "mail@example.de)"]


# CommonMark: a backslash before any ASCII punctuation character stands for that character itself.
BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@pytest.mark.parametrize("text", HOSTILE)
def test_md_shows_the_text_itself(text):
    """Undoing CommonMark's backslash escapes gives the text back (line breaks become spaces; the invisible
    word joiner that keeps addresses from becoming links is dropped)."""
    shown = BACKSLASH_ESCAPE.sub(r"\1", escape.md(text)).replace(escape.JOINER, "")
    assert shown == " ".join(text.splitlines())


@pytest.mark.parametrize("text", ["http://203.0.113.9/p.png", "HTTPS://x.de", "www.example.de", "WWW.x.de",
                                  "post@example.de"])
def test_md_keeps_addresses_from_becoming_links(text):
    """GitHub autolinks are found after escapes are resolved: http://, www. and @ must not stand together."""
    shown = BACKSLASH_ESCAPE.sub(r"\1", escape.md(text))
    assert not re.search(r"https?://|www\.|\w@\w", shown, re.IGNORECASE)


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escapes_what_streamlit_adds(text):
    """LaTeX ($), links and images, code, HTML and entities, emphasis, tables: never unescaped."""
    out, i = escape.md(text), 0
    while i < len(out):
        if out[i] == "\\":  # an escape pair: the next character is literal
            i += 2
            continue
        assert out[i] not in "$[]`<>!&*_|~#", (text, out, i)
        i += 1


def test_md_leaves_numbers_and_plain_names_alone():
    for text in ("130.685,91 €", "Süd-West", "17,37 %", "−1,23 pp", "Pariser Viertel", "Planig / Ippesheim"):
        assert escape.md(text) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_html_is_text_in_an_element_and_in_an_attribute(text):
    out = escape.html(text)
    assert "<" not in out and ">" not in out and '"' not in out and "'" not in out
    from html import unescape
    assert unescape(out) == text


def test_md_table_escapes_cells_columns_and_index_but_not_numbers():
    frame = pd.DataFrame({"Name <b>": ["![x](http://203.0.113.9/p.png)", "Süd-West"], "Zahl": [1.5, 2.0]},
                         index=pd.Index(["$a$", "b"], name="Sozialraum `x`"))
    out = escape.md_table(frame)
    assert list(out.columns) == ["Name \\<b\\>", "Zahl"]
    assert list(out.index) == ["\\$a\\$", "b"] and out.index.name == "Sozialraum \\`x\\`"
    assert out.iloc[0, 0] == "\\!\\[x\\](http\u2060\\://203.0.113.9/p.png)" and out.iloc[1, 0] == "Süd-West"
    assert out["Zahl"].tolist() == [1.5, 2.0]
    assert frame.iloc[0, 0].startswith("![")  # the input is not changed


def test_md_error_escapes_every_problem():
    exc = SrbInputError([Problem("Unbekannt.", file="a_b.csv", value="<img src=x onerror=alert(1)>")], title="Titel")
    text = escape.md_error(exc)
    assert text.startswith("Titel\n\n- ") and "\\<img" in text and "a\\_b.csv" in text


def test_vega_literal_cannot_be_ended_by_quotes():
    assert json.loads(escape.vega('a"b\\c')) == 'a"b\\c'


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    files = own_data.write_files(tmp_path_factory.mktemp("esc"))
    r = validate_upload(files.kitas.read_bytes(), files.kitas.name, files.konzeption.read_bytes(),
                        files.konzeption.name, files.shapefile.read_bytes(), files.shapefile.name)
    ds = Dataset("upload", r.konzeption, r.data, r.geo, demo=False, schematic_map=False)
    return ds, compute(r.data, r.konzeption)


def test_norm_band_chart_puts_no_name_into_an_expression(own, monkeypatch):
    from ui import charts

    ds, res = own
    monkeypatch.setattr(charts.state, "pseudonym_key", lambda: b"k")
    spec = charts.norm_band_chart(res, False, False, highlight=ds.data.sozialraum_names[0]).to_dict()

    def expressions(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("test", "expr", "filter", "calculate") and isinstance(v, str):
                    yield v
                yield from expressions(v)
        elif isinstance(node, list):
            for v in node:
                yield from expressions(v)

    found = list(expressions(spec))
    assert found and not any(h in e for e in found for h in own_data.HOSTILE)
