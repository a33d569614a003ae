//! Russian for `roi measure` and `roi pilot`: reading exports, the measured funnel, the pilot's verdict.

/// The Russian for `en`, if this area has it.
pub(super) fn get(en: &str) -> Option<&'static str> {
    Some(match en {
        // reading files
        "{}: not a readable {} file: {}" => "{}: файл не читается как {}: {}",
        "{}: no sheet named \"{}\"; the sheets are: {}" => "{}: нет листа «{}»; листы в книге: {}",
        "{}: an HTML file with no table in it" => "{}: в HTML-файле нет таблицы",
        "{}, line {}: {}" => "{}, строка {}: {}",
        "a quoted field is never closed (a \" is missing)" => {
            "поле в кавычках не закрыто (не хватает \")"
        }
        "the text is not valid UTF-8" => "текст не в кодировке UTF-8",
        "the workbook has no sheets" => "в книге нет ни одного листа",
        _ => return None,
    })
}
