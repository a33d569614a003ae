//! Who each record's client is, collected beside the funnel only when
//! retention is asked for (`roi measure --retention`), so a plain count pays
//! nothing for it: a key per client (her phone in one form, else her ID or
//! name as written) and each used record's dates, outcome, channel and amount.

use super::super::cell;
use super::super::profile::{Field, Outcome};
use super::{Counter, Record, cell_str};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// The used records that name a client, and the account of those that do not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clients {
    keys: HashMap<String, u32>,
    /// Each client's key, by her number: a phone as `+7XXXXXXXXXX`, any
    /// other text as written (trimmed).
    pub names: Vec<String>,
    /// Every used record with a client, in the order read.
    pub records: Vec<ClientRecord>,
    /// Used records whose client cells are empty: left out of retention only.
    pub without_client: u64,
    /// Visits whose visit-date cell could not be read, dated by their
    /// creation instead.
    pub unread_visit_dates: u64,
    /// The latest date a used record carries (a creation date, or a visit's
    /// date): the end of every client's follow-up. A booking's date still to
    /// come is not a date the data has reached, so it does not count.
    pub last: Option<NaiveDate>,
    /// The headers of the client's columns in the first file, as written
    /// (the phone's first); empty when the files have none.
    pub columns: Vec<String>,
    /// The `--by` column's values met, by their number (trimmed).
    pub by_values: Vec<String>,
    /// The client column's names met beside a phone (trimmed): a client
    /// known elsewhere by that name alone may be the same person.
    pub phone_names: HashSet<String>,
    by_index: HashMap<String, u32>,
}

/// One used record of a known client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientRecord {
    /// The client's number in [`Clients::names`].
    pub client: u32,
    /// When the record was created: the first lead's channel is the channel
    /// of the client's earliest record.
    pub created: NaiveDate,
    /// When the client came: the visit-date column's date, else the creation date.
    pub date: NaiveDate,
    /// Whether she came (only visits count for retention).
    pub visited: bool,
    /// Whether the assistant brought the record.
    pub ai: bool,
    /// The visit's amount, when it could be read.
    pub amount: Option<Decimal>,
    /// The number of its `--by` value in [`Clients::by_values`], when split.
    pub by: Option<u32>,
}

/// A client cell's text as one key: a Russian phone in any of its usual
/// forms (`+7`, `8` or ten digits, with spaces, brackets, dashes or dots)
/// becomes `+7XXXXXXXXXX`; any other text is kept as written, trimmed;
/// `None` for an empty cell.
pub fn client_key(text: &str) -> Option<String> {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if text.is_empty() {
        return None;
    }
    let plus = text.starts_with('+');
    let body = text.strip_prefix('+').unwrap_or(text);
    let phone_like = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '(' | ')' | '-' | '.'));
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let national = match (plus, digits.len(), digits.as_bytes().first()) {
        _ if !phone_like => None,
        (true, 11, Some(b'7')) | (false, 11, Some(b'7' | b'8')) => Some(&digits[1..]),
        (false, 10, _) => Some(digits.as_str()),
        _ => None,
    };
    Some(match national {
        Some(n) => format!("+7{n}"),
        None => text.to_string(),
    })
}

impl Clients {
    /// Nothing collected yet.
    pub fn new() -> Clients {
        Clients::default()
    }

    /// How many different clients were seen.
    pub fn count(&self) -> usize {
        self.names.len()
    }

    /// The number of a `--by` value, a new one for a value not seen before.
    fn by_number(&mut self, value: &str) -> u32 {
        let value = cell::trimmed(value);
        if let Some(&n) = self.by_index.get(value) {
            return n;
        }
        let n = self.by_values.len() as u32;
        self.by_values.push(value.to_string());
        self.by_index.insert(value.to_string(), n);
        n
    }

    /// The client's number, a new one for a key not seen before. (A key
    /// is kept twice, map and list: clients are thousands, not millions.)
    fn number(&mut self, key: String) -> u32 {
        if let Some(&n) = self.keys.get(&key) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(key.clone());
        self.keys.insert(key, n);
        n
    }
}

impl Counter {
    /// Collects one used record for retention, when asked for: its client
    /// by the phone, else the client column; its visit's date.
    pub(super) fn client(
        &mut self,
        r: &Record<'_>,
        created: NaiveDate,
        outcome: Outcome,
        ai: bool,
        amount: Option<Decimal>,
    ) {
        let Some(clients) = self.clients.as_mut() else {
            return;
        };
        if clients.columns.is_empty() {
            clients.columns = [Field::Phone, Field::Client]
                .into_iter()
                .filter(|f| r.col(*f).is_some())
                .map(|f| r.header(f).to_string())
                .collect();
        }
        let visited = outcome == Outcome::Visited;
        let date = match r.col(Field::Visit).filter(|_| visited) {
            None => created,
            Some(i) => match cell::date_by(r.at(i), &self.dates) {
                Ok(Some((d, _))) => d,
                Ok(None) => created,
                Err(_) => {
                    clients.unread_visit_dates += 1;
                    created
                }
            },
        };
        clients.last = clients.last.max(Some(created)).max(Some(date));
        let phone = client_key(&cell_str(r.cell(Field::Phone)));
        let name = || client_key(&cell_str(r.cell(Field::Client)));
        let key = match phone {
            Some(phone) => {
                if r.col(Field::Phone) != r.col(Field::Client) {
                    clients.phone_names.extend(name());
                }
                phone
            }
            None => match name() {
                Some(name) => name,
                None => {
                    clients.without_client += 1;
                    return;
                }
            },
        };
        let client = clients.number(key);
        let by = r.layout.by.map(|i| clients.by_number(&cell_str(r.at(i))));
        clients.records.push(ClientRecord {
            client,
            created,
            date,
            visited,
            ai,
            amount: amount.filter(|_| visited),
            by,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_written_in_one_form() {
        let cases = [
            ("+7 (900) 123-45-67", "+79001234567"),
            ("8 900 123 45 67", "+79001234567"),
            ("89001234567", "+79001234567"),
            ("79001234567", "+79001234567"),
            ("+79001234567", "+79001234567"),
            ("9001234567", "+79001234567"),
            ("(900) 123-45-67", "+79001234567"),
            ("8-863-123-45-67", "+78631234567"),
            ("  +7\u{a0}900\u{a0}123\u{a0}45\u{a0}67 ", "+79001234567"),
            ("900.123.45.67", "+79001234567"),
            // Not a Russian number of ten digits: kept as written, trimmed.
            ("+375 29 123-45-67", "+375 29 123-45-67"),
            ("+8 900 123 45 67", "+8 900 123 45 67"),
            ("123-45-67", "123-45-67"),
            ("  Анна Иванова ", "Анна Иванова"),
            ("4821", "4821"),
            ("+7 900 123-45-67 доб. 5", "+7 900 123-45-67 доб. 5"),
            ("0", "0"),
        ];
        for (written, key) in cases {
            assert_eq!(client_key(written).as_deref(), Some(key), "{written}");
        }
        assert_eq!(client_key("   "), None);
        assert_eq!(client_key(""), None);
    }
}
