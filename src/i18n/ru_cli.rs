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
        "{}{}; see `{} --help`" => "{}{}; справка: `{} --help`",
        "must be from {} to {}" => "должно быть от {} до {}",
        "out of range" => "вне допустимых пределов",
        // the TOML reader's complaints, by kind
        "a table's name is not closed: `]` is missing" => "не закрыто имя таблицы: не хватает ]",
        "a list is not closed: `]` is missing" => "не закрыт список: не хватает ]",
        "a table in braces is not closed: `}` is missing" => {
            "не закрыта таблица в фигурных скобках: не хватает }"
        }
        "a quoted text is not closed: the quote at its end is missing" => {
            "текст в кавычках не закрыт: не хватает кавычки в конце"
        }
        "text must be in quotes (or the value after = is missing)" => {
            "текст нужно взять в кавычки (или после = не указано значение)"
        }
        "a key or table is given twice" => "ключ или таблица указаны дважды",
        "a key with no value: `=` is missing" => "у ключа нет значения: не хватает =",
        "a backslash in quotes must start \\n, \\\" or \\\\; write a backslash as \\\\ or put the text in single quotes" => {
            "обратная косая черта в кавычках допустима только в сочетаниях \\n, \\\" и \\\\; саму черту пишите как \\\\ или возьмите текст в одинарные кавычки"
        }
        "`_` in a number may only stand between digits" => {
            "_ в числе может стоять только между цифрами"
        }
        "not a valid date or time" => "неверная дата или время",
        "a comma is missing between two keys" => "между двумя ключами не хватает запятой",
        "a `]` with no `[` before it" => "лишняя ] без [ перед ней",
        "a key without quotes may hold only Latin letters, digits, `-` and `_`; put others in quotes" => {
            "ключ без кавычек может состоять только из латинских букв, цифр, - и _; другие ключи возьмите в кавычки"
        }
        "unknown key {}; allowed: {}" => "неизвестный ключ {}; допустимы: {}",
        "the key {} is missing" => "не хватает ключа {}",
        "the value is {}, and {} is needed" => "неверный тип значения: {}; нужно: {}",
        "a text in quotes" => "текст в кавычках",
        "a whole number" => "целое число",
        "a number" => "число",
        "true or false" => "true или false",
        "a list" => "список",
        "a table of keys" => "таблица ключей",
        // flags read by the commands
        "--expect {} is read as a rise of {}; did you mean +{}%?" => {
            "--expect {} читается как рост на {}; может быть, имелось в виду +{}%?"
        }
        // summaries atop --help
        "roi tells whether an AI sales assistant pays for itself. The forecast: `roi init` writes a starter scenario, `roi calc FILE` gives payback and ROI, `roi simulate` the odds of paying. The evidence: `roi measure EXPORT…` reads a CRM or booking-system export into a monthly funnel, `roi pilot` judges a pilot. The help on each flag below is in English; README.ru.md is the Russian guide." => {
            "roi отвечает, окупится ли ИИ-ассистент по продажам. Прогноз: `roi init` создаёт заготовку сценария, `roi calc ФАЙЛ` считает срок окупаемости и ROI, `roi simulate` — шансы окупиться. Факт: `roi measure ВЫГРУЗКА…` читает выгрузку из CRM или системы онлайн-записи и строит воронку по месяцам, `roi pilot` оценивает пилот. Справка по флагам ниже — на английском; руководство на русском — README.ru.md."
        }
        "roi measure reads exports of Bitrix24, amoCRM or YCLIENTS, or a sheet of monthly totals, and shows leads, bookings, visits, no-shows, revenue and the average check month by month; with --retention, how many clients come back, by the month of their first visit, and their LTV. Example: roi measure deals.csv --baseline 2025-06..2025-11 --scenario -o salon.toml writes the baseline for roi calc. If a status or column is not recognised, --print-map prints a mapping file to fill in and pass with --map. The help on each flag below is in English." => {
            "roi measure читает выгрузки Битрикс24, amoCRM, YCLIENTS или таблицу итогов по месяцам и показывает по месяцам заявки, записи, визиты, неявки, выручку и средний чек; с --retention — сколько клиентов возвращается, по месяцу первого визита, и их LTV. Пример: roi measure deals.csv --baseline 2025-06..2025-11 --scenario -o salon.toml записывает базовые показатели для roi calc. Если статус или столбец не распознан, --print-map выводит файл сопоставления: заполните его и передайте через --map. Справка по флагам ниже — на английском."
        }
        "roi pilot compares the pilot's months with the baseline and decides: SCALE, EXTEND or STOP. Example: roi pilot deals.csv --baseline 2025-06..2025-11 --pilot 2025-12..2026-02 --scenario salon.toml. Before a pilot: --plan --expect +30% says how long to run it; roi pilot design plans a switchback (the assistant on and off by days or weeks). The help on each flag below is in English." => {
            "roi pilot сравнивает месяцы пилота с базовым периодом и принимает решение: МАСШТАБИРОВАТЬ, ПРОДЛИТЬ или ОСТАНОВИТЬ. Пример: roi pilot deals.csv --baseline 2025-06..2025-11 --pilot 2025-12..2026-02 --scenario salon.toml. До пилота: --plan --expect +30% подскажет, сколько он должен длиться; roi pilot design составит план с чередованием (ассистент включён и выключен по дням или неделям). Справка по флагам ниже — на английском."
        }
        _ => return None,
    })
}
