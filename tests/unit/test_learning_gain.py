"""The pre/post statistics against a sample worked by hand, and the confidence interval against
published t tables and an independent simulation (no scipy)."""

from __future__ import annotations

import math
import random

import pytest

from game.classroom.learning_gain import (class_gain, dz_interval, normalised_gain,
                                          noncentral_t_cdf)

# Five students, pre % -> post %, worked by hand:
#   A 40 -> 80: gain 40, g = 40 / (100 - 40) = 40/60 = 0.6667
#   B 50 -> 75: gain 25, g = 25 / 50 = 0.5
#   C 60 -> 70: gain 10, g = 10 / 40 = 0.25
#   D 20 -> 60: gain 40, g = 40 / 80 = 0.5
#   E 100 -> 100: gain 0, g undefined (nothing left to gain): left out of the mean of g
# mean pre = (40 + 50 + 60 + 20 + 100) / 5 = 270 / 5 = 54
# mean post = (80 + 75 + 70 + 60 + 100) / 5 = 385 / 5 = 77
# mean gain = (40 + 25 + 10 + 40 + 0) / 5 = 115 / 5 = 23
# mean of g = (0.6667 + 0.5 + 0.25 + 0.5) / 4 = 1.9167 / 4 = 0.4792
# class-average g (Hake's <g>) = (77 - 54) / (100 - 54) = 23 / 46 = 0.5
# differences minus their mean 23: 17, 2, -13, 17, -23; squares 289, 4, 169, 289, 529, sum 1280
# sd = sqrt(1280 / (5 - 1)) = sqrt(320) = 17.8885
# d_z = 23 / 17.8885 = 1.2857; t = d_z * sqrt(5) = 2.8750 with 4 degrees of freedom
SAMPLE = [(40, 80), (50, 75), (60, 70), (20, 60), (100, 100)]


def test_each_students_normalised_gain():
    assert normalised_gain(40, 80) == pytest.approx(2 / 3)
    assert normalised_gain(60, 70) == pytest.approx(0.25)
    assert normalised_gain(100, 100) is None  # undefined at a perfect pre-check
    assert normalised_gain(80, 60) == pytest.approx(-1.0)  # a loss: (60 - 80) / 20


def test_the_class_summary_of_the_hand_checked_sample():
    gain = class_gain(SAMPLE)
    assert gain.n == 5 and gain.g_students == 4 and gain.ceiling == 1
    assert gain.mean_pre == 54 and gain.mean_post == 77 and gain.mean_gain == 23
    assert gain.mean_g == pytest.approx(1.91667 / 4, abs=1e-4)
    assert gain.class_g == pytest.approx(0.5)
    assert gain.sd_diff == pytest.approx(math.sqrt(320))
    assert gain.d_z == pytest.approx(23 / math.sqrt(320))
    assert gain.d_z == pytest.approx(1.2857, abs=1e-4)


def test_the_interval_of_the_sample_excludes_0_just_as_its_t_test_is_just_significant():
    # t = 2.875 with 4 df is above the tables' 2.776 (two-sided 5 %), so the exact interval's
    # lower end is just above 0; the upper end is where t = 2.875 is the lower 2.5 %.
    gain = class_gain(SAMPLE)
    assert 0 < gain.d_low < 0.05
    assert gain.d_low == pytest.approx(0.0241, abs=1e-3)
    assert gain.d_high == pytest.approx(2.4773, abs=1e-3)
    t = gain.d_z * math.sqrt(5)
    assert noncentral_t_cdf(t, 4, gain.d_low * math.sqrt(5)) == pytest.approx(0.975, abs=1e-6)
    assert noncentral_t_cdf(t, 4, gain.d_high * math.sqrt(5)) == pytest.approx(0.025, abs=1e-6)


@pytest.mark.parametrize("t, df, probability", [
    (2.7764, 4, 0.975), (2.2281, 10, 0.975), (2.0452, 29, 0.975), (12.706, 1, 0.975),
    (1.8125, 10, 0.95), (3.1693, 10, 0.995)])
def test_with_no_noncentrality_it_is_students_t_of_the_published_tables(t, df, probability):
    assert noncentral_t_cdf(t, df, 0) == pytest.approx(probability, abs=2e-4)
    assert noncentral_t_cdf(-t, df, 0) == pytest.approx(1 - probability, abs=2e-4)


@pytest.mark.parametrize("t", [-3.0, -0.4, 0.0, 1.1, 5.0])
def test_with_1_and_2_degrees_of_freedom_it_is_the_closed_forms(t):
    assert noncentral_t_cdf(t, 1, 0) == pytest.approx(0.5 + math.atan(t) / math.pi, abs=1e-7)
    assert noncentral_t_cdf(t, 2, 0) == pytest.approx(0.5 + t / (2 * math.sqrt(2 + t * t)),
                                                      abs=1e-9)


def test_the_noncentral_cdf_agrees_with_a_simulation():
    # T = (Z + delta) / sqrt(V / df), drawn 40,000 times from a fixed seed: the share at or
    # below t has a standard error of about 0.0023, so 0.01 is over four of them.
    rng = random.Random(20260315)
    df, delta, t, draws = 4, 1.2857 * math.sqrt(5), 2.875, 40_000
    below = sum((rng.gauss(0, 1) + delta) / math.sqrt(
        sum(rng.gauss(0, 1) ** 2 for _ in range(df)) / df) <= t for _ in range(draws))
    assert noncentral_t_cdf(t, df, delta) == pytest.approx(below / draws, abs=0.01)


def test_a_large_class_is_near_the_normal_approximation():
    # For n = 30 and d = 0.5 the usual approximation SE = sqrt(1/n + d^2 / (2n)) = 0.1936
    # gives 0.5 -/+ 1.96 * 0.1936 = 0.121 to 0.879; the exact interval is close to it.
    low, high = dz_interval(0.5, 30)
    assert low == pytest.approx(0.121, abs=0.01) and high == pytest.approx(0.879, abs=0.01)


def test_no_effect_size_without_two_paired_students_or_with_no_spread():
    one = class_gain([(40, 80)])
    assert one.n == 1 and one.mean_gain == 40 and one.d_z is None and one.d_low is None
    same = class_gain([(40, 60), (50, 70)])  # every difference 20: sd 0, d_z undefined
    assert same.sd_diff == 0 and same.d_z is None
    assert class_gain([]).n == 0 and class_gain([]).mean_pre is None
