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
/* A comparison of several scenarios has many columns: smaller type so it fits without scrolling. */
.st-key-cp-wide div[data-testid="stTable"] table {font-size: 0.8rem !important;}
.st-key-cp-wide div[data-testid="stTable"] td, .st-key-cp-wide div[data-testid="stTable"] th
    {padding: 0.3rem 0.45rem !important;}
/* Map and share table side by side only where both fit; otherwise one below the other. */
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
  .st-key-ov-main > div > [data-testid="stHorizontalBlock"], .st-key-ov-main [data-testid="stHorizontalBlock"]
      {flex-direction: column !important;}
  .st-key-ov-main [data-testid="stColumn"] {width: 100% !important; flex: 1 1 auto !important;}
  .st-key-ov-main [data-testid="stColumn"]:nth-child(2) {order: -1;}  /* shares first */
}
</style>
"""

PROJECTOR = """
<style>
/* Streamlit sizes text in rem: a larger root scales every element alike, headings included. */
html {font-size: 21px !important;}
.stApp, .stApp p, .stApp li, .stApp label, .stApp td, .stApp th {color: #000 !important;}
div[data-testid="stTable"] table {font-size: 1.05rem !important;}
div[data-testid="stTable"] td, div[data-testid="stTable"] th {border-color: #444 !important;}
section[data-testid="stSidebar"] {min-width: 330px !important;}
.block-container {padding-top: 1.2rem !important; padding-left: 1.5rem !important; padding-right: 1.5rem !important;
                  max-width: 100% !important;}
div[data-testid="stCaptionContainer"] {color: #222 !important;}
@media (max-width: 1800px) {
  .st-key-sr-main [data-testid="stHorizontalBlock"] {flex-direction: column !important;}
  .st-key-sr-main [data-testid="stColumn"] {width: 100% !important; flex: 1 1 auto !important;}
  .st-key-ov-main [data-testid="stHorizontalBlock"] {flex-direction: column !important;}
  .st-key-ov-main [data-testid="stColumn"] {width: 100% !important; flex: 1 1 auto !important;}
  .st-key-ov-main [data-testid="stColumn"]:nth-child(2) {order: -1;}  /* shares first */
}
</style>
"""


def apply(projector: bool) -> None:
    st.html(BASE + (PROJECTOR if projector else ""))
