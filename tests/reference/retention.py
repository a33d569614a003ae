"""Reference values for `roi measure --retention` (tests/retention_measure.rs quotes them).

Run: python3 tests/reference/retention.py   (lifelines 0.30.3, pandas 2.3.3)

Reads examples/salon-clients.csv (written by tests/exports/clients.rs) on
its own terms, independently of the Rust code:
  * a client is her phone reduced to its last ten digits; records without a
    phone or name are left out; the salon's own phone (+7 863 200-00-01, on
    150 days) and «Без имени» are placeholders, left out;
  * only visits («Клиент пришел») count, dated by «Дата визита»;
  * follow-up ends at the latest creation date or visit date in the file;
  * a client's channel is the «Источник» of her earliest-created record;
  * the time to return is the days from the first visit to the next visit on
    a later day, censored at the end: lifelines' KaplanMeierFitter per cohort
    (month of the first visit), returned(w) = 1 - S(w), shown only where the
    cohort's earliest client was followed w days;
  * LTV n = revenue of visits in [first, first + n months) per new client,
    shown only when the cohort's latest first visit + n months <= end + 1 day.
"""
import pandas as pd
from lifelines import KaplanMeierFitter

df = pd.read_csv("examples/salon-clients.csv", sep=";", dtype=str)
df["created"] = pd.to_datetime(df["Дата создания"], format="%d.%m.%Y %H:%M").dt.normalize()
df["visit"] = pd.to_datetime(df["Дата визита"], format="%d.%m.%Y %H:%M").dt.normalize()
df["came"] = df["Статус визита"] == "Клиент пришел"
df["amount"] = df["Стоимость"].astype(int)
end = max(df["created"].max(), df.loc[df["came"], "visit"].max())

digits = df["Телефон"].fillna("").str.replace(r"\D", "", regex=True)
df["key"] = digits.str[-10:].where(digits != "", df["Клиент"])
df = df[df["key"].notna()]
df = df[~df["key"].isin(["8632000001", "Без имени"])]

first_record = df.sort_values(["created"], kind="stable").groupby("key").first()
channel = (first_record["Источник"] == "AI-ассистент").map({True: "ai", False: "other"})

visits = df[df["came"]].sort_values("visit")
rows = []
for key, v in visits.groupby("key"):
    first = v["visit"].iloc[0]
    later = v[v["visit"] > first]
    if len(later):
        days, event = (later["visit"].iloc[0] - first).days, 1
    else:
        days, event = (end - first).days, 0
    ltv = {}
    for n in (6, 12):
        inside = v[v["visit"] < first + pd.DateOffset(months=n)]
        ltv[n] = (len(inside), inside["amount"].sum())
    rows.append(dict(key=key, first=first, month=first.strftime("%Y-%m"), days=days,
                     event=event, channel=channel[key], v6=ltv[6][0], r6=ltv[6][1],
                     v12=ltv[12][0], r12=ltv[12][1]))
people = pd.DataFrame(rows)
print(f"end = {end.date()}, clients who came = {len(people)}")

for chan in ("all", "ai", "other"):
    of = people if chan == "all" else people[people["channel"] == chan]
    for month, c in of.groupby("month"):
        kmf = KaplanMeierFitter().fit(c["days"], event_observed=c["event"])
        followed = (end - c["first"].min()).days
        shares = []
        for w in (30, 60, 90, 180, 365):
            s = kmf.survival_function_at_times(w).iloc[0]
            shares.append(None if followed < w or w > c["days"].max() and s > 0 else round(float(1 - s), 8))
        ltv = []
        for n, col in ((6, "r6"), (12, "r12")):
            full = c["first"].max() + pd.DateOffset(months=n) <= end + pd.Timedelta(days=1)
            ltv.append(round(float(c[col].sum() / len(c)), 2) if full else None)
        some = lambda xs: "[" + ", ".join("None" if x is None else f"Some({x!r})" for x in xs) + "]"
        print(f'("{month}", "{chan}", {len(c)}, {some(shares)}, {some(ltv)}),')

# The curve over every cohort: 1 - S at the steps of day 30, 90 and 365.
for chan in ("all", "ai", "other"):
    of = people if chan == "all" else people[people["channel"] == chan]
    kmf = KaplanMeierFitter().fit(of["days"], event_observed=of["event"])
    print(chan, [round(float(1 - kmf.survival_function_at_times(d).iloc[0]), 8) for d in (30, 90, 365)])

# Repeat visits for a scenario: r_k = visits in calendar month M + k by the
# clients whose first visit was in month M, per such client, pooled over the
# cohorts whose month M + k the export covers whole (it ends 2025-02-28, so
# through 2025-02), k = 1..12.
last_full = pd.Period("2025-02", "M")
people["cohort"] = people["first"].dt.to_period("M")
visits = visits.assign(m=visits["visit"].dt.to_period("M"))
r = []
for k in range(1, 13):
    cohorts = people[people["cohort"] + k <= last_full]
    if cohorts.empty:
        break
    n = 0
    for cohort, c in cohorts.groupby("cohort"):
        n += (visits["key"].isin(c["key"]) & (visits["m"] == cohort + k)).sum()
    r.append(round(float(n / len(cohorts)), 3))
print("repeat_visits =", r)
