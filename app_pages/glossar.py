import streamlit as st

from ui import texts as T

st.title(T.GL_TITLE)
st.caption(T.GL_INTRO)
for term, text in T.GLOSSARY.items():
    st.markdown(f"**{term}**  \n{text}")
