"""The method in plain German, for the committee pack (the app has its own, longer explanations)."""
from __future__ import annotations

from ..allocation.shares import METHODS
from ..fmt import num, pct
from ..index.aggregate import AGGREGATION_METHODS
from ..registry import labels
from ..step1 import Result

AGGREGATION = labels(AGGREGATION_METHODS)  # key → German label; the words live in the registries
ALLOCATION = labels(METHODS)


def method_steps(result: Result) -> list[str]:
    """The eight steps from the survey to the posts in plain German, with this result's numbers."""
    konz, p = result.konzeption, result.params
    weights = ", ".join(f"{name} {num(w, 2)} ({pct(e, 1)})"
                        for name, w, e in zip(konz.sub_indices, p.weights, result.effective_weights, strict=False))
    band = result.kita_band
    return [
        f"1. Daten: {result.data.n} Kitas in {len(result.data.sozialraum_names)} Kita-Sozialräumen, "
        f"{len(konz.variables)} Merkmale aus der Kita-Befragung.",
        "2. Standardwerte: Jedes Merkmal wird auf 0 bis 100 umgerechnet. Die Kita mit dem geringsten Bedarf "
        "erhält 0, die mit dem höchsten 100, alle anderen liegen linear dazwischen. Bei Merkmalen, bei denen "
        "ein kleinerer Wert mehr Bedarf bedeutet, wird die Richtung umgedreht.",
        f"3. Teilindizes ({', '.join(konz.sub_indices)}): Mittelwert der Standardwerte ihrer Merkmale; "
        "fehlende Antworten zählen nicht mit.",
        f"4. Gesamtindex: gewichteter Mittelwert der Teilindizes. Gewichte (Anteil): {weights}.",
        f"5. Normbereich: Mittelwert ± {num(p.k, 1)} Standardabweichungen aller Kitas "
        f"({num(band.mean, 1)} ± {num(band.sd, 1)}, also {num(band.lower, 1)} bis {num(band.upper, 1)} Punkte). "
        "Kitas darüber haben einen besonders hohen Bedarf, Kitas darunter einen geringeren.",
        f"6. Sozialräume: {AGGREGATION.get(p.aggregation, p.aggregation)} der Werte ihrer Kitas.",
        f"7. Schritt 1: Anteil jedes Sozialraums am Budget {ALLOCATION.get(p.allocation, p.allocation)}; "
        "Euro-Beträge auf den Cent nach dem Verfahren der größten Reste, sodass die Summe genau dem Budget entspricht.",
        "8. Schritt 2: Innerhalb jedes Sozialraums gehen die Mittel nach den Regeln der Förderstränge an die "
        "förderfähigen Kitas; daraus folgen die Personalstellen (Vollzeitäquivalente).",
    ]
