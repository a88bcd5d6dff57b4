"""Issue #10's simulation: synthetic students of known ability answer the seed bank in adaptive mode.
Their ratings rank them correctly and their success rate stays in the 65-85% band.

The abilities lie within the bank's range (its questions run from about 1100 to 1800); a student far
outside it cannot be kept in the band by any rule, the bank having nothing that hard or that easy."""
from __future__ import annotations

import statistics

import pytest

from tests.unit.adaptive.simulated import run, spearman

ABILITIES = [1150.0, 1300.0, 1450.0, 1600.0, 1750.0]
DAYS, PER_DAY = 10, 20
WARM_UP = 2 * PER_DAY  # the first two days find the student's level


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ratings_rank_students_and_adaptive_mode_keeps_them_in_the_band(seed):
    students, bank = run(ABILITIES, DAYS, PER_DAY, seed=seed)
    ratings = [s.mean_rating() for s in students]
    rho = spearman(ABILITIES, ratings)
    rates = [statistics.mean(s.outcomes[WARM_UP:]) for s in students]
    print(f"\nseed {seed}: spearman {rho:.2f}")
    for s, rating, rate in zip(students, ratings, rates, strict=True):
        print(f"  ability {s.ability:.0f}  rating {rating:.0f}  success {rate:.1%}  answers {len(s.outcomes)}")
    assert rho == 1.0
    assert all(0.65 <= rate <= 0.85 for rate in rates), rates
    assert 0.72 <= statistics.mean(rates) <= 0.78
    assert statistics.mean(abs(r - a) for r, a in zip(ratings, ABILITIES, strict=True)) < 120
    assert spearman([q.true_rating for q in bank], [q.rating for q in bank]) > 0.6  # questions learn too
