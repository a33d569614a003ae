//! The rules of a scenario applied to a [`Draft`]: every value checked against
//! its key, every change resolved against its baseline, ranges checked at both
//! ends, every problem collected.

use super::Scenario;
use super::draft::Draft;
use super::key::{Key, Kind};
use super::spec::{Slot, Spec};
use super::value::{self, Form, Written};
use crate::forecast::engine::{Funnel, Inputs};
use crate::format::{Fmt, Sign};
use crate::i18n::{f, t};
use crate::input::{Location, Problem};
use rust_decimal::Decimal;

mod tables;

/// Applies every rule to a draft, collecting problems.
pub(super) struct Resolver<'d> {
    draft: &'d Draft,
    /// Resolved ends of the keys given as ranges, for the `[after]` keys that change from them.
    ends: [Option<(Decimal, Decimal)>; Key::ALL.len()],
    /// Which end of a range is being checked, for the message.
    part: Option<String>,
    pub(super) problems: Vec<Problem>,
    missing_table_reported: bool,
}

impl<'d> Resolver<'d> {
    /// A resolver with nothing checked yet.
    pub(super) fn new(draft: &'d Draft) -> Resolver<'d> {
        Resolver {
            draft,
            ends: [None; Key::ALL.len()],
            part: None,
            problems: Vec::new(),
            missing_table_reported: false,
        }
    }

    /// The resolved value of `key`; `base` is the resolved baseline of an
    /// `[after]` key (`Some(None)` when the baseline itself failed). A range
    /// must hold at both ends, and so must a change from a baseline range.
    pub(super) fn resolve(&mut self, key: Key, base: Option<Option<Decimal>>) -> Option<Decimal> {
        let spec = match self.draft.slot(key) {
            Slot::Broken => return None,
            Slot::Given(spec) => spec,
            Slot::Missing => {
                if let Some(base) = base {
                    return base;
                }
                if let Some(default) = key.default_value() {
                    return Some(default);
                }
                self.missing(key);
                return None;
            }
        };
        let base_ends = key.baseline().and_then(|b| self.ends[b.index()?]);
        let is_change = matches!(spec.written.form(), Form::Relative | Form::Points);
        // The common case, and the one sweeps repeat a million times: a single value.
        if spec.range.is_none() && !(base_ends.is_some() && is_change) {
            return self.resolve_written(key, spec, spec.written, base);
        }
        let ends: Vec<(Written, &str)> = match spec.range {
            Some(r) => vec![(r.low, "low"), (r.high, "high")],
            None if base_ends.is_some() && is_change => vec![(spec.written, "")],
            None => vec![],
        };
        let bases: Vec<(Option<Option<Decimal>>, &str)> = match base_ends {
            Some((low, high)) if is_change => {
                vec![(Some(Some(low)), "low"), (Some(Some(high)), "high")]
            }
            _ => vec![(base, "")],
        };
        // The ends come first: every rule is linear, so if they hold, so does
        // every value between them, the point value included.
        let mut seen: Option<(Decimal, Decimal)> = None;
        for (written, end) in &ends {
            for (base, base_end) in &bases {
                let mut part = Vec::new();
                if !end.is_empty() {
                    part.push(f(
                        if *end == "low" {
                            "at its low end {}"
                        } else {
                            "at its high end {}"
                        },
                        &[written],
                    ));
                }
                if !base_end.is_empty() {
                    part.push(
                        t(if *base_end == "low" {
                            "with the baseline at its low end"
                        } else {
                            "with the baseline at its high end"
                        })
                        .to_string(),
                    );
                }
                self.part = Some(part.join(", "));
                let value = self.resolve_written(key, spec, *written, *base);
                self.part = None;
                let value = value?;
                seen = Some(seen.map_or((value, value), |(lo, hi)| (lo.min(value), hi.max(value))));
            }
        }
        let point = self.resolve_written(key, spec, spec.written, base)?;
        if let (Some(_), Some(i)) = (spec.range, key.index()) {
            self.ends[i] = seen;
        }
        Some(point)
    }

    /// The resolved low and high ends of a key given as a range, once resolved.
    pub(super) fn ends(&self, key: Key) -> Option<(Decimal, Decimal)> {
        self.ends[key.index()?]
    }

    /// Applies the key's rules to one written value.
    fn resolve_written(
        &mut self,
        key: Key,
        spec: &Spec,
        written: Written,
        base: Option<Option<Decimal>>,
    ) -> Option<Decimal> {
        let kind = key.kind();
        match (kind, written) {
            (Kind::Months { min, max }, Written::Number(n)) => {
                self.months(key, spec, n, (min, max))
            }
            (Kind::Months { .. }, _) => {
                self.report(
                    key,
                    spec,
                    f("is not a number of months; it takes {}", &[&kind.allowed()]),
                );
                None
            }
            (Kind::Amount | Kind::ChangedAmount, Written::Number(n))
            | (Kind::Factor | Kind::PerClient, Written::Number(n) | Written::Percent(n)) => {
                self.non_negative(key, spec, n)
            }
            (Kind::Rate | Kind::ChangedRate, Written::Number(n) | Written::Percent(n)) => {
                self.in_unit_range(key, spec, n, None)
            }
            (Kind::ChangedAmount, Written::Relative(r)) => {
                self.changed_amount(key, spec, r, base.flatten()?)
            }
            (Kind::ChangedRate, Written::Relative(r)) => {
                self.changed_rate(key, spec, Form::Relative, r, base.flatten()?)
            }
            (Kind::ChangedRate, Written::Points(p)) => {
                self.changed_rate(key, spec, Form::Points, p, base.flatten()?)
            }
            (Kind::Amount | Kind::ChangedAmount, Written::Percent(_) | Written::Points(_)) => {
                let message = if kind == Kind::ChangedAmount {
                    "a percentage without a sign is not an amount"
                } else {
                    "is an amount, not a percentage"
                };
                self.report(
                    key,
                    spec,
                    f("{}; it takes {}", &[&t(message), &kind.allowed()]),
                );
                None
            }
            (
                Kind::Amount | Kind::Rate | Kind::Factor | Kind::PerClient,
                Written::Relative(_) | Written::Points(_),
            ) => {
                self.nothing_to_change_from(key, spec);
                None
            }
        }
    }

    /// A number of months: whole, from `min` to `max`.
    fn months(
        &mut self,
        key: Key,
        spec: &Spec,
        n: Decimal,
        (min, max): (u32, u32),
    ) -> Option<Decimal> {
        let whole = n.fract().is_zero();
        if whole && n >= Decimal::from(min) && n <= Decimal::from(max) {
            return Some(n.trunc());
        }
        let what = if whole {
            "is out of range"
        } else {
            "is not a whole number"
        };
        self.report(
            key,
            spec,
            f("{}; it takes {}", &[&t(what), &key.kind().allowed()]),
        );
        None
    }

    /// An amount changed from its baseline `base` by the share `r`, which
    /// may take it down to zero but not below.
    fn changed_amount(
        &mut self,
        key: Key,
        spec: &Spec,
        r: Decimal,
        base: Decimal,
    ) -> Option<Decimal> {
        let n = self.exact(key, spec, base, value::apply(Form::Relative, r, base))?;
        if n.is_sign_negative() && !n.is_zero() {
            let message = f(
                "would make it negative ({} from {}); a decrease is at most \"-100%\"",
                &[
                    &crate::format::Fmt::messages().count(n, crate::format::Sign::Plain),
                    &crate::format::Fmt::messages().count(base, crate::format::Sign::Plain),
                ],
            );
            self.report(key, spec, message);
            return None;
        }
        Some(n)
    }

    /// A rate changed from its baseline `base` by `change`, relative or in
    /// points (`form`), which must land in 0%–100%; the message then shows
    /// how it got there.
    fn changed_rate(
        &mut self,
        key: Key,
        spec: &Spec,
        form: Form,
        change: Decimal,
        base: Decimal,
    ) -> Option<Decimal> {
        let n = self.exact(key, spec, base, value::apply(form, change, base))?;
        let pct = |d: Decimal| Fmt::messages().percent(d, Sign::Plain);
        let how = || match form {
            Form::Points => format!(
                "{} ({} {} {})",
                pct(n),
                pct(base),
                sign(change),
                Fmt::messages().points(change.abs(), Sign::Plain)
            ),
            _ => f(
                "{} ({} {} {} of it)",
                &[&pct(n), &pct(base), &sign(change), &pct(change.abs())],
            ),
        };
        self.in_unit_range(key, spec, n, Some(&how))
    }

    /// Reports a change where there is nothing to change from: a
    /// `[baseline]` key, or another key outside `[after]`.
    fn nothing_to_change_from(&mut self, key: Key, spec: &Spec) {
        let kind = key.kind();
        let message = if key.path().starts_with("baseline.") {
            f(
                "a change needs something to change from, and [baseline] holds today's figure; it takes {}",
                &[&kind.allowed()],
            )
        } else {
            f(
                "a change needs something to change from; only [after] keys change from the baseline; it takes {}",
                &[&kind.allowed()],
            )
        };
        self.report(key, spec, message);
    }

    fn report(&mut self, key: Key, spec: &Spec, message: String) {
        let message = match &self.part {
            Some(part) => f("{}, {}", &[part, &message]),
            None => message,
        };
        self.problems.push(Problem {
            location: spec.location.clone(),
            key: Some(key.path().to_string()),
            value: Some(
                spec.text
                    .clone()
                    .unwrap_or_else(|| spec.written.to_string()),
            ),
            message,
        });
    }

    fn missing(&mut self, key: Key) {
        match self.draft.baseline_line {
            Some(line) => self.problems.push(Problem {
                location: Location::Line(line),
                key: Some(key.path().to_string()),
                value: None,
                message: f("is required; it takes {}", &[&key.kind().allowed()]),
            }),
            None if !self.missing_table_reported => {
                self.missing_table_reported = true;
                self.problems.push(Problem {
                    location: Location::File,
                    key: Some("baseline".into()),
                    value: None,
                    message: t("the [baseline] table is missing; it holds today's leads, conversion and average_check per month").into(),
                });
            }
            None => {}
        }
    }

    fn non_negative(&mut self, key: Key, spec: &Spec, n: Decimal) -> Option<Decimal> {
        // The key's floor, 0, as the simulation clips to it.
        if n < key.kind().bounds().0 {
            let message = f(
                "must not be negative; it takes {}",
                &[&key.kind().allowed()],
            );
            self.report(key, spec, message);
            return None;
        }
        Some(n)
    }

    fn in_unit_range(
        &mut self,
        key: Key,
        spec: &Spec,
        n: Decimal,
        how: Option<&dyn Fn() -> String>,
    ) -> Option<Decimal> {
        // 0%–100%, the bounds the simulation clips a share to.
        let (low, high) = key.kind().bounds();
        if n >= low && high.is_none_or(|h| n <= h) {
            return Some(n);
        }
        // Worked out only on failure: sweeps resolve valid values millions of times.
        let mut message = match how {
            Some(how) => f("comes out at {}, outside 0%–100%", &[&how()]),
            None => t("is outside 0%–100%").to_string(),
        };
        let bare = matches!(spec.written, Written::Number(_));
        if bare && n > Decimal::ONE && n <= Decimal::ONE_HUNDRED {
            message.push_str(&f(
                " (a bare number is a fraction; did you mean \"{}%\"?)",
                &[&n.normalize()],
            ));
        }
        message.push_str(&f("; it takes {}", &[&key.kind().allowed()]));
        self.report(key, spec, message);
        None
    }

    fn exact(
        &mut self,
        key: Key,
        spec: &Spec,
        base: Decimal,
        result: Option<Decimal>,
    ) -> Option<Decimal> {
        if result.is_none() {
            // The change is refused rather than rounded; the baseline is named
            // since it is often the figure at fault (1e-28 leads, a 27-digit check).
            let message = f(
                "cannot be worked out exactly from the baseline {}: the result would pass 7.9e28 or need more significant digits than exact arithmetic keeps",
                &[&base.normalize()],
            );
            self.report(key, spec, message);
        }
        result
    }
}

fn sign(d: Decimal) -> char {
    if d.is_sign_negative() { '−' } else { '+' }
}

/// Resolution of a whole draft: every rule at once.
impl Draft {
    /// Checks every rule and resolves every change: the scenario, or every problem.
    pub fn resolve(&self, default_name: &str) -> Result<Scenario, Vec<Problem>> {
        let inputs = self.resolve_inputs()?;
        Ok(Scenario {
            name: self
                .name
                .as_ref()
                .map_or_else(|| default_name.to_string(), |t| t.value.clone()),
            currency: self.currency().to_string(),
            inputs,
            ranges: self.ranges().collect(),
        })
    }

    /// The model's inputs alone; allocates nothing when the draft is valid,
    /// which keeps sweeps and solving fast.
    pub fn resolve_inputs(&self) -> Result<Inputs<Decimal>, Vec<Problem>> {
        let mut r = Resolver::new(self);
        let mut value = |key: Key, base: Option<Option<Decimal>>| r.resolve(key, base);
        let months = value(Key::Months, None);
        let b_leads = value(Key::BaselineLeads, None);
        let b_conv = value(Key::BaselineConversion, None);
        let b_check = value(Key::BaselineAverageCheck, None);
        let b_no_show = value(Key::BaselineNoShowRate, None);
        let a_leads = value(Key::AfterLeads, Some(b_leads));
        let a_conv = value(Key::AfterConversion, Some(b_conv));
        let a_check = value(Key::AfterAverageCheck, Some(b_check));
        let a_no_show = value(Key::AfterNoShowRate, Some(b_no_show));
        let setup = value(Key::CostsSetup, None);
        let monthly = value(Key::CostsMonthly, None);
        let hours = value(Key::SavingsStaffHours, None);
        let hourly = value(Key::SavingsHourlyRate, None);
        let other = value(Key::SavingsOther, None);
        let margin = value(Key::GrossMargin, None);
        let ramp = value(Key::RampMonths, None);
        let discount = value(Key::DiscountRate, None);
        let baseline = (|| {
            Some(Funnel {
                leads: b_leads?,
                conversion: b_conv?,
                average_check: b_check?,
                no_show_rate: b_no_show?,
            })
        })();
        let whole = |d: Option<Decimal>| d.and_then(|d| u32::try_from(d.mantissa()).ok());

        let tables = tables::resolve(self, &mut r, whole(months), baseline);
        let inputs = (|| {
            Some(Inputs {
                months: whole(months)?,
                baseline: Funnel {
                    leads: b_leads?,
                    conversion: b_conv?,
                    average_check: b_check?,
                    no_show_rate: b_no_show?,
                },
                after: Funnel {
                    leads: a_leads?,
                    conversion: a_conv?,
                    average_check: a_check?,
                    no_show_rate: a_no_show?,
                },
                setup_cost: setup?,
                monthly_cost: monthly?,
                staff_hours: hours?,
                hourly_rate: hourly?,
                other_savings: other?,
                gross_margin: margin?,
                ramp_months: whole(ramp)?,
                discount_rate: discount?,
                tables: tables?,
            })
        })();
        let mut problems = r.problems;
        problems.extend(self.problems.iter().cloned());
        match inputs {
            Some(inputs) if problems.is_empty() => Ok(inputs),
            // Every `None` above recorded a problem, so the list is not empty.
            _ => {
                problems.sort_by_key(Problem::line);
                Err(problems)
            }
        }
    }
}
