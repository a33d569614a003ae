"""Reference values for src/stats (the Rust unit tests quote each call beside its constant).

Run: python3 tests/reference/stats.py   (scipy 1.17.1, statsmodels 0.15.0, numpy 2.4)

Independent of the Rust code: scipy/statsmodels implementations where they
compute the same thing, the spec's formula spelled out on scipy's
distributions where they do not (see the notes by each section).
"""

import math

import numpy as np
from scipy import stats
from statsmodels.stats import proportion, rates

Z_95 = 1.959964  # the spec's constant
# alpha whose two-sided normal quantile is Z_95, so statsmodels uses the same z.
ALPHA_Z95 = 2 * stats.norm.sf(Z_95)


def show(label, value):
    print(f"{label:<72} {float(value)!r}")


print("# dispersion: np.var(c, ddof=1) / np.mean(c)")
for c in ([90, 110, 130], [80, 100, 120], [40, 50, 60], [12, 30, 7, 19, 25, 3]):
    show(f"np.var({c}, ddof=1) / np.mean({c})", np.var(c, ddof=1) / np.mean(c))

print("# Wilson: proportion.proportion_confint(x, n, alpha=0.05, method='wilson'), z = stats.norm.ppf(0.975)")
show("stats.norm.ppf(0.975)", stats.norm.ppf(0.975))
for x, n in [(0, 10), (10, 10), (3, 10), (1, 1000), (500, 1000), (12000, 27000)]:
    ci = proportion.proportion_confint(x, n, alpha=0.05, method="wilson")
    show(f"proportion.proportion_confint({x}, {n}, alpha=0.05, method='wilson')[0]", ci[0])
    show(f"proportion.proportion_confint({x}, {n}, alpha=0.05, method='wilson')[1]", ci[1])

print("# Newcombe: pilot is the FIRST sample (statsmodels computes p1 - p2); alpha = ALPHA_Z95")
show("ALPHA_Z95 = 2*stats.norm.sf(1.959964)", ALPHA_Z95)
for x0, n0, x1, n1 in [(10, 50, 18, 50), (120, 1000, 150, 1000), (0, 20, 20, 20), (20, 20, 0, 20),
                       (5, 10, 5, 10), (0, 20, 0, 20), (3, 7, 0, 5)]:
    print(f"## x0={x0} n0={n0} x1={x1} n1={n1}")
    ci = proportion.confint_proportions_2indep(x1, n1, x0, n0, method="newcomb", compare="diff", alpha=ALPHA_Z95)
    call = f"proportion.confint_proportions_2indep({x1}, {n1}, {x0}, {n0}, method='newcomb', compare='diff', alpha=ALPHA_Z95)"
    show(call + "[0]", ci[0])
    show(call + "[1]", ci[1])
    with np.errstate(all="ignore"):
        z, pv = proportion.proportions_ztest([x1, x0], [n1, n0])
    show(f"proportion.proportions_ztest([{x1}, {x0}], [{n1}, {n0}])[1]", pv)
    show("  d", x1 / n1 - x0 / n0)

print("# Welch from raw values: stats.ttest_ind(pilot, base, equal_var=False)")
for base, pilot in [([2500, 3100, 2800, 4000, 2200], [3000, 3300, 2900, 4100, 3500, 3800]),
                    ([1000, 1400], [1500, 1700]),
                    ([3000, 3000, 3000, 3000, 3000], [2800, 3300, 3100, 2950])]:
    print(f"## base={base} pilot={pilot}")
    show(f"np.mean({base})", np.mean(base))
    show(f"np.var({base}, ddof=1)", np.var(base, ddof=1))
    show(f"np.mean({pilot})", np.mean(pilot))
    show(f"np.var({pilot}, ddof=1)", np.var(pilot, ddof=1))
    r = stats.ttest_ind(pilot, base, equal_var=False)
    ci = r.confidence_interval(0.95)
    show(f"stats.ttest_ind({pilot}, {base}, equal_var=False).pvalue", r.pvalue)
    show("  .df", r.df)
    show("  .confidence_interval(0.95).low", ci.low)
    show("  .confidence_interval(0.95).high", ci.high)

print("# Welch from summaries: stats.ttest_ind_from_stats(pilot..., base..., equal_var=False);")
print("# df by the Welch-Satterthwaite formula in numpy, interval d -/+ stats.t.ppf(0.975, df)*se")
for (n0, m0, v0), (n1, m1, v1) in [((40, 3150.5, 640000.0), (2000, 3290.25, 1.21e6)),
                                   ((100000, 3000.0, 1.0e6), (100000, 3010.0, 1.1e6)),
                                   ((500000000, 3000.0, 1.0e6), (500000000, 3000.2, 1.0e6))]:
    print(f"## base=({n0}, {m0}, {v0}) pilot=({n1}, {m1}, {v1})")
    r = stats.ttest_ind_from_stats(m1, math.sqrt(v1), n1, m0, math.sqrt(v0), n0, equal_var=False)
    a0, a1 = v0 / n0, v1 / n1
    df = (a0 + a1) ** 2 / (a0 ** 2 / (n0 - 1) + a1 ** 2 / (n1 - 1))
    se = math.sqrt(a0 + a1)
    q = stats.t.ppf(0.975, df)
    show(f"stats.ttest_ind_from_stats({m1}, math.sqrt({v1}), {n1}, {m0}, math.sqrt({v0}), {n0}, equal_var=False).pvalue",
         r.pvalue)
    show("  df = (a0+a1)**2/(a0**2/(n0-1)+a1**2/(n1-1))", df)
    show("  t.ppf(0.975, df)", q)
    show("  low = d - t.ppf(0.975, df)*se", (m1 - m0) - q * se)
    show("  high = d + t.ppf(0.975, df)*se", (m1 - m0) + q * se)

