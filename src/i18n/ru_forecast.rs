//! Russian for the forecasting commands' tables, notes and workbooks: calc,
//! compare, sweep, solve, simulate, sensitivity, report. Wording checked by a
//! native reader (shared/review/ru-strings.md): one term for one thing —
//! «период прогноза», «окупаемость», «нарастающий итог», «заявки».

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        // calc
        "{}-month projection, {}" => "прогноз на {} мес., валюта: {}",
        "Pays for itself from the first day" => "Окупается с первого дня",
        "Costs are not set yet (fill in [costs]), so payback and ROI are not worked out; net {}." => {
            "Затраты ещё не заданы (заполните [costs]), поэтому срок окупаемости и ROI не рассчитываются; чистый итог {}."
        }
        "Pays back in {}" => "Окупается за {}",
        "Does not pay back within {}" => "Не окупается за {}",
        "{}; ROI over {} {}, net {}." => "{}; ROI за {} — {}, чистый итог {}.",
        "{}; net {} (no costs, so no ROI)." => "{}; чистый итог {} (затрат нет, ROI не определён).",
        "Funnel per month" => "Воронка за месяц",
        "Baseline" => "До внедрения",
        "After" => "После внедрения",
        "Change" => "Изменение",
        "Leads" => "Заявки",
        "Conversion" => "Конверсия",
        "Bookings" => "Записи",
        "No-show rate" => "Доля неявок",
        "No-shows" => "Неявки",
        "Visits" => "Визиты",
        "Average check" => "Средний чек",
        "Revenue" => "Выручка",
        "Summary" => "Итоги",
        "Monthly revenue uplift" => "Прирост выручки в месяц",
        "Extra profit per month" => "Дополнительная прибыль в месяц",
        "Savings per month" => "Экономия в месяц",
        "Monthly benefit at full effect" => "Выгода в месяц при полном эффекте",
        "First-month ROI" => "ROI за первый месяц",
        "ROI over {}" => "ROI за {}",
        "Payback" => "Окупаемость",
        "Break-even month" => "Месяц безубыточности",
        "month {}" => "{}-й месяц",
        "not within {}" => "не достигается за {}",
        "Total benefit" => "Выгода за период",
        "Total cost" => "Затраты за период",
        "Net" => "Чистый итог",
        "NPV at {} a year" => "NPV при ставке {} годовых",
        "Monthly projection" => "Прогноз по месяцам",
        "Month" => "Месяц",
        "Benefit" => "Выгода",
        "Cost" => "Затраты",
        "Cumulative net" => "Нарастающий итог",
        "ROI to date" => "ROI нарастающим итогом",
        "Annual projection" => "Прогноз по годам",
        "Year" => "Год",
        "Months" => "Месяцы",
        "Assumptions" => "Допущения",
        "Gross margin {}: all extra revenue is counted as profit, as the article does; set assumptions.gross_margin if materials and wages eat part of it." => {
            "Маржа {}: вся дополнительная выручка считается прибылью, как в статье; задайте assumptions.gross_margin, если часть уходит на материалы и зарплаты."
        }
        "Gross margin {}: all extra revenue is counted as profit, as the article does; if materials and wages eat part of it, the profit is lower." => {
            "Маржа {}: вся дополнительная выручка считается прибылью, как в статье; если часть уходит на материалы и зарплаты, прибыль меньше."
        }
        "Gross margin {}: only that share of extra revenue is counted as profit." => {
            "Маржа {}: прибылью считается только эта доля дополнительной выручки."
        }
        "Full effect from month 1 (no ramp-up)." => {
            "Полный эффект — с первого месяца (без постепенного выхода)."
        }
        "Ramp-up: month 1 reaches {} of the full effect." => {
            "Выход на полный эффект: в 1-й месяц — {} от полного."
        }
        "Ramp-up: months 1–{} reach {} of the full effect." => {
            "Выход на полный эффект: в месяцы 1–{} — соответственно {} от полного."
        }
        "Setup {} is paid in month 1; the subscription, {}, every month." => {
            "Внедрение ({}) оплачивается в первый месяц, абонентская плата ({}) — ежемесячно."
        }
        "No discounting: NPV equals net." => "Без дисконтирования: NPV равен чистому итогу.",
        "NPV discounts each month's cash flow at {} a year ({} a month)." => {
            "NPV рассчитан дисконтированием денежного потока каждого месяца по ставке {} годовых ({} в месяц)."
        }
        "Payback counts the setup as paid on day one and each month's net flow as arriving evenly." => {
            "Срок окупаемости рассчитан так: внедрение оплачено в первый день, чистый денежный поток месяца поступает равномерно."
        }
        "Figures are exact; money is rounded to kopecks (half away from zero) only for display." => {
            "Расчёт точный; суммы округляются до копеек только при выводе (0,5 коп. — в большую по модулю сторону)."
        }
        "{} is a range, {}; these figures use its midpoint, {}." => {
            "{} задан диапазоном {}; в расчёте взята середина диапазона: {}."
        }
        "{} is a range, {}; these figures use its median, {}." => {
            "{} задан диапазоном {}; в расчёте взята медиана: {}."
        }
        "{} is a range, {}; these figures use its likeliest value (the mode), {}." => {
            "{} задан диапазоном {}; в расчёте взято наиболее вероятное значение (мода): {}."
        }
        "`roi simulate` shows the spread." => "Разброс покажет `roi simulate`.",
        // workbooks
        "Figure" => "Показатель",
        "Value" => "Значение",
        "Share of the full effect" => "Доля полного эффекта",
        "Cumulative benefit" => "Выгода нарастающим итогом",
        "Cumulative cost" => "Затраты нарастающим итогом",
        "First month" => "Первый месяц",
        "Last month" => "Последний месяц",
        "Revenue before, per month" => "Выручка до внедрения, в месяц",
        "Comparison" => "Сравнение",
        "Scenario" => "Сценарий",
        "Currency" => "Валюта",
        "Sweep" => "Перебор",
        "Sensitivity" => "Чувствительность",
        "Low" => "Мин.",
        "High" => "Макс.",
        "Ends from" => "Границы",
        "its range" => "диапазон",
        "the swing" => "размах",
        "ROI at low" => "ROI при мин.",
        "ROI at high" => "ROI при макс.",
        "Payback at low, months" => "Окупаемость при мин., мес.",
        "Payback at high, months" => "Окупаемость при макс., мес.",
        "Statistics" => "Статистика",
        "{} trials, seed {}" => "прогонов: {}, зерно генератора {}",
        "Odds" => "Вероятности",
        "Event" => "Событие",
        "Chance" => "Вероятность",
        "ROI > 0" => "ROI > 0",
        "Payback within 3 months" => "Окупаемость за 3 месяца",
        "Payback within 6 months" => "Окупаемость за 6 месяцев",
        "Payback within 12 months" => "Окупаемость за 12 месяцев",
        "Payback within the horizon" => "Окупаемость за период прогноза",
        "Histogram" => "Гистограмма",
        "ROI from" => "ROI от",
        "ROI to" => "ROI до",
        "Trials" => "Прогоны",
        "Ranges" => "Диапазоны",
        "Likeliest" => "Наиболее вероятное",
        "Distribution" => "Распределение",
        // compare
        "Comparison of {} scenarios; differences are against the first column." => {
            "Сравнение сценариев: {}. В скобках — разница с первым столбцом."
        }
        "Horizon" => "Период прогноза",
        "Revenue after, per month" => "Выручка после внедрения, в месяц",
        "Monthly benefit" => "Выгода в месяц",
        "ROI over the horizon" => "ROI за весь период",
        "Payback, months" => "Окупаемость, мес.",
        "NPV" => "NPV",
        "A dash marks a figure that is undefined (no costs, or no payback within the horizon)." => {
            "Прочерк — значение не определено (нет затрат или вложения не окупаются за период прогноза)."
        }
        // sweep
        "{}: {} from {} to {}" => "{}: {} от {} до {}",
        "{}: {} by {} (rows) and {} (columns)" => "{}: {} по {} (строки) и {} (столбцы)",
        "{}: {} by {} (rows) and {}, {} (columns)" => "{}: {} по {} (строки) и {}, {} (столбцы)",
        "payback in months" => "окупаемость в месяцах",
        "net over the horizon" => "чистый итог за весь период",
        "monthly benefit" => "выгода в месяц",
        "ROI" => "ROI",
        // solve
        "{}: {} for {}" => "{}: подбор {}, цель — {}",
        "{} = {}{}: the target is met {}." => "{} = {}{}: цель достигается {}.",
        "at this value and above" => "при этом значении и выше",
        "at this value and below" => "при этом значении и ниже",
        "There, {} = {}." => "При этом значении {} = {}.",
        "Exact value, for --set {}=…: {}" => "Точное значение для --set {}=…: {}",
        "Solved exactly: the target is linear in this input.\n" => {
            "Решение точное: показатель линейно зависит от этого параметра.\n"
        }
        "Found by bisection, to far below a kopeck.\n" => {
            "Найдено методом половинного деления (погрешность много меньше копейки).\n"
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
        "over the horizon" => "за весь период",
        "payback" => "окупаемость",
        "net {}" => "чистый итог {}",
        "NPV {}" => "NPV {}",
        "undefined" => "нет значения",
        // simulate
        "{} — {} (seed {}), {}-month horizon" => "{} — {} (зерно генератора {}), период {} мес.",
        "Mean" => "Среднее",
        "Chance that ROI > 0: {}" => "Вероятность, что ROI > 0: {}",
        "Chance of payback within 3 months: {}, 6 months: {}, 12 months: {}, the horizon ({} months): {}" => {
            "Вероятность окупаемости: за 3 месяца — {}, за 6 — {}, за 12 — {}, за весь период ({} мес.) — {}"
        }
        "ROI over the horizon, trials per bin" => {
            "Распределение ROI за период (число прогонов в интервале)"
        }
        "Ranges: {}." => "Диапазоны: {}.",
        "A dash marks a figure that does not exist: the mean or a percentile of payback that falls on trials that do not pay back within the horizon." => {
            "Прочерк — значения нет: среднее или перцентиль окупаемости приходится на прогоны, в которых вложения не окупились за период."
        }
        "Statistics come from binary floating point runs of the same model as `roi calc`; sampling error is far larger than rounding." => {
            "Статистика рассчитана по той же модели, что и `roi calc`, в арифметике с плавающей точкой; случайная погрешность выборки намного больше погрешности округления."
        }
        // sensitivity
        "{}: what moves ROI over {} most (now {})" => {
            "{}: что сильнее всего влияет на ROI за {} (сейчас {})"
        }
        "Input" => "Параметр",
        "Low → high" => "Мин. → макс.",
        "Swing" => "Размах",
        "Inputs with a range go to its ends; the others move by ±{} of their value (shares stop at 100%)." => {
            "Для параметров с диапазоном берутся его границы, остальные изменяются на ±{} от текущего значения (доли — не выше 100\u{a0}%)."
        }
        "The bar runs from ROI at one end to ROI at the other; ┃ marks today's estimate. Check the top inputs first." => {
            "Полоса — ROI от нижней до верхней границы параметра; ┃ — текущая оценка. Начните проверку с верхних строк."
        }
        "Inputs are sorted by how far they move ROI; check the top ones first." => {
            "Параметры упорядочены по влиянию на ROI; начните проверку с верхних строк."
        }
        // report
        "Cumulative net cash flow" => "Чистый денежный поток нарастающим итогом",
        "payback {}" => "окупаемость: {}",
        _ => return None,
    })
}
