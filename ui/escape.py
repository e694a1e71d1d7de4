"""Text from files, URLs and users is data, never markup: one escape function per output context.

Use them at the point of output, on the data part only (never on the app's own texts from ui/texts.py):

- `html(text)`      – st.html, unsafe_allow_html, and Leaflet tooltips/popups (they are set as innerHTML);
- `md(text)`        – everything Streamlit renders as Markdown: st.markdown/caption/info/warning/error/success,
                      titles, widget labels, st.table cells and headers, st.metric labels;
- `md_table(frame)` – a whole DataFrame for st.table (cells, column names and index);
- `vega(text)`      – strings inside Vega-Lite specifications that end up in expressions (avoid that:
                      compare against a data column instead, see ui/charts.py).

st.dataframe / st.data_editor / selectbox options show plain text and need no escaping.
"""
from __future__ import annotations

import html as _html
import json
import re

import pandas as pd

from srb_core import SrbError, SrbInputError

# Every ASCII punctuation character that CommonMark, GitHub Markdown or Streamlit's extensions give a meaning
# anywhere in a line: emphasis, code, links and images, raw HTML and entities, LaTeX ($), tables (|),
# strike-through (~), Streamlit's :colour[…] and :emoji: directives. A backslash before any ASCII
# punctuation is a literal character in CommonMark, so escaping never shows a backslash. Parentheses stay as
# typed: they only make a link after brackets, and those are escaped.
_MD_ANYWHERE = re.compile(r"([\\`*_{}\[\]<>#!|$~&:@])")
# GitHub's autolinks (http://…, www.…, a@b.de) are found in the text after escapes are resolved, so a
# backslash cannot stop them. An invisible WORD JOINER (U+2060) before "://", the "." after "www" and "@"
# does: the text looks the same and is no link.
JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(?=\\://)|(?<=www)(?=\\\.)|(?=\\@)", re.IGNORECASE)
_WWW = re.compile(r"(www)\.", re.IGNORECASE)
# Only at the start of a line and before a space (or repeated): lists (- + 1. 1)), rules (---), setext (===).
# "130.685,91 €" or "Süd-West" stay as they are.
_MD_LINE_START = re.compile(r"^(\s*)([-+=])(?=\s|\2|$)|^(\s*\d+)([.)])(?=\s|$)")


def html(text: object) -> str:
    """HTML text and attribute values: & < > " ' become entities (html.escape with quote=True)."""
    return _html.escape(str(text), quote=True)


def md(text: object) -> str:
    """Markdown that shows exactly `text`: every special character backslash-escaped, line breaks as spaces
    (a name must not start a new paragraph, list or heading), web and mail addresses no links."""
    flat = " ".join(str(text).splitlines())
    escaped = _WWW.sub(r"\1\\.", _MD_ANYWHERE.sub(r"\\\1", flat))
    escaped = _AUTOLINK.sub(JOINER, escaped)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}",
                              escaped)


def md_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for st.table with every text cell, column name and index label escaped for Markdown.

    Numbers stay numbers; texts the app writes itself (German numbers, units) contain no special
    characters and come out unchanged."""
    def cell(value):
        return md(value) if isinstance(value, str) else value

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(cell)
    out.columns = [cell(c) for c in out.columns]
    out.index = out.index.map(cell)
    if out.index.name is not None:
        out.index.name = cell(out.index.name)
    return out


def vega(text: object) -> str:
    """A string literal for a Vega expression: JSON-quoted, so quotes and backslashes cannot end it."""
    return json.dumps(str(text))


def md_list(lines: list[str], limit: int = 50) -> str:
    """A Markdown list of data-bearing lines (problems, warnings, notes), each line escaped."""
    items = [f"- {md(line)}" for line in lines[:limit]]
    if len(lines) > limit:
        items.append(f"- … und {len(lines) - limit} weitere.")
    return "\n".join(items)


def md_error(exc: SrbError) -> str:
    """An engine error as Markdown: its German title and each problem (which quote files and values) escaped."""
    if not isinstance(exc, SrbInputError):
        return md(str(exc))
    return md(exc.title) + "\n\n" + md_list([p.text() for p in exc.problems])


_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """What a reader sees of text escaped with `md` (CommonMark's backslash escapes resolved, joiners dropped);
    for tests that look for a name in what the app sends."""
    return _BACKSLASH_ESCAPE.sub(r"\1", markdown).replace(JOINER, "")
