"""The floor for browser benchmarks: the least a Streamlit page with our controls must cost.

Four sidebar sliders and one 8-row table whose numbers follow them, nothing else. Benchmarks run
this page and the app alternately in the same run and report the app's figures as ratios to it.
"""
import pandas as pd
import streamlit as st

AREAS = ["Nord", "Ost", "Süd-West", "Pariser Viertel", "Innenstadt", "Winzenheim", "BME", "Planig"]
POINTS = [[39.8, 41.0, 38.2, 40.1], [43.2, 44.0, 42.5, 43.0], [36.6, 35.9, 37.0, 36.8], [53.0, 52.1, 54.2, 53.5],
          [30.6, 31.2, 29.9, 30.0], [37.5, 38.1, 36.9, 37.4], [31.0, 30.5, 31.8, 31.1], [33.5, 34.0, 32.8, 33.6]]

st.set_page_config(page_title="Vergleichsseite", layout="wide")
with st.sidebar:
    weights = [st.slider(f"Gewicht {j + 1}", 0.0, 4.0, 1.0, 0.1) for j in range(4)]
total = sum(weights) or 1.0
points = [sum(w * p for w, p in zip(weights, row, strict=True)) / total for row in POINTS]
shares = [p / sum(points) for p in points]
st.table(pd.DataFrame({"Sozialraum": AREAS, "Punkte": [f"{p:.1f}" for p in points],
                       "Anteil": [f"{s * 100:.2f} %" for s in shares]}))
