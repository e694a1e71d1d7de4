"""Subcommands `waves` (compare survey waves) and `report` (yearly report of one Kita).

Registered from srb_core/cli.py with `register(subparsers)`, so the main parser stays small.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import ParameterError, Problem


def cmd_waves(args) -> int:
    """`waves`: compare two or more survey waves of the same Konzeption as JSON or CSV."""
    from ..io import load_kitas
    from ..konzeption import load_konzeption
    from .engine import compare_waves
    from .report import waves_frame, waves_json
    from .series import Wave

    konzeption = load_konzeption(args.konzeption)
    labels = args.labels.split(",") if args.labels else [Path(p).stem for p in args.kitas]
    if len(labels) != len(args.kitas):
        raise ParameterError(Problem("Es braucht genau eine Bezeichnung je Welle.", column="--labels",
                                     value=args.labels, expected=f"{len(args.kitas)} Namen, durch Komma getrennt"))
    waves = [Wave(label.strip(), load_kitas(path, konzeption)) for label, path in zip(labels, args.kitas, strict=True)]
    cmp = compare_waves(waves, konzeption)
    if args.format == "json":
        json.dump(waves_json(cmp), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(waves_frame(cmp).to_csv(index=False))
    return 0


def cmd_report(args) -> int:
    """`report`: see reports.cli.run_report."""
    from ..reports.cli import run_report

    return run_report(args)


def register(sub) -> None:
    """Adds `waves` and `report` to the subparsers of the main command line."""
    p = sub.add_parser("waves", help="Befragungswellen vergleichen: Veränderung je Kita und Sozialraum und ihre "
                                     "Zerlegung in die Variablen (gemeinsame Grenzen aller Wellen)")
    p.add_argument("--kitas", required=True, nargs="+", help="Kita-Tabellen der Wellen, älteste zuerst")
    p.add_argument("--konzeption", required=True, help="Konzeption (.toml), gilt für alle Wellen")
    p.add_argument("--labels", help='Bezeichnungen der Wellen, z. B. "T0,T1,T2" (sonst die Dateinamen)')
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.set_defaults(func=cmd_waves)
    p = sub.add_parser("report", help="Jahresbericht einer Kita als PDF oder XLSX")
    p.add_argument("--kita", required=True, help="Kennung der Kita (kita_id)")
    p.add_argument("--year", required=True, type=int, help="Berichtsjahr, z. B. 2023")
    p.add_argument("--kitas", required=True, help="Kita-Tabelle (.csv oder .xlsx)")
    p.add_argument("--konzeption", required=True, help="Konzeption (.toml) mit [[indicators]]")
    p.add_argument("--indicators", required=True, help="Tabelle der Jahreswerte (.csv oder .xlsx)")
    p.add_argument("--catalogue", help="Indikatorenkatalog als eigene TOML-Datei ([[indicators]]), falls die "
                                       "Konzeption keinen enthält")
    p.add_argument("--anonymised", action="store_true", help="Kita-Namen durch neutrale Codes ersetzen")
    p.add_argument("--out", required=True, help="Zieldatei, BERICHT.pdf oder BERICHT.xlsx")
    p.set_defaults(func=cmd_report)
