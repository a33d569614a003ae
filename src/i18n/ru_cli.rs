//! Russian for the command line itself: clap's usage mistakes and the summaries atop `--help`.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        // usage mistakes
        "required and not given: {}" => "не указан обязательный аргумент {}",
        "no command given" => "не указана команда",
        "{}: no such option" => "{}: нет такого флага",
        "«{}»: an argument too many" => "«{}»: лишний аргумент",
        "«{}» is not a command" => "«{}» — не команда",
        "{}: the value is missing" => "{}: не указано значение",
        "{} {}: not allowed; it takes {}" => "{} {}: недопустимое значение; допустимо: {}",
        "{} {}: not allowed" => "{} {}: недопустимое значение",
        "{} cannot be used with {}" => "{} нельзя указывать вместе с {}",
        "{}: write the value after =" => "{}: значение указывается после =",
        "{}: a wrong number of values" => "{}: неверное число значений",
        "an argument is not valid UTF-8" => "аргумент не в кодировке UTF-8",
        "the command line is not understood: {}" => "командная строка не понята: {}",
        "; did you mean {}?" => "; может быть, имелось в виду {}?",
        "{}{}; see `{} --help`" => "{}{}; справка: `{} --help`",
        "must be from {} to {}" => "должно быть от {} до {}",
        "out of range" => "вне допустимых пределов",
        // summaries atop --help
        "roi tells whether an AI sales assistant pays for itself. The forecast: `roi init` writes a starter scenario, `roi calc FILE` gives payback and ROI, `roi simulate` the odds of paying. The evidence: `roi measure EXPORT…` reads a CRM or booking-system export into a monthly funnel, `roi pilot` judges a pilot. The help on each flag below is in English; README.ru.md is the Russian guide." => {
            "roi отвечает, окупится ли ИИ-ассистент по продажам. Прогноз: `roi init` создаёт заготовку сценария, `roi calc ФАЙЛ` считает срок окупаемости и ROI, `roi simulate` — шансы окупиться. Факт: `roi measure ВЫГРУЗКА…` читает выгрузку из CRM или системы онлайн-записи и строит воронку по месяцам, `roi pilot` оценивает пилот. Справка по флагам ниже — на английском; руководство на русском — README.ru.md."
        }
        "roi measure reads exports of Bitrix24, amoCRM or YCLIENTS, or a sheet of monthly totals, and shows leads, bookings, visits, no-shows, revenue and the average check month by month. Example: roi measure deals.csv --baseline 2025-06..2025-11 --scenario -o salon.toml writes the baseline for roi calc. If a status or column is not recognised, --print-map prints a mapping file to fill in and pass with --map. The help on each flag below is in English." => {
            "roi measure читает выгрузки Битрикс24, amoCRM, YCLIENTS или таблицу итогов по месяцам и показывает по месяцам заявки, записи, визиты, неявки, выручку и средний чек. Пример: roi measure deals.csv --baseline 2025-06..2025-11 --scenario -o salon.toml записывает базовые показатели для roi calc. Если статус или столбец не распознан, --print-map выводит файл сопоставления: заполните его и передайте через --map. Справка по флагам ниже — на английском."
        }
        "roi pilot compares the pilot's months with the baseline and decides: SCALE, EXTEND or STOP. Example: roi pilot deals.csv --baseline 2025-06..2025-11 --pilot 2025-12..2026-02 --scenario salon.toml. Before a pilot: --plan --expect +30% says how long to run it; roi pilot design plans a switchback (the assistant on and off by days or weeks). The help on each flag below is in English." => {
            "roi pilot сравнивает месяцы пилота с базовым периодом и принимает решение: МАСШТАБИРОВАТЬ, ПРОДЛИТЬ или ОСТАНОВИТЬ. Пример: roi pilot deals.csv --baseline 2025-06..2025-11 --pilot 2025-12..2026-02 --scenario salon.toml. До пилота: --plan --expect +30% подскажет, сколько он должен длиться; roi pilot design составит план с чередованием (ассистент включён и выключен по дням или неделям). Справка по флагам ниже — на английском."
        }
        _ => return None,
    })
}
