//! Snapshots of every renderer on every example: a change in output is a reviewed change.

mod common;

fn calc(example: &str, format: &str) -> String {
    let out = common::roi()
        .args([
            "calc",
            &format!("examples/{example}.toml"),
            "--format",
            format,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

macro_rules! snapshots {
    ($($name:ident: $example:literal, $format:literal;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(calc($example, $format));
            }
        )*
    };
}

snapshots! {
    salon_table: "salon-rostov", "table";
    salon_json: "salon-rostov", "json";
    salon_csv: "salon-rostov", "csv";
    clinic_table: "clinic-rostov", "table";
    clinic_json: "clinic-rostov", "json";
    clinic_csv: "clinic-rostov", "csv";
    fitness_table: "fitness-rostov", "table";
    fitness_json: "fitness-rostov", "json";
    fitness_csv: "fitness-rostov", "csv";
    salon_capacity_table: "salon-capacity", "table";
    salon_capacity_json: "salon-capacity", "json";
    salon_capacity_csv: "salon-capacity", "csv";
    fitness_seasonal_table: "fitness-seasonal", "table";
    fitness_seasonal_json: "fitness-seasonal", "json";
    fitness_seasonal_csv: "fitness-seasonal", "csv";
    salon_retention_table: "salon-retention", "table";
    salon_retention_json: "salon-retention", "json";
    salon_retention_csv: "salon-retention", "csv";
}
