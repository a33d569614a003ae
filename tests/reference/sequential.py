"""Reference values for src/evidence/stats/sequential.rs (the Rust tests quote each call beside its constant).

Run: python3 tests/reference/sequential.py   (scipy 1.17.1, numpy 2.4.6; about 12 minutes on 2 cores)

Independent of the Rust code, which integrates the sub-densities of the
sequential z-statistics look by look on a grid. Here each look's crossing
chance is one multivariate normal probability instead (scipy's Genz
algorithm, randomized quasi-Monte Carlo, asked for an absolute error of
1e-10), on the joint law of (Z_1, ..., Z_j): corr(Z_i, Z_j) = sqrt(t_i/t_j)
for t_i <= t_j, mean drift*sqrt(t_i). Boundaries are solved one look at a
time with scipy.optimize.brentq, so that

    P(|Z_i| < c_i for i < j, Z_j >= c) = (alpha(t_j) - alpha(t_{j-1})) / 2

(the "scale" side; the "stop" side is its mirror image under no effect),
with the two-sided O'Brien-Fleming-type spending of Lan and DeMets,
alpha(t) = 4*stats.norm.sf(stats.norm.isf(alpha/4)/sqrt(t)) (alpha/2 a side).
The first look needs no integral: c_1 = stats.norm.isf(alpha(t_1)/2).
"""

import math

import numpy as np
from scipy import optimize, stats

ALPHA = 0.05
ABSEPS = 1e-10


def show(label, value):
    print(f"{label:<72} {float(value)!r}", flush=True)


def spending(t, alpha=ALPHA):
    return 4 * stats.norm.sf(stats.norm.isf(alpha / 4) / math.sqrt(t)) if t < 1 else alpha


def joint(t):
    t = np.asarray(t, dtype=float)
    return np.sqrt(np.minimum.outer(t, t) / np.maximum.outer(t, t))


def first_upper(t, c, drift=0.0):
    """P(|Z_i| < c_i for i < j, Z_j >= c_j): first crossing at look j = len(t), on the "scale" side."""
    j = len(t)
    mean = drift * np.sqrt(np.asarray(t, dtype=float))
    if j == 1:
        return stats.norm.sf(c[0] - mean[0])
    low = np.array([-x for x in c[:-1]] + [c[-1]])
    high = np.array(list(c[:-1]) + [np.inf])
    law = stats.multivariate_normal(mean=mean, cov=joint(t), abseps=ABSEPS, releps=0, maxpts=10**8)
    return law.cdf(high, lower_limit=low)


def design(fractions):
    bounds = []
    spent_before = 0.0
    for j, t in enumerate(fractions, start=1):
        spent = spending(t)
        half = (spent - spent_before) / 2
        if j == 1:
            c = stats.norm.isf(half)
        else:
            g = lambda c: first_upper(fractions[:j], bounds + [c]) - half
            c = optimize.brentq(g, 0.5, 10.0, xtol=1e-10, rtol=1e-12)
        bounds.append(c)
        spent_before = spent
    return bounds


def report(name, fractions):
    print(f"# {name}: fractions {fractions!r}")
    bounds = design(fractions)
    for j, (t, c) in enumerate(zip(fractions, bounds), start=1):
        show(f"  look {j}: z", c)
        show(f"  look {j}: nominal p = 2*stats.norm.sf(z)", 2 * stats.norm.sf(c))
        show(f"  look {j}: spent = spending({t!r})", spending(t))
    return bounds


def spent_by(fractions, bounds, abseps):
    """P(|Z_i| >= c_i at some look): the alpha the boundaries actually spend."""
    j = len(fractions)
    c = np.asarray(bounds, dtype=float)
    law = stats.multivariate_normal(mean=np.zeros(j), cov=joint(fractions), abseps=abseps, releps=0, maxpts=10**7)
    return 1 - law.cdf(c, lower_limit=-c)


def power(fractions, bounds, drift):
    return sum(first_upper(fractions[:j], bounds[:j], drift) for j in range(1, len(fractions) + 1))


if __name__ == "__main__":
    show("stats.norm.isf(0.05/4)", stats.norm.isf(0.05 / 4))
    for t in (0.2, 0.5, 0.75):
        show(f"spending({t})", spending(t))
    designs = {}
    for k in range(1, 6):
        designs[k] = report(f"K={k}, equally spaced", [j / k for j in range(1, k + 1)])
    # information_fractions_rate(6, [1, 2, 3]): I(k1) = 6*k1/(6 + k1) = 6/7, 3/2, 2
    rate = [3 / 7, 3 / 4, 1.0]
    report("rate ratio, k0 = 6, looks after 1, 2, 3 months", rate)

    print("# power, K=3 equally spaced, drift = isf(0.025) + isf(0.2) (80% for one look)")
    drift = stats.norm.isf(0.025) + stats.norm.isf(0.2)
    show("drift = stats.norm.isf(0.025) + stats.norm.isf(0.2)", drift)
    show("  one look: stats.norm.sf(stats.norm.isf(0.025) - drift)", stats.norm.sf(stats.norm.isf(0.025) - drift))
    show("  K=3: power([1/3, 2/3, 1], design, drift)", power([1 / 3, 2 / 3, 1.0], designs[3], drift))
    show("  K=5: power([j/5], design, drift)", power([j / 5 for j in range(1, 6)], designs[5], drift))
    show("  K=5: power([j/5], design, 1.5)", power([j / 5 for j in range(1, 6)], designs[5], 1.5))

    # Twelve monthly looks against a one-month baseline: too many dimensions
    # to solve for at 1e-10, but what a set of boundaries spends can be
    # checked at 1e-6. rpact's (tests/reference/sequential.R) drift away
    # from look 6 on, as the information steps shrink, and spend 2e-5 too
    # much; the Rust boundaries spend alpha.
    print("# rate ratio, k0 = 1, looks after 1..12 months: alpha spent by given boundaries (Genz, abseps 1e-6)")
    info = [k / (1 + k) for k in range(1, 13)]
    twelve = [i / info[-1] for i in info]
    rpact = [2.83057844174542, 2.42592885345221, 2.31507190316916, 2.26616836339235, 2.23896303027868,
             2.22171705216169, 2.20983255654573, 2.20115307718515, 2.19453599303961, 2.18930590897799,
             2.18493474274874, 2.18067071586847]
    rust = [2.830578441745264, 2.4259288652615614, 2.3150719128059785, 2.266168362434377, 2.2389630805798504,
            2.221717760804797, 2.209835935422245, 2.201162947543933, 2.194558485716229, 2.1893638524315566,
            2.185172499078929, 2.1817201356817435]
    show("  spent_by(twelve, rpact's criticalValues)", spent_by(twelve, rpact, 1e-6))
    show("  spent_by(twelve, Rust's boundaries)", spent_by(twelve, rust, 1e-6))
