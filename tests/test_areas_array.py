"""The array form of the one rounding rule agrees with it value for value."""

from __future__ import annotations

import numpy as np

from landcase.cases.areas import official_mu, official_mu_array, printed_m2_array


def test_the_array_rule_agrees_with_the_decimal_rule_at_halves_and_elsewhere():
    # 670 m² is exactly 1.005 亩 (half up: 1.01); 669.9999 m² is 1.00499985 亩 (1.00)
    halves = [670.0, 669.9999, 2676.6666666666665, 66663.34, 66663.33, 0.0, 1e-9]
    rng = np.random.default_rng(7)
    values = np.concatenate([halves, rng.uniform(0, 1e6, 20_000)])
    got = official_mu_array(values)
    assert got[0] == 1.01 and got[1] == 1.0 and got[3] == 100.0 and got[4] == 99.99
    assert [official_mu(v) for v in values] == got.tolist()
    assert np.isnan(official_mu_array(np.array([np.nan]))[0])


def test_printed_m2_sum_to_the_sum_of_printed_mu():
    # three plots of 669.4 m² = 1.0041 亩 each print 1.00; their printed total is 3.00,
    # where rounding the exact total (3.0123 亩) would print 3.01
    plots = np.array([669.4, 669.4, 669.4])
    assert official_mu_array(plots).tolist() == [1.0, 1.0, 1.0]
    assert official_mu(float(printed_m2_array(plots).sum())) == 3.00
    assert official_mu(float(plots.sum())) == 3.01
