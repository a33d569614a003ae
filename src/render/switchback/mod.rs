//! A switchback's documents: the schedule as a calendar for the
//! administrator (and the power when sized by an export), as iCalendar
//! events and as a workbook; the judgement as a table, a page and JSON.

mod calendar;
mod contract;
mod ics;
mod judged;
mod page;

pub use calendar::calendar;
pub use contract::json;
pub use ics::ics;
pub use judged::table;
pub use page::page;

use crate::evidence::switchback::Schedule;
use crate::i18n::Lang;

/// The schedule as a workbook: the CSV's rows, dates as dates, the on days
/// shaded so the sheet reads like the calendar.
pub fn xlsx(s: &Schedule, lang: Lang) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{Color, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(lang.tr("Schedule"))?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let on = Format::new()
        .set_background_color(Color::RGB(0xC6EFCE))
        .set_bold();
    for (c, h) in crate::evidence::switchback::file::HEADER.iter().enumerate() {
        sheet.write_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, d) in s.days.iter().enumerate() {
        let r = i as u32 + 1;
        let dt = ExcelDateTime::from_ymd(
            u16::try_from(chrono::Datelike::year(&d.date)).unwrap_or(1900),
            chrono::Datelike::month(&d.date) as u8,
            chrono::Datelike::day(&d.date) as u8,
        )?;
        sheet.write_datetime_with_format(r, 0, &dt, &date)?;
        if d.on {
            sheet.write_with_format(r, 1, "on", &on)?;
        } else {
            sheet.write(r, 1, "off")?;
        }
        sheet.write(r, 2, if d.washout { "yes" } else { "no" })?;
        sheet.write(r, 3, d.block)?;
        sheet.write(r, 4, s.plan.unit.name())?;
        sheet.write(r, 5, s.plan.washout)?;
        // As text: a seed past 2^53 would lose digits as a number.
        sheet.write(r, 6, s.plan.seed.to_string())?;
    }
    sheet.set_column_width(0, 12)?;
    Ok(book.save_to_buffer()?)
}
