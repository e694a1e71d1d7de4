"""Command line: `python -m srb_core compute …`. Errors print one German paragraph and exit 2."""
from __future__ import annotations

import argparse
import json
import sys

from . import limits
from .argparse_de import GermanParser, finite_number, os_error_text
from .errors import ParameterError, Problem, SrbError, SrbInputError
from .io import load_kitas
from .konzeption import Konzeption, Params, load_konzeption
from .money import to_cents
from .report import kita_frame, sozialraum_frame, to_json


def parse_weights(text: str, sub_indices: tuple[str, ...], defaults: tuple[float, ...]) -> tuple[float, ...]:
    """'Soziale Lage=2,Allgemeiner Bedarf=1' → full weight tuple; unnamed sub-indices keep their weight."""
    weights = dict(zip(sub_indices, defaults, strict=False))
    problems = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or name not in weights:
            problems.append(Problem("Unbekannter Teilindex in --weights.", option="--weights", value=part,
                                    expected="Name=Zahl mit Name aus " + ", ".join(sub_indices)))
            continue
        try:
            weights[name] = _bounded(value.replace(" ", ""), limits.WEIGHT_MAX)
        except ValueError:
            problems.append(Problem("Das Gewicht ist keine zulässige Zahl.", option="--weights", value=part,
                                    expected=f"eine Zahl von 0 bis {limits.WEIGHT_MAX}, z. B. 1.5"))
    if problems:
        raise ParameterError(problems, title="Die Gewichte können nicht verwendet werden.")
    return tuple(weights[s] for s in sub_indices)


def _bounded(text: str, upper) -> float:
    """A parameter from the command line: plain ASCII number in [0, upper]; ValueError otherwise.

    float() alone would take "1e308" (a norm band of minus infinity, written as invalid JSON),
    "nan" or "1_0".
    """
    value = limits.exact_number(text.replace(",", "."))
    if not 0 <= value <= upper:
        raise ValueError(text)
    return float(value)


def check_k(k: float) -> float:
    """--k after argparse made it a finite float: within [0, K_MAX], else a German refusal (exit 2).

    A finite but huge k such as 1e308 would give a norm band of minus infinity (invalid JSON).
    """
    if not 0 <= k <= float(limits.K_MAX):
        raise ParameterError(Problem("Die Breite des Normbereichs ist keine zulässige Zahl.", option="--k",
                                     value=f"{k:g}", expected=f"eine Zahl von 0 bis {limits.K_MAX}, z. B. 0.5"),
                             title="Der Normbereich kann nicht verwendet werden.")
    return k


def _write_csv(frame) -> None:
    """CSV for spreadsheet programs: a cell such as =HYPERLINK(…) stays text (leading apostrophe)."""
    from .pack.safe import safe_frame  # the pack's rule, imported late: the package pulls in the pipeline

    sys.stdout.write(safe_frame(frame).to_csv(index=False))


def params_from_args(args, konzeption: Konzeption) -> Params:
    """The Konzeption's parameters with --weights, --k and --budget applied (each checked, German errors)."""
    params = konzeption.default_params()
    if args.weights:
        params = params.with_(weights=parse_weights(args.weights, konzeption.sub_indices, params.weights))
    if args.k is not None:
        params = params.with_(k=check_k(args.k))
    if args.budget is not None:
        try:
            params = params.with_(budget_cents=to_cents(args.budget))
        except ValueError as exc:
            raise ParameterError(Problem(f"Das Budget {exc}.", option="--budget", value=args.budget,
                                         expected="Betrag in Euro bis 1 Billion € (10¹² €), z. B. 488897.00")) from None
    return params


def _evaluate_from_args(args, with_step2: bool):
    """The files and options as a scenario, through the one pipeline (srb_core.pipeline.evaluate)."""
    from .pipeline import evaluate
    from .scenarios.model import Scenario

    konzeption = load_konzeption(args.konzeption)
    data = load_kitas(args.kitas, konzeption)
    scenario = Scenario(name="Befehlszeile", params=params_from_args(args, konzeption), konzeption=konzeption.name,
                        data_fingerprint=data.fingerprint)
    return evaluate(data, konzeption, scenario, with_step2=with_step2)


def cmd_compute(args) -> int:
    """`compute`: step 1 for the given data and parameters, as JSON or as CSV per Kita or Sozialraum; exit code 0."""
    result = _evaluate_from_args(args, with_step2=False).result
    if args.format == "json":
        json.dump(to_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _write_csv(sozialraum_frame(result) if args.level == "sozialraum" else kita_frame(result))
    return 0


def cmd_plan(args) -> int:
    """`plan`: step 2 – strands, proposal per Kita, euros and posts – as JSON or CSV; refused without [[strands]]."""
    from .funding.report import plan_json, plan_kita_frame, plan_sozialraum_frame

    outcome = _evaluate_from_args(args, with_step2=True)
    result, funding, proposal, plan = outcome.result, outcome.funding, outcome.proposal, outcome.plan
    if funding is None or proposal is None or plan is None:
        from .funding import load_funding

        if load_funding(result.konzeption) is not None:  # strands, but no budget
            raise ParameterError(Problem("Für den Vorschlag in Schritt 2 fehlt das Budget.", column="budget",
                                         expected="Betrag in Euro"))
        raise ParameterError(Problem("Die Konzeption definiert keine Förderstränge ([[strands]]).",
                                     file=result.konzeption.source, column="strands"))
    if args.format == "json":
        json.dump(plan_json(result, funding, plan, proposal.eligibility), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        frame = (plan_sozialraum_frame(result, funding, plan) if args.level == "sozialraum"
                 else plan_kita_frame(result, funding, plan, proposal.eligibility))
        _write_csv(frame)
    return 0


def cmd_export(args) -> int:
    """`export`: the committee pack (XLSX or PDF) for the Beschluss and up to three scenarios; exit code 0."""
    from pathlib import Path

    from .io.geo import GeoDataError, check_map_against_kitas, read_map
    from .io.source import read_source
    from .pack.build import build_pack
    from .scenarios import loads

    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("xlsx", "pdf"):
        raise ParameterError(
            Problem("Die Ausgabedatei muss auf .xlsx oder .pdf enden.", option="--out", value=args.out)
        )
    konzeption = load_konzeption(args.konzeption)
    data = load_kitas(args.kitas, konzeption)
    scenarios = []
    if args.scenario:
        content, name, _ = read_source(args.scenario, None, "szenario.json", ParameterError, limits.MAX_SCENARIO_BYTES)
        scenarios.append(loads(content, name))
    geojson = None
    if args.map:
        geo = read_map(args.map)
        errors, _ = check_map_against_kitas(geo, data)
        if errors:  # a map without a Sozialraum, or with a stranger, would make the PDF silently incomplete
            raise GeoDataError(errors, title="Die Karte passt nicht zur Kita-Tabelle.")
        geojson = geo.geojson
    payload = build_pack(data, konzeption, scenarios, fmt, anonymised=args.anonymised, geojson=geojson)
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(payload)
        tmp.replace(out)  # never leave half a file under the wanted name
    except OSError as exc:  # name the file the user asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(out)) from None
    sys.stderr.write(f"Ausschuss-Paket geschrieben: {out} ({len(payload):,} Bytes).\n".replace(",", "."))
    return 0


def _common(p) -> None:
    p.add_argument("--kitas", required=True, metavar="DATEI", help="Kita-Tabelle (.csv oder .xlsx)")
    p.add_argument("--konzeption", required=True, metavar="DATEI", help="Konzeption (.toml)")
    p.add_argument("--weights", metavar="NAME=ZAHL,…", help='z. B. "Soziale Lage=2,Allgemeiner Bedarf=1"')
    p.add_argument("--k", metavar="ZAHL", type=finite_number,
                   help="Breite des Normbereichs (Mittelwert ± k · Standardabweichung), 0 bis 3")
    p.add_argument("--budget", metavar="EURO", help="Budget in Euro, z. B. 488897.00")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="Ausgabeformat (Standard: json)")
    p.add_argument("--level", choices=("sozialraum", "kita"), default="sozialraum", help="Ebene für --format csv")


def build_parser() -> argparse.ArgumentParser:
    """The German argument parser: commands compute, plan, export, robustness, waves, report and their options."""
    parser = GermanParser(prog="python -m srb_core", description="SRB-Monitor: Sozialraumbudget berechnen.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=GermanParser, metavar="BEFEHL",
                                title="Befehle")
    p = sub.add_parser("compute", help="Index, Normbereich, Anteile und Euro je Sozialraum berechnen")
    _common(p)
    p.set_defaults(func=cmd_compute)
    p = sub.add_parser("plan", help="Förderstränge, Vorschlag je Kita, Euro und Stellen (Schritt 2)")
    _common(p)
    p.set_defaults(func=cmd_plan)
    p = sub.add_parser("export", help="Ausschuss-Paket (XLSX oder PDF) für den Beschluss oder ein Szenario schreiben")
    p.add_argument("--kitas", required=True, metavar="DATEI", help="Kita-Tabelle (.csv oder .xlsx)")
    p.add_argument("--konzeption", required=True, metavar="DATEI", help="Konzeption (.toml)")
    p.add_argument(
        "--scenario", metavar="DATEI", help="Szenario als JSON-Datei (aus der App exportiert); ohne: nur der Beschluss"
    )
    p.add_argument(
        "--map", metavar="DATEI", help="Sozialraum-Karte (GeoJSON, GPKG oder gezipptes Shapefile) für die Karte im PDF"
    )
    p.add_argument("--anonymised", action="store_true", help="Kita-Namen durch neutrale Codes ersetzen")
    p.add_argument("--out", required=True, metavar="DATEI", help="Zieldatei, PACK.xlsx oder PACK.pdf")
    p.set_defaults(func=cmd_export)
    # Further commands live in their own packages (imported here so `compute` never loads them).
    from .robustness.cli import register as register_robustness
    from .waves.cli import register as register_monitoring

    register_monitoring(sub)
    register_robustness(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; exit code 0 on success, 2 for bad input, a refused file or an OS error (message on stderr)."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SrbInputError as exc:
        sys.stderr.write(exc.text() + "\n")
        return 2
    except SrbError as exc:
        sys.stderr.write(f"Fehler: {exc}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"Fehler: {os_error_text(exc)}\n")
        return 2
