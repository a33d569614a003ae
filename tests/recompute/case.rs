//! The scenarios the recomputation draws: every value form the grammar
//! allows, model v2's tables and `[retention]`, written out as TOML.

use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;

/// Exact rationals: the independent model's numbers.
pub type Q = BigRational;

pub fn q(n: i64) -> Q {
    Q::from_integer(BigInt::from(n))
}

/// `mantissa × 10^-scale` exactly.
pub fn dec(mantissa: i64, scale: u32) -> Q {
    Q::new(BigInt::from(mantissa), BigInt::from(10).pow(scale))
}

/// The decimal text of `mantissa × 10^-scale`: `-12.345`.
pub fn dec_text(mantissa: i64, scale: u32) -> String {
    let digits = mantissa.unsigned_abs().to_string();
    let scale = scale as usize;
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = padded.split_at(padded.len() - scale);
    let sign = if mantissa < 0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// A number written as `mantissa × 10^-scale`, and how to write it.
#[derive(Debug, Clone)]
pub struct Num {
    pub mantissa: i64,
    pub scale: u32,
    pub style: u8,
}

impl Num {
    pub fn value(&self) -> Q {
        dec(self.mantissa, self.scale)
    }
    /// As a TOML amount: integer, float, exponent or quoted string.
    pub fn amount(&self) -> String {
        let text = dec_text(self.mantissa, self.scale);
        match self.style % 4 {
            0 if self.scale == 0 => text,
            0 | 1 if !text.contains('.') => format!("{text}.0"),
            1 => text,
            2 => format!("{}e-{}", self.mantissa, self.scale),
            _ => format!("\"{text}\""),
        }
    }
    /// As a TOML share, reading the number as a percentage: `"25%"` or 0.25.
    pub fn share(&self) -> String {
        let percent = dec_text(self.mantissa, self.scale);
        if self.style.is_multiple_of(2) {
            format!("\"{percent}%\"")
        } else {
            let fraction = dec_text(self.mantissa, self.scale + 2);
            if fraction.contains('.') {
                fraction
            } else {
                format!("{fraction}.0")
            }
        }
    }
    pub fn signed(&self, suffix: &str) -> String {
        let text = dec_text(self.mantissa, self.scale);
        let sign = if self.mantissa < 0 { "" } else { "+" };
        format!("\"{sign}{text}{suffix}\"")
    }
}

pub fn num(max: i64, max_scale: u32) -> impl Strategy<Value = Num> {
    (0..=max_scale, any::<u8>()).prop_flat_map(move |(scale, style)| {
        let limit = max.saturating_mul(10i64.pow(scale));
        (0..=limit).prop_map(move |mantissa| Num {
            mantissa,
            scale,
            style,
        })
    })
}

pub fn signed_num(max: i64, max_scale: u32) -> impl Strategy<Value = Num> {
    (num(max, max_scale), any::<bool>()).prop_map(|(mut n, negative)| {
        if negative {
            n.mantissa = -n.mantissa;
        }
        n
    })
}

/// How an `[after]` key is written, if at all.
#[derive(Debug, Clone)]
pub enum Change {
    Same,
    Absolute(Num),
    Relative(Num),
    Points(Num),
}

pub fn amount_change(max: i64) -> impl Strategy<Value = Change> {
    prop_oneof![
        Just(Change::Same),
        num(max, 2).prop_map(Change::Absolute),
        signed_num(150, 1).prop_map(Change::Relative),
    ]
}

pub fn rate_change() -> impl Strategy<Value = Change> {
    prop_oneof![
        Just(Change::Same),
        num(100, 1).prop_map(Change::Absolute),
        signed_num(120, 1).prop_map(Change::Relative),
        signed_num(30, 1).prop_map(Change::Points),
    ]
}

/// A `[[costs.item]]`: `from` and `to` are drawn as offsets and fitted to the horizon.
#[derive(Debug, Clone)]
pub struct Item {
    pub setup: Option<Num>,
    pub monthly: Option<Num>,
    pub from: Option<u32>,
    pub length: Option<u32>,
    pub rise: Option<Num>,
}

impl Item {
    /// `from` and `to` within 1..=horizon.
    pub fn span(&self, horizon: u32) -> (u32, u32) {
        let from = self.from.map_or(1, |f| 1 + f % horizon);
        let to = self
            .length
            .map_or(horizon, |l| from + l % (horizon - from + 1));
        (from, to)
    }
}

#[derive(Debug, Clone)]
pub struct Case {
    /// `[retention] repeat_visits`, month 1 after the first visit first.
    pub retention: Option<Vec<Num>>,
    pub capacity: Option<Num>,
    /// Calendar month of projection month 1, and the twelve factors.
    pub seasons: Option<(u32, Vec<Num>)>,
    pub items: Vec<Item>,
    pub months: Option<u32>,
    pub leads: Num,
    pub conversion: Num,
    pub check: Num,
    pub no_show: Option<Num>,
    pub after: (Change, Change, Change, Change),
    pub setup: Option<Num>,
    pub monthly: Option<Num>,
    pub savings: Option<(Num, Num, Num)>,
    pub margin: Option<Num>,
    pub ramp: Option<u32>,
    pub discount: Option<Num>,
}

pub fn item() -> impl Strategy<Value = Item> {
    (
        proptest::option::of(num(30_000, 2)),
        proptest::option::of(num(20_000, 2)),
        proptest::option::of(0u32..40),
        proptest::option::of(0u32..40),
        // Whole percentages keep (1 + rise)^2 within exact arithmetic.
        proptest::option::of(num(30, 0)),
    )
        .prop_map(|(setup, monthly, from, length, rise)| Item {
            setup,
            monthly,
            from,
            length,
            rise,
        })
}

/// A capacity, a seasonal year (start month and factors) and cost lines, each optional.
pub type Tables = (Option<Num>, Option<(u32, Vec<Num>)>, Vec<Item>);

pub fn tables() -> impl Strategy<Value = Tables> {
    (
        proptest::option::of(num(2000, 1)),
        proptest::option::of((1u32..=12, proptest::collection::vec(num(3, 2), 12))),
        proptest::collection::vec(item(), 0..=3),
    )
}

pub fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![
            1 => Just((None, None, Vec::new())),
            2 => tables(),
        ],
        // Up to three visits a client a month, to the cent of a visit; now
        // and then a curve longer than the horizon.
        proptest::option::of(proptest::collection::vec(num(3, 2), 0..=8)),
        (
            proptest::option::of(1u32..=36),
            num(5000, 2),
            num(100, 1),
            num(20000, 2),
            proptest::option::of(num(40, 1)),
        ),
        (
            amount_change(6000),
            rate_change(),
            amount_change(25000),
            rate_change(),
        ),
        (
            proptest::option::of(num(100_000, 2)),
            proptest::option::of(num(60_000, 2)),
            proptest::option::of((num(40, 1), num(2000, 2), num(20_000, 2))),
        ),
        (
            proptest::option::of(num(100, 1)),
            proptest::option::of(0u32..=4),
            proptest::option::of(num(30, 1)),
        ),
    )
        .prop_map(
            |(
                (capacity, seasons, items),
                retention,
                (months, leads, conversion, check, no_show),
                after,
                (setup, monthly, savings),
                (margin, ramp, discount),
            )| Case {
                retention,
                capacity,
                seasons,
                items,
                months,
                leads,
                conversion,
                check,
                no_show,
                after,
                setup,
                monthly,
                savings,
                margin,
                ramp,
                discount,
            },
        )
}

pub fn write_change(out: &mut String, key: &str, change: &Change, rate: bool) {
    let text = match change {
        Change::Same => return,
        Change::Absolute(n) if rate => n.share(),
        Change::Absolute(n) => n.amount(),
        Change::Relative(n) => n.signed("%"),
        Change::Points(n) => n.signed("pp"),
    };
    out.push_str(&format!("{key} = {text}\n"));
}

impl Case {
    pub fn toml(&self) -> String {
        let mut t = String::new();
        if let Some(m) = self.months {
            t.push_str(&format!("[scenario]\nmonths = {m}\n"));
        }
        t.push_str(&format!(
            "[baseline]\nleads = {}\nconversion = {}\naverage_check = {}\n",
            self.leads.amount(),
            self.conversion.share(),
            self.check.amount()
        ));
        if let Some(n) = &self.no_show {
            t.push_str(&format!("no_show_rate = {}\n", n.share()));
        }
        t.push_str("[after]\n");
        let keys = ["leads", "conversion", "average_check", "no_show_rate"];
        let a = &self.after;
        for (i, (key, change)) in keys.iter().zip([&a.0, &a.1, &a.2, &a.3]).enumerate() {
            write_change(&mut t, key, change, i % 2 == 1);
        }
        t.push_str("[costs]\n");
        if let Some(n) = &self.setup {
            t.push_str(&format!("setup = {}\n", n.amount()));
        }
        if let Some(n) = &self.monthly {
            t.push_str(&format!("monthly = {}\n", n.amount()));
        }
        if let Some((h, r, o)) = &self.savings {
            t.push_str(&format!(
                "[savings]\nstaff_hours = {}\nhourly_rate = {}\nother = {}\n",
                h.amount(),
                r.amount(),
                o.amount()
            ));
        }
        t.push_str("[assumptions]\n");
        if let Some(n) = &self.margin {
            t.push_str(&format!("gross_margin = {}\n", n.share()));
        }
        if let Some(r) = self.ramp {
            t.push_str(&format!("ramp_months = {r}\n"));
        }
        if let Some(n) = &self.discount {
            t.push_str(&format!("discount_rate = {}\n", n.share()));
        }
        if let Some(n) = &self.capacity {
            t.push_str(&format!("[capacity]\nvisits = {}\n", n.amount()));
        }
        if let Some((start, factors)) = &self.seasons {
            let factors: Vec<String> = factors.iter().map(Num::amount).collect();
            t.push_str(&format!(
                "[seasonality]\nstart = \"2026-{start:02}\"\nleads = [{}]\n",
                factors.join(", ")
            ));
        }
        let horizon = self.months.unwrap_or(12);
        for (i, item) in self.items.iter().enumerate() {
            t.push_str(&format!("[[costs.item]]\nname = \"Line {}\"\n", i + 1));
            if let Some(n) = &item.setup {
                t.push_str(&format!("setup = {}\n", n.amount()));
            }
            if let Some(n) = &item.monthly {
                t.push_str(&format!("monthly = {}\n", n.amount()));
            }
            let (from, to) = item.span(horizon);
            if item.from.is_some() {
                t.push_str(&format!("from = {from}\n"));
            }
            if item.length.is_some() {
                t.push_str(&format!("to = {to}\n"));
            }
            if let Some(n) = &item.rise {
                t.push_str(&format!("yearly_increase = {}\n", n.share()));
            }
        }
        if let Some(curve) = &self.retention {
            let curve: Vec<String> = curve.iter().map(Num::amount).collect();
            t.push_str(&format!(
                "[retention]\nrepeat_visits = [{}]\n",
                curve.join(", ")
            ));
        }
        t
    }

    pub fn has_tables(&self) -> bool {
        self.capacity.is_some() || self.seasons.is_some() || !self.items.is_empty()
    }
}
