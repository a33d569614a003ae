"""Reference values for src/evidence/stats/randomisation.rs (the Rust tests
quote each result beside its constant).

Run: python3 tests/reference/switchback.py   (statsmodels 0.15, numpy 2)

Independent of the Rust code: every assignment of a small switchback design
is enumerated with itertools.product, the washout and the strata are worked
out afresh for each, and "at least as extreme" is decided in exact rational
arithmetic (fractions.Fraction), so the counts must equal the Rust ones
exactly. The quasi-Poisson interval is statsmodels' GLM with a dummy for
each stratum (Pearson scale, scale="X2").
"""

import itertools
from fractions import Fraction

import numpy as np
import statsmodels.api as sm
from scipy import stats


def lcg_counts(n, seed, base, spread=7):
    """Deterministic counts with a weekday pattern, pasted into the Rust test."""
    out, x = [], seed
    for i in range(n):
        x = (1103515245 * x + 12345) % 2**31
        out.append(base[i % 7] + (x >> 8) % spread)
    return out


def with_effect(values, design, w, extra):
    """The on days of assignment w get `extra` more."""
    unit, _, pairs, units = design
    arm = [False] * units
    for p, (a, b) in enumerate(pairs):
        arm[a], arm[b] = bool(w >> p & 1), not (w >> p & 1)
    return [v + extra if arm[unit[i]] else v for i, v in enumerate(values)]


def day_design(days):
    """Units are days; pair (14b + w, 14b + 7 + w); the stratum is the pair."""
    pairs = [(14 * b + w, 14 * b + 7 + w) for b in range(days // 14) for w in range(7)]
    unit = list(range(days))
    stratum = [None] * days
    for p, (a, b) in enumerate(pairs):
        stratum[a] = stratum[b] = p
    return unit, stratum, pairs, days


def week_design(weeks):
    """Units are weeks; pair (2b, 2b + 1); the stratum is (pair, weekday)."""
    pairs = [(2 * b, 2 * b + 1) for b in range(weeks // 2)]
    unit = [i // 7 for i in range(7 * weeks)]
    stratum = [(i // 14) * 7 + i % 7 for i in range(7 * weeks)]
    return unit, stratum, pairs, weeks


def sums(design, bits, values, washout):
    unit, stratum, pairs, units = design
    arm = [False] * units
    for p, (a, b) in enumerate(pairs):
        arm[a], arm[b] = bits[p], not bits[p]
    kept, since, before = [], None, False
    for i in range(len(unit)):
        on = arm[unit[i]]
        since = 0 if on != before else (None if since is None else since + 1)
        before = on
        kept.append(since is None or since >= washout)
    n = max(stratum) + 1
    on_v, off_v, dropped = [None] * n, [None] * n, [False] * n
    for i in range(len(unit)):
        s = stratum[i]
        if not kept[i]:
            dropped[s] = True
        elif arm[unit[i]]:
            on_v[s] = values[i]
        else:
            off_v[s] = values[i]
    used = [on_v[s] is not None and off_v[s] is not None and not dropped[s] for s in range(n)]
    on = sum(Fraction(on_v[s]) for s in range(n) if used[s])
    off = sum(Fraction(off_v[s]) for s in range(n) if used[s])
    strata = [(on_v[s], off_v[s]) for s in range(n) if used[s]]
    return on, off, strata


def distance(on, off):
    """|ln(on/off)| as an exact comparable: (max, min), infinite when min is 0."""
    if on == off:
        return (Fraction(1), Fraction(1))
    return (max(on, off), min(on, off))


def at_least(a, b):
    """distance a >= distance b, exactly: max_a / min_a >= max_b / min_b."""
    return a[0] * b[1] >= b[0] * a[1]


def exact_p(design, observed_bits, values, washout):
    on, off, _ = sums(design, observed_bits, values, washout)
    obs = distance(on, off)
    extreme = total = 0
    for bits in itertools.product([False, True], repeat=len(design[2])):
        # itertools gives the first pair's bit first; the Rust word has it as bit 0.
        o, f, _ = sums(design, list(bits), values, washout)
        total += 1
        extreme += at_least(distance(o, f), obs)
    return on, off, extreme, total


def word(bits):
    return sum(1 << p for p, b in enumerate(bits) if b)


def glm_interval(strata):
    y, x, dummies = [], [], []
    for s, (a, b) in enumerate(strata):
        for value, treated in ((a, 1), (b, 0)):
            y.append(value)
            x.append(treated)
            row = [0] * len(strata)
            row[s] = 1
            dummies.append(row)
    X = np.column_stack([np.array(x, float), np.array(dummies, float)])
    fit = sm.GLM(np.array(y, float), X, family=sm.families.Poisson()).fit(scale="X2")
    b, se, df = fit.params[0], fit.bse[0], fit.df_resid
    t = stats.t.ppf(0.975, df)
    # Quasi-Poisson never narrows below Poisson: with a Pearson scale under 1
    # the interval is the Poisson one (scale 1) on the same t.
    se1 = se / np.sqrt(fit.scale) * np.sqrt(max(1.0, fit.scale))
    return fit.scale, df, se1, np.exp(b - t * se1), np.exp(b + t * se1)


W0 = 0b10110011100101
V0 = with_effect(lcg_counts(28, 7, [9, 14, 12, 11, 15, 19, 6], 15), day_design(28), W0, 4)
CASES = [
    ("days 28, washout 0", day_design(28), 0, V0, W0),
    ("days 28, washout 1", day_design(28), 1, V0, W0),
    ("weeks 8, washout 1", week_design(8), 1, lcg_counts(56, 11, [9, 14, 12, 11, 15, 19, 6]), 0b0110),
    ("weeks 12, washout 0", week_design(12), 0, lcg_counts(84, 3, [4, 6, 5, 5, 7, 9, 2]), 0b101101),
]

for name, design, washout, values, w in CASES:
    bits = [bool(w >> p & 1) for p in range(len(design[2]))]
    on, off, extreme, total = exact_p(design, bits, values, washout)
    print(f"# {name}: word {w:#b}")
    print(f"  values = {values}")
    print(f"  on = {on}, off = {off}, extreme = {extreme} of {total}, p = {extreme / total!r}")

_, design, washout, values, w = CASES[0]
bits = [bool(w >> p & 1) for p in range(len(design[2]))]
_, _, strata = sums(design, bits, values, washout)
phi, df, se, lo, hi = glm_interval(strata)
print("# GLM(Poisson, stratum dummies).fit(scale='X2'), t(df_resid) 95% interval with max(1, scale), case 0")
print(f"  pearson = {float(phi)!r}, df = {int(df)!r}, se = {float(se)!r}, low = {float(lo)!r}, high = {float(hi)!r}")
