"""One validation report over everything a Jugendamt uploads: Kita table, Konzeption, map."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..data import KitaData
from ..errors import Problem, SrbInputError
from ..konzeption import Konzeption, load_konzeption, parse_konzeption
from ..konzeption.load import decode_toml
from .geo import SozialraumMap
from .tables import load_kitas


@dataclass
class ValidationReport:
    """What an upload check found: the parsed Konzeption, data and map, the errors and the warnings."""

    konzeption: Konzeption | None = None
    data: KitaData | None = None
    geo: SozialraumMap | None = None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True if Konzeption and data were read and nothing is an error."""
        return not self.errors and self.konzeption is not None and self.data is not None


def validate_upload(kitas: bytes, kitas_name: str, konzeption: bytes | Konzeption, konzeption_name: str = "",
                    geo: bytes | None = None, geo_name: str = "") -> ValidationReport:
    """Never raises for bad input: every problem ends up in the report, grouped by file."""
    report = ValidationReport()
    try:
        if isinstance(konzeption, Konzeption):
            report.konzeption = konzeption
        else:
            source = konzeption_name or "konzeption.toml"
            report.konzeption = parse_konzeption(decode_toml(konzeption, source), source)
    except SrbInputError as exc:
        report.errors += exc.problems
        return report
    try:
        report.data = load_kitas(kitas, report.konzeption, kitas_name)
        report.warnings += list(report.data.warnings)
    except SrbInputError as exc:
        report.errors += exc.problems
    if geo is not None:
        from .geo import check_map_against_kitas, read_map

        try:
            report.geo = read_map(geo, geo_name)
            report.warnings += list(report.geo.notes)
        except SrbInputError as exc:
            report.errors += exc.problems
        if report.geo is not None and report.data is not None:
            errors, warnings = check_map_against_kitas(report.geo, report.data)
            report.errors += errors
            report.warnings += [w.text() for w in warnings]
    if report.errors:
        report.data = None  # a file that cannot be used is refused whole
        report.geo = None
    return report


__all__ = ["ValidationReport", "load_konzeption", "validate_upload"]
