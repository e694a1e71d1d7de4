import pytest

from srb_core.scenarios import ScenarioStore, baseline_scenario


@pytest.fixture()
def store(tmp_path):
    return ScenarioStore(tmp_path / "szenarien.sqlite")


@pytest.fixture()
def bk_baseline(bk_konzeption, bk_data):
    return baseline_scenario(bk_konzeption, "bad_kreuznach", bk_data.fingerprint)


@pytest.fixture()
def doubled(bk_baseline):
    """'What if Soziale Lage counts double?' – the question from the issue."""
    p = bk_baseline.params
    weights = tuple(w * 2 if i == 1 else w for i, w in enumerate(p.weights))
    return bk_baseline.with_(id="", name="Soziale Lage doppelt", author="Kernteam", note="Probe",
                             params=p.with_(weights=weights, k=0.5))
