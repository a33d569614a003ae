//! Russian for the limits of exact arithmetic: values too large, too small or
//! too long, steps of the model that cannot be computed exactly, and the
//! names of those steps.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        "too many significant digits for exact arithmetic at this magnitude: {} would have to be rounded; round the amounts or use fewer decimals" => {
            "слишком много значащих цифр для точного расчёта при такой величине: значение «{}» пришлось бы округлить; округлите суммы или уберите лишние знаки после запятой"
        }
        "; it comes from {}" => "; в расчёт входят: {}",
        "is too large: exact decimal arithmetic stops below 7.9e28; check it for extra zeros" => {
            "слишком велико: точная десятичная арифметика работает с числами меньше 7.9e28; проверьте, нет ли лишних нулей"
        }
        "is too small: exact decimal arithmetic keeps 28 decimal places, so the smallest amount above zero is 1e-28; write 0 for nothing" => {
            "слишком мало: точная десятичная арифметика хранит 28 знаков после запятой, поэтому наименьшее число больше нуля — 1e-28; если имеется в виду «ничего», напишите 0"
        }
        "its midpoint, the median calc uses, has more digits than exact arithmetic keeps at this magnitude; round an end" => {
            "его середина — медиана, по которой считает calc, — при такой величине не помещается в точную арифметику; округлите одну из границ"
        }
        "its midpoint, the value calc uses, has more digits than exact arithmetic keeps at this magnitude; give a mode, as in { low = …, high = …, mode = … }" => {
            "его середина, по которой считает calc, при такой величине не помещается в точную арифметику; укажите наиболее вероятное значение: { low = …, high = …, mode = … }"
        }
        "ROI is undefined here: the scenario has no costs (costs.setup and costs.monthly are 0), and ROI divides by cost, so no value of {} reaches an ROI target. Give a cost, or solve for net or benefit." => {
            "ROI здесь не определён: в сценарии нет затрат (costs.setup и costs.monthly равны 0), а ROI делится на затраты, поэтому никакое значение {} не даёт целевой ROI. Укажите затраты или ищите по net или benefit."
        }
        "cannot be worked out exactly from the baseline {}: the result would pass 7.9e28 or need more significant digits than exact arithmetic keeps" => {
            "не удаётся точно рассчитать от базового значения {}: результат превысил бы 7.9e28 или потребовал бы больше значащих цифр, чем хранит точная арифметика"
        }
        // Steps of the model, named when one cannot be computed exactly.
        "ramp" => "выход на полный эффект",
        "ramp share" => "доля эффекта при выходе на полную силу",
        "discount factor" => "коэффициент дисконтирования",
        "monthly rate" => "месячная ставка дисконтирования",
        "benefit" => "выгода",
        "cost" => "затраты",
        "net" => "чистый итог",
        "cash" => "остаток денег",
        "yearly benefit" => "выгода за год",
        "yearly cost" => "затраты за год",
        "yearly net" => "чистый итог за год",
        "ROI swing" => "размах ROI",
        _ => return None,
    })
}
