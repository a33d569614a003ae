//! Russian for the switchback pilot: `roi pilot design`, the schedule file
//! and `roi pilot --schedule`.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        // The schedule file.
        "the file is empty; write a schedule with roi pilot design -o schedule.csv" => {
            "файл пуст; запишите расписание командой roi pilot design -o schedule.csv"
        }
        "day or week" => "day или week",
        "a whole number of days, like 0 or 1" => "целое число дней, например 0 или 1",
        "the whole number roi pilot design wrote" => {
            "целое число, которое записала roi pilot design"
        }
        "a date like 2026-01-12" => "дата вида 2026-01-12",
        "a schedule that ends before the year 262143" => {
            "расписание, которое заканчивается раньше 262143 года"
        }
        "the schedule has no days below its header; write one with roi pilot design -o schedule.csv" => {
            "в расписании нет дней под заголовком; запишите его командой roi pilot design -o schedule.csv"
        }
        "not a CSV row: {}" => "не строка CSV: {}",
        "the header must be {} (as roi pilot design writes it)" => {
            "заголовок должен быть {} (как его пишет roi pilot design)"
        }
        "whole blocks of two weeks, so that each weekday is on and off equally often: {} days" => {
            "целые блоки по две недели, чтобы каждый день недели был включён и выключен поровну: {} дней"
        }
        "whole pairs of weeks, one on and one off: {} weeks" => {
            "целые пары недель, одна включена и одна выключена: {} недель"
        }
        "at least two blocks of two weeks, so that the test has a spread to judge by: {} days or more" => {
            "не меньше двух блоков по две недели, чтобы тесту было с чем сравнивать разброс: {} дней или больше"
        }
        "at least two pairs of weeks, so that the test has a spread to judge by: {} weeks or more" => {
            "не меньше двух пар недель, чтобы тесту было с чем сравнивать разброс: {} недель или больше"
        }
        "at most {} days" => "не больше {} дней",
        "at most {} weeks" => "не больше {} недель",
        "a washout of 0 to {} days" => "период отмывки от 0 до {} дней",
        "a week-level schedule holds whole weeks; it has {} days" => {
            "расписание по неделям состоит из целых недель, а в нём {} дней"
        }
        "the schedule's {} rows are not a design: {}" => {
            "{} строк расписания не образуют дизайн: {}"
        }
        "the days must follow one another from {}: this row should be {}" => {
            "дни должны идти подряд с {}: в этой строке должно быть {}"
        }
        "the recorded design (unit {}, washout {}, seed {}) has {} here: the schedule was edited after it was drawn, so the test could not know which days could have been on. Draw it again with roi pilot design, or restore the file" => {
            "по записанному дизайну (единица {}, отмывка {}, зерно {}) здесь {}: расписание правили после жеребьёвки, и тест не может знать, какие дни могли быть включены. Составьте его заново командой roi pilot design или верните файл"
        }
        // The analysis' refusals.
        "the export has no leads day by day (a sheet of monthly totals, or a booking system's records); give the CRM's export of records" => {
            "в выгрузке нет заявок по дням (лист месячных итогов или записи системы бронирования); дайте выгрузку сделок из CRM"
        }
        "the baseline has no leads in its first {} days; choose months with leads" => {
            "в первые {} дней базы нет заявок; выберите месяцы с заявками"
        }
        "the export has no dated records" => "в выгрузке нет записей с датами",
        "the export begins on {}, after the schedule's first day {}; export from {} or earlier" => {
            "выгрузка начинается {}, позже первого дня расписания {}; выгрузите данные с {} или раньше"
        }
        "the export ends on {} and covers {} of the schedule's {} blocks in full; the test needs two blocks at least: export again after {}" => {
            "выгрузка заканчивается {} и целиком покрывает {} из {} блоков расписания; тесту нужно не меньше двух: выгрузите снова после {}"
        }
        "a switchback is judged day by day, and a sheet of monthly totals has no days; give the CRM's export of records" => {
            "пилот с переключением оценивается по дням, а в листе месячных итогов дней нет; дайте выгрузку сделок из CRM"
        }
        // The calendar.
        "How the test was made" => "Как проведена проверка",
        "Switchback pilot: {} — {}" => "Пилот с переключением: {}\u{a0}— {}",
        "The schedule" => "Расписание",
        "by days" => "по дням",
        "by weeks" => "по неделям",
        "■ ON" => "■ ВКЛ",
        "■ ON*" => "■ ВКЛ*",
        "  off" => "  выкл",
        "  off*" => "  выкл*",
        "■ ON: the assistant answers clients. off: pause it; the administrator answers as before the assistant." => {
            "■ ВКЛ — ассистент отвечает клиентам. выкл — поставьте ассистента на паузу, отвечает администратор, как до ассистента."
        }
        "Each weekday is on once and off once in every two weeks, so a busy Saturday counts for both sides alike." => {
            "Каждый день недели в каждые две недели один раз включён и один раз выключен, так что загруженная суббота достаётся обеим сторонам поровну."
        }
        "Each pair of weeks holds one on week and one off week, so the season and a trend fall on both sides alike." => {
            "В каждой паре недель одна неделя с ассистентом и одна без, так что сезон и тренд достаются обеим сторонам поровну."
        }
        "days" => "дней",
        "weeks" => "недель",
        "Switchback pilot {}: {} to {}, {} days ({} on, {} off), {} blocks of two weeks" => {
            "Пилот с переключением {}: с {} по {}, {} дней ({} с ассистентом, {} без), блоков по две недели: {}"
        }
        "*: the first {} day(s) after a switch are left out of the analysis (late replies to the day before's leads); keep to the schedule on them all the same." => {
            "* — первые дни после переключения ({}) не входят в анализ (поздние ответы на вчерашние заявки); расписание в эти дни всё равно соблюдайте."
        }
        "Seed {}: the schedule file records it, so the analysis can rebuild every schedule this design could have drawn. Do not edit the file." => {
            "Зерно {} записано в файле расписания: по нему анализ восстановит все расписания, которые мог дать этот дизайн. Не правьте файл."
        }
        "This design cannot show a clear change: its {} possible schedules give no p-value below {}. Run 12 weeks or more, or switch by days." => {
            "Такой дизайн не может показать явное изменение: {} возможных расписаний не дают p-значения меньше {}. Проводите пилот 12 недель или дольше либо переключайте по дням."
        }
        "Sized by {}: {} leads a day; the same weekday a week apart varies {} times as much as chance alone." => {
            "По базе {}: {} заявок в день; один и тот же день недели с интервалом в неделю колеблется в {} раза сильнее чистой случайности."
        }
        "This schedule counts {} days and sees a rise in leads of {} or more at 80% power." => {
            "Это расписание учитывает {} дней и с мощностью 80 % увидит рост заявок на {} и больше."
        }
        "With {} expected: this schedule's power is {}; {} {} give 80%." => {
            "При ожидаемом росте {} мощность этого расписания {}; 80 % дают {} {}."
        }
        "With {} expected: this schedule's power is {}; no schedule of this kind reaches 80%." => {
            "При ожидаемом росте {} мощность этого расписания {}; ни одно расписание такого вида не достигает 80 %."
        }
        // The judgement.
        "The range comes from the same test: it holds every steady rise or fall that this test would not call a clear change." => {
            "Диапазон получен тем же тестом: в него входит любой постоянный рост или спад, который этот тест не назвал бы явным изменением."
        }
        "The interval is quasi-Poisson (days paired by weekday within blocks): the washout days move with the schedule, so the test cannot be inverted." => {
            "Диапазон (95\u{a0}%) рассчитан квази-пуассоновским методом (дни в парах по дню недели внутри блоков): дни отмывки зависят от расписания, поэтому тест нельзя обратить."
        }
        "What changed on the on days" => "Что изменилось в дни с ассистентом",
        "Whether the assistant was really off was not checked: give the mapping's [ai] rule (or --ai) to count its leads on off days." => {
            "Был ли ассистент действительно выключен, не проверено: задайте правило [ai] в файле сопоставления (или --ai), чтобы сосчитать его заявки в дни без него."
        }
        "Switchback pilot {}, {} to {}: {} on days and {} off days counted, {} washout days left out" => {
            "Пилот с переключением {}, с {} по {}: учтено {} дней с ассистентом и {} без, дней отмывки исключено: {}"
        }
        "The export covers {} of the schedule's {} blocks: judged on those; the rest will count when exported." => {
            "Выгрузка покрывает {} из {} блоков расписания: оценка по ним; остальные войдут, когда будут выгружены."
        }
        "The p-value is exact: of all {} schedules this design could have drawn, {} show a difference at least as large as this one." => {
            "p-значение точное: из всех {} расписаний, которые мог дать этот дизайн, разницу не меньше этой показывают {}."
        }
        "The p-value is by randomisation: of {} schedules drawn from the design's {} (seed {}), {} show a difference at least as large as this one." => {
            "p-значение по рандомизации: из {} расписаний, вытянутых из {} возможных (зерно {}), разницу не меньше этой показывают {}."
        }
        "Was the switch followed: the assistant's leads on off days {} of {} ({}; above 5% the schedule counts as not followed)." => {
            "Соблюдалось ли расписание: заявок ассистента в дни без него {} из {} ({}; больше 5 % — расписание не соблюдалось)."
        }
        " and {} more" => " и ещё {}",
        "Off days with the assistant's leads: {}{}." => {
            "Дни без ассистента, в которые есть его заявки: {}{}."
        }
        "Days with no records at all: {}{} — closed days, or days the export misses." => {
            "Дни совсем без записей: {}{} — выходные или дни, которых нет в выгрузке."
        }
        "The schedule was not followed: the assistant brought {} of the {} leads of its off days ({}). The effect measured is a lower bound: with the assistant truly off those days, the difference would be larger." => {
            "Расписание не соблюдалось: ассистент принёс {} из {} заявок в дни, когда должен был быть выключен ({}). Измеренный эффект — нижняя граница: будь ассистент в эти дни действительно выключен, разница была бы больше."
        }
        "on days against off days of the randomised schedule (the season and any trend fall on both alike)" => {
            "в дни с ассистентом против дней без него по случайному расписанию (сезон и тренд достаются обеим сторонам поровну)"
        }
        "Off days" => "Без ассистента",
        "On days" => "С ассистентом",
        "Leads a day" => "Заявки в день",
        "Other channels' leads a day" => "Заявки других каналов в день",
        "Bookings a day" => "Записи в день",
        "Visits a day" => "Визиты в день",
        "Revenue a day" => "Выручка в день",
        // The workbook and the calendar file.
        "Schedule" => "Расписание",
        "AI assistant ON" => "ИИ-ассистент включён",
        "AI assistant OFF" => "ИИ-ассистент выключен",
        "The assistant answers clients. Do not switch it off." => {
            "Ассистент отвечает клиентам. Не выключайте его."
        }
        "Pause the assistant: the administrator answers clients, as before the assistant." => {
            "Поставьте ассистента на паузу: клиентам отвечает администратор, как до ассистента."
        }
        "{}\nThe first {} day(s) after the switch are not counted (late replies to the day before's leads), but keep to the schedule." => {
            "{}\nПервые дни после переключения ({}) не учитываются (поздние ответы на вчерашние заявки), но расписание соблюдайте."
        }
        // The command line.
        "give --days N or --weeks N" => "укажите --days N или --weeks N",
        "--baseline sizes the pilot by an export: give the export files too" => {
            "--baseline оценивает пилот по выгрузке: укажите и файлы выгрузки"
        }
        "an export sizes the pilot by its --baseline months: give --baseline FROM..TO" => {
            "выгрузка оценивает пилот по месяцам --baseline: укажите --baseline ОТ..ДО"
        }
        "--start {}: a date like 2026-01-12" => "--start {}: дата вида 2026-01-12",
        "-o: a schedule is written as .csv, .xlsx or .ics, not .{}; give --format" => {
            "-o: расписание пишется в .csv, .xlsx или .ics, а не в .{}; укажите --format"
        }
        _ => return None,
    })
}
