"""`python -m srb_core robustness …`: the robustness analysis on the command line (JSON or CSV).

Kept apart from srb_core/cli.py, which only calls `register(subparsers)`.
"""
from __future__ import annotations

import json
import sys

from ..argparse_de import finite_number
from ..errors import ParameterError, Problem
from .model import CHOICES, WEIGHT_MODES, Settings


def _vary(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in text.split(",") if p.strip())
    unknown = [p for p in parts if p not in CHOICES]
    if unknown:
        raise ParameterError(Problem("Unbekannte Methodenwahl in --vary.", column="--vary", value=", ".join(unknown),
                                     expected="kommagetrennt aus " + ", ".join(CHOICES)))
    return parts


def register(sub) -> None:
    """Add the command `robustness` and its options to the CLI's sub-parsers."""
    p = sub.add_parser("robustness", help="Wie robust ist die Verteilung? Unsicherheit, Sensitivität, Extreme, "
                                          "Grenzfälle")
    p.add_argument("--kitas", required=True, help="Kita-Tabelle (.csv oder .xlsx)")
    p.add_argument("--konzeption", required=True, help="Konzeption (.toml)")
    p.add_argument("--weights", help='nominale Gewichte, z. B. "Soziale Lage=2"; sonst die der Konzeption')
    p.add_argument("--k", metavar="ZAHL", type=finite_number, help="Breite des Normbereichs (Mittelwert ± k · SD)")
    p.add_argument("--budget", help="Budget in Euro, z. B. 488897.00")
    p.add_argument("--draws", metavar="N", type=int, default=1000, help="Zahl der Varianten (Standard 1000)")
    p.add_argument("--seed", metavar="N", type=int, default=1, help="Startwert des Zufallsgenerators (Standard 1)")
    p.add_argument("--spread", metavar="ZAHL", type=finite_number, default=0.25,
                   help="Streuung der Gewichte, 0.25 = ±25 %% (0 = keine)")
    p.add_argument("--weight-mode", choices=WEIGHT_MODES, default="uniform",
                   help="uniform: ±spread um die Gewichte; dirichlet: flache Dirichlet-Verteilung")
    p.add_argument("--vary", default="", help="Methodenwahl zusätzlich variieren: " + ",".join(CHOICES))
    p.add_argument("--sobol", metavar="N", type=int, default=1024, help="Stichprobe N der Sobol-Analyse (0 = ohne)")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--level", choices=("sozialraum", "kita", "sensitivity", "leave_one_out"), default="sozialraum",
                   help="Tabelle für --format csv")
    p.add_argument("--anonymised", action="store_true", help="Kita-Kennungen durch neutrale Codes ersetzen")
    p.set_defaults(func=cmd_robustness)


def cmd_robustness(args) -> int:
    """`robustness`: uncertainty, sensitivity, leave-one-out and borderline Kitas as JSON or CSV."""
    from ..funding import load_funding
    from ..io import load_kitas
    from ..konzeption import load_konzeption
    from ..step1 import compute
    from .analysis import analyse
    from .report import frames, to_json

    settings = Settings(draws=args.draws, seed=args.seed, spread=args.spread, weights=args.weight_mode,
                        vary=_vary(args.vary), sobol_n=args.sobol)
    settings.check()  # before reading the files: a wrong number is the cheapest mistake to report
    konzeption = load_konzeption(args.konzeption)
    data = load_kitas(args.kitas, konzeption)
    from ..cli import params_from_args  # the same --weights/--k/--budget rules as `compute`

    params = params_from_args(args, konzeption)
    result = compute(data, konzeption, params)
    analysis = analyse(result, load_funding(konzeption), settings)
    if args.format == "json":
        json.dump(to_json(analysis, args.anonymised), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(frames(analysis, args.level, args.anonymised).to_csv(index=False))
    return 0
