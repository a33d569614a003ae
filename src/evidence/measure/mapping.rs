//! What a profile cannot know, said by the user: which column is which, which
//! status text is which outcome, which records the assistant brought.
//! Read from a `--map` TOML file and `--ai` flags, checked once into a [`Mapping`].

use super::cell::{DateFormat, Order};
use super::profile::{Field, Outcome, System, Total};
use crate::i18n::{f, t};
use crate::input::{LineIndex, Location, Problem, ScenarioError, Source, clip, line_of};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// Which records the assistant brought: any one condition is enough.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AiRule {
    /// The conditions, each on one column.
    pub conditions: Vec<Condition>,
}

/// One test of one column's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The column's header as written in the file.
    pub column: String,
    /// What its text must be.
    pub test: Test,
}

/// How a cell's text is tested; case and `ё`/`е` never matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// The text, or one of its comma-separated items (a tag list), is one of these.
    Equals(Vec<String>),
    /// The text contains this.
    Contains(String),
}

impl AiRule {
    /// Whether a rule was given at all.
    pub fn is_set(&self) -> bool {
        !self.conditions.is_empty()
    }

    /// Reads `--ai COLUMN=VALUE` (equals) and `--ai COLUMN~TEXT` (contains).
    pub fn from_flags(flags: &[String]) -> Result<AiRule, Problem> {
        let mut rule = AiRule::default();
        for flag in flags {
            let at = flag.find(['=', '~']).ok_or_else(|| Problem {
                location: Location::Flag("--ai"),
                key: None,
                value: Some(flag.clone()),
                message: t(
                    "write COLUMN=VALUE (the column's text is VALUE) or COLUMN~TEXT (it contains TEXT), like --ai \"Источник=AI-ассистент\"",
                )
                .into(),
            })?;
            let (column, value) = (flag[..at].trim(), flag[at + 1..].trim());
            if column.is_empty() || value.is_empty() {
                return Err(Problem {
                    location: Location::Flag("--ai"),
                    key: None,
                    value: Some(flag.clone()),
                    message: t("both the column and the value must be given").into(),
                });
            }
            let test = if flag.as_bytes()[at] == b'=' {
                Test::Equals(vec![value.to_string()])
            } else {
                Test::Contains(value.to_string())
            };
            rule.conditions.push(Condition {
                column: column.to_string(),
                test,
            });
        }
        Ok(rule)
    }
}

/// A checked mapping file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// The system it is for, if it says.
    pub source: Option<System>,
    /// Record fields and their headers.
    pub fields: BTreeMap<Field, String>,
    /// Monthly columns and their headers; `.1` is the assistant's share (`ai_leads`).
    pub totals: BTreeMap<(Total, bool), String>,
    /// Status texts as written and their outcomes.
    pub statuses: Vec<(String, Outcome)>,
    /// Which records are the assistant's.
    pub ai: AiRule,
    /// Seconds east of UTC for Unix timestamps.
    pub utc_offset: Option<i32>,
    /// `[dates] order`: the order of day and month in `a/b/YYYY` dates.
    pub date_order: Option<Order>,
    /// `[dates] format`: the dates' own format, for any other form.
    pub date_format: Option<DateFormat>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    source: Option<Spanned<String>>,
    columns: Option<BTreeMap<String, Spanned<String>>>,
    status: Option<BTreeMap<String, Spanned<String>>>,
    ai: Option<Spanned<RawAi>>,
    dates: Option<RawDates>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAi {
    column: Option<Spanned<String>>,
    equals: Option<Spanned<OneOrMany>>,
    contains: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDates {
    utc_offset: Option<Spanned<String>>,
    order: Option<Spanned<String>>,
    format: Option<Spanned<String>>,
}

/// Every `[columns]` key a mapping file may use.
pub fn column_keys() -> Vec<String> {
    let mut keys: Vec<String> = Field::ALL.iter().map(|f| f.key().to_string()).collect();
    for total in Total::ALL {
        keys.push(total.key().to_string());
        if total != Total::Month {
            keys.push(format!("ai_{}", total.key()));
        }
    }
    keys
}

impl Mapping {
    /// Reads and checks a mapping file; every mistake is reported at once.
    pub fn parse(source: &Source) -> Result<Mapping, ScenarioError> {
        let text = &source.text;
        let fail = |problems: Vec<Problem>| ScenarioError {
            file: source.name.clone(),
            variant: None,
            problems,
        };
        let raw: RawMapping = toml::from_str(text).map_err(|e| {
            fail(vec![Problem {
                location: e.span().map_or(Location::File, |span| line(text, span)),
                key: None,
                value: None,
                message: f(
                    "{} (a mapping file has [columns], [status], [ai] and [dates]; `roi measure --source bitrix24 --print-map` prints one to start from)",
                    &[&crate::input::toml_reason(e.message())],
                ),
            }])
        })?;
        let mut check = Check {
            lines: LineIndex::new(text),
            mapping: Mapping::default(),
            problems: Vec::new(),
        };
        if let Some(s) = raw.source {
            check.source(s);
        }
        for (key, header) in raw.columns.unwrap_or_default() {
            check.column(key, header);
        }
        for (status, outcome) in raw.status.unwrap_or_default() {
            check.status(status, outcome);
        }
        if let Some(ai) = raw.ai {
            check.ai(ai);
        }
        if let Some(dates) = raw.dates {
            if let Some(offset) = dates.utc_offset {
                check.utc_offset(offset);
            }
            if let Some(order) = dates.order {
                check.date_order(order);
            }
            if let Some(format) = dates.format {
                check.date_format(format);
            }
        }
        let Check {
            mapping,
            mut problems,
            ..
        } = check;
        if problems.is_empty() {
            Ok(mapping)
        } else {
            problems.sort_by_key(Problem::line);
            Err(fail(problems))
        }
    }
}

/// Where a span of the file is, for a problem's location.
fn line(text: &str, span: std::ops::Range<usize>) -> Location {
    Location::Line(line_of(text, span.start))
}

/// A mapping file's sections being checked one by one: what they say so
/// far, and every mistake found, so all are reported together.
struct Check {
    /// Where the file's lines start, for the lines of its mistakes: one
    /// pass over the text however many mistakes it holds.
    lines: LineIndex,
    mapping: Mapping,
    problems: Vec<Problem>,
}

impl Check {
    /// The line a value's span starts on.
    fn at(&self, span: std::ops::Range<usize>) -> Location {
        Location::Line(self.lines.line(span.start))
    }

    /// `source = "…"`: one of the systems this tool knows.
    fn source(&mut self, s: Spanned<String>) {
        let systems = [
            System::Bitrix24,
            System::AmoCrm,
            System::Yclients,
            System::Monthly,
        ];
        match systems
            .iter()
            .find(|sys| sys.name() == s.get_ref().as_str())
        {
            Some(sys) => self.mapping.source = Some(*sys),
            None => self.problems.push(Problem {
                location: self.at(s.span()),
                key: Some("source".into()),
                value: Some(format!("\"{}\"", s.get_ref())),
                message: f(
                    "not a system this tool knows; it takes {}",
                    &[&"bitrix24, amocrm, yclients, monthly"],
                ),
            }),
        }
    }

    /// One `[columns]` entry: a record field's or a monthly total's header.
    fn column(&mut self, key: String, header: Spanned<String>) {
        let field = Field::ALL.into_iter().find(|f| f.key() == key);
        let total = Total::ALL.into_iter().find_map(|tot| {
            if tot.key() == key {
                Some((tot, false))
            } else if tot != Total::Month && key.strip_prefix("ai_") == Some(tot.key()) {
                Some((tot, true))
            } else {
                None
            }
        });
        let name = header.get_ref().trim().to_string();
        if name.is_empty() {
            self.problems.push(Problem {
                location: self.at(header.span()),
                key: Some(format!("columns.{key}")),
                value: Some("\"\"".into()),
                message: t("give the column's header as it is written in the file").into(),
            });
            return;
        }
        match (field, total) {
            (Some(field), _) => {
                self.mapping.fields.insert(field, name);
            }
            (None, Some(total)) => {
                self.mapping.totals.insert(total, name);
            }
            (None, None) => self.problems.push(Problem {
                location: self.at(header.span()),
                key: Some(format!("columns.{key}")),
                value: None,
                message: unknown_column(&key),
            }),
        }
    }

    /// One `[status]` entry: a status text as written and its outcome.
    fn status(&mut self, status: String, outcome: Spanned<String>) {
        match Outcome::from_name(outcome.get_ref()) {
            Some(o) => self.mapping.statuses.push((status, o)),
            None => self.problems.push(Problem {
                location: self.at(outcome.span()),
                key: Some(format!("status.\"{}\"", clip(&status))),
                value: Some(format!("\"{}\"", clip(outcome.get_ref()))),
                message: f("an outcome is one of: {}", &[&outcome_names()]),
            }),
        }
    }

    /// `[ai]`: a column and one test of its text, added to the rule.
    fn ai(&mut self, ai: Spanned<RawAi>) {
        let span = ai.span();
        let ai = ai.into_inner();
        let test = match (ai.equals, ai.contains) {
            (Some(e), None) => Some(Test::Equals(match e.into_inner() {
                OneOrMany::One(v) => vec![v],
                OneOrMany::Many(v) => v,
            })),
            (None, Some(c)) => Some(Test::Contains(c.into_inner())),
            _ => None,
        };
        match (ai.column, test) {
            (Some(column), Some(test)) => self.mapping.ai.conditions.push(Condition {
                column: column.into_inner(),
                test,
            }),
            _ => self.problems.push(Problem {
                location: self.at(span),
                key: Some("ai".into()),
                value: None,
                message: t(
                    "[ai] takes a column and either equals = [\"…\"] (the cell is one of these) or contains = \"…\"",
                )
                .into(),
            }),
        }
    }

    /// `[dates] utc_offset`: the zone Unix timestamps are read in.
    fn utc_offset(&mut self, offset: Spanned<String>) {
        match parse_offset(offset.get_ref()) {
            Some(secs) => self.mapping.utc_offset = Some(secs),
            None => self.problems.push(Problem {
                location: self.at(offset.span()),
                key: Some("dates.utc_offset".into()),
                value: Some(format!("\"{}\"", offset.get_ref())),
                message: t("an offset from UTC like \"+03:00\" (Moscow) or \"+05:00\"").into(),
            }),
        }
    }
}

impl Check {
    /// `[dates] order`: `dmy`, `mdy` or `ymd`.
    fn date_order(&mut self, order: Spanned<String>) {
        match Order::from_name(order.get_ref()) {
            Some(o) => self.mapping.date_order = Some(o),
            None => self.problems.push(Problem {
                location: self.at(order.span()),
                key: Some("dates.order".into()),
                value: Some(format!("\"{}\"", clip(order.get_ref()))),
                message: t(
                    "one of \"dmy\" (31/01/2025), \"mdy\" (01/31/2025) or \"ymd\" (2025/01/31)",
                )
                .into(),
            }),
        }
    }

    /// `[dates] format`: a strftime-like format with day, month and year.
    fn date_format(&mut self, format: Spanned<String>) {
        match DateFormat::parse(format.get_ref()) {
            Ok(f) => self.mapping.date_format = Some(f),
            Err(why) => self.problems.push(Problem {
                location: self.at(format.span()),
                key: Some("dates.format".into()),
                value: Some(format!("\"{}\"", clip(format.get_ref()))),
                message: t(why).into(),
            }),
        }
    }
}

/// The message for a `[columns]` key that is neither a field nor a total:
/// the nearest key, if one is near, and every key there is.
fn unknown_column(key: &str) -> String {
    let keys = column_keys();
    let near = crate::input::nearest(key, keys.iter().map(String::as_str));
    let mut message = t("unknown column key").to_string();
    if let Some(n) = near.first() {
        message.push_str(&f(" (did you mean `{}`?)", &[n]));
    }
    message.push_str(&f(". Keys: {}", &[&keys.join(", ")]));
    message
}

/// `lost, open, booked, visited, no_show`; in Russian each with its meaning,
/// `lost (отказ), …`, since the values stay English in the file and a
/// Russian owner cannot fill in a `[status]` block without knowing them.
pub fn outcome_names() -> String {
    Outcome::ALL
        .map(|o| match crate::i18n::current() {
            crate::i18n::Lang::En => o.name().to_string(),
            crate::i18n::Lang::Ru => format!("{} ({})", o.name(), t(o.meaning())),
        })
        .join(", ")
}

/// `+03:00` → 10800 seconds.
fn parse_offset(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=14).contains(&h) && (0..60).contains(&m)).then_some(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Mapping, ScenarioError> {
        Mapping::parse(&Source {
            name: "map.toml".into(),
            text: text.into(),
        })
    }

    #[test]
    fn reads_the_issue_example() {
        let m = parse(
            r#"
[columns]
id = "ID"
created = "Дата создания"
status = "Стадия сделки"
amount = "Сумма"
ai_leads = "Лиды от бота"
[status]                  # text as written → outcome
"Сделка успешна" = "visited"
"Клиент не пришёл" = "no_show"
[ai]
column = "Источник"
equals = ["AI-ассистент", "Чат-бот"]
[dates]
utc_offset = "+05:00"
"#,
        )
        .unwrap();
        assert_eq!(m.fields[&Field::Created], "Дата создания");
        assert_eq!(m.totals[&(Total::Leads, true)], "Лиды от бота");
        assert_eq!(
            m.statuses,
            [
                ("Клиент не пришёл".to_string(), Outcome::NoShow),
                ("Сделка успешна".to_string(), Outcome::Visited)
            ]
        );
        assert_eq!(
            m.ai.conditions,
            [Condition {
                column: "Источник".into(),
                test: Test::Equals(vec!["AI-ассистент".into(), "Чат-бот".into()])
            }]
        );
        assert_eq!(m.utc_offset, Some(5 * 3600));
    }

    #[test]
    fn reports_every_mistake_with_its_line() {
        let e = parse(
            "[columns]\ncreatd = \"Дата\"\n[status]\n\"Записан\" = \"booking\"\n[ai]\ncolumn = \"Источник\"\n",
        )
        .unwrap_err();
        let text = e.to_string();
        assert_eq!(e.problems.len(), 3, "{text}");
        assert!(
            text.contains("line 2: columns.creatd: unknown column key (did you mean `created`?)"),
            "{text}"
        );
        assert!(text.contains("line 4: status.\"Записан\" = \"booking\": an outcome is one of: lost, open, booked, visited, no_show"), "{text}");
        assert!(text.contains("line 5: ai: [ai] takes a column"), "{text}");
        let e = parse("[colums]\nid = \"ID\"\n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    #[test]
    fn reads_ai_flags() {
        let rule = AiRule::from_flags(&["Источник=AI-ассистент".into(), "Теги~AI".into()]).unwrap();
        assert_eq!(
            rule.conditions,
            [
                Condition {
                    column: "Источник".into(),
                    test: Test::Equals(vec!["AI-ассистент".into()])
                },
                Condition {
                    column: "Теги".into(),
                    test: Test::Contains("AI".into())
                }
            ]
        );
        assert!(AiRule::from_flags(&["Источник".into()]).is_err());
        assert!(AiRule::from_flags(&["=x".into()]).is_err());
    }

    #[test]
    fn reads_offsets() {
        assert_eq!(parse_offset("+03:00"), Some(10800));
        assert_eq!(parse_offset("-01:30"), Some(-5400));
        assert_eq!(parse_offset("03:00"), None);
        assert_eq!(parse_offset("+15:00"), None);
    }

    #[test]
    fn problems_are_placed_in_one_pass_however_many() {
        // Every status with an outcome that is not one: a problem per line.
        let statuses: String = (0..5000)
            .map(|n| format!("\"Этап {n}\" = \"maybe\"\n"))
            .collect();
        let text = format!("[status]\n{statuses}");
        let before = crate::input::scans::total();
        let err = parse(&text).unwrap_err();
        let scanned = crate::input::scans::total() - before;
        assert_eq!(err.problems.len(), 5000);
        assert_eq!(err.problems[4999].location, Location::Line(5001));
        // One pass to index the lines; counting from the top for each of
        // 5 000 problems scanned the file 2 500 times over.
        assert!(
            scanned <= 2 * text.len(),
            "{scanned} bytes scanned for {}",
            text.len()
        );
    }
}
