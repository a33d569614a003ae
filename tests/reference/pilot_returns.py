"""Reference values for tests/pilot_returns.rs: the pilot's client returns on
examples/salon-clients.csv, computed from the CSV alone, independent of roi.

Run: python3 tests/reference/pilot_returns.py
     (pandas 2.3.3, lifelines 0.30.3, statsmodels 0.14, numpy 2.4.6)

Baseline 2024-06..2024-11, pilot 2024-12..2025-02, the assistant's records
those whose «Источник» is «AI-ассистент». A client is her phone's ten last
digits (else her name; placeholders left out, as in retention.py); only visits («Клиент пришел») count, dated by «Дата визита»; her
channel is the source of her earliest record (by «Дата создания»). Follow-up
ends at the latest date a record carries (creation, or a visit's date).
New clients of the pilot: first visit in it; the share back within 60 days is
lifelines' KaplanMeierFitter with its log-log interval; the difference's
interval is MOVER from the two. Existing clients: each month with 183 days
of export before it, visits by clients seen before the month, over clients
with a visit in the 183 days before it; the ratio pilot/baseline is the
quasi-Poisson GLM (statsmodels, log link, offset log(active), scale="X2").
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from lifelines import KaplanMeierFitter

df = pd.read_csv("examples/salon-clients.csv", sep=";", dtype=str)
df["created"] = pd.to_datetime(df["Дата создания"], format="%d.%m.%Y %H:%M").dt.normalize()
df["visit"] = pd.to_datetime(df["Дата визита"], format="%d.%m.%Y %H:%M").dt.normalize()
came_all = df[df["Статус визита"] == "Клиент пришел"]
end = max(df["created"].max(), came_all["visit"].max())
first_day = min(df["created"].min(), came_all["visit"].min())
# As tests/reference/retention.py: the phone's last ten digits, else the
# name; the salon's own phone and «Без имени» are placeholders, left out.
digits = df["Телефон"].fillna("").str.replace(r"\D", "", regex=True)
df["key"] = digits.str[-10:].where(digits != "", df["Клиент"])
df = df[df["key"].notna() & ~df["key"].isin(["8632000001", "Без имени"])]
df["ai"] = df["Источник"] == "AI-ассистент"
came = df[df["Статус визита"] == "Клиент пришел"]
channel = df.sort_values(["created"], kind="stable").groupby("key")["ai"].first()
days = came.groupby("key")["visit"].apply(lambda s: sorted(set(s)))
print("end", end.date(), "first", first_day.date())

pilot = (pd.Timestamp("2024-12-01"), pd.Timestamp("2025-03-01"))
rows = []
for key, visits in days.items():
    if pilot[0] <= visits[0] < pilot[1]:
        back = len(visits) > 1 and visits[1] <= end
        t = (visits[1] - visits[0]).days if back else (end - visits[0]).days
        rows.append((channel[key], t, back))
new = pd.DataFrame(rows, columns=["ai", "t", "e"])
est = {}
for ai in (True, False):
    g = new[new["ai"] == ai]
    k = KaplanMeierFitter().fit(g["t"], g["e"])
    s = float(k.survival_function_at_times(60).iloc[0])
    ci = k.confidence_interval_survival_function_
    ci = ci[ci.index <= 60].iloc[-1]
    est[ai] = (1 - s, 1 - ci.iloc[1], 1 - ci.iloc[0])
    print("assistant" if ai else "other", len(g), int(g["e"].sum()), "returned %.10f low %.10f high %.10f" % est[ai])
(pa, la, ua), (pb, lb, ub) = est[True], est[False]
d = pa - pb
print("difference %.10f low %.10f high %.10f" % (d, d - np.hypot(pa - la, ub - pb), d + np.hypot(ua - pa, pb - lb)))

months = []
for m in pd.period_range("2024-06", "2025-02", freq="M"):
    start, nxt = m.start_time, (m + 1).start_time
    since = start - pd.Timedelta(days=183)
    if since < first_day:
        continue
    seen = [v for v in days if v[0] < start]
    active = sum(any(since <= x < start for x in v) for v in seen)
    visits = sum(sum(start <= x < nxt for x in v) for v in seen)
    months.append((str(m), visits, active, m >= pd.Period("2024-12")))
    print(m, visits, active)
y = np.array([r[1] for r in months], float)
X = sm.add_constant(np.array([float(r[3]) for r in months]))
fit = sm.GLM(y, X, family=sm.families.Poisson(), offset=np.log([r[2] for r in months])).fit(scale="X2")
# statsmodels' p is a z test; roi's is Student's t on the residual degrees
# of freedom, since phi is estimated from a handful of months.
p_t = 2 * stats.t.sf(abs(fit.tvalues[1]), fit.df_resid)
print("ratio %.10f phi %.10f p(t, %d df) %.10f" % (np.exp(fit.params[1]), fit.scale, fit.df_resid, p_t))

# A pilot of January–February 2025 read on 28 February is too early: in each
# channel, the longest-followed new client not back yet must reach 60 days.
for ai in (True, False):
    waiting = [(end - v[0]).days for k, v in days.items()
               if channel[k] == ai and pd.Timestamp("2025-01-01") <= v[0] < pd.Timestamp("2025-03-01") and len(v) == 1]
    print("too early:", "assistant" if ai else "other", "longest not back", max(waiting), "days; ready",
          (end + pd.Timedelta(days=60 - max(waiting))).date())
