"""CSS for badges and the projector mode (large type, strong contrast, nothing essential cut off)."""
from __future__ import annotations

import streamlit as st

BASE = """
<style>
.srb-badge {display:inline-block; padding:0.15rem 0.6rem; border-radius:0.4rem; font-weight:700;
            font-size:0.9rem; margin:0 0.4rem 0.3rem 0; border:2px solid;}
.srb-demo {background:#fff3cd; color:#5c4100; border-color:#b88a00;}
.srb-anon {background:#e7f0fb; color:#0b3d75; border-color:#0b5394;}
.srb-changed {background:#fde2e1; color:#7a1410; border-color:#b3261e;}
.srb-scenario {background:#e6f4ea; color:#0d5223; border-color:#1e7e34;}
.srb-swatch {display:inline-block; width:1.1em; height:1.1em; border:1px solid #333; vertical-align:middle;
             margin-right:0.35em; border-radius:0.15em;}
.srb-dot {display:inline-block; width:0.95em; height:0.95em; border:2px solid #111; border-radius:50%;
          vertical-align:middle; margin-right:0.35em;}
.srb-legend {line-height:1.9; font-size:0.95rem;}
div[data-testid="stMetricValue"] > div {font-size: 1.6rem !important;}
/* Streamlit's (empty) top bar would cover the title: see-through, its buttons stay usable; the page starts
   higher, so at 1280×720 the title is not pushed 150 px down. */
header[data-testid="stHeader"] {background: transparent !important; pointer-events: none;}
header[data-testid="stHeader"] * {pointer-events: auto;}
.block-container {padding-top: 2.5rem !important;}
/* A comparison of several scenarios has many columns: smaller type so it fits without scrolling. */
.st-key-cp-wide div[data-testid="stTable"] table {font-size: 0.8rem !important;}
.st-key-cp-wide div[data-testid="stTable"] td, .st-key-cp-wide div[data-testid="stTable"] th
    {padding: 0.3rem 0.45rem !important;}
/* "Drucken" in the browser: the page itself, without sidebar, header and toolbar; charts and maps at full
   width; tables not cut between rows. */
@media print {
  section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stBottomBlockContainer"], .stDownloadButton, .stButton, [data-testid="stPageLink"]
      {display: none !important;}
  .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"], section.main {margin-left: 0 !important;
      padding-left: 0 !important; width: 100% !important; max-width: 100% !important; position: static !important;
      overflow: visible !important;}
  .block-container {max-width: 100% !important; width: 100% !important; padding: 0.5cm !important;}
  /* a row with a chart or a map becomes a column, so the chart gets the page's full width */
  [data-testid="stHorizontalBlock"]:has([data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"],
      .vega-embed, iframe) {flex-direction: column !important;}
  [data-testid="stHorizontalBlock"]:has([data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"],
      .vega-embed, iframe) > [data-testid="stColumn"] {width: 100% !important; flex: 1 1 auto !important;
      max-width: 100% !important;}
  [data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"], .vega-embed, iframe
      {width: 100% !important; max-width: 100% !important;}
  div[data-testid="stTable"] tr, [data-testid="stMetric"] {break-inside: avoid;}
  h1, h2, h3 {break-after: avoid;}
  * {-webkit-print-color-adjust: exact !important; print-color-adjust: exact !important;}
}
@media (max-width: 1500px) {
  .st-key-sr-main [data-testid="stHorizontalBlock"] {flex-direction: column !important;}
  .st-key-sr-main [data-testid="stColumn"] {width: 100% !important; flex: 1 1 auto !important;}
}
/* The Übersicht wall's own styles: static/wall/wall.css (it is drawn in its own frame). */
/* Contrast ≥ 4.5:1 (WCAG 2.1 AA): Streamlit's captions are grey at about 3.9:1 on white. */
div[data-testid="stCaptionContainer"], div[data-testid="stCaptionContainer"] p {color:#404040 !important;}
/* Sidebar: the budget is typed as German text, right-aligned like a number (the sliders are their own component). */
section[data-testid="stSidebar"] [data-testid="stTextInput"] input {text-align:right; padding:0.25rem 0.4rem;}
/* Streamlit's English input hint ("Press Enter to apply"): the help icon explains it in German. */
[data-testid="InputInstructions"] {display:none !important;}
</style>
"""

PROJECTOR = """
<style>
/* Streamlit sizes text in rem: a root that grows with the window scales every element alike. */
html {font-size: clamp(15px, 1.1vw, 21px) !important;}
.stApp, .stApp p, .stApp li, .stApp label, .stApp td, .stApp th {color: #000 !important;}
div[data-testid="stTable"] table {font-size: 0.95rem !important;}
div[data-testid="stTable"] td, div[data-testid="stTable"] th {border-color: #444 !important;
    padding: 0.12rem 0.4rem !important; line-height: 1.25 !important;}
section[data-testid="stSidebar"] {min-width: 15rem !important; width: 15rem !important;}
section[data-testid="stSidebar"] [data-testid="stSidebarContent"] {padding-top: 0 !important;}
section[data-testid="stSidebar"] [data-testid="stSidebarUserContent"] {padding-top: 0.4rem !important;}
section[data-testid="stSidebar"] [data-testid="stVerticalBlock"] {gap: 0.35rem !important;}
/* Below 900 px height the page list gives way to the sliders (switch pages with projector mode off). */
@media (max-height: 900px) {section[data-testid="stSidebar"] [data-testid="stSidebarNav"] {display: none !important;}}
.block-container {padding-top: 1.5rem !important; padding-left: 1rem !important; padding-right: 1rem !important;
                  max-width: 100% !important;}
.block-container [data-testid="stVerticalBlock"] {gap: 0.45rem !important;}
h1 {font-size: 1.5rem !important; padding: 0.15rem 0 0.1rem 0 !important; line-height: 1.35 !important;
    overflow: visible !important;}
.srb-badge {font-size: 0.75rem; margin-bottom: 0;}
/* Streamlit pulls the element after a title up by 21 px; with the smaller title that covered its last line. */
[data-testid="stHeading"] [data-testid="stMarkdownContainer"]:has(h1) {margin-bottom: 0 !important;}
div[data-testid="stCaptionContainer"] {color: #222 !important;}
/* The Sozialraum page stacks profile and path in projector mode (issue 15); the Übersicht keeps its columns. */
@media (max-width: 1800px) {
  .st-key-sr-main [data-testid="stHorizontalBlock"] {flex-direction: column !important;}
  .st-key-sr-main [data-testid="stColumn"] {width: 100% !important; flex: 1 1 auto !important;}
}
</style>
"""


def _static(path: str) -> str:
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix + '/' if prefix else ''}app/static/{path}"


# Loads static/srbmap/german.js once into the page: German for the framework's own English texts (file
# uploader, toolbars, screen-reader labels) where Streamlit offers no setting. Served by this app.
# The browser's language is set to German for this page first (inline, before any table draws): Streamlit's
# "localized" and "euro" table formats follow it (ui/columns.py), so a projector laptop set to English still
# shows 44,6 and 1.002.240,00 €.
GERMAN = """<script>if (!window.srbGerman) {{
try {{ ["languages", "language"].forEach(function (k) {{ Object.defineProperty(Navigator.prototype, k,
  {{ get: function () {{ return k === "language" ? "de-DE" : ["de-DE", "de"]; }}, configurable: true }}); }});
}} catch (e) {{}}
var s = document.createElement("script"); s.src = "{src}"; document.head.appendChild(s); }}</script>"""


def apply(projector: bool) -> None:
    st.html(BASE + (PROJECTOR if projector else ""))
    st.html(GERMAN.format(src=_static("srbmap/german.js")), unsafe_allow_javascript=True)
