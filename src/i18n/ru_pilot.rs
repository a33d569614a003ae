//! Russian for `roi pilot`: the decision, the figures behind it, and its messages.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        "Pilot {} ({}) against the baseline {} ({})" => "Пилот {} ({}) в сравнении с базой {} ({})",
        "Planning a pilot against the baseline {} ({})" => "План пилота относительно базы {} ({})",
        "Decision: SCALE — the pilot shows a real rise." => {
            "Решение: МАСШТАБИРОВАТЬ — пилот показал настоящий рост."
        }
        "Decision: STOP — the pilot does not pay its way." => {
            "Решение: ОСТАНОВИТЬ — пилот себя не оправдывает."
        }
        "Decision: EXTEND — nothing is clear yet; keep the pilot going {} more." => {
            "Решение: ПРОДЛИТЬ — пока ничего не ясно; продолжайте пилот ещё {}."
        }
        "Decision: EXTEND — nothing is clear yet, and at these volumes even a long pilot may not settle it: measure a longer baseline." => {
            "Решение: ПРОДЛИТЬ — пока ничего не ясно, но при таких объёмах и долгий пилот может не дать ответа: возьмите базу подлиннее."
        }
        "{} {} (from {} to {})" => "{}: {} (от {} до {})",
        "{}: a real improvement, not chance." => "{} — настоящее улучшение, не случайность.",
        "{}: a real change for the worse." => "{} — настоящее ухудшение.",
        "{}: could be chance — the interval holds no change." => {
            "{} — может быть случайностью: в интервал входит «без изменений»."
        }
        "The season explains the rise: against the same months a year earlier the leads changed {}." => {
            "Рост объясняется сезоном: по сравнению с теми же месяцами год назад заявки изменились на {}."
        }
        "Other channels' leads changed {} while the assistant's appeared: it may be relabelling leads that would have come anyway, so the total is the honest measure." => {
            "Заявки из других каналов изменились на {}, когда появились заявки ассистента: возможно, он лишь перехватывает заявки, которые пришли бы и так, поэтому честная мера — общий итог."
        }
        "ROI to date on the measured revenue and the plan's costs: {}." => {
            "ROI за время пилота по фактической выручке и затратам из плана: {}."
        }
        "ROI over the plan's horizon if the pilot's clear changes hold: {}." => {
            "ROI за период плана, если явные изменения пилота сохранятся: {}."
        }
        "Whether it pays was not checked: give the plan with --scenario." => {
            "Окупаемость не проверена: укажите план через --scenario."
        }
        "The plan was built on other baseline figures than the data shows (see below)." => {
            "Исходные цифры плана расходятся с данными (см. ниже)."
        }
        "What changed (all leads)" => "Что изменилось (все заявки)",
        "Leads per month by channel" => "Заявки в месяц по каналам",
        "Metric" => "Показатель",
        "Before" => "До",
        "Pilot" => "Пилот",
        "95% interval" => "Интервал 95\u{a0}%",
        "Verdict" => "Вывод",
        "Leads per month" => "Заявки в месяц",
        "Revenue per month" => "Выручка в месяц",
        "clearly up" => "явный рост",
        "clearly down" => "явное снижение",
        "clearly up (worse)" => "явный рост (хуже)",
        "clearly down (better)" => "явное снижение (лучше)",
        "could be chance" => "может быть случайностью",
        "the season explains it" => "объясняется сезоном",
        "the data has no such figure" => "в данных этого нет",
        "new: none before the pilot" => "новый: до пилота не было",
        "none in the pilot" => "в пилоте нет",
        "monthly totals carry no single checks, so their spread is unknown" => {
            "в итогах по месяцам нет отдельных чеков, разброс неизвестен"
        }
        "fewer than two priced visits in a period" => "меньше двух визитов с суммой в периоде",
        "Seasonality: against the same months a year earlier, the leads changed {} (from {} to {}) beyond what the season brings." => {
            "Сезонность: по сравнению с теми же месяцами год назад заявки изменились на {} (от {} до {}) сверх того, что даёт сезон."
        }
        "Seasonality was not checked: the data has no record of the same months a year earlier. A pilot in a busy month (8 March, December) can look like a rise that is only the season." => {
            "Сезонность не проверена: в данных нет тех же месяцев год назад. Пилот в горячий месяц (8 Марта, декабрь) может показать рост, который даёт только сезон."
        }
        "Month-to-month variation of the baseline's leads: φ = {} ({})." => {
            "Колебания заявок от месяца к месяцу в базе: φ = {} ({})."
        }
        "the months vary more than chance alone would make them; the intervals are widened for it" => {
            "месяцы различаются сильнее, чем от одной случайности; интервалы с учётом этого шире"
        }
        "within what chance alone gives" => "в пределах случайных колебаний",
        "Month-to-month variation is unknown with one baseline month; the intervals assume none beyond chance." => {
            "По одному месяцу базы колебания не оценить; интервалы учитывают только случайный разброс."
        }
        "The assistant's own records over the pilot's {}: {} leads, {} bookings, {} visits, {} revenue." => {
            "Данные самого ассистента за {} пилота: заявок {}, записей на услугу {}, визитов {}, выручка {}."
        }
        "The smallest rise in leads a pilot can tell from chance (80% of the time): {}." => {
            "Наименьший рост заявок, который пилот отличит от случайности (в 80\u{a0}% случаев): {}."
        }
        "{}: {}" => "{}: {}",
        "With {} leads a month on average, a {} rise needs a pilot of {} to be seen." => {
            "Заявок в месяц в среднем {}: чтобы увидеть рост на {}, нужен пилот длиной {}."
        }
        "A {} rise cannot be told from chance within three years at this baseline; measure a longer baseline." => {
            "Рост на {} при такой базе не отличить от случайности и за три года; возьмите базу подлиннее."
        }
        "Against the plan «{}»" => "Сравнение с планом «{}»",
        "Leads: plan" => "Заявки: план",
        "actual" => "факт",
        "Revenue: plan" => "Выручка: план",
        "ROI to date: plan" => "ROI за пилот: план",
        "The plan's baseline «{}» is {}, the data's {}: more than 10% apart, so the plan was built on other numbers." => {
            "Исходный показатель «{}» в плане — {}, по данным — {}: расходятся больше чем на 10\u{a0}% от значения по данным."
        }
        "[after]: the pilot's measured changes as ranges (95% intervals), for `roi simulate` and `roi sensitivity`." => {
            "[after]: измеренные в пилоте изменения как диапазоны (интервалы 95\u{a0}%) для `roi simulate` и `roi sensitivity`."
        }
        "From the plan «{}»." => "Из плана «{}».",
        "--expect {}: a rise in leads like +30% or 0.3" => {
            "--expect {}: рост заявок, например +30% или 0.3"
        }
        "--write-scenario needs a --pilot to measure" => {
            "для --write-scenario нужен --pilot, который можно измерить"
        }
        "its figures are too large to compute exactly" => {
            "его числа слишком велики для точного расчёта"
        }
        "overlaps the baseline {}; the pilot's months must come after it" => {
            "пересекается с базой {}; месяцы пилота должны идти после неё"
        }
        "the pilot's 95% interval" => "интервал 95\u{a0}% пилота",
        "baseline mean" => "среднее базы",
        "plan" => "план",
        "measured leads" => "заявки по данным",
        "Low" => "Нижняя граница",
        "High" => "Верхняя граница",
        "p-value" => "p-значение",
        "Plan" => "План",
        "comes before the baseline {}; the pilot's months must come after it" => {
            "идёт раньше базы {}; месяцы пилота должны идти после неё"
        }
        "--write-scenario needs a file; standard output carries the report" => {
            "для --write-scenario нужен файл: стандартный вывод занят отчётом"
        }
        "roi calc would refuse the scenario these figures make, so it is not written: {}; check the export's amounts and counts for extra digits" => {
            "roi calc не примет сценарий из этих цифр, поэтому он не записан: {}; проверьте суммы и счётчики в выгрузке — нет ли лишних цифр"
        }
        "roi calc would refuse the scenario these figures and the plan's costs make, so it is not written: {}; check the export's and the plan's amounts for extra digits" => {
            "roi calc не примет сценарий из этих цифр и затрат плана, поэтому он не записан: {}; проверьте суммы в выгрузке и в плане — нет ли лишних цифр"
        }
        "the scenario written" => "записываемый сценарий",
        "its figures are too large to compute exactly: {} would pass 7.9e28 or need more digits than exact arithmetic keeps; check the plan's and the export's amounts for extra zeros" => {
            "его числа слишком велики для точного расчёта: {} — больше 7.9e28 или больше знаков, чем хранит точная арифметика; проверьте суммы в плане и в выгрузке — нет ли лишних нулей"
        }
        "the plan's savings" => "экономия по плану",
        "the planned funnel of {}" => "плановая воронка за {}",
        "the planned money to {}" => "плановые итоги к {}",
        "the actual money to {}" => "фактические итоги к {}",
        "ROI over the plan's horizon with the measured baseline" => {
            "ROI за период плана от измеренной базы"
        }
        "{} row {} ({}): {} adds up over the months to more than {}, past what its total can hold exactly; a cell of the column has extra digits" => {
            "{}, строка {} ({}): {} в сумме за месяцы больше {} — такой итог нельзя сохранить точно; в ячейке этого столбца лишние цифры"
        }
        _ => return None,
    })
}
