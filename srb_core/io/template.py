"""Fill-in templates (CSV and XLSX) generated from a Konzeption, so a Jugendamt collects the right columns."""
from __future__ import annotations

import io

import pandas as pd

from ..data import OPTIONAL_NUMERIC, REQUIRED
from ..konzeption.model import SCALE_LABELS, Konzeption

BASE_HELP = {
    "kita_id": ("Kennung der Kita", "Pflicht; eindeutig, z. B. K01"),
    "name": ("Name der Kita", "Pflicht; im anonymisierten Modus nie angezeigt"),
    "sozialraum": ("Kita-Sozialraum", "Pflicht; genau wie in der Konzeption und der Karte geschrieben"),
    "children": ("Zahl der betreuten Kinder", "ganze Zahl; für Gewichtung nach Kinderzahl"),
    "lat": ("Breitengrad (WGS84)", "z. B. 49.8451; für die Karte"),
    "lon": ("Längengrad (WGS84)", "z. B. 7.8652; für die Karte"),
}


def template_columns(konzeption: Konzeption) -> list[str]:
    """The columns of an empty Kita table: required, optional numeric, then the Konzeption's variables."""
    return list(REQUIRED) + list(OPTIONAL_NUMERIC) + list(konzeption.columns)


def explanation(konzeption: Konzeption) -> pd.DataFrame:
    """One row per column of the Kita table: meaning, sub-index, scale, allowed values, direction."""
    rows = [{"Spalte": c, "Bedeutung": BASE_HELP[c][0], "Teilindex": "", "Skala": "", "Zulässig": BASE_HELP[c][1],
             "Richtung": ""} for c in list(REQUIRED) + list(OPTIONAL_NUMERIC)]
    for v in konzeption.variables:
        span = f"{v.value_range[0]:g} bis {v.value_range[1]:g}" if v.value_range else "beliebige Zahl"
        rows.append({"Spalte": v.column, "Bedeutung": v.title, "Teilindex": v.index,
                     "Skala": SCALE_LABELS[v.scale] + (f" ({v.unit})" if v.unit else ""),
                     "Zulässig": span + "; leer = keine Angabe",
                     "Richtung": "höher = mehr Bedarf" if v.more_is_need else "höher = weniger Bedarf"})
    return pd.DataFrame(rows)


def template_csv(konzeption: Konzeption, german_excel: bool = True) -> bytes:
    """Header-only CSV; by default as German Excel expects it (';' and Windows-1252)."""
    frame = pd.DataFrame(columns=template_columns(konzeption))
    if german_excel:
        return frame.to_csv(index=False, sep=";").encode("cp1252", errors="replace")
    return frame.to_csv(index=False).encode("utf-8")


def template_xlsx(konzeption: Konzeption) -> bytes:
    """An empty Kita table as XLSX with a sheet 'Erläuterungen' that explains every column."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame(columns=template_columns(konzeption)).to_excel(writer, sheet_name="Kitas", index=False)
        explanation(konzeption).to_excel(writer, sheet_name="Erläuterungen", index=False)
        sheet = writer.sheets["Kitas"]
        for cell in sheet[1]:
            sheet.column_dimensions[cell.column_letter].width = max(12, len(str(cell.value)) + 2)
        help_sheet = writer.sheets["Erläuterungen"]
        for letter, width in zip("ABCDEF", (34, 70, 26, 36, 34, 22), strict=False):
            help_sheet.column_dimensions[letter].width = width
    return buffer.getvalue()
