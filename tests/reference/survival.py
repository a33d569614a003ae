"""Reference values for src/evidence/stats/survival.rs (the Rust tests quote each call beside its constant).

Run: python3 tests/reference/survival.py   (lifelines 0.30.3, numpy 2.4.6)
and  Rscript tests/reference/survival.R    (R survival 3.5.3), which checks
the standard errors and the log-log interval a second, independent way.

Two small groups of clients: days from a first visit to the second, or to
the export's end (censored). Ties on purpose: two returns on one day, and a
censoring on the same day as a return (counted at risk on that day).
"""
from lifelines import KaplanMeierFitter

A_DAYS = [5, 12, 12, 20, 20, 28, 35, 35, 41, 60, 60, 75, 90, 90, 120, 150]
A_EVENT = [1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0]
B_DAYS = [7, 14, 30, 30, 45, 45, 45, 60, 80, 100, 130, 160, 160, 200]
B_EVENT = [1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0]
DAYS = [0, 4, 5, 12, 20, 30, 60, 89, 90, 149, 150]


def fit(days, events, label):
    kmf = KaplanMeierFitter(alpha=0.05)
    kmf.fit(days, event_observed=events, label=label)
    return kmf


for name, (d, e) in {"A": (A_DAYS, A_EVENT), "B": (B_DAYS, B_EVENT)}.items():
    kmf = fit(d, e, name)
    print(f"group {name}: day, returned = 1 - kmf.survival_function_at_times(day), "
          "log-log 95% interval = 1 - kmf.confidence_interval_ (upper, lower)")
    ci = kmf.confidence_interval_survival_function_
    for day in DAYS:
        s = float(kmf.survival_function_at_times(day).iloc[0])
        # the interval is a step function too: the last row at or before day
        rows = ci[ci.index <= day]
        lo, hi = rows.iloc[-1, 0], rows.iloc[-1, 1]
        print(f"  ({day}, {1 - s:.12f}, {1 - hi:.12f}, {1 - lo:.12f}),")
