//! Russian for model v2: capacity, seasons, cost lines and repeat visits, in scenarios, errors and reports.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        "[[costs.item]] takes: {}" => "допустимые ключи в [[costs.item]]: {}",
        "must be a list of tables, each written [[costs.item]] with a name" => {
            "должно быть списком таблиц: каждая строка затрат пишется как [[costs.item]] с name"
        }
        "must be a list of twelve factors, January to December, like leads = [0.85, 0.9, 1.25, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.05, 1.1, 1.35]" => {
            "должно быть списком из двенадцати коэффициентов, с января по декабрь, например leads = [0.85, 0.9, 1.25, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.05, 1.1, 1.35]"
        }
        "the scenario has no [seasonality] table to change; add one with start = \"YYYY-MM\" and twelve factors in leads" => {
            "в сценарии нет таблицы [seasonality], которую можно было бы изменить; добавьте её: start = \"ГГГГ-ММ\" и двенадцать коэффициентов в leads"
        }
        "must be the calendar month of projection month 1, written \"YYYY-MM\" in quotes, like \"2026-03\"" => {
            "должен быть календарным месяцем, с которого начинается прогноз, в кавычках в виде \"ГГГГ-ММ\", например \"2026-03\""
        }
        "every [[costs.item]] needs a name in quotes, like name = \"Telephony\"" => {
            "у каждой [[costs.item]] должно быть название в кавычках, например name = \"Телефония\""
        }
        "another [[costs.item]] already has this name; names must differ" => {
            "это название уже есть у другой [[costs.item]]; названия должны различаться"
        }
        "is required with the factors: the calendar month of projection month 1, written \"YYYY-MM\", like \"2026-03\"" => {
            "обязателен вместе с коэффициентами: календарный месяц, с которого начинается прогноз, в виде \"ГГГГ-ММ\", например \"2026-03\""
        }
        "is required with start: twelve factors on leads, January to December, like leads = [0.85, 0.9, 1.25, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.05, 1.1, 1.35]" => {
            "обязателен вместе со start: двенадцать коэффициентов к заявкам, с января по декабрь, например leads = [0.85, 0.9, 1.25, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.05, 1.1, 1.35]"
        }
        "the scenario has no cost line named \"{}\", and no [[costs.item]] at all" => {
            "в сценарии нет строки затрат «{}» — и вообще ни одной [[costs.item]]"
        }
        "the scenario has no cost line named \"{}\"; its lines are {}" => {
            "в сценарии нет строки затрат «{}»; есть строки: {}"
        }
        "has {} factors; it takes twelve, January to December, each a number ≥ 0 like 1.25 (a quarter above an average month)" => {
            "коэффициентов: {}, а нужно двенадцать, с января по декабрь, каждый — число ≥ 0, например 1.25 (на четверть больше среднего месяца)"
        }
        "is past the horizon (scenario.months = {}); it takes a month from 1 to {}" => {
            "выходит за период прогноза (scenario.months = {}); допустим месяц от 1 до {}"
        }
        "comes before the line's first month ({} = {}); a line runs from `from` to `to`, with from ≤ to" => {
            "раньше первого месяца строки ({} = {}); строка действует с `from` по `to`, и from ≤ to"
        }
        "is below the {} visits a month the baseline already serves (leads × conversion × (1 − no-show rate)); the baseline is what was served, so raise capacity.visits or correct [baseline]" => {
            "меньше, чем обслуживается сейчас: визитов в месяц — {} (leads × conversion × (1 − no_show_rate)); [baseline] — это то, что реально обслужено, поэтому увеличьте capacity.visits или исправьте [baseline]"
        }
        "is below the {} visits a month the baseline serves at the busy end of its ranges (leads × conversion × (1 − no-show rate)); the baseline is what was served, so raise capacity.visits or narrow the [baseline] ranges" => {
            "меньше, чем даёт [baseline] на верхней границе своих диапазонов: визитов в месяц — {} (leads × conversion × (1 − no_show_rate)); [baseline] — это то, что реально обслужено, поэтому увеличьте capacity.visits или сузьте диапазоны в [baseline]"
        }
        "too many cost lines: a scenario holds at most {} [[costs.item]]; merge the small ones" => {
            "слишком много строк затрат: в сценарии может быть не больше {} [[costs.item]]; объедините мелкие"
        }
        "a factor ≥ 0 on an average month's leads, like 1.25 or \"125%\" (a quarter more) or 0.8" => {
            "коэффициент ≥ 0 к заявкам среднего месяца, например 1.25 или \"125%\" (на четверть больше) или 0.8"
        }
        "Solved exactly: near the answer the target is linear in this input (the capacity or a season bends it elsewhere).\n" => {
            "Решено точно: вблизи ответа цель линейно зависит от этого параметра (в других местах её изгибают вместимость или сезон).\n"
        }
        // What overflowed, named in the overflow message.
        "seasonal leads" => "заявки с учётом сезона",
        "turned away" => "отказы из-за загрузки",
        "new clients" => "новые клиенты",
        "Repeat visits" => "Повторные визиты",
        "Repeat visits over {}" => "Повторные визиты за {}",
        "Repeat visits over the horizon" => "Повторные визиты за весь период",
        "Repeat visits per new client (a visit the assistant adds over the baseline) in the 1st, 2nd, … month after her first visit: {}; they are at the after check, counted with the gross margin, and left out of the summary's monthly figures." => {
            "Повторные визиты на одного нового клиента (визит, добавленный ассистентом сверх базы) в 1-й, 2-й, … месяц после первого визита: {}; они идут по среднему чеку после внедрения, с учётом маржи, и не входят в помесячные цифры сводки."
        }
        "With the capacity, a month's own visits are served first and repeat visits take the room left; the rest are turned away." => {
            "При ограничении мест визиты самого месяца обслуживаются первыми, а повторные занимают оставшиеся места; не поместившиеся считаются отказами."
        }
        "a number ≥ 0 of repeat visits per new client, like 0.5 or \"50%\" (one new client in two comes back that month)" => {
            "число повторных визитов на одного нового клиента, ≥ 0, например 0.5 или \"50%\" (в этом месяце возвращается каждый второй новый клиент)"
        }
        "must be a list of repeat visits per new client, month by month from the month after her first visit, like repeat_visits = [0.5, 0.3, 0.2]" => {
            "должно быть списком повторных визитов на одного нового клиента по месяцам, начиная с месяца после первого визита, например repeat_visits = [0.5, 0.3, 0.2]"
        }
        "is required: the repeat visits per new client, month by month from the month after her first visit, like repeat_visits = [0.5, 0.3, 0.2]" => {
            "обязателен: повторные визиты на одного нового клиента по месяцам, начиная с месяца после первого визита, например repeat_visits = [0.5, 0.3, 0.2]"
        }
        "has {} months; it follows at most {} months after a client's first visit, each a number ≥ 0 of repeat visits per new client like 0.5" => {
            "месяцев: {}, а учитывается не больше {} месяцев после первого визита клиента; каждое значение — число ≥ 0 повторных визитов на одного нового клиента, например 0.5"
        }
        "names no month of repeat visits; they are set one month at a time, from retention.repeat_visits.1 (the month after a client's first visit) to retention.repeat_visits.{}" => {
            "не называет ни одного месяца повторных визитов; они задаются по одному месяцу, от retention.repeat_visits.1 (месяц после первого визита клиента) до retention.repeat_visits.{}"
        }
        "repeat visits" => "повторные визиты",
        "repeat revenue" => "выручка от повторных визитов",
        "yearly increase" => "ежегодное повышение",
        "monthly fee" => "ежемесячный платёж",
        "setup" => "разовые затраты",
        // Reports.
        "Visits turned away over the horizon" => "Не хватило мест за весь период, визитов",
        "Visits turned away over {}" => "Не хватило мест за {}, визитов",
        "Assistant: setup and subscription" => "Ассистент: внедрение и абонентская плата",
        "Cost lines" => "Статьи затрат",
        "Cash first reached zero in month {}, then fell below it again (a low season or a later setup); payback counts from the last time it turned up for good: {}." => {
            "Денежный итог впервые достиг нуля в {}-м месяце, но потом снова ушёл в минус (низкий сезон или поздние разовые затраты); поэтому срок окупаемости — момент, после которого он больше не опускается ниже нуля: {}."
        }
        "Each cost line's setup is paid at the start of its first month, and its fee rises by its yearly increase every 12 months from then; payback is the time after which cash stays at or above zero to the horizon." => {
            "Разовые затраты статьи оплачиваются в начале её первого месяца, а ежемесячный платёж повышается на заданный процент каждые 12 месяцев с начала действия статьи; срок окупаемости — момент, после которого денежный итог не опускается ниже нуля до конца прогноза."
        }
        "Capacity, visits a month" => "Вместимость, визитов в месяц",
        "Capacity {} visits a month: demand above it is turned away, before and after the assistant alike; the summary's monthly figures are for an average month." => {
            "Вместимость: визитов в месяц — {}; спрос сверх неё не обслуживается ни до, ни после внедрения ассистента; месячные показатели в «Итогах» — для среднего месяца."
        }
        "Seasons: month 1 is {}; leads are multiplied by the month's factor (January to December: {})." => {
            "Сезонность: первый месяц прогноза — {}; заявки умножаются на коэффициент месяца (с января по декабрь: {})."
        }
        "Revenue before" => "Выручка до внедрения",
        "Revenue after" => "Выручка после внедрения",
        "Turned away" => "Не хватило мест",
        "Line" => "Статья",
        "Setup" => "Разово",
        "Monthly" => "В месяц",
        "Yearly increase" => "Рост в год",
        "January" => "январь",
        "February" => "февраль",
        "March" => "март",
        "April" => "апрель",
        "May" => "май",
        "June" => "июнь",
        "July" => "июль",
        "August" => "август",
        "September" => "сентябрь",
        "October" => "октябрь",
        "November" => "ноябрь",
        "December" => "декабрь",
        // solve: a target met only within an interval of the key (a cap).
        "{}: the target is met only {}." => "{}: цель достигается только {}.",
        "between {} and {}" => "в диапазоне от {} до {}",
        "at {} and below" => "при значении {} и ниже",
        "at {} and above" => "при значении {} и выше",
        " and " => " и ",
        "At {} = {}: {} = {}; exact value, for --set: {}" => {
            "При {} = {}: {} = {}; точное значение для --set: {}"
        }
        _ => return None,
    })
}
