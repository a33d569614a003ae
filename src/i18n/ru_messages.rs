//! Russian for messages: mistakes in scenarios and on the command line, and what the tool says about files.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        // messages
        "Error:" => "Ошибка:",
        "line {}" => "строка {}",
        " has {} problems:" => ": ошибок — {}:",
        "variant \"{}\"" => "вариант «{}»",
        " (a bare number is a fraction; did you mean \"{}%\"?)" => {
            " (число без знака % — это доля; может быть, имелось в виду \"{}%\"?)"
        }
        " or " => " или ",
        "--at-month fixes the horizon, so it cannot also be solved for" => {
            "--at-month задаёт период расчёта, поэтому искать его нельзя"
        }
        "{} {}: is a directory; give a file path" => "{} {}: это папка; укажите путь к файлу",
        "{} {}: the folder {} does not exist" => "{} {}: папки {} не существует",
        "{} {}: this is a file being read; writing there would destroy it" => {
            "{} {}: этот файл читается — запись в него затёрла бы его"
        }
        "--samples needs a file: standard output already carries the report" => {
            "для --samples нужен файл: стандартный вывод уже занят отчётом"
        }
        "{} and {} name the same file" => "{} и {} указывают на один и тот же файл",
        "{} {}: is a symbolic link to {}, which does not exist; give the file itself" => {
            "{} {}: это символическая ссылка на {}, а такого файла нет; укажите сам файл"
        }
        "{} {}: {} is a file, not a folder" => "{} {}: {} — это файл, а не папка",
        "{} {}: cannot be used: {}" => "{} {}: этот путь нельзя использовать: {}",
        "{} {}: cannot be written: {}" => "{} {}: записать туда нельзя: {}",
        "{}: cannot be written: {}" => "{}: записать туда нельзя: {}",
        "{}: {} is a file, not a folder" => "{}: {} — это файл, а не папка",
        "{}: the folder {} does not exist" => "{}: папки {} не существует",
        "--excel shapes CSV: add --format csv" => "--excel относится к CSV: добавьте --format csv",
        "simulating… {}%" => "Моделирование… {}\u{a0}%",
        "no subcommand {}; pages exist for: {}" => "нет подкоманды {}; страницы есть для: {}",
        "uniform" => "равномерное распределение",
        "triangular" => "треугольное распределение",
        "pert" => "распределение PERT",
        "normal" => "нормальное распределение",
        "lognormal" => "логнормальное распределение",
        "{}, 95% interval" => "{}, границы — 95-процентный интервал",
        "mode {}" => "наиболее вероятное — {}",
        "[[variant]] takes: name, set" => "в [[variant]] допустимы ключи: name, set",
        "[{}] takes: {}" => "допустимые ключи в [{}]: {}",
        " (did you mean `{}`?)" => " (возможно, `{}`)",
        " (did you mean [{}]?)" => " (возможно, [{}])",
        " (did you mean {}?)" => " (возможно, {})",
        ". Keys: {}" => ". Ключи: {}",
        "; it takes {}" => "; допустимо: {}",
        "; the tables are: {}" => "; допустимые таблицы: {}",
        "{}, {}" => "{} {}",
        "FROM" => "ОТ",
        "TO" => "ДО",
        "STEP" => "ШАГ",
        "Warning:" => "Предупреждение:",
        "-o {}: this command writes {}, not {}; give --format" => {
            "-o {}: эта команда пишет {}, но не {}; укажите --format"
        }
        "a workbook is a binary file: write it with -o FILE.xlsx" => {
            "книга Excel — двоичный файл: запишите её с -o ФАЙЛ.xlsx"
        }
        "could be a thousands separator or a decimal comma; write 1500 for one thousand five hundred, or 1.5 (or \"1,50\") for one and a half" => {
            "запятая здесь может отделять и тысячи, и дробную часть; напишите 1500 (тысяча пятьсот) или 1.5 (или \"1,50\") — полтора"
        }
        "is not inside a table, and no table takes it; the tables are: {}" => {
            "стоит вне таблицы, и ни одна таблица его не принимает; допустимые таблицы: {}"
        }
        "is not inside a table; write it under [{}]" => "стоит вне таблицы; поместите его в [{}]",
        "is {} below the baseline {}; did you mean \"+{}%\"?" => {
            "на {} ниже базы {}; может быть, имелось в виду \"+{}%\"?"
        }
        "is {} times the baseline {}; check for an extra zero, or write a change like \"+30%\"" => {
            "в {} раза больше базы {}; проверьте, нет ли лишнего нуля, или запишите изменение, например \"+30%\""
        }
        "keys are written in Latin letters, as `roi init` writes them" => {
            "ключи пишутся латиницей, как в файле `roi init`"
        }
        "keys are written in Latin letters, as `roi init` writes them: did you mean {}?" => {
            "ключи пишутся латиницей, как в файле `roi init`: может быть, {}?"
        }
        "the scenario has no ranges, so every trial would be the same; give a key a range, like after.leads = \"+15%..+40%\"" => {
            "в сценарии нет диапазонов, все прогоны были бы одинаковы; задайте диапазон, например after.leads = \"+15%..+40%\""
        }
        "unknown table" => "неизвестная таблица",
        "write {} with a decimal point, or in quotes as \"{}\"" => {
            "напишите {} с точкой или в кавычках: \"{}\""
        }
        "the grid has {} points, too many for a table (at most {}); use --format csv or json, or larger steps" => {
            "слишком много точек для таблицы: {} (не больше {}); используйте --format csv или json либо больший шаг"
        }
        "the grid has {} points, too many for a workbook (at most {}); use --format csv, or larger steps" => {
            "слишком много точек для книги Excel: {} (не больше {}); используйте --format csv либо больший шаг"
        }
        "FROM and TO must be written the same way: both numbers, both \"N%\", both \"+N%\" or both \"+Npp\"" => {
            "ОТ и ДО должны быть записаны одинаково: оба числами, оба \"N%\", оба \"+N%\" или оба \"+Npp\""
        }
        "FROM, TO and STEP together have more digits than exact arithmetic keeps (28); use fewer decimals" => {
            "в ОТ, ДО и ШАГ вместе больше цифр, чем хранит точная арифметика (28); уменьшите число знаков"
        }
        "Wrote {}; run `roi calc {}` to see the projection." => {
            "Создан файл {}; чтобы увидеть прогноз, запустите `roi calc {}`."
        }
        "a change needs something to change from, and [baseline] holds today's figure; it takes {}" => {
            "в [baseline] задаются текущие значения, изменение («+10%») здесь не к чему применить; укажите число; допустимо: {}"
        }
        "a change needs something to change from; only [after] keys change from the baseline; it takes {}" => {
            "изменению нужна база; меняться от базы могут только ключи [after]; допустимо: {}"
        }
        "a number ≥ 0, like 1500 or 1500.50" => "число ≥ 0, например 1500 или 1500.50",
        "a number ≥ 0, like 260, or a change from the baseline, like \"+30%\" or \"-10%\"" => {
            "число ≥ 0, например 260, или изменение от базы, например \"+30%\" или \"-10%\""
        }
        "a payback target must be 0 months or more" => {
            "цель по окупаемости не может быть отрицательной"
        }
        "a range table needs low and high" => "в таблице диапазона нужны low и high",
        "a range table takes low, high, mode and dist: {}" => {
            "таблица диапазона принимает low, high, mode и dist: {}"
        }
        "a share from 0% to 100%, like \"25%\" or 0.25" => {
            "доля от 0 до 100\u{a0}%, например \"25%\" или 0.25"
        }
        "a share like \"25%\" or 0.25, or a change from the baseline: \"+5%\" (relative) or \"+5pp\" (percentage points)" => {
            "доля, например \"25%\" или 0.25, или изменение от базы: \"+5%\" (относительное) или \"+5pp\" (в процентных пунктах)"
        }
        "a whole number of months cannot be a range; it takes {}" => {
            "целое число месяцев не может быть диапазоном; допустимо: {}"
        }
        "a whole number of months from {} to {}" => "целое число месяцев от {} до {}",
        "a {} range needs a mode" => "диапазону {} нужна мода (mode)",
        "another [[variant]] already has this name; names must differ" => {
            "другой [[variant]] уже носит это имя; имена должны различаться"
        }
        "at its low end {}" => "на нижней границе ({})",
        "at its high end {}" => "на верхней границе ({})",
        "with the baseline at its low end" => "при базе на нижней границе",
        "with the baseline at its high end" => "при базе на верхней границе",
        "cannot be read as a number" => "не читается как число",
        "cannot compute {}" => "не удаётся рассчитать {}",
        "cannot compute {} ({})" => "не удаётся рассчитать {} ({})",
        "cannot compute {} at --vary {}" => "не удаётся рассчитать {} при --vary {}",
        "cannot create {}" => "не удаётся создать {}",
        "cannot read the target value; write {}" => {
            "не удаётся прочитать значение цели; укажите {}"
        }
        "cannot read {} \"{}\"; write it as the key takes it: {}" => {
            "не удаётся прочитать {} \"{}\"; запишите так, как принимает ключ: {}"
        }
        "cannot read {}: {}" => "не удаётся прочитать {}: {}",
        "cannot write to standard output" => "не удаётся записать в стандартный вывод",
        "cannot write {}" => "не удаётся записать {}",
        "cannot read the range's low end \"{}\"" => {
            "не удаётся прочитать нижнюю границу диапазона \"{}\""
        }
        "cannot read the range's high end \"{}\"" => {
            "не удаётся прочитать верхнюю границу диапазона \"{}\""
        }
        "cannot read the range's low end {}" => "не удаётся прочитать нижнюю границу диапазона {}",
        "cannot read the range's high end {}" => {
            "не удаётся прочитать верхнюю границу диапазона {}"
        }
        "cannot read the range's mode {}" => "не удаётся прочитать моду диапазона {}",
        "comes out at {}, outside 0%–100%" => "получается {} — вне диапазона 0–100\u{a0}%",
        "every [[variant]] needs a name in quotes, like name = \"pessimistic\"" => {
            "каждому [[variant]] нужно имя в кавычках, например name = \"pessimistic\""
        }
        "expected KEY=FROM..TO[:STEP], like after.leads=+0%..+50%:5%" => {
            "ожидается КЛЮЧ=ОТ..ДО[:ШАГ], например after.leads=+0%..+50%:5%"
        }
        "expected KEY=VALUE, like after.leads=+15%" => {
            "ожидается КЛЮЧ=ЗНАЧЕНИЕ, например after.leads=+15%"
        }
        "expected METRIC=VALUE with METRIC one of {}" => {
            "ожидается МЕТРИКА=ЗНАЧЕНИЕ, где МЕТРИКА — одна из {}"
        }
        "expected a number, found {}" => "ожидается число, а указано: {}",
        "a boolean" => "логическое значение",
        "a date" => "дата",
        "an array" => "массив",
        "a table" => "таблица",
        "expected a range FROM..TO[:STEP], like 20%..30%:1pp" => {
            "ожидается диапазон ОТ..ДО[:ШАГ], например 20%..30%:1pp"
        }
        "give --vary once for a table or twice for a grid" => {
            "укажите --vary один раз для таблицы или дважды для сетки"
        }
        "has a sign, which makes it a change, but no unit: write \"+15%\" (relative) or \"+15pp\" (percentage points) for a change, or the plain number for a value" => {
            "со знаком «+» или «−» это изменение, но не указана единица: \"+15%\" (относительное) или \"+15pp\" (в процентных пунктах); для самого значения — число без знака"
        }
        "has more digits than exact arithmetic keeps (28 decimal places, magnitude below 7.9e28); round it yourself" => {
            "цифр больше, чем хранит точная арифметика (28 знаков после запятой, величина меньше 7.9e28); округлите сами"
        }
        "is not a finite number" => "не конечное число",
        "is not a number of months; it takes {}" => "не число месяцев; допустимо: {}",
        "is out of range" => "вне допустимого диапазона",
        "is not a whole number" => "не целое число",
        "is outside 0%–100%" => "вне диапазона 0–100\u{a0}%",
        "is required; it takes {}" => "обязателен; допустимо: {}",
        "is an amount, not a percentage" => "это сумма, а не процент",
        "a percentage without a sign is not an amount" => "процент без знака — не сумма",
        "is set twice in variant \"{}\"; keep one" => {
            "задан дважды в варианте \"{}\"; оставьте одно значение"
        }
        "is text; solving works on the numeric keys: {}" => {
            "это текст; подбор работает с числовыми ключами: {}"
        }
        "is too large for a TOML integer; write it with an exponent (1e20) or in quotes (\"99999999999999999999\")" => {
            "слишком велико для целого TOML; запишите с порядком (1e20) или в кавычках (\"99999999999999999999\")"
        }
        "must be a list of tables, each written [[variant]] with a name and a set" => {
            "должно быть списком таблиц [[variant]], каждая с name и set"
        }
        "must be a share above 0% and at most 100%, like 20% or 0.2" => {
            "должно быть долей больше 0 и не больше 100\u{a0}%, например 20% или 0.2"
        }
        "must be a table of changes, like set = { \"after.leads\" = \"+15%\" }" => {
            "должно быть таблицей изменений, например set = { \"after.leads\" = \"+15%\" }"
        }
        "must be a table, written [{}] on a line of its own" => {
            "должно быть таблицей: [{}] на отдельной строке"
        }
        "must be a three-letter ISO 4217 code, like \"RUB\", \"USD\" or \"KZT\"" => {
            "должен быть трёхбуквенным кодом ISO 4217, например \"RUB\", \"USD\" или \"KZT\""
        }
        "must be text in quotes" => "должно быть текстом в кавычках",
        "must not be empty" => "не должно быть пустым",
        "must not be negative; it takes {}" => "не может быть отрицательным; допустимо: {}",
        "standard input (-) can be read only once" => {
            "стандартный ввод (-) можно прочитать только один раз"
        }
        "the ends of a range must be written the same way: both numbers, both \"N%\", both \"+N%\" or both \"+Npp\"" => {
            "границы диапазона должны быть записаны одинаково: обе числами, обе \"N%\", обе \"+N%\" или обе \"+Npp\""
        }
        "the figures are too large to compute exactly: {} would pass 7.9e28, the limit of exact decimal arithmetic; check the amounts for extra zeros" => {
            "числа слишком велики для точного расчёта: {} превысит 7.9e28, предел точной десятичной арифметики; проверьте суммы на лишние нули"
        }
        "the file is empty (nothing but blanks and comments); a scenario needs at least [baseline] with leads, conversion and average_check (`roi init` writes a starter file)" => {
            "файл пуст (только пустые строки и комментарии); сценарию нужна хотя бы таблица [baseline] с leads, conversion и average_check (`roi init` создаст заготовку)"
        }
        "the grid has {} points; the limit is {}: use larger steps" => {
            "в сетке {} точек; предел — {}: увеличьте шаг"
        }
        "the low end is above the high end" => "нижняя граница выше верхней",
        "the mode lies outside the range" => "мода вне диапазона",
        "a normal range's point is its median, the middle of the interval; drop mode" => {
            "расчётная точка нормального диапазона — его медиана, середина интервала; уберите mode"
        }
        "a lognormal range's point is its median, the geometric mean of its ends; drop mode" => {
            "расчётная точка логнормального диапазона — его медиана, среднее геометрическое границ; уберите mode"
        }
        "a share (\"25%\") or a change in points (\"+5pp\") cannot be lognormal; use dist = \"normal\"" => {
            "доля (\"25%\") или изменение в процентных пунктах (\"+5pp\") не может быть логнормальным; используйте dist = \"normal\""
        }
        "a share cannot be lognormal, which has no ceiling at 100%; use dist = \"normal\", which is clipped at 0% and 100%" => {
            "доля не может быть логнормальной: у логнормального распределения нет потолка в 100\u{a0}%; используйте dist = \"normal\" — его значения обрезаются на 0\u{a0}% и 100\u{a0}%"
        }
        "a lognormal range's ends must be above 0; use dist = \"normal\" for one that reaches 0" => {
            "границы логнормального диапазона должны быть больше 0; для диапазона, который доходит до 0, используйте dist = \"normal\""
        }
        "a lognormal change's ends must be above -100%, as the multiplier 1 + change is what is lognormal; use dist = \"normal\"" => {
            "границы логнормального изменения должны быть больше -100\u{a0}%: логнормально распределён множитель 1 + изменение; используйте dist = \"normal\""
        }
        "{} cannot be written back as a scenario file writes it" => {
            "{}: это значение нельзя записать так, как его записывает файл сценария"
        }
        "the range has more than {} values; use a larger step" => {
            "в диапазоне больше {} значений; увеличьте шаг"
        }
        "the range is empty (FROM equals TO); use --set for a single value" => {
            "диапазон пуст (ОТ равно ДО); для одного значения используйте --set"
        }
        "the range is in plain numbers, so the step must be one too" => {
            "диапазон задан числами, поэтому и шаг должен быть числом"
        }
        "the range is too wide to compute exactly" => "диапазон слишком широк для точного расчёта",
        "the step goes away from TO; give it the sign of TO − FROM" => {
            "шаг уводит от ДО; дайте ему знак ДО − ОТ"
        }
        "the step is zero; it must move from FROM towards TO" => {
            "шаг равен нулю; он должен вести от ОТ к ДО"
        }
        "this is not valid TOML: {}" => "некорректный TOML: {}",
        "unknown dist \"{}\"; use \"uniform\", \"triangular\", \"pert\", \"normal\" or \"lognormal\"" => {
            "неизвестное распределение \"{}\"; используйте \"uniform\", \"triangular\", \"pert\", \"normal\" или \"lognormal\""
        }
        "unknown key" => "неизвестный ключ",
        "unknown key `{}`" => "неизвестный ключ `{}`",
        "unknown metric; use one of {}" => "неизвестная метрика; используйте одну из: {}",
        "would make it negative ({} from {}); a decrease is at most \"-100%\"" => {
            "значение станет отрицательным ({} при базе {}); уменьшить можно не более чем на 100\u{a0}% (\"-100%\")"
        }
        "writing the answer" => "запись ответа",
        "{} ({} {} {} of it)" => "{} ({} {} {} от этой величины)",
        "{} already exists; remove it or choose another path" => {
            "{} уже существует; удалите его или выберите другой путь"
        }
        "{} is a directory; give the path of a new file" => {
            "{} — это папка; укажите путь к новому файлу"
        }
        "{} is a directory; give the path of a scenario file inside it" => {
            "{} — это папка; укажите путь к файлу сценария в ней"
        }
        "{} is varied twice; vary two different keys" => {
            "{} меняется дважды; меняйте два разных ключа"
        }
        "{} takes whole months, so FROM, TO and STEP must be whole numbers" => {
            "{} принимает целые месяцы, поэтому ОТ, ДО и ШАГ должны быть целыми"
        }
        "{}, line {}: the file is not UTF-8 text (byte 0x{}); save it as UTF-8 (Excel: \"CSV UTF-8\", Notepad: \"UTF-8\")" => {
            "{}, строка {}: файл не в кодировке UTF-8 (байт 0x{}); сохраните его в UTF-8 (Excel: «CSV UTF-8», Блокнот: «UTF-8»)"
        }
        "{}: no such file" => "{}: файл не найден",
        "{} is larger than {} MiB, too large for a scenario (those are a few kilobytes); check that this is the right file" => {
            "{} больше {}\u{a0}МБ — слишком много для сценария (обычно это несколько килобайт); проверьте, тот ли это файл"
        }
        "{}; a range is written \"+15%..+40%\" or { low = …, high = …, mode = …, dist = \"triangular\" }" => {
            "{}; диапазон записывается так: \"+15%..+40%\" или { low = …, high = …, mode = …, dist = \"triangular\" }"
        }
        "{}; it takes {}" => "{}; допустимо: {}",
        "a ratio like 0.5 or \"50%\"" => "долю, например 0.5 или \"50%\"",
        "a number of months like 3" => "число месяцев, например 3",
        "an amount like 100000" => "сумму, например 100000",
        "revenue" => "выручка",
        "bookings" => "записи",
        "no-shows" => "неявки",
        "visits" => "визиты",
        "revenue uplift" => "прирост выручки",
        "extra profit" => "дополнительная прибыль",
        "staff savings" => "экономия на персонале",
        "savings" => "экономия",
        "cash flow" => "денежный поток",
        "cumulative benefit" => "выгода нарастающим итогом",
        "cumulative cost" => "затраты нарастающим итогом",
        "cumulative net" => "нарастающий итог",
        "the [baseline] table is missing; it holds today's leads, conversion and average_check per month" => {
            "нет таблицы [baseline] — в ней задаются текущие leads, conversion и average_check за месяц"
        }
        _ => return None,
    })
}
