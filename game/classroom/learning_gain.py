"""The statistics of a pre/post check, pure and standard-library only (issue 15, item 4).

Percents run from 0 to 100. For each student: the gain (post - pre, in points of percent) and
Hake's normalised gain g = (post - pre) / (100 - pre), the share of what there was to learn that
was learnt; g is undefined when the pre-check was already 100 %, and such a student is left
out of the mean of g (and counted, so the report can say so).

For the class, both of the usual summaries of g:
- the mean of the students' own g (over those with g defined), and
- the class-average g, Hake's (1998) <g> = (mean post - mean pre) / (100 - mean pre).

The effect size is Cohen's d_z for paired data: the mean of the differences (post - pre)
divided by their standard deviation (n - 1 in the denominator). Its 95 % confidence interval
is exact, by inverting the noncentral t distribution: t = d_z * sqrt(n) follows a noncentral t
with n - 1 degrees of freedom and noncentrality delta = d_z(true) * sqrt(n); the interval is
the two deltas under which the t seen is the 97.5th and the 2.5th percentile, divided by
sqrt(n) (Steiger & Fouladi 1997; Cumming 2012). It needs at least two students with both
checks, and differences that are not all equal.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

CONFIDENCE = 0.95
MIN_PAIRED = 2  # students with both checks needed for an effect size


def percent_of(points: float, available: float) -> float | None:
    return 100 * points / available if available > 0 else None


def normalised_gain(pre: float, post: float) -> float | None:
    """Hake's g for one student, or None when the pre-check was 100 % (nothing left to gain)."""
    if pre >= 100:
        return None
    return (post - pre) / (100 - pre)


@dataclass(frozen=True)
class ClassGain:
    """What a class's paired pre/post percents add up to."""

    n: int  # students with both checks
    mean_pre: float | None
    mean_post: float | None
    mean_gain: float | None  # mean of post - pre, in points of percent
    mean_g: float | None  # mean of the students' own g
    g_students: int  # students whose g is defined (pre below 100 %)
    class_g: float | None  # Hake's <g> from the class means
    sd_diff: float | None
    d_z: float | None  # Cohen's d_z: mean(diff) / sd(diff)
    d_low: float | None  # its 95 % confidence interval (noncentral t)
    d_high: float | None

    @property
    def ceiling(self) -> int:
        """Students left out of the mean of g: their pre-check was 100 %."""
        return self.n - self.g_students


def class_gain(pairs: list[tuple[float, float]]) -> ClassGain:
    """The class's gain from (pre %, post %) pairs, one per student with both checks."""
    n = len(pairs)
    if not n:
        return ClassGain(0, None, None, None, None, 0, None, None, None, None, None)
    pres = [pre for pre, _ in pairs]
    posts = [post for _, post in pairs]
    diffs = [post - pre for pre, post in pairs]
    gs = [g for g in (normalised_gain(pre, post) for pre, post in pairs) if g is not None]
    mean_pre, mean_post = statistics.fmean(pres), statistics.fmean(posts)
    d_z = sd = low = high = None
    if n >= MIN_PAIRED:
        sd = statistics.stdev(diffs)
        if sd > 0:
            d_z = statistics.fmean(diffs) / sd
            low, high = dz_interval(d_z, n)
    return ClassGain(n, mean_pre, mean_post, statistics.fmean(diffs),
                     statistics.fmean(gs) if gs else None, len(gs),
                     normalised_gain(mean_pre, mean_post), sd, d_z, low, high)


def dz_interval(d_z: float, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The confidence interval of d_z from n paired students, by the noncentral t method."""
    df, root_n = n - 1, math.sqrt(n)
    t = d_z * root_n
    tail = (1 - confidence) / 2
    low = noncentrality_for(t, df, 1 - tail)  # the t seen is its upper 2.5 %
    high = noncentrality_for(t, df, tail)  # ... and its lower 2.5 %
    return low / root_n, high / root_n


def noncentrality_for(t: float, df: int, probability: float) -> float:
    """The noncentrality delta at which P(T <= t) = probability (T noncentral t, df). The
    probability falls as delta grows, so bisection finds it."""
    low, high = t - 10 - abs(t), t + 10 + abs(t)
    while noncentral_t_cdf(t, df, low) < probability:
        low -= 10 + abs(low)
    while noncentral_t_cdf(t, df, high) > probability:
        high += 10 + abs(high)
    for _ in range(100):
        middle = (low + high) / 2
        if noncentral_t_cdf(t, df, middle) > probability:
            low = middle
        else:
            high = middle
        if high - low < 1e-9:
            break
    return (low + high) / 2


def noncentral_t_cdf(t: float, df: int, delta: float, steps: int = 1000) -> float:
    """P(T <= t) for T = (Z + delta) / sqrt(V / df), Z standard normal, V chi-square with df
    degrees of freedom: the mean over u = sqrt(V) (a chi variable) of Phi(t * u / sqrt(df) -
    delta), integrated by Simpson's rule where the chi density is not negligible."""
    top = math.sqrt(df) + 12  # the chi density beyond is below 1e-30
    h = top / steps
    log_norm = (df / 2 - 1) * math.log(2) + math.lgamma(df / 2)
    scale = t / math.sqrt(df)
    total = 0.0
    for i in range(steps + 1):
        u = i * h
        if u == 0:
            density = 1 / math.exp(log_norm) if df == 1 else 0.0
        else:
            density = math.exp((df - 1) * math.log(u) - u * u / 2 - log_norm)
        weight = 1 if i in (0, steps) else 4 if i % 2 else 2
        total += weight * density * normal_cdf(scale * u - delta)
    return total * h / 3


def normal_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2))
