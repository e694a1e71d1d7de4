"""What a robustness run varies, as frozen data, and the discrete choices it may switch between."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import ParameterError, Problem
from ..index.aggregate import AGGREGATION_METHODS

# The alternatives each discrete choice may take (issue 16): the norm band's width k, the SD
# (sample n − 1 or population n), the Sozialraum value (mean or weighted by children) and the
# rescaling of the raw answers (min–max as adopted, z-score, rank).
K_CHOICES = (0.5, 1.0, 1.5)
DDOF_CHOICES = (1, 0)
AGGREGATION_CHOICES = tuple(AGGREGATION_METHODS)  # "mean", "children_weighted"
RESCALINGS = ("minmax", "zscore", "rank")
CHOICES = ("k", "ddof", "aggregation", "rescaling")
WEIGHT_MODES = ("uniform", "dirichlet")
MAX_DRAWS = 100_000


@dataclass(frozen=True)
class Settings:
    """One robustness run.

    weights: "uniform" multiplies every used weight by an independent factor U(1 − spread, 1 + spread)
    (the JRC/OECD handbook's ±25 %); "dirichlet" draws the effective weights from a flat Dirichlet
    distribution over the used sub-indices (every split of the weight equally likely; spread is ignored).
    vary: which discrete choices are switched at random, each alternative equally likely; a choice not
    named keeps the value of the parameters.
    sobol_n: base sample size of the sensitivity analysis (N·(d + 2) model runs); 0 leaves it out.
    """

    draws: int = 1000
    seed: int = 1
    spread: float = 0.25
    weights: str = "uniform"
    vary: tuple[str, ...] = ()
    sobol_n: int = 1024
    bootstrap: int = 200

    def check(self) -> None:
        """Refuse settings outside their limits (draws 1–100 000, spread in [0, 1), …) with German reasons, all at
        once."""
        problems = []
        if not 1 <= self.draws <= MAX_DRAWS:
            problems.append(Problem("Die Zahl der Varianten muss zwischen 1 und 100.000 liegen.", column="draws",
                                    value=self.draws))
        if not 0 <= self.spread < 1:
            problems.append(Problem("Die Streuung der Gewichte muss zwischen 0 und unter 1 liegen (0,25 = ±25 %).",
                                    column="spread", value=self.spread))
        if self.weights not in WEIGHT_MODES:
            problems.append(Problem("Unbekannte Art, die Gewichte zu variieren.", column="weights", value=self.weights,
                                    expected=" oder ".join(WEIGHT_MODES)))
        unknown = [v for v in self.vary if v not in CHOICES]
        if unknown:
            problems.append(Problem("Unbekannte Methodenwahl.", column="vary", value=", ".join(unknown),
                                    expected=", ".join(CHOICES)))
        if not 0 <= self.sobol_n <= 20_000 or not 0 <= self.bootstrap <= 5000:
            problems.append(Problem("Stichprobe der Sensitivitätsanalyse außerhalb des Bereichs.", column="sobol_n",
                                    value=self.sobol_n, expected="0 bis 20.000 (Bootstrap 0 bis 5.000)"))
        if self.seed < 0:
            problems.append(Problem("Der Startwert (Seed) darf nicht negativ sein.", column="seed", value=self.seed))
        if problems:
            raise ParameterError(problems, title="Die Einstellungen der Robustheitsanalyse sind nicht zulässig.")
