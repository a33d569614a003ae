//! Russian for `roi measure` and `roi pilot`: reading exports, the measured funnel, the pilot's verdict.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        // reading files
        "{}: not a readable {} file: {}" => "{}: файл не читается как {}: {}",
        "{}: no sheet named \"{}\"; the sheets are: {}" => "{}: нет листа «{}»; листы в книге: {}",
        "{}: an HTML file with no table in it" => "{}: в HTML-файле нет таблицы",
        "{}, line {}: {}" => "{}, строка {}: {}",
        // mapping files and flags
        "write COLUMN=VALUE (the column's text is VALUE) or COLUMN~TEXT (it contains TEXT), like --ai \"Источник=AI-ассистент\"" => {
            "пишите СТОЛБЕЦ=ЗНАЧЕНИЕ (текст ячейки равен ЗНАЧЕНИЮ) или СТОЛБЕЦ~ТЕКСТ (ячейка содержит ТЕКСТ), например --ai \"Источник=AI-ассистент\""
        }
        "both the column and the value must be given" => "нужны и столбец, и значение",
        "{} (a mapping file has [columns], [status], [ai] and [dates]; `roi measure --source bitrix24 --print-map` prints one to start from)" => {
            "{} (в файле сопоставления бывают [columns], [status], [ai] и [dates]; образец для правки выводит `roi measure --source bitrix24 --print-map`)"
        }
        "not a system this tool knows; it takes {}" => {
            "такой системы программа не знает; допустимо: {}"
        }
        "give the column's header as it is written in the file" => {
            "укажите заголовок столбца так, как он написан в файле"
        }
        "unknown column key" => "неизвестный ключ столбца",
        "an outcome is one of: {}" => "исход — одно из: {}",
        "[ai] takes a column and either equals = [\"…\"] (the cell is one of these) or contains = \"…\"" => {
            "в [ai] нужны column и либо equals = [\"…\"] (ячейка равна одному из значений), либо contains = \"…\""
        }
        "an offset from UTC like \"+03:00\" (Moscow) or \"+05:00\"" => {
            "смещение от UTC, например \"+03:00\" (Москва) или \"+05:00\""
        }
        // headers and statuses
        "row {} has {}" => "в строке {}: {}",
        "the file has no rows" => "в файле нет строк",
        "; the nearest is «{}»" => "; ближе всего «{}»",
        "{}: cannot tell which system wrote it: no row among the first 20 looks like a Bitrix24, amoCRM, YCLIENTS or monthly-totals header ({}); say --source, and --map if the columns have other names (`roi measure --source bitrix24 --print-map` prints a mapping to start from)" => {
            "{}: не удаётся понять, из какой системы выгрузка: ни одна из первых 20 строк не похожа на заголовок Битрикс24, amoCRM, YCLIENTS или таблицы итогов по месяцам ({}); укажите --source, а если столбцы названы иначе — ещё и --map (образец выводит `roi measure --source bitrix24 --print-map`)"
        }
        "{}: its columns fit both {} and {}; say which with --source" => {
            "{}: столбцы подходят и для {}, и для {}; укажите систему через --source"
        }
        "{}: no {} column of a {} export (it is called {}); {}{}; name it in a mapping file: [columns] {} = \"…\"" => {
            "{}: нет столбца {} выгрузки {} (он называется {}); {}{}; укажите его в файле сопоставления: [columns] {} = \"…\""
        }
        "{}: the assistant's column «{}» is not in the header; {}{}" => {
            "{}: столбца ассистента «{}» нет в заголовке; {}{}"
        }
        "{} is a {} export, but {} is a {} export; measure one system's files at a time" => {
            "{} — выгрузка {}, а {} — выгрузка {}; обрабатывайте файлы одной системы за раз"
        }
        "{} status texts have no outcome, so their rows cannot be counted:" => {
            "Статусов без исхода: {}; их строки нельзя посчитать:"
        }
        "Say what each means in a mapping file and pass it with --map (each one of: {}):" => {
            "Укажите, что означает каждый, в файле сопоставления и передайте его через --map (исход — одно из: {}):"
        }
        "--ai picks records by a column's text; a monthly sheet is split by its ai_ columns instead (ai_leads, ai_bookings, …)" => {
            "--ai отбирает записи по тексту столбца; таблица итогов по месяцам делится на каналы своими столбцами ai_ (ai_leads, ai_bookings, …)"
        }
        // counting
        "no records were counted: {}" => "не посчитано ни одной записи: {}",
        "no files were given" => "не указано ни одного файла",
        "the files have no data rows below their headers" => "под заголовками нет строк с данными",
        "every record falls outside --from/--to" => "все записи вне периода --from/--to",
        "every one of the {} rows was left out (see the reasons below)" => {
            "все строки ({}) пропущены (причины ниже)"
        }
        "{} row {}: «{}»" => "{}, строка {}: «{}»",
        "--strict: {}" => "--strict: {}",
        "no date" => "нет даты",
        "not a date" => "не дата",
        "no status" => "нет статуса",
        "not an amount" => "не сумма",
        "an amount like 1,500 (thousands or decimals?)" => {
            "сумма вида 1,500 (тысячи или дробная часть?)"
        }
        "a negative amount" => "отрицательная сумма",
        "not a month" => "не месяц",
        "not a whole number" => "не целое число",
        "the assistant's share above the total" => "доля ассистента больше итога",
        "a totals row" => "строка итогов",
        // periods
        "{} {}: {}" => "{} {}: {}",
        "\"{}\" is not a month; write months as YYYY-MM, like 2025-06..2025-11" => {
            "\"{}\" — не месяц; пишите месяцы как ГГГГ-ММ, например 2025-06..2025-11"
        }
        "the period runs backwards; write the earlier month first" => {
            "период задан в обратном порядке; сначала укажите более ранний месяц"
        }
        "no records in {} (the data covers {}); choose months the files hold" => {
            "нет записей за {} (данные охватывают {}); выберите месяцы, которые есть в файлах"
        }
        _ => return None,
    })
}
