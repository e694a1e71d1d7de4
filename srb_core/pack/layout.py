"""Tables and text for the PDF that never split a word and never leave the page.

Column widths are measured: each column is at least as wide as its longest word (so text wraps only
at spaces) and at most as wide as its longest cell; if even the longest words do not fit, the type is
made smaller, down to a floor. Rows that do not fit on the page continue on the next with the header.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from fpdf import FPDF

NBSP = "\u00a0"
PAD = 1.2  # mm left and right inside a cell
HEAD_FILL = (221, 230, 240)
ZEBRA_FILL = (243, 246, 249)
MARK_FILL = (255, 224, 138)  # highlighted cells: strong enough for a photocopy


class LayoutError(ValueError):
    """A text cannot be set without splitting a word, even at the smallest type size."""


def keep_units(text: str) -> str:
    """A number stays with its unit: "1.002,00 €", "13,04 %" never break before the unit."""
    return text.replace(" €", NBSP + "€").replace(" %", NBSP + "%")


def words(text: str) -> list[str]:
    """The text's words, split at spaces and line breaks."""
    return [w for w in text.replace("\n", " ").split(" ") if w]


def _chunks(pdf: FPDF, word: str, width: float) -> list[str]:
    """Only for a token longer than half a page (a pasted link, say): cut where it must be cut."""
    out, part = [], ""
    for ch in word:
        if part and pdf.get_string_width(part + ch) > width:
            out.append(part)
            part = ""
        part += ch
    return out + [part]


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """Greedy wrap at spaces only. Callers make every column as wide as its longest word; only a token
    wider than the whole column (capped at half the page) is cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        tokens = [c for w in words(paragraph) for c in (_chunks(pdf, w, width) if pdf.get_string_width(w) > width
                                                         else [w])]
        for word in tokens:
            candidate = f"{line} {word}" if line else word
            if line and pdf.get_string_width(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def longest_word(pdf: FPDF, text: str) -> float:
    """Width of the widest word of the text in the current font (the narrowest a column may be)."""
    return max((pdf.get_string_width(w) for w in words(text)), default=0.0)


def fit_size(pdf: FPDF, texts: Iterable[str], width: float, size: float, floor: float = 5.5,
             style: str = "") -> float:
    """The largest type size ≤ `size` at which the longest word of every text fits into `width`."""
    texts = list(texts)
    while size > floor:
        pdf.set_font("DejaVu", style, size)
        if all(longest_word(pdf, t) <= width for t in texts):
            return size
        size -= 0.5
    pdf.set_font("DejaVu", style, floor)
    if any(longest_word(pdf, t) > width for t in texts):
        raise LayoutError(f"Ein Wort ist zu lang für {width:.0f} mm: {max(texts, key=len)[:40]}")
    return floor


def paragraph(pdf: FPDF, text: str, size: float = 9.5, style: str = "", line: float | None = None,
              width: float | None = None) -> None:
    """Text from the left margin over `width` (default: the whole line), wrapped at spaces only."""
    w = width or pdf.epw
    try:  # a little smaller type for a long word; a token wider than that is cut by wrap()
        size = fit_size(pdf, [text], w, size, floor=max(5.5, size * 0.8), style=style)
    except LayoutError:
        pdf.set_font("DejaVu", style, size)
    h = line or size * 0.48
    for ln in wrap(pdf, text, w):
        if pdf.get_y() + h > pdf.page_break_trigger:
            pdf.add_page()
        pdf.set_x(pdf.l_margin)
        pdf.cell(w, h, ln, new_x="LMARGIN", new_y="NEXT")


@dataclass
class Table:
    """A PDF table that fits its width: font shrinks in 0.5 pt steps down to `floor`, then cells wrap."""

    header: list[str]
    rows: list[list[str]]
    right_from: int = 1  # columns from this index on are right-aligned (numbers)
    size: float = 8.5
    floor: float = 6.0
    marks: set[tuple[int, int]] = field(default_factory=set)  # (row, column) highlighted
    bold_rows: set[int] = field(default_factory=set)  # e.g. the sum row

    def _widths(self, pdf: FPDF, width: float) -> list[float] | None:
        n = len(self.header)
        minimum, natural, body = [0.0] * n, [0.0] * n, [0.0] * n
        for c in range(n):
            pdf.set_font("DejaVu", "B", self.size)
            minimum[c] = longest_word(pdf, self.header[c])
            natural[c] = max((pdf.get_string_width(h) for h in self.header[c].split("\n")), default=0.0)
            pdf.set_font("DejaVu", "", self.size)
            for row in self.rows:
                minimum[c] = max(minimum[c], longest_word(pdf, row[c]))
                body[c] = max(body[c], pdf.get_string_width(row[c]))
            natural[c] = max(natural[c], body[c])
        minimum = [min(m, width / 2) + 2 * PAD + 0.3 for m in minimum]
        natural = [max(x + 2 * PAD + 0.3, m) for x, m in zip(natural, minimum, strict=True)]
        body = [max(x + 2 * PAD + 0.3, m) for x, m in zip(body, minimum, strict=True)]
        if sum(minimum) > width:
            return None
        if sum(natural) <= width:
            return natural
        if sum(body) <= width:  # cells on one line first; headers may take two
            minimum = body
        spare = width - sum(minimum)
        extra = [x - m for x, m in zip(natural, minimum, strict=True)]
        total = sum(extra) or 1.0
        return [m + spare * e / total for m, e in zip(minimum, extra, strict=True)]

    def draw(self, pdf: FPDF, width: float | None = None) -> None:
        """Draw header and rows at the current position, numbers right-aligned, marked cells and bold rows
        highlighted."""
        self.rows = [[keep_units(str(c)) for c in row] for row in self.rows]
        self.header = [keep_units(h) for h in self.header]
        width = width or pdf.epw
        widths = self._widths(pdf, width)
        while widths is None and self.size > self.floor:
            self.size -= 0.5
            widths = self._widths(pdf, width)
        if widths is None:
            raise LayoutError("Die Tabelle passt auch in kleinster Schrift nicht auf die Seite: "
                              + " | ".join(self.header))
        self._header(pdf, widths)
        for r, row in enumerate(self.rows):
            style = "B" if r in self.bold_rows else ""
            pdf.set_font("DejaVu", style, self.size)
            cells = [wrap(pdf, text, w - 2 * PAD) for text, w in zip(row, widths, strict=True)]
            h = max(len(c) for c in cells) * self.size * 0.45 + 1.2
            if pdf.get_y() + h > pdf.page_break_trigger:
                pdf.add_page()
                self._header(pdf, widths)
                pdf.set_font("DejaVu", style, self.size)
            self._row(pdf, widths, cells, h, r)
        pdf.set_font("DejaVu", "", 9.5)
        pdf.ln(2)

    def _row(self, pdf: FPDF, widths: list[float], cells: list[list[str]], h: float, r: int) -> None:
        x, y = pdf.l_margin, pdf.get_y()
        for c, (lines, w) in enumerate(zip(cells, widths, strict=True)):
            fill = MARK_FILL if (r, c) in self.marks else ZEBRA_FILL if r % 2 else None
            if fill is not None:
                pdf.set_fill_color(*fill)
                pdf.rect(x, y, w, h, style="F")
            for k, text in enumerate(lines):
                pdf.set_xy(x + PAD, y + 0.6 + k * self.size * 0.45)
                pdf.cell(w - 2 * PAD, self.size * 0.45, text, align="R" if c >= self.right_from else "L")
            x += w
        pdf.set_draw_color(190, 190, 190)
        pdf.line(pdf.l_margin, y + h, pdf.l_margin + sum(widths), y + h)
        pdf.set_xy(pdf.l_margin, y + h)

    def _header(self, pdf: FPDF, widths: list[float]) -> None:
        pdf.set_font("DejaVu", "B", self.size)
        cells = [wrap(pdf, text, w - 2 * PAD) for text, w in zip(self.header, widths, strict=True)]
        h = max(len(c) for c in cells) * self.size * 0.45 + 1.2
        if pdf.get_y() + h + 6 > pdf.page_break_trigger:
            pdf.add_page()
        x, y = pdf.l_margin, pdf.get_y()
        pdf.set_fill_color(*HEAD_FILL)
        pdf.rect(x, y, sum(widths), h, style="F")
        for c, (lines, w) in enumerate(zip(cells, widths, strict=True)):
            for k, text in enumerate(lines):
                pdf.set_xy(x + PAD, y + 0.6 + k * self.size * 0.45)
                pdf.cell(w - 2 * PAD, self.size * 0.45, text, align="R" if c >= self.right_from else "L")
            x += w
        pdf.set_xy(pdf.l_margin, y + h)
        pdf.set_font("DejaVu", "", self.size)
