"""Reference values for src/evidence/stats/monthly.rs and the dispersed share
difference (the Rust tests quote each call beside its constant).

Run: python3 tests/reference/monthly.py   (scipy 1.17, statsmodels 0.14+, numpy 2)

Independent of the Rust code: statsmodels' GLM fits the log-linear models
(Pearson scale, scale="X2"), scipy's t distribution gives the quantiles;
the Rust code uses closed forms for the same fits.
"""

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep


def show(label, value):
    print(f"{label:<72} {float(value)!r}")


def qp_ratio(base, pilot, wb=None, wp=None):
    """Quasi-Poisson GLM y ~ pilot with offset ln w; t(df_resid) interval."""
    y = np.array(base + pilot, dtype=float)
    w = np.array((wb or [1.0] * len(base)) + (wp or [1.0] * len(pilot)))
    x = sm.add_constant(np.array([0] * len(base) + [1] * len(pilot), dtype=float))
    fit = sm.GLM(y, x, family=sm.families.Poisson(), offset=np.log(w)).fit(scale="X2")
    b, se, df = fit.params[1], fit.bse[1], fit.df_resid
    t = stats.t.ppf(0.975, df)
    p = 2 * stats.t.sf(abs(b / se), df)
    return fit.scale, df, se, np.exp(b), np.exp(b - t * se), np.exp(b + t * se), p


for case in (
    ([90, 110, 130, 95, 105, 100], [140, 120, 135], None, None),
    ([52, 61, 47], [70], None, None),
    ([1200.5, 980.0, 1510.25, 1100.0], [1705.0, 1420.0], None, None),
    ([90, 110, 130], [150, 160], [0.9, 1.0, 1.1], [1.3, 1.2]),
):
    phi, df, se, rr, lo, hi, p = qp_ratio(*case)
    print(f"# GLM(Poisson, offset=ln w).fit(scale='X2'), t(df_resid): {case}")
    for k, v in zip(("phi", "df", "se", "rr", "low", "high", "p"), (phi, df, se, rr, lo, hi, p)):
        show(f"  {k}", v)


def season(base_now, base_before, pilot_now, pilot_before):
    """count ~ C(calendar) + year + pilot, Poisson, scale X2, t(df_resid)."""
    k0, k1 = len(base_now), len(pilot_now)
    cal = list(range(k0 + k1)) * 2
    year = [1] * (k0 + k1) + [0] * (k0 + k1)
    pilot = ([0] * k0 + [1] * k1) + [0] * (k0 + k1)
    y = np.array(base_now + pilot_now + base_before + pilot_before, dtype=float)
    dummies = np.zeros((len(y), k0 + k1 - 1))
    for i, c in enumerate(cal):
        if c > 0:
            dummies[i, c - 1] = 1
    x = np.column_stack([np.ones(len(y)), dummies, year, pilot])
    fit = sm.GLM(y, x, family=sm.families.Poisson()).fit(scale="X2")
    b, se, df = fit.params[-1], fit.bse[-1], fit.df_resid
    t = stats.t.ppf(0.975, df)
    return fit.scale, df, se, np.exp(b), np.exp(b - t * se), np.exp(b + t * se), 2 * stats.t.sf(abs(b / se), df)


for case in (
    ([90, 110, 130, 95, 105, 100], [80, 100, 125, 90, 100, 95], [160, 150, 140], [120, 118, 110]),
    ([100, 104], [96, 99], [131], [100]),
):
    r = season(*case)
    print(f"# season: GLM count ~ C(cal)+year+pilot, Poisson, scale='X2': {case}")
    for k, v in zip(("phi", "df", "se", "rr", "low", "high", "p"), r):
        show(f"  {k}", v)


def share_phi(base, pilot):
    """Williams/Pearson: GLM Binomial on x/n with var_weights=n (the two-column
    form divides X2 by n), scale X2, held at >= 1."""
    x = np.array([m[0] for m in base + pilot], dtype=float)
    n = np.array([m[1] for m in base + pilot], dtype=float)
    g = sm.add_constant(np.array([0] * len(base) + [1] * len(pilot), dtype=float))
    fit = sm.GLM(x / n, g, family=sm.families.Binomial(), var_weights=n).fit(scale="X2")
    return max(1.0, fit.scale)


for base, pilot in (
    ([(40, 100), (30, 100), (50, 100), (35, 100)], [(45, 100), (20, 100)]),
    ([(38, 95), (41, 102), (39, 99)], [(44, 120)]),
):
    phi = share_phi(base, pilot)
    x0, n0 = sum(m[0] for m in base), sum(m[1] for m in base)
    x1, n1 = sum(m[0] for m in pilot), sum(m[1] for m in pilot)
    lo, hi = confint_proportions_2indep(x1 / phi, n1 / phi, x0 / phi, n0 / phi, method="newcomb", compare="diff", alpha=2 * stats.norm.sf(1.959964))
    p = test_proportions_2indep(x1 / phi, n1 / phi, x0 / phi, n0 / phi, method="score", correction=False).pvalue
    print(f"# share: GLM(Binomial, var_weights=n).fit(scale='X2') max 1; newcomb on x/phi, n/phi: {base} {pilot}")
    show("  phi", phi)
    show("  low", lo)
    show("  high", hi)
    show("  p (pooled score z)", p)

for df in (1, 2, 5, 7, 11, 30):
    show(f"stats.t.ppf(0.975, {df})", stats.t.ppf(0.975, df))
show("2 * stats.t.sf(2.5, 5)", 2 * stats.t.sf(2.5, 5))
