//! Russian for `roi pilot`: the decision, the figures behind it, and its messages.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        "Pilot: {} ({}); baseline: {} ({})" => "Пилот: {} ({}); базовый период: {} ({})",
        "Planning a pilot: baseline {} ({})" => "Планирование пилота: базовый период {} ({})",
        "Decision: SCALE — the pilot shows a clear rise." => {
            "Решение: МАСШТАБИРОВАТЬ — пилот показал явный рост."
        }
        "Decision: EXTEND — the result is not clear yet; run the pilot {} more." => {
            "Решение: ПРОДЛИТЬ — результат пока не ясен; продлите пилот ещё на {}."
        }
        "{} ({}: from {} to {})" => "{} ({}: от {} до {})",
        "{} ({})" => "{} ({})",
        "95% range" => "диапазон 95\u{a0}%",
        "range at this look's level" => "диапазон на уровне этого просмотра",
        "{} — a clear improvement: the whole range is on the better side." => {
            "{} — явное улучшение: весь диапазон — в сторону улучшения."
        }
        "{} — a clear change for the worse: the whole range is on the worse side." => {
            "{} — явное ухудшение: весь диапазон — в сторону ухудшения."
        }
        "{} — the change could be chance: the range holds both a rise and a fall." => {
            "{} — изменение может быть случайным: в диапазон попадает и рост, и снижение."
        }
        "{}: {} — no range could be worked out, so the change cannot be judged yet." => {
            "{}: {} — диапазон рассчитать не удалось, поэтому судить об изменении пока нельзя."
        }
        "{}: {} — there is a rise, but the season explains it: against the same months a year earlier, the change beyond the usual season is {}, and that could be chance." => {
            "{}: {} — рост есть, но его объясняет сезон: если сравнить с теми же месяцами год назад, сверх обычного сезонного роста изменение составляет {} и может быть случайным."
        }
        "The rise as measured is the season's; net of the season: {}." => {
            "Рост в данных объясняется сезоном; за вычетом сезона — {}."
        }
        "Other channels' leads fell by {} while the assistant's appeared: the assistant may be taking leads that would have come without it. Judge the effect by the total of leads." => {
            "Заявки из других каналов снизились на {}, когда появились заявки ассистента: возможно, ассистент забирает себе заявки, которые пришли бы и без него. Судить об эффекте нужно по общему числу заявок."
        }
        "ROI to date on the measured revenue and the plan's costs: {} — over the pilot's {} the costs spent so far (set-up included) have not been earned back yet; whether the assistant pays over the plan's whole period is said next." => {
            "ROI за время пилота по фактической выручке и затратам из плана: {} — за {} пилота затраты (вместе с внедрением) ещё не окупились; окупится ли ассистент за весь период плана — в следующем пункте."
        }
        "ROI over the plan's {} if the pilot's clear changes hold: {}." => {
            "ROI за {} плана, если явные изменения пилота сохранятся: {}."
        }
        "Whether it pays was not checked: to see, give the scenario file with the costs (--scenario)." => {
            "Окупаемость не проверялась: чтобы её оценить, укажите файл сценария с затратами (--scenario)."
        }
        "Odds of paying over the plan's {}: in {} of 100 simulated futures, built from what the pilot measured with its uncertainty, the ROI is above zero. The middle one gives an ROI of {}; 1 in 10 falls below {} and 1 in 10 above {}. Scaling needs at least {} of 100." => {
            "Шансы окупиться за {} плана: в {} из\u{a0}100 смоделированных вариантов, построенных по измерениям пилота с учётом их неопределённости, ROI выше нуля. В среднем варианте (медиана) ROI {}; в 1 варианте из 10 он ниже {}, в 1 из 10 — выше {}. Для масштабирования нужно не меньше {} из\u{a0}100."
        }
        "Odds of paying" => "Шансы окупиться",
        "The bar is the ROI over the plan's {} in {} simulated futures: the dark part holds the middle half of them, the thin line 90 of 100, the tick the middle one; the red line is zero, where the assistant just pays for itself." => {
            "Полоса — ROI за {} плана в {} смоделированных вариантах: в тёмную часть попадает средняя половина вариантов, в тонкую линию — 90 из 100, черта — средний вариант (медиана); красная линия — ноль, где ассистент только окупает себя."
        }
        "What changed (all channels)" => "Что изменилось (все каналы)",
        "Range (95%)" => "Диапазон (95\u{a0}%)",
        "Range (95%) is the confidence interval: the changes that agree with the data once chance variation is allowed for. A range worked out this way misses the true change about 1 time in 20. If it holds both a rise and a fall, the change could be chance; pp are percentage points." => {
            "Диапазон (95\u{a0}%) — доверительный интервал: изменения, которые согласуются с данными с учётом случайных колебаний. Диапазон, рассчитанный так, не захватывает истинное изменение примерно в 1 случае из 20. Если в него попадает и рост, и снижение, изменение может быть случайным; п.\u{a0}п. — процентные пункты."
        }
        "The p-value is how likely a difference at least this large would be if nothing had really changed; below 0.05 the change is usually taken as clear." => {
            "p-значение — насколько вероятна такая же или ещё бо́льшая разница, если на самом деле ничего не изменилось; если оно меньше 0,05, изменение обычно считают явным."
        }
        "All channels" => "Все каналы",
        "Assistant" => "Ассистент",
        "Other channels" => "Другие каналы",
        "none before the pilot or in it" => "ни до пилота, ни в пилоте не было",
        "Seasonality is allowed for: against the same months a year earlier, the leads rose by {} beyond the usual seasonal change (95% range: from {} to {})." => {
            "Сезонность учтена: по сравнению с теми же месяцами год назад заявки выросли на {} сверх обычного сезонного изменения (диапазон 95\u{a0}%: от {} до {})."
        }
        "Seasonality is allowed for: against the same months a year earlier, the leads fell by {} beyond the usual seasonal change (95% range: from {} to {})." => {
            "Сезонность учтена: по сравнению с теми же месяцами год назад заявки снизились на {} сверх обычного сезонного изменения (диапазон 95\u{a0}%: от {} до {})."
        }
        "Seasonality was not checked: the data has no record of the same months a year earlier. A pilot in a high season (8 March, December) can show a rise that is really the season's." => {
            "Сезонность не проверена: в данных нет тех же месяцев год назад. Пилот в высокий сезон (8 Марта, декабрь) может показать рост, который на самом деле объясняется сезоном."
        }
        "In the baseline the leads vary from month to month more than chance alone explains (φ = {}), so the ranges are widened." => {
            "В базовом периоде заявки колеблются от месяца к месяцу сильнее, чем можно объяснить случайностью (φ\u{a0}=\u{a0}{}), поэтому диапазоны расширены."
        }
        "In the baseline the leads vary from month to month no more than chance alone would make them (φ = {})." => {
            "В базовом периоде заявки колеблются от месяца к месяцу не больше, чем при чистой случайности (φ\u{a0}=\u{a0}{})."
        }
        "The data has no leads, so how they vary from month to month is not estimated." => {
            "В данных нет заявок, поэтому их колебания от месяца к месяцу не оцениваются."
        }
        "revenue {}" => "выручка {}",
        "No leads came through the assistant during the pilot." => {
            "Заявок через ассистента за время пилота не было."
        }
        "The assistant over the pilot's {}: {}." => "Ассистент за {} пилота: {}.",
        "in leads" => "заявок",
        "in bookings a month" => "записей в месяц",
        "in visits a month" => "визитов в месяц",
        "in revenue a month" => "выручки в месяц",
        "within {} from {}" => "за {}\u{a0}— от {}",
        "A pilot reliably (8 times in 10) tells a rise {} from chance if it is at least: {}. A smaller rise may well pass for chance variation." => {
            "Пилот надёжно (в 8 случаях из 10) отличит от случайности рост {}, если он не меньше: {}. Рост меньше этого легко принять за случайные колебания."
        }
        "With {} leads a month on average, a rise of {} shows within {} of the pilot." => {
            "Заявок в месяц в среднем — {}: рост на {} станет заметен за {} пилота."
        }
        "A rise of {} cannot be told from chance even within three years at this baseline; measure a longer baseline." => {
            "Рост на {} при таком базовом периоде не отличить от случайности даже за три года; возьмите более длинный базовый период."
        }
        "Leads, plan" => "Заявки, план",
        "Leads, actual" => "Заявки, факт",
        "Revenue, plan" => "Выручка, план",
        "Revenue, actual" => "Выручка, факт",
        "ROI to date, plan" => "ROI нарастающим итогом, план",
        "ROI to date, actual" => "ROI нарастающим итогом, факт",
        "The plan's baseline figures against the data" => "Базовые показатели: план и данные",
        "In the plan" => "В плане",
        "In the data" => "По данным",
        "Each differs by more than 10%: the plan was built on other numbers than the data shows." => {
            "Каждый из этих показателей расходится с данными больше чем на 10\u{a0}%: план построен на других цифрах."
        }
        "The facts behind the decision" => "На чём основано решение",
        "What the baseline says" => "Что показывает базовый период",
        "pilot: range (95%)" => "пилот: диапазон (95\u{a0}%)",
        "The question the decision rests on: did {} rise? Measured {}: {}, 95% range {}, p-value {}." => {
            "Главный вопрос: выросли ли {}? Измерено {}: {}, диапазон 95\u{a0}%: {}, p-значение {}."
        }
        "The question the decision rests on: did {} rise? Measured {}: {}, range {} at look {} of {} of the pilot plan (it must reach a p-value of {} or less this month; the looks together keep a false \"scale\" to 5%), p-value {}." => {
            "Главный вопрос: выросли ли {}? Измерено {}: {}, диапазон {} на просмотре {} из {} по плану пилота (в этом месяце нужно p-значение не больше {}; все просмотры вместе оставляют шанс ошибочного «масштабировать» не выше 5\u{a0}%), p-значение {}."
        }
        "{}: {}; the decision can rest on bookings or visits instead (--primary bookings)." => {
            "{}: {}; решение можно принять по записям или визитам (--primary bookings)."
        }
        "{}: {}, so this change cannot be judged yet." => {
            "{}: {}, поэтому об этом изменении пока нельзя судить."
        }
        "The question the decision rests on: did {} rise? The data cannot say: {}." => {
            "Главный вопрос: выросли ли {}? По данным этого не сказать: {}."
        }
        "The data has no leads, so how long a pilot must run to see a rise in them cannot be worked out." => {
            "В данных нет заявок, поэтому нельзя рассчитать, сколько должен идти пилот, чтобы увидеть их рост."
        }
        "The planned length is over: the rise is clear, but not yet likely enough to pay, and looking longer now would be peeking. If the assistant is still worth trying, plan a new pilot." => {
            "Запланированный срок пилота вышел: рост явный, но шансы окупиться пока недостаточны, а продолжать смотреть дальше — значит подгонять ответ. Если ассистента всё ещё стоит пробовать, спланируйте новый пилот."
        }
        "Decision: STOP — the pilot does not pay its way." => {
            "Решение: ОСТАНОВИТЬ — пилот себя не оправдывает."
        }
        "ROI to date on the measured revenue and the plan's costs: {}." => {
            "ROI за время пилота по фактической выручке и затратам из плана: {}."
        }
        "The plan was built on other baseline figures than the data shows (see below)." => {
            "Базовые показатели плана расходятся с данными (см. ниже)."
        }
        "Leads per month by channel" => "Заявки в месяц по каналам",
        "Metric" => "Показатель",
        "Pilot" => "Пилот",
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
        "new: none before the pilot" => "до пилота не было (новый канал)",
        "none in the pilot" => "в пилоте нет",
        "monthly totals carry no single checks, so their spread is unknown" => {
            "в итогах по месяцам нет отдельных чеков, разброс неизвестен"
        }
        "fewer than two priced visits in a period" => "меньше двух визитов с суммой в периоде",
        "Month-to-month variation is unknown with one baseline month; the intervals assume none beyond chance." => {
            "По одному месяцу базы колебания не оценить; интервалы учитывают только случайный разброс."
        }
        "{}: {}" => "{}: {}",
        "Against the plan «{}»" => "Сравнение с планом «{}»",
        "[after]: the pilot's measured changes as distributions over their 95% intervals (leads lognormal, the rest normal), for `roi simulate` and `roi sensitivity`; `roi pilot` drew its odds of paying from exactly these." => {
            "[after]: изменения, измеренные в пилоте, в виде распределений по их диапазонам (доверительные интервалы 95\u{a0}%; заявки — логнормальное, остальное — нормальное) — для `roi simulate` и `roi sensitivity`; шансы окупиться `roi pilot` рассчитал именно по ним."
        }
        "From the plan «{}»." => "Затраты, экономия и допущения — из плана «{}».",
        "--expect {}: a rise in leads like +30% or 0.3" => {
            "--expect {}: укажите ожидаемый рост заявок, например +30% или 0.3"
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
        "baseline mean" => "среднее за базовый период",
        "plan" => "план",
        "measured leads" => "заявки (факт)",
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
        "More leads that book a little less often still bring more bookings: {}." => {
            "Заявок больше, и хотя записываются они чуть реже, записей всё равно больше: {}."
        }
        "Bookings still open at the export's date (neither came nor marked no-show): {}. Against the plan they count as revenue to come, at the share of the baseline's bookings that came and its average check." => {
            "Записи, ещё не закрытые на дату выгрузки (клиент не пришёл и не отмечен как неявка): {}. В сравнении с планом они считаются будущей выручкой — по доле записей базового периода, закончившихся визитом, и по его среднему чеку."
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
        "Clients who come back" => "Возвраты клиентов",
        "New clients of the pilot (first visit in it): the assistant's {} ({} back so far), the other channels' {} ({} back so far)." => {
            "Новые клиенты пилота (первый визит — в период пилота): от ассистента — {} (уже вернулись: {}), из других каналов — {} (уже вернулись: {})."
        }
        "once both channels have new clients" => "когда у обоих каналов появятся новые клиенты",
        "after {}" => "после {}",
        "Too early to compare them: clients come back within weeks, and no client of one channel has been followed 60 days yet; look again {}." => {
            "Сравнивать пока рано: клиенты возвращаются через несколько недель, а ни у одного нового клиента одного из каналов с первого визита до даты выгрузки ещё не прошло 60 дней; проверьте снова {}."
        }
        "Back within 60 days of the first visit (Kaplan–Meier: a client not back yet counts only for the days the export has followed her): the assistant's {}, the other channels' {}; the difference {} (range 95%: {} … {}) — {}." => {
            "Вернулись в течение 60 дней после первого визита (оценка Каплана — Мейера: клиент, который ещё не вернулся, учитывается только за дни до даты выгрузки): клиенты ассистента — {}, других каналов — {}; разница {} (диапазон 95\u{a0}%: {} … {}) — {}."
        }
        "the assistant's clients come back clearly more often" => {
            "клиенты ассистента возвращаются явно чаще"
        }
        "the assistant's clients come back clearly less often" => {
            "клиенты ассистента возвращаются явно реже"
        }
        "Existing clients' returns are not compared: the export must start half a year before the baseline." => {
            "Визиты постоянных клиентов не сравниваются: для этого выгрузка должна начинаться за полгода до базового периода."
        }
        "Existing clients' returns are not compared: too few months with active clients." => {
            "Визиты постоянных клиентов не сравниваются: слишком мало месяцев с активными клиентами."
        }
        "clearly more" => "явно больше",
        "clearly fewer" => "явно меньше",
        "Existing clients (a visit in the half year before the month) came {} times a month each in the baseline and {} in the pilot: {} (range 95%: {} … {}) — {}. Not adjusted for the season; the assistant's reminders are one possible cause." => {
            "Постоянные клиенты (был визит за полгода до месяца) приходили в среднем {} раза в месяц на человека в базовом периоде и {} — в пилоте: {} (диапазон 95\u{a0}%: {} … {}) — {}. Без поправки на сезон; напоминания ассистента — лишь одна из возможных причин."
        }
        "Clients' returns: {}." => "Возвраты клиентов: {}.",
        "The share of the pilot's new clients back after each day since the first visit (Kaplan–Meier); the red line is day 60." => {
            "Доля новых клиентов пилота, вернувшихся к каждому дню после первого визита (оценка Каплана — Мейера); красная линия — 60-й день."
        }
        "days since the first visit" => "дней после первого визита",
        "the assistant's new clients" => "новые клиенты ассистента",
        "the other channels' new clients" => "новые клиенты других каналов",
        _ => return None,
    })
}
