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
        "[after]: the pilot's measured changes as distributions over their 95% intervals (leads lognormal, the rest normal), for `roi simulate` and `roi sensitivity`; `roi pilot` drew its odds of paying from exactly these." => {
            "[after]: изменения, измеренные пилотом, как распределения по их диапазонам 95 % (заявки — логнормальное, остальное — нормальное), для `roi simulate` и `roi sensitivity`; шансы окупиться `roi pilot` рассчитал именно по ним."
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
        "Low (95%)" => "Нижняя граница (95\u{a0}%)",
        "High (95%)" => "Верхняя граница (95\u{a0}%)",
        "p-value" => "p-значение",
        "Plan" => "План",
        "comes before the baseline {}; the pilot's months must come after it" => {
            "идёт раньше базы {}; месяцы пилота должны идти после неё"
        }
        "{} needs a file; standard output carries the report" => {
            "для {} нужен файл: стандартный вывод занят отчётом"
        }
        "--baseline is needed: the months before the assistant, like 2025-06..2025-11" => {
            "нужен --baseline: месяцы до ассистента, например 2025-06..2025-11"
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
        "Nominal two-sided p-value each monthly look must reach (Lan–DeMets, O'Brien–Fleming):" => {
            "Какое p-значение (двустороннее) должен показать каждый ежемесячный просмотр (Лан — ДеМетс, О'Брайен — Флеминг):"
        }
        "The season is not accounted for: the data has no record of the same months a year earlier and the plan no [seasonality], so a before/after pilot cannot tell the assistant from the season. To settle it: export the same months a year earlier, add [seasonality] to the plan (--scenario), or run a switchback pilot." => {
            "Сезон не учтён: в данных нет тех же месяцев год назад, а в плане нет [seasonality], поэтому пилот «до и после» не может отличить действие ассистента от сезона. Что поможет: выгрузить те же месяцы прошлого года, добавить [seasonality] в план (--scenario) или провести пилот с переключением (ассистент включается и выключается по расписанию)."
        }
        "One baseline month: how much the months vary on their own cannot be known, so no pilot can be judged against it. A second baseline month would make the figures above decidable." => {
            "В базовом периоде один месяц: нельзя узнать, насколько месяцы колеблются сами по себе, поэтому судить о пилоте не по чему. Со вторым месяцем базы по этим цифрам уже можно будет принять решение."
        }
        "The planned length is over without a clear rise: looking longer now would be peeking. If the assistant is still worth trying, plan a new pilot." => {
            "Запланированный срок пилота вышел, а явного роста нет: продолжать смотреть дальше — значит подгонять ответ. Если ассистента всё ещё стоит пробовать, спланируйте новый пилот."
        }
        "How much longer must be fixed before looking again, not sized from what was seen: plan it with roi pilot … --plan --save-plan pilot-plan.toml, then judge with --pilot-plan." => {
            "Сколько ещё продолжать, нужно решить заранее, а не по тому, что уже видно: составьте план командой roi pilot … --plan --save-plan pilot-plan.toml и оценивайте пилот с --pilot-plan."
        }
        "Decision: EXTEND — the pilot cannot decide yet." => {
            "Решение: ПРОДЛИТЬ — по пилоту пока нельзя принять решение."
        }
        "The question the decision rests on: did {} rise? Measured {}: {}, interval {} at look {} of {} of the pilot plan (it must reach p ≤ {} this month; the looks together keep a false \"scale\" to 5%), p = {}." => {
            "Главный вопрос: выросли ли {}? Измерено {}: {}, диапазон {} на просмотре {} из {} по плану пилота (в этом месяце нужно p-значение не больше {}; все просмотры вместе оставляют шанс ошибочного «масштабировать» не выше 5 %), p-значение {}."
        }
        "The question the decision rests on: did {} rise? Measured {}: {}, 95% interval {} (the range the true change lies in, 95 times in 100), p = {}." => {
            "Главный вопрос: выросли ли {}? Измерено {}: {}, диапазон 95 %: {} (в этих пределах настоящее изменение лежит в 95 случаях из 100), p-значение {}."
        }
        "The season explains the rise: net of it, {}." => {
            "Рост объясняется сезоном: за вычетом сезона {}."
        }
        "More leads that book a little less often still bring more bookings: {}." => {
            "Заявок больше, и хотя записываются они чуть реже, записей всё равно больше: {}."
        }
        "Odds of paying over the plan's {}: ROI above zero in {} of {} simulated futures drawn from what the pilot measured (its uncertainty included); ROI P10 {}, median {}, P90 {}. Scaling needs at least {}." => {
            "Шансы окупиться за {} плана: ROI выше нуля в {} из {} смоделированных вариантов, построенных по измерениям пилота вместе с их неопределённостью; ROI P10 {}, медиана {}, P90 {}. Для масштабирования нужно не меньше {}."
        }
        "Bookings still open at the export's date (neither came nor marked no-show): {}. Against the plan they count as revenue to come, at the share of the baseline's bookings that came and its average check." => {
            "Записи, ещё не закрытые на дату выгрузки (клиент не пришёл и не отмечен как неявка): {}. В сравнении с планом они считаются будущей выручкой — по доле записей базового периода, закончившихся визитом, и по его среднему чеку."
        }
        "The smallest rise in {} a pilot can tell from chance (80% of the time): {}." => {
            "Наименьший рост ({}), который пилот отличит от случайных колебаний (в 80 % случаев): {}."
        }
        "a probability between 0.5 and 1, like 0.8" => "вероятность от 0,5 до 1, например 0.8",
        "\"{}\" is not a number" => "«{}» — не число",
        "a period like 2025-06..2025-11" => "период вида 2025-06..2025-11",
        "a month like 2025-12" => "месяц вида 2025-12",
        "the pilot must start after the baseline" => {
            "пилот должен начинаться после базового периода"
        }
        "a level between 0 and 0.5, like 0.05" => "уровень от 0 до 0,5, например 0.05",
        "one of leads, bookings, visits, revenue" => "одно из: leads, bookings, visits, revenue",
        "a rise above 0, like 0.3" => "рост больше 0, например 0.3",
        "its looks have no group-sequential boundaries; plan it again with roi pilot --plan" => {
            "для его просмотров не получается рассчитать границы; составьте план заново командой roi pilot --plan"
        }
        "not a pilot plan written by roi pilot --plan --save-plan: {}" => {
            "это не план пилота из roi pilot --plan --save-plan: {}"
        }
        "this roi reads plan version {}" => "эта версия roi читает планы версии {}",
        "1 to {} months" => "от 1 до {} месяцев",
        "one month, like 2025-12" => "один месяц, например 2025-12",
        "no pilot the data can judge sees the rise expected at 80% power with a look every month; give --months to plan one anyway, or plan for a larger rise with --expect" => {
            "ни один пилот, который можно оценить по этим данным, не увидит ожидаемый рост с вероятностью 80 % при ежемесячных просмотрах; задайте длину сами (--months) или ожидайте рост побольше (--expect)"
        }
        "--save-plan: {}" => "--save-plan: {}",
        "No pilot plan is proposed: {}." => "План пилота не предложен: {}.",
        "no pilot plan could be made" => "план пилота составить не удалось",
        "a one-month baseline cannot judge a pilot: how much months vary on their own is unknown; measure a second month first" => {
            "по базе из одного месяца пилот не оценить: неизвестно, насколько месяцы колеблются сами по себе; сначала наберите второй месяц"
        }
        "no pilot planned on this data could decide: the export has no record of the same months a year before the pilot and the baseline, and the plan no [seasonality]; export a year more, add [seasonality] to the plan (--scenario), or plan a switchback (roi pilot design)" => {
            "ни один пилот по этим данным не сможет дать решение: в выгрузке нет тех же месяцев за год до пилота и базы, а в плане нет [seasonality]; выгрузите ещё год, добавьте [seasonality] в план (--scenario) или спланируйте пилот с переключением (roi pilot design)"
        }
        "--baseline {} is not the plan's baseline {}; judge a planned pilot against the baseline it was planned on" => {
            "--baseline {} не совпадает с базовым периодом плана {}; пилот по плану оценивается относительно той базы, по которой он планировался"
        }
        "the plan's pilot runs {}; give its months so far, from its start" => {
            "пилот по плану идёт {}; укажите его прошедшие месяцы начиная с первого"
        }
        "the export holds no full month of the planned pilot (from {}) yet; give --pilot to judge a month the export covers whole" => {
            "в выгрузке ещё нет ни одного полного месяца запланированного пилота (с {}); укажите --pilot, чтобы оценить месяц, который выгрузка покрывает целиком"
        }
        "Bookings per month" => "Записи в месяц",
        "Visits per month" => "Визиты в месяц",
        "bookings a month" => "записи в месяц",
        "visits a month" => "визиты в месяц",
        "revenue a month" => "выручка в месяц",
        "the leads" => "заявки",
        "against the same months a year earlier" => "по сравнению с теми же месяцами год назад",
        "against the plan's [seasonality]" => "с поправкой на сезонность из плана ([seasonality])",
        "not adjusted for the season" => "без поправки на сезон",
        "net of the other channels' own clear rise (the conservative estimate)" => {
            "за вычетом явного роста в других каналах (осторожная оценка)"
        }
        "one month on each side leaves the months' spread unknown" => {
            "по одному месяцу с каждой стороны: неизвестно, насколько месяцы колеблются"
        }
        "The odds of paying could not be drawn, so the pilot cannot scale on them yet: {}." => {
            "Шансы окупиться рассчитать не удалось, поэтому по ним пилот пока нельзя масштабировать: {}."
        }
        "the pilot measured no interval to draw the odds from" => {
            "пилот не измерил ни одного диапазона, по которому можно рассчитать шансы"
        }
        "the off days give no baseline to draw the odds from" => {
            "дни без ассистента не дают базы для расчёта шансов"
        }
        _ => return None,
    })
}
