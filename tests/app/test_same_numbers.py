"""One pipeline on screen: after a slider move, Übersicht, Budget & Stellen and Vergleich show the numbers of
the engine's Outcome for the same scenario (formatted here independently of ui/: German decimal comma)."""
from __future__ import annotations

from fractions import Fraction

import pytest

from srb_core.pipeline import evaluate
from srb_core.scenarios import Scenario
from tests.app.helpers import move, new_app, wall_table


def de(value: float, digits: int) -> str:
    return f"{value:,.{digits}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def euro(cents: int) -> str:
    return de(cents / 100, 2) + " €"


def clean(text) -> str:
    return str(text).replace("\u00a0", " ")


def column(table, name: str) -> dict[str, str]:
    return {str(k): clean(v) for k, v in table[name].items() if k != "Summe"}


@pytest.mark.parametrize(("dataset", "slider", "value"), [("bad_kreuznach", "w1", 2.0), ("mayen_koblenz", "w0", 0.37)])
def test_uebersicht_budget_and_vergleich_show_the_outcomes_numbers(dataset, slider, value, request):
    data = request.getfixturevalue("bk_data" if dataset == "bad_kreuznach" else "myk_data")
    konz = request.getfixturevalue("bk_konzeption" if dataset == "bad_kreuznach" else "myk_konzeption")
    i = int(slider[1:])
    weights = tuple(value if j == i else w for j, w in enumerate(konz.weights))
    o = evaluate(data, konz, Scenario(name="Erwartet", params=konz.default_params().with_(weights=weights)))
    base = evaluate(data, konz, Scenario(name="Beschluss", params=konz.default_params()))
    names = list(data.sozialraum_names)
    shares = {n: de(float(o.result.shares[r]) * 100, 2) + " %" for r, n in enumerate(names)}
    delta = {n: ("+" if d > 0 else "−") + de(abs(d), 2) + " pp" if round(d, 2) else "±0,00 pp"
             for n, d in zip(names, (o.result.shares - base.result.shares) * 100, strict=True)}

    at = new_app({"ds": dataset})
    at.session_state["cp_pick"] = ["aktuell"]
    at.run()
    move(at, slider, value)
    assert not at.exception, [e.value for e in at.exception]

    # Übersicht: share, Δ against the Beschluss and step-1 euros per Sozialraum
    table = wall_table(at)
    assert column(table, "Anteil") == shares
    assert column(table, "Δ Anteil") == delta
    step1 = "Betrag Schritt 1" if "Betrag Schritt 1" in table else "Betrag"
    assert column(table, step1) == {n: euro(int(o.result.euros_cents[r])) for r, n in enumerate(names)}

    # Budget & Stellen: totals and the table per Sozialraum
    at.switch_page("app_pages/budget.py").run()
    assert not at.exception, [e.value for e in at.exception]
    plan = o.plan
    metrics = {m.label: clean(m.value) for m in at.metric}
    assert metrics["verteilt"] == euro(sum(map(sum, plan.cents)))
    assert metrics["Budget"] == euro(sum(plan.sozialraum_budget) + o.proposal.reserve_cents)
    fte = sum(o.kita_fte, Fraction(0))
    assert metrics["Stellen (VZÄ)"] == de(float(fte), 2)
    sr = next(t.value for t in at.table if "verteilt" in t.value.columns)
    allocated = {n: 0 for n in names}
    posts = {n: Fraction(0) for n in names}
    for k in range(data.n):
        allocated[names[int(data.sozialraum[k])]] += sum(plan.cents[k])
        posts[names[int(data.sozialraum[k])]] += o.kita_fte[k]
    assert column(sr, "verteilt") == {n: euro(c) for n, c in allocated.items()}
    assert column(sr, "VZÄ") == {n: de(float(f), 2) for n, f in posts.items()}

    # Vergleich: the current settings next to the Beschluss, the same shares and differences
    at.switch_page("app_pages/vergleich.py").run()
    assert not at.exception, [e.value for e in at.exception]
    cmp = at.table[0].value
    current = next(c for c in cmp.columns if c.startswith("Aktuelle Einstellungen") and not c.startswith("Δ"))
    assert column(cmp, current) == shares
    assert column(cmp, f"Δ {current}") == delta
    assert column(cmp, "Beschluss") == {n: de(float(base.result.shares[r]) * 100, 2) + " %"
                                        for r, n in enumerate(names)}
