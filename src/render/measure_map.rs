//! `roi measure --print-map`: a profile's mapping written as a mapping file to edit.

use crate::evidence::measure::layout::CUSTOM;
use crate::evidence::measure::mapping::outcome_names;
use crate::evidence::measure::profile::{Field, PROFILES, Profile, System, Total};
use crate::i18n::Lang;
use std::fmt::Write;

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A column's header as a salon's own sheet writes it (the shipped
/// `examples/salon-monthly.xlsx` does): the template is for the owner's
/// Russian sheet, whichever language the comments are in.
fn sheet_header(total: Total) -> &'static str {
    match total {
        Total::Month => "Месяц",
        Total::Leads => "Заявки",
        Total::Bookings => "Записи",
        Total::Visits => "Пришли",
        Total::NoShows => "Неявки",
        Total::Revenue => "Выручка, ₽",
    }
}

/// The mapping of a sheet of monthly totals.
fn monthly(l: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}",
        l.tr(
            "A sheet of monthly totals: one row a month. Give the header of each column you have."
        )
    );
    let _ = writeln!(out, "source = \"monthly\"\n\n[columns]");
    for total in Total::ALL {
        let _ = writeln!(out, "{} = {}", total.key(), quoted(sheet_header(total)));
    }
    let _ = writeln!(
        out,
        "# {}",
        l.tr("The assistant's share of a month, if the sheet keeps it:")
    );
    let _ = writeln!(out, "# ai_leads = \"ai_leads\"");
    out
}

/// The mapping file for `system` (Bitrix24 when none is named) and its
/// export `entity` ("deals" or "leads"; the system's first when `None`).
pub fn render(system: Option<System>, entity: Option<&str>, lang: Lang) -> String {
    let l = lang;
    let mut out = String::new();
    if system == Some(System::Monthly) {
        return monthly(l);
    }
    let system = system.unwrap_or(System::Bitrix24);
    let of_system = || PROFILES.iter().filter(move |p| p.system == system);
    let profile: &Profile = of_system()
        .find(|p| entity.is_none_or(|e| p.entity == e))
        .or_else(|| of_system().next())
        .copied()
        .unwrap_or(&CUSTOM);
    // Bitrix24 keeps leads apart from deals: say how to get the other map.
    for other in of_system().filter(|p| p.entity != profile.entity) {
        let _ = writeln!(
            out,
            "# {}",
            l.fill(
                "For {} {}: roi measure --source {} --entity {} --print-map",
                &[
                    &l.tr(profile.system.title()),
                    &l.tr(other.entity),
                    &profile.system,
                    &other.entity
                ],
            )
        );
    }
    let _ = writeln!(
        out,
        "# {}",
        l.fill(
            "Mapping for {} {}: edit the headers to match your file, and say what each status means.",
            &[&l.tr(profile.system.title()), &l.tr(profile.entity)],
        )
    );
    let _ = writeln!(out, "source = \"{}\"\n\n[columns]", profile.system);
    for field in Field::ALL {
        if let Some(name) = profile.aliases(field).first() {
            let _ = writeln!(out, "{} = {}", field.key(), quoted(name));
        }
    }
    let _ = writeln!(
        out,
        "\n# {}",
        l.fill("Status text as written → outcome: {}.", &[&outcome_names()])
    );
    let _ = writeln!(out, "[status]");
    for (text, outcome) in profile.statuses {
        let _ = writeln!(out, "{} = \"{}\"", quoted(text), outcome.name());
    }
    let _ = writeln!(
        out,
        "\n# {}",
        l.tr("Which records the assistant brought (or --ai on the command line):")
    );
    let _ = writeln!(out, "# [ai]");
    let column = profile
        .aliases(Field::Source)
        .first()
        .copied()
        .unwrap_or("Источник");
    let _ = writeln!(out, "# column = {}", quoted(column));
    let _ = writeln!(
        out,
        "# equals = [\"AI-ассистент\", \"Чат-бот\"]   # {}",
        l.tr("or: contains = \"AI\"")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::measure::mapping::Mapping;
    use crate::forecast::scenario::Source;

    #[test]
    fn bitrix24_prints_its_deals_or_its_leads() {
        let deals = render(Some(System::Bitrix24), None, Lang::En);
        assert!(deals.contains("created = \"Дата создания\""), "{deals}");
        assert!(
            deals.contains("\"Сделка успешна\" = \"visited\""),
            "{deals}"
        );
        assert!(deals.contains("--entity leads --print-map"), "{deals}");
        let leads = render(Some(System::Bitrix24), Some("leads"), Lang::En);
        assert!(
            leads.contains("amount = \"Возможная сумма сделки\""),
            "{leads}"
        );
        assert!(leads.contains("\"Сконвертирован\" = \"booked\""), "{leads}");
        assert!(leads.contains("--entity deals --print-map"), "{leads}");
        let m = Mapping::parse(&Source {
            name: "leads.toml".into(),
            text: leads,
        })
        .unwrap();
        assert_eq!(
            m.statuses.len(),
            crate::evidence::measure::profile::BITRIX24_LEADS
                .statuses
                .len()
        );
    }

    #[test]
    fn every_printed_map_reads_back_as_its_profile() {
        for system in [
            None,
            Some(System::Bitrix24),
            Some(System::AmoCrm),
            Some(System::Yclients),
            Some(System::Monthly),
        ] {
            let text = render(system, None, Lang::Ru);
            let m = Mapping::parse(&Source {
                name: "map.toml".into(),
                text: text.clone(),
            })
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
            let want = system.unwrap_or(System::Bitrix24);
            assert_eq!(m.source, Some(want));
            if want != System::Monthly {
                let profile = PROFILES.iter().find(|p| p.system == want).unwrap();
                assert_eq!(m.statuses.len(), profile.statuses.len());
                assert_eq!(
                    m.fields[&Field::Created],
                    profile.aliases(Field::Created)[0]
                );
            } else {
                assert_eq!(m.totals.len(), 6);
            }
        }
    }
}
