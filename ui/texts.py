"""Every text the app shows, in German, in one place (so wording is reviewed and changed here only)."""
from __future__ import annotations

from srb_core.index.normband import BandClass

APP_TITLE = "SRB-Monitor"
APP_SUBTITLE = "Sozialraumbudget nach dem Kita-Zukunftsgesetz Rheinland-Pfalz – nachvollziehbar verteilen"

DATASETS = {
    "bad_kreuznach": "Demo: Bad Kreuznach",  # short: the sidebar box shows about 22 characters
    "mayen_koblenz": "Demo: Mayen-Koblenz",
    "upload": "Eigene Daten (hochgeladen)",
}
DEMO_BADGE = "Demo-Daten (synthetisch)"
DEMO_NOTE = ("Alle Kita-Angaben dieser Demo sind erfunden. Die Sozialraum-Werte sind so erzeugt, dass sie das "
             "veröffentlichte Ergebnis nachbilden; Kita-Namen und -Antworten sind keine echten Daten.")
SCHEMATIC_MAP = ("Die Flächen sind schematisch (aus ungefähren Ortsmittelpunkten erzeugt), keine amtlichen "
                 "Grenzen. Eigene Grenzen lassen sich auf der Seite „Daten“ hochladen.")
ANON_BADGE = "Anonymisiert"

PAGES = {
    "uebersicht": "Übersicht",
    "sozialraum": "Sozialraum",
    "kitas": "Kitas",
    "rechenweg": "Rechenweg",
    "budget": "Budget & Stellen",
    "szenarien": "Szenarien",
    "vergleich": "Vergleich",
    "robustheit": "Robustheit",
    "entwicklung": "Entwicklung",
    "berichte": "Berichte",
    "daten": "Daten",
    "glossar": "Glossar",
}

# --- Sidebar ----------------------------------------------------------------------------------
SB_DATASET = "Datensatz"
SB_DATASET_SHOWN = "Datensatz: {name}"  # the button that opens the menu
SB_DATASET_CLOSE = "Auswahl schließen"
SB_DATASET_HELP = ("**Demo: Bad Kreuznach** – Index-Verfahren wie 2021 (vier Teilindizes, Normbereich). "
                   "**Demo: Mayen-Koblenz** – Indikatoren-Modell. Beide Demos sind erfunden (synthetisch). "
                   "Eigene Daten laden Sie auf der Seite „Daten“.")
SB_DATASET_PICK_HELP = "Zum Wechseln anklicken: die Auswahl öffnet sich hier. " + SB_DATASET_HELP
SB_WEIGHTS = "Gewichte der Teilindizes"
SB_WEIGHTS_HELP = ("Wie stark zählt jeder Teilindex im Gesamtindex? 0 lässt ihn weg. Angezeigt wird auch der "
                   "wirksame Anteil: Gewicht geteilt durch die Summe aller Gewichte.")
SB_EFFECTIVE = "wirksam: {pct}"
SB_K = "Breite des Normbereichs (k)"
SB_K_HELP = "Normbereich = Mittelwert ± k × Standardabweichung. Die Konzeption legt k = 1 fest."
SB_BUDGET = "Budget (€)"
SB_BUDGET_HELP = ("Sozialraumbudget in Euro, das auf die Sozialräume verteilt wird. Eingabe wie 1.002.240,00 "
                  "oder 1002240; Eingabetaste übernimmt den Wert.")
SB_BUDGET_BAD = ("Budget: „{text}“ {why}; das Budget bleibt unverändert. Beispiel: 1.002.240,00 (Euro, höchstens "
                 "zwei Nachkommastellen).")
SB_RESET = "Auf beschlossene Konzeption zurücksetzen"
SB_VIEW = "Ansicht"
SB_PROJECTOR = "Projektor-Modus"
SB_PROJECTOR_HELP = "Große Schrift und starke Kontraste für die Projektion im Besprechungsraum."
SB_ANON = "Anonymisiert"
SB_ANON_HELP = "Kita-Namen werden überall durch neutrale Kennungen ersetzt – auch in Karte und Downloads."
SB_CHANGED = "Abweichend von der beschlossenen Konzeption"
SB_LINK = "Der Link in der Adresszeile gibt diese Ansicht genau wieder."
SB_TYPE = "{name} als Zahl"
SB_TYPE_HELP = ("Zahl eintippen (Komma oder Punkt) und mit der Eingabetaste übernehmen: der Regler springt in einem "
                "Schritt auf den Wert.")
SB_TYPE_PLACEHOLDER = "Zahl"
SB_WEIGHT_LABEL = "{name}: {value} · wirksam: {pct}"  # also the slider's name for screen readers: no Markdown
SB_K_LABEL = "{name}: {value}"
SB_TYPE_BAD = "„{text}“ ist keine zulässige Zahl für {name}: erlaubt ist {grid}."
URL_INVALID = "Der Link enthielt ungültige Werte ({what}); sie wurden durch die Werte der Konzeption ersetzt."
MAP_ANON_LEGEND = "Kitas je Sozialraum (anonymisiert: Anzahl je Lage im Normbereich, keine Standorte)"
MAP_AREA_KITAS = "{n} Kitas: {counts} (anonymisiert: keine Standorte)"
MAP_ZOOM_IN = "Vergrößern"
MAP_ZOOM_OUT = "Verkleinern"
MAP_NO_KITAS = "keine Kitas"
MAP_FIXED_NOTE = "(Klassen fest nach dem Beschluss)"
MAP_UP_TO = "bis {v}"
MAP_FROM = "ab {v}"
MAP_DELTA_SCALE = ("blau weniger, rot mehr als im Beschluss; Stufen ab {s0} / {s1} / {s2} / {s3} pp; "
                   "weiß: unter {s0} pp")
MAP_SKIP = "Karte überspringen"
MAP_REGION = "Karte der Sozialräume"
OV_DELTA_TOGGLE = "Veränderung gegenüber Beschluss"
OV_DELTA_TOGGLE_HELP = "Färbt die Sozialräume nach der Veränderung ihres Anteils gegenüber dem Beschluss."
OV_NO_MAP = ("Für diese Daten ist keine Sozialraum-Karte geladen. Auf der Seite „Daten“ lässt sich eine Karte "
             "(GeoJSON, GeoPackage oder gezipptes Shapefile) mit hochladen; die Tabelle links enthält alle Anteile.")
ERR_UNEXPECTED = ("Auf dieser Seite ist ein unerwarteter Fehler aufgetreten. Die Einzelheiten stehen im Protokoll "
                  "des Servers. Bitte die Seite neu laden oder eine andere Seite wählen; gespeicherte Szenarien "
                  "sind nicht betroffen.")
NO_UPLOAD = (
    "Noch keine eigenen Daten geladen – bitte auf der Seite „Daten“ hochladen. Gezeigt wird die Demo Bad Kreuznach."
)

# --- Übersicht --------------------------------------------------------------------------------
OV_TITLE = "Übersicht: Verteilung auf die Sozialräume"
OV_MEASURE = "Karte färben nach"
OV_MAP_KITAS = "Punkte = Kitas, Farbe = Lage zum Normbereich der Kitas (Gesamtindex)"
OV_SHARES = "Anteile je Sozialraum (Schritt 1)"
OV_SHARES_NOTE = "Δ = Veränderung gegenüber der beschlossenen Konzeption; pp = Prozentpunkte."
OV_BAND = "Kitas im Normbereich der Kitas (Gesamtindex)"
OV_BAND_NOTE = ("Jeder Punkt ist eine Kita. Das graue Band ist der Normbereich der Kitas (Mittelwert ± {k} × "
                "Standardabweichung "
                "= {lower} bis {upper}); die Linie ist der Mittelwert {mean}.")
OV_COUNTS = "{above} oberhalb · {within} innerhalb · {below} unterhalb des Normbereichs der Kitas"
MEASURE_OVERALL = "Gesamtindex"
MEASURE_SHARE = "Anteil am Budget"
MEASURE_EUROS = "Betrag in Euro"

# --- Column headers ---------------------------------------------------------------------------
COL_SOZIALRAUM = "Sozialraum"
COL_KITA = "Kita"
COL_KITA_ID = "Kennung"
COL_KITAS = "Kitas"
COL_CHILDREN = "Kinder"
COL_POINTS = "Punkte"
COL_SHARE = "Anteil"
COL_DELTA_PP = "Δ Anteil"
COL_EUROS = "Betrag"
COL_DELTA_EUR = "Δ Betrag"
COL_OVERALL = "Gesamtindex"
COL_BAND = "Normbereich der Kitas"
COL_TO_LOWER = "Abstand zur unteren Grenze"
COL_TO_UPPER = "Abstand zur oberen Grenze"
BAND_LABELS = {c.key: c.label for c in BandClass}  # the words live in BandClass
SUM_ROW = "Summe"

# --- Sozialraum -------------------------------------------------------------------------------
SR_TITLE = "Sozialraum im Blick"
SR_PICK = "Sozialraum wählen"
SR_POINTS = "Gesamtindex"
SR_SHARE = "Anteil"
SR_EUROS = "Betrag"
SR_BAND = "Lage im Normbereich der Sozialräume"
SR_PROFILE = "Profil der Teilindizes im Vergleich zum Durchschnitt aller Kitas"
SR_PROFILE_AVG = "Durchschnitt aller Kitas"
SR_KITAS = "Kitas in diesem Sozialraum"
SR_KITAS_NOTE = ("Abstand = Gesamtindex minus Grenze des Normbereichs der Kitas ({lower} bis {upper}). "
                 "Positiv bei der unteren Grenze heißt: erreicht den Normbereich (Kriterium für Kita-Sozialarbeit).")

# --- Kitas ------------------------------------------------------------------------------------
KT_TITLE = "Alle Kitas"
KT_FILTER_SR = "Sozialräume"
KT_FILTER_BAND = "Lage im Normbereich der Kitas"
KT_ALL = "alle"
KT_SEARCH = "Suche (Name oder Kennung)"
KT_SHOWN = "{n} von {total} Kitas"
KT_DOWNLOAD_CSV = "Tabelle als CSV herunterladen"
KT_DOWNLOAD_XLSX = "Tabelle als Excel herunterladen"

# --- Rechenweg --------------------------------------------------------------------------------
RW_TITLE = "Rechenweg einer Kita"
RW_PICK = "Kita wählen"
RW_STEP1 = "1. Antworten → Standardpunktzahlen (0–100)"
RW_STEP1_NOTE = ("Jede Variable wird auf 0 bis 100 umgerechnet: 0 = kleinster beobachteter Wert aller Kitas, "
                 "100 = größter. Bei Variablen, bei denen ein höherer Wert weniger Bedarf bedeutet (z. B. guter "
                 "ÖPNV), wird umgedreht: 100 minus Wert.")
RW_STEP2 = "2. Standardpunktzahlen → Teilindizes"
RW_STEP2_NOTE = (
    "Ein Teilindex ist der Mittelwert der Standardpunktzahlen seiner Variablen (fehlende Angaben zählen nicht mit)."
)
RW_STEP3 = "3. Teilindizes → Gesamtindex"
RW_STEP3_NOTE = "Der Gesamtindex ist der gewichtete Mittelwert der Teilindizes mit den wirksamen Gewichten."
RW_STEP4 = "4. Gesamtindex → Normbereich der Kitas"
RW_STEP5 = "5. Förderstränge (Schritt 2)"
RW_STEP5_NOTE = "Welche Förderstränge die Kita nach den Kriterien der Konzeption erhalten kann, und warum."
RW_COL_ELIGIBLE = "berechtigt"
RW_COL_VAR = "Variable"
RW_COL_INDEX = "Teilindex"
RW_COL_RAW = "Antwort"
RW_COL_RANGE = "kleinster … größter Wert"
RW_COL_SCORE = "Punkte"
RW_COL_FORMULA = "Rechnung"
RW_COL_WEIGHT = "Gewicht"
RW_COL_EFFECTIVE = "wirksam"
RW_COL_VALUE = "Wert"

# --- Daten ------------------------------------------------------------------------------------
DT_TITLE = "Eigene Daten laden"
DT_INTRO = ("Laden Sie Ihre Kita-Tabelle, Ihre Konzeption und (optional) Ihre Sozialraum-Karte. Die Dateien bleiben "
            "in dieser Sitzung auf diesem Rechner; die Demo-Daten werden nicht verändert.")
DT_KITAS = "Kita-Tabelle (CSV oder Excel)"
DT_KONZEPTION = "Konzeption (TOML) – leer lassen, um die Konzeption von Bad Kreuznach zu verwenden"
DT_MAP = "Sozialraum-Karte (GeoJSON, GeoPackage oder gezipptes Shapefile) – optional"
DT_CHECK = "Prüfen"
DT_FILES = ("Kita-Tabelle", "Konzeption", "Karte")
DT_CHOSEN = "Gewählt: {files}"
DT_CHECKING = "Dateien werden geprüft …"
DT_OK = ("Alle Prüfungen bestanden: {n} Kitas in {m} Sozialräumen. Konzeption „{name}“, Fingerabdruck {konz}; "
         "Kita-Daten: Fingerabdruck {data}.")
DT_REFUSED = "Die Dateien können so nicht verwendet werden. Bitte beheben Sie diese {n} Probleme:"
DT_WARNINGS = "Hinweise"
DT_USE = "Diese Daten in der Sitzung verwenden"
DT_IN_USE = ("Ihre Daten sind geladen und im Datensatz „Eigene Daten“ ausgewählt (Konzeption „{name}“, "
             "Fingerabdruck {konz}; Kita-Daten: Fingerabdruck {data}).")
DT_TEMPLATES = "Vorlagen zum Ausfüllen"
DT_TEMPLATE_NOTE = ("Die Vorlagen enthalten genau die Spalten, die die gewählte Konzeption braucht; "
                    "das Blatt „Erläuterungen“ beschreibt jede Spalte.")
DT_TEMPLATE_XLSX = "Vorlage als Excel"
DT_TEMPLATE_CSV = "Vorlage als CSV (für deutsches Excel)"
DT_NEED_KITAS = "Bitte zuerst eine Kita-Tabelle wählen."

# --- Errors -----------------------------------------------------------------------------------
ERR_COMPUTE = "Mit diesen Einstellungen ist keine Berechnung möglich:"
DT_FORMAT_HELP = """
**So bereiten Sie Ihre Daten vor**

1. Laden Sie die Vorlage herunter (Excel oder CSV). Eine Zeile je Kita.
2. Pflichtspalten: `kita_id` (eindeutig), `name`, `sozialraum` (genau wie in der Karte geschrieben).
   Optional: `children` (Kinderzahl), `lat`/`lon` (Lage der Kita in WGS84-Grad).
3. Je Variable der Konzeption eine Spalte. Anteile in Prozent (0–100), Bewertungen im angegebenen Bereich,
   Anzahlen als ganze Zahlen, ja/nein als 1/0. Eine leere Zelle heißt „keine Angabe“.
4. CSV aus deutschem Excel (Semikolon, Dezimalkomma) wird erkannt. Nichts wird still korrigiert:
   jede fehlerhafte Zelle wird mit Zeile, Spalte und Wert gemeldet.
5. Die Karte braucht je Sozialraum eine Fläche mit einer Spalte `sozialraum`; jedes Koordinatensystem
   (z. B. EPSG:25832) wird umgerechnet.
"""

# --- Budget & Stellen -------------------------------------------------------------------------
BU_TITLE = "Budget & Stellen: Vorschlag je Kita (Schritt 2)"
BU_NO_STRANDS = ("Die Konzeption dieses Datensatzes legt keine Förderstränge fest ([[strands]] in der TOML-Datei). "
                 "Ohne sie gibt es nur Schritt 1, die Anteile der Sozialräume.")
BU_TABS = ["Vorschlag", "Entscheidungen", "Anpassen", "Budgetjahre", "Nicht verbrauchte Mittel", "Abschläge"]
BU_INTRO = (
    "Wer bekommt was aus welchem Förderstrang? Das Jugendamt erstellt den Vorschlag nach den Kriterien der "
    "Konzeption, bespricht ihn mit den Trägern, passt ihn an und entscheidet. Das "
    "Sozialraumbudget (Landesmittel) trägt {share} der Personalkosten; den Rest trägt das Jugendamt. 1 € aus dem "
    "Sozialraumbudget finanziert also {factor} € Personalkosten."
)
BU_M_BUDGET = "Budget"
BU_M_ALLOCATED = "verteilt"
BU_M_FTE = "Stellen (VZÄ)"
BU_M_REST = "nicht in Stellen umsetzbar"
BU_SR_TABLE = "Je Sozialraum"
BU_KITA_TABLE = "Je Kita und Förderstrang"
BU_KITA_NOTE = (
    "✓ berechtigt · ○ begründete Ausnahme möglich (unter „Entscheidungen“ anerkennen) · – nicht berechtigt. "
    "Stellen auf {step} VZÄ abgerundet, sodass das Budget nie überschritten wird."
)
BU_COL_BUDGET = "Budget"
BU_COL_ALLOCATED = "verteilt"
BU_COL_FTE = "VZÄ"
BU_COL_HOURS = "Wochenstunden"
BU_COL_OPEN = "offen"
BU_COL_FTE_REST = "Rest nach Stellen"
BU_NOTES = "Hinweise zum Vorschlag"
BU_CENTRES = "Kommunikations- und Nachbarschaftszentren: eine Kita je Sozialraum"
BU_CENTRES_NOTE = "Vorgeschlagen ist jeweils die Kita in der Mitte des Sozialraums; bitte bestätigen oder ändern."
BU_EXCEPTIONS = "Begründete Ausnahmen anerkennen: „{label}“"
BU_EXCEPTIONS_NOTE = (
    "Kitas mit {index} zwischen unterer Grenze und Mittelwert können als begründete Ausnahme gefördert werden."
)
BU_REQUESTS = "Anträge: „{label}“ (Obergrenze {cap} VZÄ für das Jugendamt)"
BU_REQUESTS_NOTE = (
    "Je Zeile eine Kita und die beantragten Vollzeitäquivalente. Die Kosten gehen vom Budget ihres Sozialraums ab."
)
BU_COL_REQ_KITA = "Kita"
BU_COL_REQ_FTE = "beantragte VZÄ"
BU_ADJUST_NOTE = ("Beträge ändern und jede Änderung begründen. Die Summe jedes Sozialraums muss gleich bleiben; "
                  "sonst wird die Anpassung nicht übernommen.")
BU_COL_STRAND = "Förderstrang"
BU_COL_COMPUTED = "Vorschlag (€)"
BU_COL_ADJUSTED = "angepasst (€)"
BU_COL_REASON = "Begründung"
BU_COL_DIFF = "Differenz"
BU_SHARES = "Anteile der Förderstränge am Budget jedes Sozialraums (%)"
BU_SHARES_NOTE = ("Die Konzeption legt die Aufteilung fest; hier lässt sie sich für eine Was-wäre-wenn-Frage ändern. "
                  "Stränge auf Antrag gehen vorab ab und haben keinen Anteil.")
BU_SHARES_BAD = ("Die Anteile ergeben zusammen {total} %, nötig sind genau 100 %. Bis das stimmt, rechnet die App "
                 "mit den Anteilen der Konzeption.")
BU_SHARES_CHANGED = "Die Anteile weichen von der Konzeption ab; alle Seiten und Szenarien rechnen mit ihnen."
BU_ADJUST_OK = "Anpassung übernommen: {n} geänderte Beträge, alle Summen stimmen."
BU_ADJUST_NONE = "Noch keine Änderung. Der Vorschlag gilt unverändert."
BU_ADJUST_BAD = "Die Anpassung wird so nicht übernommen:"
BU_ADJUST_CHANGED = "Geänderte Beträge"
BU_ADJUST_RESET = "Anpassungen verwerfen"
BU_YEARS_INPUT = "Sozialraumbudget 2. Halbjahr 2021 (€)"
EURO_HELP = "Betrag in Euro wie 1.002.240,00 oder 1002240; die Eingabetaste übernimmt ihn."
EURO_BAD = "{label}: „{text}“ {why}; der Betrag bleibt unverändert. Beispiel: 488.897,00."
EURO_ABOVE = "liegt über dem Höchstbetrag {max} €"
PERCENT_HELP = "Prozent wie 55 oder 55,5 (Komma oder Punkt); die Eingabetaste übernimmt den Wert."
PERCENT_BAD = "{label}: „{text}“ ist kein zulässiger Anteil; erlaubt ist {grid}. Der Anteil bleibt unverändert."
BU_YEARS_NOTE = (
    "Dynamisierung 2,5 % pro Jahr ab 1. Juli 2021; ein Kalenderjahr = 2 × Halbjahresbetrag × 1,025^(Jahr − 2021). "
    "Neuberechnung der Landesverteilung erstmals 2027."
)
BU_COL_PERIOD = "Zeitraum"
BU_COL_AMOUNT = "Sozialraumbudget"
BU_STATE = "Zuweisung des Landes an ein Jugendamt berechnen"
BU_STATE_NOTE = (
    "40 % nach dem Anteil der Kinder unter 7 Jahren, 60 % nach dem Anteil der Kinder unter 7 im SGB-II-Bezug."
)
BU_STATE_TOTAL = "Landesvolumen (€)"
BU_STATE_U7 = "Kinder unter 7 im Jugendamtsbezirk"
BU_STATE_U7_ALL = "Kinder unter 7 im Land"
BU_STATE_SGB = "davon im SGB-II-Bezug (Bezirk)"
BU_STATE_SGB_ALL = "davon im SGB-II-Bezug (Land)"
BU_STATE_RESULT = "Anteil {share} → Sozialraumbudget {eur}"
BU_UNUSED_PICK = "Sozialraum mit nicht verbrauchten Mitteln"
BU_UNUSED_AMOUNT = "nicht verbraucht (€)"
BU_UNUSED_NOTE = "Was wäre, wenn: Der nicht verbrauchte Betrag geht an die übrigen Sozialräume nach ihren Anteilen."
BU_COL_BEFORE = "bisher"
BU_COL_AFTER = "danach"
BU_INSTALMENTS_NOTE = ("Monatliche Abschläge je Träger für den beschlossenen Plan; die ersten Monate tragen die "
                       "Cent-Reste, sodass zwölf Abschläge genau den Jahresbetrag ergeben.")
BU_COL_PROVIDER = "Träger"
BU_COL_YEAR = "Jahresbetrag"
BU_COL_MONTH = "Abschlag {m}"
BU_DOWNLOAD_CSV = "Plan als CSV"
BU_DOWNLOAD_XLSX = "Plan als Excel"
BU_ERROR = "Der Vorschlag kann so nicht berechnet werden:"
BU_NONE = "keine"
STATUS_MARK = {"eligible": "✓", "exception": "○", "not": "–"}

# --- Szenarien --------------------------------------------------------------------------------
SC_TITLE = "Szenarien: speichern, laden, weitergeben"
SC_INTRO = ("Ein Szenario hält alle Einstellungen fest – Gewichte, Normbereich, Budget, Entscheidungen zu den "
            "Fördersträngen und begründete Anpassungen – und dazu den Fingerabdruck der Daten. So lässt sich jede "
            "Alternative auch Monate später genau nachrechnen.")
SC_BADGE = "Szenario: {name}"
SC_CURRENT = "Aktuelle Einstellungen (nicht gespeichert)"
SC_SAVE = "Aktuelle Einstellungen als Szenario speichern"
SC_NAME = "Name"
SC_NAME_HELP = "z. B. „Soziale Lage doppelt“ oder „Normbereich ± 0,5“."
SC_AUTHOR = "Autor/in"
SC_NOTE = "Notiz"
SC_SAVE_NEW = "Als neues Szenario speichern"
SC_OVERWRITE = "„{name}“ überschreiben"
SC_SAVED = "Gespeichert: „{name}“."
SC_RENAMED = "Umbenannt in „{name}“."
SC_LOADED_NOW = "Geladen: „{name}“. Alle Seiten zeigen jetzt dieses Szenario."
SC_LOADED = "Aktuell geladen: „{name}“{changed}."
SC_LOADED_CHANGED = " (seitdem verändert)"
SC_LIST = "Gespeicherte Szenarien für diesen Datensatz"
SC_NONE = "Noch keine Szenarien gespeichert. Stellen Sie die Regler ein und speichern Sie die Einstellungen oben."
SC_COL_NAME, SC_COL_AUTHOR, SC_COL_NOTE, SC_COL_UPDATED, SC_COL_DATA = "Name", "Autor/in", "Notiz", "Geändert", "Daten"
SC_DATA_OK, SC_DATA_OTHER = "passen", "⚠ andere Daten"
SC_UNREADABLE = ("{n} gespeicherte(s) Szenario(s) können nicht gelesen werden und sind oben nicht aufgeführt. "
                 "Sie bleiben unverändert in der Datenbank; der Grund steht in der Tabelle.")
SC_COL_REASON = "Grund"
SC_PICK = "Szenario wählen"
SC_BASELINE_NOTE = (
    "Der Beschluss ist die beschlossene Konzeption. Er kann geladen, aber nicht geändert oder gelöscht werden."
)
SC_LOAD = "Laden"
SC_DUPLICATE = "Duplizieren"
SC_DELETE = "Löschen"
SC_RENAME = "Neuer Name"
SC_RENAME_BUTTON = "Umbenennen"
SC_DELETED = "„{name}“ wurde gelöscht."
SC_UNDO = "Rückgängig"
SC_RESTORED = "„{name}“ ist wiederhergestellt."
SC_LINK = "Link zu diesem Szenario"
SC_LINK_NOTE = ("Der Link öffnet die App in diesem Szenario – auf diesem Rechner oder an jedem Gerät, das dieselbe "
                "Szenario-Datenbank nutzt. Für einen anderen Rechner: JSON-Datei exportieren.")
SC_JSON_IDS = ("Hinweis: Die JSON-Datei enthält die Kita-Kennungen der Entscheidungen und Anpassungen (sonst "
              "ließe sich das Szenario nicht nachrechnen), aber keine Befragungsdaten.")
SC_EXPORT_JSON = "Als JSON-Datei exportieren"
SC_PACK = "Ausschuss-Paket"
SC_PACK_NOTE = ("Excel-Mappe (Parameter, Sozialräume, Kitas, Förderstränge, Rechenweg, Vergleich) und PDF (Titelseite "
                "mit der Entscheidungsfrage, je Szenario eine Seite im Vergleich zum Beschluss, Karten, Verfahren in "
                "Worten). Im anonymisierten Modus stehen keine Kita-Namen darin.")
SC_PACK_XLSX = "Excel (XLSX)"
SC_PACK_PDF = "PDF"
SC_IMPORT = "Szenario aus JSON-Datei importieren"
SC_IMPORT_HELP = "Eine mit „Als JSON-Datei exportieren“ erzeugte Datei, z. B. von einem anderen Laptop."
SC_IMPORTED = "Importiert als „{name}“."
SC_IMPORT_OTHER_DATASET = (
    "Die Datei gehört zum Datensatz „{other}“; geladen ist „{this}“. Wechseln Sie erst links den "
    "Datensatz, dann importieren Sie erneut."
)
SC_FINGERPRINT = ("Achtung: Dieses Szenario wurde mit anderen Daten gespeichert (Fingerabdruck {saved}, jetzt {now}). "
                  "Die Zahlen sind mit den aktuellen Daten berechnet und können vom damaligen Ergebnis abweichen.")
SC_ADJUST_PROBLEMS = "Die gespeicherten Anpassungen passen nicht zum Vorschlag und sind nicht übernommen:"
SC_ROUNDED = ("Das Szenario enthält Werte zwischen den Stufen der Regler (Gewichte und k in Schritten von 0,01, "
              "Budget auf den Cent). Die Regler zeigen die nächste Stufe; die Seiten rechnen mit diesen Werten. "
              "Das Ausschuss-Paket auf dieser Seite rechnet mit den gespeicherten Werten.")
SB_METHOD = "Abweichendes Verfahren aus dem Szenario: {what}."
SC_LINK_FAILED = "Das Szenario aus dem Link konnte nicht geladen werden: {why}"
SC_UPLOAD_DATASET = ("Szenarien zu hochgeladenen Daten lassen sich speichern, aber ein Link kann sie nicht wieder "
                     "öffnen, weil die Daten nur in dieser Sitzung liegen.")

# --- Vergleich --------------------------------------------------------------------------------
CP_TITLE = "Vergleich: Beschluss und bis zu drei Szenarien"
CP_PICK = "Szenarien zum Vergleich (höchstens drei)"
CP_PICK_HELP = "Der Beschluss ist immer dabei. „Aktuelle Einstellungen“ sind die Reglerstellung links, ungespeichert."
CP_SR = "Je Sozialraum: Anteil, Euro und Stellen"
CP_SR_NOTE = "Δ = Unterschied zum Beschluss. Stellen in Vollzeitäquivalenten (VZÄ) aus Schritt 2."
CP_KITAS = "Kitas, deren Lage im Normbereich der Kitas oder deren Förderfähigkeit sich ändert"
CP_KITAS_NONE = "Keine Kita wechselt die Lage im Normbereich der Kitas oder die Förderfähigkeit."
CP_MAP = "Karte der Veränderung"
CP_MAP_PICK = "Szenario für die Karte"
CP_MAP_NOTE = ("Rot: Der Sozialraum erhält mehr als im Beschluss; blau: weniger; weiß: unverändert. "
               "Die kräftigste Farbe steht für die größte Veränderung ({top}).")
CP_MAP_LEGEND = "Δ Anteil gegenüber dem Beschluss"
CP_COL_WHAT = "Was ändert sich"
CP_BASELINE = "Beschluss"
CP_EMPTY = (
    "Wählen Sie oben mindestens ein Szenario – oder verändern Sie die Regler und wählen Sie „Aktuelle Einstellungen“."
)
CP_PACK = "Ausschuss-Paket dieses Vergleichs"

# --- Sozialraum für das Sozialraumteam, Glossar, Paket für Entscheidungen (issue 15) ----------------
SR_RANK = "Rang"
SR_RANK_VALUE = "{rank} von {n}"
SR_RANK_HELP = "Rang nach dem Gesamtindex des Sozialraums: 1 = höchster Bedarf = größter Anteil am Budget."
SR_POINTS_HELP = ("Gesamtindex = gewichteter Mittelwert der Teilindizes (je 0–100 Punkte). Ein Teilindex ist der "
                  "Mittelwert der Standardpunktzahlen seiner Merkmale. Begriffe: Seite „Glossar“.")
SR_BAND_HELP = ("Normbereich der Sozialräume = Mittelwert ± k × Standardabweichung der Gesamtindizes aller "
                "Sozialräume. Die Kitas haben ihren eigenen Normbereich (unten).")
SR_STEP1 = "Betrag Schritt 1"
SR_STEP2 = "Betrag Schritt 2"
SR_STEP1_HELP = "Schritt 1: Anteil des Sozialraums × Budget, auf den Cent gerundet."
SR_STEP2_HELP = "Schritt 2: Summe dessen, was die Kitas des Sozialraums nach den Förderregeln erhalten."
SR_TWO_AMOUNTS = "**{area}: zwei Beträge** – Schritt 1: {step1} · Schritt 2: {step2}. {reason}"
SR_COMPARE = "Vergleich mit einem anderen Sozialraum und dem Durchschnitt"
SR_OTHER = "Vergleichen mit"
SR_COL_WHAT = "Kennzahl"
SR_COL_AVG = "Durchschnitt der Sozialräume"
SR_COL_DIFF = "Unterschied"
SR_ROW_RANK = "Rang (von {n})"
SR_COMPARE_NOTE = ("Unterschied = {first} minus {other}. Durchschnitt = Mittelwert über alle {n} Sozialräume "
                   "(beim Anteil 1/{n}). Teilindizes und Gesamtindex in Punkten (0–100).")
SR_PATH = "Rechenweg des Sozialraums"
SR_PATH_KITAS = "1. Werte der Kitas im Sozialraum (Punkte)"
SR_PATH_MEAN = "2. Mittelwert je Teilindex → Teilindizes des Sozialraums"
SR_PATH_OVERALL = "3. Teilindizes → Gesamtindex (wirksame Gewichte)"
SR_PATH_BAND = "4. Lage im Normbereich der Sozialräume"
SR_PATH_SHARE = "5. Gesamtindex → Anteil am Budget"
SR_PATH_EUROS = "6. Anteil → Euro (Schritt 1)"
SR_PATH_STEP2 = "7. Schritt 2: Beträge der Kitas"
SR_DECISIONS = "Kitas: Lage im Normbereich der Kitas und Förderfähigkeit"
SR_MARGIN = "Spielraum für „knapp“ (Punkte)"
SR_MARGIN_HELP = ("„knapp“ heißt: Ein Wert liegt höchstens so viele Punkte von der Grenze entfernt, die über die "
                  "Entscheidung bestimmt – genau auf dem Spielraum zählt als knapp. Schon eine kleine Änderung der "
                  "Daten oder Gewichte könnte die Entscheidung umdrehen.")
SR_BAND_TABLE = "Lage im Normbereich der Kitas ({lower} bis {upper} Punkte)"
SR_STRAND_TABLE = "Förderfähigkeit je Förderstrang"
SR_COL_KNAPP = "knapp?"
KNAPP = "⚠\u00a0knapp"  # one line in narrow columns
SR_COL_ELIGIBLE = "förderfähig"
SR_COL_DISTANCE = "Abstand zur Grenze (Punkte)"
ELIGIBLE_TEXT = {"eligible": "ja", "exception": "nein (Ausnahme möglich)", "not": "nein"}
ELIGIBLE_TEXT_APPROVED = "ja (Ausnahme anerkannt)"
SR_DECISIONS_NOTE = ("Abstand = Wert der Kita minus Grenze, in Punkten: positiv = über der Grenze. Die Grenzen des "
                     "Normbereichs der Kitas gelten für alle Kitas gemeinsam (nicht die der Sozialräume). "
                     "Ohne Zahl: Die Entscheidung hängt an Indikatoren, einer Auswahl oder einem Antrag.")
SR_NO_DECISIONS = "Die Konzeption legt keine Förderstränge fest; gezeigt wird nur die Lage im Normbereich."
SR_PROFILE_KITAS = "Profil der Teilindizes im Vergleich zum Durchschnitt aller Kitas"
OV_TWO_AMOUNTS = "Zwei Beträge je Sozialraum: Schritt 1 und Schritt 2"
COL_STEP1 = "Betrag Schritt 1"
COL_STEP2 = "Betrag Schritt 2"
BU_COL_STEP1 = "Schritt 1 (Anteil × Budget)"
BU_COL_STEP2 = "Schritt 2 (Summe der Kitas)"
OV_BAND_LEVEL = "Normbereich der Kitas"

GLOSSARY_LINK = "Begriffe erklärt: Glossar"
GL_TITLE = "Glossar: die Begriffe des Verfahrens"
GL_INTRO = "Die Begriffe, die in der App, im Ausschuss-Paket und in der Konzeption vorkommen – kurz erklärt."
GLOSSARY = {
    "Standardpunktzahl": ("Jedes Merkmal der Kita-Befragung wird auf 0 bis 100 Punkte umgerechnet: 0 = kleinster "
                          "beobachteter Wert aller Kitas, 100 = größter. Bedeutet ein kleinerer Wert mehr Bedarf "
                          "(etwa guter Nahverkehr), wird umgedreht."),
    "Teilindex": ("Mittelwert der Standardpunktzahlen der Merkmale eines Themas, z. B. „Soziale Lage“. Fehlende "
                  "Antworten zählen nicht mit."),
    "Gesamtindex": "Gewichteter Mittelwert der Teilindizes (0–100 Punkte); je höher, desto größer der Bedarf.",
    "Normbereich": ("Mittelwert ± k × Standardabweichung. Es gibt zwei: den Normbereich der Kitas (über alle "
                    "Kitas) und den Normbereich der Sozialräume (über die Werte der Sozialräume). Die App nennt "
                    "immer, welcher gemeint ist. Ein Wert genau auf der Grenze gilt als „innerhalb“."),
    "k": "Breite des Normbereichs in Standardabweichungen; die Konzeption legt k = 1 fest.",
    "Standardabweichung": ("Maß dafür, wie weit die Werte im Mittel vom Mittelwert abweichen (in Punkten). "
                           "In englischen Texten „SD“."),
    "Prozentpunkte": ("Unterschied zwischen zwei Prozentwerten: von 10 % auf 12 % sind es 2 Prozentpunkte "
                      "(nicht 2 %). Abgekürzt „pp“."),
    "Förderstrang": ("Ein Verwendungszweck des Budgets mit eigener Regel, z. B. Individuelle Kita-Sozialarbeit "
                     "(Gesamtindex erreicht die untere Grenze des Normbereichs der Kitas) oder Interkulturelle "
                     "Fachkräfte (Index „Flucht und Migration“ über dem Mittelwert)."),
    "knapp": ("Eine Entscheidung ist knapp, wenn der Wert höchstens den eingestellten Spielraum (Standard 1 Punkt) "
              "von der entscheidenden Grenze entfernt liegt."),
    "Schritt 1 und Schritt 2": ("Schritt 1 verteilt das Budget nach Anteilen auf die Sozialräume. Schritt 2 verteilt "
                                "innerhalb der Sozialräume an die Kitas. Beim Modell „Sockelbetrag plus Aufstockung“ "
                                "ergibt Schritt 2 eigene Beträge je Sozialraum; die App zeigt dann beide."),
    "VZÄ": "Vollzeitäquivalent: eine volle Stelle. 0,5 VZÄ = eine halbe Stelle.",
    "Fingerabdruck": ("Prüfsumme der Kita-Daten. Gleicher Fingerabdruck = genau dieselben Daten; so zeigt ein "
                      "Szenario, ob es mit den heutigen Daten gerechnet wurde."),
    "Beschluss": "Die vom Ausschuss beschlossene Konzeption – der Vergleichsmaßstab jedes Szenarios.",
}

SC_COL_CHANGES = "Ändert gegenüber dem Beschluss"
SC_SAVE_NEED_NAME = "Bitte einen Namen für das Szenario eingeben."
SC_PACK_FOR = "Paket für …"
SC_PACK_PLACEHOLDER = "Gespeicherte Szenarien wählen"
SC_PACK_FOR_HELP = "Das Ausschuss-Paket wird nur für gespeicherte Szenarien erstellt, verglichen mit dem Beschluss."
SC_PACK_SAVE_FIRST = ("Das Ausschuss-Paket gibt es nur für gespeicherte Szenarien – damit jede Zahl im Papier später "
                      "nachgerechnet werden kann. Die aktuellen Einstellungen weichen vom Beschluss ab: Bitte oben "
                      "unter „{save}“ speichern.")
SC_PACK_NONE = "Noch kein gespeichertes Szenario – speichern Sie oben die Einstellungen, dann gibt es hier das Paket."
SC_PACK_QUESTION = "Entscheidungsfrage auf der Titelseite"
SC_PACK_QUESTION_DEFAULT = "Welche Verteilung des Sozialraumbudgets soll der Ausschuss beschließen?"
SC_PACK_BUILD = "Paket für: {names}"
CP_PICK_SAVED_ONLY = ("Im Vergleich stehen gespeicherte Szenarien. Die aktuellen Einstellungen weichen vom Beschluss "
                      "ab – zum Vergleichen und für das Ausschuss-Paket bitte auf „Szenarien“ speichern.")

# --- Monitoring über die Zeit (issue 17): Datenbibliothek, Entwicklung, Berichte ------------------
LIB_MENU = "Bibliothek: {name} (Stichtag {date})"
LIB_UNKNOWN = "Bibliothek: (nicht mehr vorhanden)"
LIB_TITLE = "Datenbibliothek"
LIB_INTRO = ("Geprüfte Datensätze lassen sich hier **dauerhaft** speichern – mit Namen, Stichtag und Notiz. "
             "Gespeicherte Datensätze stehen links im Datensatz-Menü, haben einen eigenen Link und können mit "
             "Szenarien verknüpft werden, die sich später wieder öffnen lassen. Hochgeladene Daten, die nicht "
             "gespeichert werden, gelten nur für diese Sitzung.")
LIB_SAVE = "Geprüften Datensatz in der Bibliothek speichern"
LIB_WHAT = "Gespeichert werden genau diese Dateien, unverändert: {files}."
LIB_NAME = "Name des Datensatzes"
LIB_STICHTAG = "Stichtag der Befragung"
LIB_NOTE = "Notiz (was ist das für ein Stand?)"
LIB_SAVE_BUTTON = "Dauerhaft in der Bibliothek speichern"
LIB_SAVED = "Gespeichert: „{name}“. Link zu diesem Datensatz:"
LIB_NEED_CHECK = "Zum Speichern erst oben die Dateien prüfen; gespeichert wird nur ein Datensatz ohne Fehler."
LIB_LIST = "Gespeicherte Datensätze"
LIB_EMPTY = "Die Bibliothek ist noch leer."
LIB_COL_NAME, LIB_COL_DATE, LIB_COL_KITAS = "Name", "Stichtag", "Kitas"
LIB_COL_KONZ, LIB_COL_FILES, LIB_COL_SAVED, LIB_COL_NOTE = "Konzeption", "Dateien", "Gespeichert", "Notiz"
LIB_PICK = "Gespeicherter Datensatz"
LIB_USE = "Diesen Datensatz verwenden"
LIB_RENAME = "Neuer Name"
LIB_RENAME_BUTTON = "Umbenennen"
LIB_DELETE = "Löschen"
LIB_DELETED = "„{name}“ wurde gelöscht."
LIB_UNDO = "Rückgängig"
LIB_RESTORED = "„{name}“ ist wiederhergestellt."
LIB_RENAMED = "Umbenannt in „{name}“."
LIB_LINK = "Link (öffnet die App mit diesem Datensatz, auf jedem Gerät mit derselben Bibliothek):"
LIB_WHERE = ("Speicherort: `{path}` (Umgebungsvariable `SRB_BIBLIOTHEK_DB`). Jeder Datensatz wird als Ganzes in "
             "einer Transaktion mit Prüfsumme geschrieben; gelöschte bleiben bis zum Wiederherstellen markiert.")
LIB_SCENARIO_NOTE = ("Dieser Datensatz liegt in der Datenbibliothek: Szenarien zu ihm lassen sich später über ihren "
                     "Link wieder öffnen.")


def german_date(iso: str) -> str:
    """2023-07-31 → 31.07.2023 (anything else unchanged)."""
    parts = iso.split("-")
    return f"{parts[2]}.{parts[1]}.{parts[0]}" if len(parts) == 3 else iso

EW_TITLE = "Entwicklung über die Befragungswellen"
EW_INTRO = ("Wie haben sich Bedarf und Lage seit der letzten Befragung verändert? Die Seite stellt Befragungswellen "
            "desselben Jugendamts nebeneinander: Kitas werden über ihre Kennung (`kita_id`) zugeordnet, neue und "
            "geschlossene Kitas werden genannt, nie still weggelassen.")
EW_POOLED = ("**Gemeinsamer Maßstab für Veränderungen.** Damit ein Wert in jeder Welle dasselbe bedeutet, rechnet "
             "diese Seite die Veränderungen mit Grenzen, die über **alle gewählten Wellen** gelten: Je Variable "
             "bekommt der kleinste Wert, den irgendeine Kita in irgendeiner Welle angegeben hat, 0 Punkte und der "
             "größte 100 Punkte. So steigt der Index einer Kita nur, wenn sich ihre eigenen Angaben ändern – nicht, "
             "weil andere Kitas in einer Welle weniger streuen. **Normbereich, Anteile und Euro** jeder Welle "
             "rechnet die App dagegen so, wie die Konzeption es vorschreibt: mit den Grenzen dieser einen Welle. "
             "Darum können die Punkte hier von denen auf der Übersicht abweichen, und eine Kita kann im gemeinsamen "
             "Maßstab zulegen und in ihrer eigenen Welle trotzdem den Normbereich verlassen.")
EW_NO_WAVES = ("Für diesen Datensatz gibt es keine zweite Welle. Speichern Sie auf der Seite „Daten“ jede Befragung "
               "mit ihrem Stichtag in der Datenbibliothek; Datensätze mit passender Konzeption erscheinen dann hier.")
EW_LEFT_OUT = "Nicht vergleichbar (andere Variablen oder Teilindizes) und daher nicht wählbar: {names}."
EW_PICK = "Wellen (nach Stichtag geordnet)"
EW_FROM, EW_TO = "Vergleich von", "bis"
EW_NEED_TWO = "Bitte mindestens zwei Wellen wählen."
EW_NEW = "Neu in „{b}“ (in „{a}“ nicht dabei): {names}."
EW_CLOSED = "In „{a}“ dabei, in „{b}“ nicht mehr: {names}."
EW_SLOPE = "Verlauf je Sozialraum und Kita"
EW_LEVEL = "Ebene"
EW_LEVELS = {"sozialraum": "Sozialräume", "kita": "Kitas eines Sozialraums"}
EW_AREA = "Sozialraum"
EW_MEASURE = "Wert"
EW_OVERALL = "Gesamtindex"
EW_AXIS = "Punkte (gemeinsame Grenzen)"
EW_WAVE = "Welle"
EW_MAP = "Karte der Veränderung"
EW_MAP_LEGEND = "Δ Gesamtindex"
EW_MAP_NOTE = ("Rot: Der Gesamtindex des Sozialraums ist gestiegen (mehr Bedarf); blau: gesunken; weiß: unverändert. "
               "Die kräftigste Farbe steht für die größte Veränderung ({top}).")
EW_CHANGE_TABLE = "Veränderung je Sozialraum"
EW_BANDS = "Wechsel im Normbereich"
EW_BANDS_NOTE = ("Klassen je Welle nach deren eigenem Normbereich (Mittelwert ± k × Standardabweichung dieser Welle). "
                 "Zeilen: Lage in „{a}“ (vorher), Spalten: Lage in „{b}“ (nachher).")
EW_BANDS_NONE = "Keine Kita wechselt zwischen diesen Wellen die Lage im Normbereich."
EW_FROM_CLASS, EW_TO_CLASS = "Lage vorher", "Lage nachher"
EW_SHARES = "Was eine Neuberechnung auf der neueren Welle ändern würde"
EW_SHARES_NOTE = ("Anteile und Euro, wie sie die Konzeption mit den Daten jeder Welle ergibt (Budget aus der "
                  "Seitenleiste für beide Wellen). Das ist eine Rechnung, kein Beschluss.")
EW_WHY = "Warum hat es sich verändert?"
EW_WHY_PICK = "Kita oder Sozialraum"
EW_WHY_NOTE = ("Die Veränderung des Gesamtindex zerlegt sich genau in die Beiträge der Variablen: Jede Variable "
               "trägt ihre Standardpunkte × Gewicht ihres Teilindex ÷ Zahl der Angaben in diesem Teilindex bei; die "
               "Beiträge ergeben zusammen exakt die Veränderung. Fehlt eine Angabe in einer Welle, zählt die "
               "Variable dort nicht mit, und die übrigen Variablen ihres Teilindex tragen dessen Gewicht.")
EW_WHY_CHECK = "Summe der Beiträge: {total} = Veränderung {change}"
EW_WHY_ABSENT = "Diese Kita ist nicht in beiden Wellen dabei; eine Veränderung gibt es nicht."
EW_START, EW_END = "Wert {wave}", "Wert {wave}"
EW_COL_VAR, EW_COL_SUB, EW_COL_RAW_A, EW_COL_RAW_B = "Variable", "Teilindex", "Angabe {a}", "Angabe {b}"
EW_COL_SCORE_A, EW_COL_SCORE_B, EW_COL_CONTRIB = "Punkte {a}", "Punkte {b}", "Beitrag"
EW_BOUNDS = "Gemeinsame Grenzen je Variable"
EW_COL_LOWER, EW_COL_UPPER = "0 Punkte bei", "100 Punkte bei"
EW_NOTES = "Hinweis: {text}"
EW_SYNTHETIC = ("Die Wellen T1 und T2 der Demo sind synthetisch erzeugt (data/generate_demo.py), keine echten "
                "Befragungen.")

BR_TITLE = "Berichte: Indikatoren, Mittel und Stellen über die Jahre"
BR_INTRO = ("Jahreswerte je Kita und Sozialraum neben dem, was sie aus dem Sozialraumbudget erhalten haben. "
            "**Die Indikatoren sind Kontext, keine Rangfolge:** Die Seite zeigt die Entwicklung einer Kita bzw. "
            "eines Sozialraums über die Jahre und vergleicht Kitas nicht miteinander.")
BR_DEMO_SOURCE = ("Jahreswerte 2022 und 2023 der Demo – synthetisch erzeugt (data/generate_demo.py), keine echten "
                  "Angaben.")
BR_UPLOAD = "Jahreswerte hochladen (CSV oder Excel)"
BR_UPLOAD_CATALOGUE = "Indikatorenkatalog (TOML mit [[indicators]]), falls die Konzeption keinen enthält"
BR_TEMPLATE = "Vorlage der Jahreswerte (CSV)"
BR_CHECK = "Jahreswerte prüfen"
BR_REFUSED = "Die Jahreswerte werden nicht verwendet ({n} Probleme):"
BR_OK = "Jahreswerte geprüft: {years}. Sie gelten für diese Sitzung."
BR_NONE = ("Für diesen Datensatz liegen keine Jahreswerte vor. Laden Sie oben eine Tabelle hoch (Vorlage zum "
           "Herunterladen); die Indikatoren beschreibt die Konzeption unter [[indicators]].")
BR_NO_CATALOGUE = "Die Konzeption enthält keinen Indikatorenkatalog ([[indicators]]); bitte den Katalog mit hochladen."
BR_YEAR = "Berichtsjahr"
BR_AREA = "Sozialraum"
BR_KITA = "Kita"
BR_AREA_HEAD = "Sozialraum „{name}“"
BR_KITA_HEAD = "Kita: {name}"
BR_INDICATORS = "Indikatoren über die Jahre"
BR_NO_INDICATORS = "Für diese Ebene sind keine Indikatoren erfasst."
BR_MONEY = "Mittel und Stellen über die Jahre"
BR_USE = "Ausschöpfung des Budgets je Sozialraum ({year})"
BR_USE_NOTE = ("Summen der Kitas, die Werte gemeldet haben. Was-wäre-wenn: Die nicht verbrauchten Mittel werden "
               "gesammelt und nach dem Anteil jedes Sozialraums an den zugewiesenen Mitteln neu verteilt – eine "
               "Rechnung zur Orientierung, kein Beschluss.")
BR_POSTS_NOTE = "Offene Stellen = geförderte minus besetzte Vollzeitäquivalente (VZÄ)."
BR_REPORT = "Jahresbericht dieser Kita ({year})"
BR_PDF, BR_XLSX = "PDF (eine Seite)", "Excel"
BR_WARNINGS = "Hinweise zu den Jahreswerten"
BR_COLS = {"sozialraum": "Sozialraum", "zugewiesen": "zugewiesen", "verausgabt": "verausgabt",
           "ungenutzt": "nicht verbraucht", "ausschoepfung": "Ausschöpfung",
           "umverteilt": "aus dem Topf (Was-wäre-wenn)",
           "gefoerdert": "VZÄ gefördert", "besetzt": "VZÄ besetzt", "offen": "VZÄ offen"}
RW_CHANGE = "Veränderung von {a} bis {b} (gemeinsame Grenzen aller Wellen)"
RW_CHANGE_NOTE = "Mehr dazu auf der Seite „Entwicklung“."
BR_AREA_MONEY = "Mittel und Stellen des Sozialraums über die Jahre"
EW_BEFORE = "vorher"
LIB_BROKEN = ("Der Datensatz aus der Bibliothek kann nicht geöffnet werden; angezeigt wird die Demo Bad Kreuznach."
              "\n\n{why}")
# --- Robustheit (issue 16) ----------------------------------------------------------------------
RB_TITLE = "Robustheit: Wie sicher ist die Verteilung?"
RB_INTRO = ("Gewichte, Breite des Normbereichs und Rechenweg sind Entscheidungen, die niemand beweisen kann. Diese "
            "Seite rechnet die Verteilung in vielen Varianten neu – jede Variante mit leicht anderen Gewichten (und "
            "auf Wunsch anderen Methoden) – und zeigt, wie weit Anteile, Euro und Förderentscheidungen dabei "
            "schwanken. Grundlage sind die Einstellungen in der Seitenleiste.")
RB_FORM = "Einstellungen der Analyse"
RB_DRAWS = "Zahl der Varianten"
RB_DRAWS_HELP = "Mehr Varianten ergeben genauere Spannweiten, brauchen aber länger. 1.000 reichen meist."
RB_SPREAD = "Streuung der Gewichte (± %)"
RB_SPREAD_HELP = ("Jedes Gewicht wird in jeder Variante zufällig um bis zu diesen Prozentsatz nach oben oder unten "
                  "verändert (üblich: ±25 %). 0 = Gewichte bleiben fest.")
RB_MODE = "Art der Gewichts-Varianten"
RB_MODES = {"uniform": "± Streuung um die eingestellten Gewichte",
            "dirichlet": "jede Aufteilung der Gewichte gleich wahrscheinlich (Dirichlet)"}
RB_VARY = "Zusätzlich die Methode variieren"
RB_VARY_HELP = ("Jede gewählte Methodenfrage wird je Variante zufällig anders beantwortet: k = 0,5 / 1 / 1,5; "
                "Standardabweichung der Stichprobe oder der Grundgesamtheit; Sozialraumwert als Mittelwert oder nach "
                "Kinderzahl; Umrechnung Min–Max, z-Wert (50 + 10·z) oder Rang.")
RB_VARY_OPTIONS = {"k": "Breite k des Normbereichs", "ddof": "Art der Standardabweichung",
                   "aggregation": "Sozialraumwert (Mittelwert / Kinderzahl)",
                   "rescaling": "Umrechnung (Min–Max / z-Wert / Rang)"}
RB_SEED = "Startwert des Zufalls"
RB_SEED_HELP = "Gleicher Startwert und gleiche Einstellungen ergeben genau dieselben Varianten."
RB_SOBOL = "Sensitivitätsanalyse (was treibt die Schwankung?)"
RB_RUN = "Berechnen"
RB_CANCEL = "Abbrechen"
RB_PROGRESS = "{done} von {total} Varianten berechnet …"
RB_CANCELLED = "Die Berechnung wurde abgebrochen. Mit „Berechnen“ neu starten."
RB_NOT_YET = "Noch keine Analyse für diese Einstellungen. Bitte „Berechnen“ wählen."
RB_DONE = "{draws} Varianten, Startwert {seed} · Gewichte {mode}{vary}."
RB_DONE_VARY = " · variiert: {what}"

RB_SHARES = "Anteile je Sozialraum: Spannweite über alle Varianten"
RB_SHARES_NOTE = ("Strich = 90 % der Varianten (5. bis 95. Perzentil), Punkt = Median, Raute = Ergebnis mit den "
                  "eingestellten Gewichten. Kurze Striche: die Verteilung hängt kaum an den Annahmen.")
RB_COL_NOMINAL = "eingestellt"
RB_COL_MEDIAN = "Median"
RB_COL_RANGE = "90 % der Varianten"
RB_COL_EUR_RANGE = "Betrag, 90 % der Varianten"
RB_COL_RANK = "Rang (90 % der Varianten)"
RB_LEGEND_RANGE = "5.–95. Perzentil"
RB_LEGEND_MEDIAN = "Median"
RB_LEGEND_NOMINAL = "eingestellt"

RB_KITAS = "Förderentscheidungen je Kita: wie sicher?"
RB_KITAS_NOTE = ("„gleich in x %“: in so vielen Varianten fällt die Entscheidung wie mit den eingestellten "
                 "Gewichten. Abstand = Index minus entscheidende Grenze (in Punkten). „Kleinste Änderung“: die "
                 "eine Antwort, deren Änderung die Entscheidung kippen würde, bei sonst gleichen Daten.")
RB_KITAS_NONE = "Die Konzeption hat keinen Förderstrang, der vom Index abhängt; es gibt keine Grenzfälle."
RB_KITAS_SHOW = "Nur Kitas zeigen, deren Entscheidung nicht in allen Varianten gleich ist"
RB_STRAND = "Förderstrang"
RB_COL_DECISION = "Entscheidung"
RB_COL_SAME = "gleich in"
RB_COL_DISTANCE = "Abstand"
RB_COL_CHANGE = "Kleinste Änderung einer Antwort"
RB_COL_BAND_P = "oberhalb / innerhalb / unterhalb"
RB_YES, RB_NO = "förderfähig", "nicht förderfähig"
RB_CHANGE = "{label}: {current} → {needed}"
RB_NO_CHANGE = "keine einzelne Antwort reicht"
RB_FLIP_CHART = "Anteil der Varianten mit anderer Entscheidung"

RB_SENS = "Was treibt die Schwankung der Euro-Beträge?"
RB_SENS_NOTE = ("Sobol-Indizes (Saltelli-Stichprobe, Jansen-Schätzer, {runs} Rechnungen): „allein“ = Anteil der "
                "Schwankung, den diese Annahme allein erklärt; „insgesamt“ = einschließlich des Zusammenspiels mit "
                "anderen. Zielgröße: {target}. Dünne Striche: 90-%-Bootstrap-Intervall.")
RB_SENS_NONE = "Keine Sensitivitätsanalyse: Es variiert höchstens eine Annahme, oder sie ist abgeschaltet."
RB_SENS_FIRST = "allein (erste Ordnung)"
RB_SENS_TOTAL = "insgesamt (total)"
RB_SENS_AXIS = "Anteil an der Schwankung"

RB_LOO = "Einfluss einzelner Extremwerte (Min–Max)"
RB_LOO_NOTE = ("0 und 100 Punkte sind der kleinste und größte Wert jeder Variable. Die Tabelle zeigt, wie sich die "
               "Anteile ändern, wenn eine Kita bei diesen Grenzen nicht mitzählt (ihre Antworten werden auf den "
               "Bereich der übrigen Kitas begrenzt). Nur Kitas, die allein einen kleinsten oder größten Wert haben, "
               "verändern etwas; alle anderen ändern nichts.")
RB_LOO_NONE = "Keine Kita hat allein einen kleinsten oder größten Wert; keine einzelne Kita bestimmt die Grenzen."
RB_COL_VARS = "allein kleinster/größter Wert bei"
RB_COL_MAX_PP = "größte Änderung eines Anteils"
RB_COL_MAX_EUR = "größte Änderung eines Betrags"
RB_WINSOR = "Was wäre, wenn die Grenzen beim 5. und 95. Perzentil lägen (winsorisiert)?"
RB_WINSOR_NOTE = ("Jede Antwort wird vor der Umrechnung auf den Bereich zwischen 5. und 95. Perzentil ihrer Variable "
                  "begrenzt; einzelne Extremwerte bestimmen dann nicht mehr 0 und 100 Punkte. Nur zur Ansicht – "
                  "die Konzeption bleibt unverändert.")
RB_COL_WINSOR = "winsorisiert"
RB_PACK = "Ausschuss-Paket (PDF) mit Seite „Robustheit“"
RB_PACK_NOTE = "Das PDF enthält die Unterlagen zu den aktuellen Einstellungen und zusätzlich diese Analyse."

# --- Übersicht as a workshop wall (issue 13) -----------------------------------------------------
COL_RANK = "Rang"
OV_STRIP_TITLE = "Kitas und Normbereich"
OV_STRIP_NOTE = "in Klammern: Veränderung gegenüber dem Beschluss"
OV_MOVES_TITLE = "Kitas, die sich gegenüber dem Beschluss ändern"
OV_MOVES_NONE = "Keine Kita wechselt gegenüber dem Beschluss die Lage im Normbereich oder die Förderung."
OV_MOVE_BAND = "{before} → {now}"
OV_MOVE_KISO_GAIN = "{strand}: neu förderfähig"
OV_MOVE_KISO_LOSS = "{strand}: nicht mehr förderfähig"
OV_MOVES_MORE = "… und {n} weitere (Seite „Kitas“)"
OV_WHY_TITLE = "Warum hat sich der Anteil bewegt?"
OV_WHY_NOTE = ("Veränderung des Anteils gegenüber dem Beschluss, aufgeteilt auf die geänderten Einstellungen "
               "(Shapley-Zerlegung: die Beiträge ergeben zusammen genau die Veränderung). Zeiger auf einen Balken "
               "zeigt die Beiträge in Worten.")
OV_WHY_NONE = "Alle Einstellungen wie im Beschluss – keine Veränderung zu erklären."
OV_WHY_TOO_MANY = "Zu viele geänderte Einstellungen für eine Zerlegung ({n}); bitte einzelne zurücksetzen."
OV_WHY_FAILED = "Für diese Einstellungen lässt sich die Veränderung nicht zerlegen."
OV_WHY_PLAYER = {"k": "Breite k des Normbereichs", "aggregation": "Verfahren Sozialraumwert",
                 "allocation": "Verteilungsverfahren", "ddof": "Standardabweichung"}
OV_WHY_WORDS = "{area}: {delta} gegenüber dem Beschluss, davon {parts}"
OV_BAND_AGGREGATED = ("Bei {n} Kitas: je Sozialraum ein Kasten (mittlere Hälfte der Kitas) mit Strich (Median) und "
                      "Linie (kleinster bis größter Wert); als Punkte nur die Kitas, die sich gegenüber dem Beschluss "
                      "ändern.")

# The Übersicht wall (ui/wallview.py, static/wall/)
MAP_REGION = "Karte der Sozialräume"
OV_PENDING = "Wird berechnet …"
OV_WALL_FRAME = "Übersicht: Anteile, Normbereich der Kitas und Karte"
# --- The sidebar's sliders as one component (ui/sliders.py, static/srbslider) ---------------------------------
SL_FRAME = "Regler für Gewichte und Normbereich"  # the frame's name for screen readers
SL_GROUP = "Gewichte der Teilindizes und Breite des Normbereichs"
SL_FIELD_ARIA = "{name} als Zahl eingeben"
SL_BAD_VALUE = ("Der Regler meldete „{text}“ für {name}: erlaubt ist {grid}. Die Einstellungen bleiben "
                "unverändert.")
SL_BAD_MESSAGE = "Der Regler meldete unvollständige Werte. Die Einstellungen bleiben unverändert."
