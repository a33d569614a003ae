//! Russian for the forecasting commands' tables and notes: calc, compare, sweep, solve, simulate, sensitivity, report.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
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
        // report
        "Cumulative net cash flow" => "Чистый денежный поток нарастающим итогом",
        "break-even" => "безубыточность",
        _ => return None,
    })
}
