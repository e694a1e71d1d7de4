import pandas as pd
import pytest

from srb_core import build_kita_data
from srb_core.io.geo import read_map
from srb_core.pipeline import evaluate
from srb_core.scenarios import baseline_scenario
from tests.demos import BK, ROOT
from tests.pack.helpers import EVIL


@pytest.fixture(scope="module")
def evil_data(bk_konzeption):
    """The Bad Kreuznach demo with one Kita renamed to a spreadsheet formula."""
    frame = pd.read_csv(BK / "kitas.csv", dtype={"kita_id": str})
    frame.loc[0, "name"] = EVIL
    return build_kita_data(frame, bk_konzeption, "kitas.csv")


@pytest.fixture(scope="module")
def outcomes(bk_konzeption, evil_data):
    base = baseline_scenario(bk_konzeption, "bad_kreuznach", evil_data.fingerprint)
    p = base.params
    doubled = base.with_(id="", name="Soziale Lage doppelt", params=p.with_(
        weights=tuple(w * 2 if i == 1 else w for i, w in enumerate(p.weights)), k=0.5))
    return [evaluate(evil_data, bk_konzeption, base), evaluate(evil_data, bk_konzeption, doubled)]


@pytest.fixture(scope="module")
def geojson():
    return read_map(ROOT / "geodata" / "bad_kreuznach.geojson").geojson
