"""Reference values for tests/pilot.rs on the shipped salon
(examples/salon-deals.csv, baseline 2025-06..2025-11, pilot 2025-12..2026-02).

Run: python3 tests/reference/pilot_salon.py   (scipy 1.17, statsmodels 0.14+)

The monthly figures are the export's as `roi measure -f json` counts them
(tests/measure.rs checks that count against pandas); from there on every
figure is statsmodels' or scipy's, not the Rust code's.
"""

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep

# month: (leads, bookings, visits, no_shows, revenue)
M = {'2024-06': (86, 28, 19, 6, 42073.5), '2024-07': (91, 33, 24, 4, 52262.5), '2024-08': (84, 31, 22, 6, 50582.0), '2024-09': (93, 37, 27, 6, 55643.5), '2024-10': (95, 34, 25, 6, 56793.0), '2024-11': (112, 40, 25, 6, 49243.5), '2024-12': (82, 28, 21, 4, 50694.0), '2025-01': (88, 34, 18, 6, 38643.0), '2025-02': (104, 28, 20, 7, 41053.5), '2025-03': (89, 25, 15, 6, 33111.5), '2025-04': (92, 38, 30, 3, 64693.5), '2025-05': (87, 30, 24, 1, 50393.5), '2025-06': (94, 42, 30, 7, 65394.5), '2025-07': (83, 32, 16, 9, 38243.0), '2025-08': (90, 33, 17, 8, 33684.0), '2025-09': (97, 39, 26, 6, 49684.0), '2025-10': (92, 29, 21, 5, 47473.0), '2025-11': (99, 38, 23, 8, 51102.0), '2025-12': (131, 47, 34, 9, 62942.0), '2026-01': (112, 39, 26, 10, 53531.0), '2026-02': (118, 47, 32, 8, 72423.0)}
BASE = ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11']
PILOT = ['2025-12', '2026-01', '2026-02']
BASE_1 = ['2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11']
PILOT_1 = ['2024-12', '2025-01', '2025-02']


def show(label, value):
    print(f"{label:<60} {float(value)!r}")


def qp(col, base, pilot, alpha=0.05):
    y = np.array([M[m][col] for m in base + pilot], dtype=float)
    x = sm.add_constant(np.array([0] * len(base) + [1] * len(pilot), dtype=float))
    fit = sm.GLM(y, x, family=sm.families.Poisson()).fit(scale="X2")
    b, se, df = fit.params[1], fit.bse[1], fit.df_resid
    t = stats.t.ppf(1 - alpha / 2, df)
    return fit.scale, np.expm1(b), np.expm1(b - t * se), np.expm1(b + t * se), 2 * stats.t.sf(abs(b / se), df)


def season(col, alpha=0.05):
    k0, k1 = len(BASE), len(PILOT)
    y = np.array([M[m][col] for m in BASE + PILOT + BASE_1 + PILOT_1], dtype=float)
    n = k0 + k1
    cal = np.zeros((2 * n, n - 1))
    for i in range(2 * n):
        c = i % n
        if c > 0:
            cal[i, c - 1] = 1
    year = np.array([1] * n + [0] * n, dtype=float)
    pilot = np.array([0] * k0 + [1] * k1 + [0] * n, dtype=float)
    x = np.column_stack([np.ones(2 * n), cal, year, pilot])
    fit = sm.GLM(y, x, family=sm.families.Poisson()).fit(scale="X2")
    b, se, df = fit.params[-1], fit.bse[-1], fit.df_resid
    t = stats.t.ppf(1 - alpha / 2, df)
    return fit.scale, np.expm1(b), np.expm1(b - t * se), np.expm1(b + t * se), 2 * stats.t.sf(abs(b / se), df)


for name, col in (("leads", 0), ("bookings", 1), ("visits", 2), ("revenue", 4)):
    print(f"# {name}: GLM(Poisson).fit(scale='X2'), y ~ pilot; t(df_resid)")
    for k, v in zip(("phi", "change", "low", "high", "p"), qp(col, BASE, PILOT)):
        show(f"  {name} {k}", v)
for name, col in (("leads", 0), ("bookings", 1), ("visits", 2)):
    print(f"# {name} against a year earlier: count ~ C(calendar) + year + pilot")
    for k, v in zip(("phi", "change", "low", "high", "p"), season(col)):
        show(f"  {name} {k}", v)
for name, col in (("bookings", 1), ("visits", 2)):
    print(f"# guardrail {name} against a year earlier, at 99% (alpha = 0.01)")
    for k, v in zip(("phi", "change", "low", "high", "p"), season(col, alpha=0.01)):
        show(f"  {name} {k}", v)


def share(xcol, ncols):
    def xn(months):
        x = np.array([M[m][xcol] for m in months], dtype=float)
        n = np.array([sum(M[m][c] for c in ncols) for m in months], dtype=float)
        return x, n
    x0, n0 = xn(BASE)
    x1, n1 = xn(PILOT)
    x, n = np.concatenate([x0, x1]), np.concatenate([n0, n1])
    g = sm.add_constant(np.array([0] * len(x0) + [1] * len(x1), dtype=float))
    fit = sm.GLM(x / n, g, family=sm.families.Binomial(), var_weights=n).fit(scale="X2")
    phi = max(1.0, fit.scale)
    lo, hi = confint_proportions_2indep(x1.sum() / phi, n1.sum() / phi, x0.sum() / phi, n0.sum() / phi,
                                        method="newcomb", compare="diff", alpha=2 * stats.norm.sf(1.959964))
    return phi, x1.sum() / n1.sum() - x0.sum() / n0.sum(), lo, hi


print("# conversion: Williams phi = max(1, GLM(Binomial, var_weights=n) X2 scale); newcomb on x/phi")
for k, v in zip(("phi", "change", "low", "high"), share(1, (0,))):
    show(f"  conversion {k}", v)
print("# no-show rate: no_shows of (visits + no_shows)")
for k, v in zip(("phi", "change", "low", "high"), share(3, (2, 3))):
    show(f"  no_show_rate {k}", v)


def detectable(phi, phi_df, known, expected, df):
    """The rise at which the power is 0.8 at phi = phi_hat*phi_df/median(chi2(phi_df)),
    the middle of what the baseline allows; power at phi is
    norm.cdf(l/sqrt(phi*(known + 1/(expected*e^l))) - t.ppf(0.975, df)); brentq on l."""
    from scipy.optimize import brentq
    crit = stats.t.ppf(0.975, df)
    mid = phi * phi_df / stats.chi2.median(phi_df) if phi_df > 0 else phi
    def power(l):
        return stats.norm.cdf(l / np.sqrt(mid * (known + 1 / (expected * np.exp(l)))) - crit)
    return np.expm1(brentq(lambda l: power(l) - 0.8, 1e-9, 10))


# Planning against a year earlier: phi from the baseline's year pairs (>= 1).
now = np.array([M[m][0] for m in BASE], dtype=float)
before = np.array([M[m][0] for m in BASE_1], dtype=float)
share0 = now.sum() / (now.sum() + before.sum())
pear = (((now - (now + before) * share0) ** 2) / ((now + before) * share0 * (1 - share0))).sum()
phi = pear / (len(BASE) - 1)
show("# planning phi (year pairs, 5 degrees of freedom)", phi)
after = ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05']
for k in (1, 2, 3, 6):
    b1 = sum(M[m][0] for m in after[:k])
    u = detectable(phi, 5, 1 / now.sum() + 1 / before.sum() + 1 / b1, b1 * now.sum() / before.sum(), 6 + k - 2)
    show(f"  detectable rise, {k}-month pilot", u)
