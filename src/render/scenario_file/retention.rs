//! `[retention]` in a scenario written by `roi measure --scenario`: the
//! repeat visits per new client measured from the export's client IDs, with
//! how they were worked out; or a comment saying why there are none.

use super::comment;
use crate::evidence::retention::Repeat;
use crate::format::round;
use crate::i18n::Lang;
use std::fmt::Write;

/// Places a repeat-visit figure is written to: a thousandth of a visit per
/// client is far below what a year of a salon's cohorts can tell apart.
const PLACES: u32 = 3;

/// The `[retention]` table, or the comment that says why it is not there.
pub fn write(out: &mut String, repeat: &Result<Repeat, String>, l: Lang) {
    let _ = writeln!(out);
    let r = match repeat {
        Ok(r) => r,
        Err(why) => {
            comment(
                out,
                &l.fill(
                    "No [retention] from the export's clients: {}. Write repeat_visits by hand if you know them.",
                    &[why],
                ),
            );
            return;
        }
    };
    for line in [
        l.fill(
            "Repeat visits per new client, measured from the {} clients whose first visit fell in {} — {}:",
            &[&r.clients, &r.first, &r.last],
        ),
        l.tr("r_k is the visits in the k-th calendar month after the month of a client's first visit, per client, over the months of first visits the export follows through the whole of that month (only visits count; rounded to 3 places).").to_string(),
    ] {
        comment(out, &line);
    }
    let _ = writeln!(out, "[retention]");
    let figures: Vec<String> = r
        .visits
        .iter()
        .map(|v| round(*v, PLACES).normalize().to_string())
        .collect();
    let _ = writeln!(out, "repeat_visits = [{}]", figures.join(", "));
}
