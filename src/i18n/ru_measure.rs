//! Russian for `roi measure` and `roi pilot`: reading exports, the measured funnel, the pilot's verdict.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        // reading files
        "{}: not a readable {} file: {}" => {
            "{}: не удаётся прочитать файл как {} — он повреждён или это файл другого формата"
        }
        "{}: no sheet named \"{}\"; the sheets are: {}" => "{}: нет листа «{}»; листы в книге: {}",
        "{}: an HTML file with no table in it" => "{}: в HTML-файле нет таблицы",
        "{}, line {}: {}" => "{}, строка {}: {}",
        // mapping files and flags
        "write COLUMN=VALUE (the column's text is VALUE) or COLUMN~TEXT (it contains TEXT), like --ai \"Источник=AI-ассистент\"" => {
            "правило записывается как СТОЛБЕЦ=ЗНАЧЕНИЕ (ячейка равна значению) или СТОЛБЕЦ~ТЕКСТ (ячейка содержит текст), например --ai \"Источник=AI-ассистент\""
        }
        "both the column and the value must be given" => "нужны и столбец, и значение",
        // retention: clients coming back
        "30 d … 365 d: the share of the month's new clients who came again within so many days of their first visit — the Kaplan–Meier estimate, which counts a client not yet back only for as long as the export follows her (to its last day); «—» where the cohort was not followed so long. LTV: revenue per new client within 6 and 12 months of her first visit, the first included; «—» until every client of the month can be followed so long." => {
            "30 дн. … 365 дн.: доля новых клиентов месяца, пришедших снова за столько дней после первого визита, — оценка Каплана — Мейера: клиент, который ещё не вернулся, учитывается лишь столько дней, сколько его видно в выгрузке (до её последнего дня); «—» — за такой срок месяц ещё не прослежен. LTV: выручка на нового клиента за 6 и 12 месяцев от первого визита, включая его; «—» — пока не каждого клиента месяца можно проследить так долго."
        }
        "Clients by month" => "Клиенты по месяцам",
        "Clients known by name only, without a phone: {}; two clients of one name count as one, which a phone column would tell apart." => {
            "Клиентов, известных только по имени, без телефона: {}; двух клиентов с одним именем программа считает одним, а столбец с телефоном различил бы их."
        }
        "Clients without a phone whose name is written beside a phone on other records: {}; each may be one client counted twice, her visits split between her phone and her name. Fill in the phone in every record to join them." => {
            "Клиентов без телефона, чьё имя в других строках стоит рядом с телефоном: {}; возможно, это один и тот же клиент, посчитанный дважды, — его визиты разделены между телефоном и именем. Чтобы их объединить, заполните телефон во всех строках."
        }
        "By «{}» of the first lead" => "По столбцу «{}» первой заявки",
        "Retention by source" => "Возвраты по источникам",
        "First visit" => "Первый визит",
        "New clients" => "Новые клиенты",
        "Clients" => "Клиенты",
        "New" => "Новые",
        "Returning" => "Вернувшиеся",
        "Visits in 6 mo" => "Визиты за 6 мес.",
        "Visits in 12 mo" => "Визиты за 12 мес.",
        "LTV 6 mo" => "LTV 6 мес.",
        "LTV 12 mo" => "LTV 12 мес.",
        ", else " => ", иначе ",
        "More than half the records name no client, or only a placeholder: retention describes only the clients who are named, and may not hold for the rest." => {
            "Больше чем в половине строк выгрузки клиент не указан или вместо него заглушка: возвраты описывают только указанных клиентов и для остальных могут быть иными."
        }
        "Retention" => "Возвраты клиентов",
        "Records dated after today ({}): {}, the latest {}; a client cannot have come on a day still to come, so they are left out of retention and follow-up ends {} (the funnel counts them)." => {
            "Строк с датой позже сегодняшнего дня ({}): {}, самая поздняя — {}; клиент не может прийти в день, который ещё не наступил, поэтому они не входят в возвраты, а наблюдение заканчивается {} (в воронке они учтены)."
        }
        "every record of a named client is dated after today ({}), the latest {}: a client cannot have come on a day still to come; check the dates in the export" => {
            "все строки с указанным клиентом датированы позже сегодняшнего дня ({}), самая поздняя — {}: клиент не может прийти в день, который ещё не наступил; проверьте даты в выгрузке"
        }
        "Clients coming back, by the month of their first visit (follow-up to {})" => {
            "Возвраты клиентов по месяцу первого визита (наблюдение до {})"
        }
        "{} d" => "{} дн.",
        "Clients are told apart by {} (a phone in one form, +7XXXXXXXXXX; else as written): {} clients; only visits (status came) count." => {
            "Клиенты различаются по столбцу {} (телефон приводится к виду +7XXXXXXXXXX, остальное — как написано): клиентов {}; считаются только визиты (результат «пришёл»)."
        }
        "{} of {} name no client: left out of retention only (the funnel counts them)." => {
            "В {} из {} выгрузки клиент не указан: такие строки в возвраты не входят, в воронке учтены."
        }
        "«{}» stands for {}: a placeholder for an unknown client, not a person; left out of retention." => {
            "«{}» встречается в {}: это заглушка вместо неизвестного клиента, а не человек; в возвраты не входит."
        }
        "«{}» stands for {} on {}, more than one client could leave ({} days: one a week over the export, at least 12): taken for a shared placeholder and left out of retention, not merged." => {
            "«{}» встречается в {} за {} — больше, чем мог бы оставить один клиент ({} дн.: раз в неделю за весь срок выгрузки, не меньше 12): это общая заглушка, её строки не объединены в одного клиента и в возвраты не входят."
        }
        "{} more keys were left out the same way (see the JSON)." => {
            "Так же не вошли и другие значения: ещё {} (список — в JSON)."
        }
        "Visits whose visit date cannot be read: {}; they are dated by when the record was created." => {
            "Визитов, у которых не читается дата визита: {}; для них взята дата создания строки."
        }
        "the files have no column that names the client (a phone, a contact, a client's ID); name it in a mapping file: [columns] client = \"…\"" => {
            "в выгрузке нет столбца, который называет клиента (телефон, контакт, ID клиента); укажите его в файле сопоставления: [columns] client = \"…\""
        }
        "every record's client in {} is a placeholder ({}), not a person; name the column that holds the client's phone or ID in a mapping file: [columns] client = \"…\"" => {
            "во всех строках в столбце {} вместо клиента заглушка ({}), а не человек; укажите столбец с телефоном или ID клиента в файле сопоставления: [columns] client = \"…\""
        }
        "none of the {} names a client: {} is empty in every one; name the column that holds the client's phone or ID in a mapping file: [columns] client = \"…\"" => {
            "ни в одной из {} клиент не указан: {} пуст везде; укажите столбец с телефоном или ID клиента в файле сопоставления: [columns] client = \"…\""
        }
        "no named client has a visit (a status that means the client came), and only visits count for retention; check the [status] outcomes in the mapping" => {
            "ни у одного указанного клиента нет визита (статуса с результатом «пришёл»), а возвраты считаются только по визитам; проверьте результаты в [status] файла сопоставления"
        }
        "--retention: {}" => "--retention: {}",
        "r_k is the visits in the k-th calendar month after the month of a client's first visit, per client, over the months of first visits the export follows through the whole of that month (only visits count; rounded to 3 places)." => {
            "r_k — визиты в k-й календарный месяц после месяца первого визита клиента в расчёте на клиента, по тем месяцам первого визита, за которыми выгрузка следит весь этот месяц (считаются только визиты; округлено до 3 знаков)."
        }
        "No [retention] from the export's clients: {}. Write repeat_visits by hand if you know them." => {
            "[retention] по клиентам выгрузки не записан: {}. Если повторные визиты известны, впишите repeat_visits вручную."
        }
        "Repeat visits per new client, measured from the {} clients whose first visit fell in {} — {}:" => {
            "Повторные визиты на нового клиента, измерены по {} клиентам с первым визитом в {} — {}:"
        }
        "no named client has a visit" => "ни у одного указанного клиента нет визита",
        "the visits span {} — {}, under the {} months repeat visits are measured from" => {
            "визиты охватывают {} — {}, меньше {} месяцев, с которых измеряются повторные визиты"
        }
        "--retention follows each client from visit to visit; a monthly sheet holds totals, not clients: measure the CRM's or the booking system's export of records" => {
            "--retention прослеживает каждого клиента от визита к визиту, а в таблице итогов по месяцам только суммы, клиентов в ней нет: возьмите выгрузку заявок из CRM или записей из системы онлайн-записи"
        }
        "{} (a mapping file has [columns], [status], [ai] and [dates]; `roi measure --source bitrix24 --print-map` prints one to start from)" => {
            "{} (в файле сопоставления допустимы таблицы [columns], [status], [ai] и [dates]; образец для правки выводит `roi measure --source bitrix24 --print-map`)"
        }
        "not a system this tool knows; it takes {}" => {
            "такой системы программа не знает; допустимо: {}"
        }
        "give the column's header as it is written in the file" => {
            "укажите заголовок столбца так, как он написан в файле"
        }
        "unknown column key" => "неизвестный ключ столбца",
        "an outcome is one of: {}" => "укажите одно из значений: {}",
        "[ai] takes a column and either equals = [\"…\"] (the cell is one of these) or contains = \"…\"" => {
            "в [ai] нужны column и либо equals = [\"…\"] (ячейка равна одному из значений), либо contains = \"…\""
        }
        "an offset from UTC like \"+03:00\" (Moscow) or \"+05:00\"" => {
            "нужно смещение от UTC в виде \"+03:00\" (Москва) или \"+05:00\""
        }
        // headers and statuses
        "row {} has {}" => "заголовки в строке {}: {}",
        "the file has no rows" => "данных нет",
        "; the nearest is «{}»" => "; больше всего похож столбец «{}»",
        "{}: cannot tell which system wrote it: no row among the first 20 looks like a Bitrix24, amoCRM, YCLIENTS or monthly-totals header ({}); say --source, and --map if the columns have other names (`{}` prints a mapping to start from)" => {
            "{}: не удаётся понять, из какой системы выгрузка: ни одна из первых 20 строк не похожа на заголовок Битрикс24, amoCRM, YCLIENTS или таблицы итогов по месяцам ({}); укажите --source, а если столбцы названы иначе — ещё и --map (образец выводит `{}`)"
        }
        "{}: its columns fit both {} and {}; say which with --source" => {
            "{}: столбцы подходят и для {}, и для {}; укажите систему через --source"
        }
        "{}: no column for {} ({} it is usually called {}); {}{}; name it in a mapping file: [columns] {} = \"…\"" => {
            "{}: не найден столбец {} ({} он обычно называется {}); {}{}. Укажите его в файле сопоставления: [columns] {} = \"…\""
        }
        "in a sheet of monthly totals" => "в таблице итогов по месяцам",
        "in the {} export" => "в выгрузке {}",
        "Bitrix24" => "Битрикс24",
        "the ID" => "ID",
        "the creation date" => "даты создания",
        "the status" => "статуса",
        "the stage group" => "группы стадий",
        "the amount" => "суммы",
        "the source" => "источника",
        "the visit date" => "даты визита",
        "the month" => "месяца",
        "the number of leads" => "заявок",
        "the number of bookings" => "записей",
        "the number of visits" => "визитов",
        "the number of no-shows" => "неявок",
        "the revenue" => "выручки",
        "the column" => "с нужными данными",
        "a month is missing at one end of the period" => {
            "не указан месяц в начале или в конце периода"
        }
        "booked, the visit still ahead" => "записан, визит ещё впереди",
        "{}: the mapping's [columns] {} = «{}» names no column of the file; {}{}" => {
            "{}: в файле сопоставления [columns] {} = «{}», но такого столбца в файле нет; {}{}"
        }
        "{}: the assistant's column «{}» is not in the header; {}{}" => {
            "{}: столбца ассистента «{}» нет в заголовке; {}{}"
        }
        "{} comes from {}, but {} from {}; measure one system's files at a time" => {
            "{} — выгрузка {}, а {} — выгрузка {}; за один запуск указывайте файлы только одной системы"
        }
        "{} status texts have no outcome, so their rows cannot be counted:" => {
            "неизвестно, что означают статусы ниже, поэтому их строки не учтены:"
        }
        "Say what each means in a mapping file and pass it with --map (each one of: {}):" => {
            "Укажите в файле сопоставления, что означает каждый статус, и передайте файл через --map. Возможные результаты: {}. Заготовка:"
        }
        "--ai picks records by a column's text; a monthly sheet is split by its ai_ columns instead (ai_leads, ai_bookings, …)" => {
            "--ai отбирает строки по тексту в столбце; в таблице итогов по месяцам доля ассистента берётся из столбцов ai_ (ai_leads, ai_bookings, …)"
        }
        // counting
        "no records were counted: {}" => "не учтено ни одной строки: {}",
        "no files were given" => "не указано ни одного файла",
        "the files have no data: nothing below the header row" => {
            "в файле нет данных — под строкой заголовков пусто"
        }
        "every record falls outside --from/--to" => "даты всех строк вне периода --from/--to",
        "every one of the {} rows was left out (see the reasons below)" => {
            "пропущены все строки — {} (причины ниже)"
        }
        "{} row {}: «{}»" => "{}, строка {}: «{}»",
        "{}… ({} more characters)" => "{}… (и ещё знаков: {})",
        "and {} more" => "и ещё {}",
        "--by «{}» holds more than {} different values: it splits by a channel's column (a source, a UTM tag), not an ID or a phone" => {
            "в столбце --by «{}» больше {} разных значений: --by делит по столбцу канала (источник, метка UTM), а не по ID или телефону"
        }
        "Read {} ({}): {} records." => "Прочитан файл {} ({}): строк — {}.",
        "(empty)" => "(пусто)",
        "other values" => "остальные",
        "By «{}»" => "По столбцу «{}»",
        "By source" => "По источникам",
        "the revenue of {} in «{}» passes 79 octillion (7.9e28), more than can be added exactly; check the amount column for a misplaced number" => {
            "выручка за {} в «{}» больше 7,9·10²⁸ — столько точно не сложить; проверьте столбец сумм: видимо, число попало не туда"
        }
        "--by splits records by a column's values; a monthly sheet holds totals, not records" => {
            "--by делит строки выгрузки по значениям столбца, а в таблице по месяцам только итоги"
        }
        "{}: the --by column «{}» is not in the header; {}{}" => {
            "{}: столбца --by «{}» нет в заголовке; {}{}"
        }
        "For {} {}: roi measure --source {} --entity {} --print-map" => {
            "Для {} ({}): roi measure --source {} --entity {} --print-map"
        }
        "Not read from {}: {} (name a column in a mapping file if it holds a total, like [columns] ai_leads = \"…\")." => {
            "Не прочитаны из {}: {} (если в столбце итоги, назовите его в файле сопоставления, например [columns] ai_leads = \"…\")."
        }
        "the dates in «{}» disagree on their order: {} row {} («{}») has the day first, {} row {} («{}») the month first; correct the column, or say the order in a mapping file: [dates] order = \"dmy\" (day first) or \"mdy\" (month first)" => {
            "даты в «{}» записаны в разном порядке: {}, строка {} («{}») — сначала день, {}, строка {} («{}») — сначала месяц; исправьте столбец или укажите порядок в файле сопоставления: [dates] order = \"dmy\" (день первым) или \"mdy\" (месяц первым)"
        }
        "the dates in «{}» read either way ({} row {}: «{}» may have the day or the month first) and no date in the column proves which; say it in a mapping file: [dates] order = \"dmy\" (day first) or \"mdy\" (month first)" => {
            "даты в «{}» читаются двояко ({}, строка {}: в «{}» первым может быть и день, и месяц), и ни одна дата столбца этого не решает; укажите порядок в файле сопоставления: [dates] order = \"dmy\" (день первым) или \"mdy\" (месяц первым)"
        }
        "one of \"dmy\" (31/01/2025), \"mdy\" (01/31/2025) or \"ymd\" (2025/01/31)" => {
            "одно из: \"dmy\" (31/01/2025), \"mdy\" (01/31/2025) или \"ymd\" (2025/01/31)"
        }
        "is not a date format; write it like \"%d-%m-%Y %H:%M:%S\" (%d day, %m month, %Y year, %H:%M:%S time)" => {
            "это не формат даты; формат записывается так: \"%d-%m-%Y %H:%M:%S\" (%d — день, %m — месяц, %Y — год, %H:%M:%S — время)"
        }
        "must name the day, the month and the four-digit year (%d, %m and %Y), like \"%d-%m-%Y %H:%M:%S\"" => {
            "в формате должны быть день, месяц и год из четырёх цифр (%d, %m и %Y), например \"%d-%m-%Y %H:%M:%S\""
        }
        "{} visits with an amount that cannot be read (counted, without revenue)" => {
            "визитов с нечитаемой суммой: {} (засчитаны, без выручки)"
        }
        "Of them, {} have an amount that cannot be read ({}: {}); each still counts as a visit: {}." => {
            "Сумма не читается у {} из них ({}: {}); каждый всё равно засчитан как визит: {}."
        }
        "a row runs past {} MB: a quoted field is never closed (a \" is missing), or this is not an export" => {
            "строка длиннее {} МБ: кавычка в ячейке не закрыта (не хватает \"), или это не выгрузка"
        }
        "its shared strings unpack to {} MB, more than an export holds (at most {} MB); save the sheet again from Excel, or as CSV" => {
            "общие строки книги распаковываются в {} МБ — больше, чем бывает в выгрузке (не более {} МБ); пересохраните лист в Excel или сохраните как CSV"
        }
        "it unpacks to {} MB, more than an export holds (at most {} MB); save the sheet as CSV" => {
            "файл распаковывается в {} МБ — больше, чем бывает в выгрузке (не более {} МБ); сохраните лист как CSV"
        }
        "the sheet holds more than {} cells; export fewer months or save it as CSV" => {
            "на листе больше {} ячеек; выгрузите меньше месяцев или сохраните лист как CSV"
        }
        "{}: JSON, but not a list of records ({}); roi reads an array of records, {\"data\": [...]} as the YCLIENTS API returns it, or one record per line" => {
            "{}: это JSON, но не список объектов ({}); roi читает массив объектов, {\"data\": [...]}, как отдаёт API YCLIENTS, или по одному объекту в строке"
        }
        "--strict: {}" => "--strict: {}",
        "no date" => "пустая ячейка",
        "not a date" => "не дата",
        "a date outside 1970–2100 (write the year in four digits)" => {
            "год вне 1970–2100 или записан двумя цифрами (нужно четыре)"
        }
        "no status" => "нет статуса",
        "not an amount" => "значение не похоже на сумму",
        "an amount like 1,500 (thousands or decimals?)" => {
            "неоднозначное значение вида 1,500 (тысячи или дробная часть?)"
        }
        "a negative amount" => "отрицательная сумма",
        "not a month" => "не месяц",
        "not a whole number" => "не целое число",
        "the assistant's share above the total" => "доля ассистента больше итога",
        // periods
        "{} {}: {}" => "{} {}: {}",
        "\"{}\" is not a month; write months as YYYY-MM, like 2025-06..2025-11" => {
            "«{}» — не месяц; месяц указывается в виде ГГГГ-ММ, например 2025-06..2025-11"
        }
        "the period runs backwards; write the earlier month first" => {
            "период задан в обратном порядке; сначала укажите более ранний месяц"
        }
        "no records in {} (the data covers {}); choose months the files hold" => {
            "нет данных за {}; в файлах есть месяцы {} — выберите период в этих пределах"
        }
        "a quoted field is never closed (a \" is missing)" => {
            "поле в кавычках не закрыто (не хватает \")"
        }
        "the text is not valid UTF-8" => "текст не в кодировке UTF-8",
        "the workbook has no sheets" => "в книге нет ни одного листа",
        // the measured funnel's table
        "Measured funnel — {}, {}" => "Воронка по данным — {}, {}",
        "Measured funnel — {} {}, {}" => "Воронка по данным — {}, {}, {}",
        "deals" => "сделки",
        "monthly totals" => "итоги по месяцам",
        "--sheet: {} is a {} file, which has no sheets" => {
            "--sheet: {} — файл {}, листов в нём нет"
        }
        "mapped columns" => "столбцы по сопоставлению",
        "{} is given twice; give each export once" => {
            "{} указан дважды; укажите каждую выгрузку один раз"
        }
        "comes before --from {}; write the earlier month first" => {
            "раньше, чем --from {}; сначала укажите более ранний месяц"
        }
        "leads" => "лиды",
        "records" => "строки",
        "months" => "месяцы",
        "Bookings (conv.)" => "Записи (конв.)",
        "No-shows (rate)" => "Неявки (доля)",
        "All months" => "Все месяцы",
        "Baseline: per-month means over {}; the rates and the check from the period's totals." => {
            "База: среднее за месяц в период {}; конверсия, доля неявок и средний чек — по итогам всего периода."
        }
        "All months: per-month means; the rates and the check from the totals." => {
            "Все месяцы: среднее за месяц; конверсия, доля неявок и средний чек — по итогам всех месяцев."
        }
        "No record matches the assistant's rule (--ai or [ai])." => {
            "Ни одна строка выгрузки не подходит под правило ассистента (--ai или [ai])."
        }
        "Baseline period" => "База",
        "Funnel" => "Воронка",
        "File" => "Файл",
        "Kind" => "Тип",
        "Encoding" => "Кодировка",
        "Header row" => "Строка заголовка",
        "Rows" => "Строки",
        "Rows read" => "Прочитано строк",
        "Counted" => "Учтено",
        "Repeated IDs" => "Повторные ID",
        "Outside --from/--to" => "Вне --from/--to",
        "Left out" => "Пропущено",
        "IDs that disagree" => "ID с расхождениями",
        "Channel" => "Канал",
        "all" => "Все каналы",
        "assistant" => "Ассистент",
        "other" => "Другие каналы",
        "AI leads (share)" => "Заявки ассистента (доля)",
        "AI bookings" => "Записи ассистента",
        "AI revenue" => "Выручка ассистента",
        "Other leads" => "Заявки других каналов",
        "The assistant's records and the rest" => "Заявки ассистента и других каналов",
        "Read {} ({}): header in row {}, {}." => {
            "Прочитан файл {} ({}): заголовок в строке {}, всего {}."
        }
        "sheet «{}»" => "лист «{}»",
        "UTF-8 with BOM" => "UTF-8 с BOM",
        "Statuses: {}" => "Статусы: {}",
        " and {} more (see --format json)" => " и ещё {} (см. --format json)",
        " (by stage group)" => " (по группе стадий)",
        " (deleted)" => " (удалена)",
        "lost" => "отказ",
        "in progress" => "в работе",
        "booked" => "записан",
        "came" => "пришёл",
        "did not come" => "не пришёл",
        "Leads and conversion: not in the data — a booking system's records are bookings; the leads live in the CRM or the chats." => {
            "Заявки и конверсия: в данных их нет — в системе онлайн-записи хранятся только записи, заявки — в CRM или в чатах."
        }
        "No-shows: not measured — no status means \"did not come\"; map one to no_show in a mapping file's [status] if the system keeps it." => {
            "Неявки: не измерены — ни один статус не означает «не пришёл»; если система их отмечает, сопоставьте статус с no_show в [status] файла сопоставления."
        }
        "Visits, revenue and the check: not measured — no status means \"came\" (a lead export ends at the booking)." => {
            "Визиты, выручка и чек: не измерены — ни один статус не означает «пришёл» (выгрузка лидов заканчивается записью)."
        }
        "Revenue and the check: not measured — the data has no amounts." => {
            "Выручка и чек: не измерены — в данных нет сумм."
        }
        "{} visits have no amount: revenue and the average check count only the priced ones." => {
            "Визитов без суммы: {}; выручка и средний чек посчитаны только по визитам с суммой."
        }
        "No records in {}: is an export missing?" => {
            "Нет данных за {}: возможно, не хватает выгрузки за эти месяцы."
        }
        "Note: {}" => "Примечание: {}",
        "left out {} of {} rows:{}" => "пропущено строк — {} из {}. Причины:{}",
        "{} repeating an ID counted once" => "повторы ID — {}; каждый ID учтён один раз",
        "{} IDs repeat with another status or amount (e.g. ID {}: {} was counted, {} was not)" => {
            "у {} ID повторные строки расходятся по статусу или сумме (например, ID {}: учтена {}, а {} — нет)"
        }
        "row {} of {}" => "строка {} файла {}",
        "{} row {}" => "{}, строка {}",
        "{} outside --from/--to" => "{} вне периода --from/--to",
        "give at least one export file" => "укажите хотя бы один файл выгрузки",
        "{} is a directory; give an export file" => "{} — это папка; укажите файл выгрузки",
        "one month, like 2025-06" => "укажите один месяц, например 2025-06",
        "--scenario needs --baseline FROM..TO" => "для --scenario нужен --baseline ОТ..ДО",
        // the baseline scenario file
        "the data has no leads, so no leads or conversion for [baseline] (a booking system's records are bookings); measure the CRM's or the chats' export instead, or write them by hand" => {
            "в данных нет заявок, поэтому для [baseline] нет leads и conversion (в системе онлайн-записи только записи); возьмите выгрузку CRM или чатов либо впишите их вручную"
        }
        "the data has no amounts of visits, so no average_check for [baseline]; name the amount column in a mapping file ([columns] amount = \"…\"), or write it by hand" => {
            "в данных нет сумм визитов, поэтому для [baseline] нет average_check; укажите столбец суммы в файле сопоставления ([columns] amount = \"…\") или впишите чек вручную"
        }
        "the period has more bookings than leads, so its conversion is above 100%; check the leads column" => {
            "записей в периоде больше, чем заявок, и конверсия выше 100\u{a0}%; проверьте столбец заявок"
        }
        "{} ({}, {}): {}" => "{} ({}, {}): {}",
        "{} counted, {} repeated IDs, {} left out" => {
            "учтено строк: {}, повторов ID: {}, пропущено: {}"
        }
        "{} counted, {} left out" => "учтено строк: {}, пропущено: {}",
        "{}, measured {}" => "{}, данные за {}",
        "Baseline measured by `roi measure` from:" => {
            "Базовые показатели рассчитаны командой `roi measure` по файлам:"
        }
        "Months {} ({}), all channels; each figure is the period's total, not an average of monthly ratios." => {
            "Базовый период {} ({}), все каналы; конверсия, доля неявок и средний чек — по итогам всего периода, а не среднее из месячных значений."
        }
        "; lowest {} ({}), highest {} ({})" => "; минимум {} ({}), максимум {} ({})",
        "leads per month: {} over {}" => "заявки в месяц = {} / {}",
        "an average month of the season: {} over the season's weight of these months, {}" => {
            "с поправкой на сезон: {} / {} (сумма сезонных коэффициентов этих месяцев) — заявки в средний месяц года"
        }
        "[seasonality]: each calendar month's leads over the mean month, learnt from {} ({}); a calendar month seen in two years is averaged." => {
            "[seasonality]: отношение заявок каждого календарного месяца к среднему месяцу, по данным за {} ({}); месяц, который встречается в двух годах, усреднён."
        }
        "Projection month 1 is {}, the month after the baseline: change start if the assistant starts later." => {
            "Первый месяц прогноза — {}, следующий за базовым периодом; измените start, если ассистент начнёт работать позже."
        }
        "January … December" => "январь … декабрь",
        "bookings / leads = {} / {}" => "записи / заявки = {} / {}",
        "no-shows / (visits + no-shows) = {} / {}" => "неявки / (визиты + неявки) = {} / {}",
        "no_show_rate: not measured (the data has no no-show status); 0 is assumed unless you set it" => {
            "доля неявок (no_show_rate) не измерена (в данных нет статуса неявки); если не задать, считается 0"
        }
        "revenue / visits = {} / {}" => "выручка / визиты = {} / {}",
        "Note: {} bookings of these months are still open. The model counts every booking as a visit or a no-show, so its revenue, {} a month, is above the measured {} a month." => {
            "Внимание: записей этих месяцев, по которым ещё неизвестно, пришёл ли клиент, — {}. Расчёт считает каждую запись визитом или неявкой, поэтому выручка по модели ({} в месяц) выше фактической ({} в месяц)."
        }
        "[after]: your plan with the assistant, as changes from the baseline." => {
            "[after]: ваш план с ассистентом — изменения относительно базовых показателей."
        }
        "[costs]: what the assistant costs." => "[costs]: сколько стоит ассистент.",
        // --print-map
        "A sheet of monthly totals: one row a month. Give the header of each column you have." => {
            "Таблица итогов по месяцам: строка на месяц. Укажите заголовки столбцов, которые у вас есть."
        }
        "The assistant's share of a month, if the sheet keeps it:" => {
            "Доля ассистента за месяц, если она есть в таблице:"
        }
        "Mapping for {} {}: edit the headers to match your file, and say what each status means." => {
            "Сопоставление столбцов для {} ({}): поправьте заголовки под свой файл и укажите, что означает каждый статус."
        }
        "Status text as written → outcome: {}." => "Текст статуса как в файле → результат: {}.",
        "Which records the assistant brought (or --ai on the command line):" => {
            "Какие заявки пришли через ассистента (или --ai в командной строке):"
        }
        "or: contains = \"AI\"" => "или: contains = \"AI\"",
        _ => return None,
    })
}
