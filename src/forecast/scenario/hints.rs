//! Hints for TOML that does not parse because of the slips a Russian-speaking
//! owner makes: `1500,50` without quotes, a key written in Cyrillic.

use crate::i18n::{f, t};

/// Words of a Cyrillic key and the key they likely stand for.
const RUSSIAN: [(&str, &str); 14] = [
    ("лид", "leads"),
    ("заявк", "leads"),
    ("обращен", "leads"),
    ("конверс", "conversion"),
    ("чек", "average_check"),
    ("неявк", "no_show_rate"),
    ("внедрен", "setup"),
    ("абонент", "monthly"),
    ("ежемесяч", "monthly"),
    ("марж", "gross_margin"),
    ("ставк", "discount_rate"),
    ("валют", "currency"),
    ("назван", "name"),
    ("месяц", "months"),
];

/// What to write instead, when the line shows a known slip.
pub(super) fn for_line(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    let value = value.split('#').next().unwrap_or("").trim();
    // 1500,50 or 1 500,50 outside quotes: a decimal comma TOML cannot read.
    let digits = value.trim_start_matches(['+', '-']);
    if digits.contains(',')
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || c == '\u{a0}')
    {
        let point = digits.replace([' ', '\u{a0}'], "").replace(',', ".");
        return Some(f(
            "write {} with a decimal point, or in quotes as \"{}\"",
            &[&point, &value],
        ));
    }
    if key
        .chars()
        .any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
    {
        let lower = key.to_lowercase();
        let guess = RUSSIAN
            .iter()
            .find(|(stem, _)| lower.contains(stem))
            .map(|(_, key)| *key);
        return Some(match guess {
            Some(guess) => f(
                "keys are written in Latin letters, as `roi init` writes them: did you mean {}?",
                &[&guess],
            ),
            None => t("keys are written in Latin letters, as `roi init` writes them").to_string(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_at_decimal_commas_and_cyrillic_keys() {
        let comma = for_line("average_check = 1500,50  # per visit").unwrap();
        assert!(
            comma.contains("1500.50") && comma.contains("\"1500,50\""),
            "{comma}"
        );
        let key = for_line("Конверсия = \"20%\"").unwrap();
        assert!(key.contains("conversion"), "{key}");
        assert!(for_line("leads = 200").is_none());
    }
}
