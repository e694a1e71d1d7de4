"""`python -m srb_core report --kita ID --year Y --kitas … --konzeption … --indicators … --out x.pdf|x.xlsx`."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ParameterError, Problem


def run_report(args) -> int:
    """`report`: a Kita's yearly report (PDF or XLSX) from the Kita table, Konzeption and yearly values."""
    from ..io import load_kitas
    from ..konzeption import load_konzeption
    from ..konzeption.indicators import parse_catalogue
    from .kita_report import kita_report
    from .render import report_pdf, report_xlsx
    from .values import load_yearly

    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx"):
        raise ParameterError(Problem("Die Ausgabedatei muss auf .pdf oder .xlsx enden.", column="--out",
                                     value=args.out))
    konzeption = load_konzeption(args.konzeption)
    indicators = konzeption.indicators
    if getattr(args, "catalogue", None):
        indicators = parse_catalogue(Path(args.catalogue).read_text(encoding="utf-8"), Path(args.catalogue).name)
    data = load_kitas(args.kitas, konzeption)
    values = load_yearly(args.indicators, indicators, data)
    report = kita_report(values, data, args.kita, args.year, anonymised=args.anonymised, demo=konzeption.demo,
                         dataset=konzeption.name)
    payload = report_pdf(report) if fmt == "pdf" else report_xlsx(report)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(payload)
    tmp.replace(out)
    sys.stderr.write(f"Jahresbericht geschrieben: {out} ({len(payload):,} Bytes).\n".replace(",", "."))
    return 0
