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
Z_POWER_80 = 0.841621
# alpha whose two-sided normal quantile is Z_95, so statsmodels uses the same z.
ALPHA_Z95 = 2 * stats.norm.sf(Z_95)


def show(label, value):
    print(f"{label:<72} {float(value)!r}")


print("# dispersion: np.var(c, ddof=1) / np.mean(c)")
for c in ([90, 110, 130], [80, 100, 120], [40, 50, 60], [12, 30, 7, 19, 25, 3]):
    show(f"np.var({c}, ddof=1) / np.mean({c})", np.var(c, ddof=1) / np.mean(c))

print("# rate ratio, exact (phi = 1). The spec's p doubles the smaller tail;")
print("# statsmodels' exact-cond uses scipy.stats.binomtest (minlike), shown for comparison.")
for x0, k0, x1, k1 in [(3, 1, 7, 1), (290, 3, 192, 2), (12000, 3, 15000, 3), (10, 3, 0, 1), (3, 3, 1, 1),
                       (49800, 1, 50200, 1)]:
    n, pi0 = x0 + x1, k1 / (k0 + k1)
    print(f"## x0={x0} k0={k0} x1={x1} k1={k1}")
    show(f"stats.binom.cdf({x1}, {n}, {k1}/{k0 + k1})", stats.binom.cdf(x1, n, pi0))
    show(f"stats.binom.sf({x1} - 1, {n}, {k1}/{k0 + k1})", stats.binom.sf(x1 - 1, n, pi0))
    p = min(1, 2 * min(stats.binom.cdf(x1, n, pi0), stats.binom.sf(x1 - 1, n, pi0)))
    show("  p (doubled smaller tail)", p)
    res = rates.test_poisson_2indep(x1, k1, x0, k0, method="exact-cond")
    show(f"  rates.test_poisson_2indep({x1}, {k1}, {x0}, {k0}, method='exact-cond').pvalue", res.pvalue)
    lo = stats.beta.ppf(0.025, x1, n - x1 + 1) if x1 > 0 else 0.0
    hi = stats.beta.ppf(0.975, x1 + 1, n - x1)
    show(f"stats.beta.ppf(0.025, {x1}, {n - x1 + 1})", lo)
    show(f"stats.beta.ppf(0.975, {x1 + 1}, {n - x1})", hi)
    cp = proportion.proportion_confint(x1, n, alpha=0.05, method="beta")
    show(f"  proportion.proportion_confint({x1}, {n}, method='beta')[0]", cp[0])
    show(f"  proportion.proportion_confint({x1}, {n}, method='beta')[1]", cp[1])
    show("  RR point", (x1 / k1) / (x0 / k0))
    show("  RR low = lo/(1-lo)*k0/k1", lo / (1 - lo) * k0 / k1)
    show("  RR high = hi/(1-hi)*k0/k1", hi / (1 - hi) * k0 / k1)

print("# rate ratio, exact, lopsided: a few leads on one side (statrs's own Beta quantile is 5e-6 off here)")
for x0, k0, x1, k1 in [(60760, 12, 3, 1), (3, 1, 60760, 1)]:
    n = x0 + x1
    print(f"## x0={x0} k0={k0} x1={x1} k1={k1}")
    lo = stats.beta.ppf(0.025, x1, n - x1 + 1)
    hi = stats.beta.ppf(0.975, x1 + 1, n - x1)
    show(f"stats.beta.ppf(0.025, {x1}, {n - x1 + 1})", lo)
    show(f"stats.beta.ppf(0.975, {x1 + 1}, {n - x1})", hi)
    show("  RR low = lo/(1-lo)*k0/k1", lo / (1 - lo) * k0 / k1)
    show("  RR high = hi/(1-hi)*k0/k1", hi / (1 - hi) * k0 / k1)
    pi0 = k1 / (k0 + k1)
    show(f"  p = min(1, 2*min(stats.binom.cdf({x1}, {n}, {pi0}), stats.binom.sf({x1}-1, {n}, {pi0})))",
         min(1, 2 * min(stats.binom.cdf(x1, n, pi0), stats.binom.sf(x1 - 1, n, pi0))))

print("# rate ratio, quasi-Poisson: statsmodels' wald-log with z = Z_95*sqrt(phi)")
for x0, k0, x1, k1, phi in [(290, 3, 192, 2, 2.5), (10, 3, 0, 1, 2.0), (12000, 3, 15000, 3, 3.0),
                            (3, 1, 7, 1, 1.5), (49800, 1, 50201, 1, 1.0)]:
    c0, c1 = (x0 + 0.5, x1 + 0.5) if x1 == 0 else (x0, x1)
    print(f"## x0={x0} k0={k0} x1={x1} k1={k1} phi={phi} counts {c1} vs {c0}")
    alpha = 2 * stats.norm.sf(Z_95 * math.sqrt(phi))
    ci = rates.confint_poisson_2indep(c1, k1, c0, k0, method="wald-log", alpha=alpha)
    call = (f"rates.confint_poisson_2indep({c1}, {k1}, {c0}, {k0}, method='wald-log', "
            f"alpha=2*stats.norm.sf({Z_95}*math.sqrt({phi})))")
    show(call + "[0]", ci[0])
    show(call + "[1]", ci[1])
    t = rates.test_poisson_2indep(c1, k1, c0, k0, method="wald-log")
    pv = 2 * stats.norm.sf(abs(t.statistic) / math.sqrt(phi))
    show(f"2*stats.norm.sf(abs(rates.test_poisson_2indep({c1}, {k1}, {c0}, {k0}, method='wald-log')"
         f".statistic)/math.sqrt({phi}))", pv)
    show("  RR point", (c1 / k1) / (c0 / k0))

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

print("# MDE = math.expm1((Z_95 + Z_POWER_80)*math.sqrt(phi/m*(1/k1 + 1/k0)))")
for m, phi, k0, k1 in [(100, 1, 3, 1), (100, 4, 3, 1), (50, 1, 3, 1), (50, 2, 3, 1), (100, 2, 3, 2),
                       (100, 1, 12, 1)]:
    show(f"math.expm1(({Z_95} + {Z_POWER_80})*math.sqrt({phi}/{m}*(1/{k1} + 1/{k0})))",
         math.expm1((Z_95 + Z_POWER_80) * math.sqrt(phi / m * (1 / k1 + 1 / k0))))
print("# floor as k1 -> oo: math.expm1((Z_95 + Z_POWER_80)*math.sqrt(phi/(m*k0)))")
show("math.expm1((1.959964 + 0.841621)*math.sqrt(4/(100*3)))",
     math.expm1((Z_95 + Z_POWER_80) * math.sqrt(4 / (100 * 3))))
print("# months to detect +30%: next(k for k in range(1, 61) if MDE(k) <= 0.3), k0 = 3")
for m, phi in [(100, 1), (100, 2), (100, 4), (50, 1), (50, 2)]:
    ks = [k for k in range(1, 61)
          if math.expm1((Z_95 + Z_POWER_80) * math.sqrt(phi / m * (1 / k + 1 / 3))) <= 0.3]
    print(f"m={m} phi={phi}: {ks[0] if ks else None}")
