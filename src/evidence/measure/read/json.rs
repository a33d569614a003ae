//! Records as JSON, the way YCLIENTS' and Altegio's API return them: an array
//! of records, `{"data": [...]}` (the API's page), or one record per line
//! (NDJSON). Each record becomes a row of a table whose header is every key
//! met (a record's keys in alphabetical order, as serde_json keeps them,
//! new keys of later records after): a record's scalars by key, a nested
//! object's as `parent.key` (`client.phone`), and a list of objects' fields
//! as `list.key`, numbers summed and texts joined (`services.cost` is the
//! record's price, `services.title` its services). Texts are joined with
//! "; ", never ", ": `1500, 2000` would read as the amount 1500.2.

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::str::FromStr;

use super::super::table::{Cell, Kind, Opened, Origin, ReadError, Rows};
use super::text;

/// Opens `origin` as JSON records.
pub(super) fn open(origin: &Origin) -> Result<Opened, ReadError> {
    let bytes = super::whole(origin)?;
    let encoding = text::detect_in(&bytes);
    let decoded = text::decode_whole(&bytes, encoding);
    let records = records(origin, decoded.trim_start_matches('\u{feff}'))?;
    let mut table = Table::default();
    for record in &records {
        table.add(record);
    }
    Ok(Opened {
        kind: Kind::Json,
        encoding: Some(encoding.encoding),
        sheet: None,
        rows: Box::new(JsonRows { table, at: None }),
    })
}

/// The records of a document: an array of objects, `{"data": [...]}`, or
/// NDJSON; anything else is refused, naming what was found.
fn records(origin: &Origin, text: &str) -> Result<Vec<Map<String, Value>>, ReadError> {
    let damaged = |detail: String| ReadError::Damaged {
        file: origin.name(),
        kind: Kind::Json,
        detail,
    };
    let whole = serde_json::from_str::<Value>(text);
    let value = match whole {
        Ok(v) => v,
        // One object per line: the document as a whole is not JSON, each line is.
        Err(first) => {
            let mut out = Vec::new();
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(line) {
                    Ok(Value::Object(record)) => out.push(record),
                    Ok(other) => {
                        return Err(not_records(
                            origin,
                            format!("line {} holds {}", n + 1, what(&other)),
                        ));
                    }
                    Err(_) if n == 0 => return Err(damaged(first.to_string())),
                    Err(e) => return Err(damaged(format!("line {}: {e}", n + 1))),
                }
            }
            return Ok(out);
        }
    };
    let list = match value {
        Value::Array(items) => items,
        Value::Object(mut object) => match object.remove("data") {
            Some(Value::Array(items)) => items,
            Some(other) => {
                return Err(not_records(
                    origin,
                    format!("\"data\" holds {}", what(&other)),
                ));
            }
            None => {
                let keys: Vec<&str> = object.keys().map(String::as_str).take(8).collect();
                return Err(not_records(
                    origin,
                    format!("an object with {} and no \"data\" list", keys.join(", ")),
                ));
            }
        },
        other => return Err(not_records(origin, what(&other))),
    };
    list.into_iter()
        .enumerate()
        .map(|(n, item)| match item {
            Value::Object(record) => Ok(record),
            other => Err(not_records(
                origin,
                format!("item {} is {}", n + 1, what(&other)),
            )),
        })
        .collect()
}

fn not_records(origin: &Origin, found: String) -> ReadError {
    ReadError::NotRecords {
        file: origin.name(),
        found,
    }
}

/// What a value is, for a message (never the value itself, which may be huge).
fn what(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(_) => "a true/false value".into(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a text".into(),
        Value::Array(items) => format!("a list of {} items", items.len()),
        Value::Object(map) => format!("an object of {} keys", map.len()),
    }
}

/// The records as rows: a header of every key met, then one row each.
#[derive(Default)]
struct Table {
    header: Vec<String>,
    index: HashMap<String, usize>,
    rows: Vec<Vec<Option<String>>>,
}

impl Table {
    fn add(&mut self, record: &Map<String, Value>) {
        let mut cells = Vec::new();
        flatten("", record, &mut cells);
        let mut row = vec![None; self.header.len()];
        for (key, text) in cells {
            let i = match self.index.get(&key) {
                Some(&i) => i,
                None => {
                    self.index.insert(key.clone(), self.header.len());
                    self.header.push(key);
                    row.push(None);
                    self.header.len() - 1
                }
            };
            row[i] = text;
        }
        self.rows.push(row);
    }
}

/// A record's cells, `prefix`ed: scalars as their JSON text (a number as
/// written, so `1500.50` keeps its kopecks), objects by `parent.key`, lists
/// of objects by `list.key` with their numbers summed and texts joined,
/// lists of scalars joined with ", " (a tag list).
fn flatten(prefix: &str, object: &Map<String, Value>, out: &mut Vec<(String, Option<String>)>) {
    for (key, value) in object {
        let name = format!("{prefix}{key}");
        match value {
            Value::Object(inner) => flatten(&format!("{name}."), inner, out),
            Value::Array(items) if items.iter().all(Value::is_object) && !items.is_empty() => {
                let mut fields: Vec<(String, Vec<&Value>)> = Vec::new();
                for item in items.iter().filter_map(Value::as_object) {
                    for (k, v) in item {
                        match fields.iter_mut().find(|(f, _)| f == k) {
                            Some((_, vs)) => vs.push(v),
                            None => fields.push((k.clone(), vec![v])),
                        }
                    }
                }
                for (k, values) in fields {
                    out.push((format!("{name}.{k}"), combined(&values)));
                }
            }
            Value::Array(items) => {
                let texts: Vec<String> = items.iter().filter_map(scalar).collect();
                out.push((name, (!texts.is_empty()).then(|| texts.join("; "))));
            }
            scalar_value => out.push((name, scalar(scalar_value))),
        }
    }
}

/// A scalar's text; `None` for null and for what is not a scalar.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The values of one field across a list's objects: their sum when every
/// one is a number or a number's text (a record's services' costs, which an
/// API may write either way), else their texts joined with "; ", which no
/// amount reads as a number.
fn combined(values: &[&Value]) -> Option<String> {
    let number = |text: &str| {
        Decimal::from_str(text.trim())
            .or_else(|_| Decimal::from_scientific(text.trim()))
            .ok()
    };
    let numbers: Option<Vec<Decimal>> = values
        .iter()
        .filter(|v| !v.is_null())
        .map(|v| match v {
            Value::Number(n) => number(&n.to_string()),
            Value::String(s) => number(s),
            _ => None,
        })
        .collect();
    match numbers {
        Some(ns) if !ns.is_empty() => ns
            .into_iter()
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
            .map(|sum| sum.normalize().to_string()),
        _ => {
            let texts: Vec<String> = values.iter().filter_map(|v| scalar(v)).collect();
            (!texts.is_empty()).then(|| texts.join("; "))
        }
    }
}

/// JSON records as rows: the header first (row 0), then record 1, 2, … as rows 1, 2, ….
struct JsonRows {
    table: Table,
    at: Option<usize>,
}

impl Rows for JsonRows {
    fn advance(&mut self) -> Result<bool, ReadError> {
        let next = self.at.map_or(0, |r| r + 1);
        self.at = Some(next.min(self.table.rows.len() + 1));
        Ok(next <= self.table.rows.len())
    }

    fn number(&self) -> u64 {
        self.at.map_or(0, |r| r as u64)
    }

    fn width(&self) -> usize {
        match self.at {
            Some(0) => self.table.header.len(),
            Some(n) => self.table.rows.get(n - 1).map_or(0, Vec::len),
            None => 0,
        }
    }

    fn cell(&self, i: usize) -> Cell<'_> {
        let text = match self.at {
            Some(0) => self.table.header.get(i).map(String::as_str),
            Some(n) => self
                .table
                .rows
                .get(n - 1)
                .and_then(|r| r.get(i))
                .and_then(Option::as_deref),
            None => None,
        };
        match text {
            None | Some("") => Cell::Empty,
            Some(t) => Cell::Text(t),
        }
    }
}
