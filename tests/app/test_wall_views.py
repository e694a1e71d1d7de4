"""The Übersicht wall (ui/wallview.py: map, settings ahead) and norm-band view (ui/bandview.py): what they are sent,
escaped for their context, and the view's geometry stated by hand."""
from __future__ import annotations

import json
import re

import pytest

from srb_core import compute
from tests.app.test_escape import own  # noqa: F401  (fixture: own data with hostile names)
from ui import escape

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize("anonymised", [False, True])
def test_map_component_gets_names_only_as_escaped_json(own, anonymised, monkeypatch):  # noqa: F811
    """Base and data layer are JSON strings; every name in them HTML-escaped (tooltips and labels are innerHTML),
    no raw '<' anywhere, so no text can become markup or script; anonymised: no name and no Kita position."""
    from ui import map as srb_map

    ds, res = own
    base = srb_map.wall_base(ds, anonymised, projector=True)
    data = srb_map.wall_data(ds, res, res, "sub1", anonymised)
    for text in (base, data):
        json.loads(text)
        assert "<" not in text and ">" not in text  # no tag, no end of a script, in either JSON string
        outside_strings = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)  # JSON strings removed
        for fragment in ("alert(1)", "alert(2)", "alert(4)", "Back`tick", "203.0.113.9"):
            assert fragment not in outside_strings, fragment  # data occur only inside string literals
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in base  # … HTML-escaped, for innerHTML tooltips
    parsed, layer = json.loads(base), json.loads(data)
    assert parsed["bounds"][0][0] < parsed["bounds"][1][0] and parsed["bounds"][0][1] < parsed["bounds"][1][1]
    names = [f["properties"]["n"] for f in parsed["areas"]["features"]]
    assert names == [escape.html(f["properties"]["sozialraum"]) for f in ds.geo.geojson["features"]]
    assert any("&lt;" in n for n in names)  # the hostile names arrive escaped, not dropped
    assert len(layer["fill"]) == len(layer["labels"]) == len(ds.geo.geojson["features"])
    if anonymised:
        assert parsed["kitas"] == [] and layer["cls"] == [] and layer["ov"] == []
        assert not any(n in base + data for n in ds.data.names)
    else:
        assert len(parsed["kitas"]) == len(layer["cls"]) == len(layer["ov"])
        # a Kita's Gesamtindex as German text, one decimal
        assert all(re.fullmatch(r"\d{1,3},\d", v) for v in layer["ov"])


def test_map_component_is_declared_with_local_files():
    from ui import wallview

    assert wallview.TITLE == "ui.wallview.srb_wall"
    page = (wallview.Path(wallview.__file__).resolve().parent.parent / "static" / "wall" / "index.html").read_text()
    script = (wallview.Path(wallview.__file__).resolve().parent.parent / "static" / "wall" / "wall.js").read_text()
    assert "http" not in page and "http" not in script  # Leaflet and the map script are this app's own files
    assert 'lang="de"' in page


def test_large_base_is_sent_until_the_browser_holds_it():
    """A small base goes out on every run; a large one only while the component's value is not its digest."""
    from ui.wallview import BIG, base_to_send

    small, large = "x" * 100, "y" * BIG
    assert base_to_send(small, "d1", "d1") == small  # small: always (no extra rerun for the handshake)
    assert base_to_send(large, "d1", None) == large  # newly mounted: no value yet
    assert base_to_send(large, "d1", "fehlt:d1") == large  # the component asked for it
    assert base_to_send(large, "d2", "d1") == large  # another base (dataset or view changed)
    assert base_to_send(large, "d1", "d1") == ""  # held: only the digest and the data layer go out


def _band(res, base):
    from ui import bandview

    return bandview._html(False, b"", res, base)


def test_band_view_one_row_per_area_one_mark_per_kita_escaped(own):  # noqa: F811
    ds, res = own
    out = _band(res, res)
    assert out.count('class="srb-brow"') == len(ds.data.sozialraum_names)
    assert out.count('<i class="srb-bm ') == ds.data.n
    assert "<img" not in out and "<script" not in out.lower()
    for name in ds.data.sozialraum_names:
        assert f'title="{escape.html(name)}">{escape.html(name)}</span>' in out
    # a Kita's mark sits at its Gesamtindex on the 0–100 axis: left = value %
    first = float(res.kita_overall[0])
    assert f"left:{min(100.0, max(0.0, first)):.2f}%" in out
    # band from lower to upper, mean as a line
    band = res.kita_band
    assert f'class="srb-bband" style="left:{band.lower:.2f}%' in out
    assert f'class="srb-bmean" style="left:{band.mean:.2f}%' in out


@pytest.fixture(scope="module")
def large():
    """400 Kitas (more than AGGREGATE_ABOVE) in 8 areas, values drawn at random within each variable's range."""
    from tests.app.test_cache_bound import KONZ, _data

    return _data(400), KONZ


def test_band_view_counts_in_aggregated_rows(large):
    """More than AGGREGATE_ABOVE Kitas: one box per area, points only for the Kitas whose class differs from the
    Beschluss (drawn plus "+n" = all of them), and the counts per area and class add up to all Kitas."""
    data, konz = large
    base = compute(data, konz)
    res = compute(data, konz, base.params.with_(k=0.5))
    out = _band(res, base)
    assert out.count('class="srb-bb"') == len(data.sozialraum_names)  # one box per area
    moved = int((res.kita_class != base.kita_class).sum())
    shown = out.count('<i class="srb-bm ')
    hidden = sum(int(m) for m in re.findall(r'class="srb-bmore">\+(\d+)<', out))
    assert shown + hidden == moved and moved > 0
    counts = [int(x) for x in re.findall(r'aria-hidden="true">[▲●▼]</span>(\d+)', out)]
    assert sum(counts) == data.n


def test_settings_ahead_are_the_engines_numbers_one_key_away():
    """The packed settings one arrow key away (ui/wallview.ahead): ten of them at the Beschluss of Bad Kreuznach,
    each named by its weights and k, each with exactly the engine's shares for that setting."""
    import base64
    import zlib

    from srb_core.scenarios import baseline_scenario
    from ui import cache, wallview

    ds = cache.dataset("bad_kreuznach")
    konz = ds.konzeption
    base = cache.outcome(ds, baseline_scenario(konz, ds.key, ds.data.fingerprint))
    packed = wallview.ahead(wallview.Setting(ds, base, base, "overall", False, False))
    got = json.loads(zlib.decompress(base64.b64decode(packed)))
    assert len(got) == 10 and "1.00|1.01|1.00|1.00|1.00" in got and "1.00|1.00|1.00|1.00|0.99" in got
    for key, weights, k in (("1.00|1.01|1.00|1.00|1.00", (1.0, 1.01, 1.0, 1.0), 1.0),
                            ("1.00|1.00|1.00|1.00|0.99", (1.0, 1.0, 1.0, 1.0), 0.99)):
        res = compute(ds.data, konz, konz.default_params().with_(weights=weights, k=k))
        rows = got[key]["table"]["rows"][:-1]  # without the sum row
        assert [r[0] for r in rows] == list(ds.data.sozialraum_names)
        assert [r[2] for r in rows] == [f"{s * 100:.2f}".replace(".", ",") + "\u00a0%" for s in res.shares]


def test_a_large_setting_is_sent_packed_and_unpacks_to_the_same_pieces():
    """Ten Kitas changing make the wall's pieces larger than PACK_ABOVE: they go out deflated, and unpack to what
    the wall would otherwise have been sent (the browser test opens the same address)."""
    from tests.app.helpers import new_app, wall, wall_parts
    from ui import wallview

    at = new_app({"w": "1,2,1,1", "k": "0.5"})
    at.run()
    args = wall(at)
    assert args["cur"] is None and len(args["curz"]) < wallview.PACK_ABOVE
    parts = wall_parts(at)
    assert len(json.dumps(parts, ensure_ascii=False, separators=(",", ":"))) > wallview.PACK_ABOVE
    assert parts["strip"].count('class="srb-move"') == 10
