"""classbreaks.relative_step: four steps each way relative to the largest change."""
from __future__ import annotations

import numpy as np

from srb_core.classbreaks import relative_step


def test_steps_by_hand():
    # largest |Δ| 0.8: 0.8 → step 3; 0.4 → ⌈4·0.5⌉ − 1 = 1; 0.1 → 0; 0.004 rounds to ±0,00 → −1 (white)
    delta = np.array([0.8, -0.4, 0.1, 0.004, -0.8, 0.21])
    assert relative_step(delta).tolist() == [3, 1, 0, -1, 3, 1]


def test_nothing_changed_is_all_white():
    assert relative_step(np.zeros(5)).tolist() == [-1] * 5
    assert relative_step(np.array([])).tolist() == []
