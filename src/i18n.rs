//! The language people read: Russian or English. JSON keys, CSV headers and
//! key names stay English, since scripts depend on them.

use std::sync::atomic::{AtomicU8, Ordering};

/// The language messages are written in, set once at start-up from `--lang`
/// or the locale (as gettext does), so that errors raised deep in the
/// scenario checks speak it without every function carrying it.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of messages for the rest of the run.
pub fn set_current(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language of messages (English until set).
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::Ru as u8 {
        Lang::Ru
    } else {
        Lang::En
    }
}

/// `text` in the language of messages.
pub fn t(text: &'static str) -> &'static str {
    current().tr(text)
}

/// `template` in the language of messages, each `{}` filled in order.
pub fn f(template: &'static str, args: &[&dyn std::fmt::Display]) -> String {
    current().fill(template, args)
}

/// A language for human-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En = 0,
    /// Russian.
    Ru = 1,
}

impl Lang {
    /// The language of the environment: the first set of LC_ALL, LC_MESSAGES
    /// and LANG, as the C library reads them; `ru*` means Russian.
    pub fn from_env() -> Lang {
        Lang::from_locale(
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .as_deref(),
        )
    }

    /// The language of a locale name like `ru_RU.UTF-8`.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// `text` in this language; `text` is the English and the key into the catalogue.
    pub fn tr(self, text: &'static str) -> &'static str {
        match self {
            Lang::En => text,
            Lang::Ru => russian(text).unwrap_or(text),
        }
    }

    /// A template in this language with each `{}` filled in order.
    pub fn fill(self, template: &'static str, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        let mut parts = self.tr(template).split("{}");
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for part in parts {
            if let Some(arg) = args.next() {
                out.push_str(&arg.to_string());
            }
            out.push_str(part);
        }
        out
    }

    /// `1 month`, `5 months`; in Russian `1 месяц`, `3 месяца`, `5 месяцев`.
    pub fn months(self, n: impl std::fmt::Display) -> String {
        let text = n.to_string();
        match self {
            Lang::En => format!("{text} month{}", if text == "1" { "" } else { "s" }),
            Lang::Ru => {
                let word = match text.parse::<u64>() {
                    Ok(n) if n % 10 == 1 && n % 100 != 11 => "месяц",
                    Ok(n) if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => {
                        "месяца"
                    }
                    Ok(_) => "месяцев",
                    // A fraction of a month reads "0,91 месяца".
                    Err(_) => "месяца",
                };
                format!("{}\u{a0}{word}", text.replace('.', ","))
            }
        }
    }
}

/// The Russian catalogue, keyed by the English text.
fn russian(en: &str) -> Option<&'static str> {
    Some(match en {
        // calc
        "{} — {}-month projection, {}" => "{} — прогноз на {} мес., {}",
        "Pays for itself from the first day" => "Окупается с первого дня",
        "Pays back in {}" => "Окупается за {}",
        "Does not pay back within {}" => "Не окупается за {}",
        "{}; ROI over {} {}, net {}." => "{}; ROI за {} — {}, чистый итог {}.",
        "{}; net {} (no costs, so no ROI)." => "{}; чистый итог {} (затрат нет, ROI не определён).",
        "Funnel per month" => "Воронка за месяц",
        "Baseline" => "До",
        "After" => "После",
        "Change" => "Изменение",
        "Leads" => "Лиды",
        "Conversion" => "Конверсия",
        "Bookings" => "Записи",
        "No-show rate" => "Доля неявок",
        "No-shows" => "Неявки",
        "Visits" => "Визиты",
        "Average check" => "Средний чек",
        "Revenue" => "Выручка",
        "Summary" => "Итоги",
        "Monthly revenue uplift" => "Прирост выручки в месяц",
        "Extra profit per month" => "Доп. прибыль в месяц",
        "Savings per month" => "Экономия в месяц",
        "Monthly benefit at full effect" => "Выгода в месяц при полном эффекте",
        "First-month ROI" => "ROI за первый месяц",
        "ROI over {}" => "ROI за {}",
        "Payback" => "Окупаемость",
        "Break-even month" => "Месяц безубыточности",
        "month {}" => "{}-й месяц",
        "not within {}" => "не достигается за {}",
        "Total benefit" => "Выгода всего",
        "Total cost" => "Затраты всего",
        "Net" => "Чистый итог",
        "NPV at {} a year" => "NPV при ставке {} годовых",
        "Monthly projection" => "Прогноз по месяцам",
        "Month" => "Месяц",
        "Benefit" => "Выгода",
        "Cost" => "Затраты",
        "Cumulative net" => "Итог нарастающим",
        "ROI to date" => "ROI на дату",
        "Annual projection" => "Прогноз по годам",
        "Year" => "Год",
        "Months" => "Месяцы",
        "Assumptions" => "Допущения",
        "Gross margin 100%: all extra revenue is counted as profit, as the article does; set assumptions.gross_margin if materials and wages eat part of it." => {
            "Маржа 100%: вся дополнительная выручка считается прибылью, как в статье; задайте assumptions.gross_margin, если часть съедают материалы и зарплаты."
        }
        "Gross margin {}: only that share of extra revenue is counted as profit." => {
            "Маржа {}: прибылью считается только эта доля дополнительной выручки."
        }
        "Full effect from month 1 (no ramp-up)." => "Полный эффект с первого месяца (без разгона).",
        "Ramp-up: months 1–{} reach {} of the full effect." => {
            "Разгон: месяцы 1–{} дают {} полного эффекта."
        }
        "Setup {} is paid in month 1; {} is paid every month." => {
            "Внедрение {} оплачивается в первый месяц; {} — каждый месяц."
        }
        "No discounting: NPV equals net." => "Без дисконтирования: NPV равен чистому итогу.",
        "NPV discounts each month's cash flow at {} a year ({} a month)." => {
            "NPV дисконтирует денежный поток каждого месяца по ставке {} годовых ({} в месяц)."
        }
        "Payback counts the setup as paid on day one and each month's net flow as arriving evenly." => {
            "Окупаемость считает, что внедрение оплачено в первый день, а поток месяца поступает равномерно."
        }
        "Figures are exact; money is rounded to kopecks (half away from zero) only for display." => {
            "Расчёт точный; деньги округляются до копеек (половина — от нуля) только при выводе."
        }
        "{} is a range, {}; these figures use its {} {} (`roi simulate` shows the spread)." => {
            "{} задан диапазоном {}; здесь взято значение {} {} (разброс покажет `roi simulate`)."
        }
        "midpoint" => "середина",
        "mode" => "мода",
        // compare
        "Comparison of {} scenarios; differences are against the first column." => {
            "Сравнение сценариев ({}); разница — относительно первого столбца."
        }
        "Horizon" => "Горизонт",
        "Revenue after, per month" => "Выручка после, в месяц",
        "Monthly benefit" => "Выгода в месяц",
        "ROI over the horizon" => "ROI за горизонт",
        "Payback, months" => "Окупаемость, мес.",
        "NPV" => "NPV",
        "A dash marks a figure that is undefined (no costs, or no payback within the horizon)." => {
            "Прочерк — показатель не определён (нет затрат или нет окупаемости в пределах горизонта)."
        }
        // sweep
        "{}: {} from {} to {}" => "{}: {} от {} до {}",
        "{}: {} by {} (rows) and {} (columns)" => "{}: {} по {} (строки) и {} (столбцы)",
        "payback in months" => "окупаемость в месяцах",
        "net over the horizon" => "чистый итог за горизонт",
        "monthly benefit" => "выгода в месяц",
        "ROI" => "ROI",
        // solve
        "{}: {} for {}" => "{}: {} для цели {}",
        "{} = {}{}: the target is met {}." => "{} = {}{}: цель достигается {}.",
        "at this value and above" => "при этом значении и выше",
        "at this value and below" => "при этом значении и ниже",
        "There, {} = {}." => "При нём {} = {}.",
        "Exact value, for --set {}=…: {}" => "Точное значение для --set {}=…: {}",
        "Solved exactly: the target is linear in this input.\n" => {
            "Решено точно: цель линейна по этому параметру.\n"
        }
        "Found by bisection, to far below a kopeck.\n" => {
            "Найдено делением пополам, точнее копейки.\n"
        }
        "Found by trying every whole number of months.\n" => "Найдено перебором целых месяцев.\n",
        "No value meets the target: tried {}." => {
            "Ни одно значение не достигает цели: проверено {}."
        }
        "Every value meets the target: tried {}." => {
            "Цель достигается при любом значении: проверено {}."
        }
        "{} from {} ({} there) to {} ({} there)" => "{} от {} ({}) до {} ({})",
        "{} vs baseline {}" => "{} к базе {}",
        "baseline {}" => "база {}",
        "ROI {}" => "ROI {}",
        "over {}" => "за {}",
        "over the horizon" => "за горизонт",
        "payback" => "окупаемость",
        "net {}" => "чистый итог {}",
        "NPV {}" => "NPV {}",
        "undefined" => "не определён",
        // simulate
        "{} — {} trials (seed {}), {}-month horizon" => {
            "{} — {} испытаний (seed {}), горизонт {} мес."
        }
        "Mean" => "Среднее",
        "Chance that ROI > 0: {}" => "Вероятность ROI > 0: {}",
        "Chance of payback within 3 months: {}, 6 months: {}, 12 months: {}, the horizon ({} months): {}" => {
            "Вероятность окупиться за 3 месяца: {}, за 6: {}, за 12: {}, за горизонт ({} мес.): {}"
        }
        "ROI over the horizon, trials per bin" => "ROI за горизонт, испытаний в интервале",
        "The scenario has no ranges, so every trial is the same; give a key a range like leads = \"+15%..+40%\"." => {
            "В сценарии нет диапазонов, все испытания одинаковы; задайте диапазон, например leads = \"+15%..+40%\"."
        }
        "Ranges: {}." => "Диапазоны: {}.",
        "A dash marks a figure that does not exist: the mean or a percentile of payback that falls on trials that do not pay back within the horizon." => {
            "Прочерк — показатель не существует: среднее или перцентиль окупаемости, попавший на испытания без окупаемости в пределах горизонта."
        }
        "Statistics come from binary floating point runs of the same model as `roi calc`; sampling error is far larger than rounding." => {
            "Статистика получена на той же модели, что и `roi calc`, в двоичной плавающей точке; ошибка выборки намного больше ошибки округления."
        }
        // sensitivity
        "{}: what moves ROI over {} most (now {})" => {
            "{}: что сильнее всего меняет ROI за {} (сейчас {})"
        }
        "Input" => "Параметр",
        "Low … high" => "Низ … верх",
        "ROI at low" => "ROI внизу",
        "ROI at high" => "ROI вверху",
        "Swing" => "Размах",
        "Payback at low … high" => "Окупаемость внизу … вверху",
        "Inputs with a range go to its ends; the others move by ±{} of their value (shares stop at 100%)." => {
            "Параметры с диапазоном берутся на его краях; остальные меняются на ±{} от значения (доли — не выше 100\u{a0}%)."
        }
        "The bar runs from ROI at one end to ROI at the other; ┃ marks today's estimate. Check the top inputs first." => {
            "Полоса идёт от ROI на одном краю до ROI на другом; ┃ — текущая оценка. Проверяйте сначала верхние параметры."
        }
        // messages
        "Error:" => "Ошибка:",
        "line {}" => "строка {}",
        " has {} problems:" => ": ошибок — {}:",
        "variant \"{}\"" => "вариант \"{}\"",
        " (a bare number is a fraction; did you mean \"{}%\"?)" => {
            " (число без знака % — это доля; может быть, имелось в виду \"{}%\"?)"
        }
        " Keys: {}" => " Ключи: {}",
        " or " => " или ",
        "--at-month fixes the horizon, so it cannot also be solved for" => {
            "--at-month задаёт горизонт, поэтому искать его нельзя"
        }
        "{} {}: is a directory; give a file path" => "{} {}: это папка; укажите путь к файлу",
        "{} {}: the folder {} does not exist" => "{} {}: папки {} не существует",
        "{} {}: this is the scenario being read; writing there would destroy it" => {
            "{} {}: это читаемый сценарий; запись туда уничтожила бы его"
        }
        "--samples needs a file: standard output already carries the report" => {
            "--samples нужен файл: стандартный вывод уже занят отчётом"
        }
        "--samples and -o name the same file" => "--samples и -o указывают на один и тот же файл",
        "--excel shapes CSV: add --format csv" => "--excel относится к CSV: добавьте --format csv",
        "simulating… {}%" => "моделирование… {}%",
        "no subcommand {}; pages exist for: {}" => "нет подкоманды {}; страницы есть для: {}",
        "uniform" => "равномерное",
        "triangular" => "треугольное",
        "pert" => "PERT",
        "mode {}" => "мода {}",
        "; [[variant]] takes: name, set" => "; в [[variant]] допустимы: name, set",
        "; [{}] takes: {}" => "; в [{}] допустимы: {}",
        "; did you mean `{}`?" => "; может быть, `{}`?",
        "; did you mean {}?" => "; может быть, {}?",
        "; it takes {}" => "; допустимо: {}",
        "; the tables are: {}" => "; таблицы: {}",
        "FROM and TO must be written the same way: both numbers, both \"N%\", both \"+N%\" or both \"+Npp\"" => {
            "FROM и TO должны быть записаны одинаково: оба числами, оба \"N%\", оба \"+N%\" или оба \"+Npp\""
        }
        "FROM, TO and STEP together have more digits than exact arithmetic keeps (28); use fewer decimals" => {
            "в FROM, TO и STEP вместе больше цифр, чем хранит точная арифметика (28); уменьшите число знаков"
        }
        "Wrote {}; run `roi calc {}` to see the projection." => {
            "Записан {}; запустите `roi calc {}`, чтобы увидеть прогноз."
        }
        "a change needs something to change from, and [baseline] holds today's figure; it takes {}" => {
            "изменению нужна база, а [baseline] и есть сегодняшнее значение; допустимо: {}"
        }
        "a change needs something to change from; only [after] keys change from the baseline; it takes {}" => {
            "изменению нужна база; меняться от базы могут только ключи [after]; допустимо: {}"
        }
        "a number ≥ 0, like 1500 or 1500.50" => "число ≥ 0, например 1500 или 1500.50",
        "a number ≥ 0, like 260, or a change from the baseline, like \"+30%\" or \"-10%\"" => {
            "число ≥ 0, например 260, или изменение от базы, например \"+30%\" или \"-10%\""
        }
        "a payback target must be 0 months or more" => "цель по окупаемости — 0 месяцев или больше",
        "a range table needs low and high" => "в таблице диапазона нужны low и high",
        "a range table takes low, high, mode and dist: {}" => {
            "таблица диапазона принимает low, high, mode и dist: {}"
        }
        "a share from 0% to 100%, like \"25%\" or 0.25" => {
            "доля от 0% до 100%, например \"25%\" или 0.25"
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
        "at its low end {}" => "на нижней границе {}",
        "at its high end {}" => "на верхней границе {}",
        "with the baseline at its low end" => "при базе на нижней границе",
        "with the baseline at its high end" => "при базе на верхней границе",
        "cannot be read as a number" => "не читается как число",
        "cannot compute {}" => "не удаётся рассчитать {}",
        "cannot compute {} ({})" => "не удаётся рассчитать {} ({})",
        "cannot create {}" => "не удаётся создать {}",
        "cannot read the target value; write {}" => {
            "не удаётся прочитать значение цели; напишите {}"
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
        "comes out at {}, outside 0%–100%" => "получается {}, вне 0%–100%",
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
            "знак делает значение изменением, но нет единицы: для изменения пишите \"+15%\" (относительное) или \"+15pp\" (процентные пункты), для значения — просто число"
        }
        "has more digits than exact arithmetic keeps (28 decimal places, magnitude below 7.9e28); round it yourself" => {
            "цифр больше, чем хранит точная арифметика (28 знаков после запятой, величина меньше 7.9e28); округлите сами"
        }
        "is not a finite number" => "не конечное число",
        "is not a number of months; it takes {}" => "не число месяцев; допустимо: {}",
        "is out of range" => "вне допустимого диапазона",
        "is not a whole number" => "не целое число",
        "is outside 0%–100%" => "вне 0%–100%",
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
        "is too large to compute exactly" => "слишком велико для точного расчёта",
        "must be a list of tables, each written [[variant]] with a name and a set" => {
            "должно быть списком таблиц [[variant]], каждая с name и set"
        }
        "must be a share above 0% and at most 100%, like 20% or 0.2" => {
            "должно быть долей больше 0% и не больше 100%, например 20% или 0.2"
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
        "this is not valid TOML: {}" => "это не корректный TOML: {}",
        "unknown dist \"{}\"; use \"uniform\", \"triangular\" or \"pert\"" => {
            "неизвестное распределение \"{}\"; используйте \"uniform\", \"triangular\" или \"pert\""
        }
        "unknown key" => "неизвестный ключ",
        "unknown table (keys belong inside one)" => {
            "неизвестная таблица (ключи должны стоять внутри таблицы)"
        }
        "unknown key `{}`" => "неизвестный ключ `{}`",
        "unknown metric; use one of {}" => "неизвестная метрика; используйте одну из: {}",
        "would make it negative ({} from {}); a decrease is at most \"-100%\"" => {
            "сделает значение отрицательным ({} из {}); уменьшение — не больше \"-100%\""
        }
        "writing the answer" => "запись ответа",
        "{} ({} {} {} of it)" => "{} ({} {} {} от него)",
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
        "{} points are too many for a table (at most {}); use --format csv or json, or larger steps" => {
            "{} точек — слишком много для таблицы (не больше {}); используйте --format csv или json либо больший шаг"
        }
        "{} takes whole months, so FROM, TO and STEP must be whole numbers" => {
            "{} принимает целые месяцы, поэтому ОТ, ДО и ШАГ должны быть целыми"
        }
        "{}, line {}: the file is not UTF-8 text (byte 0x{}); save it as UTF-8 (Excel: \"CSV UTF-8\", Notepad: \"UTF-8\")" => {
            "{}, строка {}: файл не в кодировке UTF-8 (байт 0x{}); сохраните его в UTF-8 (Excel: \"CSV UTF-8\", Блокнот: \"UTF-8\")"
        }
        "{}: no such file" => "{}: файл не найден",
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
        "extra profit" => "доп. прибыль",
        "staff savings" => "экономия на персонале",
        "savings" => "экономия",
        "cash flow" => "денежный поток",
        "cumulative benefit" => "выгода нарастающим итогом",
        "cumulative cost" => "затраты нарастающим итогом",
        "cumulative net" => "итог нарастающим",
        "the [baseline] table is missing; it holds today's leads, conversion and average_check per month" => {
            "нет таблицы [baseline]; в ней сегодняшние leads, conversion и average_check за месяц"
        }
        "roi solve prints one answer: use --format table or json" => {
            "roi solve выдаёт один ответ: используйте --format table или json"
        }
        // report
        "Cumulative net cash flow" => "Чистый денежный поток нарастающим итогом",
        "break-even" => "безубыточность",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every literal passed to `t(`, `f(`, `.tr(` or `.fill(` in the sources,
    /// unescaped as the compiler reads it.
    fn catalogue_keys() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs")
                {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut keys = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for opener in ["t(", "f(", ".tr(", ".fill("] {
                for (at, _) in text.match_indices(opener) {
                    let before = text[..at].chars().next_back().unwrap_or(' ');
                    if opener.len() == 2 && (before.is_alphanumeric() || before == '_') {
                        continue;
                    }
                    let rest = text[at + opener.len()..].trim_start();
                    let Some(body) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let mut lit = String::new();
                    let mut chars = body.chars().peekable();
                    while let Some(c) = chars.next() {
                        match c {
                            '"' => break,
                            '\\' => match chars.next() {
                                Some('n') => lit.push('\n'),
                                Some('\n') => {
                                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                                        chars.next();
                                    }
                                }
                                Some(other) => lit.push(other),
                                None => {}
                            },
                            c => lit.push(c),
                        }
                    }
                    keys.push((file.display().to_string(), lit));
                }
            }
        }
        keys
    }

    #[test]
    fn every_message_has_a_russian_translation() {
        let missing: Vec<_> = catalogue_keys()
            .into_iter()
            .filter(|(_, key)| russian(key).is_none())
            .collect();
        assert!(missing.is_empty(), "no Russian for: {missing:#?}");
    }

    #[test]
    fn reads_the_locale() {
        assert_eq!(Lang::from_locale(Some("ru_RU.UTF-8")), Lang::Ru);
        assert_eq!(Lang::from_locale(Some("RU")), Lang::Ru);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }

    #[test]
    fn fills_templates_and_declines_months() {
        assert_eq!(
            Lang::Ru.fill("ROI over {}", &[&"12 мес."]),
            "ROI за 12 мес."
        );
        assert_eq!(Lang::En.fill("month {}", &[&3]), "month 3");
        assert_eq!(Lang::Ru.months(1), "1\u{a0}месяц");
        assert_eq!(Lang::Ru.months(3), "3\u{a0}месяца");
        assert_eq!(Lang::Ru.months(11), "11\u{a0}месяцев");
        assert_eq!(Lang::Ru.months(21), "21\u{a0}месяц");
        assert_eq!(Lang::Ru.months("0.91"), "0,91\u{a0}месяца");
        assert_eq!(Lang::En.months(1), "1 month");
        assert_eq!(Lang::En.months(12), "12 months");
    }
}
