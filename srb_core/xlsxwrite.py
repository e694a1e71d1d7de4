"""A small XLSX writer: sheets of plain values with bold headings, number formats, widths and a frozen header.

Written by hand (zipfile and XML text), so that writing a workbook does not import openpyxl (≈70 ms import and
≈100 ms for the committee pack's ~5,400 cells on the command line). Rules:

- Every text is an inline string (`t="inlineStr"`), never a formula: "=1+1" or =HYPERLINK(…) stays the text.
- Every text is XML-escaped (& < > " and a carriage return as `&#13;`, which XML parsers would otherwise turn
  into a line feed); leading or trailing white space is kept (`xml:space="preserve"`).
- Characters XML 1.0 forbids (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF;
  lone surrogates) are refused, as openpyxl refuses them, here with a German SrbInputError naming sheet, cell
  and value; so is a text longer than Excel's 32,767 characters per cell and an infinite number.
- Numbers stay numbers: int exactly as written (Excel keeps 15 digits, enough for cents of 10¹² €), float as
  Python's shortest round-trip form; None, NaN and "" give an empty cell; bool a logical cell.
- Sheet names follow Excel's rules: 1-31 characters, none of [ ] : * ? / \\, not starting or ending with an
  apostrophe, unique ignoring case; anything else is a programming error (ValueError).
- The output is deterministic: fixed ZIP time stamps and no creation date in the document properties.
"""
from __future__ import annotations

import io
import math
import numbers
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .errors import Problem, SrbInputError
from .io.xlsx import column_letter  # 0 → A, 26 → AA

Value = str | int | float | bool | None
MAX_TEXT = 32_767  # Excel's limit of characters in one cell
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
BUILTIN_FORMATS = {None: 0, "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True, slots=True)
class Cell:
    """A value with its look: number format code (None = General, used for numbers only), bold, font size."""

    value: Value
    number_format: str | None = None
    bold: bool = False
    size: float = 11


@dataclass(frozen=True)
class Sheet:
    """One worksheet: rows from row 1 (an empty row stays empty), column widths in characters (1-based)."""

    name: str
    rows: Sequence[Sequence[Value | Cell]]
    widths: Mapping[int, float] = field(default_factory=dict)
    freeze_header: bool = False  # keep row 1 visible when scrolling (pane at A2)


def escape(text: str) -> str:
    """Text for XML content or a double-quoted attribute; the caller has refused forbidden characters."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\r", "&#13;"))


def check_sheet_names(names: Sequence[str]) -> None:
    """ValueError unless every name follows Excel's sheet-name rules (see the module docstring)."""
    seen: set[str] = set()
    for name in names:
        if not 1 <= len(name) <= 31 or BAD_SHEET_CHARS.search(name) or name[0] == "'" or name[-1] == "'" \
                or ILLEGAL.search(name) or name.casefold() in seen:
            raise ValueError(f"Unzulässiger Name für ein Tabellenblatt: {name!r} (1–31 Zeichen, ohne []:*?/\\, "
                             "nicht mit Apostroph am Rand, nicht doppelt).")
        seen.add(name.casefold())


def _visible(char: str) -> str:
    """An invisible character as it is named in code: \\x01, \\ufffe."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"


def _refuse(sheet: str, ref: str, text: str, why: str, expected: str) -> SrbInputError:
    shown = ILLEGAL.sub(lambda m: _visible(m.group()), text[:80]) + ("…" if len(text) > 80 else "")
    return SrbInputError(Problem(f"Im Tabellenblatt „{sheet}“, Zelle {ref}: {why}", value=shown, expected=expected),
                         title="Die XLSX-Datei kann nicht geschrieben werden.")


def cell_xml(value: Value, ref: str, style: int, sheet: str) -> str:
    """One <c> element, or "" for an empty cell (None, NaN or ""); style is the cellXfs index (0 = plain)."""
    s = f' s="{style}"' if style else ""
    if isinstance(value, str):
        if not value:
            return ""  # an empty text is an empty cell, as openpyxl writes it
        if ILLEGAL.search(value):
            raise _refuse(sheet, ref, value, "Der Text enthält ein Steuerzeichen oder ein anderes Zeichen, das "
                          "XLSX-Dateien nicht erlauben.", "der Text ohne dieses Zeichen (in der Eingabedatei ändern)")
        if len(value) > MAX_TEXT:
            raise _refuse(sheet, ref, value, f"Der Text ist länger als {MAX_TEXT:,} Zeichen.".replace(",", "."),
                          "ein kürzerer Text")
        keep = ' xml:space="preserve"' if value != value.strip() or "\n" in value or "\t" in value else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{keep}>{escape(value)}</t></is></c>'
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, numbers.Integral):
        return f'<c r="{ref}"{s}><v>{int(value)}</v></c>'
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return ""
        if math.isinf(number):
            raise _refuse(sheet, ref, str(number), "Die Zahl ist unendlich groß.", "eine endliche Zahl")
        return f'<c r="{ref}"{s}><v>{number!r}</v></c>'
    raise TypeError(f"XLSX-Zelle {ref}: Typ {type(value).__name__} wird nicht geschrieben.")


class _Styles:
    """cellXfs built on demand: (number format, bold, size) → index; index 0 is the plain 11 pt cell."""

    def __init__(self) -> None:
        self.xfs: dict[tuple[int, int], int] = {(0, 0): 0}
        self.fonts: dict[tuple[bool, float], int] = {(False, 11): 0}
        self.formats: dict[str, int] = {}

    def index(self, cell: Cell) -> int:
        fmt = BUILTIN_FORMATS.get(cell.number_format)
        if fmt is None:
            fmt = self.formats.setdefault(str(cell.number_format), 164 + len(self.formats))
        font = self.fonts.setdefault((cell.bold, cell.size), len(self.fonts))
        return self.xfs.setdefault((fmt, font), len(self.xfs))

    def xml(self) -> str:
        fmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{escape(code)}"/>' for code, i in self.formats.items())
        fonts = "".join(f'<font>{"<b/>" if bold else ""}<sz val="{size:g}"/><name val="Calibri"/><family val="2"/>'
                        "</font>" for bold, size in self.fonts)
        xfs = "".join(f'<xf numFmtId="{f}" fontId="{t}" fillId="0" borderId="0" xfId="0"'
                      + (' applyNumberFormat="1"' if f else "") + (' applyFont="1"' if t else "") + "/>"
                      for f, t in self.xfs)
        return (f'{HEAD}<styleSheet xmlns="{MAIN}">'
                + (f'<numFmts count="{len(self.formats)}">{fmts}</numFmts>' if self.formats else "")
                + f'<fonts count="{len(self.fonts)}">{fonts}</fonts>'
                '<fills count="2"><fill><patternFill patternType="none"/></fill>'
                '<fill><patternFill patternType="gray125"/></fill></fills>'
                '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(self.xfs)}">{xfs}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def sheet_xml(sheet: Sheet, styles: _Styles, selected: bool = False) -> str:
    """The worksheet part: view (frozen header), column widths, then the rows with their cells."""
    rows, width, last = [], 0, 1
    letters = [column_letter(c) for c in range(max(map(len, sheet.rows), default=0))]
    for r, row in enumerate(sheet.rows, start=1):
        cells = []
        for c, item in enumerate(row):
            ref = letters[c] + str(r)
            if isinstance(item, Cell):
                cells.append(cell_xml(item.value, ref, styles.index(item), sheet.name))
            else:
                cells.append(cell_xml(item, ref, 0, sheet.name))
        if any(cells):
            rows.append(f'<row r="{r}">{"".join(cells)}</row>')
            width, last = max(width, len(row)), r
    pane = ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>') if sheet.freeze_header else ""
    cols = "".join(f'<col min="{c}" max="{c}" width="{w:g}" customWidth="1"/>' for c, w in sorted(sheet.widths.items()))
    extent = f"A1:{column_letter(max(width, 1) - 1)}{last}"
    view = '<sheetView tabSelected="1" workbookViewId="0">' if selected else '<sheetView workbookViewId="0">'
    return (f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><dimension ref="{extent}"/>'
            f'<sheetViews>{view}{pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "") + f'<sheetData>{"".join(rows)}</sheetData></worksheet>')


def _package(names: Sequence[str]) -> dict[str, str]:
    """The fixed parts: content types, relationships, workbook (sheet list), document properties."""
    n = len(names)
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{sheet_type}.worksheet+xml"/>'
                        for i in range(1, n + 1))
    return {
        "[Content_Types].xml": f'{HEAD}<Types xmlns="{PKG}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{sheet_type}.sheet.main+xml"/>{overrides}'
        f'<Override PartName="/xl/styles.xml" ContentType="{sheet_type}.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
        "_rels/.rels": f'{HEAD}<Relationships xmlns="{PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>',
        "docProps/core.xml": f'{HEAD}<cp:coreProperties xmlns:cp="{PKG}/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>SRB-Monitor</dc:creator></cp:coreProperties>',
        "docProps/app.xml": f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>SRB-Monitor</Application></Properties>',
        "xl/workbook.xml": f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView activeTab="0"/>'
        '</bookViews><sheets>' + "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                                         for i, name in enumerate(names, start=1)) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'{HEAD}<Relationships xmlns="{PKG}/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                  for i in range(1, n + 1))
        + f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
    }


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as an XLSX file (ZIP, deflated, fixed time stamps: equal input gives equal bytes)."""
    if not sheets:
        raise ValueError("Eine XLSX-Datei braucht mindestens ein Tabellenblatt.")
    check_sheet_names([s.name for s in sheets])
    styles = _Styles()
    parts = {f"xl/worksheets/sheet{i}.xml": sheet_xml(s, styles, selected=i == 1)
             for i, s in enumerate(sheets, start=1)}
    parts = {**_package([s.name for s in sheets]), **parts, "xl/styles.xml": styles.xml()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
