//! The evidence: the business's own exports → a measured funnel → statistics → a pilot's verdict.
//!
//! [`measure`] reads exports (sniffing, decoding, CSV/XLSX/HTML) into a table,
//! maps it to records and counts the monthly funnel; [`stats`] holds the
//! statistics as pure functions; [`pilot`] judges a pilot against its baseline
//! and decides. The pilot's projection uses the forecast's model
//! ([`crate::forecast::scenario`], [`crate::forecast::engine`]), never the other way.

pub mod exports;
pub mod measure;
pub mod pilot;
pub mod retention;
pub mod stats;
pub mod switchback;
